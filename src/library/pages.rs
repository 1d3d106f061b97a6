//! The library as the home of saved pages: finding a saved article by URL
//! (the address typed, or the article's own URL modulo scheme, `www.` and
//! tracking parameters), and [`SavedIn`], through which the loader reads a
//! saved page instead of fetching it (online or `--offline`).

use std::path::{Path, PathBuf};

use rusqlite::OptionalExtension;

use super::Library;
use super::rebuild::Recipe;
use super::store::url_key;
use crate::error::Result;
use crate::source::SavedPages;
use crate::source::cache::Kept;

impl Library {
    /// The saved article whose source or own URL is `url`, if any (the
    /// most recently saved when two match).
    pub fn find_url(&self, url: &str) -> Result<Option<i64>> {
        let key = url_key(url);
        self.conn
            .query_row(
                "SELECT id FROM articles WHERE url_key = ?1 OR source = ?2 ORDER BY saved_at DESC, id DESC
                 LIMIT 1",
                rusqlite::params![key, url],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.read_error(&e))
    }

    /// The original bytes saved for `url`, as the page cache would give
    /// them: the URL they came from, their media type, and when they were
    /// saved (or last refreshed).
    pub fn saved_page(&self, url: &str) -> Result<Option<Kept>> {
        let Some(id) = self.find_url(url)? else { return Ok(None) };
        let updated_at: i64 = self
            .conn
            .query_row("SELECT updated_at FROM articles WHERE id = ?1", [id], |row| row.get(0))
            .map_err(|e| self.read_error(&e))?;
        let (bytes, recipe, _) = self.original(id)?;
        let Recipe { url: final_url, content_type, .. } = recipe;
        Ok(Some(Kept {
            bytes,
            final_url: final_url.unwrap_or_else(|| url.to_owned()),
            content_type,
            fetched_at: u64::try_from(updated_at).unwrap_or(0),
        }))
    }
}

/// The library at a path, as the loader's [`SavedPages`]. Each lookup
/// opens the file for its own moment (a connection is not shared between
/// the threads that load pages); a library that is not there yet is never
/// created by a lookup, and one that cannot be read is logged and skipped:
/// the page then comes from the network or the cache as if never saved.
#[derive(Debug, Clone)]
pub struct SavedIn {
    path: PathBuf,
}

impl SavedIn {
    /// Saved pages in the library file at `path`.
    #[must_use]
    pub fn new(path: PathBuf) -> Self {
        Self { path }
    }

    /// The library file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl SavedPages for SavedIn {
    fn saved_page(&self, url: &str) -> Option<Kept> {
        if !self.path.is_file() {
            return None;
        }
        let found = Library::open(&self.path).and_then(|library| library.saved_page(url));
        found.unwrap_or_else(|error| {
            tracing::warn!(url, library = %self.path.display(), %error, "could not look in the library");
            None
        })
    }
}
