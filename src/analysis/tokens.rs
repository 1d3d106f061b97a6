//! The narrative words of a paragraph: everything outside quotation marks,
//! split at spaces and dashes, with the punctuation around each word kept as
//! flags so that later rules can ask "is there a comma after this name?".

use std::ops::Range;

use super::lexicon;
use super::marks::{self, Region};

/// Punctuation flags around a word.
pub(super) mod punct {
    /// `,`
    pub const COMMA: u16 = 1;
    /// `.` `!` `?` `…` ending a sentence
    pub const STOP: u16 = 1 << 1;
    /// `:`
    pub const COLON: u16 = 1 << 2;
    /// `;`
    pub const SEMI: u16 = 1 << 3;
    /// a dash between words: `—`, `–`, or ` - `
    pub const DASH: u16 = 1 << 4;
    /// `(` or `[`
    pub const OPEN: u16 = 1 << 5;
    /// `)` or `]`
    pub const CLOSE: u16 = 1 << 6;
    /// a possessive `’s` (removed from the word)
    pub const POSSESSIVE: u16 = 1 << 7;
    /// a quotation (kept or not) sits between this word and its neighbour
    pub const QUOTE: u16 = 1 << 8;
    /// anything else that is not a letter: `/`, `&`, `*`, …
    pub const OTHER: u16 = 1 << 9;
    /// Flags that end a run of name words.
    pub const BREAK: u16 = COMMA | STOP | COLON | SEMI | DASH | OPEN | CLOSE | POSSESSIVE | QUOTE | OTHER;
}

/// A narrative word. Offsets are `u32` because a 50 MB article holds
/// millions of words and all of them live at once during analysis; callers
/// only tokenize texts shorter than [`MAX_TEXT_LEN`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    /// Start of the word's bytes in the paragraph text.
    start: u32,
    /// End of the word's bytes in the paragraph text.
    end: u32,
    /// Punctuation flags between the previous word and this one.
    pub before: u16,
    /// Punctuation flags between this word and the next.
    pub after: u16,
    /// Index of the sentence the word is in.
    sentence: u32,
}

/// The longest text [`tokenize`] accepts: offsets must fit in a `u32`.
pub(super) const MAX_TEXT_LEN: usize = u32::MAX as usize;

impl Token {
    fn new(range: Range<usize>, before: u16, after: u16) -> Self {
        // Callers keep texts under MAX_TEXT_LEN, so these never saturate.
        let narrow = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        Self { start: narrow(range.start), end: narrow(range.end), before, after, sentence: 0 }
    }

    /// The word's bytes in the paragraph text, without surrounding
    /// punctuation (an abbreviation keeps its periods: "U.S.", "Sen.").
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Index of the sentence the word is in.
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }
}

/// A paragraph's narrative words, with where each quotation region sits.
#[derive(Debug, Default)]
pub(super) struct Tokens {
    /// The words in order.
    pub words: Vec<Token>,
    /// For each region, how many words come before it.
    pub region_at: Vec<usize>,
}

fn flag_of(c: char) -> u16 {
    match c {
        ',' | '،' | '、' => punct::COMMA,
        '.' | '!' | '?' | '…' | '。' | '！' | '？' => punct::STOP,
        ':' => punct::COLON,
        ';' => punct::SEMI,
        '—' | '–' | '-' => punct::DASH,
        '(' | '[' | '{' => punct::OPEN,
        ')' | ']' | '}' => punct::CLOSE,
        c if marks::is_mark(c) || matches!(c, '‘' | '’' | '\'' | '`') => punct::QUOTE,
        _ => punct::OTHER,
    }
}

/// Whether `word` followed by a period is an abbreviation that keeps it.
fn keeps_period(word: &str) -> bool {
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_capital
        || word.contains('.')
        || lexicon::is_title_abbreviation(word)
        || matches!(word, "Jr" | "Sr" | "Inc" | "Ltd" | "Co" | "Corp" | "Bros" | "Jnr" | "Snr")
}

struct Builder<'a> {
    text: &'a str,
    words: Vec<Token>,
    pending: u16,
}

impl Builder<'_> {
    fn push_flags(&mut self, flags: u16) {
        if let Some(last) = self.words.last_mut() {
            last.after |= flags;
        }
        self.pending |= flags;
    }

    /// Adds the chunk `start..end` (no spaces or dashes inside).
    fn chunk(&mut self, start: usize, end: usize) {
        let chunk = &self.text[start..end];
        if chunk == "&" {
            // "Procter & Gamble": the ampersand joins a name like a word.
            let before = std::mem::take(&mut self.pending);
            self.words.push(Token::new(start..end, before, 0));
            return;
        }
        let Some(first) = chunk.find(char::is_alphanumeric) else {
            let flags = chunk.chars().fold(0, |f, c| f | flag_of(c));
            self.push_flags(flags);
            return;
        };
        let lead = chunk[..first].chars().fold(0, |f, c| f | flag_of(c));
        let last = chunk.rfind(char::is_alphanumeric).unwrap_or(first);
        let last_len = chunk[last..].chars().next().map_or(1, char::len_utf8);
        let mut core = start + first..start + last + last_len;
        let mut trail = &self.text[core.end..end];
        let mut after = 0;
        let word = &self.text[core.clone()];
        if let Some(stripped) = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")) {
            if !stripped.is_empty() {
                core.end -= word.len() - stripped.len();
                after |= punct::POSSESSIVE;
            }
        } else if (trail.starts_with('’') || trail.starts_with('\'')) && word.ends_with('s') {
            after |= punct::POSSESSIVE;
            trail = &trail[trail.chars().next().map_or(0, char::len_utf8)..];
        }
        // "D-Ore.," "Inc.,": a period before a comma is an abbreviation's.
        if trail.starts_with('.') && (keeps_period(&self.text[core.clone()]) || trail[1..].starts_with(',')) {
            core.end += 1;
            trail = &trail[1..];
        }
        after |= trail.chars().fold(0, |f, c| f | flag_of(c));
        self.push_flags(lead);
        let before = self.pending;
        self.pending = 0;
        self.words.push(Token::new(core, before, after));
    }
}

/// Splits the narrative of `text` (everything outside `regions`) into words.
pub(super) fn tokenize(text: &str, regions: &[Region], sentences: &[Range<usize>]) -> Tokens {
    let mut builder = Builder { text, words: Vec::new(), pending: 0 };
    let mut region_at = Vec::with_capacity(regions.len());
    let mut from = 0;
    for region in regions.iter().map(Some).chain([None]) {
        let to = region.map_or(text.len(), |r| r.open.max(from));
        let mut chunk_start: Option<usize> = None;
        for (at, c) in text[from..to].char_indices().map(|(i, c)| (from + i, c)) {
            let spaced_hyphen = c == '-'
                && text[..at].ends_with(char::is_whitespace)
                && text[at + 1..].starts_with(char::is_whitespace);
            if c.is_whitespace() || matches!(c, '—' | '–' | '―') || spaced_hyphen {
                if let Some(s) = chunk_start.take() {
                    builder.chunk(s, at);
                }
                if !c.is_whitespace() {
                    builder.push_flags(punct::DASH);
                }
            } else if chunk_start.is_none() {
                chunk_start = Some(at);
            }
        }
        if let Some(s) = chunk_start {
            builder.chunk(s, to);
        }
        if let Some(region) = region {
            builder.push_flags(punct::QUOTE);
            region_at.push(builder.words.len());
            from = region.end(text).max(to);
        }
    }
    let mut words = builder.words;
    let mut sentence = 0;
    for word in &mut words {
        while sentences.get(sentence).is_some_and(|s| s.end <= word.range().start) {
            sentence += 1;
        }
        let index = sentence.min(sentences.len().saturating_sub(1));
        word.sentence = u32::try_from(index).unwrap_or(u32::MAX);
        if sentences.get(sentence).is_some_and(|s| s.end <= word.range().end + 1) {
            word.after |= punct::STOP;
        }
    }
    // Every paragraph's words stay alive until the article is analysed.
    words.shrink_to_fit();
    Tokens { words, region_at }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sentences;

    fn words(text: &str) -> Vec<(&str, u16, u16)> {
        let regions = marks::regions(text);
        let sentences = sentences::split_with(text, &regions);
        let tokens = tokenize(text, &regions, &sentences);
        tokens.words.iter().map(|t| (&text[t.range()], t.before, t.after)).collect()
    }

    #[test]
    fn keeps_abbreviations_and_flags_punctuation() {
        let found = words("Sen. Ada Vole’s aide, (Kim) said—“yes,” U.S. officials said.");
        let names: Vec<&str> = found.iter().map(|w| w.0).collect();
        assert_eq!(names, vec!["Sen.", "Ada", "Vole", "aide", "Kim", "said", "U.S.", "officials", "said"]);
        assert_eq!(found[2].2, punct::POSSESSIVE);
        assert_eq!(found[3].2, punct::COMMA | punct::OPEN);
        assert_ne!(found[5].2 & punct::QUOTE, 0);
        assert_ne!(found[8].2 & punct::STOP, 0);
    }

    #[test]
    fn punctuation_only_text_gives_no_words() {
        assert!(words("“…” — !").is_empty());
    }
}
