//! The help screen, generated from the keymap: every documented action of
//! every mode, with its keys, under its group's heading. A binding whose keys
//! do not fit beside the description gets the description on the next row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::layout::text::{display_width, truncate};
use crate::tui::app::App;
use crate::tui::keymap::{Keymap, Mode};

/// Width of the keys column, in columns.
const KEYS_COLS: usize = 22;

/// One row of the help text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    /// A group heading.
    Heading(String),
    /// Keys (may be empty on a continuation row) and a description.
    Binding {
        /// The keys, joined.
        keys: String,
        /// The description.
        description: String,
    },
    /// A blank row.
    Blank,
}

/// The help text for `keymap`, laid out for `width` columns, the bindings
/// of `first` (the screen the help was opened from) before the others and
/// the help's own last, so that the bottom (`G`) says how to close it.
#[must_use]
pub fn rows(keymap: &Keymap, width: usize, first: Mode) -> Vec<HelpRow> {
    let keys_cols = KEYS_COLS.min(width / 3);
    let mut out = Vec::new();
    let others = Mode::ALL.into_iter().filter(|m| *m != first && *m != Mode::Help);
    let last = (first != Mode::Help).then_some(Mode::Help);
    for mode in std::iter::once(first).chain(others).chain(last) {
        let mut group = "";
        for entry in keymap.entries(mode) {
            let keys = keymap.keys_for(mode, entry.action);
            if keys.is_empty() {
                continue;
            }
            if entry.group != group {
                if !out.is_empty() {
                    out.push(HelpRow::Blank);
                }
                out.push(HelpRow::Heading(entry.group.clone()));
                group = &entry.group;
            }
            let keys = keys.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ");
            let lines = wrap_words(&entry.description, width.saturating_sub(keys_cols + 3).max(10));
            let mut lines = lines.into_iter();
            if display_width(&keys) < keys_cols {
                out.push(HelpRow::Binding { keys, description: lines.next().unwrap_or_default() });
            } else {
                out.push(HelpRow::Binding { keys, description: String::new() });
            }
            out.extend(lines.map(|description| HelpRow::Binding { keys: String::new(), description }));
        }
    }
    out
}

/// `text` broken between words into lines of at most `width` columns (a
/// word longer than that has a line of its own, cut when drawn).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && display_width(&line) + 1 + display_width(word) > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Number of rows of the help text at `width` columns.
#[must_use]
pub fn line_count(keymap: &Keymap, width: usize, first: Mode) -> usize {
    rows(keymap, width, first).len()
}

/// Draws the help box.
pub fn draw(buffer: &mut Buffer, app: &App, area: Rect) {
    if area.width < 4 || area.height < 3 {
        return;
    }
    let theme = &app.theme;
    let close = app.keymap.keys_for(Mode::Help, crate::tui::action::Action::Cancel);
    let close = close.first().map(|k| k.name()).unwrap_or_default();
    let inner = super::overlay_frame(buffer, app, area, &format!(" Keys — {close} to close "));
    let width = usize::from(inner.width);
    let keys_cols = KEYS_COLS.min(width / 3);
    let text: Vec<Line<'static>> = rows(&app.keymap, width, app.help_first())
        .into_iter()
        .skip(app.help.unwrap_or(0))
        .take(usize::from(inner.height))
        .map(|row| match row {
            HelpRow::Heading(title) => Line::styled(truncate(&title, width), theme.heading),
            HelpRow::Blank => Line::default(),
            HelpRow::Binding { keys, description } => {
                let keys = truncate(&keys, width.saturating_sub(2));
                let pad = keys_cols.saturating_sub(display_width(&keys)).max(1);
                let description = truncate(&description, width.saturating_sub(keys_cols + 3));
                Line::from(vec![
                    Span::raw("  "),
                    Span::styled(keys, theme.key),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(description, Style::new()),
                ])
            }
        })
        .collect();
    super::put_lines(buffer, inner, &text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_wrap_instead_of_being_cut() {
        let keymap = Keymap::defaults().unwrap();
        for width in [40, 60, 80, 118] {
            let keys_cols = KEYS_COLS.min(width / 3);
            let room = width.saturating_sub(keys_cols + 3);
            let mut text = String::new();
            for row in rows(&keymap, width, Mode::Reader) {
                if let HelpRow::Binding { description, .. } = row {
                    assert!(display_width(&description) <= room.max(10), "{width}: {description}");
                    text.push_str(&description);
                    text.push(' ');
                }
            }
            for entry in keymap.entries(Mode::Reader) {
                let first = entry.description.split_whitespace().last().unwrap();
                assert!(text.contains(first), "{width}: the end of {:?} is shown", entry.description);
            }
        }
    }

    #[test]
    fn words_wrap_at_the_width() {
        assert_eq!(wrap_words("go to mark a-z here", 8), ["go to", "mark a-z", "here"]);
        assert_eq!(wrap_words("", 8), [""]);
    }
}
