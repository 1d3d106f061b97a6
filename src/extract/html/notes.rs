//! Footnotes: the blocks converted inside a notes container (`div.footnote`,
//! `section.footnotes`, `role="doc-endnotes"`) become footnote blocks, each
//! labelled by the number of its list item or by the short marker that
//! opens it (Substack's `<a class="footnote-number">1</a>`).

use crate::model::{Block, BlockKind};

/// A notes container being converted.
#[derive(Debug)]
pub struct NoteScope {
    /// The container element, to know when it closes.
    pub id: u32,
    /// Index of the first block converted inside it.
    pub start: usize,
    /// `(index of the first block of a list item, its ordinal)`.
    pub items: Vec<(usize, u32)>,
}

impl NoteScope {
    /// A list item starts at block index `at`.
    pub fn item_at(&mut self, at: usize) {
        let ordinal = self.items.last().map_or(1, |(_, n)| n + 1);
        self.items.push((at, ordinal));
    }
}

/// Turns the scope's blocks into labelled footnotes.
pub fn relabel(blocks: &mut Vec<Block>, scope: &NoteScope) {
    if scope.start > blocks.len() {
        return;
    }
    let tail: Vec<Block> = blocks.drain(scope.start..).collect();
    let mut label: Option<String> = None;
    let mut items = scope.items.iter().peekable();
    for (offset, block) in tail.into_iter().enumerate() {
        let index = scope.start + offset;
        while let Some((_, ordinal)) = items.next_if(|(at, _)| *at <= index) {
            label = Some(ordinal.to_string());
        }
        if matches!(block.kind(), BlockKind::Heading { .. } | BlockKind::Rule | BlockKind::Figure { .. }) {
            blocks.push(block);
            continue;
        }
        if let Some(marker) = marker(block.text()) {
            label = Some(marker);
            continue;
        }
        let kind = BlockKind::Footnote { label: label.clone() };
        blocks.push(block.with_kind(kind));
    }
}

/// "1", "[2]", "3.", "*", "†": a note's marker standing alone.
fn marker(text: &str) -> Option<String> {
    let core = text.trim().trim_start_matches(['[', '(']).trim_end_matches([']', ')', '.', ':']);
    let short = !core.is_empty() && core.chars().count() <= 4;
    let markish = core.chars().all(|c| c.is_alphanumeric() || matches!(c, '*' | '†' | '‡' | '§' | '¶'));
    let digit_or_symbol = core.chars().any(|c| c.is_numeric() || !c.is_alphanumeric());
    (short && markish && digit_or_symbol).then(|| core.to_owned())
}

/// Back-reference arrows (`↩`) that link a note to its call: never words.
#[must_use]
pub fn is_back_reference(text: &str) -> bool {
    let trimmed = text.trim();
    !trimmed.is_empty()
        && trimmed
            .chars()
            .all(|c| matches!(c, '↩' | '↑' | '⤴' | '⬆' | '^' | '\u{fe0e}' | '\u{fe0f}') || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(marker("1").as_deref(), Some("1"));
        assert_eq!(marker("[12]").as_deref(), Some("12"));
        assert_eq!(marker("†").as_deref(), Some("†"));
        assert_eq!(marker("Yes"), None);
        assert_eq!(marker("A note."), None);
    }

    #[test]
    fn substack_shape_takes_the_marker_as_label() {
        let mut blocks = vec![
            Block::new(BlockKind::Paragraph, "Body."),
            Block::new(BlockKind::Paragraph, "1"),
            Block::new(BlockKind::Paragraph, "The note."),
        ];
        relabel(&mut blocks, &NoteScope { id: 0, start: 1, items: Vec::new() });
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[1].kind(), &BlockKind::Footnote { label: Some("1".into()) });
        assert_eq!(blocks[1].text(), "The note.");
    }

    #[test]
    fn list_items_are_numbered() {
        let item = |t: &str| Block::new(BlockKind::ListItem { depth: 0, ordered: true, number: None }, t);
        let mut blocks = vec![item("First."), item("Second.")];
        let mut scope = NoteScope { id: 0, start: 0, items: Vec::new() };
        scope.item_at(0);
        scope.item_at(1);
        relabel(&mut blocks, &scope);
        assert_eq!(blocks[1].kind(), &BlockKind::Footnote { label: Some("2".into()) });
    }

    #[test]
    fn back_references() {
        assert!(is_back_reference(" ↩︎ "));
        assert!(!is_back_reference("↩ back"));
        assert!(!is_back_reference(" "));
    }
}
