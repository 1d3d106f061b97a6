//! Who said what across the library: every speaker of every article and
//! their quotes, read from the tables schema 3 keeps beside the articles
//! (so that a question over 10,000 articles reads rows, never parses one).
//! Merging one person's forms across articles is the caller's business;
//! `speaker_names` holds every folded form (name, alias, a person's
//! surname) for lookups by any of them.

use rusqlite::params;

use super::Library;
use super::index::fold;
use crate::error::Result;
use crate::model::{SpeakerKind, sanitize};

/// Text read back is sanitised again: the file could have been edited by
/// anything, and these rows go straight to outputs.
fn clean(text: String) -> String {
    if let std::borrow::Cow::Owned(cleaned) = sanitize::clean(&text) {
        return cleaned;
    }
    text
}

fn clean_opt(text: Option<String>) -> Option<String> {
    sanitize::clean_field(text)
}

/// One speaker of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerRow {
    /// The article.
    pub article_id: i64,
    /// The speaker's index in the article's analysis.
    pub ordinal: usize,
    /// The canonical name.
    pub name: String,
    /// The other forms the article uses.
    pub aliases: Vec<String>,
    /// The role the article gives.
    pub description: Option<String>,
    /// Person or organisation.
    pub kind: SpeakerKind,
    /// How many quotes the article attributes to them.
    pub quote_count: usize,
    /// The article's date, as written.
    pub published: Option<String>,
    /// When the article was saved (Unix seconds).
    pub saved_at: i64,
}

/// Which quotes to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteFilter {
    /// Only quotes by a speaker known under this form (a full name, an
    /// alias or a surname; case and spacing do not matter).
    pub speaker: Option<String>,
    /// Only this article's quotes.
    pub article: Option<i64>,
}

/// One quote with its speakers and its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRow {
    /// The article.
    pub article_id: i64,
    /// The quote's index in the article's analysis.
    pub ordinal: usize,
    /// The block holding it.
    pub block: u32,
    /// Byte range into that block's text (quotation marks excluded).
    pub range: std::ops::Range<usize>,
    /// The quote.
    pub text: String,
    /// The section it is in.
    pub section: Option<String>,
    /// Its speakers: name and description, in the article's order.
    pub speakers: Vec<(String, Option<String>)>,
    /// The article's title.
    pub title: Option<String>,
    /// The article's site.
    pub site: Option<String>,
    /// The article's date, as written.
    pub published: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
}

impl Library {
    /// Every speaker of every article, oldest article first.
    pub fn speakers(&self) -> Result<Vec<SpeakerRow>> {
        let run = || -> rusqlite::Result<Vec<SpeakerRow>> {
            let mut statement = self.conn.prepare_cached(
                "SELECT s.article_id, s.ordinal, s.name, s.aliases, s.description, s.kind, s.quote_count,
                        a.published, a.saved_at
                 FROM speakers s JOIN articles a ON a.id = s.article_id
                 ORDER BY a.saved_at, a.id, s.ordinal",
            )?;
            let rows = statement.query_map([], |row| {
                let aliases: String = row.get(3)?;
                let kind: String = row.get(5)?;
                Ok(SpeakerRow {
                    article_id: row.get(0)?,
                    ordinal: row.get::<_, i64>(1)?.max(0) as usize,
                    name: clean(row.get(2)?),
                    aliases: serde_json::from_str::<Vec<String>>(&aliases)
                        .unwrap_or_default()
                        .into_iter()
                        .map(clean)
                        .collect(),
                    description: clean_opt(row.get(4)?),
                    kind: if kind == "organisation" {
                        SpeakerKind::Organisation
                    } else {
                        SpeakerKind::Person
                    },
                    quote_count: row.get::<_, i64>(6)?.max(0) as usize,
                    published: clean_opt(row.get(7)?),
                    saved_at: row.get(8)?,
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| self.read_error(&e))
    }

    /// Quotes with their speakers and articles, by article date then in
    /// reading order.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRow>> {
        let speaker = filter.speaker.as_deref().map(fold).filter(|name| !name.is_empty());
        let run = || -> rusqlite::Result<Vec<QuoteRow>> {
            let mut statement = self.conn.prepare_cached(
                "SELECT q.article_id, q.ordinal, q.block, q.start, q.end, q.text, q.section,
                        a.title, a.site, a.published, a.url,
                        (SELECT json_group_array(json_array(s.name, s.description))
                         FROM quote_speakers qs JOIN speakers s ON s.id = qs.speaker_id WHERE qs.quote_id = q.id)
                 FROM quotes q JOIN articles a ON a.id = q.article_id
                 WHERE (?1 IS NULL OR q.id IN (SELECT qs.quote_id FROM quote_speakers qs
                                               JOIN speaker_names n ON n.speaker_id = qs.speaker_id
                                               WHERE n.name = ?1))
                   AND (?2 IS NULL OR q.article_id = ?2)
                 ORDER BY a.published, a.saved_at, a.id, q.ordinal",
            )?;
            let rows = statement.query_map(params![speaker, filter.article], |row| {
                let speakers: Option<String> = row.get(11)?;
                let speakers: Vec<(String, Option<String>)> = speakers
                    .and_then(|s| serde_json::from_str::<Vec<(String, Option<String>)>>(&s).ok())
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(name, description)| (clean(name), clean_opt(description)))
                    .collect();
                let start = row.get::<_, i64>(3)?.max(0) as usize;
                let end = row.get::<_, i64>(4)?.max(0) as usize;
                Ok(QuoteRow {
                    article_id: row.get(0)?,
                    ordinal: row.get::<_, i64>(1)?.max(0) as usize,
                    block: row.get(2)?,
                    range: start..end.max(start),
                    text: clean(row.get(5)?),
                    section: clean_opt(row.get(6)?),
                    speakers,
                    title: clean_opt(row.get(7)?),
                    site: clean_opt(row.get(8)?),
                    published: clean_opt(row.get(9)?),
                    url: clean_opt(row.get(10)?),
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| self.read_error(&e))
    }
}

/// A speaker as the article being read has them: what
/// [`Library::quotes_elsewhere`] looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    /// The canonical name.
    pub name: String,
    /// The other forms the article uses.
    pub aliases: Vec<String>,
    /// Person or organisation.
    pub kind: SpeakerKind,
}

impl Library {
    /// The quotes of `wanted` in the saved articles other than `except`,
    /// with the speaker merged across articles by name and alias as
    /// `byline people` merges them; by article date, then in reading
    /// order.
    pub fn quotes_elsewhere(&self, wanted: &Wanted, except: Option<i64>) -> Result<Vec<QuoteRow>> {
        let mut rows = self.speakers()?;
        // The speaker being read, as a row of an article that is not saved
        // (ids start at 1): it joins whomever the rules join it to.
        rows.push(SpeakerRow {
            article_id: 0,
            ordinal: 0,
            name: wanted.name.clone(),
            aliases: wanted.aliases.clone(),
            description: None,
            kind: wanted.kind,
            quote_count: 0,
            published: None,
            saved_at: 0,
        });
        let probe = rows.len() - 1;
        let group = super::persons::person_groups(&rows).into_iter().find(|g| g.contains(&probe));
        // The names the person has in each article: the speakers of one
        // article have distinct names.
        let mut names: std::collections::BTreeMap<i64, Vec<&str>> = std::collections::BTreeMap::new();
        for at in group.unwrap_or_default() {
            let row = &rows[at];
            if at != probe && Some(row.article_id) != except {
                names.entry(row.article_id).or_default().push(row.name.as_str());
            }
        }
        let mut quotes = Vec::new();
        for (article, names) in names {
            let filter = QuoteFilter { speaker: None, article: Some(article) };
            quotes.extend(
                self.quotes(&filter)?
                    .into_iter()
                    .filter(|quote| quote.speakers.iter().any(|(name, _)| names.contains(&name.as_str()))),
            );
        }
        // Undated articles last; the sort is stable, so reading order holds.
        quotes.sort_by(|a, b| {
            (a.published.is_none(), &a.published).cmp(&(b.published.is_none(), &b.published))
        });
        Ok(quotes)
    }
}

/// The quotes of an article that is not in the library, as
/// [`Library::quotes`] gives saved ones (`article_id` 0), narrowed to a
/// speaker by the same forms (a full name, an alias or a surname).
#[must_use]
pub fn article_quotes(article: &crate::model::Article, speaker: Option<&str>) -> Vec<QuoteRow> {
    let derived = super::index::Derived::of(article, &super::rebuild::Hints::default());
    let wanted = speaker.map(fold).filter(|name| !name.is_empty());
    let meta = article.meta();
    derived
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, quote)| {
            wanted.as_ref().is_none_or(|wanted| {
                quote.speakers.iter().any(|s| derived.speakers[*s].keys.iter().any(|key| key == wanted))
            })
        })
        .map(|(ordinal, quote)| QuoteRow {
            article_id: 0,
            ordinal,
            block: quote.block,
            range: quote.start..quote.end,
            text: quote.text.clone(),
            section: quote.section.clone(),
            speakers: quote
                .speakers
                .iter()
                .map(|s| (derived.speakers[*s].name.clone(), derived.speakers[*s].description.clone()))
                .collect(),
            title: derived.display_title.clone(),
            site: meta.site.clone(),
            published: meta.published.clone(),
            url: meta.url.clone(),
        })
        .collect()
}
