//! Quotation marks: which characters open and close a quotation and how they
//! pair inside one paragraph. Language-neutral: curly and straight double
//! marks, «guillemets» both ways, „German“ and 「corner brackets」.
//!
//! Single marks (‘ ’ ' ‚ ‹ ›) never open or close a quotation here: a quote
//! nested inside a quote stays part of the outer text, and an apostrophe
//! (don’t, ’90s) can never be mistaken for a mark.

use std::ops::Range;

/// A paired (or unclosed) quotation inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Bytes between the marks (or up to the paragraph's end when unclosed).
    pub inner: Range<usize>,
    /// Whether a closing mark was found; an unclosed quotation ends with its
    /// paragraph.
    pub closed: bool,
}

impl Region {
    /// Byte offset just past the closing mark (or the paragraph's end).
    #[must_use]
    pub fn end(&self, text: &str) -> usize {
        if self.closed {
            text[self.inner.end..].chars().next().map_or(self.inner.end, |c| self.inner.end + c.len_utf8())
        } else {
            self.inner.end
        }
    }
}

/// What kind of quotation a mark belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// “ ” " „ ‟ 〝 〞 ＂: pair with any mark of the family, in reading order.
    Double,
    /// « »: French order, or German order when the first mark is ».
    Guillemet,
    /// 「 」
    Corner,
    /// 『 』
    WhiteCorner,
}

fn family(c: char) -> Option<Family> {
    match c {
        '"' | '“' | '”' | '„' | '‟' | '〝' | '〞' | '＂' => Some(Family::Double),
        '«' | '»' => Some(Family::Guillemet),
        '「' | '」' => Some(Family::Corner),
        '『' | '』' => Some(Family::WhiteCorner),
        _ => None,
    }
}

/// Whether `c` is any double quotation mark this module knows.
#[must_use]
pub fn is_mark(c: char) -> bool {
    family(c).is_some()
}

/// A mark that sits against the end of a word and before a space or the end
/// of the text closes a quotation; with no quotation open it is an orphan.
fn looks_closing(prev: Option<char>, next: Option<char>) -> bool {
    let after_word = prev.is_some_and(|p| !p.is_whitespace() && !matches!(p, '(' | '[' | '—' | '–'));
    let before_gap = next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation() || is_mark(n));
    after_word && before_gap
}

/// Whether an opening mark may start a quotation here, with none open.
fn can_open(c: char, prev: Option<char>, next: Option<char>) -> bool {
    match c {
        // A straight mark after a digit is an inch mark (a 12" record).
        '"' if prev.is_some_and(|p| p.is_ascii_digit()) => false,
        // A guillemet between spaces is a menu's separator (Home » News).
        '»' => !looks_closing(prev, next) && next.is_some_and(|n| !n.is_whitespace()),
        '"' | '”' | '〞' => !looks_closing(prev, next),
        '」' | '』' => false,
        _ => next.is_some(),
    }
}

/// Whether `c` closes a quotation opened with `opener`.
fn closes(opener: char, c: char) -> bool {
    match opener {
        '«' => c == '»',
        '»' => c == '«',
        '「' => c == '」',
        '『' => c == '』',
        _ => family(c) == Some(Family::Double),
    }
}

/// Pairs the quotation marks of one paragraph in reading order. Linear in the
/// paragraph's length; the last quotation may be unclosed.
#[must_use]
pub fn regions(text: &str) -> Vec<Region> {
    let mut regions = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut from = 0;
    while let Some(at) = next_candidate(text.as_bytes(), from) {
        let Some(c) = text[at..].chars().next() else { break };
        from = at + c.len_utf8();
        if family(c).is_none() {
            continue;
        }
        let prev = text[..at].chars().next_back();
        let next = text[from..].chars().next();
        match open {
            None if can_open(c, prev, next) => open = Some((at, c)),
            Some((start, opener)) if closes(opener, c) => {
                let inner = start + opener.len_utf8()..at;
                regions.push(Region { open: start, inner, closed: true });
                open = None;
            }
            _ => {}
        }
    }
    if let Some((start, opener)) = open {
        regions.push(Region { open: start, inner: start + opener.len_utf8()..text.len(), closed: false });
    }
    regions
}

/// The next byte at or after `from` that may start a quotation mark: `"`, or
/// the lead byte of a mark's UTF-8 form (« » are C2 ‥, the curly marks E2 ‥,
/// the corner brackets E3 ‥, the fullwidth mark EF ‥). Lead bytes are never
/// inside a character, so the scan needs no decoding.
fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    bytes.get(from..)?.iter().position(|&b| matches!(b, b'"' | 0xc2 | 0xe2 | 0xe3 | 0xef)).map(|i| from + i)
}

/// Whether a paragraph opens with a quotation mark (after any spaces): with an
/// unclosed quotation before it, it continues that quotation (the
/// multi-paragraph convention).
#[must_use]
pub fn starts_with_mark(text: &str) -> bool {
    text.trim_start().chars().next().is_some_and(|c| can_open(c, None, Some(' ')) && is_mark(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<(&str, bool)> {
        regions(text).into_iter().map(|r| (&text[r.inner], r.closed)).collect()
    }

    #[test]
    fn pairs_in_reading_order_whatever_the_style() {
        assert_eq!(inner("a \"b” c “d\" e"), vec![("b", true), ("d", true)]);
        assert_eq!(inner("„Ja“ und «oui» und »doch«"), vec![("Ja", true), ("oui", true), ("doch", true)]);
        assert_eq!(inner("「交渉」と"), vec![("交渉", true)]);
    }

    #[test]
    fn unclosed_runs_to_the_end_and_orphan_closers_are_ignored() {
        assert_eq!(inner("never opened,” he said. “Open"), vec![("Open", false)]);
        assert_eq!(inner("a 12\" record and “x”"), vec![("x", true)]);
    }

    #[test]
    fn nested_marks_stay_inside() {
        assert_eq!(inner("«il a dit “non” hier»"), vec![("il a dit “non” hier", true)]);
        assert_eq!(inner("「a『b』c」"), vec![("a『b』c", true)]);
    }

    #[test]
    fn every_mark_family_is_found_by_its_lead_byte() {
        for mark in ['"', '“', '”', '„', '‟', '〝', '〞', '＂', '«', '»', '「', '」', '『', '』']
        {
            let first = mark.encode_utf8(&mut [0; 4]).as_bytes()[0];
            assert_eq!(next_candidate(&[b'a', first], 0), Some(1), "{mark}");
        }
    }

    #[test]
    fn region_end_is_past_the_closing_mark() {
        let text = "“ab” c";
        let region = &regions(text)[0];
        assert_eq!(&text[region.end(text)..], " c");
    }
}
