//! User intents. Keys map to actions; the app never sees key codes.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the user wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Scroll down one line.
    Down,
    /// Scroll up one line.
    Up,
    /// Scroll down one page.
    PageDown,
    /// Scroll up one page.
    PageUp,
    /// Go to the start.
    Top,
    /// Go to the end.
    Bottom,
    /// Leave the reader.
    Quit,
}

/// The action bound to a key, if any.
#[must_use]
pub fn from_key(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Action::Quit,
        KeyCode::Char('j') | KeyCode::Down => Action::Down,
        KeyCode::Char('k') | KeyCode::Up => Action::Up,
        KeyCode::Char(' ' | 'f') | KeyCode::PageDown => Action::PageDown,
        KeyCode::Char('b') | KeyCode::PageUp => Action::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::Char('q') => Action::Quit,
        _ => return None,
    })
}
