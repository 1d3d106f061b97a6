//! Display widths by grapheme, the way the terminal grid counts them: wide
//! characters take two columns, combining marks none, and invisible format
//! characters (soft hyphens, zero-width spaces and joiners) none and are never
//! drawn. Everything here is pure string arithmetic.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The soft hyphen: invisible unless a line breaks at it, then drawn as `-`.
pub const SOFT_HYPHEN: char = '\u{ad}';

/// Whether `c` is an invisible format character that search ignores and the
/// reader never sends to the terminal (it would be drawn with a width that
/// terminals disagree about).
#[must_use]
pub fn is_invisible(c: char) -> bool {
    matches!(c, SOFT_HYPHEN | '\u{180e}' | '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// Columns one grapheme cluster occupies. Mirrors the cell grid: one column
/// for a single byte, else the Unicode width, with halfwidth katakana sound
/// marks counted as the separate cells terminals draw them as.
#[must_use]
pub fn grapheme_width(grapheme: &str) -> usize {
    if grapheme.len() == 1 {
        return usize::from(grapheme != "\n");
    }
    if grapheme.chars().all(is_invisible) {
        return 0;
    }
    let marks = grapheme.chars().filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}')).count();
    grapheme.width() + marks
}

/// Display width of `text` in columns.
#[must_use]
pub fn display_width(text: &str) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(|b| *b != b'\n').count();
    }
    simple_width(text).unwrap_or_else(|| text.graphemes(true).map(grapheme_width).sum())
}

/// The width of a text made only of [`is_simple`] characters, which needs no
/// grapheme segmentation; `None` when any other character is present.
fn simple_width(text: &str) -> Option<usize> {
    let mut width = 0;
    for c in text.chars() {
        if !is_simple(c) {
            return None;
        }
        width += usize::from(c != SOFT_HYPHEN);
    }
    Some(width)
}

/// Whether `c` is a grapheme cluster of its own next to any other such
/// character, one column wide (the soft hyphen: none): printable ASCII,
/// Latin letters without combining marks, and the punctuation of edited
/// prose (“ ” ’ — … •).
#[must_use]
pub fn is_simple(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{2ff}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}')
}

/// `text` as it is drawn: without soft hyphens (terminals disagree on their
/// width); borrowed when there are none. The other invisible characters stay:
/// joiners shape emoji sequences, and the cell grid gives the rest no cell.
#[must_use]
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() || !text.contains(SOFT_HYPHEN) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|c| *c != SOFT_HYPHEN).collect())
    }
}

/// The longest prefix of `text` that fits in `cols` columns, cut between
/// grapheme clusters, followed by `…` when something had to go.
#[must_use]
pub fn truncate(text: &str, cols: usize) -> String {
    // Panel rows truncate whole quotations: the text is walked only as far
    // as the row reaches, never measured whole. Text of simple characters
    // is walked by characters, which are its grapheme clusters.
    let by_char =
        text.char_indices().map(|(at, c)| is_simple(c).then_some((at, usize::from(c != SOFT_HYPHEN))));
    let (cut, simple) = match cut_point(cols, by_char) {
        Walk::Unknown => {
            let by_grapheme = text.grapheme_indices(true).map(|(at, g)| Some((at, grapheme_width(g))));
            (cut_point(cols, by_grapheme), false)
        }
        walk => (walk, true),
    };
    let Walk::Cut(end) = cut else { return visible(text).into_owned() };
    if cols == 0 {
        return String::new();
    }
    let kept = &text[..end];
    let mut out: String = if simple {
        kept.chars().filter(|c| *c != SOFT_HYPHEN).collect()
    } else {
        kept.graphemes(true).filter(|g| grapheme_width(g) > 0).collect()
    };
    out.push('…');
    out
}

/// How a row takes a text: whole, cut at a byte offset (the room for `…`
/// kept), or not known because a unit could not be measured.
enum Walk {
    Fits,
    Cut(usize),
    Unknown,
}

/// Walks `units` (each its start and width; `None` for one the walk cannot
/// measure) until they overflow `cols` columns.
fn cut_point(cols: usize, units: impl Iterator<Item = Option<(usize, usize)>>) -> Walk {
    let mut used = 0;
    // Where `…` goes if the text turns out not to fit.
    let mut cut = None;
    for unit in units {
        let Some((at, width)) = unit else { return Walk::Unknown };
        if cut.is_none() && used + width > cols.saturating_sub(1) {
            cut = Some(at);
        }
        used += width;
        if used > cols {
            return Walk::Cut(cut.unwrap_or(at));
        }
    }
    Walk::Fits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_graphemes() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("日本"), 4);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("a\u{ad}b\u{200b}c"), 3);
        assert_eq!(display_width("ｶﾞ"), 3, "as the cell grid counts halfwidth sound marks");
    }

    #[test]
    fn truncate_never_splits_a_wide_character() {
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("日本語", 6), "日本語");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("ab\u{ad}c", 3), "abc");
    }

    /// What `truncate` did when it measured the whole text first.
    fn truncate_measuring_all(text: &str, cols: usize) -> String {
        if display_width(text) <= cols {
            return visible(text).into_owned();
        }
        if cols == 0 {
            return String::new();
        }
        let mut out = String::new();
        let mut used = 0;
        for grapheme in text.graphemes(true) {
            let width = grapheme_width(grapheme);
            if used + width > cols - 1 {
                break;
            }
            if width > 0 {
                out.push_str(grapheme);
            }
            used += width;
        }
        out.push('…');
        out
    }

    proptest::proptest! {
        #[test]
        fn simple_text_is_measured_as_by_grapheme(
            text in "([a-z ]|[\u{a0}-\u{2ff}]|[\u{2010}-\u{2027}]|[\u{2030}-\u{205e}]|\\PC){0,24}",
        ) {
            let by_grapheme: usize = text.graphemes(true).map(grapheme_width).sum();
            proptest::prop_assert_eq!(display_width(&text), by_grapheme);
        }

        #[test]
        fn simple_text_is_truncated_as_by_grapheme(
            text in "([a-z ]|[\u{a0}-\u{2ff}]|[\u{2010}-\u{2027}]|[\u{2030}-\u{205e}]|[\u{301}\u{200d}日\n]){0,24}",
            cols in 0usize..12,
        ) {
            proptest::prop_assert_eq!(truncate(&text, cols), truncate_measuring_all(&text, cols));
        }

        #[test]
        fn truncate_stops_early_with_the_same_result(
            text in "([a-z ]|\\PC|[日本\u{ad}\u{200b}\u{301}\n]){0,24}",
            cols in 0usize..12,
        ) {
            proptest::prop_assert_eq!(truncate(&text, cols), truncate_measuring_all(&text, cols));
        }
    }

    #[test]
    fn visible_drops_soft_hyphens_only() {
        assert_eq!(visible("a\u{ad}b\u{200d}"), "ab\u{200d}");
        assert!(matches!(visible("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
