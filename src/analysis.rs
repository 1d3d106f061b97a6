//! Analysis: sections, speakers and quotes found in a [`Document`]. Pure
//! functions over the model; nothing here knows where the text came from.

mod quotes;
mod sections;
mod speakers;

use crate::model::{Analysis, Document};

/// Analyses a document.
#[must_use]
pub fn analyze(doc: &Document) -> Analysis {
    let sections = sections::find(doc);
    let spans = quotes::find(doc);
    let (quotes, speakers) = speakers::attribute(doc, spans);
    Analysis { sections, speakers, quotes }
}
