//! Sections: one per heading block, in reading order.

use crate::model::{BlockId, Document, Section};

/// Lists the document's sections.
#[must_use]
pub fn find(doc: &Document) -> Vec<Section> {
    doc.blocks()
        .iter()
        .enumerate()
        .filter_map(|(index, block)| {
            let level = block.heading_level()?;
            Some(Section { title: block.text().to_owned(), level, block: BlockId(index as u32) })
        })
        .collect()
}
