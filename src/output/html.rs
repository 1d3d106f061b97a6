//! `byline export ID --format html`: the article as one self-contained
//! HTML page (a little CSS for reading, no script, no remote resource but
//! the figures' own images). Text is escaped; a link or image whose target
//! is not `http`, `https` or `mailto` (a `javascript:` URL) is left out,
//! keeping its text.

use crate::model::{Article, Block, BlockKind, InlineStyle};

const STYLE: &str = "body{max-width:40em;margin:2em auto;padding:0 1em;font:1.1em/1.55 Georgia,serif;color:#222}\
h1{line-height:1.2}.meta{color:#666;font-style:italic}blockquote{margin-left:0;padding-left:1em;\
border-left:3px solid #ccc;color:#444}figure{margin:1em 0}img{max-width:100%}\
table{border-collapse:collapse}td{border:1px solid #ccc;padding:.2em .5em}.footnote{font-size:.9em}";

/// Renders the article as an HTML page.
#[must_use]
pub fn render(article: &Article) -> String {
    let meta = article.meta();
    let title = meta.title.as_deref().unwrap_or("Untitled");
    let mut out = String::from("<!DOCTYPE html>\n");
    out.push_str(&format!(
        "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        attr(meta.language.as_deref().unwrap_or("en"))
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", text(title)));
    if let Some(byline) = &meta.byline {
        out.push_str(&format!("<meta name=\"author\" content=\"{}\">\n", attr(byline)));
    }
    if let Some(url) = meta.url.as_deref().filter(|url| safe_url(url)) {
        out.push_str(&format!("<link rel=\"canonical\" href=\"{}\">\n", attr(url)));
    }
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n<article>\n<h1>{}</h1>\n", text(title)));
    if let Some(line) = super::metadata_line(meta) {
        out.push_str(&format!("<p class=\"meta\">{}</p>\n", text(&line)));
    }
    let mut lists: Vec<bool> = Vec::new();
    for block in article.blocks() {
        if let BlockKind::ListItem { depth, ordered, number } = block.kind() {
            open_item(&mut out, &mut lists, usize::from(*depth) + 1, *ordered, *number);
            out.push_str(&inline_html(block));
            continue;
        }
        close_lists(&mut out, &mut lists, 0);
        out.push_str(&block_html(block));
        out.push('\n');
    }
    close_lists(&mut out, &mut lists, 0);
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// Opens the `<li>` of an item `level` lists deep, closing and opening
/// lists around it; an item's `<li>` stays open for a deeper list.
fn open_item(out: &mut String, lists: &mut Vec<bool>, level: usize, ordered: bool, number: Option<u32>) {
    close_lists(out, lists, level);
    if lists.len() == level && lists.last() != Some(&ordered) {
        close_lists(out, lists, level - 1);
    }
    // The item's own number, so that a list resumed after a paragraph
    // ("5." after "4.") keeps counting.
    let li = number.map_or_else(|| "<li>".to_owned(), |number| format!("<li value=\"{number}\">"));
    if lists.len() == level {
        out.push_str("</li>\n");
        out.push_str(&li);
        return;
    }
    while lists.len() < level {
        out.push_str(if ordered { "<ol>\n" } else { "<ul>\n" });
        lists.push(ordered);
        out.push_str(if lists.len() == level { &li } else { "<li>" });
    }
}

fn close_lists(out: &mut String, lists: &mut Vec<bool>, keep: usize) {
    while lists.len() > keep {
        let ordered = lists.pop().unwrap_or(false);
        out.push_str(if ordered { "</li>\n</ol>\n" } else { "</li>\n</ul>\n" });
    }
}

fn block_html(block: &Block) -> String {
    let inline = || inline_html(block);
    match block.kind() {
        BlockKind::Heading { level } => {
            let level = level.clamp(&2, &6);
            format!("<h{level}>{}</h{level}>", inline())
        }
        BlockKind::Paragraph | BlockKind::ListItem { .. } => format!("<p>{}</p>", inline()),
        BlockKind::Blockquote { attribution } => {
            let cite = attribution
                .as_deref()
                .map(|a| format!("\n<footer>— {}</footer>", text(a)))
                .unwrap_or_default();
            format!("<blockquote>\n<p>{}</p>{cite}\n</blockquote>", inline())
        }
        BlockKind::Preformatted => format!("<pre>{}</pre>", text(block.text())),
        BlockKind::Caption => format!("<p class=\"caption\"><small>{}</small></p>", inline()),
        BlockKind::Table { rows } => {
            let mut out = String::from("<table>\n");
            for row in rows {
                out.push_str("<tr>");
                for cell in row {
                    out.push_str(&format!("<td>{}</td>", text(cell)));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>");
            out
        }
        BlockKind::Rule => "<hr>".to_owned(),
        BlockKind::Footnote { label } => {
            let label = label.as_deref().map(|l| format!("<sup>{}</sup> ", text(l))).unwrap_or_default();
            format!("<p class=\"footnote\">{label}{}</p>", inline())
        }
        BlockKind::Figure { src } => match src.as_deref().filter(|src| safe_url(src)) {
            Some(src) => {
                format!("<figure><img src=\"{}\" alt=\"{}\"></figure>", attr(src), attr(block.text()))
            }
            None => String::new(),
        },
    }
}

/// The block's text with its inline runs as elements (the runs nest: the
/// model's builder opens and closes them as a stack).
fn inline_html(block: &Block) -> String {
    let source = block.text();
    let marks = super::inline_marks(block);
    let mut out = String::new();
    let mut at = 0;
    for (position, open, index) in marks {
        out.push_str(&text(source.get(at..position).unwrap_or_default()));
        at = position.max(at);
        let tag = match &block.inlines()[index].style {
            InlineStyle::Emphasis => "em".to_owned(),
            InlineStyle::Strong => "strong".to_owned(),
            InlineStyle::Code => "code".to_owned(),
            InlineStyle::Link { href } if safe_url(href) => {
                if open {
                    out.push_str(&format!("<a href=\"{}\">", attr(href)));
                } else {
                    out.push_str("</a>");
                }
                continue;
            }
            InlineStyle::Link { .. } => continue,
        };
        out.push_str(&if open { format!("<{tag}>") } else { format!("</{tag}>") });
    }
    out.push_str(&text(source.get(at..).unwrap_or_default()));
    out.replace('\n', "<br>\n")
}

/// Whether a URL may be a link or an image source in the page.
fn safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

fn text(value: &str) -> String {
    value.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn attr(value: &str) -> String {
    text(value).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Metadata, TextBuilder};

    fn render_blocks(blocks: Vec<Block>) -> String {
        let meta =
            Metadata { title: Some("T & <U>".into()), byline: Some("Ann".into()), ..Metadata::default() };
        render(&Article { document: Document::new(meta, blocks), ..Article::default() })
    }

    #[test]
    fn text_is_escaped_and_runs_nest() {
        let mut b = TextBuilder::new();
        b.push_str("a<b ");
        b.open(InlineStyle::Link { href: "https://x.org/?a=1&b=\"2\"".into() });
        b.push_str("link ");
        b.open(InlineStyle::Emphasis);
        b.push_str("em");
        b.close();
        b.close();
        b.push_str(" ");
        b.open(InlineStyle::Link { href: "javascript:alert(1)".into() });
        b.push_str("bad");
        b.close();
        let out = render_blocks(vec![Block::from_builder(BlockKind::Paragraph, b)]);
        assert!(out.contains("<title>T &amp; &lt;U&gt;</title>"), "{out}");
        assert!(
            out.contains(
                "<p>a&lt;b <a href=\"https://x.org/?a=1&amp;b=%222%22\">link <em>em</em></a> bad</p>"
            ),
            "{out}"
        );
        assert!(!out.contains("javascript"));
    }

    #[test]
    fn lists_nest_and_close() {
        let item =
            |depth, ordered, text| Block::new(BlockKind::ListItem { depth, ordered, number: None }, text);
        let out = render_blocks(vec![
            item(0, false, "one"),
            item(1, true, "one.a"),
            item(1, true, "one.b"),
            item(0, false, "two"),
            Block::new(BlockKind::Paragraph, "after"),
        ]);
        assert!(
            out.contains(
                "<ul>\n<li>one<ol>\n<li>one.a</li>\n<li>one.b</li>\n</ol>\n</li>\n<li>two</li>\n</ul>\n<p>after</p>"
            ),
            "{out}"
        );
    }

    #[test]
    fn numbered_items_keep_their_numbers() {
        let item = |number, text| Block::new(BlockKind::ListItem { depth: 0, ordered: true, number }, text);
        let out = render_blocks(vec![
            item(Some(4), "four"),
            item(Some(5), "five"),
            Block::new(BlockKind::Paragraph, "between"),
            item(Some(6), "six"),
        ]);
        assert!(
            out.contains("<ol>\n<li value=\"4\">four</li>\n<li value=\"5\">five</li>\n</ol>\n<p>between</p>"),
            "{out}"
        );
        assert!(out.contains("<ol>\n<li value=\"6\">six</li>\n</ol>"), "{out}");
    }

    #[test]
    fn figures_need_a_safe_source() {
        let out = render_blocks(vec![
            Block::new(BlockKind::Figure { src: Some("https://x.org/a.png".into()) }, "a \"harbor\""),
            Block::new(BlockKind::Figure { src: Some("data:text/html,<script>".into()) }, "bad"),
        ]);
        assert!(out.contains("<img src=\"https://x.org/a.png\" alt=\"a &quot;harbor&quot;\">"), "{out}");
        assert!(!out.contains("data:"), "{out}");
    }
}
