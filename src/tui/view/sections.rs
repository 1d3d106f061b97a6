//! The sections panel: one row per heading, indented by level, the section
//! the reader is in marked.

use ratatui::text::Line;

use super::list_row;
use crate::tui::app::App;

/// The visible rows, from entry `offset`.
pub fn rows(app: &App, offset: usize, rows: usize, width: usize) -> Vec<Line<'static>> {
    let doc = app.doc();
    let sections = &doc.article.analysis.sections;
    let top_level = sections.iter().map(|s| s.level).min().unwrap_or(1);
    let current = doc.current_section();
    sections
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(index, section)| {
            let indent = " ".repeat(usize::from(section.level.saturating_sub(top_level).min(3)));
            let marked = current == Some(index);
            let style = if marked { app.theme.current } else { ratatui::style::Style::new() };
            list_row(marked, app.theme.current, vec![(indent + &section.title, style)], width)
        })
        .collect()
}
