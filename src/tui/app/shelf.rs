//! The library screen's state and commands: the list of saved articles, the
//! filter typed with `/` (a full-text search on the library's thread as
//! you type, newest results winning), tags, read marks, deletion after a
//! question, and opening an article where the reader stopped.

use std::collections::HashMap;

use super::doc::ListState;
use super::{App, Effect, Status};
use crate::library::Summary;
use crate::tui::action::{Action, Command};
use crate::tui::jobs::{JobRequest, LibraryOp};
use crate::tui::keymap::Mode;

/// What the line at the bottom is being typed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinePurpose {
    /// The filter; Esc goes back to the one before.
    Filter {
        /// The filter before typing began.
        before: String,
    },
    /// An article's tags, separated by commas.
    Tags {
        /// The article.
        id: i64,
    },
}

/// The line being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShelfLine {
    /// What for.
    pub purpose: LinePurpose,
    /// What was typed.
    pub text: String,
}

/// The library screen.
#[derive(Debug, Clone, Default)]
pub struct Shelf {
    /// Every article, newest first.
    pub entries: Vec<Summary>,
    /// The rows shown: indices into `entries`, in the filter's order.
    pub shown: Vec<usize>,
    /// Selection and scroll.
    pub list: ListState,
    /// The filter applied (as typed).
    pub filter: String,
    /// The line being typed, if any.
    pub line: Option<ShelfLine>,
    /// The article whose deletion awaits an answer.
    pub confirm: Option<i64>,
    /// Whether the screen shows (no article opened from it on top).
    pub visible: bool,
    /// Generation of the last filter asked for.
    pub generation: u64,
    /// Whether its results are still to come.
    pub waiting: bool,
}

impl Shelf {
    /// The screen on `entries`, unfiltered.
    #[must_use]
    pub fn new(entries: Vec<Summary>) -> Self {
        let shown = (0..entries.len()).collect();
        Self { entries, shown, visible: true, ..Self::default() }
    }

    /// The selected article.
    #[must_use]
    pub fn selected(&self) -> Option<&Summary> {
        self.shown.get(self.list.selected).and_then(|&at| self.entries.get(at))
    }

    /// The article with this id.
    pub fn entry_mut(&mut self, id: i64) -> Option<&mut Summary> {
        self.entries.iter_mut().find(|entry| entry.id == id)
    }

    /// Shows the articles `ids`, in that order (ids not listed are left out).
    pub fn show_ids(&mut self, ids: &[i64]) {
        let at: HashMap<i64, usize> = self.entries.iter().enumerate().map(|(at, e)| (e.id, at)).collect();
        self.shown = ids.iter().filter_map(|id| at.get(id).copied()).collect();
        self.list = ListState::default();
    }

    /// Shows every article, keeping the selected one selected.
    pub fn show_all(&mut self) {
        let selected = self.selected().map(|s| s.id);
        self.shown = (0..self.entries.len()).collect();
        self.list.selected =
            selected.and_then(|id| self.entries.iter().position(|e| e.id == id)).unwrap_or(0);
    }

    /// Replaces the list (after a save or a reload), keeping the filter's
    /// order for the articles still there and the selection on its article.
    pub fn replace(&mut self, entries: Vec<Summary>) {
        let shown_ids: Vec<i64> =
            self.shown.iter().filter_map(|&at| self.entries.get(at)).map(|e| e.id).collect();
        let selected = self.selected().map(|s| s.id);
        let filtered = !self.filter.is_empty();
        self.entries = entries;
        if filtered {
            self.show_ids(&shown_ids);
        } else {
            self.shown = (0..self.entries.len()).collect();
        }
        self.list.selected = selected
            .and_then(|id| self.shown.iter().position(|&at| self.entries.get(at).is_some_and(|e| e.id == id)))
            .unwrap_or(0);
    }

    /// Adds or updates one article (newly saved ones go first).
    pub fn upsert(&mut self, summary: Summary) {
        let mut entries = std::mem::take(&mut self.entries);
        entries.retain(|e| e.id != summary.id);
        entries.insert(0, summary);
        let filtered = !self.filter.is_empty();
        self.replace(entries);
        if !filtered {
            self.list.selected = 0;
        }
    }

    /// Removes an article.
    pub fn remove(&mut self, id: i64) {
        let mut entries = std::mem::take(&mut self.entries);
        entries.retain(|e| e.id != id);
        let keep = self.list.selected;
        self.replace(entries);
        self.list.selected = keep.min(self.shown.len().saturating_sub(1));
    }

    /// How many articles are not marked read.
    #[must_use]
    pub fn unread(&self) -> usize {
        self.entries.iter().filter(|e| !e.read).count()
    }
}

/// Rows of the list: the screen without its title and status lines.
#[must_use]
pub fn list_rows(rows: u16) -> usize {
    usize::from(rows.saturating_sub(2)).max(1)
}

impl App {
    /// Keeps the library's selection in the list and on screen.
    pub(super) fn settle_shelf(&mut self) {
        let rows = list_rows(self.size.1);
        if let Some(screen) = &mut self.shelf {
            let len = screen.shown.len();
            let selected = screen.list.selected;
            screen.list.clamp(len, rows, selected);
        }
    }

    /// The keys the help lists first: the library's on its screen.
    #[must_use]
    pub fn help_first(&self) -> Mode {
        if self.shelf_visible() { Mode::Library } else { Mode::Reader }
    }

    /// Whether the library screen shows.
    #[must_use]
    pub fn shelf_visible(&self) -> bool {
        self.shelf.as_ref().is_some_and(|s| s.visible)
    }

    /// Where keys go while the library screen shows.
    pub(super) fn shelf_mode(&self) -> Option<Mode> {
        let screen = self.shelf.as_ref().filter(|s| s.visible)?;
        Some(if screen.confirm.is_some() {
            Mode::Confirm
        } else if screen.line.is_some() {
            Mode::Search
        } else if self.help.is_some() {
            Mode::Help
        } else {
            Mode::Library
        })
    }

    fn library(&mut self, op: LibraryOp) -> Effect {
        let generation = self.next_generation();
        Effect::Spawn(JobRequest::Library { generation, op })
    }

    /// A command of the library screen.
    pub(super) fn shelf_command(&mut self, command: Command) -> Vec<Effect> {
        let rows = list_rows(self.size.1);
        let Some(screen) = self.shelf.as_mut() else { return Vec::new() };
        let list = &mut screen.list;
        if let Some(to) = list.moved(&command, rows.saturating_sub(1), screen.shown.len()) {
            list.selected = to;
        }
        match command.action {
            Action::Select => {
                if let Some(id) = screen.selected().map(|s| s.id) {
                    self.say("opening…");
                    return vec![self.library(LibraryOp::Open { id })];
                }
            }
            Action::Search => {
                let before = screen.filter.clone();
                screen.line =
                    Some(ShelfLine { text: before.clone(), purpose: LinePurpose::Filter { before } });
            }
            Action::Cancel if !screen.filter.is_empty() => {
                screen.filter.clear();
                screen.waiting = false;
                screen.show_all();
            }
            Action::ToggleRead => {
                if let Some(entry) = screen.selected().map(|s| (s.id, s.read)) {
                    let (id, read) = (entry.0, !entry.1);
                    if let Some(summary) = screen.entry_mut(id) {
                        summary.read = read;
                    }
                    self.say(if read { "marked read" } else { "marked unread" });
                    return vec![self.library(LibraryOp::SetRead { id, read })];
                }
            }
            Action::Tag => {
                if let Some((id, tags)) = screen.selected().map(|s| (s.id, s.tags.join(", "))) {
                    screen.line = Some(ShelfLine { text: tags, purpose: LinePurpose::Tags { id } });
                }
            }
            Action::Delete => screen.confirm = screen.selected().map(|s| s.id),
            Action::Help => self.help = Some(0),
            Action::Redraw => return vec![Effect::Redraw],
            Action::Suspend => return vec![Effect::Suspend],
            Action::Quit => return vec![Effect::Quit],
            _ => {}
        }
        Vec::new()
    }

    /// A character typed in the library's line.
    pub(super) fn shelf_insert(&mut self, c: char) -> Vec<Effect> {
        let Some(line) = self.shelf.as_mut().and_then(|s| s.line.as_mut()) else { return Vec::new() };
        line.text.push(c);
        self.shelf_line_changed()
    }

    /// A command of the library's line (Enter, Esc, Backspace, Ctrl-u).
    pub(super) fn shelf_line_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(screen) = self.shelf.as_mut() else { return Vec::new() };
        let Some(line) = screen.line.as_mut() else { return Vec::new() };
        match command.action {
            Action::DeleteChar if line.text.is_empty() => return self.shelf_line_cancel(),
            Action::DeleteChar => {
                line.text.pop();
                return self.shelf_line_changed();
            }
            Action::ClearInput => {
                line.text.clear();
                return self.shelf_line_changed();
            }
            Action::Confirm => {
                let Some(line) = screen.line.take() else { return Vec::new() };
                if let LinePurpose::Tags { id } = line.purpose {
                    let tags: Vec<String> = line.text.split(',').map(str::to_owned).collect();
                    return vec![self.library(LibraryOp::SetTags { id, tags })];
                }
            }
            Action::Cancel | Action::Quit => return self.shelf_line_cancel(),
            _ => {}
        }
        Vec::new()
    }

    fn shelf_line_cancel(&mut self) -> Vec<Effect> {
        let Some(line) = self.shelf.as_mut().and_then(|s| s.line.take()) else { return Vec::new() };
        match line.purpose {
            LinePurpose::Filter { before } => self.shelf_filter(before),
            LinePurpose::Tags { .. } => Vec::new(),
        }
    }

    /// After the line changed: a filter is searched at once.
    fn shelf_line_changed(&mut self) -> Vec<Effect> {
        match self.shelf.as_ref().and_then(|s| s.line.as_ref()) {
            Some(ShelfLine { purpose: LinePurpose::Filter { .. }, text }) => {
                let text = text.clone();
                self.shelf_filter(text)
            }
            _ => Vec::new(),
        }
    }

    /// Filters the list by `query` (every article for an empty one).
    fn shelf_filter(&mut self, query: String) -> Vec<Effect> {
        let generation = self.next_generation();
        let Some(screen) = self.shelf.as_mut() else { return Vec::new() };
        screen.generation = generation;
        if query.trim().is_empty() {
            screen.filter.clear();
            screen.waiting = false;
            screen.show_all();
            return Vec::new();
        }
        screen.filter.clone_from(&query);
        screen.waiting = true;
        vec![Effect::Spawn(JobRequest::Library { generation, op: LibraryOp::Filter { query } })]
    }

    /// The answer to "delete?": yes deletes, anything else keeps it.
    pub(super) fn confirm_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(id) = self.shelf.as_mut().and_then(|s| s.confirm.take()) else { return Vec::new() };
        if command.action == Action::Confirm {
            self.say("deleting…");
            return vec![self.library(LibraryOp::Delete { id })];
        }
        self.say("kept");
        Vec::new()
    }

    /// The line the status row shows for the library, if any: the question
    /// asked, or a message.
    #[must_use]
    pub fn shelf_question(&self) -> Option<Status> {
        let screen = self.shelf.as_ref()?;
        let id = screen.confirm?;
        let title =
            screen.entries.iter().find(|e| e.id == id).and_then(|e| e.title.clone()).unwrap_or_default();
        Some(Status { text: format!("Delete “{title}” from the library? (y/n)"), error: false })
    }
}
