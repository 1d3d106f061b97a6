//! The memory an input will cost, estimated from its bytes before anything
//! is built from them, so that a page of millions of tiny blocks is refused
//! in milliseconds instead of taking gigabytes.
//!
//! Every block costs a few hundred bytes once the document, its analysis
//! and its layout hold it, whatever its length: a one-letter paragraph
//! (three bytes of text) costs two hundred times its size. Prose costs a
//! few times its size. The promise is peak memory within [`RATIO`] times
//! the input, or [`FLOOR_BYTES`] for small inputs (the program alone takes
//! about 8 MB).

use memchr::memchr_iter;

use super::SourceKind;

/// Peak memory allowed per byte of input.
pub const RATIO: u64 = 10;
/// Memory any input may use, however small.
pub const FLOOR_BYTES: u64 = 64 * 1_000_000;
/// What the program costs before it reads anything.
const BASE_BYTES: u64 = 8 * 1_000_000;

// Costs fitted to peak RSS measured with `benches/peak_rss.py` (one-letter
// paragraphs, one sentence per line, a hard-wrapped book) and rounded up:
// a block costs about 540 bytes whatever its length (its model, analysis
// and layout), a line that joins a paragraph about 60, and the words of
// prose about 5 bytes per byte of text; an HTML element 370 (an inline one)
// to 550 (a list item).
const LINE_COST: u64 = 60;
const BLOCK_COST: u64 = 480;
const TEXT_BYTE_COST: u64 = 5;
const ELEMENT_COST: u64 = 500;
const HTML_BYTE_COST: u64 = 4;

/// What an input was found to hold, and what it would cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    /// Blocks (paragraphs, list items) or, for HTML, elements.
    pub units: u64,
    /// The word for them.
    pub unit_name: &'static str,
    /// Peak memory the input would take, in bytes.
    pub bytes: u64,
    /// What this input is allowed.
    pub allowed: u64,
}

impl Estimate {
    /// Whether building the document would pass the allowance.
    #[must_use]
    pub fn exceeded(&self) -> bool {
        self.bytes > self.allowed
    }
}

/// The memory `text`, read as `kind`, would take, counted in one pass over
/// its bytes with nothing allocated.
#[must_use]
pub fn estimate(text: &str, kind: SourceKind) -> Estimate {
    let size = text.len() as u64;
    let allowed = (size * RATIO).max(FLOOR_BYTES);
    let (units, unit_name, cost) = match kind {
        SourceKind::Html => {
            let elements = count_elements(text.as_bytes());
            (elements, "elements", elements * ELEMENT_COST + size * HTML_BYTE_COST)
        }
        SourceKind::Text | SourceKind::Markdown => {
            let (lines, blocks) = count_lines(text.as_bytes());
            (blocks, "blocks", lines * LINE_COST + blocks * BLOCK_COST + size * TEXT_BYTE_COST)
        }
    };
    Estimate { units, unit_name, bytes: BASE_BYTES + cost, allowed }
}

/// Start tags: `<` then a letter.
fn count_elements(bytes: &[u8]) -> u64 {
    memchr_iter(b'<', bytes).filter(|&at| bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic)).count()
        as u64
}

/// Non-blank lines, and the blocks they may make: a line after a blank one,
/// after a line that ends a sentence (a text of one sentence per line is a
/// paragraph per line), or one that opens a list item, a heading or a
/// quotation (which begin a block of their own without a blank line).
fn count_lines(bytes: &[u8]) -> (u64, u64) {
    let mut lines = 0;
    let mut blocks = 0;
    let mut after_blank = true;
    let mut after_sentence = false;
    let mut start = 0;
    let ends = memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for end in ends {
        let line = bytes.get(start..end).unwrap_or_default();
        start = end + 1;
        let Some(first) = line.iter().position(|b| !b.is_ascii_whitespace()) else {
            after_blank = true;
            continue;
        };
        lines += 1;
        let opens = matches!(line.get(first), Some(b'-' | b'*' | b'+' | b'#' | b'>' | b'0'..=b'9'));
        if after_blank || after_sentence || opens {
            blocks += 1;
        }
        after_blank = false;
        // ASCII marks, or the last byte of a closing quotation mark.
        after_sentence = line.trim_ascii_end().last().is_some_and(|b| b".!?:\")\x9d\x99".contains(b));
    }
    (lines, blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_allowed_whatever_its_size() {
        let paragraph = format!("{}\n", "A sentence of prose in a paragraph. ".repeat(12));
        let text = format!("{paragraph}\n").repeat(200_000);
        let estimate = estimate(&text, SourceKind::Text);
        assert_eq!(estimate.units, 200_000);
        assert!(!estimate.exceeded(), "{estimate:?}");
    }

    #[test]
    fn tiny_blocks_by_the_million_are_refused() {
        let cases = [
            ("x\n\n".repeat(2_000_000), SourceKind::Text, 2_000_000),
            ("- x\n".repeat(2_000_000), SourceKind::Markdown, 2_000_000),
            ("<p>x</p>".repeat(1_000_000), SourceKind::Html, 1_000_000),
            ("<b>x</b>".repeat(1_000_000), SourceKind::Html, 1_000_000),
        ];
        for (text, kind, units) in cases {
            let estimate = estimate(&text, kind);
            assert_eq!(estimate.units, units, "{kind:?}");
            assert!(estimate.exceeded(), "{kind:?}: {estimate:?}");
        }
    }

    #[test]
    fn small_inputs_have_the_floor() {
        let estimate = estimate(&"x\n\n".repeat(50_000), SourceKind::Text);
        assert!(!estimate.exceeded(), "{estimate:?}");
        assert_eq!(estimate.allowed, FLOOR_BYTES);
    }

    #[test]
    fn lines_and_blocks_are_counted() {
        assert_eq!(count_lines(b""), (0, 0));
        assert_eq!(count_lines(b"one\ntwo\n\nthree"), (3, 2));
        assert_eq!(count_lines(b"One sentence.\nAnother one.\nand a wrapped\nline"), (4, 3));
        assert_eq!(count_lines(b"- a\n- b\n  \n# c\n> d\n1. e"), (5, 5));
        assert_eq!(count_elements(b"<p>a < b</p><br/><!-- x --><a>"), 3);
    }
}
