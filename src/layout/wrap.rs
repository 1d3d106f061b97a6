//! Wrapping blocks into display lines by display width (wide characters take
//! two columns, combining marks none), keeping a map from block to line.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::model::{Article, BlockId, BlockKind};

/// How a line is to be drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A heading line.
    Heading,
    /// Running text.
    Body,
    /// A blockquote line.
    Quote,
    /// Preformatted text.
    Code,
    /// A caption or figure line.
    Caption,
    /// A rule.
    Rule,
    /// The blank line between blocks.
    Blank,
}

/// One display line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The block it belongs to.
    pub block: BlockId,
    /// Byte range of the block's text it shows (empty for decoration lines).
    pub range: Range<usize>,
    /// Text to draw before the block text (list bullets, quote bars, indent).
    pub prefix: String,
    /// How to draw it.
    pub kind: LineKind,
}

/// The whole article wrapped at one width.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    /// The width it was wrapped at, in columns.
    pub width_cols: usize,
    /// All lines.
    pub lines: Vec<Line>,
    /// For each block, the index of its first line.
    pub block_first_line: Vec<usize>,
}

/// Wraps every block of `article` to `width_cols` columns (at least 1).
#[must_use]
pub fn wrap_article(article: &Article, width_cols: usize) -> Wrapped {
    let width_cols = width_cols.max(1);
    let mut wrapped = Wrapped { width_cols, ..Wrapped::default() };
    for (index, block) in article.blocks().iter().enumerate() {
        let id = BlockId(index as u32);
        if index > 0 {
            wrapped.lines.push(Line { block: id, range: 0..0, prefix: String::new(), kind: LineKind::Blank });
        }
        wrapped.block_first_line.push(wrapped.lines.len());
        let (kind, prefix, rest_prefix) = match block.kind() {
            BlockKind::Heading { .. } => (LineKind::Heading, String::new(), String::new()),
            BlockKind::Blockquote { .. } => (LineKind::Quote, "│ ".to_owned(), "│ ".to_owned()),
            BlockKind::ListItem { depth, ordered } => {
                let indent = "  ".repeat(usize::from(*depth));
                let bullet = if *ordered { "· " } else { "• " };
                (LineKind::Body, format!("{indent}{bullet}"), format!("{indent}  "))
            }
            BlockKind::Preformatted | BlockKind::Table { .. } => {
                (LineKind::Code, String::new(), String::new())
            }
            BlockKind::Caption | BlockKind::Figure { .. } => {
                (LineKind::Caption, String::new(), String::new())
            }
            BlockKind::Rule => {
                wrapped.lines.push(Line {
                    block: id,
                    range: 0..0,
                    prefix: "* * *".to_owned(),
                    kind: LineKind::Rule,
                });
                continue;
            }
            BlockKind::Paragraph | BlockKind::Footnote { .. } => {
                (LineKind::Body, String::new(), String::new())
            }
        };
        let text = block.text();
        let avail = width_cols.saturating_sub(prefix.width()).max(1);
        let mut first = true;
        let mut line_start = 0;
        for hard_line in text.split('\n') {
            let base = line_start;
            line_start += hard_line.len() + 1;
            for range in wrap_ranges(hard_line, avail) {
                let prefix = if first { prefix.clone() } else { rest_prefix.clone() };
                first = false;
                wrapped.lines.push(Line {
                    block: id,
                    range: base + range.start..base + range.end,
                    prefix,
                    kind,
                });
            }
        }
    }
    wrapped
}

/// Byte ranges of `text` that fit in `width` columns each.
fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    if text.is_empty() {
        return std::iter::once(0..0).collect();
    }
    let options = textwrap::Options::new(width).break_words(true);
    let base = text.as_ptr() as usize;
    textwrap::wrap(text, options)
        .iter()
        .map(|piece| match piece {
            std::borrow::Cow::Borrowed(s) => {
                let start = s.as_ptr() as usize - base;
                start..start + s.len()
            }
            std::borrow::Cow::Owned(s) => {
                let start = text.find(s.as_str()).unwrap_or(0);
                start..start + s.len()
            }
        })
        .collect()
}
