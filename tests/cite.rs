//! `y` and `Y` in the reader, in a pseudo-terminal: the citation of the
//! quote last jumped to, and the article's URL, reach the terminal as an
//! OSC 52 sequence (wrapped for tmux's passthrough inside tmux) whose
//! base64 decodes to the text.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/pty.rs"]
mod pty;

use expectrl::Expect;
use pty::{assert_left_clean, assert_restored, byline_command, drain, spawn, wait_for};

const ARTICLE: &str = "tests/fixtures/people/ferry-one.md";

/// Standard base64 (RFC 4648) back to text.
fn unbase64(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for byte in text.bytes().filter(|b| *b != b'=') {
        let value = ALPHABET.iter().position(|a| *a == byte).expect("a base64 character");
        bits = bits << 6 | u32::try_from(value).unwrap();
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push(u8::try_from(bits >> count & 0xff).unwrap());
        }
    }
    String::from_utf8(out).unwrap()
}

/// The texts of every OSC 52 sequence in `output`, after `prefix`.
fn copied(output: &[u8], prefix: &str) -> Vec<String> {
    let output = String::from_utf8_lossy(output);
    output
        .split(prefix)
        .skip(1)
        .map(|rest| unbase64(&rest[..rest.find('\x07').expect("the sequence ends with BEL")]))
        .collect()
}

fn run(keys: &[(&str, &str)], tmux: bool) -> Vec<u8> {
    let mut command = byline_command(&[ARTICLE]);
    if tmux {
        command.env("TMUX", "/tmp/tmux-1000/default,4242,0");
    }
    let mut session = spawn(command);
    let mut seen = Vec::new();
    wait_for(&mut session, "past midnight", &mut seen);
    for (key, answer) in keys {
        session.send(*key).unwrap();
        wait_for(&mut session, answer, &mut seen);
    }
    session.send("q").unwrap();
    let output = drain(&mut session, seen);
    assert_left_clean(&output);
    output
}

#[test]
fn pty_y_copies_the_quote_and_its_speaker_with_osc_52() {
    let output = run(&[("}y", "copied quote 1")], false);
    let texts = copied(&output, "\x1b]52;c;");
    assert_eq!(texts.len(), 1, "one copy");
    let citation = &texts[0];
    assert!(citation.starts_with("“We will not leave the islands without a boat"), "{citation}");
    assert!(citation.contains("” — Ilse Marwick, the harbour minister"), "{citation}");
    assert!(
        citation.ends_with("in “Ferry subsidy survives a late vote”, Tide Times, 2026-01-12"),
        "{citation}"
    );
}

#[test]
fn pty_inside_tmux_the_copy_goes_through_the_passthrough() {
    let output = run(&[("}y", "copied quote 1")], true);
    let texts = copied(&output, "\x1bPtmux;\x1b\x1b]52;c;");
    assert_eq!(texts.len(), 1, "the wrapped form");
    assert!(texts[0].contains("Ilse Marwick"));
    assert!(String::from_utf8_lossy(&output).contains("\x07\x1b\\"), "the passthrough is closed");
}

#[test]
fn pty_y_without_a_quote_says_how_and_capital_y_needs_a_url() {
    let output = run(&[("y", "no quote chosen"), ("Y", "no URL to copy")], false);
    assert!(copied(&output, "\x1b]52;c;").is_empty());
    assert_restored(&output);
}

#[test]
fn pty_y_hands_the_citation_to_the_configured_command() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("to-file.sh");
    std::fs::write(&script, "#!/bin/sh\ncat > \"$1\"\n").unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let copied_to = dir.path().join("clipboard.txt");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[clipboard]\ncopy = \"command\"\ncommand = [{:?}, {:?}]\n",
            script.display().to_string(),
            copied_to.display().to_string()
        ),
    )
    .unwrap();
    let mut command = byline_command(&["--config", config.to_str().unwrap(), ARTICLE]);
    command.env("TMUX", "/tmp/tmux-1000/default,4242,0");
    let mut session = spawn(command);
    let mut seen = Vec::new();
    wait_for(&mut session, "past midnight", &mut seen);
    session.send("}y").unwrap();
    // The status line is redrawn cell by cell: its last word comes whole.
    wait_for(&mut session, "to-file.sh", &mut seen);
    session.send("q").unwrap();
    let output = drain(&mut session, seen);
    assert_left_clean(&output);
    let output = String::from_utf8_lossy(&output);
    assert!(!output.contains("]52;"), "no OSC 52 sequence when a command copies");
    let citation = std::fs::read_to_string(&copied_to).unwrap();
    assert!(citation.starts_with("“We will not leave the islands without a boat"), "{citation}");
    assert!(citation.contains("” — Ilse Marwick, the harbour minister"), "{citation}");
}
