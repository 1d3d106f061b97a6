//! `--format text`: the title, a line with byline, site and date, a blank
//! line, then the article text, unwrapped.

use crate::model::Article;

/// Renders the article as plain text.
#[must_use]
pub fn render(article: &Article) -> String {
    let mut out = String::new();
    let meta = article.meta();
    if let Some(title) = &meta.title {
        out.push_str(title);
        out.push('\n');
    }
    if let Some(line) = super::metadata_line(meta) {
        out.push_str(&line);
        out.push('\n');
    }
    if !out.is_empty() {
        out.push('\n');
    }
    let header = out.len();
    article.push_plain_text(&mut out);
    if out.len() > header {
        out.push('\n');
    }
    out
}
