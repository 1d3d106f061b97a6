//! What analysis finds in a document: sections, speakers and quotes, all
//! pointing into the blocks by id and range.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::block::BlockId;

/// A section of the article: it starts at a heading block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// The heading's text.
    pub title: String,
    /// The heading's level (2 for most in-body headings).
    pub level: u8,
    /// The heading block.
    pub block: BlockId,
}

/// Whether a speaker is a person or a body (government, company, group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A named person.
    #[default]
    Person,
    /// A named organisation, agency, group or document.
    Organisation,
}

/// One entity quoted in the article, with every form of its name merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The canonical (fullest) name, titles removed.
    pub name: String,
    /// Other forms the article uses: surname, title + name, short forms.
    pub aliases: Vec<String>,
    /// The role as the article gives it ("Secretary of State").
    pub description: Option<String>,
    /// Person or organisation.
    pub kind: SpeakerKind,
    /// Indices into [`Analysis::quotes`], in reading order.
    pub quotes: Vec<usize>,
    /// The block where the article first names the speaker.
    pub first_block: BlockId,
}

/// A direct quotation: a byte range of one block's text, quotation marks
/// excluded, with the speakers it is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The block holding the quotation.
    pub block: BlockId,
    /// Byte range into that block's text, quotation marks excluded.
    pub range: Range<usize>,
    /// Indices into [`Analysis::speakers`]; empty when unattributed, two or
    /// more for a joint quote.
    pub speakers: Vec<usize>,
}

/// Everything analysis derives from a document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Analysis {
    /// Sections in reading order.
    pub sections: Vec<Section>,
    /// Speakers in order of first quote.
    pub speakers: Vec<Speaker>,
    /// Quotes in reading order.
    pub quotes: Vec<Quote>,
}
