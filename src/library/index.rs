//! What the library derives from a stored article, and rebuilds whenever the
//! article changes: the full-text index's row and the speakers' and quotes'
//! rows. Computed before a transaction opens ([`Derived::of`]), written
//! inside it; the writers here are shared by saving, re-extraction and the
//! migrations that create these tables.

use rusqlite::{Transaction, params};

use super::rebuild::Hints;
use crate::model::{Article, SpeakerKind};

/// One speaker of an article, as stored.
#[derive(Debug, Clone)]
pub(super) struct SpeakerFacts {
    pub name: String,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    pub kind: SpeakerKind,
    pub quote_count: usize,
    pub first_block: u32,
    /// Every folded form a lookup may use: name, aliases, a person's surname.
    pub keys: Vec<String>,
}

/// One quote of an article, as stored.
#[derive(Debug, Clone)]
pub(super) struct QuoteFacts {
    pub block: u32,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub section: Option<String>,
    /// Indices into the article's speakers.
    pub speakers: Vec<usize>,
}

/// Everything derived from one article.
#[derive(Debug, Clone)]
pub(super) struct Derived {
    pub title: String,
    /// The title lists show: the article's, else its first heading, else
    /// the start of its text.
    pub display_title: Option<String>,
    pub byline: String,
    pub body: String,
    pub speakers_text: String,
    pub quotes_text: String,
    pub words: usize,
    pub speakers: Vec<SpeakerFacts>,
    pub quotes: Vec<QuoteFacts>,
}

impl Derived {
    /// The index rows of `article`; a subtitle from the import is searched
    /// with the title.
    pub fn of(article: &Article, hints: &Hints) -> Self {
        let meta = article.meta();
        let title = [meta.title.as_deref(), hints.subtitle.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" — ");
        let body = article.plain_text();
        let words = article.word_count();
        let analysis = &article.analysis;
        let speakers: Vec<SpeakerFacts> = analysis
            .speakers
            .iter()
            .map(|speaker| SpeakerFacts {
                name: speaker.name.clone(),
                aliases: speaker.aliases.clone(),
                description: speaker.description.clone(),
                kind: speaker.kind,
                quote_count: speaker.quotes.len(),
                first_block: speaker.first_block.0,
                keys: name_keys(&speaker.name, &speaker.aliases, speaker.kind),
            })
            .collect();
        let mut speakers_text = String::new();
        for speaker in &speakers {
            speakers_text.push_str(&speaker.name);
            for alias in &speaker.aliases {
                speakers_text.push_str(" ; ");
                speakers_text.push_str(alias);
            }
            if let Some(description) = &speaker.description {
                speakers_text.push_str(" ; ");
                speakers_text.push_str(description);
            }
            speakers_text.push('\n');
        }
        let sections = &analysis.sections;
        let quotes: Vec<QuoteFacts> = analysis
            .quotes
            .iter()
            .enumerate()
            .filter_map(|(index, quote)| {
                let text = article.quote_text(index)?.to_owned();
                let section = sections
                    .partition_point(|s| s.block <= quote.block)
                    .checked_sub(1)
                    .map(|at| sections[at].title.clone());
                Some(QuoteFacts {
                    block: quote.block.0,
                    start: quote.range.start,
                    end: quote.range.end,
                    text,
                    section,
                    speakers: quote.speakers.iter().copied().filter(|s| *s < speakers.len()).collect(),
                })
            })
            .collect();
        let quotes_text = quotes.iter().map(|q| q.text.as_str()).collect::<Vec<_>>().join("\n");
        Self {
            display_title: meta.title.clone().or_else(|| fallback_title(article)),
            title,
            byline: meta.byline.clone().unwrap_or_default(),
            body,
            speakers_text,
            quotes_text,
            words,
            speakers,
            quotes,
        }
    }
}

/// Longest title made from an article's text, in characters.
const FALLBACK_TITLE_CHARS: usize = 80;

/// A title for an article without one: its first heading, else the start
/// of its first paragraph, cut at a word.
fn fallback_title(article: &Article) -> Option<String> {
    let blocks = article.blocks();
    let heading = blocks.iter().find(|b| b.heading_level().is_some() && !b.text().trim().is_empty());
    let block = heading.or_else(|| blocks.iter().find(|b| !b.text().trim().is_empty()))?;
    let text = crate::model::sanitize::collapse_whitespace(block.text());
    if text.chars().count() <= FALLBACK_TITLE_CHARS {
        return Some(text);
    }
    let cut: String = text.chars().take(FALLBACK_TITLE_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).trim_end_matches([',', ';', ':']);
    Some(format!("{cut}…"))
}

/// A name as lookups compare it: lower case, single spaces.
#[must_use]
pub(super) fn fold(name: &str) -> String {
    name.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// The folded forms under which a speaker can be looked up.
fn name_keys(name: &str, aliases: &[String], kind: SpeakerKind) -> Vec<String> {
    let mut keys: Vec<String> =
        std::iter::once(name).chain(aliases.iter().map(String::as_str)).map(fold).collect();
    if kind == SpeakerKind::Person
        && let Some(surname) = name.split_whitespace().last().map(fold)
    {
        keys.push(surname);
    }
    keys.retain(|key| !key.is_empty());
    keys.sort();
    keys.dedup();
    keys
}

/// Writes the article's full-text row (the table must exist: schema 2).
pub(super) fn write_search(tx: &Transaction<'_>, id: i64, derived: &Derived) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM article_fts WHERE rowid = ?1", [id])?;
    tx.execute(
        "INSERT INTO article_fts (rowid, title, byline, body, speakers, quotes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, derived.title, derived.byline, derived.body, derived.speakers_text, derived.quotes_text],
    )?;
    Ok(())
}

/// Removes the article's rows from the full-text index.
pub(super) fn delete_search(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM article_fts WHERE rowid = ?1", [id])?;
    Ok(())
}

/// Writes the article's speakers and quotes (schema 3), replacing any.
pub(super) fn write_people(tx: &Transaction<'_>, id: i64, derived: &Derived) -> rusqlite::Result<()> {
    delete_people(tx, id)?;
    let mut speaker_ids = Vec::with_capacity(derived.speakers.len());
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO speakers (article_id, ordinal, name, aliases, description, kind, quote_count, first_block)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut key =
            tx.prepare_cached("INSERT OR IGNORE INTO speaker_names (name, speaker_id) VALUES (?1, ?2)")?;
        for (ordinal, speaker) in derived.speakers.iter().enumerate() {
            let aliases = serde_json::to_string(&speaker.aliases).unwrap_or_else(|_| "[]".to_owned());
            let kind = match speaker.kind {
                SpeakerKind::Person => "person",
                SpeakerKind::Organisation => "organisation",
            };
            insert.execute(params![
                id,
                to_i64(ordinal),
                speaker.name,
                aliases,
                speaker.description,
                kind,
                to_i64(speaker.quote_count),
                speaker.first_block,
            ])?;
            let speaker_id = tx.last_insert_rowid();
            for name in &speaker.keys {
                key.execute(params![name, speaker_id])?;
            }
            speaker_ids.push(speaker_id);
        }
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO quotes (article_id, ordinal, block, start, end, text, section) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut link =
        tx.prepare_cached("INSERT OR IGNORE INTO quote_speakers (quote_id, speaker_id) VALUES (?1, ?2)")?;
    let mut search = tx.prepare_cached("INSERT INTO quote_fts (rowid, speaker, text) VALUES (?1, ?2, ?3)")?;
    for (ordinal, quote) in derived.quotes.iter().enumerate() {
        insert.execute(params![
            id,
            to_i64(ordinal),
            quote.block,
            to_i64(quote.start),
            to_i64(quote.end),
            quote.text,
            quote.section
        ])?;
        let quote_id = tx.last_insert_rowid();
        let mut names = String::new();
        for &speaker in &quote.speakers {
            link.execute(params![quote_id, speaker_ids[speaker]])?;
            let facts = &derived.speakers[speaker];
            for name in std::iter::once(&facts.name).chain(&facts.aliases) {
                if !names.is_empty() {
                    names.push_str(" ; ");
                }
                names.push_str(name);
            }
        }
        search.execute(params![quote_id, names, quote.text])?;
    }
    Ok(())
}

/// Removes the article's speakers and quotes, and their search rows.
pub(super) fn delete_people(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM quote_fts WHERE rowid IN (SELECT id FROM quotes WHERE article_id = ?1)", [id])?;
    tx.execute("DELETE FROM quotes WHERE article_id = ?1", [id])?;
    tx.execute("DELETE FROM speakers WHERE article_id = ?1", [id])?;
    Ok(())
}

/// A count or offset as SQLite stores it (saturating: none is ever near).
pub(super) fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
