//! The reader's state in the library (where it stopped, as anchors that
//! survive re-extraction; marks; progress; read or not), and opening an
//! article to read: a stored article that does not read back whole is
//! rebuilt from its original bytes first.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, params};

use super::rebuild::Recipe;
use super::store::{Summary, ensure_exists, to_json};
use super::{Failure, Library, time};
use crate::error::{Error, Result};
use crate::model::{Anchor, Article};

/// Where the reader stopped, as anchors that survive re-extraction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadingState {
    /// The top of the reading pane.
    pub position: Option<Anchor>,
    /// Marks a–z.
    pub marks: BTreeMap<char, Anchor>,
    /// How far it was read, in percent.
    pub progress: u8,
    /// Whether it is marked read.
    pub read: bool,
}

/// An article opened from the library.
#[derive(Debug, Clone)]
pub struct Opened {
    /// Its listing.
    pub summary: Summary,
    /// The article.
    pub article: Article,
    /// Where the reader stopped.
    pub state: ReadingState,
}

impl Library {
    /// Marks an article read or unread.
    pub fn set_read(&mut self, id: i64, read: bool) -> Result<()> {
        self.write(|tx| {
            ensure_exists(tx, id)?;
            tx.execute("UPDATE articles SET read = ?2 WHERE id = ?1", params![id, read])?;
            Ok(())
        })
    }

    /// Records where the reader is. `finished` (the end was on screen)
    /// marks the article read; nothing marks it unread but the user.
    pub fn save_reading(&mut self, id: i64, state: &ReadingState, finished: bool) -> Result<()> {
        let position = state.position.as_ref().map(|a| to_json(self, a)).transpose()?;
        let marks: BTreeMap<String, Anchor> = state.marks.iter().map(|(k, a)| (k.to_string(), *a)).collect();
        let marks = to_json(self, &marks)?;
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE articles SET position = ?2, marks = ?3, progress = ?4,
                 read = CASE WHEN ?5 THEN 1 ELSE read END WHERE id = ?1",
                params![id, position, marks, state.progress.min(100), finished],
            )?;
            if changed == 0 {
                return Err(Failure::Other(Error::NotInLibrary { id }));
            }
            Ok(())
        })
    }

    /// Opens an article for reading: the article, its listing and where the
    /// reader stopped; records the time. A stored article that does not
    /// read back whole is rebuilt from its bytes first.
    pub fn open_article(&mut self, id: i64) -> Result<Opened> {
        let article = self.stored_article(id)?;
        let state = self.reading_state(id)?;
        let now = time::now();
        self.write(|tx| {
            tx.execute("UPDATE articles SET opened_at = ?2 WHERE id = ?1", params![id, now])?;
            Ok(())
        })?;
        let summary = self.summary(id)?;
        Ok(Opened { summary, article, state })
    }

    /// The stored article, rebuilt from its bytes (and stored again) when
    /// the stored JSON is unreadable or unsound.
    pub fn stored_article(&mut self, id: i64) -> Result<Article> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM documents WHERE article_id = ?1", [id], |row| row.get(0))
            .optional()
            .map_err(|e| self.read_error(&e))?;
        let json = json.ok_or(Error::NotInLibrary { id })?;
        if let Ok(article) = serde_json::from_str::<Article>(&json)
            && super::rebuild::is_sound(&article)
        {
            return Ok(article);
        }
        // `replace` keeps the reading state and reads nothing back, so this
        // cannot come round again.
        let (bytes, recipe, source) = self.original(id)?;
        let (article, _) = super::rebuild::rebuild(bytes, &recipe, &source)?;
        self.replace(id, &article, &recipe)?;
        Ok(article)
    }

    /// The original bytes, how to extract them, and the source's name.
    pub fn original(&self, id: i64) -> Result<(Vec<u8>, Recipe, String)> {
        let found: Option<(Vec<u8>, String, String)> = self
            .conn
            .query_row(
                "SELECT s.bytes, s.recipe, a.source FROM sources s JOIN articles a ON a.id = s.article_id
                 WHERE s.article_id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()
            .map_err(|e| self.read_error(&e))?;
        let (bytes, recipe, source) = found.ok_or(Error::NotInLibrary { id })?;
        // An unreadable recipe still leaves the bytes, sniffed afresh.
        let recipe = serde_json::from_str(&recipe).unwrap_or_default();
        Ok((bytes, recipe, source))
    }

    /// Where the reader stopped in an article.
    pub fn reading_state(&self, id: i64) -> Result<ReadingState> {
        let found: Option<(Option<String>, Option<String>, i64, bool)> = self
            .conn
            .query_row("SELECT position, marks, progress, read FROM articles WHERE id = ?1", [id], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })
            .optional()
            .map_err(|e| self.read_error(&e))?;
        let (position, marks, progress, read) = found.ok_or(Error::NotInLibrary { id })?;
        let position = position.and_then(|p| serde_json::from_str(&p).ok());
        let marks: BTreeMap<String, Anchor> =
            marks.and_then(|m| serde_json::from_str(&m).ok()).unwrap_or_default();
        let marks = marks
            .into_iter()
            .filter_map(|(k, a)| k.chars().next().filter(char::is_ascii_lowercase).map(|c| (c, a)))
            .collect();
        Ok(ReadingState { position, marks, progress: progress.clamp(0, 100) as u8, read })
    }
}
