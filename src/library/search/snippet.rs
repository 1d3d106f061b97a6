//! Snippets: FTS5 marks each match between two control characters that
//! sanitised text never holds; these turn them into ranges or visible marks.

use crate::model::sanitize;

/// Marks where a match starts in a snippet (never in sanitised text).
pub const MATCH_START: char = '\u{1}';
/// Marks where a match ends in a snippet.
pub const MATCH_END: char = '\u{2}';

/// A snippet without its match marks, and where the matches are (ranges
/// of characters).
#[must_use]
pub fn highlights(snippet: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let mut text = String::with_capacity(snippet.len());
    let mut ranges = Vec::new();
    let mut start = None;
    let mut count = 0;
    for c in snippet.chars() {
        match c {
            MATCH_START => start = Some(count),
            MATCH_END => {
                if let Some(from) = start.take() {
                    ranges.push(from..count);
                }
            }
            c => {
                text.push(c);
                count += 1;
            }
        }
    }
    (text, ranges)
}

/// Writes `snippet` with its matches between `open` and `close`.
#[must_use]
pub fn mark_matches(snippet: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(snippet.len() + 8);
    for c in snippet.chars() {
        match c {
            MATCH_START => out.push_str(open),
            MATCH_END => out.push_str(close),
            c => out.push(c),
        }
    }
    out
}

/// A snippet sanitised like all text shown (the file could have been
/// edited by anything), its match marks kept.
pub(super) fn clean_snippet(snippet: &str) -> String {
    let mut out = String::with_capacity(snippet.len());
    for (index, piece) in snippet.split([MATCH_START, MATCH_END]).enumerate() {
        if index > 0 {
            // Marks alternate: a start before every odd piece.
            out.push(if index % 2 == 1 { MATCH_START } else { MATCH_END });
        }
        out.push_str(&sanitize::clean(piece));
    }
    out
}
