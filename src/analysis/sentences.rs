//! A sentence splitter that keeps quotations whole and knows abbreviations.
//!
//! A full stop inside a quotation never ends the surrounding sentence unless
//! it is the quotation's last character (`“… people.” He left.`), and a
//! question or exclamation does not even then when an attribution follows
//! (`“Why?” Smith asked.`). Titles such
//! as "Sen." and "Dr." never end a sentence; dotted abbreviations such as
//! "U.S.", "D.C." and "p.m." end one only when the next word is one that
//! starts sentences ("The", "He", …). Linear in the text's length.

use std::ops::Range;

use super::lexicon;
use super::marks::{self, Region};

/// Splits `text` into sentences: byte ranges in order, trimmed of
/// surrounding whitespace, covering every non-space character.
#[must_use]
pub fn split(text: &str) -> Vec<Range<usize>> {
    split_with(text, &marks::regions(text))
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '’' | '\'' | '”' | '"' | '»' | '」' | '』')
}

/// Bytes a word look-up reads at most: enough for any abbreviation, and a
/// bound on the work per full stop in text without spaces.
const WORD_BYTES: usize = 64;

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest char boundary of `text` at or above `at`.
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The word that starts at `at` (after any opening marks or brackets).
fn word_at(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or("");
    let rest = &rest[..floor_boundary(rest, WORD_BYTES)];
    let rest = rest.trim_start_matches(|c: char| marks::is_mark(c) || matches!(c, '(' | '[' | '‘' | '\''));
    let end = rest.find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':')).unwrap_or(rest.len());
    &rest[..end]
}

/// The word that ends at `end` (the full stop's offset), without leading
/// brackets or marks.
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let head = &head[ceil_boundary(head, head.len().saturating_sub(WORD_BYTES))..];
    let start =
        head.rfind(char::is_whitespace).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    head[start..].trim_start_matches(|c: char| marks::is_mark(c) || matches!(c, '(' | '[' | '‘'))
}

/// Whether the words at `at` read as an attribution: up to three capitalised
/// words, then a speech verb ("Smith asked", "Prime Minister Lang said").
fn attribution_follows(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let mut words = rest.split_whitespace().take(16);
    let mut names = 0;
    while let Some(raw) = words.next() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if lexicon::is_speech_verb(word) {
            return true;
        }
        if !word.chars().next().is_some_and(char::is_uppercase) || names == 4 {
            return false;
        }
        names += 1;
        // "“Why?” Ivo Marek, a city auditor, said.": past an appositive.
        if raw.ends_with(',') {
            let closed = words.by_ref().take(10).any(|w| w.ends_with(','));
            let next = words.next().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
            return closed && next.is_some_and(lexicon::is_speech_verb);
        }
    }
    false
}

/// Whether a sentence may start with the text at `at`.
fn can_start(text: &str, at: usize) -> bool {
    char_at(text, at).is_some_and(|c| {
        c.is_uppercase() || c.is_numeric() || marks::is_mark(c) || matches!(c, '(' | '[' | '‘' | '¿' | '¡')
    })
}

/// Whether a full stop ending `before` really ends the sentence, given the
/// next word.
fn full_stop_ends(before: &str, next: &str) -> bool {
    let bare = before.trim_end_matches('.');
    if lexicon::is_title_abbreviation(bare) {
        return false;
    }
    let initial = bare.chars().count() == 1 && bare.chars().all(char::is_uppercase);
    if initial || bare.contains('.') {
        return lexicon::starts_sentence_after_abbreviation(next);
    }
    true
}

/// [`split`] with the paragraph's quotation regions already known.
#[must_use]
pub(super) fn split_with(text: &str, regions: &[Region]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = skip_space(text, 0);
    let ends: Vec<usize> = regions.iter().map(|r| r.end(text)).collect();
    let mut region = 0;
    let mut at = 0;
    while let Some(offset) = text.get(at..).and_then(|rest| rest.find(is_terminal)) {
        at += offset;
        let Some(c) = char_at(text, at) else { break };
        while ends.get(region).is_some_and(|&e| e <= at) {
            region += 1;
        }
        let mut end = at + c.len_utf8();
        let mut single_stop = c == '.';
        while let Some(d) = char_at(text, end).filter(|&d| is_terminal(d)) {
            end += d.len_utf8();
            single_stop = false;
        }
        let inside = regions.get(region).filter(|r| r.open < at && at < r.inner.end);
        let mut after_quote = false;
        if let Some(r) = inside {
            let rest = &text[end..r.inner.end];
            if !rest.chars().all(|d| d.is_whitespace() || is_closer(d)) {
                at = end;
                continue;
            }
            end = ends[region];
            after_quote = true;
        }
        while let Some(d) = char_at(text, end).filter(|&d| is_closer(d)) {
            if regions.iter().skip(region).take(2).any(|r| r.open == end) {
                break;
            }
            end += d.len_utf8();
        }
        let cjk = matches!(c, '。' | '！' | '？');
        let next = skip_space(text, end);
        let spaced = next > end || next == text.len();
        let boundary = next < text.len()
            && (cjk || spaced && can_start(text, next))
            && !(single_stop && !after_quote && !full_stop_ends(word_before(text, at), word_at(text, next)))
            && !(after_quote && c != '.' && attribution_follows(text, next));
        if boundary {
            sentences.push(start..trim_end(text, end));
            start = next;
        }
        at = end.max(at + c.len_utf8());
    }
    if start < text.len() {
        sentences.push(start..trim_end(text, text.len()));
    }
    sentences.retain(|s| !s.is_empty());
    sentences
}

fn skip_space(text: &str, from: usize) -> usize {
    text[from..].find(|c: char| !c.is_whitespace()).map_or(text.len(), |i| from + i)
}

fn trim_end(text: &str, end: usize) -> usize {
    text[..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn keeps_abbreviations_and_quotations_whole() {
        assert_eq!(
            texts("Sen. Ada Vole met U.S. envoys at 5 p.m. in D.C. on Monday. The talks ended."),
            vec!["Sen. Ada Vole met U.S. envoys at 5 p.m. in D.C. on Monday.", "The talks ended."]
        );
        assert_eq!(
            texts("“It works. It really does,” Vole said. “Why?” asked Kim. “No!” Kim said. Done."),
            vec!["“It works. It really does,” Vole said.", "“Why?” asked Kim.", "“No!” Kim said.", "Done."]
        );
    }

    #[test]
    fn splits_after_a_quotation_that_ends_a_sentence() {
        assert_eq!(texts("He wrote “I am done.” The end."), vec!["He wrote “I am done.”", "The end."]);
        assert_eq!(
            texts("They left in the U.S. The rest stayed."),
            vec!["They left in the U.S.", "The rest stayed."]
        );
    }

    #[test]
    fn handles_empty_and_odd_text() {
        assert!(split("").is_empty());
        assert_eq!(texts("...!?"), vec!["...!?"]);
        assert_eq!(texts("終わった。次だ。"), vec!["終わった。", "次だ。"]);
    }
}
