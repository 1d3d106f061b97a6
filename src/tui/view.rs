//! Drawing: `draw(buffer, &App)` reads the app and changes nothing. The
//! screen's areas come from [`Geometry`], which the app uses too (to clamp
//! scrolling), so the two always agree. Only visible rows are built: the
//! article's visible lines and each panel's visible entries.

mod elsewhere;
pub mod help;
mod links;
mod quotes;
mod reader;
mod sections;
mod shelf;
mod speakers;
mod status;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::app::{App, Focus, Panel};
use crate::layout::text::{SOFT_HYPHEN, display_width, is_simple, truncate};

/// Fewest rows a panel gets in the stack: its title and two entries.
const MIN_PANEL_ROWS: u16 = 3;

/// The screen's areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// The title line.
    pub title: Rect,
    /// Everything left of the panels (or under the overlay).
    pub article: Rect,
    /// The article's text column inside it.
    pub text: Rect,
    /// The status line.
    pub status: Rect,
    /// The panels' column, if shown.
    pub panels: Option<Rect>,
    /// Whether the panels are an overlay.
    pub overlay: bool,
    /// Each panel's area (its title row and its rows), when shown.
    pub boxes: [Option<Rect>; 3],
    /// The help box, when open.
    pub help: Option<Rect>,
    /// The links list's box (or the list of quotes elsewhere), when open.
    pub links: Option<Rect>,
}

impl Geometry {
    /// From this many columns the panels go beside the article.
    pub const WIDE_COLS: u16 = 120;

    /// Widest the help box gets.
    pub const MAX_HELP_COLS: u16 = 120;

    /// Widest the panels get beside the article.
    pub const MAX_PANEL_COLS: u16 = 56;

    /// The areas for the app's size and state.
    #[must_use]
    pub fn of(app: &App) -> Self {
        let (cols, rows) = app.size;
        let row = |y: u16, height: u16| Rect::new(0, y, cols, height);
        let (title, body, status) = match rows {
            0 => (Rect::default(), Rect::default(), Rect::default()),
            1 => (Rect::default(), row(0, 1), Rect::default()),
            2 => (Rect::default(), row(0, 1), row(1, 1)),
            _ => (row(0, 1), row(1, rows - 2), row(rows - 1, 1)),
        };
        let mut geometry = Self { title, article: body, status, ..Self::default() };
        if app.panels_visible() && cols > 0 {
            let width = if app.is_wide() {
                // The text keeps its reading width; what is left beside it
                // goes to the panels (longer quotes, whole roles), up to a
                // width past which rows would be harder to read than to cut.
                let text_needs = app.settings.reading_width_cols.saturating_add(4);
                cols.saturating_sub(text_needs).clamp((cols / 4).clamp(32, 40), Self::MAX_PANEL_COLS)
            } else {
                cols.min((cols / 2).max(40))
            };
            let column = Rect::new(cols - width, body.y, width, body.height);
            if app.is_wide() {
                geometry.article.width = cols - width;
            } else {
                geometry.overlay = true;
            }
            geometry.panels = Some(column);
            geometry.boxes = stack(app, column);
        }
        let article = geometry.article;
        let pad = u16::from(article.width >= 24);
        let width = (article.width.saturating_sub(2 * pad)).min(app.settings.reading_width_cols);
        geometry.text = Rect::new(article.x + (article.width - width) / 2, article.y, width, article.height);
        if app.help.is_some() && cols > 0 && rows > 0 {
            let width = cols.min(Self::MAX_HELP_COLS);
            let height = if rows > 4 { rows - 2 } else { rows };
            geometry.help = Some(Rect::new((cols - width) / 2, (rows - height) / 2, width, height));
        }
        if (app.links.is_some() || app.elsewhere.is_some()) && cols > 0 && rows > 0 {
            // Over the article, below the title and above the status line
            // (which shows what is loading and the count being typed).
            let width = cols.min(100);
            geometry.links = Some(Rect::new((cols - width) / 2, body.y, width, body.height));
        }
        geometry
    }

    /// A panel's area (title row and rows), when shown.
    #[must_use]
    pub fn panel_area(&self, panel: Panel) -> Option<Rect> {
        self.boxes[panel.index()]
    }

    /// Where a panel's entries are: below its title row, right of the gap
    /// that separates the panels from the article.
    #[must_use]
    pub fn panel_list(&self, panel: Panel) -> Option<Rect> {
        let area = self.panel_area(panel)?;
        Some(Rect::new(area.x + 1, area.y + 1, area.width.saturating_sub(1), area.height.saturating_sub(1)))
    }

    /// Rows of entries a panel shows (0 when hidden).
    #[must_use]
    pub fn panel_rows(&self, panel: Panel) -> usize {
        self.panel_list(panel).map_or(0, |r| usize::from(r.height))
    }
}

/// Splits the panels' column between the three panels: each gets what it
/// needs if it can, the rest share fairly; too short for three, only the
/// focused one (or sections) shows.
fn stack(app: &App, column: Rect) -> [Option<Rect>; 3] {
    let mut boxes = [None; 3];
    if column.height < 2 || column.width < 3 {
        return boxes;
    }
    if column.height < 3 * MIN_PANEL_ROWS {
        let shown = match app.focus {
            Focus::Panel(panel) => panel,
            Focus::Article => Panel::Sections,
        };
        boxes[shown.index()] = Some(column);
        return boxes;
    }
    let needs = Panel::ALL
        .map(|p| u16::try_from(app.panel_len(p)).unwrap_or(u16::MAX).saturating_add(1).max(MIN_PANEL_ROWS));
    let mut order = [0, 1, 2];
    order.sort_by_key(|i| needs[*i]);
    let mut heights = [0u16; 3];
    let mut left = column.height;
    for (done, index) in order.into_iter().enumerate() {
        let share = left / (3 - done as u16);
        heights[index] = needs[index].min(share).max(MIN_PANEL_ROWS);
        left -= heights[index];
    }
    heights[2] += left;
    let mut y = column.y;
    for (index, height) in heights.into_iter().enumerate() {
        boxes[index] = Some(Rect::new(column.x, y, column.width, height));
        y += height;
    }
    boxes
}

/// Draws the whole screen.
pub fn draw(buffer: &mut Buffer, app: &App) {
    let geometry = Geometry::of(app);
    if let Some(library) = app.shelf.as_ref().filter(|s| s.visible) {
        shelf::draw(buffer, app, library);
        if let Some(area) = geometry.help {
            help::draw(buffer, app, area.intersection(buffer.area));
        }
        return;
    }
    let screen = buffer.area;
    let fit = |r: Rect| r.intersection(screen);
    status::draw_title(buffer, app, fit(geometry.title));
    reader::draw(buffer, app, fit(geometry.article), fit(geometry.text));
    if let Some(column) = geometry.panels {
        if geometry.overlay {
            Clear.render(fit(column), buffer);
        }
        for panel in Panel::ALL {
            if let Some(area) = geometry.panel_area(panel) {
                draw_panel(buffer, app, panel, fit(area), geometry.overlay);
            }
        }
    }
    status::draw_status(buffer, app, fit(geometry.status));
    if let Some(area) = geometry.links {
        if app.elsewhere.is_some() {
            elsewhere::draw(buffer, app, fit(area));
        } else {
            links::draw(buffer, app, fit(area));
        }
    }
    if let Some(area) = geometry.help {
        help::draw(buffer, app, fit(area));
    }
}

/// A panel: a title row (name, count, filter; marked and coloured when
/// focused) and its visible entries. No box: over SSH, borders cost more
/// bytes than they are worth; an overlay gets a rule on its left edge.
fn draw_panel(buffer: &mut Buffer, app: &App, panel: Panel, area: Rect, overlay: bool) {
    if area.width < 2 || area.height < 1 {
        return;
    }
    let focused = app.focus == Focus::Panel(panel);
    let theme = &app.theme;
    let doc = app.doc();
    let (name, count) = match panel {
        Panel::Sections => ("Sections", doc.article.analysis.sections.len()),
        Panel::Speakers => ("Speakers", doc.article.analysis.speakers.len()),
        Panel::Quotes => ("Quotes", doc.quote_list().len()),
    };
    let filter = match (panel, doc.filter) {
        (Panel::Quotes, Some(speaker)) => {
            doc.article.analysis.speakers.get(speaker).map(|s| format!(" by {}", s.name)).unwrap_or_default()
        }
        _ => String::new(),
    };
    let marker = if focused { "▸" } else { " " };
    let title = truncate(&format!("{marker}{name}{filter} {count}"), usize::from(area.width));
    let style = if focused { theme.border_focused } else { theme.panel_title };
    put_lines(buffer, Rect { height: 1, ..area }, &[Line::styled(title, style)]);
    let inner = Rect::new(area.x + 1, area.y + 1, area.width - 1, area.height - 1);
    if overlay && inner.height > 0 {
        let rule = vec![Line::styled("│", theme.border); usize::from(inner.height)];
        put_lines(buffer, Rect { x: area.x, width: 1, ..inner }, &rule);
    }
    let list = doc.lists[panel.index()];
    let rows = usize::from(inner.height);
    let width = usize::from(inner.width);
    let lines: Vec<Line<'_>> = match panel {
        Panel::Sections => sections::rows(app, list.offset, rows, width),
        Panel::Speakers => speakers::rows(app, list.offset, rows, width),
        Panel::Quotes => quotes::rows(app, list.offset, rows, width),
    };
    let lines = if lines.is_empty() { vec![Line::styled(" (none)", theme.dim)] } else { lines };
    let lines = lines
        .into_iter()
        .enumerate()
        .map(|(at, line)| {
            if focused && list.offset + at == list.selected { line.patch_style(theme.selected) } else { line }
        })
        .collect::<Vec<_>>();
    put_lines(buffer, inner, &lines);
}

/// Clears `area` and draws an overlay's focused border with `title` (cut to
/// fit); returns the area inside the border.
fn overlay_frame(buffer: &mut Buffer, app: &App, area: Rect, title: &str) -> Rect {
    let theme = &app.theme;
    Clear.render(area, buffer);
    let title = truncate(title, usize::from(area.width.saturating_sub(2)));
    let block = ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(title, theme.border_focused));
    let inner = block.inner(area);
    block.render(area, buffer);
    inner
}

/// Writes `lines` into `area`, one per row, cut at its width (what a
/// paragraph without wrapping does, without its reflow machinery: this is the
/// hot path of every frame).
pub fn put_lines(buffer: &mut Buffer, area: Rect, lines: &[Line<'_>]) {
    let area = area.intersection(buffer.area);
    for (row, line) in (area.y..area.bottom()).zip(lines) {
        put_line(buffer, area.x, row, line, area.width);
    }
}

/// One line at `(x, y)`, at most `width` columns, as ratatui's
/// `Buffer::set_line` writes it; a span of one-column characters that are
/// each a grapheme (most of an article, curly quotes and dashes included)
/// goes straight into the cells, anything else through ratatui's
/// grapheme-aware writer.
fn put_line(buffer: &mut Buffer, x: u16, y: u16, line: &Line<'_>, width: u16) {
    if !buffer.area.contains(Position::new(x, y)) {
        return;
    }
    let mut x = x;
    let mut left = width.min(buffer.area.right().saturating_sub(x));
    for span in line {
        if left == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let text = span.content.as_ref();
        if text.chars().all(|c| is_simple(c) && c != SOFT_HYPHEN) {
            let start = buffer.index_of(x, y);
            let cells = buffer.content[start..start + usize::from(left)].iter_mut();
            let mut count = 0;
            for (cell, (at, c)) in cells.zip(text.char_indices()) {
                cell.set_symbol(&text[at..at + c.len_utf8()]).set_style(style);
                count += 1;
            }
            x += count;
            left -= count;
        } else {
            let end = buffer.set_stringn(x, y, text, usize::from(left), style).0;
            left = left.saturating_sub(end.saturating_sub(x));
            x = end;
        }
    }
}

/// A row of a list: a marker, then `parts` truncated to `width` columns in
/// total (later parts are cut first).
fn list_row(marked: bool, marker_style: Style, parts: Vec<(String, Style)>, width: usize) -> Line<'static> {
    let mut spans = vec![if marked { Span::styled("▸ ", marker_style) } else { Span::raw("  ") }];
    let mut left = width.saturating_sub(2);
    for (text, style) in parts {
        if left == 0 {
            break;
        }
        let shown = truncate(&text, left);
        left = left.saturating_sub(display_width(&shown));
        spans.push(Span::styled(shown, style));
    }
    let used = width.saturating_sub(left);
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::{Line, Span};

    const STYLES: [Style; 3] =
        [Style::new(), Style::new().fg(Color::Indexed(117)), Style::new().add_modifier(Modifier::BOLD)];

    proptest::proptest! {
        #[test]
        fn lines_are_written_as_ratatui_writes_them(
            spans in proptest::collection::vec(("[ a-zA-Z.,é日😀\u{301}\t“”’—…•\u{a0}\u{ad}\u{2c6}ǅ‼⁞]{0,12}", 0usize..3), 0..6),
            x in 0u16..12,
            width in 0u16..30,
        ) {
            let line = Line::from(
                spans.iter().map(|(text, style)| Span::styled(text.clone(), STYLES[*style])).collect::<Vec<_>>(),
            );
            let area = Rect::new(0, 0, 20, 2);
            let mut ours = Buffer::empty(area);
            super::put_line(&mut ours, x, 1, &line, width);
            let mut theirs = Buffer::empty(area);
            if x < area.right() {
                theirs.set_line(x, 1, &line, width);
            }
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
