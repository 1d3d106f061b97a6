//! Markdown (`CommonMark` with tables and footnotes) into the model, with YAML
//! front matter for title, author and date.

mod front_matter;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::model::{Block, BlockKind, Document, InlineStyle, TextBuilder};

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
    Document::new(meta, blocks)
}

struct State {
    blocks: Vec<Block>,
    current: Option<(BlockKind, TextBuilder)>,
    lists: Vec<bool>,
    quote_depth: usize,
    table: Option<Vec<Vec<String>>>,
    cell: Option<String>,
    /// A list item's text waits here until a nested block or the item's end.
    in_item: bool,
}

fn convert(body: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut state = State {
        blocks: Vec::new(),
        current: None,
        lists: Vec::new(),
        quote_depth: 0,
        table: None,
        cell: None,
        in_item: false,
    };
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

impl State {
    fn flush(&mut self) {
        if let Some((kind, text)) = self.current.take()
            && !text.is_blank()
        {
            self.blocks.push(Block::from_builder(kind, text));
        }
    }

    fn start(&mut self, kind: BlockKind) {
        self.flush();
        self.current = Some((kind, TextBuilder::new()));
    }

    fn paragraph_kind(&self) -> BlockKind {
        if self.in_item {
            BlockKind::ListItem {
                depth: self.lists.len().saturating_sub(1) as u8,
                ordered: self.lists.last().copied().unwrap_or(false),
            }
        } else if self.quote_depth > 0 {
            BlockKind::Blockquote { attribution: None }
        } else {
            BlockKind::Paragraph
        }
    }

    fn ensure_block(&mut self) -> &mut TextBuilder {
        if self.current.is_none() {
            let kind = self.paragraph_kind();
            self.current = Some((kind, TextBuilder::new()));
        }
        match &mut self.current {
            Some((_, text)) => text,
            None => unreachable!("a block was just opened"),
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(cell) = &mut self.cell {
            cell.push_str(text);
            return;
        }
        let preformatted = matches!(self.current, Some((BlockKind::Preformatted, _)));
        let builder = self.ensure_block();
        if preformatted {
            builder.push_str(text);
        } else {
            builder.push_collapsed(text);
        }
    }

    fn open_style(&mut self, style: InlineStyle) {
        if self.cell.is_none() {
            self.ensure_block().open(style);
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
                // Raw HTML is shown as the text it contains, never interpreted.
                let visible = strip_tags(&html);
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
                let kind = self.paragraph_kind();
                if self.current.is_some() && self.in_item {
                    // Second paragraph of the same item: a new block.
                    self.flush();
                }
                self.start(kind);
            }
            Tag::Heading { level, .. } => self.start(BlockKind::Heading { level: level_number(level) }),
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            Tag::CodeBlock(_) => self.start(BlockKind::Preformatted),
            Tag::List(start) => {
                self.flush();
                self.lists.push(start.is_some());
            }
            Tag::Item => {
                self.flush();
                self.in_item = true;
            }
            Tag::FootnoteDefinition(label) => {
                self.start(BlockKind::Footnote { label: Some(label.to_string()) });
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
                self.flush();
                self.current =
                    Some((BlockKind::Figure { src: Some(dest_url.to_string()) }, TextBuilder::new()));
            }
            _ => {}
        }
    }

    fn end_tag(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::FootnoteDefinition
            | TagEnd::Image => self.flush(),
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

/// The text outside `<…>` tags of a raw HTML snippet, with the common
/// character references decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &Document) -> Vec<(&'static str, String)> {
        doc.blocks().iter().map(|b| (b.kind().name(), b.text().to_owned())).collect()
    }

    #[test]
    fn front_matter_and_structure() {
        let doc = extract(
            "---\ntitle: \"The Title\"\nauthor: Ann Lee\ndate: 2025-06-01\n---\n\n# The Title\n\nIntro *with* [a link](https://x.org).\n\n## Part two\n\n- one\n  - nested\n\n> Quoted\n\n```\ncode\n```\n",
        );
        assert_eq!(doc.meta().title.as_deref(), Some("The Title"));
        assert_eq!(doc.meta().byline.as_deref(), Some("Ann Lee"));
        assert_eq!(doc.meta().published.as_deref(), Some("2025-06-01"));
        let got = kinds(&doc);
        let names: Vec<&str> = got.iter().map(|(k, _)| *k).collect();
        assert_eq!(names, ["paragraph", "heading", "list_item", "list_item", "blockquote", "preformatted"]);
        assert_eq!(doc.blocks()[0].inlines().len(), 2);
        assert_eq!(doc.blocks()[3].kind(), &BlockKind::ListItem { depth: 1, ordered: false });
    }

    #[test]
    fn heading_becomes_title_without_front_matter() {
        let doc = extract("# Only heading\n\nBody.\n");
        assert_eq!(doc.meta().title.as_deref(), Some("Only heading"));
        assert_eq!(kinds(&doc), [("paragraph", "Body.".to_owned())]);
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let doc = extract("Para <span>inline &amp; more</span>.\n");
        assert_eq!(doc.blocks()[0].text(), "Para inline & more.");
    }
}
