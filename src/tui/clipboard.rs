//! Copying to the clipboard of the computer the terminal runs on, with
//! OSC 52: the terminal itself sets its clipboard, so it works over SSH,
//! where a clipboard tool on the server would fill the server's clipboard.
//! Inside tmux the sequence is wrapped for tmux's passthrough, which hands
//! it on to the outer terminal.
//!
//! The text travels base64-encoded, so nothing in it can act as a control
//! sequence; the sequence itself is written by the terminal seam between
//! frames.

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

    #[test]
    fn long_text_is_cut_on_a_character_boundary() {
        let text = "é".repeat(MAX_COPY_BYTES);
        let bytes = osc52(&text, Wrap::Plain);
        assert!(bytes.len() < MAX_COPY_BYTES * 2);
    }
}
