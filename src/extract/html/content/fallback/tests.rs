use super::super::super::stats::Stats;
use super::super::super::{dom::Dom, extract, extract_rescued, parse};
use super::*;
use crate::model::BlockKind;

const PARA: &str = "A sentence long enough to count as a paragraph, with commas, clauses, and a full stop.";

fn text(html: &str) -> String {
    extract(html, None).blocks().iter().map(|b| b.text().to_owned()).collect::<Vec<_>>().join("|")
}

/// A selection whose best element held `good` bytes of paragraph text.
fn held(good: u32) -> Selection {
    let mut stats = vec![Stats::default()];
    stats[0].good = good;
    Selection { root: 0, top: 0, stats, strict: true, lenient: false }
}

#[test]
fn too_little_is_nothing_or_under_a_quarter_of_what_was_held() {
    let paragraph = |len: usize| vec![Block::new(BlockKind::Paragraph, &"x".repeat(len))];
    let cases: [(&[Block], Option<u32>, bool); 7] = [
        (&[], None, true),
        (&[], Some(0), true),
        (&paragraph(10), None, false),
        (&paragraph(10), Some(0), false),
        (&paragraph(250), Some(1_000), false),
        (&paragraph(249), Some(1_000), true),
        (&paragraph(2_000), Some(1_000), false),
    ];
    for (blocks, good, expected) in cases {
        let selection = good.map(held);
        assert_eq!(too_little(blocks, selection.as_ref()), expected, "{} bytes of {good:?}", blocks.len());
    }
}

#[test]
fn a_container_pruned_to_nothing_is_read_again_with_fewer_rules() {
    // Every part has two players, which cleans it as an embed box, and
    // no part holds most of the article: pruning leaves nothing.
    let part = format!("<div class=part><p>{PARA}</p><p>{PARA}</p><iframe></iframe><iframe></iframe></div>");
    let html = format!("<body><div class=post>{}</div></body>", part.repeat(3));
    assert_eq!(text(&html).matches(PARA).count(), 6, "{}", text(&html));
}

#[test]
fn the_net_that_caught_the_article_is_named() {
    let part = format!("<div class=part><p>{PARA}</p><p>{PARA}</p><iframe></iframe><iframe></iframe></div>");
    let pruned = format!("<body><div class=post>{}</div></body>", part.repeat(3));
    assert_eq!(extract_rescued(&parse(&pruned), None).1, Some(Rescue::Lenient));
    let plain = format!("<body><article><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></article></body>");
    assert_eq!(extract_rescued(&parse(&plain), None).1, None);
    assert_eq!(extract_rescued(&parse("<body><nav><a href=/>Home</a></nav></body>"), None).1, None);
}

#[test]
fn the_lenient_retry_still_leaves_chrome_out() {
    let part = format!(
        "<div class=part><p>{PARA}</p><p>{PARA}</p><iframe></iframe><iframe></iframe>\
         <div class=share-tools><a href=/s>Share this story with a friend</a></div></div>"
    );
    let html = format!("<body><div class=post>{}</div></body>", part.repeat(3));
    let kept = text(&html);
    assert_eq!(kept.matches(PARA).count(), 6, "{kept}");
    assert!(!kept.contains("Share this story"), "{kept}");
}

#[test]
fn an_article_is_not_read_twice() {
    // Enough kept: no fallback runs and the article comes out as usual.
    let html = format!(
        "<body><nav><a href=/>Home</a></nav><article><h2>Ferries</h2><p>{PARA}</p><p>{PARA}</p>\
         <p>{PARA}</p></article><footer><p>Contact the newsroom.</p></footer></body>"
    );
    let dom = Dom::parse(&html);
    let tree = Tree::build(&dom);
    let selection = super::super::select(&tree, &Site::default());
    let blocks: Vec<Block> = extract(&html, None).blocks().to_vec();
    assert!(!too_little(&blocks, selection.as_ref()));
    assert_eq!(text(&html), format!("Ferries|{PARA}|{PARA}|{PARA}"));
}

#[test]
fn a_page_of_menus_and_footers_still_has_no_article() {
    let html = "<body><nav><a href=/>Home</a> <a href=/news>News, sport and weather today</a></nav>\
                <footer><p>© 2026 The Tideline Review, all rights reserved, and more besides.</p></footer></body>";
    assert_eq!(text(html), "");
}

#[test]
fn the_main_text_is_the_smallest_box_holding_most_of_it() {
    let html = format!(
        "<body><div class=wrap><div class=inner><div>{PARA}</div><div>{PARA}</div><div>{PARA}</div>\
         <div>{PARA}</div><div>{PARA}</div></div><div class=aside><div>{PARA}</div></div></div></body>"
    );
    let dom = Dom::parse(&html);
    let tree = Tree::build(&dom);
    let main = main_text(&tree, &Site::default()).unwrap();
    assert_eq!(tree.el(main.root).element.attr("class"), Some("inner"));
    assert!(main.lenient);
}

#[test]
fn the_main_text_is_never_a_footer() {
    // Most of the page's paragraph text is its footer's: no main text.
    let html = format!(
        "<body><div><p>{PARA}</p></div><footer><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p></footer></body>"
    );
    let dom = Dom::parse(&html);
    let tree = Tree::build(&dom);
    assert!(main_text(&tree, &Site::default()).is_none());
    // With no box holding most of it, the body is the main text.
    let spread = format!("<body><div><p>{PARA}</p></div><div><p>{PARA}</p></div></body>");
    let dom = Dom::parse(&spread);
    let tree = Tree::build(&dom);
    let main = main_text(&tree, &Site::default()).unwrap();
    assert_eq!(tree.el(main.root).tag, Tag::Body);
}
