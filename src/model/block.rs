//! Blocks: the units of an article's body, in reading order.

use serde::{Deserialize, Serialize};

use super::inline::{Inline, TextBuilder};
use super::{link, sanitize};

/// Index of a block in its document. Analysis and layout refer to blocks by id;
/// positions that must survive re-extraction use an [`Anchor`](super::Anchor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct BlockId(pub u32);

impl BlockId {
    /// The id as a `usize` index into `Document::blocks`.
    #[must_use]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What a block is. Kind-specific data lives here; the text lives in [`Block`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum BlockKind {
    /// A heading; `level` 1–6 as in HTML (the article title is never a block).
    Heading {
        /// 1 (top) to 6.
        level: u8,
    },
    /// A paragraph of running text.
    Paragraph,
    /// A quoted passage, with the line that attributes it if the source gave one.
    Blockquote {
        /// "— Name, Role" or a `<cite>`, without the dash.
        attribution: Option<String>,
    },
    /// One item of a list; nested lists have `depth` ≥ 1.
    ListItem {
        /// 0 for a top-level item.
        depth: u8,
        /// Whether the list is numbered.
        ordered: bool,
        /// A numbered item's number (the first block of the item; a second
        /// paragraph of the same item has none).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<u32>,
    },
    /// Preformatted text or code; line breaks and spacing are significant.
    Preformatted,
    /// A caption of a figure, photo or table.
    Caption,
    /// A table, as rows of cell texts; the block text is the rows, one per line,
    /// cells separated by " | ".
    Table {
        /// Cell texts, row by row.
        rows: Vec<Vec<String>>,
    },
    /// A thematic break (`<hr>`, `* * *`).
    Rule,
    /// A footnote or endnote.
    Footnote {
        /// The note's marker, such as "1" or "*".
        label: Option<String>,
    },
    /// An image or other figure; the block text is its alt text.
    Figure {
        /// Where the image is, when known.
        src: Option<String>,
    },
}

impl BlockKind {
    /// The lower-case name used in the JSON contract (`"heading"`, `"list_item"`, …).
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::Heading { .. } => "heading",
            Self::Paragraph => "paragraph",
            Self::Blockquote { .. } => "blockquote",
            Self::ListItem { .. } => "list_item",
            Self::Preformatted => "preformatted",
            Self::Caption => "caption",
            Self::Table { .. } => "table",
            Self::Rule => "rule",
            Self::Footnote { .. } => "footnote",
            Self::Figure { .. } => "figure",
        }
    }

    fn sanitized(self) -> Self {
        let clean = |s: String| sanitize::collapse_whitespace(&sanitize::clean(&s));
        match self {
            Self::Heading { level } => Self::Heading { level: level.clamp(1, 6) },
            Self::Blockquote { attribution } => {
                Self::Blockquote { attribution: sanitize::clean_field(attribution) }
            }
            Self::Table { rows } => Self::Table {
                rows: rows.into_iter().map(|row| row.into_iter().map(clean).collect()).collect(),
            },
            Self::Footnote { label } => Self::Footnote { label: sanitize::clean_field(label) },
            Self::Figure { src } => {
                Self::Figure { src: sanitize::clean_field(src.and_then(|src| link::safe_href(&src, None))) }
            }
            other => other,
        }
    }
}

/// One block of the article body: kind, sanitised text and inline runs.
///
/// The fields are private so that every block is built through a constructor
/// that sanitises: no view has to guard against control characters again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    kind: BlockKind,
    text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    inlines: Vec<Inline>,
}

impl Block {
    /// A block of unstyled text; `text` is sanitised and trimmed.
    #[must_use]
    pub fn new(kind: BlockKind, text: &str) -> Self {
        let mut builder = TextBuilder::new();
        builder.push_str(text);
        Self::from_builder(kind, builder)
    }

    /// A block from a builder's text and inline runs (already sanitised).
    #[must_use]
    pub fn from_builder(kind: BlockKind, builder: TextBuilder) -> Self {
        let (text, inlines) = builder.finish();
        Self { kind: kind.sanitized(), text, inlines }
    }

    /// A table block; its text is derived from the rows.
    #[must_use]
    pub fn table(rows: Vec<Vec<String>>) -> Self {
        let kind = BlockKind::Table { rows }.sanitized();
        let text = match &kind {
            BlockKind::Table { rows } => {
                rows.iter().map(|row| row.join(" | ")).collect::<Vec<_>>().join("\n")
            }
            _ => String::new(),
        };
        Self { kind, text, inlines: Vec::new() }
    }

    /// A thematic break.
    #[must_use]
    pub fn rule() -> Self {
        Self { kind: BlockKind::Rule, text: String::new(), inlines: Vec::new() }
    }

    /// What the block is.
    #[must_use]
    pub fn kind(&self) -> &BlockKind {
        &self.kind
    }

    /// The block's sanitised text (may contain `\n` in preformatted text, tables
    /// and after hard line breaks; never another control character).
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Inline runs, sorted by start; ranges are byte ranges into [`Block::text`].
    #[must_use]
    pub fn inlines(&self) -> &[Inline] {
        &self.inlines
    }

    /// The heading level, if this block is a heading.
    #[must_use]
    pub fn heading_level(&self) -> Option<u8> {
        match self.kind {
            BlockKind::Heading { level } => Some(level),
            _ => None,
        }
    }

    /// Replaces the kind, keeping text and runs (used when analysis of the whole
    /// text shows that a paragraph is really a heading).
    #[must_use]
    pub fn with_kind(self, kind: BlockKind) -> Self {
        Self { kind: kind.sanitized(), ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_sanitises_text_and_kind() {
        let block = Block::new(
            BlockKind::Blockquote { attribution: Some("\u{1b}]0;x \u{7}Ann".into()) },
            "  hi\u{9b}  ",
        );
        assert_eq!(block.text(), "hi\u{fffd}");
        assert_eq!(
            block.kind(),
            &BlockKind::Blockquote { attribution: Some("\u{241b}]0;x \u{2407}Ann".into()) }
        );
    }

    #[test]
    fn table_text_joins_rows() {
        let block = Block::table(vec![vec!["a".into(), "b".into()], vec!["1".into(), "2".into()]]);
        assert_eq!(block.text(), "a | b\n1 | 2");
    }

    #[test]
    fn heading_level_is_clamped() {
        assert_eq!(Block::new(BlockKind::Heading { level: 9 }, "x").heading_level(), Some(6));
    }
}
