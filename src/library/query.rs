//! Listing the library: summaries newest first, one by id, several by id
//! in a given order, and the articles an extractor update makes stale.

use rusqlite::{OptionalExtension, params};

use super::Library;
use super::store::{ListFilter, SUMMARY_COLUMNS, Summary, summary_from_row};
use crate::error::{Error, Result};
use crate::pipeline::EXTRACTOR_VERSION;

impl Library {
    /// Articles newest first (by when they were saved), filtered.
    pub fn list(&self, filter: &ListFilter) -> Result<Vec<Summary>> {
        let limit = filter.limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a
             WHERE (?1 = 0 OR a.read = 0)
               AND (?2 IS NULL OR a.id IN (SELECT article_id FROM tags WHERE tag = ?2))
             ORDER BY a.saved_at DESC, a.id DESC LIMIT ?3"
        );
        let tag = filter.tag.as_deref().and_then(super::store::normalize_tag);
        let run = || -> rusqlite::Result<Vec<Summary>> {
            let mut statement = self.conn.prepare_cached(&sql)?;
            let rows = statement.query_map(params![filter.unread, tag, limit], summary_from_row)?;
            rows.collect()
        };
        run().map_err(|e| self.read_error(&e))
    }

    /// One article's summary.
    pub fn summary(&self, id: i64) -> Result<Summary> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM articles a WHERE a.id = ?1");
        let found =
            self.conn.query_row(&sql, [id], summary_from_row).optional().map_err(|e| self.read_error(&e))?;
        found.ok_or(Error::NotInLibrary { id })
    }

    /// The summaries of `ids`, in that order (ids not in the library are
    /// left out).
    pub fn summaries(&self, ids: &[i64]) -> Result<Vec<Summary>> {
        self.summaries_in_order(ids).map_err(|e| self.read_error(&e))
    }

    pub(super) fn summaries_in_order(&self, ids: &[i64]) -> rusqlite::Result<Vec<Summary>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned());
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?1))"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut found =
            statement.query_map([list.as_str()], summary_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        let order: std::collections::HashMap<i64, usize> =
            ids.iter().enumerate().map(|(at, id)| (*id, at)).collect();
        found.sort_by_key(|summary| order.get(&summary.id).copied().unwrap_or(usize::MAX));
        Ok(found)
    }

    /// How many articles there are.
    pub fn count(&self) -> Result<usize> {
        self.conn
            .query_row("SELECT count(*) FROM articles", [], |row| row.get::<_, i64>(0))
            .map(|n| n.max(0) as usize)
            .map_err(|e| self.read_error(&e))
    }

    /// Articles extracted by older rules than this byline's (or every
    /// article, with `all`), oldest first.
    pub fn stale(&self, all: bool) -> Result<Vec<i64>> {
        let run = || -> rusqlite::Result<Vec<i64>> {
            let mut statement = self
                .conn
                .prepare("SELECT id FROM articles WHERE ?1 OR extractor_version < ?2 ORDER BY id")?;
            let rows = statement.query_map(params![all, EXTRACTOR_VERSION], |row| row.get(0))?;
            rows.collect()
        };
        run().map_err(|e| self.read_error(&e))
    }

    /// Which of `ids` are in the library.
    pub fn existing(&self, ids: &[i64]) -> Result<Vec<i64>> {
        Ok(self.summaries(ids)?.into_iter().map(|s| s.id).collect())
    }
}
