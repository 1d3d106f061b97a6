//! The quotes panel: who speaks and the quote's opening words, filtered to
//! one speaker after Enter on a speaker.

use ratatui::text::Line;

use super::list_row;
use crate::model::SpeakerKind;
use crate::tui::app::App;

/// The visible rows, from entry `offset`.
pub fn rows(app: &App, offset: usize, rows: usize, width: usize) -> Vec<Line<'static>> {
    let doc = app.doc();
    let theme = &app.theme;
    let article = &doc.article;
    let list = doc.quote_list();
    let visited = doc.last_quote.map(|v| v.index);
    (offset..list.len().min(offset.saturating_add(rows)))
        .filter_map(|row| list.get(row))
        .map(|index| {
            let quote = &article.analysis.quotes[index];
            let who = quote.speakers.first().and_then(|s| article.analysis.speakers.get(*s)).map_or_else(
                || "—".to_owned(),
                |speaker| match speaker.kind {
                    SpeakerKind::Person => {
                        speaker.name.rsplit(' ').next().unwrap_or(&speaker.name).to_owned()
                    }
                    SpeakerKind::Organisation => speaker.name.clone(),
                },
            );
            let text = article.quote_text(index).unwrap_or_default();
            let opening: String = text.split_whitespace().take(12).collect::<Vec<_>>().join(" ");
            let who = crate::layout::text::truncate(&who, (width / 3).max(6));
            let parts = vec![(who, theme.name), (format!(" “{opening}…”"), ratatui::style::Style::new())];
            list_row(visited == Some(index), theme.current, parts, width)
        })
        .collect()
}
