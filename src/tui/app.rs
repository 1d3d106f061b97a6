//! The reader's state and its update function.

use super::action::Action;
use crate::layout::{self, Wrapped};
use crate::model::Article;

/// Whether the loop goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Keep running.
    Continue,
    /// Leave the reader.
    Quit,
}

/// Everything the reader shows.
pub struct App {
    /// The article being read.
    pub article: Article,
    /// The article wrapped at the current width.
    pub wrapped: Wrapped,
    /// Index of the top line of the article pane.
    pub top_line: usize,
    /// Rows of the article pane at the last draw.
    pub viewport_rows: usize,
}

impl App {
    /// A reader at the top of `article`.
    #[must_use]
    pub fn new(article: Article) -> Self {
        Self { article, wrapped: Wrapped::default(), top_line: 0, viewport_rows: 1 }
    }

    /// Re-wraps when the pane width changed.
    pub fn fit(&mut self, width_cols: usize, rows: usize) {
        if self.wrapped.width_cols != width_cols || self.wrapped.lines.is_empty() {
            self.wrapped = layout::wrap_article(&self.article, width_cols);
        }
        self.viewport_rows = rows.max(1);
        self.top_line = self.top_line.min(self.max_top());
    }

    fn max_top(&self) -> usize {
        self.wrapped.lines.len().saturating_sub(self.viewport_rows)
    }

    /// Applies an action.
    pub fn update(&mut self, action: Action) -> Flow {
        let page = self.viewport_rows.saturating_sub(2).max(1);
        self.top_line = match action {
            Action::Down => self.top_line + 1,
            Action::Up => self.top_line.saturating_sub(1),
            Action::PageDown => self.top_line + page,
            Action::PageUp => self.top_line.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            Action::Quit => return Flow::Quit,
        }
        .min(self.max_top());
        Flow::Continue
    }
}
