//! Markdown (`CommonMark` with tables, footnotes, strikethrough and task
//! lists) into the model, with YAML (or TOML) front matter for title,
//! author and date. Without front matter, a leading `# Title` is the title
//! and a "By Ann Lee, 3 May 2025" line under it the byline and date.
//!
//! Raw HTML is never interpreted: its tags are dropped and its text shown
//! (see `html`). Headings become heading blocks, so sections work as for
//! HTML; nested lists keep their depth, footnote definitions become footnote
//! blocks, a `> — Name` line under a quotation becomes its attribution.

mod front_matter;
mod html;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::extract::text;
use crate::model::{Block, BlockKind, Document, InlineStyle, Metadata, TextBuilder};

/// Longest line read as a byline under the title, in words.
const BYLINE_WORDS: usize = 20;
/// Longest attribution under a quotation, in words.
const ATTRIBUTION_WORDS: usize = 15;

/// Extracts a document from Markdown.
#[must_use]
pub fn extract(text: &str) -> Document {
    let (front, body) = front_matter::split(text);
    let mut meta = front.map(front_matter::metadata).unwrap_or_default();
    let mut blocks = convert(body);
    // A leading level-1 heading is the title when front matter gave none, and
    // is never kept as a block when it repeats the title.
    if let Some(first) = blocks.first()
        && first.heading_level() == Some(1)
    {
        let heading = first.text().to_owned();
        match &meta.title {
            None => {
                meta.title = Some(heading);
                blocks.remove(0);
            }
            Some(title) if title.trim() == heading.trim() => {
                blocks.remove(0);
            }
            Some(_) => {}
        }
    }
    if meta.title.is_some() {
        take_byline(&mut meta, &mut blocks);
    }
    Document::new(meta, blocks)
}

/// "By Ann Lee, 12 May 2025" (or a date alone) as the first paragraph under
/// the title fills byline and date when the front matter left them empty.
fn take_byline(meta: &mut Metadata, blocks: &mut Vec<Block>) {
    let Some(first) = blocks.first().filter(|b| matches!(b.kind(), BlockKind::Paragraph)) else { return };
    let line = first.text();
    if line.split_whitespace().count() > BYLINE_WORDS {
        return;
    }
    let byline = text::byline_line(line);
    let published = text::date::find_date(line);
    let date_only = byline.is_none() && line.split_whitespace().count() <= 6;
    if byline.is_none() && !(date_only && published.is_some()) {
        return;
    }
    if meta.byline.is_none() {
        meta.byline = byline;
    }
    if meta.published.is_none() {
        meta.published = published;
    }
    blocks.remove(0);
}

fn convert(body: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut state = State::default();
    for event in Parser::new_ext(body, options) {
        state.event(event);
    }
    state.flush();
    state.blocks
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// "— Ann Lee", "-- Ann Lee": the text after an attribution dash.
fn attribution(text: &str) -> Option<&str> {
    let rest = ["— ", "―", "– ", "-- ", "—"].iter().find_map(|dash| text.strip_prefix(dash))?.trim();
    let words = rest.split_whitespace().count();
    (1..=ATTRIBUTION_WORDS).contains(&words).then_some(rest)
}

#[derive(Default)]
struct State {
    blocks: Vec<Block>,
    current: Option<(BlockKind, TextBuilder)>,
    /// Open lists: for a numbered one, the number its next item takes.
    lists: Vec<Option<u32>>,
    /// The number of the item just opened, for its first block.
    item_number: Option<u32>,
    quote_depth: usize,
    table: Option<Vec<Vec<String>>>,
    cell: Option<String>,
    /// Inside a list item: its paragraphs are list-item blocks.
    in_item: bool,
    /// The label of the footnote being defined.
    footnote: Option<String>,
    /// A soft break inside a quotation, held until the next text shows
    /// whether an attribution line starts there.
    pending_break: bool,
    /// Inside an image: `true` when it is a figure of its own, `false` when
    /// its alt text runs inside a paragraph.
    image: Option<bool>,
    html: html::Stripper,
}

impl State {
    fn flush(&mut self) {
        self.pending_break = false;
        let Some((kind, text)) = self.current.take() else { return };
        if text.is_blank() {
            return;
        }
        let block = Block::from_builder(kind, text);
        // A quotation's last paragraph "— Name" is its attribution.
        if matches!(block.kind(), BlockKind::Blockquote { .. })
            && let Some(name) = attribution(block.text())
            && let Some(last) = self.blocks.last_mut()
            && matches!(last.kind(), BlockKind::Blockquote { attribution: None })
        {
            let kind = BlockKind::Blockquote { attribution: Some(name.to_owned()) };
            *last = last.clone().with_kind(kind);
            return;
        }
        self.blocks.push(block);
    }

    fn start(&mut self, kind: BlockKind) {
        self.flush();
        self.current = Some((kind, TextBuilder::new()));
    }

    fn paragraph_kind(&mut self) -> BlockKind {
        if let Some(label) = &self.footnote {
            BlockKind::Footnote { label: Some(label.clone()) }
        } else if self.in_item {
            BlockKind::ListItem {
                depth: self.lists.len().saturating_sub(1).min(usize::from(u8::MAX)) as u8,
                ordered: self.lists.last().is_some_and(Option::is_some),
                number: self.item_number.take(),
            }
        } else if self.quote_depth > 0 {
            BlockKind::Blockquote { attribution: None }
        } else {
            BlockKind::Paragraph
        }
    }

    fn builder(&mut self) -> &mut TextBuilder {
        // The kind is asked for only for a new block: it takes the item's
        // number.
        if self.current.is_none() {
            let kind = self.paragraph_kind();
            self.current = Some((kind, TextBuilder::new()));
        }
        &mut self.current.get_or_insert_with(|| (BlockKind::Paragraph, TextBuilder::new())).1
    }

    /// Resolves a held soft break: a dash after it starts the attribution.
    fn resolve_break(&mut self, next: &str) {
        if !std::mem::take(&mut self.pending_break) {
            return;
        }
        let next = next.trim_start();
        // Smart punctuation hands the dash over as a text of its own.
        if next.starts_with(['—', '―', '–']) || next.starts_with("--") {
            let kind = self.paragraph_kind();
            self.start(kind);
        } else {
            self.builder().push_collapsed(" ");
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.html.hiding() {
            return;
        }
        if let Some(cell) = &mut self.cell {
            cell.push_str(text);
            return;
        }
        self.resolve_break(text);
        let preformatted = matches!(self.current, Some((BlockKind::Preformatted, _)));
        let builder = self.builder();
        if preformatted {
            builder.push_str(text);
        } else {
            builder.push_collapsed(text);
        }
    }

    fn open_style(&mut self, style: InlineStyle) {
        if self.cell.is_none() {
            self.resolve_break("");
            self.builder().open(style);
        }
    }

    fn close_style(&mut self) {
        if self.cell.is_none()
            && let Some((_, text)) = &mut self.current
        {
            text.close();
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start_tag(tag),
            Event::End(tag) => self.end_tag(tag),
            Event::Text(text) => self.push_text(&text),
            Event::Code(code) => {
                self.open_style(InlineStyle::Code);
                self.push_text(&code);
                self.close_style();
            }
            Event::SoftBreak if self.quote_depth > 0 && self.cell.is_none() => self.pending_break = true,
            Event::SoftBreak => self.push_text(" "),
            Event::HardBreak => {
                if let Some((_, text)) = &mut self.current {
                    text.push_line_break();
                }
            }
            Event::Rule => {
                self.flush();
                self.blocks.push(Block::rule());
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let visible = self.html.visible(&html);
                if !visible.trim().is_empty() {
                    self.push_text(&visible);
                }
            }
            Event::FootnoteReference(label) => self.push_text(&format!("[{label}]")),
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.push_text(&math),
        }
    }

    fn start_tag(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                if self.footnote.is_some()
                    && let Some((BlockKind::Footnote { .. }, text)) = &mut self.current
                {
                    // Another paragraph of the same note.
                    text.push_line_break();
                } else {
                    let kind = self.paragraph_kind();
                    self.start(kind);
                }
            }
            Tag::Heading { level, .. } => self.start(BlockKind::Heading { level: level_number(level) }),
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => self.start(BlockKind::Preformatted),
            Tag::List(start) => {
                self.flush();
                self.lists.push(start.map(|start| u32::try_from(start).unwrap_or(u32::MAX)));
            }
            Tag::Item => {
                self.flush();
                self.in_item = true;
                self.item_number = self.lists.last_mut().and_then(|next| {
                    let number = (*next)?;
                    *next = Some(number.saturating_add(1));
                    Some(number)
                });
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.footnote = Some(label.to_string());
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(Vec::new());
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(rows) = &mut self.table {
                    rows.push(Vec::new());
                }
            }
            Tag::TableCell => self.cell = Some(String::new()),
            Tag::Emphasis => self.open_style(InlineStyle::Emphasis),
            Tag::Strong => self.open_style(InlineStyle::Strong),
            Tag::Link { dest_url, .. } => self.open_style(InlineStyle::Link { href: dest_url.to_string() }),
            Tag::Image { dest_url, .. } => {
                let inline =
                    self.cell.is_some() || self.current.as_ref().is_some_and(|(_, text)| !text.is_blank());
                self.image = Some(!inline);
                if !inline {
                    self.flush();
                    self.current =
                        Some((BlockKind::Figure { src: Some(dest_url.to_string()) }, TextBuilder::new()));
                }
            }
            _ => {}
        }
    }

    fn end_tag(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph if self.footnote.is_some() => {}
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock => self.flush(),
            TagEnd::FootnoteDefinition => {
                self.flush();
                self.footnote = None;
            }
            TagEnd::Image if self.image.take() == Some(true) => self.flush(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                self.in_item = !self.lists.is_empty();
            }
            TagEnd::Item => {
                self.flush();
                self.in_item = false;
            }
            TagEnd::TableCell => {
                if let (Some(cell), Some(rows)) = (self.cell.take(), &mut self.table)
                    && let Some(row) = rows.last_mut()
                {
                    row.push(cell.trim().to_owned());
                }
            }
            TagEnd::Table => {
                if let Some(rows) = self.table.take() {
                    self.blocks.push(Block::table(rows));
                }
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => self.close_style(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
