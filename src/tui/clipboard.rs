//! Copying to the clipboard of the computer the terminal runs on, with
//! OSC 52: the terminal itself sets its clipboard, so it works over SSH,
//! where a clipboard tool on the server would fill the server's clipboard.
//! Inside tmux the sequence is wrapped for tmux's passthrough, which hands
//! it on to the outer terminal.
//!
//! The text travels base64-encoded, so nothing in it can act as a control
//! sequence; the sequence itself is written by the terminal seam between
//! frames.
//!
//! The config may name a command instead (`wl-copy`, `xclip`, `pbcopy`):
//! [`run_command`] gives it the text on its standard input, without a
//! shell, off the UI thread, and stops it if it takes longer than
//! [`COMMAND_TIME_LIMIT`]; its output is discarded, never shown on the
//! reader's screen.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longest text copied, in bytes: terminals cap what they accept (xterm's
/// default is about 100 KB of base64), and a quote or a link is far shorter.
pub const MAX_COPY_BYTES: usize = 64 * 1024;

/// How the sequence must be wrapped to reach the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrap {
    /// Straight to the terminal.
    Plain,
    /// Through tmux's passthrough (`TMUX` is set).
    Tmux,
}

impl Wrap {
    /// From the environment: tmux sets `TMUX` in its panes.
    #[must_use]
    pub fn from_env() -> Self {
        if std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()) { Self::Tmux } else { Self::Plain }
    }
}

/// The bytes that copy `text` (cut at [`MAX_COPY_BYTES`], on a character
/// boundary) to the clipboard.
#[must_use]
pub fn osc52(text: &str, wrap: Wrap) -> Vec<u8> {
    let mut end = text.len().min(MAX_COPY_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sequence = format!("\x1b]52;c;{}\x07", base64(&text.as_bytes()[..end]));
    match wrap {
        Wrap::Plain => sequence.into_bytes(),
        // tmux's passthrough: DCS tmux; <sequence, each ESC doubled> ST.
        Wrap::Tmux => format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b")).into_bytes(),
    }
}

/// Longest a copy command may run: copying is quick, and a command that
/// waits (for a display that is not there, say) must not keep the copy
/// pending for ever.
pub const COMMAND_TIME_LIMIT: Duration = Duration::from_secs(5);

/// How often a running copy command is checked on.
const POLL_EVERY: Duration = Duration::from_millis(10);

/// Runs `argv` (a program and its arguments) with `text` on its standard
/// input and waits for it, at most `limit`; returns the program's name.
///
/// # Errors
///
/// A message for the status line when the program cannot be started,
/// exits with a failure, or is stopped after `limit`.
pub fn run_command(argv: &[String], text: &str, limit: Duration) -> Result<String, String> {
    let Some((program, arguments)) = argv.split_first().filter(|(p, _)| !p.trim().is_empty()) else {
        return Err("no copy command is set: [clipboard] command in the config".to_owned());
    };
    let name = std::path::Path::new(program)
        .file_name()
        .map_or_else(|| program.clone(), |n| n.to_string_lossy().into_owned());
    // Output goes nowhere: the reader owns the screen, and a tool that
    // stays behind to serve the selection (xclip) would hold a pipe open.
    let mut child = Command::new(program)
        .args(arguments)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {name}: {e}"))?;
    // Written from a thread of its own: a program that does not read its
    // input would block the write, and the time limit must still hold.
    let writer = child.stdin.take().map(|mut stdin| {
        let bytes = text.as_bytes().to_vec();
        std::thread::spawn(move || stdin.write_all(&bytes))
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() < limit => std::thread::sleep(POLL_EVERY),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "{name} did not finish within {} s and was stopped",
                    limit.as_secs_f64()
                ));
            }
            Err(e) => return Err(format!("{name}: {e}")),
        }
    };
    // The program has exited, so the write has ended too (a broken pipe at
    // worst, which the exit status explains).
    let written = writer.map(std::thread::JoinHandle::join);
    if !status.success() {
        return Err(format!("{name} failed ({status})"));
    }
    match written {
        Some(Ok(Err(e))) => Err(format!("{name} did not take the whole text: {e}")),
        _ => Ok(name),
    }
}

/// Standard base64 with padding (RFC 4648), as OSC 52 expects.
#[must_use]
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(base64("“Quoted,” she said".as_bytes()), "4oCcUXVvdGVkLOKAnSBzaGUgc2FpZA==");
    }

    #[test]
    fn plain_and_tmux_forms() {
        assert_eq!(osc52("hi", Wrap::Plain), b"\x1b]52;c;aGk=\x07");
        assert_eq!(osc52("hi", Wrap::Tmux), b"\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\");
    }

    #[test]
    fn control_characters_travel_encoded() {
        let bytes = osc52("a\x1b]0;title\x07b", Wrap::Plain);
        let inner = &bytes[7..bytes.len() - 1];
        assert!(inner.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')));
    }

    fn script(dir: &std::path::Path, body: &str) -> String {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join("copy.sh");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path.to_string_lossy().into_owned()
    }

    #[test]
    fn a_command_gets_the_text_on_its_input() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.txt");
        let argv = vec![script(dir.path(), "cat > \"$1\""), out.to_string_lossy().into_owned()];
        assert_eq!(run_command(&argv, "“a quote” — Someone\n", COMMAND_TIME_LIMIT).unwrap(), "copy.sh");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "“a quote” — Someone\n");
    }

    #[test]
    fn failures_are_messages() {
        let dir = tempfile::tempdir().unwrap();
        let missing = vec!["/nonexistent/wl-copy".to_owned()];
        let message = run_command(&missing, "x", COMMAND_TIME_LIMIT).unwrap_err();
        assert!(message.starts_with("cannot run wl-copy: "), "{message}");
        let failing = vec![script(dir.path(), "echo no display >&2; exit 3")];
        let message = run_command(&failing, "x", COMMAND_TIME_LIMIT).unwrap_err();
        assert!(message.starts_with("copy.sh failed (") && message.contains('3'), "{message}");
        assert!(run_command(&[], "x", COMMAND_TIME_LIMIT).unwrap_err().contains("no copy command"));
        assert!(run_command(&[String::new()], "x", COMMAND_TIME_LIMIT).is_err());
    }

    #[test]
    fn a_command_that_hangs_is_stopped() {
        let dir = tempfile::tempdir().unwrap();
        // Reads nothing and never ends: both the write and the wait must
        // give up at the limit.
        let hanging = vec![script(dir.path(), "exec sleep 30")];
        let started = Instant::now();
        let message = run_command(&hanging, &"x".repeat(1 << 20), Duration::from_millis(300)).unwrap_err();
        assert!(message.contains("did not finish") && message.contains("stopped"), "{message}");
        assert!(started.elapsed() < Duration::from_secs(20), "the limit held");
    }

    #[test]
    fn long_text_is_cut_on_a_character_boundary() {
        let text = "é".repeat(MAX_COPY_BYTES);
        let bytes = osc52(&text, Wrap::Plain);
        assert!(bytes.len() < MAX_COPY_BYTES * 2);
    }
}
