//! HTML pages and fragments into the document model.
//!
//! Empty the scripts and styles and drop comments, unread attributes and
//! markup indentation (`prescan`: most of the bytes of a news page); parse
//! once with html5ever into an arena of our own (`dom`), nesting capped
//! between its tokenizer and tree builder (`depth`: html5ever's recovery
//! from 100,000 open tags is quadratic); flatten the arena into
//! open/text/close items (`tree`); read the metadata; measure every element in one bottom-up
//! pass (`stats`); pick the article's container (`content`); convert it
//! to blocks in one loop (`blocks`); tidy the edges (`tidy`). No stage
//! recurses (documents can nest 100,000 levels deep) and none re-reads a
//! subtree's text, so the whole is linear in the size of the page.

mod blocks;
mod content;
mod depth;
mod dom;
mod headings;
mod hints;
mod metadata;
mod notes;
mod prescan;
mod preview;
mod site;
mod stats;
mod tag;
mod tidy;
mod tree;

pub use content::Rescue;
pub use dom::Dom;
pub(crate) use metadata::written_date;
pub use preview::preview_cut;

use crate::model::Document;

/// Extracts the article from an HTML page (or a body-only fragment such as a
/// Substack export post). `page_url` resolves relative links when known.
#[must_use]
pub fn extract(html: &str, page_url: Option<&str>) -> Document {
    extract_parsed(&parse(html), page_url)
}

/// Parses a page, prescanned and with nesting capped: the first
/// half of [`extract`], split off so that callers can free the page's text
/// before the article is built.
#[must_use]
pub fn parse(html: &str) -> Dom {
    let stripped = prescan::strip_raw_text(html);
    Dom::parse(&stripped)
}

/// The second half of [`extract`]: the article of a page [`parse`]d.
#[must_use]
pub fn extract_parsed(dom: &Dom, page_url: Option<&str>) -> Document {
    extract_rescued(dom, page_url).0
}

/// [`extract_parsed`], saying which safety net gave the article when the
/// container first chosen came out empty or a scrap of what it held.
#[must_use]
pub fn extract_rescued(dom: &Dom, page_url: Option<&str>) -> (Document, Option<Rescue>) {
    let tree = tree::Tree::build(dom);
    let page = metadata::read(&tree, page_url);
    let site = site::Site::of(page.meta.url.as_deref().or(page_url));
    let build = |selection: &content::Selection| {
        tidy::tidy(blocks::convert(&tree, selection, page.base.as_ref()), &page, &site)
    };
    let selection = content::select(&tree, &site);
    let mut blocks = selection.as_ref().map(build).unwrap_or_default();
    let mut rescue = None;
    // The safety net: never nothing (or a scrap) when the page has text.
    if content::too_little(&blocks, selection.as_ref()) {
        for (net, fallback) in content::fallbacks(&tree, &site, selection.as_ref()) {
            let more = build(&fallback);
            if text_len(&more) > text_len(&blocks) {
                blocks = more;
                rescue = Some(net);
            }
            if !content::too_little(&blocks, selection.as_ref()) {
                break;
            }
        }
    }
    (Document::new(page.meta, blocks), rescue)
}

fn text_len(blocks: &[crate::model::Block]) -> usize {
    blocks.iter().map(|b| b.text().len()).sum()
}
