use crate::extract::html::dom::Dom;

use super::*;
use crate::extract::html::content;
use crate::extract::html::site::Site;

fn convert_page(body: &str) -> Vec<Block> {
    let dom = Dom::parse(body);
    let tree = Tree::build(&dom);
    let selection = content::select(&tree, &Site::default()).unwrap();
    convert(&tree, &selection, url::Url::parse("https://ex.org/a/").ok().as_ref())
}

fn blocks_of(body: &str) -> Vec<(String, String)> {
    convert_page(body).into_iter().map(|b| (b.kind().name().to_owned(), b.text().to_owned())).collect()
}

#[test]
fn structure_is_kept() {
    let got = blocks_of(
        "<h2>Head</h2><p>One <em>two</em></p><ul><li>a<ul><li>b</li></ul></li></ul>\
         <blockquote><p>Q</p></blockquote><pre>x\n  y</pre><hr><figure><img src=i.png alt=Alt><figcaption>Cap</figcaption></figure>",
    );
    let kinds: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "heading",
            "paragraph",
            "list_item",
            "list_item",
            "blockquote",
            "preformatted",
            "rule",
            "figure",
            "caption"
        ]
    );
    assert_eq!(got[5].1, "x\n  y");
}

#[test]
fn list_items_know_depth_order_and_paragraphs() {
    let blocks = convert_page("<ol><li><p>one</p><ul><li>inner</li></ul></li><li>two</li></ol>");
    assert_eq!(blocks[0].kind(), &BlockKind::ListItem { depth: 0, ordered: true, number: Some(1) });
    assert_eq!(blocks[1].kind(), &BlockKind::ListItem { depth: 1, ordered: false, number: None });
    assert_eq!(blocks[2].kind(), &BlockKind::ListItem { depth: 0, ordered: true, number: Some(2) });
}

#[test]
fn inline_styles_and_links_become_runs() {
    let blocks = convert_page("<p>See <a href='../b'>this <b>page</b></a> and <code>x()</code>.</p>");
    let runs: Vec<(&str, &InlineStyle)> =
        blocks[0].inlines().iter().map(|i| (&blocks[0].text()[i.range.clone()], &i.style)).collect();
    assert!(runs.contains(&("this page", &InlineStyle::Link { href: "https://ex.org/b".into() })));
    assert!(runs.contains(&("page", &InlineStyle::Strong)));
    assert!(runs.contains(&("x()", &InlineStyle::Code)));
}

#[test]
fn anchors_and_script_links_are_not_links() {
    let blocks = convert_page("<p><a href='#top'>up</a> <a href='JavaScript:void(0)'>js</a></p>");
    assert!(blocks[0].inlines().is_empty());
    assert_eq!(blocks[0].text(), "up js");
}

#[test]
fn double_line_breaks_split_paragraphs() {
    let got = blocks_of("<div>First line<br>same paragraph<br><br>Second paragraph</div>");
    assert_eq!(got[0].1, "First line\nsame paragraph");
    assert_eq!(got[1].1, "Second paragraph");
}

#[test]
fn data_tables_become_rows_and_layout_tables_content() {
    let blocks = convert_page(
        "<table><tr><th>Pos</th><th>Name</th></tr><tr><td>1</td><td>Ann <b>Lee</b></td></tr></table>",
    );
    assert_eq!(
        blocks[0].kind(),
        &BlockKind::Table {
            rows: vec![vec!["Pos".into(), "Name".into()], vec!["1".into(), "Ann Lee".into()]]
        }
    );
    let layout = blocks_of(
        "<table><tr><td><p>A long paragraph of article text sitting in a layout table cell, as old pages do.</p>\
         <p>Another long paragraph of article text in the same cell, with commas, and more.</p></td></tr></table>",
    );
    assert!(layout.iter().all(|(kind, _)| kind == "paragraph"));
}

#[test]
fn formulas_keep_their_tokens_apart() {
    let got = blocks_of("<p>Solve <math><mi>a</mi><mi>x</mi><mo>+</mo><mn>2</mn></math> now.</p>");
    assert_eq!(got[0].1, "Solve a x + 2 now.");
}

#[test]
fn quote_attribution_from_cite_or_dash() {
    let blocks = convert_page(
        "<blockquote><p>Words.</p><cite>Ann Lee</cite></blockquote><blockquote><p>More.</p><p>— Bo Chen, mayor</p></blockquote>",
    );
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].kind(), &BlockKind::Blockquote { attribution: Some("Ann Lee".into()) });
    assert_eq!(blocks[1].kind(), &BlockKind::Blockquote { attribution: Some("Bo Chen, mayor".into()) });
}

#[test]
fn pull_quotes_are_quotes_and_footnotes_are_labelled() {
    let blocks = convert_page(
        "<p>Text.</p><div class=pullquote><p>Said it.</p></div>\
         <section class=footnotes><ol><li><p>First note. <a href='#r1'>↩</a></p></li><li>Second note.</li></ol></section>",
    );
    assert_eq!(blocks[1].kind(), &BlockKind::Blockquote { attribution: None });
    assert_eq!(blocks[2].kind(), &BlockKind::Footnote { label: Some("1".into()) });
    assert_eq!(blocks[2].text(), "First note.");
    assert_eq!(blocks[3].kind(), &BlockKind::Footnote { label: Some("2".into()) });
}

#[test]
fn deeply_nested_styles_reopen_only_a_few_runs() {
    // Deep, but inside the parser's nesting cap, so both paragraphs stay.
    let depth = 200;
    let html = format!("{}<p>a</p><p>b</p>{}", "<b><i>".repeat(depth), "</i></b>".repeat(depth));
    let blocks = convert_page(&html);
    assert!(blocks.iter().all(|b| b.inlines().len() <= MAX_REOPENED_STYLES));
    assert_eq!(blocks.len(), 2);
}
