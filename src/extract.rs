//! Extraction: from a [`Loaded`] source to a [`Document`]. No I/O here.
//!
//! The bytes are checked for binary content, decoded (BOM, declared charset,
//! detection), their kind is sniffed (or forced), and the matching extractor
//! builds the document model.

pub mod decode;
pub mod html;
pub mod markdown;
pub mod sniff;
pub mod text;

use crate::error::{Error, Result};
use crate::model::Document;
use crate::source::Loaded;

/// The kinds of input byline understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// An HTML page or fragment.
    Html,
    /// Plain text: a page saved as text, a terminal dump, an e-mail.
    Text,
    /// Markdown, with optional YAML front matter.
    Markdown,
}

/// Extracts the document from `loaded`; `forced` overrides sniffing.
pub fn extract(loaded: &Loaded, forced: Option<SourceKind>) -> Result<Document> {
    let source_name = loaded.spec.display_name();
    if let Some(what) = sniff::binary_kind(&loaded.bytes) {
        return Err(Error::Binary { source_name, what });
    }
    let hinted = forced.or_else(|| sniff::kind_from_extension(loaded.extension().as_deref()));
    let html_like =
        hinted.map_or_else(|| sniff::looks_like_html_bytes(&loaded.bytes), |kind| kind == SourceKind::Html);
    let text = decode::decode(&loaded.bytes, loaded.content_type.as_deref(), html_like)
        .map_err(|encoding| Error::Undecodable { source_name, encoding: encoding.to_owned() })?;
    let kind = hinted.unwrap_or_else(|| sniff::kind_from_text(&text));
    Ok(match kind {
        SourceKind::Html => html::extract(&text, loaded.url.as_deref()),
        SourceKind::Text => text::extract(&text),
        SourceKind::Markdown => markdown::extract(&text),
    })
}
