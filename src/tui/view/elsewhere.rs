//! The list of a speaker's quotes in the other saved articles (`a` in the
//! speakers panel): numbered, each quote with the article's title and date.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::layout::text::{display_width, truncate};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Mode;

/// Draws the list.
pub fn draw(buffer: &mut Buffer, app: &App, area: Rect) {
    let Some(open) = &app.elsewhere else { return };
    if area.width < 8 || area.height < 3 {
        return;
    }
    let theme = &app.theme;
    let count = open.quotes.len();
    let key = |action| app.keymap.keys_for(Mode::Links, action).first().map(|k| k.name()).unwrap_or_default();
    let title = format!(
        " {} elsewhere: {count} — {} opens · {} closes ",
        open.name,
        key(Action::OpenLink),
        key(Action::Cancel)
    );
    let inner = super::overlay_frame(buffer, app, area, &title);
    let width = usize::from(inner.width);
    let number_cols = count.to_string().len();
    let lines: Vec<Line<'static>> = open
        .quotes
        .iter()
        .enumerate()
        .skip(open.list.offset)
        .take(usize::from(inner.height))
        .map(|(index, quote)| {
            let number = format!(" {:>number_cols$}  ", index + 1);
            let title = quote.title.clone().unwrap_or_else(|| format!("article {}", quote.article_id));
            let date = quote.published.as_ref().map_or_else(String::new, |date| format!(", {date}"));
            let text = format!("“{}”", quote.text.split_whitespace().collect::<Vec<_>>().join(" "));
            let left = width.saturating_sub(display_width(&number));
            // The title gives way before the date does.
            let place_cols = (display_width(&title) + display_width(&date)).min(left * 2 / 5);
            let title = truncate(&title, place_cols.saturating_sub(display_width(&date)).max(1));
            let place = format!("{title}{date}");
            let text = truncate(&text, left.saturating_sub(place_cols + 2));
            let pad = left.saturating_sub(display_width(&text) + place_cols).max(1);
            let line = Line::from(vec![
                Span::styled(number, theme.key),
                Span::raw(text),
                Span::raw(" ".repeat(pad)),
                Span::styled(truncate(&place, place_cols), theme.dim),
            ]);
            if index == open.list.selected {
                line.patch_style(theme.selected)
            } else {
                line.style(Style::new())
            }
        })
        .collect();
    super::put_lines(buffer, inner, &lines);
}
