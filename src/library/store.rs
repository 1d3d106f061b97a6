//! Saving, updating and removing articles, and the reader's state. Every
//! change is one transaction: an article is there whole (row, bytes,
//! document, index, speakers and quotes) or not at all.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, Transaction, params};

use super::index::{self, Derived};
use super::rebuild::{Prepared, Recipe};
use super::{Failure, Library, time};
use crate::error::{Error, Result};
use crate::model::{Anchor, Article, Block, sanitize};
use crate::pipeline::EXTRACTOR_VERSION;

/// One article as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// Its id in the library.
    pub id: i64,
    /// The headline.
    pub title: Option<String>,
    /// The author(s).
    pub byline: Option<String>,
    /// The publication.
    pub site: Option<String>,
    /// Publication date as the source wrote it (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// Where it was saved from: a path, a URL, `stdin`, an import item.
    pub source: String,
    /// When it was saved (Unix seconds).
    pub saved_at: i64,
    /// When it was last opened in the reader (Unix seconds).
    pub opened_at: Option<i64>,
    /// Whether it is marked read.
    pub read: bool,
    /// How far it was read, in percent.
    pub progress: u8,
    /// Its length in words.
    pub words: u32,
    /// Its tags, sorted.
    pub tags: Vec<String>,
}

/// Which articles to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Only those not marked read.
    pub unread: bool,
    /// Only those with this tag.
    pub tag: Option<String>,
    /// At most this many, newest first.
    pub limit: Option<usize>,
}

/// What saving did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A new article.
    Added,
    /// An article already there (same URL, same import item, or same
    /// bytes) got the new bytes or extraction; its reading state is kept.
    Updated,
    /// The same bytes, extracted by the same rules: nothing changed.
    Unchanged,
}

impl Outcome {
    /// The word reports use.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Added => "added",
            Self::Updated => "updated",
            Self::Unchanged => "unchanged",
        }
    }
}

/// The result of a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    /// The article's id.
    pub id: i64,
    /// What happened.
    pub outcome: Outcome,
}

/// The columns of [`Summary`], in `summary_from_row`'s order.
pub(super) const SUMMARY_COLUMNS: &str = "a.id, a.title, a.byline, a.site, a.published, a.url, a.source, \
     a.saved_at, a.opened_at, a.read, a.progress, a.words, \
     (SELECT group_concat(t.tag, char(31)) FROM tags t WHERE t.article_id = a.id)";

/// A summary from a row selected with [`SUMMARY_COLUMNS`]. Text is
/// sanitised again: the file could have been edited by anything.
pub(super) fn summary_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Summary> {
    let text = |index: usize| -> rusqlite::Result<Option<String>> {
        Ok(sanitize::clean_field(row.get::<_, Option<String>>(index)?))
    };
    let tags: Option<String> = row.get(12)?;
    let mut tags: Vec<String> = tags
        .unwrap_or_default()
        .split('\u{1f}')
        .filter_map(|tag| sanitize::clean_field(Some(tag.to_owned())))
        .collect();
    tags.sort();
    Ok(Summary {
        id: row.get(0)?,
        title: text(1)?,
        byline: text(2)?,
        site: text(3)?,
        published: text(4)?,
        url: text(5)?,
        source: text(6)?.unwrap_or_default(),
        saved_at: row.get(7)?,
        opened_at: row.get(8)?,
        read: row.get(9)?,
        progress: row.get::<_, i64>(10)?.clamp(0, 100) as u8,
        words: row.get::<_, i64>(11)?.clamp(0, i64::from(u32::MAX)) as u32,
        tags,
    })
}

/// A tag as stored: sanitised, single spaces, lower case.
#[must_use]
pub fn normalize_tag(tag: &str) -> Option<String> {
    sanitize::clean_field(Some(tag.trim().trim_start_matches('#').to_lowercase()))
}

/// The key under which a URL identifies an article: scheme, fragment and
/// tracking parameters left out; `None` for a site's front page, which a
/// page that names it as its canonical URL does not really have.
#[must_use]
pub fn url_key(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let path = parsed.path().trim_end_matches('/');
    if path.is_empty() {
        return None;
    }
    let query: Vec<String> = parsed
        .query_pairs()
        .filter(|(key, _)| !key.starts_with("utm_") && key != "ref" && key != "source")
        .map(|(key, value)| if value.is_empty() { key.into_owned() } else { format!("{key}={value}") })
        .collect();
    let host = parsed.host_str()?.trim_start_matches("www.");
    let mut key = format!("//{host}{path}");
    if !query.is_empty() {
        key.push('?');
        key.push_str(&query.join("&"));
    }
    Some(key)
}

/// The stored row a new save matches, if any.
struct Existing {
    id: i64,
    hash: String,
    version: u32,
    recipe: String,
}

fn find_existing(
    tx: &Transaction<'_>,
    url_key: Option<&str>,
    origin: Option<&str>,
    hash: &str,
) -> rusqlite::Result<Option<Existing>> {
    let select = "SELECT a.id, a.source_hash, a.extractor_version, s.recipe FROM articles a \
                  JOIN sources s ON s.article_id = a.id WHERE ";
    let row = |row: &rusqlite::Row<'_>| {
        Ok(Existing { id: row.get(0)?, hash: row.get(1)?, version: row.get(2)?, recipe: row.get(3)? })
    };
    if let Some(key) = url_key
        && let Some(found) = tx.query_row(&format!("{select}a.url_key = ?1"), [key], row).optional()?
    {
        return Ok(Some(found));
    }
    if let Some(origin) = origin
        && let Some(found) = tx.query_row(&format!("{select}a.origin = ?1"), [origin], row).optional()?
    {
        return Ok(Some(found));
    }
    tx.query_row(&format!("{select}a.source_hash = ?1 ORDER BY a.id LIMIT 1"), [hash], row).optional()
}

pub(super) fn to_json<T: serde::Serialize>(library: &Library, value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Library {
        path: library.path.clone(),
        message: format!("cannot serialise an article: {e}"),
    })
}

impl Library {
    /// Saves an article: adds it, or updates the one it is a new version of
    /// (same URL, same import item, or same bytes), keeping that one's
    /// reading state and tags. `tags` are added either way.
    pub fn save(&mut self, item: &Prepared, tags: &[String]) -> Result<Saved> {
        let json = to_json(self, &item.article)?;
        let recipe = to_json(self, &item.recipe)?;
        let derived = Derived::of(&item.article, &item.recipe.hints);
        let meta = item.article.meta();
        let key = meta.url.as_deref().and_then(url_key);
        let hash = item.article.identity.source_hash.as_str();
        let tags: Vec<String> = tags.iter().filter_map(|t| normalize_tag(t)).collect();
        let now = time::now();
        self.write(|tx| {
            let existing = find_existing(tx, key.as_deref(), item.origin.as_deref(), hash)?;
            let (id, outcome) = match existing {
                Some(found)
                    if found.hash == hash && found.version == EXTRACTOR_VERSION && found.recipe == recipe =>
                {
                    (found.id, Outcome::Unchanged)
                }
                Some(found) => {
                    tx.execute(
                        "UPDATE articles SET source = ?2, source_hash = ?3, title = ?4, byline = ?5, site = ?6,
                         published = ?7, lang = ?8, url = ?9, words = ?10, extractor_version = ?11, updated_at = ?12,
                         url_key = CASE WHEN ?13 IS NULL OR EXISTS (SELECT 1 FROM articles o WHERE o.url_key = ?13 AND o.id != ?1)
                                   THEN url_key ELSE ?13 END,
                         origin = CASE WHEN ?14 IS NULL OR EXISTS (SELECT 1 FROM articles o WHERE o.origin = ?14 AND o.id != ?1)
                                   THEN origin ELSE ?14 END
                         WHERE id = ?1",
                        params![
                            found.id, item.source, hash, derived.display_title, meta.byline, meta.site, meta.published,
                            meta.language, meta.url, index::to_i64(derived.words), EXTRACTOR_VERSION, now, key, item.origin
                        ],
                    )?;
                    (found.id, Outcome::Updated)
                }
                None => {
                    tx.execute(
                        "INSERT INTO articles (source, origin, url, url_key, source_hash, title, byline, site, published,
                         lang, words, extractor_version, saved_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
                        params![
                            item.source, item.origin, meta.url, key, hash, derived.display_title, meta.byline, meta.site,
                            meta.published, meta.language, index::to_i64(derived.words), EXTRACTOR_VERSION, now
                        ],
                    )?;
                    (tx.last_insert_rowid(), Outcome::Added)
                }
            };
            if outcome != Outcome::Unchanged {
                tx.execute(
                    "INSERT OR REPLACE INTO sources (article_id, recipe, bytes) VALUES (?1, ?2, ?3)",
                    params![id, recipe, item.bytes],
                )?;
                write_document(tx, id, &json, &derived)?;
            }
            for tag in &tags {
                tx.execute("INSERT OR IGNORE INTO tags (article_id, tag) VALUES (?1, ?2)", params![id, tag])?;
            }
            Ok(Saved { id, outcome })
        })
    }

    /// Replaces a stored article's extraction (`byline reextract`): the
    /// bytes stay, the reading position and marks are moved to the same
    /// text in the new blocks.
    pub fn replace(&mut self, id: i64, article: &Article, recipe: &Recipe) -> Result<()> {
        let json = to_json(self, article)?;
        let derived = Derived::of(article, &recipe.hints);
        let state = self.reading_state(id)?;
        let moved = |anchor: Anchor| reanchor(anchor, article.blocks());
        let position = state.position.map(moved).map(|a| to_json(self, &a)).transpose()?;
        let marks: BTreeMap<String, Anchor> =
            state.marks.iter().map(|(k, a)| (k.to_string(), moved(*a))).collect();
        let marks = to_json(self, &marks)?;
        let meta = article.meta();
        let now = time::now();
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE articles SET title = ?2, byline = ?3, site = ?4, published = ?5, lang = ?6, url = ?7,
                 words = ?8, extractor_version = ?9, updated_at = ?10, position = ?11, marks = ?12 WHERE id = ?1",
                params![
                    id, derived.display_title, meta.byline, meta.site, meta.published, meta.language, meta.url,
                    index::to_i64(derived.words), EXTRACTOR_VERSION, now, position, marks
                ],
            )?;
            if changed == 0 {
                return Err(Failure::Other(Error::NotInLibrary { id }));
            }
            write_document(tx, id, &json, &derived)?;
            Ok(())
        })
    }

    /// Removes articles; returns how many there were.
    pub fn remove(&mut self, ids: &[i64]) -> Result<usize> {
        self.write(|tx| {
            let mut removed = 0;
            for &id in ids {
                index::delete_search(tx, id)?;
                index::delete_people(tx, id)?;
                removed += tx.execute("DELETE FROM articles WHERE id = ?1", [id])?;
            }
            Ok(removed)
        })
    }

    /// Adds (or with `remove`, takes away) tags; returns the article's tags.
    pub fn tag(&mut self, id: i64, tags: &[String], remove: bool) -> Result<Vec<String>> {
        let tags: Vec<String> = tags.iter().filter_map(|t| normalize_tag(t)).collect();
        self.write(|tx| {
            ensure_exists(tx, id)?;
            for tag in &tags {
                let sql = if remove {
                    "DELETE FROM tags WHERE article_id = ?1 AND tag = ?2"
                } else {
                    "INSERT OR IGNORE INTO tags (article_id, tag) VALUES (?1, ?2)"
                };
                tx.execute(sql, params![id, tag])?;
            }
            let mut statement = tx.prepare("SELECT tag FROM tags WHERE article_id = ?1 ORDER BY tag")?;
            let found =
                statement.query_map([id], |row| row.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(found)
        })
    }

    /// Replaces an article's tags with `tags`; returns them as stored.
    pub fn set_tags(&mut self, id: i64, tags: &[String]) -> Result<Vec<String>> {
        let mut tags: Vec<String> = tags.iter().filter_map(|t| normalize_tag(t)).collect();
        tags.sort();
        tags.dedup();
        self.write(|tx| {
            ensure_exists(tx, id)?;
            tx.execute("DELETE FROM tags WHERE article_id = ?1", [id])?;
            for tag in &tags {
                tx.execute("INSERT INTO tags (article_id, tag) VALUES (?1, ?2)", params![id, tag])?;
            }
            Ok(tags.clone())
        })
    }
}

/// Stores the document and everything derived from it.
fn write_document(tx: &Transaction<'_>, id: i64, json: &str, derived: &Derived) -> rusqlite::Result<()> {
    tx.execute("INSERT OR REPLACE INTO documents (article_id, json) VALUES (?1, ?2)", params![id, json])?;
    index::write_search(tx, id, derived)?;
    index::write_people(tx, id, derived)
}

pub(super) fn ensure_exists(tx: &Transaction<'_>, id: i64) -> Result<(), Failure> {
    let found = tx.query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |_| Ok(())).optional()?;
    found.ok_or(Failure::Other(Error::NotInLibrary { id }))
}

/// `anchor` made again against `new`: its block found by the text's
/// fingerprint (so the index hint is fresh), kept as it is when no block
/// of `new` has that text.
fn reanchor(anchor: Anchor, new: &[Block]) -> Anchor {
    let found = new.iter().any(|block| crate::model::fingerprint(block.text()) == anchor.fingerprint);
    match anchor.resolve(new) {
        Some((block, offset)) if found => Anchor::at(new, block, offset).unwrap_or(anchor),
        _ => anchor,
    }
}
