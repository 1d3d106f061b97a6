//! From source bytes to the article the library stores, and back again:
//! [`prepare`] builds an article to save (running the one pipeline, then
//! applying what an import knows better than the page, [`Hints`]);
//! [`rebuild`] does the same from stored bytes and their [`Recipe`], for
//! `byline reextract` and for a stored article that no longer reads.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::extract::SourceKind;
use crate::model::{Article, BlockKind, Document, Identity, InlineStyle, sanitize};
use crate::pipeline;
use crate::source::{Loaded, SourceSpec};

/// Metadata an import knows better than the page: the title and date of a
/// Substack export's `posts.csv`, the link and author of a feed entry.
/// Stored with the bytes and applied again on every rebuild.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hints {
    /// Replaces the page's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A subtitle, searched with the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Replaces the page's byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Replaces the page's site name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// Replaces the page's date (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The article's URL when the page declares none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Hints {
    /// Whether there is nothing to apply.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// How to extract stored bytes again the way they were extracted first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipe {
    /// The kind the user forced (`--from`), else it is sniffed again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The file's name, whose extension is a hint to the kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// The URL the bytes were fetched from (relative links resolve there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The media type the transport declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Metadata from the import.
    #[serde(default, skip_serializing_if = "Hints::is_empty")]
    pub hints: Hints,
}

impl Recipe {
    /// The forced kind, if any.
    #[must_use]
    pub fn forced(&self) -> Option<SourceKind> {
        match self.kind.as_deref() {
            Some("html") => Some(SourceKind::Html),
            Some("text") => Some(SourceKind::Text),
            Some("markdown") => Some(SourceKind::Markdown),
            _ => None,
        }
    }
}

/// An article ready to be saved, with its bytes and how it was made.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The article, hints applied.
    pub article: Article,
    /// The original bytes.
    pub bytes: Vec<u8>,
    /// How messages and listings name where it came from.
    pub source: String,
    /// What identifies the item on a later import (a file's absolute path,
    /// a feed entry, an export's post), when its URL may not.
    pub origin: Option<String>,
    /// How to rebuild it.
    pub recipe: Recipe,
}

/// Builds the article for `loaded` to be saved. Refuses a source with no
/// article text: there would be nothing to read.
pub fn prepare(
    loaded: Loaded,
    forced: Option<SourceKind>,
    origin: Option<String>,
    hints: Hints,
) -> Result<Prepared> {
    let source = loaded.spec.display_name();
    let recipe = Recipe {
        kind: forced.map(|kind| kind_name(kind).to_owned()),
        file_name: match &loaded.spec {
            SourceSpec::File(path) => path.file_name().map(|name| name.to_string_lossy().into_owned()),
            _ => None,
        },
        url: loaded.url.clone().or_else(|| match &loaded.spec {
            SourceSpec::Url(url) => Some(url.clone()),
            _ => None,
        }),
        content_type: loaded.content_type.clone(),
        hints,
    };
    let origin = origin.or_else(|| match &loaded.spec {
        SourceSpec::File(path) => Some(file_origin(path)),
        _ => None,
    });
    let (article, bytes) = rebuild(loaded.bytes, &recipe, &source)?;
    if !article.document.has_text() {
        return Err(Error::NoArticle { source_name: source });
    }
    Ok(Prepared { article, bytes, source, origin, recipe })
}

/// Extracts `bytes` as `recipe` says; gives the bytes back.
pub fn rebuild(bytes: Vec<u8>, recipe: &Recipe, source_name: &str) -> Result<(Article, Vec<u8>)> {
    let spec = match (&recipe.file_name, &recipe.url) {
        (Some(name), _) => SourceSpec::File(PathBuf::from(name)),
        (None, Some(url)) => SourceSpec::Url(url.clone()),
        (None, None) => SourceSpec::Stdin,
    };
    let loaded = Loaded {
        bytes,
        spec,
        content_type: recipe.content_type.clone(),
        url: recipe.url.clone(),
        note: None,
    };
    let article = pipeline::build(&loaded, recipe.forced()).map_err(|error| rename(error, source_name))?;
    Ok((apply(article, &recipe.hints), loaded.bytes))
}

/// Errors name the stored source, not the bare file name used for sniffing.
fn rename(error: Error, source_name: &str) -> Error {
    match error {
        Error::Binary { what, .. } => Error::Binary { source_name: source_name.to_owned(), what },
        Error::Undecodable { encoding, .. } => {
            Error::Undecodable { source_name: source_name.to_owned(), encoding }
        }
        other => other,
    }
}

/// How a file is recognised on a later import: its absolute path.
#[must_use]
pub fn file_origin(path: &Path) -> String {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!("file:{}", absolute.display())
}

/// The name of a kind as stored.
#[must_use]
pub fn kind_name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Html => "html",
        SourceKind::Text => "text",
        SourceKind::Markdown => "markdown",
    }
}

/// The article with the hints' metadata in place of the page's (a hint's
/// URL only where the page declares none: a canonical link is better than
/// a feed's, which may go through a redirector).
fn apply(article: Article, hints: &Hints) -> Article {
    if hints.is_empty() {
        return article;
    }
    let mut meta = article.meta().clone();
    let pick = |hint: &Option<String>, own: &mut Option<String>| {
        if let Some(value) = sanitize::clean_field(hint.clone()) {
            *own = Some(value);
        }
    };
    pick(&hints.title, &mut meta.title);
    pick(&hints.byline, &mut meta.byline);
    pick(&hints.site, &mut meta.site);
    pick(&hints.published, &mut meta.published);
    if meta.url.is_none() {
        meta.url = sanitize::clean_field(hints.url.clone());
    }
    let Article { identity, document, analysis } = article;
    let identity =
        Identity { canonical_url: identity.canonical_url.or_else(|| meta.url.clone()), ..identity };
    Article { identity, document: Document::new(meta, document.blocks().to_vec()), analysis }
}

/// Whether a stored article is what the pipeline would have made: every
/// text clean, every range and index in bounds. A file edited by hand (or
/// by anything else) could break either; such an article is rebuilt from
/// its bytes rather than shown.
#[must_use]
pub fn is_sound(article: &Article) -> bool {
    let clean = |text: &str| matches!(sanitize::clean(text), Cow::Borrowed(_));
    let clean_opt = |text: &Option<String>| text.as_deref().is_none_or(clean);
    let meta = article.meta();
    let meta_ok = [&meta.title, &meta.byline, &meta.site, &meta.published, &meta.url, &meta.language]
        .into_iter()
        .all(clean_opt);
    let blocks = article.blocks();
    let blocks_ok = blocks.iter().all(|block| {
        let text = block.text();
        let kind_ok = match block.kind() {
            BlockKind::Blockquote { attribution } => clean_opt(attribution),
            BlockKind::Table { rows } => rows.iter().flatten().all(|cell| clean(cell)),
            BlockKind::Footnote { label } => clean_opt(label),
            BlockKind::Figure { src } => clean_opt(src),
            _ => true,
        };
        kind_ok
            && clean(text)
            && block.inlines().iter().all(|inline| {
                text.get(inline.range.clone()).is_some()
                    && !matches!(&inline.style, InlineStyle::Link { href } if !clean(href))
            })
    });
    let analysis = &article.analysis;
    let speakers = analysis.speakers.len();
    let quotes = analysis.quotes.len();
    let analysis_ok = analysis.sections.iter().all(|s| clean(&s.title) && s.block.index() < blocks.len())
        && analysis.speakers.iter().all(|s| {
            clean(&s.name)
                && s.aliases.iter().all(|a| clean(a))
                && clean_opt(&s.description)
                && s.quotes.iter().all(|q| *q < quotes)
                && s.first_block.index() < blocks.len().max(1)
        })
        && analysis.quotes.iter().all(|q| {
            blocks.get(q.block.index()).is_some_and(|b| b.text().get(q.range.clone()).is_some())
                && q.speakers.iter().all(|s| *s < speakers)
        });
    meta_ok && blocks_ok && analysis_ok
}
