//! The links list: every link of the article, numbered in reading order,
//! with its text and where it leads (the host, or the path of a relative
//! link). A number typed before Enter picks a link by its number.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::layout::text::{display_width, truncate};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Mode;

/// Where a link leads, shortly: `host` for an absolute URL (with the path
/// when it is on the article's own site would be longer than useful), the
/// address for mail, the reference itself when relative.
#[must_use]
pub fn destination(href: &str) -> String {
    match url::Url::parse(href) {
        Ok(url) if url.scheme() == "mailto" => url.path().to_owned(),
        Ok(url) => {
            url.host_str().map_or_else(|| href.to_owned(), |h| h.trim_start_matches("www.").to_owned())
        }
        Err(_) => href.to_owned(),
    }
}

/// Draws the links list.
pub fn draw(buffer: &mut Buffer, app: &App, area: Rect) {
    let Some(list) = app.links else { return };
    if area.width < 8 || area.height < 3 {
        return;
    }
    let theme = &app.theme;
    let count = app.link_count();
    let key = |action| app.keymap.keys_for(Mode::Links, action).first().map(|k| k.name()).unwrap_or_default();
    let title = format!(
        " Links {count} — {} opens · {} browser · {} closes ",
        key(Action::OpenLink),
        key(Action::OpenExternal),
        key(Action::Cancel)
    );
    let inner = super::overlay_frame(buffer, app, area, &title);
    let width = usize::from(inner.width);
    let number_cols = count.to_string().len();
    let lines: Vec<Line<'static>> = app
        .doc()
        .article
        .links()
        .enumerate()
        .skip(list.offset)
        .take(usize::from(inner.height))
        .map(|(index, link)| {
            let number = format!(" {:>number_cols$}  ", index + 1);
            let place = destination(link.href);
            let text = if link.text.trim().is_empty() { place.clone() } else { link.text.replace('\n', " ") };
            let left = width.saturating_sub(display_width(&number));
            let place_cols = display_width(&place).min(left / 3);
            let text = truncate(&text, left.saturating_sub(place_cols + 2));
            let pad = left.saturating_sub(display_width(&text) + place_cols).max(1);
            let line = Line::from(vec![
                Span::styled(number, theme.key),
                Span::raw(text),
                Span::raw(" ".repeat(pad)),
                Span::styled(truncate(&place, place_cols), theme.dim),
            ]);
            if index == list.selected { line.patch_style(theme.selected) } else { line.style(Style::new()) }
        })
        .collect();
    super::put_lines(buffer, inner, &lines);
}

#[cfg(test)]
mod tests {
    use super::destination;

    #[test]
    fn destinations_are_short() {
        assert_eq!(destination("https://www.example.org/a/b?c"), "example.org");
        assert_eq!(destination("mailto:desk@example.org"), "desk@example.org");
        assert_eq!(destination("notes/second.html"), "notes/second.html");
    }
}
