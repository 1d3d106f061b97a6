//! Quote spans: text between paired double quotation marks in the body.

use std::ops::Range;

use crate::model::{BlockId, BlockKind, Document};

/// A quotation found in a block, before attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The block.
    pub block: BlockId,
    /// Byte range of the quoted words, marks excluded.
    pub range: Range<usize>,
}

/// Fragments of this many words or fewer are scare quotes or terms, unless
/// they stand as a complete utterance.
const MAX_FRAGMENT_WORDS: usize = 3;

fn opens(c: char) -> Option<char> {
    match c {
        '“' => Some('”'),
        '"' => Some('"'),
        '«' => Some('»'),
        '„' => Some('“'),
        '「' => Some('」'),
        _ => None,
    }
}

/// Finds the quote spans of every body block.
#[must_use]
pub fn find(doc: &Document) -> Vec<Span> {
    let mut spans = Vec::new();
    for (index, block) in doc.blocks().iter().enumerate() {
        if !matches!(
            block.kind(),
            BlockKind::Paragraph
                | BlockKind::Blockquote { .. }
                | BlockKind::ListItem { .. }
                | BlockKind::Caption
        ) {
            continue;
        }
        let text = block.text();
        let mut pos = 0;
        while let Some((relative, mark)) = text[pos..].char_indices().find(|&(_, c)| opens(c).is_some()) {
            let Some(close) = opens(mark) else { break };
            let inner_start = pos + relative + mark.len_utf8();
            let Some(end) = text[inner_start..].find(close).map(|e| inner_start + e) else { break };
            let raw = &text[inner_start..end];
            let inner = raw.trim().trim_end_matches(',').trim_end();
            let offset = raw.len() - raw.trim_start().len();
            let range = inner_start + offset..inner_start + offset + inner.len();
            if is_quote(text, &range) {
                spans.push(Span { block: BlockId(index as u32), range });
            }
            pos = end + close.len_utf8();
        }
    }
    spans
}

/// Kept when the span is long enough or is a whole utterance (ends a sentence
/// or is followed by a comma and an attribution).
fn is_quote(text: &str, range: &Range<usize>) -> bool {
    let inner = &text[range.clone()];
    let words = inner.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    if words == 0 {
        return false;
    }
    if words > MAX_FRAGMENT_WORDS {
        return true;
    }
    let ends_sentence = inner.ends_with(['.', '!', '?', '…']);
    let after = &text[range.end..];
    let followed_by_comma =
        after.starts_with(',') || after.trim_start_matches(['"', '”', '»', '」']).starts_with(',');
    ends_sentence || followed_by_comma && inner.chars().next().is_some_and(char::is_uppercase)
}
