//! The offline library: one SQLite file (rusqlite, bundled: nothing to
//! install) holding every saved article with what is needed to rebuild it.
//!
//! Per article: where it came from, its original bytes and how to extract
//! them again ([`Recipe`]), the extracted [`Article`](crate::model::Article)
//! as JSON, the reader's state (position and marks as anchors, progress,
//! read) and tags. Derived from the article, and rebuilt whenever it is:
//! a full-text index (FTS5) over title, byline, text, speakers and quotes,
//! and the speakers and quotes in tables of their own, so that questions
//! across the library ("what has this person said?") are index lookups.
//!
//! Durability: WAL, every change one transaction (`BEGIN IMMEDIATE`, so a
//! writer waits for another instead of failing half-way), a busy timeout
//! and retries for two processes at once, forward-only migrations
//! ([`schema`]). All SQL lives here and in the submodules; nothing else in
//! the crate knows the database.

mod index;
mod pages;
mod people;
mod persons;
mod query;
mod reading;
mod rebuild;
pub mod schema;
mod search;
mod store;
pub mod time;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

pub use pages::SavedIn;
pub use people::{QuoteFilter, QuoteRow, SpeakerRow, Wanted, article_quotes};
pub use persons::{Person, merge_people};
pub use reading::{Opened, ReadingState};
pub use rebuild::{Hints, Prepared, Recipe, prepare, rebuild};
pub use search::{
    Hit, MATCH_END, MATCH_START, Query, QuoteHit, SearchOptions, Term, highlights, mark_matches, parse_query,
};
pub use store::{ListFilter, Outcome, Saved, Summary};

use crate::error::{Error, Result};

/// The environment variable that names the library file.
pub const LIBRARY_ENV: &str = "BYLINE_LIBRARY";

/// The library's file name inside byline's data directory.
pub const FILE_NAME: &str = "library.db";

/// How long a write waits for another process's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Attempts at a write transaction that keeps finding the library busy.
const WRITE_ATTEMPTS: u32 = 4;

/// The library file to use: `explicit` (`--library`), else
/// `$BYLINE_LIBRARY`, else `configured` (the config file's `library`), else
/// `$XDG_DATA_HOME/byline/library.db`.
pub fn locate(explicit: Option<&Path>, configured: Option<&Path>) -> Result<PathBuf> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os(LIBRARY_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    if let Some(path) = configured {
        return Ok(path.to_path_buf());
    }
    default_path().ok_or_else(|| Error::Library {
        path: PathBuf::from(FILE_NAME),
        message: format!("no home or data directory to keep it in; set {LIBRARY_ENV} or use --library PATH"),
    })
}

/// `$XDG_DATA_HOME/byline/library.db` (`~/.local/share/byline/library.db`,
/// on macOS too).
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.data_dir().join("byline").join(FILE_NAME))
}

/// An open library.
#[derive(Debug)]
pub struct Library {
    conn: Connection,
    path: PathBuf,
}

/// What a write can fail with inside a transaction: SQLite, or anything
/// else (a serialisation error); both end the transaction with a rollback.
#[derive(Debug)]
enum Failure {
    Sql(rusqlite::Error),
    Other(Error),
}

impl From<rusqlite::Error> for Failure {
    fn from(error: rusqlite::Error) -> Self {
        Self::Sql(error)
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Self::Other(error)
    }
}

impl Library {
    /// Opens the library at `path`, creating it (and its directory) if
    /// needed, and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|cause| Error::Library {
                path: path.to_path_buf(),
                message: format!("cannot create its directory {}: {cause}", dir.display()),
            })?;
        }
        if path.is_dir() {
            return Err(Error::Library { path: path.to_path_buf(), message: "is a directory".into() });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| sql_error(path, &e))?;
        Self::configure(conn, path.to_path_buf())
    }

    /// A library in memory (tests, benchmarks).
    pub fn in_memory() -> Result<Self> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| sql_error(&path, &e))?;
        Self::configure(conn, path)
    }

    fn configure(conn: Connection, path: PathBuf) -> Result<Self> {
        let fail = |e: rusqlite::Error| sql_error(&path, &e);
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(fail)?;
        // WAL: readers never block the writer, and a killed process leaves
        // every committed transaction in place. NORMAL syncs at checkpoints
        // only: a crash of byline loses nothing, a power cut at most the
        // last transactions, never the file's consistency. A read-only file
        // cannot switch modes, and need not: it is only read.
        let mode: rusqlite::Result<String> =
            with_retries(|| conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0)));
        match mode {
            Ok(_) => {}
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::ReadOnly) => {}
            Err(e) => return Err(fail(e)),
        }
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(fail)?;
        let mut library = Self { conn, path };
        schema::migrate(&mut library.conn).map_err(|e| match e {
            schema::MigrateError::Sql(e) => sql_error(&library.path, &e),
            schema::MigrateError::Newer { found, known } => Error::Library {
                path: library.path.clone(),
                message: format!(
                    "written by a newer byline (schema {found}; this one knows up to {known}): upgrade byline"
                ),
            },
            schema::MigrateError::Other(message) => Error::Library { path: library.path.clone(), message },
        })?;
        Ok(library)
    }

    /// The database file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `work` in one write transaction (`BEGIN IMMEDIATE`: the write
    /// lock is taken first, so a transaction never fails half-way because
    /// another process wrote meanwhile). A busy library is retried; any
    /// error rolls everything back.
    fn write<T>(&mut self, mut work: impl FnMut(&Transaction<'_>) -> Result<T, Failure>) -> Result<T> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = (|| {
                let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let value = work(&tx)?;
                tx.commit()?;
                Ok::<T, Failure>(value)
            })();
            match result {
                Ok(value) => return Ok(value),
                Err(Failure::Sql(e)) if is_busy(&e) && attempt < WRITE_ATTEMPTS => {
                    std::thread::sleep(Duration::from_millis(25 << attempt));
                }
                Err(Failure::Sql(e)) => return Err(sql_error(&self.path, &e)),
                Err(Failure::Other(e)) => return Err(e),
            }
        }
    }

    /// Maps a failed read to the library's error.
    fn read_error(&self, error: &rusqlite::Error) -> Error {
        sql_error(&self.path, error)
    }

    /// Runs SQLite's own consistency check: `Ok(())`, or what it found.
    pub fn check_integrity(&self) -> Result<()> {
        let found: Vec<String> = (|| {
            let mut statement = self.conn.prepare("PRAGMA integrity_check")?;
            let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
            rows.collect::<rusqlite::Result<Vec<String>>>()
        })()
        .map_err(|e| self.read_error(&e))?;
        if found == ["ok"] {
            Ok(())
        } else {
            Err(Error::Library { path: self.path.clone(), message: format!("damaged: {}", found.join("; ")) })
        }
    }

    /// Writes a consistent copy of the whole library to `dest` (a single
    /// file, even while another byline writes), refusing to overwrite.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(Error::Library {
                path: dest.to_path_buf(),
                message: "already exists; choose a new file for the backup".into(),
            });
        }
        let target = dest.to_str().ok_or_else(|| Error::Library {
            path: dest.to_path_buf(),
            message: "the backup's path is not valid UTF-8".into(),
        })?;
        self.conn.execute("VACUUM INTO ?1", [target]).map_err(|e| sql_error(dest, &e))?;
        Ok(())
    }

    /// Caps the database's size at `pages` pages: what a full disk looks
    /// like to SQLite, for tests of that path.
    #[doc(hidden)]
    pub fn limit_pages_for_tests(&self, pages: u64) -> Result<()> {
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
            .map_err(|e| self.read_error(&e))
    }

    /// Refuses every write from now on, as a read-only file does (tests).
    #[doc(hidden)]
    pub fn refuse_writes_for_tests(&self) -> Result<()> {
        self.conn.pragma_update(None, "query_only", true).map_err(|e| self.read_error(&e))
    }
}

/// Retries `op` a few times while SQLite reports the database busy or
/// locked beyond its timeout (a checkpoint or recovery in another process).
fn with_retries<T>(mut op: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match op() {
            Err(e) if is_busy(&e) && attempt < WRITE_ATTEMPTS => {
                std::thread::sleep(Duration::from_millis(25 << attempt));
            }
            other => return other,
        }
    }
}

fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(error.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

/// A SQLite error in words a user can act on, naming the file.
fn sql_error(path: &Path, error: &rusqlite::Error) -> Error {
    let message = match error.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => "the disk is full; nothing was written".to_owned(),
        Some(ErrorCode::ReadOnly) => {
            "cannot write: the file or its directory is read-only; nothing was written".to_owned()
        }
        Some(ErrorCode::CannotOpen) => {
            "cannot open it: check that its directory exists and is writable".to_owned()
        }
        Some(ErrorCode::PermissionDenied) => "permission denied".to_owned(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "busy: another byline kept it locked too long; try again".to_owned()
        }
        Some(ErrorCode::NotADatabase) => "not a byline library (not an SQLite database)".to_owned(),
        Some(ErrorCode::DatabaseCorrupt) => {
            "damaged; restore a backup (see the README's \"Backing up\")".to_owned()
        }
        Some(ErrorCode::SystemIoFailure) => format!("input/output error: {error}"),
        _ => error.to_string(),
    };
    Error::Library { path: path.to_path_buf(), message }
}

#[cfg(test)]
mod tests;
