//! Anchors: positions in an article that survive a better extractor.
//!
//! A bare block index breaks as soon as extraction keeps or drops one more block.
//! An anchor remembers a fingerprint of the block's text and an offset into it,
//! plus the index as a hint for the nearest match.

use serde::{Deserialize, Serialize};

use super::block::{Block, BlockId};

/// A position: the block whose text hashes to `fingerprint` (nearest to
/// `block_hint` if several do), `offset` characters into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    /// Hash of the block's text (see [`fingerprint`]).
    pub fingerprint: u64,
    /// Character offset into the block's text.
    pub offset: u32,
    /// The block's index when the anchor was made.
    pub block_hint: u32,
}

/// A stable hash of a block's text, ignoring whitespace differences so that a
/// change in wrapping or spacing rules does not orphan saved positions.
#[must_use]
pub fn fingerprint(text: &str) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for word in text.split_whitespace() {
        hasher.update(word.as_bytes());
        hasher.update(b" ");
    }
    hasher.digest()
}

impl Anchor {
    /// The anchor for `offset` characters into `blocks[block]`.
    #[must_use]
    pub fn at(blocks: &[Block], block: BlockId, offset: usize) -> Option<Self> {
        let target = blocks.get(block.index())?;
        Some(Self {
            fingerprint: fingerprint(target.text()),
            offset: u32::try_from(offset).unwrap_or(u32::MAX),
            block_hint: block.0,
        })
    }

    /// Finds the anchor's block in `blocks`: the block with the same fingerprint
    /// closest to the hint, else the hint itself clamped to the document. The
    /// offset is clamped to the block's length.
    #[must_use]
    pub fn resolve(&self, blocks: &[Block]) -> Option<(BlockId, usize)> {
        if blocks.is_empty() {
            return None;
        }
        let hint = (self.block_hint as usize).min(blocks.len() - 1);
        let found = blocks
            .iter()
            .enumerate()
            .filter(|(_, block)| fingerprint(block.text()) == self.fingerprint)
            .min_by_key(|(index, _)| index.abs_diff(hint))
            .map_or(hint, |(index, _)| index);
        let len = blocks[found].text().chars().count();
        Some((BlockId(found as u32), (self.offset as usize).min(len)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

    fn para(text: &str) -> Block {
        Block::new(BlockKind::Paragraph, text)
    }

    #[test]
    fn anchor_follows_its_block_when_blocks_are_inserted() {
        let before = vec![para("one"), para("two"), para("three")];
        let anchor = Anchor::at(&before, BlockId(2), 3).unwrap();
        let after = vec![para("nav"), para("one"), para("two"), para("three")];
        assert_eq!(anchor.resolve(&after), Some((BlockId(3), 3)));
    }

    #[test]
    fn lost_block_falls_back_to_hint() {
        let before = vec![para("one"), para("two")];
        let anchor = Anchor::at(&before, BlockId(1), 99).unwrap();
        let after = vec![para("uno")];
        assert_eq!(anchor.resolve(&after), Some((BlockId(0), 3)));
        assert_eq!(anchor.resolve(&[]), None);
    }

    #[test]
    fn fingerprint_ignores_spacing() {
        assert_eq!(fingerprint("a  b\nc"), fingerprint("a b c"));
    }
}
