//! The article's head, shown above its text as readers do: the title
//! wrapped whole, the credits (author, site, date) with the reading time,
//! and the address. The head belongs to no block (block ids, anchors and
//! saved positions are the body's), so the flow shows its rows before
//! block 0's, followed by a blank line.

use super::text::truncate;
use crate::model::Article;

/// Words read in a minute, for the reading time: the usual figure for
/// reading on a screen.
const WORDS_PER_MINUTE: usize = 230;

/// Widest a part of the head may be, in columns: a page whose unclosed
/// `<title>` swallowed its text must not fill screens with its head.
const MAX_PART_COLS: usize = 400;

/// What a line of the head shows, so that the view can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadKind {
    /// The title.
    Title,
    /// Author, site, date and reading time.
    Credits,
    /// The article's address.
    Address,
}

/// One display line of the head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadLine {
    /// What it shows.
    pub kind: HeadKind,
    /// Its text, at most the flow's width.
    pub text: Box<str>,
}

/// The head's parts, before wrapping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    parts: Vec<(HeadKind, String)>,
}

impl Head {
    /// The head of `article`; the reading time only when the whole article
    /// is there (a preview of a large file would understate it).
    #[must_use]
    pub fn of(article: &Article, complete: bool) -> Self {
        let meta = article.meta();
        let mut parts = Vec::new();
        if let Some(title) = meta.title.as_deref().filter(|t| !t.trim().is_empty()) {
            parts.push((HeadKind::Title, truncate(title, MAX_PART_COLS)));
        }
        let mut credits = meta.credits().join(" · ");
        if complete && let Some(minutes) = reading_minutes(article) {
            if !credits.is_empty() {
                credits.push_str(" · ");
            }
            credits.push_str(&format!("{minutes} min read"));
        }
        if !credits.is_empty() {
            parts.push((HeadKind::Credits, truncate(&credits, MAX_PART_COLS)));
        }
        if let Some(url) = meta.url.as_deref().filter(|u| !u.trim().is_empty()) {
            parts.push((HeadKind::Address, url.to_owned()));
        }
        Self { parts }
    }

    /// Whether there is nothing to show.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The head's lines at `width_cols`: title and credits wrapped between
    /// words, the address on one line (cut with "…": it is for reading, `o`
    /// and the links list open it).
    pub(super) fn wrap(&self, width_cols: usize) -> Vec<HeadLine> {
        let mut lines = Vec::new();
        for (kind, text) in &self.parts {
            if *kind == HeadKind::Address {
                lines.push(HeadLine { kind: *kind, text: truncate(text, width_cols).into() });
                continue;
            }
            let mut pieces = Vec::new();
            super::wrap::word_lines(text, width_cols, &mut pieces);
            for (range, hyphen) in pieces {
                let mut line = text[range].to_owned();
                if hyphen {
                    line.push('-');
                }
                lines.push(HeadLine { kind: *kind, text: line.into() });
            }
        }
        lines
    }
}

/// Minutes to read the body at [`WORDS_PER_MINUTE`], rounded up; `None`
/// for an empty body.
fn reading_minutes(article: &Article) -> Option<usize> {
    let words = article.word_count();
    (words > 0).then(|| words.div_ceil(WORDS_PER_MINUTE))
}

#[cfg(test)]
mod tests;
