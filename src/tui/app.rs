//! The reader's state and its update function. [`App`] owns all UI state as
//! plain values; [`App::update`] applies one message and returns the side
//! effects for the loop to perform (it never does I/O). Scrolling is clamped
//! here, with the viewport from the last resize. Per-area logic lives in the
//! submodules: `doc` (one document), `navigate` (next/previous), `jumps`
//! (lines, marks, the jump list), `panels`, `search`, `reader_commands`
//! (the article's and the help screen's commands), `results` (what the
//! worker sends back), `shelf` (the library screen) and `saving` (saving
//! articles and reading positions to the library).

mod cite;
mod doc;
mod elsewhere;
mod jumps;
mod links;
mod navigate;
mod panels;
mod reader_commands;
mod results;
mod saving;
mod search;
mod shelf;

use std::sync::Arc;

use crossterm::event::{KeyEvent, KeyEventKind, MouseEvent};

pub use cite::{CopyTo, citation};
pub use doc::{Doc, Jumps, ListState, LoadState, QuoteList, SearchState, Target, Viewport, Visit};
pub use elsewhere::{Elsewhere, QuoteToOpen};
pub use links::{LinkTarget, Opening, Origin, resolve};
pub use navigate::Direction;
pub use saving::Shelved;
pub use search::SearchInput;
pub use shelf::{LinePurpose, Shelf, ShelfLine, list_rows};

use super::action::Command;
use super::jobs::{JobDone, JobRequest};
use super::keymap::{Key, Keymap, Mode, Pending, Resolution};
use super::theme::Theme;
use super::view::Geometry;
use crate::model::Article;

/// What has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article pane.
    Article,
    /// One of the panels.
    Panel(Panel),
}

/// The panels, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// The article's sections.
    Sections,
    /// The people and bodies quoted.
    Speakers,
    /// The quotes.
    Quotes,
}

impl Panel {
    /// All panels, top to bottom.
    pub const ALL: [Self; 3] = [Self::Sections, Self::Speakers, Self::Quotes];

    /// Position in [`Panel::ALL`] (and in `Doc::lists`).
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Whether the panels show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PanelsShown {
    /// Beside the article on a wide terminal (toggled with `p`).
    pub beside: bool,
    /// Over the article on a narrow terminal.
    pub overlay: bool,
    /// Where the panels were shown only because Tab moved the focus into
    /// them: hidden there again when the focus leaves (and only there: the
    /// terminal may have been resized between).
    pub by_focus: Option<Placement>,
}

/// Where panels show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Beside the article.
    Beside,
    /// Over the article.
    Overlay,
}

/// A one-line message in the status line, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
}

/// Reader settings from the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Widest the text gets, in columns.
    pub reading_width_cols: u16,
    /// Whether mouse events are captured.
    pub mouse: bool,
    /// Whether byline runs over SSH (`SSH_CONNECTION` set): a browser
    /// started here would open on the server, so links are copied instead.
    pub over_ssh: bool,
    /// How `y` and `Y` copy.
    pub copy: CopyTo,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            reading_width_cols: crate::config::DEFAULT_READING_WIDTH_COLS,
            mouse: false,
            over_ssh: false,
            copy: CopyTo::Osc52,
        }
    }
}

/// What the app is told.
#[derive(Debug)]
pub enum Msg {
    /// A key press.
    Key(KeyEvent),
    /// A command (what a key resolves to; tests send these directly).
    Command(Command),
    /// The terminal's new size.
    Resize {
        /// Columns.
        cols: u16,
        /// Rows.
        rows: u16,
    },
    /// A mouse event (only when enabled).
    Mouse(MouseEvent),
    /// A finished job.
    Job(JobDone),
    /// A document being opened has received this many bytes.
    Progress {
        /// The generation of the open request.
        generation: u64,
        /// Bytes received so far.
        bytes: u64,
    },
    /// The session ended.
    Hangup,
    /// The process was continued after a stop.
    Continued,
}

/// What the loop must do after an update.
#[derive(Debug)]
pub enum Effect {
    /// Leave the reader.
    Quit,
    /// Redraw the whole screen.
    Redraw,
    /// Suspend the process (Ctrl-z).
    Suspend,
    /// Re-apply terminal modes after an outside stop, and redraw.
    Reapply,
    /// Run a job on the worker.
    Spawn(JobRequest),
    /// Hand an address to the browser (or the system's opener).
    OpenExternal(String),
    /// Copy text to the clipboard of the terminal's computer (OSC 52).
    Copy(String),
}

/// All UI state.
#[derive(Debug)]
pub struct App {
    /// Open documents; the last is shown. Never empty.
    pub docs: Vec<Doc>,
    /// Key bindings.
    pub keymap: Keymap,
    /// Styles.
    pub theme: Theme,
    /// Reader settings.
    pub settings: Settings,
    /// Terminal size: columns and rows.
    pub size: (u16, u16),
    /// What has the focus.
    pub focus: Focus,
    /// Whether the panels show.
    pub panels: PanelsShown,
    /// The help screen's scroll offset, when it is open.
    pub help: Option<usize>,
    /// Keys typed that do not yet make a command.
    pub pending: Pending,
    /// The search line, while typing a search.
    pub input: Option<SearchInput>,
    /// A message for the status line.
    pub status: Option<Status>,
    /// The links list's selection, while it is open.
    pub links: Option<ListState>,
    /// A document being opened (a link followed).
    pub opening: Option<Opening>,
    /// The library screen, when byline was started on the library.
    pub shelf: Option<Shelf>,
    /// A speaker's quotes in the other saved articles, while listed.
    pub elsewhere: Option<Elsewhere>,
    /// The latest request for such a list (older answers are dropped).
    elsewhere_generation: u64,
    /// An article being opened from that list, and at which quote.
    quote_to_open: Option<QuoteToOpen>,
    generation: u64,
}

impl App {
    /// A reader on `article`, which is complete unless `load` says otherwise.
    #[must_use]
    pub fn new(article: Article, load: LoadState, keymap: Keymap, theme: Theme, settings: Settings) -> Self {
        Self {
            docs: vec![Doc::new(Arc::new(article), load)],
            keymap,
            theme,
            settings,
            size: (80, 24),
            focus: Focus::Article,
            panels: PanelsShown { beside: true, overlay: false, by_focus: None },
            help: None,
            pending: Pending::default(),
            input: None,
            status: None,
            links: None,
            opening: None,
            shelf: None,
            elsewhere: None,
            elsewhere_generation: 0,
            quote_to_open: None,
            generation: 0,
        }
    }

    /// The document shown.
    #[must_use]
    pub fn doc(&self) -> &Doc {
        &self.docs[self.docs.len() - 1]
    }

    /// The document shown, mutably.
    pub fn doc_mut(&mut self) -> &mut Doc {
        let last = self.docs.len() - 1;
        &mut self.docs[last]
    }

    /// Opens another document on top of the current one (Backspace returns).
    pub fn push_document(&mut self, article: Article) {
        self.docs.push(Doc::new(Arc::new(article), LoadState::Ready));
        self.focus = Focus::Article;
        self.input = None;
        self.links = None;
        self.elsewhere = None;
        // A list asked for on the document below would not belong here.
        self.elsewhere_generation = 0;
        self.settle();
    }

    /// A fresh generation number for a job.
    pub fn next_generation(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }

    /// Where the keys go now.
    #[must_use]
    pub fn mode(&self) -> Mode {
        if let Some(mode) = self.shelf_mode() {
            return mode;
        }
        if self.input.is_some() {
            Mode::Search
        } else if self.help.is_some() {
            Mode::Help
        } else if self.links.is_some() || self.elsewhere.is_some() {
            // The list of quotes elsewhere is a list like the links': it
            // takes the same keys.
            Mode::Links
        } else if self.focus == Focus::Article {
            Mode::Reader
        } else {
            Mode::Panel
        }
    }

    /// Whether the terminal is wide enough for panels beside the article.
    #[must_use]
    pub fn is_wide(&self) -> bool {
        self.size.0 >= Geometry::WIDE_COLS
    }

    /// Whether the panels are on screen.
    #[must_use]
    pub fn panels_visible(&self) -> bool {
        if self.is_wide() { self.panels.beside } else { self.panels.overlay }
    }

    /// The screen's areas for the current state.
    #[must_use]
    pub fn geometry(&self) -> Geometry {
        Geometry::of(self)
    }

    /// The article pane's text column.
    #[must_use]
    pub fn viewport(&self) -> Viewport {
        let text = self.geometry().text;
        Viewport { width_cols: usize::from(text.width).max(1), rows: usize::from(text.height) }
    }

    /// Applies one message; returns what the loop must do.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut effects = match msg {
            Msg::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
            Msg::Key(key) => self.key(Key::from(key)),
            Msg::Command(command) => self.command(command),
            Msg::Resize { cols, rows } => {
                self.size = (cols, rows);
                Vec::new()
            }
            Msg::Mouse(event) => self.mouse(event),
            Msg::Job(done) => self.job_done(done),
            Msg::Progress { generation, bytes } => {
                self.opening_progress(generation, bytes);
                Vec::new()
            }
            Msg::Hangup => vec![Effect::Quit],
            Msg::Continued => vec![Effect::Reapply],
        };
        self.settle();
        // Library articles keep their place: after every jump, and before
        // quitting (the loop waits for these writes before it exits).
        if effects.iter().any(|effect| matches!(effect, Effect::Quit)) {
            let all: Vec<usize> = (0..self.docs.len()).collect();
            let mut saves = self.save_positions(&all, true);
            saves.append(&mut effects);
            effects = saves;
        } else {
            let top = self.docs.len() - 1;
            effects.extend(self.save_positions(&[top], false));
        }
        effects
    }

    fn key(&mut self, key: Key) -> Vec<Effect> {
        let pending = std::mem::take(&mut self.pending);
        match self.keymap.resolve(self.mode(), pending, key) {
            Resolution::Command(command) => {
                self.status = None;
                self.command(command)
            }
            Resolution::Pending(next) => {
                self.pending = next;
                Vec::new()
            }
            Resolution::Insert(c) if self.shelf_visible() => self.shelf_insert(c),
            Resolution::Insert(c) => self.search_insert(c),
            // A yes-or-no question: any other key is no.
            Resolution::Nothing if self.mode() == Mode::Confirm => {
                self.confirm_command(Command::new(super::action::Action::Cancel, Mode::Confirm))
            }
            Resolution::Nothing => Vec::new(),
        }
    }

    /// Runs one command.
    pub fn command(&mut self, command: Command) -> Vec<Effect> {
        match command.scope {
            Mode::Help => self.help_command(command),
            Mode::Links if self.elsewhere.is_some() => self.elsewhere_command(command),
            Mode::Links => self.links_command(command),
            Mode::Search if self.shelf_visible() => self.shelf_line_command(command),
            Mode::Search => self.search_command(command),
            Mode::Library => self.shelf_command(command),
            Mode::Confirm => self.confirm_command(command),
            Mode::Panel => self.panel_command(command),
            Mode::Reader => self.reader_command(command),
        }
    }

    /// Shows a message until the next key.
    pub fn say(&mut self, text: &str) {
        self.status = Some(Status { text: text.to_owned(), error: false });
    }

    fn fail(&mut self, text: &str) {
        self.status = Some(Status { text: text.to_owned(), error: true });
    }

    /// Wraps ahead of the reader (after a frame is drawn: see
    /// [`Doc::prefetch`]).
    pub fn prefetch(&mut self) {
        let vp = self.viewport();
        self.doc_mut().prefetch(vp);
    }

    /// Clamps everything to the current size: the article's top, the panels'
    /// selections and offsets, the help's scroll.
    pub fn settle(&mut self) {
        if self.focus != Focus::Article && !self.panels_visible() {
            self.focus = Focus::Article;
        }
        let vp = self.viewport();
        self.doc_mut().settle(vp);
        self.settle_panels();
        self.settle_links();
        self.settle_elsewhere();
        self.settle_shelf();
        if let (Some(offset), Some(area)) = (self.help, self.geometry().help) {
            let lines = super::view::help::line_count(
                &self.keymap,
                usize::from(area.width.saturating_sub(2)),
                self.help_first(),
            );
            let visible = usize::from(area.height.saturating_sub(2)).max(1);
            self.help = Some(offset.min(lines.saturating_sub(visible)));
        }
    }
}

#[cfg(test)]
mod tests;
