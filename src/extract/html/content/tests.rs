use crate::extract::html::dom::Dom;

use super::*;

const PARA: &str = "A sentence long enough to count as a paragraph, with commas, clauses, and a full stop.";

fn paras(n: usize) -> String {
    format!("<p>{PARA}</p>").repeat(n)
}

/// The texts that survive selection and pruning, via the converter.
fn kept_text(html: &str) -> String {
    let dom = Dom::parse(html);
    let tree = Tree::build(&dom);
    let site = Site::of(Some("https://ex.org/a"));
    let selection = select(&tree, &site).unwrap();
    super::super::blocks::convert(&tree, &selection, None)
        .iter()
        .map(|b| b.text().to_owned())
        .collect::<Vec<_>>()
        .join("|")
}

fn root_class(html: &str) -> String {
    let dom = Dom::parse(html);
    let tree = Tree::build(&dom);
    let selection = select(&tree, &Site::default()).unwrap();
    tree.el(selection.root).element.attr("class").unwrap_or_default().to_owned()
}

#[test]
fn the_densest_container_wins() {
    let html = format!(
        "<div class=page><div class=teaser><h3><a href=/x>Another story on the same site</a></h3>\
         <p>{PARA}</p></div><div class=story>{}</div></div>",
        paras(6)
    );
    assert_eq!(root_class(&html), "story");
}

#[test]
fn an_article_split_by_figures_is_joined() {
    let html = format!(
        "<div class=post><div class=chunk>{}</div><figure><img src=a.png></figure>\
         <div class=chunk>{}</div><div class=chunk>{}</div></div><div class=other><p>{PARA}</p></div>",
        paras(3),
        paras(8),
        paras(3)
    );
    assert_eq!(root_class(&html), "post");
    assert_eq!(kept_text(&html).matches(PARA).count(), 14);
}

#[test]
fn a_lone_paragraph_beside_the_article_is_not_joined() {
    let html = format!("<div class=top><p class=lede>{PARA}</p><div class=body>{}</div></div>", paras(8));
    assert_eq!(root_class(&html), "body");
}

#[test]
fn chrome_inside_the_article_is_dropped() {
    let html = format!(
        "<article>{}<div class=share-bar><a href=/s>Share this story</a></div>\
         <div class=byline>By Someone Important</div><aside><p>{PARA} Aside.</p></aside>\
         <div class=comments><p>{PARA} Comment.</p></div>{}</article>",
        paras(3),
        paras(3)
    );
    let kept = kept_text(&html);
    for gone in ["Share this", "By Someone", "Aside.", "Comment."] {
        assert!(!kept.contains(gone), "{gone} kept: {kept}");
    }
    assert_eq!(kept.matches(PARA).count(), 6);
}

#[test]
fn internal_link_lists_go_and_outside_links_stay() {
    let html = format!(
        "<article>{}<ul><li><a href=/one>Another story on this very site today</a></li>\
         <li><a href=/two>Yet another story on this same site</a></li></ul>\
         <ul><li><a href=https://shop.example.com/x>Buy it at the shop for 30</a></li></ul>{}</article>",
        paras(3),
        paras(3)
    );
    let kept = kept_text(&html);
    assert!(!kept.contains("Another story"), "{kept}");
    assert!(kept.contains("Buy it at the shop"), "{kept}");
}

#[test]
fn credits_and_caption_boxes_go_but_figcaptions_stay() {
    let html = format!(
        "<article>{}<figure><img src=a.png><figcaption class=image-caption>The quay at dawn.\
         <span class=credit>Photo: Agency</span></figcaption></figure>\
         <div class=wp-caption><img src=b.png><p class=wp-caption-text>A caption box.</p></div>{}</article>",
        paras(3),
        paras(3)
    );
    let kept = kept_text(&html);
    assert!(kept.contains("The quay at dawn."), "{kept}");
    assert!(!kept.contains("Photo: Agency"), "{kept}");
    assert!(!kept.contains("A caption box."), "{kept}");
}

#[test]
fn a_misnamed_wrapper_is_read_after_a_relaxed_retry() {
    let html = format!(
        "<div class=widget-wrap><div class=text>{}</div></div><div class=main><p>Short.</p></div>",
        paras(5)
    );
    let kept = kept_text(&html);
    assert_eq!(kept.matches(PARA).count(), 5, "{kept}");
}

#[test]
fn forms_and_galleries_are_cleaned() {
    let html = format!(
        "<article>{}<div class=box><input type=text><input type=text><p>Enter your name</p></div>\
         <div class=gallery><img src=1.png><img src=2.png><img src=3.png><span>1 of 3</span></div>{}</article>",
        paras(3),
        paras(3)
    );
    let kept = kept_text(&html);
    assert!(!kept.contains("Enter your name") && !kept.contains("1 of 3"), "{kept}");
}

#[test]
fn an_empty_page_selects_nothing() {
    let dom = Dom::parse("");
    let tree = Tree::build(&dom);
    let selection = select(&tree, &Site::default());
    assert!(selection.is_none_or(|s| s.stats[s.root as usize].good == 0));
}

#[test]
fn a_page_of_menus_and_footers_has_no_article() {
    let html = "<body><header><nav><a href=/>Home</a> <a href=/about>About</a></nav></header>\
                <div class=paywall><button>Subscribe</button></div>\
                <footer><p>© 2026 The Tideline Review · Privacy · Terms of service and notices</p>\
                <p>Start your own newsletter · Get the app for your phone</p></footer></body>";
    let dom = Dom::parse(html);
    let tree = Tree::build(&dom);
    assert!(select(&tree, &Site::default()).is_none());
}

#[test]
fn a_short_article_beside_a_footer_is_still_found() {
    let html = format!(
        "<body><div class=post><p>{PARA}</p></div><footer><p>© 2026 The Tideline Review</p></footer></body>"
    );
    assert_eq!(kept_text(&html), PARA);
}
