//! The library screen, end to end: snapshots through the real event loop
//! (ratatui's test backend, the library's requests run inline), and the
//! real binary in a pseudo-terminal: filtering as you type, opening where
//! you stopped, positions saved on jumps and on quit, Backspace to the
//! list, deleting after a question, tags, read marks, and `S` in the
//! reader.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/server.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

#[path = "support/script.rs"]
mod script;
use script::{keys, screen_text};

use byline::library::{Hints, Library, ListFilter, prepare};
use byline::model::Article;
use byline::source::{LoadLimits, Loaded, SourceSpec};
use byline::tui::app::{App, LoadState, Settings, Shelf};
use byline::tui::jobs::{Jobs, Tools};
use byline::tui::keymap::Keymap;
use byline::tui::terminal::Screen;
use byline::tui::theme::Theme;
use expectrl::Expect;
use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession as Session;

const SAMPLES: [&str; 3] = ["harbor-compact.html", "borderline-budget.txt", "quiet-diplomacy.md"];

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples").join(name)
}

/// A long article: eight sections of a dozen paragraphs.
fn long_article() -> String {
    let mut text =
        String::from("---\ntitle: The long tide report\nauthor: Ruth Okafor\ndate: 2026-01-09\n---\n\n");
    for section in 0..8 {
        text.push_str(&format!("## Chapter {section} of the tide\n\n"));
        for paragraph in 0..12 {
            text.push_str(&format!(
                "Paragraph {section}.{paragraph}: the tide rose over the harbor wall again while the council \
                 argued about the ferry timetable and the budget for the new sea gates.\n\n"
            ));
        }
    }
    text
}

/// A library with the three samples and the long article (saved last, so
/// listed first).
fn library() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let mut library = Library::open(&path).unwrap();
    for name in SAMPLES {
        let bytes = std::fs::read(sample(name)).unwrap();
        let loaded = Loaded::from_bytes(bytes, SourceSpec::File(sample(name)));
        library.save(&prepare(loaded, None, None, Hints::default()).unwrap(), &[]).unwrap();
    }
    let long = dir.path().join("long.md");
    std::fs::write(&long, long_article()).unwrap();
    let loaded = byline::source::load(&SourceSpec::File(long), LoadLimits::default()).unwrap();
    library.save(&prepare(loaded, None, None, Hints::default()).unwrap(), &["tides".into()]).unwrap();
    (dir, path)
}

/// The reader on its library screen listing `entries`.
fn shelf_app(entries: Vec<byline::library::Summary>) -> App {
    let mut app = App::new(
        Article::default(),
        LoadState::Ready,
        Keymap::defaults().unwrap(),
        Theme::mono(),
        Settings::default(),
    );
    app.shelf = Some(Shelf::new(entries));
    app
}

/// The screen after `script` on the library at `path`, as text.
fn screen_after(path: &Path, cols: u16, rows: u16, script: &str) -> (String, App) {
    let entries = Library::open(path).unwrap().list(&ListFilter::default()).unwrap();
    let mut app = shelf_app(entries);
    let mut screen = Screen::test(cols, rows).unwrap();
    let mut jobs = Jobs::inline(Tools::default()).with_library(path).unwrap();
    byline::tui::run_loop(&mut app, &mut screen, &mut keys(script), &mut jobs, false).unwrap();
    let text = screen_text(&screen);
    (text, app)
}

#[test]
fn snapshots_of_the_library_screen() {
    let (_dir, path) = library();
    for (state, script) in [
        ("first", ""),
        ("filtered", "/harbor"),
        ("filter_kept", "/selka<Enter>j"),
        ("question", "jd"),
        ("help", "?"),
    ] {
        for (cols, rows) in [(80, 24), (160, 48)] {
            let (text, _) = screen_after(&path, cols, rows, script);
            insta::assert_snapshot!(format!("library_{cols}x{rows}_{state}"), text);
        }
    }
    let empty = tempfile::tempdir().unwrap();
    let (text, _) = screen_after(&empty.path().join("empty.db"), 80, 12, "");
    insta::assert_snapshot!("library_80x12_empty", text);
}

#[test]
fn enter_opens_backspace_returns_and_the_place_is_kept() {
    let (_dir, path) = library();
    let (text, app) = screen_after(&path, 80, 24, "<Enter>]]]]");
    assert!(text.starts_with("The long tide report"), "{text}");
    assert!(text.lines().nth(1).unwrap().contains("Chapter 3 of the tide"), "{text}");
    assert!(!app.shelf.as_ref().unwrap().visible);
    let (text, _) = screen_after(&path, 80, 24, "<Backspace>");
    assert!(text.starts_with("Library"), "nothing to go back to from the list: {text}");
    // The jumps saved the place: opening again lands there.
    let (text, _) = screen_after(&path, 80, 24, "<Enter>");
    assert!(text.contains("where you stopped"), "{text}");
    assert!(text.lines().nth(1).unwrap().contains("Chapter 3 of the tide"), "{text}");
    let (text, app) = screen_after(&path, 80, 24, "<Enter><Backspace>");
    assert!(text.starts_with("Library"), "{text}");
    let entry = &app.shelf.as_ref().unwrap().entries[0];
    assert!(entry.progress > 0 && entry.progress < 100, "{entry:?}");
}

#[test]
fn deleting_asks_first_and_any_other_key_keeps() {
    let (_dir, path) = library();
    let (text, _) = screen_after(&path, 80, 24, "dx");
    assert!(text.contains(" kept"), "{text}");
    assert_eq!(Library::open(&path).unwrap().count().unwrap(), 4);
    let (text, _) = screen_after(&path, 80, 24, "dy");
    assert!(text.contains("deleted “The long tide report”"), "{text}");
    assert_eq!(Library::open(&path).unwrap().count().unwrap(), 3);
}

#[test]
fn tags_and_read_marks_are_saved() {
    let (_dir, path) = library();
    let (text, _) = screen_after(&path, 80, 24, "t, Sea Gates<Enter>ju");
    assert!(text.contains("marked read"), "{text}");
    let listed = Library::open(&path).unwrap().list(&ListFilter::default()).unwrap();
    assert_eq!(listed[0].tags, ["sea gates", "tides"]);
    assert!(listed[1].read);
    let (text, _) = screen_after(&path, 80, 24, "/tag:tides<Enter>");
    assert!(text.contains("1 found") || text.contains("(1 found)"), "{text}");
}

#[test]
fn filtering_as_you_type_finds_speakers_and_shows_nothing_found() {
    let (_dir, path) = library();
    let (text, app) = screen_after(&path, 100, 24, "/speaker:Rama");
    let shelf = app.shelf.as_ref().unwrap();
    assert_eq!(shelf.shown.len(), 1, "{text}");
    assert!(text.contains("Why the Harbor Compact talks stalled"), "{text}");
    let (text, _) = screen_after(&path, 100, 24, "/zzzqx");
    assert!(text.contains("Nothing matches “zzzqx”."), "{text}");
    // Esc gives the list back as it was.
    let (_, app) = screen_after(&path, 100, 24, "/zzzqx<Esc>");
    assert_eq!(app.shelf.as_ref().unwrap().shown.len(), 4);
}

#[test]
fn ten_thousand_rows_draw_without_reading_them_all() {
    let entries: Vec<byline::library::Summary> = (0..10_000)
        .map(|id| byline::library::Summary {
            id,
            title: Some(format!("Article number {id}")),
            saved_at: 1_700_000_000 + id,
            ..byline::library::Summary::default()
        })
        .collect();
    let mut app = shelf_app(entries);
    let mut screen = Screen::test(80, 24).unwrap();
    let mut jobs = Jobs::inline(Tools::default());
    byline::tui::run_loop(&mut app, &mut screen, &mut keys("G"), &mut jobs, false).unwrap();
    let shelf = app.shelf.as_ref().unwrap();
    assert_eq!(shelf.list.selected, 9_999);
    assert_eq!(shelf.list.offset, 10_000 - 22);
}

// ---- the real binary in a pseudo-terminal ----

const PTY_TIMEOUT: Duration = Duration::from_secs(30);

/// byline in a pseudo-terminal, with what it drew kept on a model screen
/// (the seam leaves cells that did not change alone, so the raw output is
/// no place to look for text).
struct Pty {
    session: Session,
    screen: vt100::Parser,
    output: Vec<u8>,
}

impl Pty {
    fn spawn(command: Command) -> Self {
        let mut session = expectrl::Session::spawn(command).unwrap();
        session.set_expect_timeout(Some(PTY_TIMEOUT));
        let (cols, rows) = session.get_process().get_window_size().unwrap();
        let size = |n: u16| std::num::NonZeroU16::new(n.max(1)).unwrap();
        Self { session, screen: vt100::Parser::new(size(rows), size(cols), 0), output: Vec::new() }
    }

    fn read(&mut self) -> bool {
        let mut buffer = [0u8; 8192];
        match self.session.try_read(&mut buffer) {
            Ok(n) if n > 0 => {
                self.output.extend_from_slice(&buffer[..n]);
                self.screen.process(&buffer[..n]);
                true
            }
            _ => false,
        }
    }

    /// Waits until `text` is on the screen.
    fn wait(&mut self, text: &str) {
        let deadline = std::time::Instant::now() + PTY_TIMEOUT;
        while !self.screen.screen().contents().contains(text) {
            assert!(
                std::time::Instant::now() < deadline,
                "{text:?} never showed; the screen:\n{}",
                self.screen.screen().contents()
            );
            if !self.read() {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
    }

    /// Waits for the exit; checks it was clean and the terminal restored.
    fn finish(mut self) {
        let deadline = std::time::Instant::now() + PTY_TIMEOUT;
        let mut buffer = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buffer) {
                Ok(n) if n > 0 => {
                    self.output.extend_from_slice(&buffer[..n]);
                    self.screen.process(&buffer[..n]);
                }
                // Nothing more for now: done once the process is gone.
                Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                    if !self.session.get_process().is_alive().unwrap_or(false) {
                        break;
                    }
                    assert!(std::time::Instant::now() < deadline, "byline did not exit");
                    std::thread::sleep(Duration::from_millis(5));
                }
                // End of file (or EIO once the terminal's other end closed).
                _ => break,
            }
        }
        match self.session.get_process().wait().unwrap() {
            WaitStatus::Exited(_, code) => assert_eq!(code, 0),
            other => panic!("did not exit normally: {other:?}"),
        }
        let screen = self.screen.screen();
        assert!(!screen.alternate_screen(), "the alternate screen was left");
        assert!(!screen.hide_cursor(), "the cursor is shown");
        for forbidden in [&b"\x1b]"[..], b"\x1bP", b"\x1b_"] {
            assert!(!self.output.windows(forbidden.len()).any(|w| w == forbidden), "no OSC, DCS or APC");
        }
    }
}

fn byline_command(library: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_byline"));
    command.args(args).env("TERM", "xterm-256color").env_remove("NO_COLOR").env_remove("BYLINE_DEBUG_PANIC");
    command.env("BYLINE_LIBRARY", library).env("XDG_CONFIG_HOME", library.with_extension("no-config"));
    command
}

#[test]
fn pty_the_library_opens_with_no_argument_and_keeps_the_place_on_quit() {
    let (_dir, path) = library();
    let mut pty = Pty::spawn(byline_command(&path, &[]));
    pty.wait("4 articles · 4 unread");
    pty.send("/tide");
    pty.wait("(1 found)");
    pty.send("\r");
    pty.send("\r");
    pty.wait("Paragraph 0.0");
    // Scrolling is no jump: only quitting saves this place.
    pty.send("50j");
    pty.wait("Paragraph 1.");
    pty.send("q");
    pty.finish();
    let mut library = Library::open(&path).unwrap();
    let state = library.reading_state(4).unwrap();
    assert!(state.position.is_some_and(|p| p.block_hint > 10), "{state:?}");
    assert!(state.progress > 0, "{state:?}");
    let opened = library.open_article(4).unwrap();
    assert!(opened.summary.opened_at.is_some());
    // `byline open ID` lands there; Backspace is the list.
    let mut pty = Pty::spawn(byline_command(&path, &["open", "4"]));
    pty.wait("where you stopped");
    pty.wait("Paragraph 1.");
    pty.send("\x7f");
    pty.wait("4 articles");
    pty.send("q");
    pty.finish();
}

#[test]
fn pty_s_in_the_reader_saves_the_article_from_a_file_and_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let file = sample("quiet-diplomacy.md").display().to_string();
    let mut pty = Pty::spawn(byline_command(&path, &[&file]));
    pty.wait("Selka");
    pty.send("S");
    pty.wait("saved to the library (1)");
    pty.send("]");
    pty.send("q");
    pty.finish();
    // Stdin is read before the reader starts: its bytes are kept for S.
    let command = byline_command(&path, &[]);
    let mut shell = Command::new("sh");
    shell
        .arg("-c")
        .arg("exec \"$0\" - < \"$1\"")
        .arg(command.get_program())
        .arg(sample("borderline-budget.txt"));
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => shell.env(key, value),
            None => shell.env_remove(key),
        };
    }
    let mut pty = Pty::spawn(shell);
    pty.wait("ferries");
    pty.send("S");
    pty.wait("saved to the library (2)");
    pty.send("S");
    pty.wait("already in the library (2)");
    pty.send("q");
    pty.finish();
    let library = Library::open(&path).unwrap();
    let listed = library.list(&ListFilter::default()).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].source, "stdin");
    assert!(library.reading_state(1).unwrap().position.is_some(), "the place after S is kept");
    let (bytes, _, _) = library.original(2).unwrap();
    assert_eq!(bytes, std::fs::read(sample("borderline-budget.txt")).unwrap());
}

#[test]
fn pty_a_saved_url_opens_from_the_library_offline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let page = "<!doctype html><html><head><title>The pier levy</title></head><body><article>\
        <h1>The pier levy</h1><p>The harbour board agreed on Monday to a levy on pier berths, \
        after a season of storms left the eastern pier with a cracked deck.</p>\
        <p>Repairs start in spring and the levy ends when they are paid for.</p></article></body></html>";
    let server = server::Server::start(vec![("/pier", server::Reply::html(page))]);
    let url = server.url("/pier");
    let mut save = byline_command(&path, &["save", &url]);
    save.env("XDG_CACHE_HOME", dir.path().join("cache")).env("NO_PROXY", "127.0.0.1");
    let output = save.output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    drop(server);
    // No network and no cached copy: the library has it, with the list behind.
    let mut command = byline_command(&path, &["--offline", &url]);
    command.env("XDG_CACHE_HOME", dir.path().join("cache"));
    let mut pty = Pty::spawn(command);
    pty.wait("cracked deck");
    pty.send("\x7f");
    pty.wait("1 article");
    pty.send("q");
    pty.finish();
    let library = Library::open(&path).unwrap();
    assert!(library.summary(1).unwrap().opened_at.is_some(), "opened as a library article");
}
