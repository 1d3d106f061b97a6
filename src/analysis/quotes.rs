//! Which quotation regions are quotes: the corpus rule. A span is kept when
//! it is a complete utterance (it stands as its own sentence, or is the
//! complement of a speech verb or a colon) whatever its length, or a woven-in
//! fragment of four or more words. Fragments of one to three words (scare
//! quotes, terms) and woven-in titles of works are dropped. A blockquote is a
//! quote as a whole.

use std::ops::Range;

use super::lexicon;
use super::marks;
use super::para::{Para, ParaKind};

/// Woven-in fragments of this many words or fewer are not quotes.
const MAX_FRAGMENT_WORDS: usize = 3;

/// A quote found in a paragraph, before attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Span {
    /// The region it comes from (`None` for a whole blockquote).
    pub region: Option<usize>,
    /// Byte range of the quoted words: trimmed, one trailing comma removed.
    pub range: Range<usize>,
}

/// Trims a byte range of `text` of surrounding spaces and one trailing comma.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let raw = &text[range.clone()];
    let start = range.start + (raw.len() - raw.trim_start().len());
    let inner = raw.trim();
    let inner = inner.strip_suffix(',').unwrap_or(inner).trim_end();
    start..start + inner.len()
}

/// Words of a span: whitespace tokens with a letter or digit; in scripts
/// written without spaces (Chinese, Japanese) every character counts.
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| w.chars().filter(|&c| is_unspaced_script(c)).count().max(1))
        .sum()
}

fn is_unspaced_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Whether the span reads as a title of a work: mostly capitalised words,
/// any lower-case ones short ("A Quiet Road to All the Votes").
fn looks_like_title(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let capitalised = words
        .iter()
        .filter(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(char::is_uppercase))
        .count();
    let long_lower = words.iter().any(|w| w.starts_with(char::is_lowercase) && w.chars().count() > 4);
    words.len() >= 2 && capitalised * 3 >= words.len() * 2 && !long_lower
}

/// Nouns and participles that introduce the title of a work or a campaign
/// ("his book “…”", "a poem called “…”").
const WORK_WORDS: &[&str] = &[
    "book",
    "novel",
    "memoir",
    "film",
    "movie",
    "song",
    "album",
    "record",
    "single",
    "show",
    "series",
    "podcast",
    "poem",
    "play",
    "article",
    "essay",
    "episode",
    "documentary",
    "called",
    "titled",
    "entitled",
    "named",
    "dubbed",
    "headlined",
    "program",
    "programme",
    "column",
    "story",
    "blog",
    "newsletter",
    "campaign",
    "slogan",
    "hashtag",
    "exhibition",
    "opera",
    "musical",
    "painting",
    "game",
    "collection",
    "anthology",
    "chapter",
    "tv",
    "thriller",
];

/// Whether one of the three words before `open` introduces a work's title.
fn after_work_word(text: &str, open: usize) -> bool {
    text[..open].split_whitespace().rev().take(3).any(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        WORK_WORDS.iter().any(|k| k.eq_ignore_ascii_case(bare))
    })
}

/// Where a region sits in its sentence.
struct Place {
    /// Only spaces, brackets or dashes before it in its sentence.
    stands: bool,
    /// Right after a colon, or after a speech verb and a comma.
    complement: bool,
    /// A comma or an attribution right after it.
    attributed: bool,
    /// Right after a speech verb ("a sign advertised “…”").
    after_verb: bool,
}

fn place(para: &Para<'_>, index: usize) -> Place {
    let text = para.text;
    let region = &para.regions[index];
    let sentence = para.sentences.get(para.sentence_of(region.open)).map_or(0, |s| s.start.min(region.open));
    // A quotation right after another one stands like it ("“Yes.” “No,” she said").
    let previous_end = index.checked_sub(1).map_or(0, |i| para.regions[i].end(text)).min(region.open);
    let before = text[sentence.max(previous_end)..region.open].trim_end();
    let stands = before.chars().all(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-'));
    let last_word = text[sentence..region.open]
        .trim_end()
        .trim_end_matches([',', ' '])
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let verb = last_word.trim_matches(|c: char| !c.is_alphanumeric());
    let after_verb = lexicon::is_speech_verb(verb);
    let raw_inner = text[region.inner.clone()].trim_end();
    let after = text[region.end(text)..].trim_start();
    // "would only respond “defer,” indicating …": right after the verb, and
    // closed by punctuation.
    let closed = raw_inner.ends_with([',', '.', '!', '?']) || after.starts_with([',', '.', ';', '!', '?']);
    let complement = before.ends_with(':')
        || before.ends_with(',') && after_verb
        || after_verb && !verb.ends_with("ing") && before.ends_with(|c: char| c.is_alphanumeric()) && closed;
    let after = &after[..after.find(marks::is_mark).unwrap_or(after.len())];
    let attributed = after.starts_with(',')
        || raw_inner.ends_with(',')
        || after
            .split_whitespace()
            .take(4)
            .any(|w| lexicon::is_speech_verb(w.trim_matches(|c: char| !c.is_alphanumeric())));
    Place { stands, complement, attributed, after_verb }
}

/// The quotes of one paragraph, in reading order.
pub(super) fn find(para: &Para<'_>) -> Vec<Span> {
    let text = para.text;
    match para.kind {
        ParaKind::Heading | ParaKind::Credit => return Vec::new(),
        ParaKind::Blockquote => {
            let body_end = dash_attribution_start(text).unwrap_or(text.len());
            let whole = match para.regions.as_slice() {
                [only]
                    if text[..only.open].trim().is_empty()
                        && only.end(text) <= body_end
                        && text[only.end(text)..body_end].trim().is_empty() =>
                {
                    only.inner.clone()
                }
                _ => 0..body_end,
            };
            let range = trimmed(text, whole);
            return if word_count(&text[range.clone()]) > 0 {
                vec![Span { region: None, range }]
            } else {
                Vec::new()
            };
        }
        ParaKind::Body => {}
    }
    let mut spans = Vec::new();
    let mut previous_complement = None;
    for (index, region) in para.regions.iter().enumerate() {
        let range = trimmed(text, region.inner.clone());
        let inner = &text[range.clone()];
        let words = word_count(inner);
        if words == 0 {
            continue;
        }
        let keep = if index == 0 && para.continues {
            true
        } else {
            let place = place(para, index);
            // “Staff our wards,” and “Pay us fairly,”: a second complement.
            let coordinated = previous_complement == Some(index.wrapping_sub(1))
                && text[para.regions[index - 1].end(text)..region.open].trim().trim_start_matches(',').trim()
                    == "and";
            let utterance =
                place.complement || coordinated || place.stands && (place.attributed || ends_sentence(inner));
            if place.complement || coordinated {
                previous_complement = Some(index);
            }
            let title = looks_like_title(inner);
            let woven_title = !utterance && !place.after_verb;
            let subject = place.stands && used_as_name(text, region);
            let named = title && (woven_title || after_work_word(text, region.open) || subject);
            if named || names_something(text, region) {
                false
            } else {
                words > MAX_FRAGMENT_WORDS || utterance
            }
        };
        if keep {
            spans.push(Span { region: Some(index), range });
        }
    }
    spans
}

/// Whether the quotation names a work or a campaign right after it ("the
/// “Drive Sober” campaign", "the “Fix It” song").
fn names_something(text: &str, region: &marks::Region) -> bool {
    let next = text[region.end(text)..].split_whitespace().next().unwrap_or("");
    let bare = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    bare.len() == next.len() && WORK_WORDS.contains(&bare)
}

/// Whether a title-like quotation is used as a name: no punctuation closes
/// it and a lower-case word follows ("“The Harbor Weekly” quotes sources").
fn used_as_name(text: &str, region: &marks::Region) -> bool {
    let inner = text[region.inner.clone()].trim_end();
    let after = &text[region.end(text)..];
    !inner.ends_with(|c: char| c.is_ascii_punctuation())
        && after.starts_with(' ')
        && after.trim_start().starts_with(char::is_lowercase)
}

fn ends_sentence(inner: &str) -> bool {
    inner.trim_end_matches(['’', '\'', ')', ']']).ends_with(['.', '!', '?', '…'])
}

/// Where a trailing "— Name" attribution starts in a blockquote's text:
/// a short capitalised tail, or, after a finished sentence, someone
/// unnamed ("… not after we are seen. — a senior officer").
pub(super) fn dash_attribution_start(text: &str) -> Option<usize> {
    let at = text.rfind(['—', '―']).or_else(|| text.rfind(" - ").map(|i| i + 1))?;
    let tail = text[at..].trim_start_matches(['—', '―', '-', ' ']);
    let words = tail.split_whitespace().count();
    let named = tail.starts_with(char::is_uppercase) && words <= 8;
    // A lower-case tail is a credit only when it cannot be the sentence
    // going on after a dash ("it was slow — a mistake").
    let unnamed = ends_sentence(text[..at].trim_end())
        && matches!(tail.split_whitespace().next(), Some("a" | "an" | "the" | "one"))
        && words <= 12;
    (at > 0 && words >= 1 && (named || unnamed) && !tail.ends_with(['.', '!', '?'])).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::dash_attribution_start;

    #[test]
    fn a_dash_tail_is_a_credit_only_in_a_credit_s_shape() {
        let cases = [
            ("We call first. — Ada Vole, harbour pilot", Some("— Ada Vole, harbour pilot")),
            (
                "We call first. — a senior officer of the coastal fleet",
                Some("— a senior officer of the coastal fleet"),
            ),
            ("We call first - Ada Vole", Some("- Ada Vole")),
            // The sentence going on after a dash is no credit.
            ("It was slow — a mistake we all made", None),
            ("We call first. — and then we sail", None),
            ("We call first. — Then we sail, and nobody sees us go.", None),
            ("— Ada Vole", None),
        ];
        for (text, expected) in cases {
            assert_eq!(dash_attribution_start(text).map(|at| &text[at..]), expected, "{text}");
        }
    }
}
