//! What the library's commands print: `list` and `search` lines for
//! people, the `--json` objects for scripts, and stdout writes that treat a
//! closed pipe as the end rather than an error.

use std::io::Write;

use serde::Serialize;

use super::super::EXIT_OK;
use crate::error::Error;
use crate::library::{Hit, Summary, highlights, mark_matches, time};

/// Writes to stdout; a closed pipe (`byline list | head`) is not an error.
pub(crate) fn print(bytes: &[u8]) -> anyhow::Result<u8> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(EXIT_OK),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(EXIT_OK),
        Err(error) => Err(Error::Output(error).into()),
    }
}

/// Writes `value` as pretty JSON and a newline.
pub(crate) fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<u8> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| Error::Output(e.into()))?;
    text.push('\n');
    print(text.as_bytes())
}

pub(super) fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// One line of `byline list`: id, unread mark, date, progress, title, site, tags.
pub(super) fn list_line(summary: &Summary) -> String {
    let date = summary.published.clone().unwrap_or_else(|| time::date(summary.saved_at));
    let mark = if summary.read { ' ' } else { '●' };
    let mut line = format!(
        "{:>5} {mark} {date:<10} {:>3}%  {}",
        summary.id,
        summary.progress,
        summary.title.as_deref().unwrap_or("(untitled)")
    );
    if let Some(site) = &summary.site {
        line.push_str(&format!(" — {site}"));
    }
    for tag in &summary.tags {
        line.push_str(&format!("  #{tag}"));
    }
    line
}

pub(super) fn hit_text(hit: &Hit) -> String {
    let mut out = list_line(&hit.summary);
    out.push('\n');
    if let Some(snippet) = &hit.snippet {
        out.push_str(&format!("        {}\n", mark_matches(&one_line(snippet), "[", "]")));
    }
    if let Some(quote) = &hit.quote {
        let speaker = quote.speaker.as_deref().map(|s| format!(" — {s}")).unwrap_or_default();
        out.push_str(&format!("        “{}”{speaker}\n", mark_matches(&one_line(&quote.text), "[", "]")));
    }
    out
}

fn one_line(text: &str) -> String {
    crate::model::sanitize::collapse_whitespace(text)
}

/// An article in `--json` output.
#[derive(Serialize)]
pub(super) struct ArticleJson<'a> {
    id: i64,
    title: Option<&'a str>,
    byline: Option<&'a str>,
    site: Option<&'a str>,
    published: Option<&'a str>,
    saved_at: String,
    opened_at: Option<String>,
    url: Option<&'a str>,
    source: &'a str,
    read: bool,
    progress: u8,
    words: u32,
    tags: &'a [String],
}

impl<'a> From<&'a Summary> for ArticleJson<'a> {
    fn from(s: &'a Summary) -> Self {
        Self {
            id: s.id,
            title: s.title.as_deref(),
            byline: s.byline.as_deref(),
            site: s.site.as_deref(),
            published: s.published.as_deref(),
            saved_at: time::datetime(s.saved_at),
            opened_at: s.opened_at.map(time::datetime),
            url: s.url.as_deref(),
            source: &s.source,
            read: s.read,
            progress: s.progress,
            words: s.words,
            tags: &s.tags,
        }
    }
}

/// Matched text with the matches as character ranges.
#[derive(Serialize)]
struct MatchedJson {
    text: String,
    highlights: Vec<[usize; 2]>,
}

impl MatchedJson {
    fn of(snippet: &str) -> Self {
        let (text, ranges) = highlights(snippet);
        Self { text, highlights: ranges.into_iter().map(|r| [r.start, r.end]).collect() }
    }
}

#[derive(Serialize)]
struct QuoteJson {
    speaker: Option<String>,
    #[serde(flatten)]
    text: MatchedJson,
    index: usize,
}

/// A search result in `--json` output.
#[derive(Serialize)]
pub(super) struct HitJson<'a> {
    #[serde(flatten)]
    article: ArticleJson<'a>,
    snippet: Option<MatchedJson>,
    quote: Option<QuoteJson>,
}

impl<'a> From<&'a Hit> for HitJson<'a> {
    fn from(hit: &'a Hit) -> Self {
        Self {
            article: ArticleJson::from(&hit.summary),
            snippet: hit.snippet.as_deref().map(MatchedJson::of),
            quote: hit.quote.as_ref().map(|q| QuoteJson {
                speaker: q.speaker.clone(),
                text: MatchedJson::of(&q.text),
                index: q.ordinal,
            }),
        }
    }
}

/// One source in `save --json`.
#[derive(Serialize)]
pub(super) struct SaveJson {
    pub(super) source: String,
    pub(super) status: &'static str,
    pub(super) id: Option<i64>,
    pub(super) title: Option<String>,
    pub(super) url: Option<String>,
    pub(super) error: Option<String>,
}
