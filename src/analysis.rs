//! Analysis: sections, speakers and quotes found in a [`Document`]. Pure
//! functions over the model; nothing here knows where the text came from,
//! and everything is linear in the article's length.
//!
//! The steps, each in its own module:
//!
//! - [`marks`] pairs quotation marks inside a paragraph; [`sentences`] splits
//!   prose into sentences without breaking quotations or abbreviations.
//! - `tokens` and `names` read the narrative (the text outside quotation
//!   marks) as words and capitalised name runs; `para` holds all of this for
//!   one block.
//! - `quotes` keeps the regions that are quotes under the corpus rule.
//! - `register` turns names into entities (first pass); `resolve` walks the
//!   article in reading order and gives each quote its speakers, with
//!   `attribution` reading the speech verbs and their subjects (second pass).
//! - `speakers` and `sections` build the lists the model exposes.

mod attribution;
mod describe;
mod lexicon;
pub mod marks;
mod names;
mod para;
mod quotes;
mod register;
mod registry;
mod resolve;
mod sections;
pub mod sentences;
mod speakers;
mod tokens;

use crate::model::{Analysis, Document};

/// Analyses a document: its sections, its quotes and who speaks them.
#[must_use]
pub fn analyze(doc: &Document) -> Analysis {
    let sections = sections::find(doc);
    let paras = para::prepare(doc);
    let spans: Vec<_> = paras.iter().map(quotes::find).collect();
    let (registry, entities) = register::register(&paras);
    let (assigned, registry) = resolve::Walk::new(&paras, &spans, registry, entities).run();
    let (quotes, speakers) = speakers::build(&registry, assigned);
    Analysis { sections, speakers, quotes }
}
