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
            let who = crate::layout::text::truncate(&who, (width / 3).max(6));
            let parts = vec![
                (who, theme.name),
                (format!(" “{}", opening(text, width)), ratatui::style::Style::new()),
            ];
            list_row(visited == Some(index), theme.current, parts, width)
        })
        .collect()
}

/// The quote as far as a row of `width` columns can show it, between
/// quotation marks: whole when it fits (no "…"), else its opening words,
/// which the row's truncation ends with "…". Only that much of a long
/// quote is read.
fn opening(text: &str, width: usize) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.len() > width * 4 {
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('”');
    out
}

#[cfg(test)]
mod tests {
    use super::opening;

    #[test]
    fn a_quote_that_fits_is_closed_and_a_long_one_is_cut() {
        assert_eq!(opening("We will  build\nit.", 40), "We will build it.”");
        let long = "word ".repeat(200);
        let shown = opening(&long, 20);
        assert!(!shown.ends_with('”') && shown.len() <= 20 * 4 + 6, "{shown}");
    }
}
