//! The edges of the extracted blocks: the title repeated as a heading, and
//! other things the page shows around the article's first paragraph.

use crate::model::{Block, BlockKind, Metadata};

/// How many leading blocks are checked for a repeated title.
const TITLE_WINDOW: usize = 4;

/// Removes what the page repeats around the article.
#[must_use]
pub fn tidy(mut blocks: Vec<Block>, meta: &Metadata) -> Vec<Block> {
    if let Some(title) = meta.title.as_deref() {
        let title = normalize(title);
        let repeated = blocks
            .iter()
            .take(TITLE_WINDOW)
            .position(|b| matches!(b.kind(), BlockKind::Heading { .. }) && normalize(b.text()) == title);
        if let Some(index) = repeated {
            blocks.remove(index);
        }
    }
    blocks
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}
