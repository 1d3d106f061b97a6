//! One block prepared for analysis: its quotation regions, sentences,
//! narrative words and name runs, computed once and shared by every rule.

use std::ops::Range;

use crate::model::{Block, BlockId, BlockKind, Document};

use super::marks::{self, Region};
use super::names::{self, Run};
use super::sentences;
use super::tokens::{self, Token};

/// How analysis treats a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ParaKind {
    /// Running text: paragraphs, list items, captions.
    Body,
    /// A quoted passage: the whole block is a quotation.
    Blockquote,
    /// A heading: a new section, where context resets.
    Heading,
    /// The credit line of the blockquote before it ("— Ada Vole, poet").
    Credit,
}

/// A block with everything the rules need to know about its text.
#[derive(Debug)]
pub(super) struct Para<'a> {
    /// The block.
    pub block: BlockId,
    /// Its text.
    pub text: &'a str,
    /// How it is treated.
    pub kind: ParaKind,
    /// A blockquote's own attribution line.
    pub attribution: Option<&'a str>,
    /// Set apart from the running text (a blockquote, a pull quote, a
    /// credited tweet): it neither changes nor takes the reader's context.
    pub aside: bool,
    /// The block is a plain paragraph.
    paragraph: bool,
    /// Quotation regions in reading order.
    pub regions: Vec<Region>,
    /// Whether the first region continues a quotation left open by the
    /// paragraph before (the multi-paragraph convention).
    pub continues: bool,
    /// Sentences (byte ranges).
    pub sentences: Vec<Range<usize>>,
    /// Narrative words.
    pub words: Vec<Token>,
    /// For each region, the number of words before it.
    pub region_at: Vec<usize>,
    /// Name runs among the words.
    pub runs: Vec<Run>,
    /// For each word, whether it is a speech verb (looked up once).
    pub speech: Vec<bool>,
    /// For each sentence, the index of its first word (and one past the
    /// last sentence's words at the end).
    sentence_starts: Vec<usize>,
}

impl<'a> Para<'a> {
    /// Prepares one block, or `None` for blocks that hold no prose.
    pub fn new(block: BlockId, source: &'a Block) -> Option<Self> {
        let (kind, attribution) = match source.kind() {
            BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Caption => (ParaKind::Body, None),
            BlockKind::Blockquote { attribution } => (ParaKind::Blockquote, attribution.as_deref()),
            BlockKind::Heading { .. } if super::sections::heading_is_prose(source.text()) => {
                (ParaKind::Body, None)
            }
            BlockKind::Heading { .. } => (ParaKind::Heading, None),
            _ => return None,
        };
        let text = source.text();
        if text.len() >= tokens::MAX_TEXT_LEN {
            return None;
        }
        let regions = if kind == ParaKind::Heading { Vec::new() } else { marks::regions(text) };
        // A blockquote holding a quotation and its attribution is prose.
        let wraps = |r: &Region| text[..r.open].trim().is_empty() && text[r.end(text)..].trim().is_empty();
        let kind = match regions.as_slice() {
            [] => kind,
            [only] if wraps(only) => kind,
            _ if kind == ParaKind::Blockquote => ParaKind::Body,
            _ => kind,
        };
        let sentences = sentences::split_with(text, &regions);
        let tokens = tokens::tokenize(text, &regions, &sentences);
        let runs = names::find(text, &tokens.words);
        let mut speech: Vec<bool> =
            tokens.words.iter().map(|t| super::lexicon::is_speech_verb(&text[t.range()])).collect();
        let word_at = |i: usize| &text[tokens.words[i].range()];
        for run in runs.iter().filter(|r| r.is_name()) {
            let (first, last) = (run.start(), run.name.end - 1);
            if last + 1 < speech.len()
                && tokens.words[last].after & tokens::punct::BREAK == 0
                && super::lexicon::is_noun_speech_verb(word_at(last + 1))
            {
                speech[last + 1] = true;
            }
            if first > 0
                && tokens.words[first - 1].after & tokens::punct::BREAK == 0
                && super::lexicon::is_noun_speech_verb(word_at(first - 1))
            {
                speech[first - 1] = true;
            }
        }
        let mut sentence_starts = Vec::with_capacity(sentences.len() + 1);
        let mut word = 0;
        for s in 0..=sentences.len() {
            while word < tokens.words.len() && tokens.words[word].sentence() < s {
                word += 1;
            }
            sentence_starts.push(word);
        }
        Some(Self {
            sentence_starts,
            speech,
            block,
            text,
            kind,
            attribution,
            aside: matches!(source.kind(), BlockKind::Blockquote { .. }),
            paragraph: matches!(source.kind(), BlockKind::Paragraph),
            regions,
            continues: false,
            sentences,
            words: tokens.words,
            region_at: tokens.region_at,
            runs,
        })
    }

    /// The text of word `i`.
    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.words[i].range()]
    }

    /// The text of a range of words, joined by single spaces.
    pub fn words_text(&self, range: Range<usize>) -> String {
        self.words[range].iter().map(|t| &self.text[t.range()]).collect::<Vec<_>>().join(" ")
    }

    /// The run word `i` belongs to (title or name part), if any. Runs come
    /// in word order and never overlap, so a binary search finds it: no
    /// table per word for articles of millions of words.
    pub fn run_of(&self, i: usize) -> Option<usize> {
        let after = self.runs.partition_point(|run| run.start() <= i);
        after.checked_sub(1).filter(|&r| i < self.runs[r].name.end)
    }

    /// The run whose name ends at word `i`, if any.
    pub fn run_ending_at(&self, i: usize) -> Option<usize> {
        self.run_of(i).filter(|&r| self.runs[r].name.end == i + 1)
    }

    /// The run that starts (title included) at word `i`, if any.
    pub fn run_starting_at(&self, i: usize) -> Option<usize> {
        self.run_of(i).filter(|&r| self.runs[r].start() == i)
    }

    /// Whether the name starting at word `j` is the body a proxy speaks
    /// for ("a report from X", "an editorial in the Beirut-based X", "a
    /// study by the X"), looking back no further than word `lo`.
    pub fn proxied(&self, j: usize, lo: usize) -> bool {
        use super::tokens::punct;
        let mut i = j;
        while i > lo + 1 && j - i < 3 {
            let word = self.word(i - 1);
            if self.words[i - 1].after & punct::BREAK != 0 {
                return false;
            }
            if super::lexicon::is_proxy_preposition(word) || word == "in" {
                return super::lexicon::is_proxy_noun(self.word(i - 2))
                    && self.words[i - 2].after & punct::BREAK == 0;
            }
            if word != "the" && !word.contains('-') {
                return false;
            }
            i -= 1;
        }
        false
    }

    /// Word indices of sentence `s`.
    pub fn sentence_words(&self, s: usize) -> Range<usize> {
        let start = self.sentence_starts.get(s).copied().unwrap_or(self.words.len());
        let end = self.sentence_starts.get(s + 1).copied().unwrap_or(self.words.len());
        start..end.max(start)
    }

    /// The sentence holding byte `at`.
    pub fn sentence_of(&self, at: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= at).min(self.sentences.len().saturating_sub(1))
    }
}

/// The name part of a blockquote's credit line: a short line led by a
/// dash ("— Ada Vole, poet"), or a short name line without a full stop.
fn credit_line(text: &str) -> Option<&str> {
    let text = text.trim();
    let bare = text.trim_start_matches(['—', '–', '―', '-', ' ']);
    let dashed = bare.len() < text.len();
    let words = bare.split_whitespace().count();
    let plain = words <= 8
        && bare.starts_with(char::is_uppercase)
        && !bare.ends_with(['.', '!', '?', ':'])
        && !bare.chars().any(marks::is_mark);
    (words > 0 && (dashed && words <= 12 || plain)).then_some(bare)
}

/// A credit line led by a dash and a capital ("— Ada Vole, poet", "—
/// Priya Nair (@priyanair) March 3, 2021"), not a byline.
fn dash_credit(text: &str) -> Option<&str> {
    let text = text.trim();
    let bare = text.trim_start_matches(['—', '–', '―']).trim_start();
    let bare = if bare.len() == text.len() { text.strip_prefix("- ")? } else { bare };
    let words = bare.split_whitespace().count();
    let byline = bare.starts_with("By ") || bare.starts_with("by ");
    (bare.len() < text.len() && (1..=12).contains(&words) && bare.starts_with(char::is_uppercase) && !byline)
        .then_some(bare)
}

/// Prepares every prose block of a document and links paragraphs that
/// continue a quotation.
pub(super) fn prepare(doc: &Document) -> Vec<Para<'_>> {
    let mut paras: Vec<Para<'_>> = Vec::with_capacity(doc.blocks().len());
    for (index, block) in doc.blocks().iter().enumerate() {
        let Some(mut para) = Para::new(BlockId(index as u32), block) else { continue };
        if let Some(prev) = paras.last_mut() {
            let adjacent = prev.block.0 + 1 == para.block.0;
            if adjacent
                && prev.kind == ParaKind::Blockquote
                && let Some(credit) = credit_line(para.text)
            {
                para.kind = ParaKind::Credit;
                prev.attribution = prev.attribution.or(Some(credit));
            } else if adjacent
                && prev.paragraph
                && para.paragraph
                && prev.kind == ParaKind::Body
                && prev.regions.is_empty()
                && let Some(credit) = dash_credit(para.text)
            {
                // A tweet or a pull quote set as a paragraph, credited on
                // the next line ("— Priya Nair (@priyanair) March 3").
                prev.kind = ParaKind::Blockquote;
                prev.aside = true;
                prev.attribution = Some(credit);
                para.kind = ParaKind::Credit;
            }
            let open = prev.regions.last().is_some_and(|r| !r.closed);
            para.continues = adjacent
                && open
                && para.kind == ParaKind::Body
                && marks::starts_with_mark(para.text)
                && para.regions.first().is_some_and(|r| para.text[..r.open].trim().is_empty());
        }
        paras.push(para);
    }
    // A quotation of several paragraphs carries its credit on the last one
    // (an embedded post): it is every paragraph's.
    for p in (1..paras.len()).rev() {
        let (before, after) = paras.split_at_mut(p);
        let (prev, next) = (&mut before[p - 1], &after[0]);
        if prev.kind == ParaKind::Blockquote
            && next.kind == ParaKind::Blockquote
            && prev.block.0 + 1 == next.block.0
            && prev.attribution.is_none()
        {
            prev.attribution = next.attribution;
        }
    }
    paras
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    #[test]
    fn run_of_finds_the_run_holding_each_word() {
        let text = "Sen. Ada Vole and Rep. Kim Lund met Harbor Mills Group staff, said Dr. Lee Park of Oslo.";
        let block = Block::new(BlockKind::Paragraph, text);
        let para = Para::new(BlockId(0), &block).unwrap_or_else(|| panic!("no para"));
        assert!(para.runs.len() >= 4, "{:?}", para.runs);
        assert!(para.runs.windows(2).all(|w| w[0].name.end <= w[1].start()), "{:?}", para.runs);
        for i in 0..para.words.len() {
            let naive = para.runs.iter().rposition(|r| r.start() <= i && i < r.name.end);
            assert_eq!(para.run_of(i), naive, "word {i} {:?}", para.word(i));
        }
        assert_eq!(para.run_of(para.words.len() + 5), None);
        let vole = (0..para.words.len()).find(|&i| para.word(i) == "Vole").unwrap_or(0);
        assert_eq!(para.run_ending_at(vole), para.run_of(vole));
    }
}
