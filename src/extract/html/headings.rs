//! Headings written without heading tags: a short paragraph set entirely in
//! bold (`<p><strong>Back on the boat</strong></p>`) or entirely in capitals
//! (`<p>FRANCE WINS</p>`) is a section title, and the sections panel should
//! list it.

use crate::model::{Block, BlockKind, InlineStyle};

/// Longest text taken for a heading written as a paragraph.
const MAX_HEADING_CHARS: usize = 80;
/// Level given to such headings: below a page's `<h2>` sections.
const PROMOTED_LEVEL: u8 = 3;

/// The block as a heading if it is a paragraph shaped like one.
#[must_use]
pub fn promote(block: Block) -> Block {
    if is_pseudo_heading(&block) {
        block.with_kind(BlockKind::Heading { level: PROMOTED_LEVEL })
    } else {
        block
    }
}

fn is_pseudo_heading(block: &Block) -> bool {
    let text = block.text();
    if !matches!(block.kind(), BlockKind::Paragraph)
        || text.contains('\n')
        || text.chars().count() > MAX_HEADING_CHARS
        || text.ends_with(['.', ',', ';', ':', '!', '?', '。', '、', '"', '”', '»', '’', ')'])
        || !text.chars().any(char::is_alphabetic)
    {
        return false;
    }
    let all_bold = block.inlines().iter().any(|inline| {
        inline.style == InlineStyle::Strong && inline.range.start == 0 && inline.range.end == text.len()
    });
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let all_capitals = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    all_bold || all_capitals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextBuilder;

    fn bold(text: &str) -> Block {
        let mut builder = TextBuilder::new();
        builder.open(InlineStyle::Strong);
        builder.push_str(text);
        builder.close();
        Block::from_builder(BlockKind::Paragraph, builder)
    }

    #[test]
    fn bold_and_capital_lines_become_headings() {
        assert_eq!(promote(bold("Back on the boat")).heading_level(), Some(PROMOTED_LEVEL));
        assert_eq!(
            promote(Block::new(BlockKind::Paragraph, "FRANCE WINS")).heading_level(),
            Some(PROMOTED_LEVEL)
        );
    }

    #[test]
    fn sentences_and_other_blocks_stay() {
        assert_eq!(promote(bold("Update: this story was corrected.")).heading_level(), None);
        assert_eq!(promote(Block::new(BlockKind::Paragraph, "Back on the boat")).heading_level(), None);
        assert_eq!(promote(Block::new(BlockKind::Paragraph, "NATO")).heading_level(), Some(PROMOTED_LEVEL));
        assert_eq!(promote(Block::new(BlockKind::Paragraph, "UN")).heading_level(), None);
        let item =
            Block::new(BlockKind::ListItem { depth: 0, ordered: false, number: None }, "ALL CAPS ITEM");
        assert_eq!(promote(item).heading_level(), None);
    }
}
