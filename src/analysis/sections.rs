//! Sections: one per in-body heading (levels 2 to 6), in reading order,
//! except headings that are really prose (a quoted sentence with its
//! attribution that an extractor took for a heading) and headings that
//! repeat the title.

use crate::model::{BlockId, Document, Section};

use super::marks;

/// Whether a heading's text reads as a sentence of prose: it holds a closed
/// quotation and ends a sentence outside it, or it is two sentences long.
pub(super) fn heading_is_prose(text: &str) -> bool {
    let text = text.trim();
    let bare = text.trim_end_matches(|c: char| marks::is_mark(c) || matches!(c, ')' | '’' | '\''));
    let ends_sentence = bare.ends_with(['.', '!', '?', '…']);
    let quoted = marks::regions(text).iter().any(|r| r.closed);
    ends_sentence && (quoted || super::sentences::split(text).len() > 1)
}

fn normalised(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Lists the document's sections.
#[must_use]
pub fn find(doc: &Document) -> Vec<Section> {
    let title = doc.meta().title.as_deref().map(normalised);
    doc.blocks()
        .iter()
        .enumerate()
        .filter_map(|(index, block)| {
            let level = block.heading_level()?;
            let text = block.text();
            let heading = normalised(text);
            // Page titles often carry the site's name after the headline.
            let repeats_title = title.as_ref().is_some_and(|t| {
                !heading.is_empty() && t.starts_with(&heading) && heading.len() * 5 >= t.len() * 3
            });
            // A level-1 heading is the page's headline, not one of its sections.
            if level == 1 || heading_is_prose(text) || repeats_title {
                return None;
            }
            Some(Section { title: text.to_owned(), level, block: BlockId(index as u32) })
        })
        .collect()
}
