//! The document model: what every source produces and every view reads.
//!
//! `Document` (metadata + blocks) comes out of extraction; `Analysis` (sections,
//! speakers, quotes) points into its blocks by `BlockId` and byte range; an
//! `Article` joins them with the identity of the source. All text is sanitised
//! when a block or a document is built (see [`sanitize`]), so later stages never
//! see a control character, a bidi override or an invalid byte.
//!
//! This module depends on nothing else in the crate.

mod analysis;
mod anchor;
mod article;
mod block;
mod inline;
pub mod link;
pub mod sanitize;

pub use analysis::{Analysis, Quote, Section, Speaker, SpeakerKind};
pub use anchor::{Anchor, fingerprint};
pub use article::{Article, Document, Identity, Link, Metadata};
pub use block::{Block, BlockId, BlockKind};
pub use inline::{Inline, InlineStyle, TextBuilder};
