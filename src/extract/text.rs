//! Plain text (pages saved as text, terminal dumps, e-mails) into the model:
//! paragraphs, lists, headings by shape, title, byline and date, chrome removed.

pub mod date;
mod lines;

use crate::model::{Block, BlockKind, Document, Metadata};

/// Extracts a document from plain text.
#[must_use]
pub fn extract(text: &str) -> Document {
    let paragraphs = lines::paragraphs(text);
    let mut meta = Metadata::default();
    let mut blocks = Vec::new();
    let mut body_started = false;
    for paragraph in &paragraphs {
        if lines::is_chrome(paragraph) {
            continue;
        }
        let single = paragraph.lines.len() == 1;
        let first = paragraph.lines[0].as_str();
        if !body_started {
            if meta.published.is_none()
                && single
                && first.len() < 60
                && let Some(published) = date::find_date(first)
            {
                meta.published = Some(published);
                continue;
            }
            if meta.byline.is_none()
                && single
                && let Some(byline) = lines::byline(first)
            {
                meta.byline = Some(byline);
                continue;
            }
            if meta.title.is_none() && single && lines::is_heading_shape(first) {
                meta.title = Some(first.to_owned());
                continue;
            }
        }
        if let Some(block) = to_block(paragraph) {
            body_started |= matches!(block.kind(), BlockKind::Paragraph) && meta.title.is_some();
            blocks.push(block);
        }
    }
    Document::new(meta, blocks)
}

fn to_block(paragraph: &lines::Paragraph) -> Option<Block> {
    let joined = lines::join(&paragraph.lines);
    if joined.is_empty() {
        return None;
    }
    if paragraph.lines.len() == 1 && lines::is_heading_shape(&joined) {
        return Some(Block::new(BlockKind::Heading { level: 2 }, &joined));
    }
    if let Some(rest) = lines::bullet(&joined) {
        return Some(Block::new(BlockKind::ListItem { depth: 0, ordered: false }, rest));
    }
    if lines::is_rule(&joined) {
        return Some(Block::rule());
    }
    Some(Block::new(BlockKind::Paragraph, &joined))
}
