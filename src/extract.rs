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

use std::borrow::Cow;

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
    let (kind, html_like) = kind_hints(loaded, forced)?;
    let text = decode::decode(&loaded.bytes, loaded.content_type.as_deref(), html_like)
        .map_err(|encoding| undecodable(loaded, encoding))?;
    Ok(extract_text(text, kind, loaded.url.as_deref()))
}

/// [`extract`], taking the source: its bytes become the text (without a
/// copy when they are UTF-8) and the text is freed as soon as it has been
/// parsed, so that a large input is never held twice.
pub fn extract_owned(loaded: Loaded, forced: Option<SourceKind>) -> Result<Document> {
    let (kind, html_like) = kind_hints(&loaded, forced)?;
    let Loaded { bytes, spec, content_type, url, .. } = loaded;
    let text = decode::decode_owned(bytes, content_type.as_deref(), html_like).map_err(|encoding| {
        Error::Undecodable { source_name: spec.display_name(), encoding: encoding.to_owned() }
    })?;
    Ok(extract_text(Cow::Owned(text), kind, url.as_deref()))
}

/// Refuses binary input; returns the kind when forced or known from the
/// file name, and whether the bytes should be decoded as HTML.
///
/// # Errors
///
/// [`Error::Binary`] for binary input.
pub fn kind_hints(loaded: &Loaded, forced: Option<SourceKind>) -> Result<(Option<SourceKind>, bool)> {
    if let Some(what) = sniff::binary_kind(&loaded.bytes) {
        return Err(Error::Binary { source_name: loaded.spec.display_name(), what });
    }
    let hinted = forced
        .or_else(|| loaded.content_type.as_deref().and_then(kind_from_media_type))
        .or_else(|| sniff::kind_from_extension(loaded.extension().as_deref()));
    let html_like =
        hinted.map_or_else(|| sniff::looks_like_html_bytes(&loaded.bytes), |kind| kind == SourceKind::Html);
    Ok((hinted, html_like))
}

/// The kind a server's `Content-Type` names, when it names one for sure:
/// `text/plain` is left to the name and the bytes (servers send it for
/// Markdown files too).
fn kind_from_media_type(content_type: &str) -> Option<SourceKind> {
    let media = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    match media.as_str() {
        "text/html" | "application/xhtml+xml" => Some(SourceKind::Html),
        "text/markdown" | "text/x-markdown" => Some(SourceKind::Markdown),
        _ => None,
    }
}

fn undecodable(loaded: &Loaded, encoding: &str) -> Error {
    Error::Undecodable { source_name: loaded.spec.display_name(), encoding: encoding.to_owned() }
}

/// Runs the extractor for `kind` (sniffed from the text when unknown).
fn extract_text(text: Cow<'_, str>, kind: Option<SourceKind>, url: Option<&str>) -> Document {
    match kind.unwrap_or_else(|| sniff::kind_from_text(&text)) {
        SourceKind::Html => {
            let dom = html::parse(&text);
            // The parsed page holds its own copy of every text: the source
            // can go before the article is built.
            drop(text);
            html::extract_parsed(&dom, url)
        }
        SourceKind::Text => match text {
            // A borrowed text is not copied just to be freed early.
            Cow::Borrowed(text) => text::extract(text),
            Cow::Owned(text) => text::extract_owned(text),
        },
        SourceKind::Markdown => markdown::extract(&text),
    }
}
