//! Driving the real binary in a pseudo-terminal (expectrl), and reading
//! what it drew through a vt100 emulator.
#![allow(dead_code)]

use std::io::Read;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession as Session;
use expectrl::{Eof, Expect};

pub const PTY_TIMEOUT: Duration = Duration::from_secs(30);

pub fn spawn(command: Command) -> Session {
    let mut session = expectrl::Session::spawn(command).unwrap();
    session.set_expect_timeout(Some(PTY_TIMEOUT));
    session
}

/// byline with a terminal type, no user config and no cache of the user's.
pub fn byline_command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_byline"));
    command.args(args).env("TERM", "xterm-256color").env_remove("NO_COLOR").env_remove("BYLINE_DEBUG_PANIC");
    command.env("XDG_CONFIG_HOME", std::env::temp_dir().join("byline-tests-no-config"));
    command.env(
        "XDG_CACHE_HOME",
        std::env::temp_dir().join(format!("byline-tests-cache-{}", std::process::id())),
    );
    for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
        command.env_remove(proxy);
    }
    command.env_remove("SSH_CONNECTION").env_remove("TMUX");
    command
}

/// Everything the program wrote until it exited.
pub fn drain(session: &mut Session, mut seen: Vec<u8>) -> Vec<u8> {
    let found = session.expect(Eof).unwrap();
    seen.extend_from_slice(found.before());
    seen.extend(found.matches().flatten());
    let mut rest = Vec::new();
    let _ = session.read_to_end(&mut rest);
    seen.extend(rest);
    seen
}

pub fn wait_for(session: &mut Session, text: &str, seen: &mut Vec<u8>) {
    let found = session.expect(text).unwrap();
    seen.extend_from_slice(found.before());
    seen.extend(found.matches().flatten());
}

/// Reads what comes until the output has been quiet for `quiet`.
pub fn settle(session: &mut Session, seen: &mut Vec<u8>, quiet: Duration) {
    let mut buffer = [0u8; 8192];
    let mut last = Instant::now();
    let started = Instant::now();
    while last.elapsed() < quiet && started.elapsed() < PTY_TIMEOUT {
        match session.try_read(&mut buffer) {
            Ok(n) if n > 0 => {
                seen.extend_from_slice(&buffer[..n]);
                last = Instant::now();
            }
            _ => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

/// The screen the output draws on a terminal of `rows` x `cols`, one string
/// per row, trailing blanks trimmed.
pub fn screen(output: &[u8], rows: u16, cols: u16) -> Vec<String> {
    let size = |n| std::num::NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(size(rows), size(cols), 0);
    parser.process(output);
    parser.screen().rows(0, cols).map(|row| row.trim_end().to_owned()).collect()
}

/// The terminal was left as it was found, and nothing but CSI was sent
/// (no OSC, DCS, APC, PM or SOS strings).
pub fn assert_restored(output: &[u8]) {
    assert_left_clean(output);
    for forbidden in [&b"\x1b]"[..], b"\x1bP", b"\x1b_", b"\x1b^", b"\x1bX"] {
        assert!(!output.windows(forbidden.len()).any(|w| w == forbidden), "no OSC, DCS, APC, PM or SOS");
    }
}

/// The alternate screen was left and the cursor shown again.
pub fn assert_left_clean(output: &[u8]) {
    let size = |n| std::num::NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(size(24), size(80), 0);
    parser.process(output);
    assert!(!parser.screen().alternate_screen(), "the alternate screen was left");
    assert!(!parser.screen().hide_cursor(), "the cursor is shown");
}

pub fn exit_code(session: &Session) -> i32 {
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("did not exit normally: {other:?}"),
    }
}
