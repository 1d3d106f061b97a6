//! Drawing: title line, article pane, status line. Reads the app; changes only
//! the layout cache.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::App;
use crate::layout::LineKind;

/// Largest comfortable reading width, in columns.
const READING_WIDTH_COLS: u16 = 88;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &mut App) {
    let [title, body, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0), Constraint::Length(1)])
            .areas(frame.area());
    let width = body.width.min(READING_WIDTH_COLS);
    app.fit(usize::from(width), usize::from(body.height));
    let meta = app.article.meta();
    let heading =
        [meta.title.as_deref(), meta.site.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" — ");
    frame.render_widget(Paragraph::new(heading).style(Style::new().add_modifier(Modifier::BOLD)), title);
    let lines: Vec<Line<'_>> = app
        .wrapped
        .lines
        .iter()
        .skip(app.top_line)
        .take(usize::from(body.height))
        .map(|line| {
            let text = app
                .article
                .blocks()
                .get(line.block.index())
                .and_then(|b| b.text().get(line.range.clone()))
                .unwrap_or_default();
            let style = match line.kind {
                LineKind::Heading => Style::new().add_modifier(Modifier::BOLD),
                LineKind::Quote | LineKind::Caption => Style::new().add_modifier(Modifier::ITALIC),
                _ => Style::new(),
            };
            Line::from(vec![Span::raw(line.prefix.clone()), Span::styled(text, style)])
        })
        .collect();
    let mut pane = body;
    pane.width = width;
    frame.render_widget(Paragraph::new(lines), pane);
    let total = app.wrapped.lines.len().max(1);
    let percent = ((app.top_line + usize::from(body.height)).min(total) * 100) / total;
    frame.render_widget(
        Paragraph::new(format!("{percent}%  j/k scroll · Space/b page · g/G ends · q quit")),
        status,
    );
}
