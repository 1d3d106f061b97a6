//! The JSON contract of `byline extract --format json` (schema 1). These DTOs
//! are the stable surface users script against: change them only by adding
//! fields, and bump `schema` for anything else.

use serde::Serialize;

use crate::model::{Article, Block, BlockKind, InlineStyle};

/// Version of this contract.
pub const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct ArticleJson<'a> {
    schema: u32,
    title: Option<&'a str>,
    byline: Option<&'a str>,
    site: Option<&'a str>,
    published: Option<&'a str>,
    url: Option<&'a str>,
    lang: Option<&'a str>,
    source_hash: &'a str,
    extractor_version: u32,
    text: String,
    blocks: Vec<BlockJson<'a>>,
    sections: Vec<SectionJson<'a>>,
    speakers: Vec<SpeakerJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
    links: Vec<LinkJson<'a>>,
}

#[derive(Serialize)]
struct BlockJson<'a> {
    kind: &'static str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    depth: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ordered: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rows: Option<&'a [Vec<String>]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    src: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    inlines: Vec<InlineJson<'a>>,
}

#[derive(Serialize)]
struct InlineJson<'a> {
    style: &'static str,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    href: Option<&'a str>,
}

#[derive(Serialize)]
struct SectionJson<'a> {
    title: &'a str,
    level: u8,
    block: u32,
}

#[derive(Serialize)]
struct SpeakerJson<'a> {
    name: &'a str,
    aliases: &'a [String],
    description: Option<&'a str>,
    kind: crate::model::SpeakerKind,
    quotes: &'a [usize],
    first_block: u32,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
    speakers: Vec<&'a str>,
    block: u32,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct LinkJson<'a> {
    text: &'a str,
    href: &'a str,
    block: u32,
}

/// Converts byte offsets into code-point offsets, walking forward from the last
/// answer so that many sorted offsets into one long block cost one pass.
#[derive(Default)]
struct CharOffsets {
    block: Option<u32>,
    byte: usize,
    chars: usize,
}

impl CharOffsets {
    fn get(&mut self, block: u32, text: &str, byte: usize) -> usize {
        if self.block != Some(block) || byte < self.byte {
            *self = Self { block: Some(block), byte: 0, chars: 0 };
        }
        let byte = byte.min(text.len());
        self.chars += text.get(self.byte..byte).map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.chars
    }
}

fn block_json(block: &Block) -> BlockJson<'_> {
    let mut json = BlockJson {
        kind: block.kind().name(),
        text: block.text(),
        level: None,
        depth: None,
        ordered: None,
        number: None,
        attribution: None,
        rows: None,
        label: None,
        src: None,
        inlines: Vec::new(),
    };
    match block.kind() {
        BlockKind::Heading { level } => json.level = Some(*level),
        BlockKind::ListItem { depth, ordered, number } => {
            json.depth = Some(*depth);
            json.ordered = Some(*ordered);
            json.number = *number;
        }
        BlockKind::Blockquote { attribution } => json.attribution = attribution.as_deref(),
        BlockKind::Table { rows } => json.rows = Some(rows),
        BlockKind::Footnote { label } => json.label = label.as_deref(),
        BlockKind::Figure { src } => json.src = src.as_deref(),
        BlockKind::Paragraph | BlockKind::Preformatted | BlockKind::Caption | BlockKind::Rule => {}
    }
    let mut offsets = CharOffsets::default();
    let mut runs: Vec<_> = block.inlines().iter().collect();
    runs.sort_by_key(|inline| inline.range.start);
    for inline in runs {
        let (style, href) = match &inline.style {
            InlineStyle::Emphasis => ("emphasis", None),
            InlineStyle::Strong => ("strong", None),
            InlineStyle::Code => ("code", None),
            InlineStyle::Link { href } => ("link", Some(href.as_str())),
        };
        let start = offsets.get(0, block.text(), inline.range.start);
        let end = start + block.text().get(inline.range.clone()).map_or(0, |s| s.chars().count());
        json.inlines.push(InlineJson { style, start, end, href });
    }
    json
}

/// Renders the article as the JSON contract, pretty-printed.
#[must_use]
pub fn render(article: &Article) -> String {
    let mut out = serde_json::to_string_pretty(&contract(article))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// Writes [`render`]'s output to `out` as it is serialised: a large
/// article's JSON is never held whole in memory.
///
/// # Errors
///
/// When writing to `out` fails.
pub fn write(article: &Article, out: &mut impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &contract(article))?;
    out.write_all(b"\n")
}

fn contract(article: &Article) -> ArticleJson<'_> {
    let meta = article.meta();
    let analysis = &article.analysis;
    let speaker_name = |index: &usize| analysis.speakers.get(*index).map(|s| s.name.as_str());
    let mut offsets = CharOffsets::default();
    let quotes = analysis
        .quotes
        .iter()
        .map(|quote| {
            let text = article.document.block(quote.block).map_or("", |b| b.text());
            let start = offsets.get(quote.block.0, text, quote.range.start);
            let end = offsets.get(quote.block.0, text, quote.range.end);
            let speakers: Vec<&str> = quote.speakers.iter().filter_map(speaker_name).collect();
            QuoteJson {
                text: text.get(quote.range.clone()).unwrap_or_default(),
                speaker: speakers.first().copied(),
                speakers,
                block: quote.block.0,
                start,
                end,
            }
        })
        .collect();
    ArticleJson {
        schema: SCHEMA,
        title: meta.title.as_deref(),
        byline: meta.byline.as_deref(),
        site: meta.site.as_deref(),
        published: meta.published.as_deref(),
        url: meta.url.as_deref(),
        lang: meta.language.as_deref(),
        source_hash: &article.identity.source_hash,
        extractor_version: article.identity.extractor_version,
        text: article.plain_text(),
        blocks: article.blocks().iter().map(block_json).collect(),
        sections: analysis
            .sections
            .iter()
            .map(|s| SectionJson { title: &s.title, level: s.level, block: s.block.0 })
            .collect(),
        speakers: analysis
            .speakers
            .iter()
            .map(|s| SpeakerJson {
                name: &s.name,
                aliases: &s.aliases,
                description: s.description.as_deref(),
                kind: s.kind,
                quotes: &s.quotes,
                first_block: s.first_block.0,
            })
            .collect(),
        quotes,
        links: article.links().map(|l| LinkJson { text: l.text, href: l.href, block: l.block.0 }).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_walk_forward_and_reset() {
        let mut offsets = CharOffsets::default();
        let text = "é“ab”";
        assert_eq!(offsets.get(0, text, 5), 2);
        assert_eq!(offsets.get(0, text, 7), 4);
        assert_eq!(offsets.get(0, text, 2), 1);
        assert_eq!(offsets.get(1, "abc", 3), 3);
    }
}
