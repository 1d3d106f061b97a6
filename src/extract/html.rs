//! HTML pages and fragments into the document model.
//!
//! Parse once with scraper (html5ever), read the metadata, pick the article's
//! container(s) by scoring, then convert them to blocks in one iterative walk
//! (no recursion: documents can nest 100,000 levels deep).

mod blocks;
mod content;
mod depth;
mod hints;
mod metadata;

use scraper::Html;

use crate::model::{BlockKind, Document};

/// Extracts the article from an HTML page (or a body-only fragment such as a
/// Substack export post). `page_url` resolves relative links when known.
#[must_use]
pub fn extract(html: &str, page_url: Option<&str>) -> Document {
    let dom = Html::parse_document(&depth::cap_nesting(html));
    let meta = metadata::read(&dom, page_url);
    let base = metadata::base_url(&dom, page_url, meta.url.as_deref());
    let roots = content::select(&dom);
    let mut blocks = blocks::convert(&dom, &roots, base.as_ref());
    // The title is shown apart: a leading heading that repeats it is dropped.
    if let (Some(title), Some(first)) = (meta.title.as_deref(), blocks.first())
        && matches!(first.kind(), BlockKind::Heading { .. })
        && same_text(first.text(), title)
    {
        blocks.remove(0);
    }
    Document::new(meta, blocks)
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}
