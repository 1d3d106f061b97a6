//! `--format markdown`: the article as `CommonMark`, with the title as `#`,
//! the metadata line in italics, and every block in its Markdown form.

use crate::model::{Article, Block, BlockKind, InlineStyle};

/// Renders the article as Markdown.
#[must_use]
pub fn render(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    let meta = article.meta();
    if let Some(title) = &meta.title {
        parts.push(format!("# {}", escape_line_start(&escape(title))));
    }
    if let Some(line) = super::metadata_line(meta) {
        parts.push(format!("*{}*", escape(&line)));
    }
    let mut previous_was_item = false;
    for block in article.blocks() {
        let Some(rendered) = block_markdown(block) else { continue };
        let is_item = matches!(block.kind(), BlockKind::ListItem { .. });
        // Consecutive list items form one list: separate them by one newline.
        if is_item
            && previous_was_item
            && let Some(last) = parts.last_mut()
        {
            last.push('\n');
            last.push_str(&rendered);
            continue;
        }
        previous_was_item = is_item;
        parts.push(rendered);
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// The "Who said what" section `--with-quotes` appends: one `###` per
/// speaker in the order they are first quoted (with the article's
/// description of them), each of their quotes as a blockquote, then the
/// quotes no one is named for. Empty when the article quotes no one.
#[must_use]
pub fn who_said_what(article: &Article) -> String {
    let analysis = &article.analysis;
    if analysis.quotes.is_empty() {
        return String::new();
    }
    let quote = |index: usize| {
        article.quote_text(index).map(|text| prefix_lines(&escape(text.trim()), "> ")).unwrap_or_default()
    };
    let mut parts = vec!["## Who said what".to_owned()];
    for speaker in &analysis.speakers {
        let quotes: Vec<String> =
            speaker.quotes.iter().map(|q| quote(*q)).filter(|q| !q.is_empty()).collect();
        if quotes.is_empty() {
            continue;
        }
        parts.push(format!("### {}", escape_line_start(&escape(&speaker.name))));
        if let Some(description) = &speaker.description {
            parts.push(format!("*{}*", escape(description)));
        }
        parts.extend(quotes);
    }
    let unattributed: Vec<String> = (0..analysis.quotes.len())
        .filter(|q| analysis.quotes[*q].speakers.is_empty())
        .map(quote)
        .filter(|q| !q.is_empty())
        .collect();
    if !unattributed.is_empty() {
        parts.push("### Not attributed".to_owned());
        parts.extend(unattributed);
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

fn block_markdown(block: &Block) -> Option<String> {
    let inline = || inline_markdown(block);
    Some(match block.kind() {
        BlockKind::Heading { level } => {
            format!("{} {}", "#".repeat(usize::from(*level).clamp(2, 6)), inline().replace('\n', " "))
        }
        BlockKind::Paragraph => escape_line_start(&inline()),
        BlockKind::Blockquote { attribution } => {
            let mut text = prefix_lines(&inline(), "> ");
            if let Some(attribution) = attribution {
                text.push_str(&format!("\n>\n> — {}", escape(attribution)));
            }
            text
        }
        BlockKind::ListItem { depth, ordered, number } => {
            let marker = match number {
                Some(number) => format!("{number}."),
                None => (if *ordered { "1." } else { "-" }).to_owned(),
            };
            let indent = "   ".repeat(usize::from(*depth));
            format!("{indent}{marker} {}", inline().replace('\n', " "))
        }
        BlockKind::Preformatted => {
            let fence = "`".repeat(longest_backtick_run(block.text()).max(2) + 1);
            format!("{fence}\n{}\n{fence}", block.text())
        }
        BlockKind::Caption => format!("*{}*", inline().replace('\n', " ")),
        BlockKind::Table { rows } => table(rows)?,
        BlockKind::Rule => "* * *".to_owned(),
        BlockKind::Footnote { label } => match label {
            Some(label) => format!("[^{}]: {}", escape(label), inline()),
            None => inline(),
        },
        BlockKind::Figure { src } => {
            format!("![{}]({})", escape(block.text()), src.as_deref().map(escape_url).unwrap_or_default())
        }
    })
}

fn table(rows: &[Vec<String>]) -> Option<String> {
    let width = rows.iter().map(Vec::len).max()?;
    if width == 0 {
        return None;
    }
    let line = |row: &[String]| {
        let cells: Vec<String> = (0..width)
            .map(|i| row.get(i).map_or_else(String::new, |c| escape(c).replace('|', "\\|")))
            .collect();
        format!("| {} |", cells.join(" | "))
    };
    let mut out = vec![line(&rows[0]), format!("|{}", " --- |".repeat(width))];
    out.extend(rows[1..].iter().map(|row| line(row)));
    Some(out.join("\n"))
}

/// The block's text with its inline runs as Markdown emphasis, code and links.
fn inline_markdown(block: &Block) -> String {
    let text = block.text();
    let marks = super::inline_marks(block);
    let mut out = String::new();
    let mut at = 0;
    let mut in_code = 0usize;
    for (position, open, index) in marks {
        let piece = text.get(at..position).unwrap_or_default();
        out.push_str(&if in_code > 0 { piece.to_owned() } else { escape(piece) });
        at = position.max(at);
        let inline = &block.inlines()[index];
        match (&inline.style, open) {
            (InlineStyle::Emphasis, _) => out.push('*'),
            (InlineStyle::Strong, _) => out.push_str("**"),
            (InlineStyle::Code, true) => {
                out.push('`');
                in_code += 1;
            }
            (InlineStyle::Code, false) => {
                out.push('`');
                in_code = in_code.saturating_sub(1);
            }
            (InlineStyle::Link { .. }, true) => out.push('['),
            (InlineStyle::Link { href }, false) => out.push_str(&format!("]({})", escape_url(href))),
        }
    }
    out.push_str(&escape(text.get(at..).unwrap_or_default()));
    out.replace('\n', "  \n")
}

/// Backslash-escapes the characters that would start Markdown syntax inline.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would turn a paragraph's first characters into a heading, a
/// list item or a quote.
fn escape_line_start(text: &str) -> String {
    let starts_block = text.starts_with(['#', '-', '+', '='])
        || text
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.len() < 10 && n.chars().all(|c| c.is_ascii_digit()));
    if starts_block { format!("\\{text}") } else { text.to_owned() }
}

fn escape_url(url: &str) -> String {
    url.replace(' ', "%20").replace('(', "%28").replace(')', "%29")
}

fn prefix_lines(text: &str, prefix: &str) -> String {
    text.lines().map(|line| format!("{prefix}{line}")).collect::<Vec<_>>().join("\n")
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Metadata, TextBuilder};

    fn render_blocks(blocks: Vec<Block>) -> String {
        let meta = Metadata { title: Some("T".into()), byline: Some("Ann".into()), ..Metadata::default() };
        let article = Article { document: Document::new(meta, blocks), ..Article::default() };
        render(&article)
    }

    #[test]
    fn inline_runs_and_escapes() {
        let mut b = TextBuilder::new();
        b.push_str("a*b ");
        b.open(InlineStyle::Link { href: "https://x.org/(1)".into() });
        b.push_str("link ");
        b.open(InlineStyle::Emphasis);
        b.push_str("em");
        b.close();
        b.close();
        let out = render_blocks(vec![Block::from_builder(BlockKind::Paragraph, b)]);
        assert_eq!(out, "# T\n\n*Ann*\n\na\\*b [link *em*](https://x.org/%281%29)\n");
    }

    #[test]
    fn lists_quotes_and_code() {
        let out = render_blocks(vec![
            Block::new(BlockKind::ListItem { depth: 0, ordered: false, number: None }, "one"),
            Block::new(BlockKind::ListItem { depth: 1, ordered: true, number: None }, "two"),
            Block::new(BlockKind::Blockquote { attribution: Some("Bo".into()) }, "q"),
            Block::new(BlockKind::Preformatted, "x ``` y"),
            Block::new(BlockKind::Paragraph, "1. not a list"),
        ]);
        assert!(
            out.contains("- one\n   1. two\n\n> q\n>\n> — Bo\n\n````\nx ``` y\n````\n\n\\1. not a list"),
            "{out}"
        );
    }
}
