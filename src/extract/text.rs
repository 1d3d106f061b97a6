//! Plain text (pages saved as text, `lynx`/`w3m` dumps, text copied out of a
//! browser, newsletters as e-mail text) into the model: paragraphs, lists,
//! headings by shape, title, byline and date, and the site's chrome removed.
//!
//! The stages, each linear in the input: physical lines (`lines`) → units,
//! hard wraps rejoined (`units`) → a role and a score per unit (`classify`,
//! with the furniture vocabulary in `chrome`) → the main text as the
//! best-scoring run of units (`span`) → title, byline and date above it
//! (`head`) → blocks, headings decided by their neighbours (`blocks`).

mod blocks;
mod chrome;
mod classify;
pub mod date;
mod head;
mod lines;
mod span;
mod units;
mod words;

use crate::model::{Document, Metadata};

/// Widgets (share buttons, tags) between the text and a comment section
/// that show the article is over.
const COMMENT_WIDGETS: usize = 3;
/// Characters of text before a comment section can end the article.
const COMMENT_MIN_TEXT: i64 = 300;
use classify::Role;

/// Extracts a document from plain text.
#[must_use]
pub fn extract(text: &str) -> Document {
    from_lines(lines::split(text))
}

/// [`extract`], taking the text: the lines hold their own copies, so the
/// text is freed once split, and the lines once grouped, so that a large
/// input is never held three times.
#[must_use]
pub fn extract_owned(text: String) -> Document {
    let lines = lines::split(&text);
    drop(text);
    from_lines(lines)
}

fn from_lines(lines: Vec<lines::Line>) -> Document {
    let layout = units::measure(&lines);
    let units = units::group(&lines, layout);
    drop(lines);
    let (infos, dump) = classify::classify(&units, layout);
    let scores: Vec<i64> = infos.iter().map(|info| info.score).collect();
    let main = if dump { span::best(&scores) } else { None };
    let body_start = main.as_ref().map_or_else(
        || infos.iter().position(|info| info.score > 0).unwrap_or_else(|| head_window(&units)),
        |span| span.start,
    );
    let head = head::read(&units, &infos, body_start, layout);
    let order: Vec<usize> = match main {
        Some(span) => {
            let span = span.start..article_end(&units, &infos, span);
            let head_start = head.title.map_or(span.start, |t| t + 1);
            // Between the title and the main text, only sentences (a
            // standfirst, a caption) are the article's; the rest is widgets.
            let between = (head_start..span.start)
                .filter(|&i| matches!(infos[i].role, Role::Prose | Role::Item) && infos[i].score > 0);
            between.chain(span).filter(|i| head.used.binary_search(i).is_err()).collect()
        }
        // A document of its own: everything after the title is kept.
        None => (head.title.map_or(0, |t| t + 1)..units.len())
            .filter(|i| head.used.binary_search(i).is_err())
            .collect(),
    };
    let meta = Metadata {
        title: head.title_text,
        byline: head.byline,
        published: head.published,
        site: site_name(&units),
        ..Metadata::default()
    };
    let blocks = blocks::build(&units, &infos, &order, layout, dump);
    Document::new(meta, blocks)
}

/// The author a "By Ann Lee, 3 May 2025" line names (also read under a
/// Markdown title).
#[must_use]
pub fn byline_line(line: &str) -> Option<String> {
    head::by_line(line)
}

/// Where the title of a text without running text is looked for: the first
/// unit after its first line.
fn head_window(units: &[units::Unit]) -> usize {
    units.iter().position(|u| u.kind != units::UnitKind::Chrome).map_or(0, |first| first + 1)
}

/// Where the article ends inside the main text: at the comment section, when
/// one opens after most of the text or after a row of widgets (share
/// buttons, tags), and in any case after the last running text.
fn article_end(units: &[units::Unit], infos: &[classify::Info], span: std::ops::Range<usize>) -> usize {
    let total: i64 = infos[span.clone()].iter().map(|info| info.score.max(0)).sum();
    let mut seen = 0;
    let mut widgets_since_text = 0;
    let mut end = span.end;
    for i in span.clone() {
        seen += infos[i].score.max(0);
        match infos[i].role {
            Role::Prose | Role::Item => widgets_since_text = 0,
            Role::Chrome(_) | Role::LinkItem => widgets_since_text += 1,
            _ => {}
        }
        let after_widgets = widgets_since_text >= COMMENT_WIDGETS && seen >= COMMENT_MIN_TEXT;
        if (seen * 2 >= total || after_widgets) && chrome::opens_comments(&units[i].text) {
            end = i;
            break;
        }
    }
    (span.start..end).rev().find(|&i| infos[i].score > 0).map_or(end, |last| last + 1)
}

/// The publication named in a newsletter's "X is a reader-supported
/// publication" line.
fn site_name(units: &[units::Unit]) -> Option<String> {
    const PHRASE: &str = " is a reader-supported publication";
    units.iter().find_map(|unit| {
        let at = unit.text.find(PHRASE)?;
        let name = unit.text[..at].trim();
        (!name.is_empty() && name.split_whitespace().count() <= 10).then(|| name.to_owned())
    })
}

#[cfg(test)]
mod tests;
