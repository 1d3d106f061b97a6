//! Extraction: from a [`Loaded`] source to a [`Document`]. No I/O here.
//!
//! The bytes are checked for binary content, decoded (BOM, declared charset,
//! detection), their kind is sniffed (or forced), and the matching extractor
//! builds the document model.

pub mod budget;
pub mod decode;
pub mod html;
pub mod markdown;
pub mod site;
pub mod sniff;
pub mod text;

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::model::Document;
use crate::source::Loaded;
use site::SiteRules;

/// What extraction decided, for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Trace {
    /// The kind the input was read as.
    pub kind: Option<SourceKind>,
    /// The site rule applied, if any.
    pub site_rule: Option<String>,
    /// How many times the page was parsed as HTML: one, two when a site
    /// rule matched (scraper's parse, then the reduced page's), three when
    /// what the rule kept held no text and the page was read whole; none
    /// for text and Markdown.
    pub html_parses: u32,
    /// The safety net that gave the article, when the container first
    /// chosen came out empty or a scrap of what it held.
    pub rescue: Option<html::Rescue>,
}

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

/// Extracts the document from `loaded` with the built-in site rules;
/// `forced` overrides sniffing.
pub fn extract(loaded: &Loaded, forced: Option<SourceKind>) -> Result<Document> {
    let (kind, html_like) = kind_hints(loaded, forced)?;
    let text = decode::decode(&loaded.bytes, loaded.content_type.as_deref(), html_like)
        .map_err(|encoding| undecodable(loaded, encoding))?;
    let kind = within_budget(&text, kind, || loaded.spec.display_name())?;
    Ok(extract_text(text, kind, loaded.url.as_deref(), &SiteRules::builtin(), &mut Trace::default()))
}

/// [`extract`], taking the source: its bytes become the text (without a
/// copy when they are UTF-8) and the text is freed as soon as it has been
/// parsed, so that a large input is never held twice.
pub fn extract_owned(loaded: Loaded, forced: Option<SourceKind>) -> Result<Document> {
    extract_traced(loaded, forced, &SiteRules::builtin()).map(|(document, _)| document)
}

/// [`extract_owned`] with these site rules, saying what it decided.
pub fn extract_traced(
    loaded: Loaded,
    forced: Option<SourceKind>,
    sites: &SiteRules,
) -> Result<(Document, Trace)> {
    let (kind, html_like) = kind_hints(&loaded, forced)?;
    let Loaded { bytes, spec, content_type, url, .. } = loaded;
    let text = decode::decode_owned(bytes, content_type.as_deref(), html_like).map_err(|encoding| {
        Error::Undecodable { source_name: spec.display_name(), encoding: encoding.to_owned() }
    })?;
    let kind = within_budget(&text, kind, || spec.display_name())?;
    let mut trace = Trace::default();
    let document = extract_text(Cow::Owned(text), kind, url.as_deref(), sites, &mut trace);
    Ok((document, trace))
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

/// The document with what a site rule found in place of the page's own
/// metadata (a date only when it reads as one).
fn with_found_metadata(
    document: Document,
    title: Option<String>,
    author: Option<String>,
    date: Option<&str>,
) -> Document {
    let (mut meta, blocks) = document.into_parts();
    meta.title = title.or(meta.title);
    meta.byline = author.or(meta.byline);
    meta.published = date.and_then(html::written_date).or(meta.published);
    Document::new(meta, blocks)
}

/// An HTML page: through the site rule that matches it, if any, else (or
/// when what the rule kept holds no article text) the page whole.
fn extract_html(text: Cow<'_, str>, url: Option<&str>, sites: &SiteRules, trace: &mut Trace) -> Document {
    let rule = sites.find(&text, url);
    // The rule's parse (scraper's) counts as one.
    trace.html_parses += u32::from(rule.is_some());
    if let Some(reduced) = rule.and_then(|rule| rule.reduce(&text)) {
        let site::Reduced { html, rule, title, author, date } = reduced;
        trace.html_parses += 1;
        let (document, rescue) = html::extract_rescued(&html::parse(&html), url);
        if document.has_text() {
            trace.site_rule = Some(rule);
            trace.rescue = rescue;
            return with_found_metadata(document, title, author, date.as_deref());
        }
    }
    trace.html_parses += 1;
    let dom = html::parse(&text);
    // The parsed page holds its own copy of every text: the source can go
    // before the article is built.
    drop(text);
    let (document, rescue) = html::extract_rescued(&dom, url);
    trace.rescue = rescue;
    document
}

/// The kind `text` is read as (sniffed when unknown), once its estimated
/// cost is known to be within [`budget`]'s allowance.
fn within_budget(
    text: &str,
    kind: Option<SourceKind>,
    source_name: impl FnOnce() -> String,
) -> Result<SourceKind> {
    let kind = kind.unwrap_or_else(|| sniff::kind_from_text(text));
    let estimate = budget::estimate(text, kind);
    if estimate.exceeded() {
        return Err(Error::TooManyBlocks {
            source_name: source_name(),
            units: estimate.units,
            unit_name: estimate.unit_name,
            size: text.len() as u64,
            need: estimate.bytes,
            allowed: estimate.allowed,
        });
    }
    Ok(kind)
}

fn undecodable(loaded: &Loaded, encoding: &str) -> Error {
    Error::Undecodable { source_name: loaded.spec.display_name(), encoding: encoding.to_owned() }
}

/// Runs the extractor for `kind`; an
/// HTML page that a site rule matches is reduced by it first.
fn extract_text(
    text: Cow<'_, str>,
    kind: SourceKind,
    url: Option<&str>,
    sites: &SiteRules,
    trace: &mut Trace,
) -> Document {
    trace.kind = Some(kind);
    match kind {
        SourceKind::Html => extract_html(text, url, sites, trace),
        SourceKind::Text => match text {
            // A borrowed text is not copied just to be freed early.
            Cow::Borrowed(text) => text::extract(text),
            Cow::Owned(text) => text::extract_owned(text),
        },
        SourceKind::Markdown => markdown::extract(&text),
    }
}
