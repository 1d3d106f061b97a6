//! The title line (the title, kept to one line: the credits are in the
//! article's head; whether the full article is still loading) and the
//! status line (section, position, search, messages, key hints from
//! the keymap).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::layout::text::{display_width, truncate};
use crate::tui::action::Action;
use crate::tui::app::{App, LoadState};
use crate::tui::keymap::Mode;

/// Draws the title line.
pub fn draw_title(buffer: &mut Buffer, app: &App, area: Rect) {
    if area.is_empty() {
        return;
    }
    let doc = app.doc();
    let meta = doc.article.meta();
    let mut title = meta.title.clone().unwrap_or_default();
    if title.is_empty() {
        "(untitled)".clone_into(&mut title);
    }
    // Under the library screen lies a blank document that is not counted.
    let depth = app.docs.len() - usize::from(app.shelf.is_some());
    if depth > 1 {
        title = format!("[{depth}] {title}");
    }
    let note = match &doc.load {
        LoadState::Loading { what, .. } => format!("  loading {what}…"),
        LoadState::Failed(message) => format!("  {message}"),
        LoadState::Ready => String::new(),
    };
    let width = usize::from(area.width);
    let room = width.saturating_sub(display_width(&note)).max(1);
    let title = truncate(&title, room);
    let line = Line::from(vec![Span::styled(title, app.theme.title), Span::styled(note, app.theme.dim)]);
    super::put_lines(buffer, area, &[line]);
}

/// Draws the status line.
pub fn draw_status(buffer: &mut Buffer, app: &App, area: Rect) {
    if area.is_empty() {
        return;
    }
    let theme = &app.theme;
    let width = usize::from(area.width);
    let left = left_part(app);
    let left_text: String = left.iter().map(|(t, _)| t.as_str()).collect();
    let left_cols = display_width(&left_text);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (text, style) in left {
        let shown = truncate(&text, width.saturating_sub(used));
        used += display_width(&shown);
        spans.push(Span::styled(shown, style));
    }
    let hints = hints(app);
    let hint_cols: usize = hints.iter().map(|(t, _)| display_width(t)).sum();
    if left_cols + hint_cols + 2 <= width {
        spans.push(Span::raw(" ".repeat(width - left_cols - hint_cols)));
        spans.extend(hints.into_iter().map(|(t, s)| Span::styled(t, s)));
    }
    buffer.set_style(area, theme.status);
    super::put_lines(buffer, area, &[Line::from(spans)]);
}

fn left_part(app: &App) -> Vec<(String, Style)> {
    let theme = &app.theme;
    let doc = app.doc();
    if let Some(input) = &app.input {
        let count = match (doc.search.waiting, doc.search.matches.len()) {
            _ if input.text.is_empty() => String::new(),
            (true, _) => "  …".to_owned(),
            (false, 0) => "  no match".to_owned(),
            (false, 1) => "  1 match".to_owned(),
            (false, n) => format!("  {n} matches"),
        };
        return vec![
            (format!("/{}", input.text), Style::new()),
            ("▏".to_owned(), theme.key),
            (count, theme.dim),
        ];
    }
    let mut parts = Vec::new();
    if let Some(opening) = &app.opening {
        let cancel = app.keymap.keys_for(Mode::Reader, Action::Cancel);
        let cancel = cancel.first().map(|k| format!(" · {} stops", k.name())).unwrap_or_default();
        let bytes = if opening.bytes > 0 {
            format!(" · {}", crate::output::human_bytes(opening.bytes))
        } else {
            String::new()
        };
        parts.push((format!(" loading {}{bytes}{cancel} ", opening.what), theme.key));
    }
    if let Some(status) = &app.status {
        parts.push((format!(" {}", status.text), if status.error { theme.error } else { Style::new() }));
    } else {
        let vp = app.viewport();
        let section = doc
            .current_section()
            .and_then(|i| doc.article.analysis.sections.get(i))
            .map(|s| format!(" § {}", s.title))
            .unwrap_or_default();
        let percent = progress(app, vp.rows);
        parts.push((format!(" {percent}"), Style::new()));
        parts.push((section, Style::new()));
        if let Some(speaker) = doc.filter.and_then(|s| doc.article.analysis.speakers.get(s)) {
            parts.push((format!("  quotes by {}", speaker.name), theme.dim));
        }
        if !doc.search.query.is_empty() && !doc.search.matches.is_empty() {
            parts.push((format!("  /{} ({})", doc.search.query, doc.search.matches.len()), theme.dim));
        }
    }
    let pending = &app.pending;
    if let Some(count) = pending.count {
        parts.push((format!("  {count}"), theme.key));
    }
    if let Some((action, _)) = pending.awaiting {
        let key = app.keymap.keys_for(Mode::Reader, action).first().map(|k| k.name()).unwrap_or_default();
        parts.push((format!("  {key}…"), theme.key));
    }
    parts
}

/// "42%", "top", "end" or "all" (the whole article fits).
fn progress(app: &App, rows: usize) -> String {
    let doc = app.doc();
    let Some(flow) = doc.layout.at_width(app.viewport().width_cols) else { return String::new() };
    let total = flow.total_rows();
    let Some(top) = flow.find(doc.article.blocks(), doc.top) else { return String::new() };
    let index = flow.index_of(top);
    if total <= rows {
        return "all".to_owned();
    }
    if index == 0 {
        return "top".to_owned();
    }
    let bottom = (index + rows).min(total);
    if bottom >= total {
        return "end".to_owned();
    }
    format!("{}%", bottom * 100 / total)
}

/// Key hints from the keymap: help, search, panels, quit.
pub fn hints(app: &App) -> Vec<(String, Style)> {
    let mode = app.mode();
    let wanted: &[(Action, &str)] = match mode {
        Mode::Search => &[(Action::Confirm, "search"), (Action::Cancel, "cancel")],
        Mode::Help => &[(Action::Cancel, "close")],
        Mode::Links if app.elsewhere.is_some() => &[(Action::OpenLink, "open"), (Action::Cancel, "close")],
        Mode::Links => {
            &[(Action::OpenLink, "open"), (Action::OpenExternal, "browser"), (Action::Cancel, "close")]
        }
        Mode::Confirm => &[(Action::Confirm, "yes"), (Action::Cancel, "no")],
        Mode::Library => &[
            (Action::Select, "open"),
            (Action::Search, "filter"),
            (Action::Tag, "tag"),
            (Action::ToggleRead, "read"),
            (Action::Delete, "delete"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        Mode::Reader | Mode::Panel => &[
            (Action::Help, "help"),
            (Action::Search, "search"),
            (Action::FocusNext, "panels"),
            (Action::Quit, "quit"),
        ],
    };
    let mut out = Vec::new();
    for (action, label) in wanted {
        let keys = app.keymap.keys_for(mode, *action);
        let keys = if keys.is_empty() && mode == Mode::Panel {
            app.keymap.keys_for(Mode::Reader, *action)
        } else {
            keys
        };
        if let Some(key) = keys.first() {
            out.push((key.name(), app.theme.key));
            out.push((format!(" {label}  "), Style::new()));
        }
    }
    out
}
