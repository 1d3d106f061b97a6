//! Turning untrusted text into text that is safe to lay out and draw.
//!
//! Document text may carry terminal escape sequences, bidi overrides, lone
//! controls and pathological combining-mark stacks. Every string entering the
//! model goes through [`clean`] once; nothing downstream re-checks.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// Spaces a tab advances to (the next multiple of this column).
pub const TAB_STOP_COLS: usize = 4;

/// Longest run of zero-width characters kept in a row: enough for real scripts
/// (stacked Vietnamese or Devanagari marks, emoji ZWJ sequences), short enough that
/// a 2,000-mark "zalgo" cluster cannot stall layout.
pub const MAX_ZERO_WIDTH_RUN: usize = 16;

/// Whether `c` is kept as it is by [`clean`].
#[must_use]
pub fn is_clean_char(c: char) -> bool {
    !(c.is_control() && c != '\n' || is_format_hazard(c) || is_line_separator(c))
}

/// Bidi embeddings, overrides, isolates and marks, plus mid-text byte-order marks
/// and interlinear annotation controls: invisible characters that reorder or hide
/// what follows them. Removed, never shown.
fn is_format_hazard(c: char) -> bool {
    matches!(c,
        '\u{200E}' | '\u{200F}' | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}')
}

/// Characters a terminal or a text file treats as a line break.
fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The visible stand-in for a control character: the Unicode control pictures
/// for C0 and DEL, the replacement character for C1.
fn placeholder(c: char) -> Option<char> {
    let code = u32::from(c);
    match code {
        0 => None,
        0x01..=0x1F => char::from_u32(0x2400 + code),
        0x7F => Some('\u{2421}'),
        _ => Some('\u{FFFD}'),
    }
}

/// Returns `text` with every hazard removed or made visible:
/// - `\r\n` and lone `\r`, VT, FF, NEL, U+2028 and U+2029 become `\n`;
/// - tabs expand to spaces up to the next multiple of [`TAB_STOP_COLS`];
/// - NUL is dropped; other C0 controls and DEL become control pictures (`␛`);
///   C1 controls become U+FFFD;
/// - bidi controls, mid-text BOMs and annotation controls are removed;
/// - runs of zero-width characters are capped at [`MAX_ZERO_WIDTH_RUN`].
#[must_use]
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| is_clean_char(c) && c != '\t') && !has_long_zero_width_run(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut col = 0usize;
    let mut zero_run = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => push_newline(&mut out, &mut col, &mut zero_run),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    push_newline(&mut out, &mut col, &mut zero_run);
                }
            }
            '\t' => {
                let spaces = TAB_STOP_COLS - col % TAB_STOP_COLS;
                out.extend(std::iter::repeat_n(' ', spaces));
                col += spaces;
                zero_run = 0;
            }
            c if is_line_separator(c) => push_newline(&mut out, &mut col, &mut zero_run),
            c if is_format_hazard(c) => {}
            c if c.is_control() => {
                if let Some(p) = placeholder(c) {
                    out.push(p);
                    col += 1;
                    zero_run = 0;
                }
            }
            c => {
                if c.width() == Some(0) {
                    zero_run += 1;
                    if zero_run > MAX_ZERO_WIDTH_RUN {
                        continue;
                    }
                } else {
                    zero_run = 0;
                }
                out.push(c);
                col += 1;
            }
        }
    }
    Cow::Owned(out)
}

fn push_newline(out: &mut String, col: &mut usize, zero_run: &mut usize) {
    out.push('\n');
    *col = 0;
    *zero_run = 0;
}

fn has_long_zero_width_run(text: &str) -> bool {
    let mut run = 0usize;
    for c in text.chars() {
        if c.is_ascii() {
            run = 0;
        } else if c.width() == Some(0) {
            run += 1;
            if run > MAX_ZERO_WIDTH_RUN {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Cleans an optional metadata value and drops it when nothing visible is left.
#[must_use]
pub fn clean_field(value: Option<String>) -> Option<String> {
    let value = value?;
    let cleaned = clean(&value);
    let trimmed = collapse_whitespace(&cleaned);
    (!trimmed.is_empty()).then_some(trimmed)
}

/// Collapses every run of whitespace (newlines included) into one space and trims.
#[must_use]
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(clean("plain “text” — ok\nnext"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(clean("a\u{1b}[31mred"), "a\u{241b}[31mred");
        assert_eq!(clean("x\u{1b}]0;PWN\u{7}y"), "x\u{241b}]0;PWN\u{2407}y");
    }

    #[test]
    fn c1_controls_and_del_are_replaced() {
        assert_eq!(clean("a\u{9b}b\u{7f}c"), "a\u{fffd}b\u{2421}c");
    }

    #[test]
    fn nul_is_dropped_and_text_after_it_kept() {
        assert_eq!(clean("be\0fore\0\0 after"), "before after");
    }

    #[test]
    fn line_endings_are_normalised() {
        assert_eq!(clean("a\r\nb\rc\u{0c}d\u{2028}e\u{85}f"), "a\nb\nc\nd\ne\nf");
    }

    #[test]
    fn tabs_expand_to_tab_stops() {
        assert_eq!(clean("\tx\nab\tc"), "    x\nab  c");
    }

    #[test]
    fn bidi_controls_are_removed() {
        assert_eq!(clean("a\u{202e}b\u{2067}c\u{2069}\u{200f}"), "abc");
    }

    #[test]
    fn zero_width_runs_are_capped() {
        let zalgo: String = std::iter::once('e').chain(std::iter::repeat_n('\u{301}', 2000)).collect();
        assert_eq!(clean(&zalgo).chars().count(), 1 + MAX_ZERO_WIDTH_RUN);
        let vietnamese = "e\u{302}\u{301}";
        assert_eq!(clean(vietnamese), vietnamese);
    }

    #[test]
    fn clean_field_drops_blank_values() {
        assert_eq!(clean_field(Some(" \u{a0}\n".into())), None);
        assert_eq!(clean_field(Some(" A  B ".into())), Some("A B".into()));
    }
}
