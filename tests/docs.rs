//! What packagers and shells get: completion scripts for every shell, the
//! manual page, and the configuration commands.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;

fn byline() -> Command {
    Command::cargo_bin("byline").unwrap()
}

fn stdout(args: &[&str]) -> String {
    let output = byline().args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// Every subcommand, read from `byline --help` (so a new one is checked
/// without touching this test).
fn subcommands() -> Vec<String> {
    let help = stdout(&["--help"]);
    let commands = help.split("Commands:").nth(1).unwrap().split("\n\n").next().unwrap();
    let names: Vec<String> = commands
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect();
    assert!(names.len() >= 4, "{names:?}");
    names
}

#[test]
fn every_shell_gets_a_script_that_knows_every_subcommand() {
    let commands = subcommands();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(&["completions", shell]);
        assert!(script.len() > 500, "{shell}");
        for command in &commands {
            assert!(script.contains(command.as_str()), "{shell} lacks {command}");
        }
        assert!(script.contains("offline") && script.contains("max-download-mb"), "{shell}: options");
    }
    byline().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_manual_renders_and_covers_subcommands_options_keys_files_and_environment() {
    let page = stdout(&["man"]);
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "roff");
    assert!(page.contains(".TH byline 1"));
    for section in
        ["NAME", "SYNOPSIS", "OPTIONS", "SUBCOMMANDS", "KEYS", "FILES", "ENVIRONMENT", "EXIT STATUS"]
    {
        assert!(
            page.contains(&format!(".SH {section}")) || page.contains(&format!(".SH \"{section}\"")),
            "{section}"
        );
    }
    for command in subcommands() {
        assert!(page.contains(&format!("byline {command}")), "{command}");
    }
    for needle in [
        "offline",
        "BYLINE_CONFIG",
        "BYLINE_LOG",
        "BYLINE_LIBRARY",
        "library.db",
        "config.toml",
        "next section",
        "list the article",
        "SSH_CONNECTION",
    ] {
        assert!(page.contains(needle), "{needle}");
    }
    // Where man is installed, it must render the page without a warning.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("byline.1");
    std::fs::write(&file, &page).unwrap();
    let rendered = std::process::Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANWIDTH", "80")
        .output()
        .ok()
        .filter(|output| output.status.success());
    if let Some(output) = rendered {
        let text = plain(&String::from_utf8_lossy(&output.stdout));
        assert!(text.contains("SUBCOMMANDS") && text.contains("scroll down one line"), "{text}");
        let warnings = String::from_utf8_lossy(&output.stderr);
        assert!(!warnings.contains("warning"), "{warnings}");
    } else {
        // Without man, the page must at least be roff that man would read:
        // every request one it knows.
        let known = [".TH", ".SH", ".SS", ".TP", ".IP", ".RS", ".RE", ".PP", ".br", ".ie", ".el", ".B", ".I"];
        for line in page.lines().filter(|l| l.starts_with('.')) {
            assert!(known.iter().any(|k| line.split_whitespace().next() == Some(*k)), "{line}");
        }
    }
}

#[test]
fn config_default_loads_back_and_config_path_says_which_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, stdout(&["config", "default"])).unwrap();
    let config = byline::config::parse(&std::fs::read_to_string(&file).unwrap(), &file).unwrap();
    assert_eq!(config.reading_width_cols, byline::config::DEFAULT_READING_WIDTH_COLS);
    let from_env = byline().args(["config", "path"]).env("BYLINE_CONFIG", &file).output().unwrap();
    assert_eq!(String::from_utf8(from_env.stdout).unwrap().trim(), file.display().to_string());
    let flag = byline()
        .args(["config", "path", "--config", "/nowhere/c.toml"])
        .env("BYLINE_CONFIG", &file)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(flag.stdout).unwrap().trim(),
        "/nowhere/c.toml (not there: the defaults apply)"
    );
    // The default file works as a configuration, through the environment.
    byline()
        .args(["extract", "assets/samples/quiet-diplomacy.md"])
        .env("BYLINE_CONFIG", &file)
        .assert()
        .success();
    // A broken file named by BYLINE_CONFIG is an error naming it and its line.
    std::fs::write(&file, "reading_width = \"wide\"\n").unwrap();
    let output = byline()
        .args(["extract", "assets/samples/quiet-diplomacy.md"])
        .env("BYLINE_CONFIG", &file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("config.toml: line 1"), "{stderr}");
    // config default still works with the broken file, to mend it.
    byline().args(["config", "default"]).env("BYLINE_CONFIG", &file).assert().success();
}

#[test]
fn the_log_goes_to_a_file_and_a_bad_level_is_refused() {
    let state = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    byline()
        .args(["extract", "assets/samples/harbor-compact.html", "--log-level", "debug"])
        .env("XDG_STATE_HOME", state.path())
        .env("XDG_CACHE_HOME", cache.path())
        .assert()
        .success();
    let log = std::fs::read_to_string(state.path().join("byline/byline.log")).unwrap();
    assert!(log.contains("DEBUG") && log.contains("extract"), "{log}");
    let quiet = tempfile::tempdir().unwrap();
    byline()
        .args(["extract", "assets/samples/harbor-compact.html"])
        .env("XDG_STATE_HOME", quiet.path())
        .assert()
        .success();
    assert!(!quiet.path().join("byline/byline.log").exists(), "nothing worth a warning, no file");
    let output = byline()
        .args(["extract", "assets/samples/harbor-compact.html"])
        .env("BYLINE_LOG", "loud")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("BYLINE_LOG: `loud` is not a log level"));
}

/// man's output without its overstrikes (`X\bX` for bold, `_\bX` for
/// underline).
fn plain(text: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if chars.peek() == Some(&'\u{8}') {
            chars.next();
            continue;
        }
        out.push(c);
    }
    out.into_iter().collect()
}
