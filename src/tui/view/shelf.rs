//! The library screen: a title line (counts, the filter), one row per
//! article (unread mark, title and tags, site, date, how far it was read)
//! and a status line (the line being typed, a question, a message, or key
//! hints from the keymap). Only the visible rows are built, so ten thousand
//! articles draw as fast as ten.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::put_lines;
use crate::layout::text::{display_width, truncate};
use crate::library::{Summary, time};
use crate::tui::app::{App, LinePurpose, Shelf};

/// Columns of the date column (`YYYY-MM-DD`).
const DATE_COLS: usize = 10;
/// Columns of the progress column (`100%`).
const PROGRESS_COLS: usize = 4;

/// Draws the library screen over the whole of `buffer`.
pub fn draw(buffer: &mut Buffer, app: &App, shelf: &Shelf) {
    let area = buffer.area;
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let row = |y: u16| Rect::new(area.x, area.y + y, area.width, 1);
    put_lines(buffer, row(0), &[title(app, shelf, width)]);
    if area.height < 3 {
        return;
    }
    let list = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    let lines: Vec<Line<'static>> = if shelf.entries.is_empty() {
        empty_library(app)
    } else if shelf.shown.is_empty() && !shelf.waiting {
        vec![Line::styled(format!("  Nothing matches “{}”.", shelf.filter), app.theme.dim)]
    } else {
        shelf
            .shown
            .iter()
            .enumerate()
            .skip(shelf.list.offset)
            .take(usize::from(list.height))
            .filter_map(|(at, &index)| Some((at, shelf.entries.get(index)?)))
            .map(|(at, entry)| article_row(app, entry, at == shelf.list.selected, width))
            .collect()
    };
    put_lines(buffer, list, &lines);
    let status = row(area.height - 1);
    buffer.set_style(status, app.theme.status);
    put_lines(buffer, status, &[status_line(app, shelf, width)]);
}

fn title(app: &App, shelf: &Shelf, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let count = shelf.entries.len();
    let counts =
        format!("  {count} article{} · {} unread", if count == 1 { "" } else { "s" }, shelf.unread());
    let filter = if shelf.filter.is_empty() {
        String::new()
    } else if shelf.waiting {
        format!("  /{} …", shelf.filter)
    } else {
        format!("  /{} ({} found)", shelf.filter, shelf.shown.len())
    };
    let name = truncate("Library", width);
    let counts = truncate(&counts, width.saturating_sub(display_width(&name)));
    let filter = truncate(&filter, width.saturating_sub(display_width(&name) + display_width(&counts)));
    Line::from(vec![
        Span::styled(name, theme.title),
        Span::styled(counts, theme.dim),
        Span::styled(filter, theme.key),
    ])
}

fn empty_library(app: &App) -> Vec<Line<'static>> {
    let dim = app.theme.dim;
    vec![
        Line::raw(""),
        Line::raw("  Your library is empty."),
        Line::raw(""),
        Line::styled("  Save an article:    byline save FILE|URL   (or S in the reader)", dim),
        Line::styled("  Import many:        byline import FOLDER|EXPORT.zip|FEED", dim),
    ]
}

/// One article: marker, unread mark, title and tags, then site, date and
/// progress in columns on the right (the narrower the screen, the fewer).
fn article_row(app: &App, entry: &Summary, selected: bool, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let date = entry.published.clone().unwrap_or_else(|| time::date(entry.saved_at));
    let progress = if entry.read {
        "read".to_owned()
    } else if entry.progress > 0 {
        format!("{}%", entry.progress)
    } else {
        String::new()
    };
    let show_date = width >= 40;
    let site_cols = if width >= 70 { (width / 5).min(24) } else { 0 };
    let right_cols = if show_date { 2 + DATE_COLS + 2 + PROGRESS_COLS } else { 2 + PROGRESS_COLS };
    let right_cols = right_cols + if site_cols > 0 { site_cols + 2 } else { 0 };
    let title_cols = width.saturating_sub(4 + right_cols);
    let mut spans = vec![
        Span::styled(if selected { "▸ " } else { "  " }, theme.current),
        Span::styled(if entry.read { "  " } else { "● " }, theme.key),
    ];
    let title = entry.title.clone().unwrap_or_else(|| "(untitled)".to_owned());
    let title = truncate(&title, title_cols);
    let mut used = display_width(&title);
    spans.push(Span::styled(title, if entry.read { Style::new() } else { theme.title }));
    for tag in &entry.tags {
        let shown = truncate(&format!("  #{tag}"), title_cols.saturating_sub(used));
        used += display_width(&shown);
        spans.push(Span::styled(shown, theme.dim));
    }
    spans.push(Span::raw(" ".repeat(title_cols.saturating_sub(used))));
    if site_cols > 0 {
        let site = truncate(entry.site.as_deref().unwrap_or(""), site_cols);
        let pad = site_cols.saturating_sub(display_width(&site));
        spans.push(Span::styled(format!("  {site}{}", " ".repeat(pad)), theme.dim));
    }
    if show_date {
        spans.push(Span::styled(format!("  {date:<DATE_COLS$}"), theme.dim));
    }
    spans.push(Span::styled(format!("  {progress:>PROGRESS_COLS$}"), theme.dim));
    let line = Line::from(spans);
    if selected { line.patch_style(theme.selected) } else { line }
}

fn status_line(app: &App, shelf: &Shelf, width: usize) -> Line<'static> {
    let theme = &app.theme;
    if let Some(line) = &shelf.line {
        let (prompt, note) = match &line.purpose {
            LinePurpose::Filter { .. } if shelf.waiting => ("/", "  …".to_owned()),
            LinePurpose::Filter { .. } if line.text.trim().is_empty() => ("/", String::new()),
            LinePurpose::Filter { .. } => ("/", format!("  {} found", shelf.shown.len())),
            LinePurpose::Tags { .. } => ("tags: ", "  (commas between tags; Enter saves)".to_owned()),
        };
        return Line::from(vec![
            Span::raw(truncate(&format!("{prompt}{}", line.text), width.saturating_sub(1))),
            Span::styled("▏", theme.key),
            Span::styled(note, theme.dim),
        ]);
    }
    if let Some(question) = app.shelf_question() {
        return Line::styled(truncate(&format!(" {}", question.text), width), theme.error);
    }
    if let Some(status) = &app.status {
        let style = if status.error { theme.error } else { Style::new() };
        return Line::styled(truncate(&format!(" {}", status.text), width), style);
    }
    let hints = super::status::hints(app);
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (text, style) in hints {
        let shown = truncate(&text, width.saturating_sub(used));
        used += display_width(&shown);
        spans.push(Span::styled(shown, style));
    }
    Line::from(spans)
}
