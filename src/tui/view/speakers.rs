//! The speakers panel: name, the role the article gives them, and how many
//! quotes they have.

use ratatui::text::Line;

use super::list_row;
use crate::tui::app::App;

/// The visible rows, from entry `offset`.
pub fn rows(app: &App, offset: usize, rows: usize, width: usize) -> Vec<Line<'static>> {
    let doc = app.doc();
    let theme = &app.theme;
    doc.article
        .analysis
        .speakers
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(index, speaker)| {
            let count = speaker.quotes.len().to_string();
            let name_cols = width.saturating_sub(count.len() + 3);
            let mut parts = vec![(speaker.name.clone(), ratatui::style::Style::new())];
            if let Some(role) = &speaker.description {
                parts.push((format!(" · {role}"), theme.dim));
            }
            let mut line = list_row(doc.filter == Some(index), theme.current, parts, name_cols + 2);
            line.spans.push(ratatui::text::Span::styled(format!(" {count}"), theme.dim));
            line
        })
        .collect()
}
