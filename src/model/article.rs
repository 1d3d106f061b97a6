//! Documents (what extraction produces) and articles (a document with its
//! analysis and the identity of its source).

use serde::{Deserialize, Serialize};

use super::analysis::Analysis;
use super::block::{Block, BlockId, BlockKind};
use super::inline::InlineStyle;
use super::sanitize;

/// What the source says about the article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The author(s), as the source writes them.
    pub byline: Option<String>,
    /// The publication or site name.
    pub site: Option<String>,
    /// Publication date, `YYYY-MM-DD` as written in the source.
    pub published: Option<String>,
    /// Where the article lives: the canonical URL when the page declares one,
    /// else the URL it was loaded from.
    pub url: Option<String>,
    /// Language tag such as `en` or `pt-BR`.
    pub language: Option<String>,
}

impl Metadata {
    /// Author, site and date, as a head or a credits line shows them: what
    /// is missing or blank is left out, and so is an author the site's name
    /// already gives ("Crosscurrents, by Dana Whitfield").
    #[must_use]
    pub fn credits(&self) -> Vec<&str> {
        fn present(field: Option<&str>) -> Option<&str> {
            field.filter(|f| !f.trim().is_empty())
        }
        let site = present(self.site.as_deref());
        let byline = present(self.byline.as_deref()).filter(|b| !site.is_some_and(|s| s.contains(b)));
        [byline, site, present(self.published.as_deref())].into_iter().flatten().collect()
    }

    fn sanitized(self) -> Self {
        Self {
            title: sanitize::clean_field(self.title),
            byline: sanitize::clean_field(self.byline),
            site: sanitize::clean_field(self.site),
            published: sanitize::clean_field(self.published),
            url: sanitize::clean_field(self.url),
            language: sanitize::clean_field(self.language),
        }
    }
}

/// An extracted document: metadata and body blocks, all sanitised.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Document {
    meta: Metadata,
    blocks: Vec<Block>,
}

impl Document {
    /// Builds a document; metadata is sanitised here (blocks sanitise themselves).
    #[must_use]
    pub fn new(meta: Metadata, blocks: Vec<Block>) -> Self {
        Self { meta: meta.sanitized(), blocks }
    }

    /// The metadata.
    #[must_use]
    pub fn meta(&self) -> &Metadata {
        &self.meta
    }

    /// The metadata and the blocks, to build another document from.
    #[must_use]
    pub fn into_parts(self) -> (Metadata, Vec<Block>) {
        (self.meta, self.blocks)
    }

    /// The body blocks in reading order.
    #[must_use]
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The block with this id, if it exists.
    #[must_use]
    pub fn block(&self, id: BlockId) -> Option<&Block> {
        self.blocks.get(id.index())
    }

    /// Whether the body has any text at all.
    #[must_use]
    pub fn has_text(&self) -> bool {
        self.blocks.iter().any(|block| !block.text().trim().is_empty())
    }
}

/// Where an article came from and what made it: enough to recognise the same
/// article again and to know when to re-extract it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Identity {
    /// Hex digest (XXH3-128) of the source bytes.
    pub source_hash: String,
    /// The page's canonical URL, if any.
    pub canonical_url: Option<String>,
    /// Version of the extraction rules; bump it when they change output.
    pub extractor_version: u32,
}

/// A link inside the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link<'a> {
    /// The linked text.
    pub text: &'a str,
    /// The target.
    pub href: &'a str,
    /// The block holding the link.
    pub block: BlockId,
}

/// A document with its analysis: what every view and output reads.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Source hash, canonical URL, extractor version.
    pub identity: Identity,
    /// Metadata and blocks.
    pub document: Document,
    /// Sections, speakers, quotes.
    pub analysis: Analysis,
}

impl Article {
    /// Metadata of the document.
    #[must_use]
    pub fn meta(&self) -> &Metadata {
        self.document.meta()
    }

    /// Body blocks.
    #[must_use]
    pub fn blocks(&self) -> &[Block] {
        self.document.blocks()
    }

    /// Every link in reading order (derived from the blocks' inline runs).
    pub fn links(&self) -> impl Iterator<Item = Link<'_>> {
        self.blocks().iter().enumerate().flat_map(|(index, block)| {
            block.inlines().iter().filter_map(move |inline| match &inline.style {
                InlineStyle::Link { href } => Some(Link {
                    text: block.text().get(inline.range.clone()).unwrap_or_default(),
                    href,
                    block: BlockId(index as u32),
                }),
                _ => None,
            })
        })
    }

    /// The text of quote `index` (marks excluded), if it exists.
    #[must_use]
    pub fn quote_text(&self, index: usize) -> Option<&str> {
        let quote = self.analysis.quotes.get(index)?;
        self.document.block(quote.block)?.text().get(quote.range.clone())
    }

    /// The body as plain text: block texts joined by blank lines (rules,
    /// figures and empty blocks skipped: a figure's text is its alt text, a
    /// description of the image rather than part of the article; a quote's
    /// attribution follows it as "— Name"). This is the `text` of the JSON
    /// contract.
    #[must_use]
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        self.push_plain_text(&mut out);
        out
    }

    /// The blocks [`Self::plain_text`] shows.
    fn text_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks()
            .iter()
            .filter(|block| !block.text().is_empty() && !matches!(block.kind(), BlockKind::Figure { .. }))
    }

    /// Words in [`Self::plain_text`] (runs of non-space bytes, attributions
    /// included), counted without building it: a megabyte in well under a
    /// millisecond, so that a reading time costs nothing before a paint.
    #[must_use]
    pub fn word_count(&self) -> usize {
        self.text_blocks()
            .map(|block| {
                let attribution = match block.kind() {
                    BlockKind::Blockquote { attribution: Some(attribution) } => count_words(attribution),
                    _ => 0,
                };
                count_words(block.text()) + attribution
            })
            .sum()
    }

    /// Appends [`Self::plain_text`] to `out`, reserving its length once: a
    /// large article's text is built in place, never copied or regrown.
    pub fn push_plain_text(&self, out: &mut String) {
        let shown = || self.text_blocks();
        let attribution = |block: &crate::model::Block| match block.kind() {
            BlockKind::Blockquote { attribution: Some(attribution) } => Some(attribution.len()),
            _ => None,
        };
        let needed: usize =
            shown().map(|block| block.text().len() + 2 + attribution(block).map_or(0, |len| len + 5)).sum();
        out.reserve(needed);
        for (index, block) in shown().enumerate() {
            if index > 0 {
                out.push_str("\n\n");
            }
            out.push_str(block.text());
            if let BlockKind::Blockquote { attribution: Some(attribution) } = block.kind() {
                out.push_str("\n\n— ");
                out.push_str(attribution);
            }
        }
    }
}

/// Runs of non-space bytes.
fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for byte in text.bytes() {
        let space = byte.is_ascii_whitespace();
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(byline: Option<&str>, site: Option<&str>, published: Option<&str>) -> Metadata {
        Metadata {
            byline: byline.map(str::to_owned),
            site: site.map(str::to_owned),
            published: published.map(str::to_owned),
            ..Metadata::default()
        }
    }

    #[test]
    fn credits_leave_out_what_is_missing_blank_or_repeated() {
        assert!(meta(None, None, None).credits().is_empty());
        assert_eq!(
            meta(Some("Ada Vole"), Some("The Ledger"), Some("2026-04-03")).credits(),
            ["Ada Vole", "The Ledger", "2026-04-03"]
        );
        assert_eq!(
            meta(Some("Ada Vole"), Some("Notes, by Ada Vole"), None).credits(),
            ["Notes, by Ada Vole"]
        );
        assert_eq!(meta(Some(" "), Some(""), Some("2026-04-03")).credits(), ["2026-04-03"]);
    }

    #[test]
    fn words_are_counted_as_the_plain_text_shows_them() {
        for (text, want) in
            [("", 0), ("   ", 0), ("one", 1), (" two  words\n", 2), ("a\tb\nc d", 4), ("naïve café", 2)]
        {
            assert_eq!(count_words(text), want, "{text:?}");
        }
        let blocks = vec![
            Block::new(BlockKind::Paragraph, "Three words here"),
            Block::new(BlockKind::Figure { src: None }, "alt text is not read"),
            Block::new(BlockKind::Blockquote { attribution: Some("Ada Vole".into()) }, "We sail."),
        ];
        let article = Article { document: Document::new(Metadata::default(), blocks), ..Article::default() };
        assert_eq!(article.word_count(), 7);
        assert_eq!(
            article.word_count(),
            article.plain_text().split_whitespace().count() - 1,
            "the dash before an attribution"
        );
    }
}
