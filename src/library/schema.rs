//! The library's schema and its migrations: an append-only list of steps,
//! each taking the database from one version (`PRAGMA user_version`) to the
//! next inside the transaction that records the new version, so that a
//! migration is all or nothing. Never edit a released step: add one.
//!
//! Steps that create derived tables (the full-text index, the people
//! tables) fill them from the stored articles in the same transaction;
//! every step is tested from every earlier version, with data
//! (`schema/tests.rs`).

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::index::{self, Derived};
use super::rebuild::Hints;
use crate::model::Article;

/// The articles, their sources, documents and tags.
const V1: &str = "
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    origin TEXT,
    url TEXT,
    url_key TEXT,
    source_hash TEXT NOT NULL,
    title TEXT,
    byline TEXT,
    site TEXT,
    published TEXT,
    lang TEXT,
    words INTEGER NOT NULL DEFAULT 0,
    extractor_version INTEGER NOT NULL,
    saved_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    opened_at INTEGER,
    read INTEGER NOT NULL DEFAULT 0,
    progress INTEGER NOT NULL DEFAULT 0,
    position TEXT,
    marks TEXT
);
CREATE UNIQUE INDEX articles_by_url ON articles (url_key) WHERE url_key IS NOT NULL;
CREATE UNIQUE INDEX articles_by_origin ON articles (origin) WHERE origin IS NOT NULL;
CREATE INDEX articles_by_hash ON articles (source_hash);
CREATE INDEX articles_by_saved ON articles (saved_at);
CREATE TABLE sources (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    recipe TEXT NOT NULL,
    bytes BLOB NOT NULL
);
CREATE TABLE documents (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    json TEXT NOT NULL
);
CREATE TABLE tags (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags (tag);
";

/// Full-text search over every article (rowid = article id). The rank
/// weighs a match in the title most, then speakers, byline and quotes.
const V2: &str = "
CREATE VIRTUAL TABLE article_fts USING fts5 (
    title, byline, body, speakers, quotes,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO article_fts (article_fts, rank) VALUES ('rank', 'bm25(8.0, 2.0, 1.0, 4.0, 2.0)');
";

/// Speakers and quotes in tables of their own, for questions across the
/// library; `quote_fts` (rowid = quote id) finds quotes by speaker and text.
const V3: &str = "
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    description TEXT,
    kind TEXT NOT NULL,
    quote_count INTEGER NOT NULL,
    first_block INTEGER NOT NULL,
    UNIQUE (article_id, ordinal)
);
CREATE TABLE speaker_names (
    name TEXT NOT NULL,
    speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    PRIMARY KEY (name, speaker_id)
) WITHOUT ROWID;
CREATE INDEX speaker_names_by_speaker ON speaker_names (speaker_id);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    block INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    section TEXT,
    UNIQUE (article_id, ordinal)
);
CREATE TABLE quote_speakers (
    quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    PRIMARY KEY (quote_id, speaker_id)
) WITHOUT ROWID;
CREATE INDEX quote_speakers_by_speaker ON quote_speakers (speaker_id);
CREATE VIRTUAL TABLE quote_fts USING fts5 (
    speaker, text,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
";

/// Writes one article's rows of a derived table.
type Fill = fn(&Transaction<'_>, i64, &Derived) -> rusqlite::Result<()>;

/// One migration: its SQL, and how to fill what it created from the
/// articles already stored.
struct Step {
    sql: &'static str,
    backfill: Option<Fill>,
}

/// Every step in order: `STEPS[n]` takes version `n` to `n + 1`.
const STEPS: &[Step] = &[
    Step { sql: V1, backfill: None },
    Step { sql: V2, backfill: Some(index::write_search) },
    Step { sql: V3, backfill: Some(index::write_people) },
];

/// The schema version this byline writes.
pub const LATEST: u32 = STEPS.len() as u32;

/// Why a migration failed.
#[derive(Debug)]
pub enum MigrateError {
    /// SQLite refused.
    Sql(rusqlite::Error),
    /// The file was written by a newer byline.
    Newer {
        /// Its version.
        found: u32,
        /// The newest this byline knows.
        known: u32,
    },
    /// Something else.
    Other(String),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Sql(error)
    }
}

/// The schema version of the open database.
pub fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the database to [`LATEST`].
pub fn migrate(conn: &mut Connection) -> Result<(), MigrateError> {
    migrate_to(conn, LATEST)
}

/// Brings the database to `target` (tests build every earlier version this
/// way). Two processes opening an old library at once: the second waits
/// for the first's transaction (retried if it waits too long), then finds
/// nothing left to do.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<(), MigrateError> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match try_migrate(conn, target) {
            Err(MigrateError::Sql(e)) if super::is_busy(&e) && attempt < super::WRITE_ATTEMPTS => {
                std::thread::sleep(std::time::Duration::from_millis(25 << attempt));
            }
            other => return other,
        }
    }
}

fn try_migrate(conn: &mut Connection, target: u32) -> Result<(), MigrateError> {
    let found = version(conn)?;
    if found > LATEST {
        return Err(MigrateError::Newer { found, known: LATEST });
    }
    if found >= target {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut current = version(&tx)?;
    while current < target {
        let step = STEPS
            .get(current as usize)
            .ok_or_else(|| MigrateError::Other(format!("no step from {current}")))?;
        tx.execute_batch(step.sql)?;
        if let Some(fill) = step.backfill {
            backfill(&tx, fill)?;
        }
        current += 1;
        tx.pragma_update(None, "user_version", current)?;
    }
    tx.commit()?;
    Ok(())
}

/// Fills a new derived table from every stored article. An article whose
/// stored JSON no longer reads is left out (`byline reextract` rebuilds it
/// from its bytes).
fn backfill(tx: &Transaction<'_>, fill: Fill) -> rusqlite::Result<()> {
    let mut statement = tx.prepare(
        "SELECT d.article_id, d.json, s.recipe FROM documents d LEFT JOIN sources s ON s.article_id = d.article_id",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let json: String = row.get(1)?;
        let recipe: Option<String> = row.get(2)?;
        let Ok(article) = serde_json::from_str::<Article>(&json) else { continue };
        let hints: Hints = recipe
            .and_then(|r| serde_json::from_str::<super::Recipe>(&r).ok())
            .map_or_else(Hints::default, |r| r.hints);
        fill(tx, id, &Derived::of(&article, &hints))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
