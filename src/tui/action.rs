//! User intents. Keys map to actions through the keymap (data, in
//! `assets/keymap.toml`); the app never sees a key code. The serde names
//! (`snake_case`) are what keymap and config files use.

use serde::Deserialize;

/// What the user wants to do. Which list or pane it applies to depends on
/// where the key was pressed (see [`super::keymap::Mode`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Scroll (or move the selection) down one line.
    Down,
    /// Scroll (or move the selection) up one line.
    Up,
    /// Scroll down one page.
    PageDown,
    /// Scroll up one page.
    PageUp,
    /// Scroll down half a page.
    HalfPageDown,
    /// Scroll up half a page.
    HalfPageUp,
    /// Go to the start, or to line N with a count.
    Top,
    /// Go to the end, or to line N with a count.
    Bottom,
    /// Go to N percent of the article (the count).
    Percent,
    /// Jump to the next section.
    NextSection,
    /// Jump to the previous section (or the start of this one).
    PrevSection,
    /// Jump to the next quote.
    NextQuote,
    /// Jump to the previous quote.
    PrevQuote,
    /// Jump to the next quote by the same speaker.
    NextSpeakerQuote,
    /// Jump to the previous quote by the same speaker.
    PrevSpeakerQuote,
    /// Move the focus to the next panel (the article comes after the last).
    FocusNext,
    /// Move the focus to the previous panel.
    FocusPrev,
    /// Show or hide the panels.
    TogglePanels,
    /// In a panel: jump to the selected entry.
    Select,
    /// Start a search.
    Search,
    /// Go to the next match.
    SearchNext,
    /// Go to the previous match.
    SearchPrev,
    /// In the search line: search for what was typed.
    Confirm,
    /// In the search line: delete the character before the cursor.
    DeleteChar,
    /// In the search line: delete everything typed.
    ClearInput,
    /// Walk back along the jump list.
    JumpOlder,
    /// Walk forward along the jump list.
    JumpNewer,
    /// Set a mark (the next key names it, a to z).
    SetMark,
    /// Go to a mark (the next key names it; the same key again goes back to
    /// where the last jump started).
    GotoMark,
    /// Redraw the whole screen.
    Redraw,
    /// Suspend byline (resume with `fg`).
    Suspend,
    /// Show or hide the help.
    Help,
    /// Close the innermost thing: search line, overlay or help, speaker
    /// filter, panel focus.
    Cancel,
    /// Return to the previous document (or to the library).
    PreviousDocument,
    /// Show the article's links.
    Links,
    /// In the links list: open the link (a count picks it by number) in
    /// byline, on top of this document.
    OpenLink,
    /// In the links list: hand the link to the browser (over SSH: copy it).
    OpenExternal,
    /// Save the article being read to the library.
    Save,
    /// Copy the focused quote as a citation to the clipboard (OSC 52).
    CopyQuote,
    /// Copy the article's URL to the clipboard (OSC 52).
    CopyUrl,
    /// In the speakers panel: the speaker's quotes in the other saved
    /// articles.
    QuotesElsewhere,
    /// In the library: delete the selected article (after a question).
    Delete,
    /// In the library: edit the selected article's tags.
    Tag,
    /// In the library: mark the selected article read or unread.
    ToggleRead,
    /// Close an overlay or help; from the article, quit.
    Quit,
}

impl Action {
    /// Whether the action takes a key as its argument (a mark name).
    #[must_use]
    pub fn takes_argument(self) -> bool {
        matches!(self, Self::SetMark | Self::GotoMark)
    }
}

/// An action with what came with it: a count typed before it and the key
/// that names its argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command {
    /// The action.
    pub action: Action,
    /// The count typed before it (`5` in `5j`).
    pub count: Option<usize>,
    /// The argument key (`a` in `ma`).
    pub arg: Option<char>,
    /// Where it applies: the mode whose binding matched.
    pub scope: super::keymap::Mode,
}

impl Command {
    /// `action` with no count or argument, in `scope`.
    #[must_use]
    pub fn new(action: Action, scope: super::keymap::Mode) -> Self {
        Self { action, count: None, arg: None, scope }
    }

    /// The count, or 1.
    #[must_use]
    pub fn times(&self) -> usize {
        self.count.unwrap_or(1).max(1)
    }
}
