//! The reader, end to end: snapshots of the screen for the bundled samples
//! (ratatui's test backend, driven through the real event loop), and the
//! real binary in a pseudo-terminal (keys, quitting, signals, a panic) with
//! a check that the terminal is restored every time.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

#[path = "support/script.rs"]
mod script;
use script::{keys, screen_text};

use byline::model::Article;
use byline::source::{self, LoadLimits, SourceSpec};
use byline::tui::app::{App, LoadState, Settings};
use byline::tui::jobs::Jobs;
use byline::tui::keymap::Keymap;
use byline::tui::terminal::Screen;
use byline::tui::theme::Theme;
use expectrl::Expect;
use expectrl::process::unix::Signal;
use pty::{assert_restored, byline_command, drain, exit_code, spawn, wait_for};

#[path = "support/pty.rs"]
mod pty;

const SAMPLES: [&str; 3] = ["harbor-compact.html", "borderline-budget.txt", "quiet-diplomacy.md"];

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples").join(name)
}

fn article(name: &str) -> Article {
    let spec = SourceSpec::parse(&sample(name).display().to_string());
    let loaded = source::load(&spec, LoadLimits::default()).unwrap();
    byline::pipeline::build(&loaded, None).unwrap()
}

/// The screen after `script`, as text (trailing blanks trimmed).
fn screen_after(
    name: &str,
    cols: u16,
    rows: u16,
    script: &str,
    theme: &Theme,
) -> (String, Screen<ratatui::backend::TestBackend>) {
    let mut app =
        App::new(article(name), LoadState::Ready, Keymap::defaults().unwrap(), *theme, Settings::default());
    let mut screen = Screen::test(cols, rows).unwrap();
    let mut events = keys(script);
    let mut jobs = Jobs::inline(byline::tui::jobs::Tools::default());
    byline::tui::run_loop(&mut app, &mut screen, &mut events, &mut jobs, false).unwrap();
    let text = screen_text(&screen);
    (text, screen)
}

fn stem(name: &str) -> &str {
    name.split('.').next().unwrap()
}

const STATES: [(&str, &str); 6] = [
    ("first", ""),
    ("section", "]]"),
    ("quote", "}}"),
    ("speaker_filter", "<Tab><Tab><Enter>"),
    ("search", "/the"),
    ("help", "?"),
];

#[test]
fn snapshots_wide_with_panels_beside() {
    for name in SAMPLES {
        for (state, script) in STATES {
            let (text, _) = screen_after(name, 160, 48, script, &Theme::mono());
            insta::assert_snapshot!(format!("{}_160x48_{state}", stem(name)), text);
        }
    }
}

#[test]
fn snapshots_narrow_with_panels_folded() {
    for name in SAMPLES {
        for (state, script) in STATES.into_iter().chain([("overlay", "p")]) {
            let (text, _) = screen_after(name, 80, 24, script, &Theme::mono());
            insta::assert_snapshot!(format!("{}_80x24_{state}", stem(name)), text);
        }
    }
}

#[test]
fn quotes_and_speakers_are_styled_in_the_text() {
    let theme = Theme::dark256();
    let (_, screen) = screen_after("quiet-diplomacy.md", 160, 48, "", &theme);
    let buffer = screen.backend().buffer();
    let cells: Vec<_> = buffer.content().iter().collect();
    assert!(cells.iter().any(|c| c.fg == theme.quote.fg.unwrap()), "a quote is highlighted");
    assert!(cells.iter().any(|c| c.fg == theme.speaker.fg.unwrap()), "a speaker is marked");
    assert!(cells.iter().any(|c| c.fg == theme.heading.fg.unwrap()), "a heading is styled");
    assert!(cells.iter().any(|c| c.fg == theme.link.fg.unwrap()), "a link is styled");
}

#[test]
fn every_small_size_draws_without_panicking() {
    for name in SAMPLES {
        for (cols, rows) in [(1, 1), (2, 2), (20, 6), (24, 3), (40, 10), (119, 8)] {
            for script in ["", "<Tab>", "p", "?", "G}}", "/a"] {
                let (text, _) = screen_after(name, cols, rows, script, &Theme::mono());
                assert_eq!(text.lines().count(), usize::from(rows));
            }
        }
    }
}

// ---- the real binary in a pseudo-terminal ----

#[test]
fn pty_keys_then_quit_restore_the_terminal() {
    let path = sample("harbor-compact.html").display().to_string();
    let mut session = spawn(byline_command(&[&path]));
    let mut seen = Vec::new();
    wait_for(&mut session, "Harbor Compact", &mut seen);
    for keys in
        ["j", "5j", "]", "}", ")", "/harbo", "\r", "n", "ma", "G", "'a", "?", "q", "\t", "\t", "\r", "q", "q"]
    {
        session.send(keys).unwrap();
    }
    let output = drain(&mut session, seen);
    assert_eq!(exit_code(&session), 0);
    assert_restored(&output);
}

#[test]
fn pty_reads_the_article_from_stdin_and_keys_from_the_terminal() {
    // The pty library closes inherited descriptors, so the shell redirects.
    let command = byline_command(&[]);
    let program = command.get_program().to_owned();
    let mut command = Command::new("sh");
    command.arg("-c").arg("exec \"$0\" - < \"$1\"").arg(program).arg(sample("borderline-budget.txt"));
    command.env("TERM", "xterm-256color").env_remove("NO_COLOR").env_remove("BYLINE_DEBUG_PANIC");
    let mut session = spawn(command);
    let mut seen = Vec::new();
    wait_for(&mut session, "ferries", &mut seen);
    session.send("G").unwrap();
    session.send("q").unwrap();
    let output = drain(&mut session, seen);
    assert_eq!(exit_code(&session), 0);
    assert_restored(&output);
}

/// A dropped SSH connection (SIGHUP), a polite kill (SIGTERM) and SIGQUIT
/// all leave the terminal as it was, and exit with 128 + the signal's
/// number, as shells expect.
#[rstest::rstest]
#[case::sigterm(Signal::SIGTERM)]
#[case::sighup(Signal::SIGHUP)]
#[case::sigquit(Signal::SIGQUIT)]
fn pty_signals_restore_and_exit_cleanly(#[case] signal: Signal) {
    let path = sample("quiet-diplomacy.md").display().to_string();
    let mut session = spawn(byline_command(&[&path]));
    let mut seen = Vec::new();
    wait_for(&mut session, "Selka", &mut seen);
    session.get_process_mut().signal(signal).unwrap();
    let output = drain(&mut session, seen);
    assert_eq!(exit_code(&session), 128 + signal as i32);
    assert_restored(&output);
}

#[test]
fn pty_a_panic_restores_the_terminal_before_the_message() {
    let path = sample("quiet-diplomacy.md").display().to_string();
    let mut command = byline_command(&[&path]);
    command.env("BYLINE_DEBUG_PANIC", "1");
    let mut session = spawn(command);
    let mut seen = Vec::new();
    wait_for(&mut session, "Selka", &mut seen);
    session.send("j").unwrap();
    let output = drain(&mut session, seen);
    assert_eq!(exit_code(&session), 101);
    let find = |needle: &[u8]| output.windows(needle.len()).position(|w| w == needle);
    let left = find(b"\x1b[?1049l").expect("the alternate screen is left");
    let message = find(b"panicking on purpose").expect("the panic message is shown");
    assert!(left < message, "restored before the message");
    assert_restored(&output);
}

#[test]
fn a_bad_config_names_the_file_and_line() {
    let dir = std::env::temp_dir().join(format!("byline-config-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(&config, "mouse = false\n\n[keys.reader]\n\"x\" = \"fly\"\n").unwrap();
    let path = sample("quiet-diplomacy.md");
    let output =
        Command::new(env!("CARGO_BIN_EXE_byline")).arg("--config").arg(&config).arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(&format!("byline: {}: line 4: unknown action `fly`", config.display())),
        "{stderr}"
    );
    std::fs::write(&config, "theme = \"dark\"\nreading_width = 3\n").unwrap();
    let output =
        Command::new(env!("CARGO_BIN_EXE_byline")).arg("--config").arg(&config).arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("config.toml: line 2: reading_width"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn pty_ctrl_z_suspends_and_fg_redraws() {
    // A shell with job control, as a user has: a stop signal to a process
    // without one would be discarded (its process group is orphaned).
    let path = sample("quiet-diplomacy.md").display().to_string();
    let program = byline_command(&[]).get_program().to_owned();
    let mut command = Command::new("bash");
    command.arg("-c").arg("set -m; \"$0\" \"$1\"; echo back-in-shell; fg; echo exit-status-$?");
    command.arg(program).arg(path).env("TERM", "xterm-256color").env_remove("BYLINE_DEBUG_PANIC");
    let mut session = spawn(command);
    let mut seen = Vec::new();
    wait_for(&mut session, "Selka", &mut seen);
    session.send("\x1a").unwrap();
    wait_for(&mut session, "back-in-shell", &mut seen);
    let at_stop = seen.len();
    wait_for(&mut session, "Selka", &mut seen);
    assert!(seen[at_stop..].windows(8).any(|w| w == b"\x1b[?1049h"), "fg re-enters the alternate screen");
    session.send("q").unwrap();
    wait_for(&mut session, "exit-status-0", &mut seen);
    let output = drain(&mut session, seen);
    assert_restored(&output);
}

#[test]
fn pty_nothing_is_drawn_while_idle() {
    let path = sample("borderline-budget.txt").display().to_string();
    let mut session = spawn(byline_command(&[&path]));
    let mut seen = Vec::new();
    wait_for(&mut session, "ferries", &mut seen);
    std::thread::sleep(Duration::from_millis(300));
    let mut buffer = [0u8; 4096];
    while session.try_read(&mut buffer).is_ok_and(|n| n > 0) {}
    std::thread::sleep(Duration::from_millis(700));
    let idle = session.try_read(&mut buffer);
    assert!(!idle.as_ref().is_ok_and(|n| *n > 0), "no output without an event: {idle:?}");
    session.send("q").unwrap();
    drain(&mut session, seen);
}

#[test]
fn the_readme_config_example_loads() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = readme.split("### Configuration").nth(1).unwrap();
    let block = section.split("```toml\n").nth(1).unwrap().split("```").next().unwrap();
    let config = byline::config::parse(block, Path::new("README.md")).unwrap();
    assert_eq!(config.keys.len(), 3);
    Keymap::load(&config).unwrap();
}

#[test]
fn pty_dash_at_a_terminal_says_it_reads_stdin() {
    let mut session = spawn(byline_command(&["-"]));
    let mut seen = Vec::new();
    wait_for(&mut session, "reading the article from the terminal", &mut seen);
    session
        .send("The pier question\n\nThe council met on Monday and voted to repair the pier before summer.\n")
        .unwrap();
    session.send("\x04").unwrap();
    wait_for(&mut session, "repair the pier", &mut seen);
    session.send("q").unwrap();
    let output = drain(&mut session, seen);
    assert_eq!(exit_code(&session), 0);
    assert_restored(&output);
}

/// An argument echoed in a usage error (clap's) reaches a terminal
/// sanitised: an escape sequence in it cannot set the window title.
#[test]
fn pty_escapes_in_arguments_never_reach_the_terminal() {
    let mut session = spawn(byline_command(&["extract", "x.html", "--format", "\x1b]0;PWN\x07"]));
    let output = drain(&mut session, Vec::new());
    assert_eq!(exit_code(&session), 2);
    let text = String::from_utf8_lossy(&output);
    assert!(text.contains("invalid value"), "{text}");
    assert!(!output.windows(2).any(|w| w == b"\x1b]"), "no OSC: {text:?}");
    assert!(!output.contains(&0x07), "no BEL: {text:?}");
}

/// An absurd terminal size, at start or by a resize, is drawn in its
/// top-left part (with a word about it) instead of allocating for it.
#[test]
fn pty_an_absurd_terminal_size_is_capped() {
    let path = sample("quiet-diplomacy.md").display().to_string();
    let mut session = spawn(byline_command(&[&path]));
    let mut seen = Vec::new();
    wait_for(&mut session, "Selka", &mut seen);
    session.get_process_mut().set_window_size(30_000, 30_000).unwrap();
    wait_for(&mut session, "1000x500", &mut seen);
    session.send("j").unwrap();
    session.send("q").unwrap();
    let output = drain(&mut session, seen);
    assert_eq!(exit_code(&session), 0);
    assert_restored(&output);
}

#[test]
fn pty_an_absurd_terminal_size_at_start_is_capped() {
    let path = sample("quiet-diplomacy.md").display().to_string();
    let program = byline_command(&[]).get_program().to_owned();
    let mut command = std::process::Command::new("sh");
    command.arg("-c").arg("stty rows 20000 cols 20000; exec \"$0\" \"$1\"").arg(program).arg(&path);
    command.env("TERM", "xterm-256color").env_remove("BYLINE_DEBUG_PANIC");
    let mut session = spawn(command);
    let mut seen = Vec::new();
    wait_for(&mut session, "Selka", &mut seen);
    session.send("q").unwrap();
    let output = drain(&mut session, seen);
    assert_eq!(exit_code(&session), 0);
    assert_restored(&output);
}
