//! Converting the selected container into blocks, in one loop over the
//! arena's items: headings, paragraphs, lists, quotes, code, captions, data
//! tables and figures, with inline emphasis, code and links.

mod quote;
mod table;

use super::content::{Context, Selection};
use super::headings;
use super::hints;
use super::notes::{self, NoteScope};
use super::tag::Tag;
use super::tree::{ElId, Item, Tree};
use crate::model::link::safe_href;
use crate::model::{Block, BlockKind, InlineStyle, TextBuilder};
use quote::QuoteScope;
use table::TableRows;

/// A block being filled; `generation` tells which style entries opened runs
/// in it.
struct Open {
    kind: BlockKind,
    text: TextBuilder,
    generation: u32,
}

/// An open inline element: its style (`None` for a link that goes nowhere)
/// and the generation of the block it opened a run in (0: none).
struct StyleEntry {
    style: Option<InlineStyle>,
    generation: u32,
}

/// A new block reopens at most this many of the innermost open styles, so
/// that thousands of nested `<b>` cost nothing per block.
const MAX_REOPENED_STYLES: usize = 8;

/// Walk state: the block under construction and the context around it.
struct Converter<'a> {
    base: Option<&'a url::Url>,
    blocks: Vec<Block>,
    current: Option<Open>,
    /// Inline styles open at this point of the walk, outermost first.
    styles: Vec<StyleEntry>,
    /// Generation of the latest block started (blocks are numbered from 1).
    generation: u32,
    /// Open lists: for a numbered one, the number its next item takes.
    lists: Vec<Option<u32>>,
    /// The number of an item whose own block stayed empty (`<li><p>…`):
    /// the item's first block with text takes it.
    unclaimed_number: Option<u32>,
    /// Open quotations, innermost last.
    quotes: Vec<QuoteScope>,
    pre_depth: usize,
    caption_depth: usize,
    figure_depth: usize,
    item_depth: usize,
    math_depth: usize,
    table: Option<TableRows>,
    /// A `<br>` was the last thing seen: a second one ends the paragraph.
    after_break: bool,
    /// The notes container being converted, if any.
    notes: Option<NoteScope>,
}

/// Converts the selection's root into blocks.
#[must_use]
pub fn convert(tree: &Tree<'_>, selection: &Selection, base: Option<&url::Url>) -> Vec<Block> {
    let mut converter = Converter {
        base,
        blocks: Vec::new(),
        current: None,
        styles: Vec::new(),
        generation: 0,
        lists: Vec::new(),
        unclaimed_number: None,
        quotes: Vec::new(),
        pre_depth: 0,
        caption_depth: 0,
        figure_depth: 0,
        item_depth: 0,
        math_depth: 0,
        table: None,
        after_break: false,
        notes: None,
    };
    let root = tree.el(selection.root);
    let mut at = root.open as usize;
    let end = root.close as usize;
    while at <= end {
        match tree.items[at] {
            Item::Open(id) => {
                let context = Context {
                    in_figure: converter.figure_depth > 0,
                    in_caption: converter.caption_depth > 0,
                    in_quote: !converter.quotes.is_empty(),
                };
                if id != selection.root && selection.drops(tree, id, context) {
                    at = tree.el(id).close as usize + 1;
                    continue;
                }
                converter.open(tree, selection, id);
            }
            Item::Text(text) => converter.text(text),
            Item::Close(id) => converter.close(tree, id),
        }
        at += 1;
    }
    converter.flush();
    converter.blocks
}

/// A link's style, if its target is one a reader may follow: the check is
/// made after resolving against the base (see `model::link`).
fn link_style(tree: &Tree<'_>, id: ElId, base: Option<&url::Url>) -> Option<InlineStyle> {
    let href = safe_href(tree.el(id).href?, base)?;
    Some(InlineStyle::Link { href })
}

impl Converter<'_> {
    /// The kind a paragraph-level run of text gets from its context.
    fn context_kind(&self) -> BlockKind {
        if self.pre_depth > 0 {
            BlockKind::Preformatted
        } else if !self.quotes.is_empty() {
            BlockKind::Blockquote { attribution: None }
        } else if self.item_depth > 0 {
            self.list_item(None)
        } else if self.caption_depth > 0 {
            BlockKind::Caption
        } else {
            BlockKind::Paragraph
        }
    }

    /// The kind of an item's blocks; `number` for the item's first.
    fn list_item(&self, number: Option<u32>) -> BlockKind {
        let depth = self.lists.len().saturating_sub(1).min(usize::from(u8::MAX)) as u8;
        BlockKind::ListItem { depth, ordered: self.lists.last().is_some_and(Option::is_some), number }
    }

    /// The number of an item opening now in a numbered list.
    fn next_number(&mut self) -> Option<u32> {
        self.unclaimed_number = None;
        let next = self.lists.last_mut()?;
        let number = (*next)?;
        *next = Some(number.saturating_add(1));
        Some(number)
    }

    fn start(&mut self, kind: BlockKind) {
        self.flush();
        let kind = match kind {
            BlockKind::ListItem { depth, ordered, number: None } if self.unclaimed_number.is_some() => {
                BlockKind::ListItem { depth, ordered, number: self.unclaimed_number.take() }
            }
            kind => kind,
        };
        self.generation = self.generation.wrapping_add(1).max(1);
        let mut text = TextBuilder::new();
        let first = self.styles.len().saturating_sub(MAX_REOPENED_STYLES);
        for entry in &mut self.styles[first..] {
            if let Some(style) = &entry.style {
                text.open(style.clone());
                entry.generation = self.generation;
            }
        }
        self.current = Some(Open { kind, text, generation: self.generation });
    }

    fn flush(&mut self) {
        self.after_break = false;
        let Some(open) = self.current.take() else { return };
        if !open.text.is_blank() {
            let block = Block::from_builder(open.kind, open.text);
            self.blocks.push(headings::promote(block));
        } else if let BlockKind::ListItem { number: Some(number), .. } = open.kind {
            self.unclaimed_number = Some(number);
        }
    }

    fn open(&mut self, tree: &Tree<'_>, selection: &Selection, id: ElId) {
        let el = tree.el(id);
        if self.table.is_some() {
            self.open_in_table(el.tag);
            return;
        }
        if self.current.is_none()
            && (el.tag == Tag::Footer || el.element.name() == "cite")
            && let Some(quote) = self.quotes.last_mut()
        {
            quote.cite_at = Some(self.blocks.len());
        }
        let style = match el.tag {
            Tag::Emphasis => Some(Some(InlineStyle::Emphasis)),
            Tag::Strong => Some(Some(InlineStyle::Strong)),
            Tag::Code if self.pre_depth == 0 => Some(Some(InlineStyle::Code)),
            Tag::A => Some(link_style(tree, id, self.base)),
            _ => None,
        };
        if let Some(style) = style {
            let mut generation = 0;
            if let (Some(open), Some(style)) = (&mut self.current, &style) {
                open.text.open(style.clone());
                generation = open.generation;
            }
            self.styles.push(StyleEntry { style, generation });
            return;
        }
        if el.tag != Tag::Br {
            self.after_break = false;
        }
        if el.tag.is_block() {
            if el.hints.has(hints::FOOTNOTE) && self.notes.is_none() {
                self.flush();
                self.notes = Some(NoteScope { id, start: self.blocks.len(), items: Vec::new() });
            }
            if el.hints.has(hints::QUOTE) && el.tag != Tag::Blockquote {
                self.open_quote();
            }
        }
        match el.tag {
            Tag::Heading(level) => self.start(BlockKind::Heading { level }),
            Tag::Br => self.line_break(),
            Tag::Hr => {
                self.flush();
                self.blocks.push(Block::rule());
            }
            Tag::Img => self.image(tree, id),
            Tag::Ul | Tag::Ol => {
                self.flush();
                self.unclaimed_number = None;
                self.lists.push((el.tag == Tag::Ol).then_some(1));
            }
            Tag::Li => {
                self.item_depth += 1;
                let number = self.next_number();
                let kind = self.list_item(number);
                self.start(kind);
                let at = self.blocks.len();
                if let Some(scope) = &mut self.notes {
                    scope.item_at(at);
                }
            }
            Tag::Blockquote => self.open_quote(),
            Tag::Pre => {
                self.start(BlockKind::Preformatted);
                self.pre_depth += 1;
            }
            Tag::Figcaption | Tag::Caption => {
                self.start(BlockKind::Caption);
                self.caption_depth += 1;
            }
            Tag::Figure => {
                self.flush();
                self.figure_depth += 1;
            }
            Tag::Math => self.math_depth += 1,
            Tag::Table if table::is_data_table(selection, id) => {
                self.flush();
                self.table = Some(TableRows { rows: Vec::new(), id });
            }
            tag if tag.is_block() => self.flush(),
            _ => {}
        }
    }

    fn close(&mut self, tree: &Tree<'_>, id: ElId) {
        let el = tree.el(id);
        let tag = el.tag;
        if self.table.is_some() {
            self.close_in_table(id);
            return;
        }
        if matches!(tag, Tag::Emphasis | Tag::Strong | Tag::A) || tag == Tag::Code && self.pre_depth == 0 {
            if let Some(entry) = self.styles.pop()
                && let Some(open) = &mut self.current
                && entry.generation == open.generation
            {
                open.text.close();
            }
            return;
        }
        match tag {
            Tag::Ul | Tag::Ol => {
                self.flush();
                self.lists.pop();
            }
            Tag::Li => {
                self.flush();
                self.item_depth = self.item_depth.saturating_sub(1);
            }
            Tag::Blockquote => self.close_quote(),
            Tag::Pre => {
                self.flush();
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
            Tag::Figcaption | Tag::Caption => {
                self.flush();
                self.caption_depth = self.caption_depth.saturating_sub(1);
            }
            Tag::Figure => {
                self.flush();
                self.figure_depth = self.figure_depth.saturating_sub(1);
            }
            Tag::Math => self.math_depth = self.math_depth.saturating_sub(1),
            tag if tag.is_block() => self.flush(),
            _ => {}
        }
        if tag.is_block() && el.hints.has(hints::QUOTE) && tag != Tag::Blockquote {
            self.close_quote();
        }
        if self.notes.as_ref().is_some_and(|scope| scope.id == id) {
            self.flush();
            if let Some(scope) = self.notes.take() {
                notes::relabel(&mut self.blocks, &scope);
            }
        }
    }

    fn line_break(&mut self) {
        if self.after_break && self.pre_depth == 0 {
            // `<br><br>` separates paragraphs on pages written without `<p>`.
            self.flush();
            return;
        }
        if let Some(open) = &mut self.current {
            if self.pre_depth > 0 {
                open.text.push_str("\n");
            } else {
                open.text.push_line_break();
                self.after_break = true;
            }
        }
    }

    fn image(&mut self, tree: &Tree<'_>, id: ElId) {
        let element = tree.el(id).element;
        let alt = element.attr("alt").unwrap_or_default().trim();
        if self.current.is_none() && !alt.is_empty() {
            let src = element.attr("src").and_then(|src| safe_href(src, self.base));
            self.blocks.push(Block::new(BlockKind::Figure { src }, alt));
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(table) = &mut self.table {
            if let Some(cell) = table.rows.last_mut().and_then(|row| row.last_mut()) {
                cell.push_str(text);
            }
            return;
        }
        if notes::is_back_reference(text) {
            return;
        }
        if self.current.is_none() {
            if text.trim().is_empty() {
                return;
            }
            let kind = self.context_kind();
            self.start(kind);
        }
        if !text.trim().is_empty() {
            self.after_break = false;
        }
        let (pre, math) = (self.pre_depth > 0, self.math_depth > 0);
        if let Some(open) = &mut self.current {
            if pre {
                open.text.push_str(text);
            } else if math {
                // Formula tokens are separate elements: keep them apart.
                open.text.push_collapsed(" ");
                open.text.push_collapsed(text);
                open.text.push_collapsed(" ");
            } else {
                open.text.push_collapsed(text);
            }
        }
    }
}

#[cfg(test)]
mod tests;
