use std::path::Path;

use super::*;

/// A page in the shape of a Ghost blog post: a signup card and a share bar
/// inside the body, a "more posts" list and comments outside it.
const GHOST_PAGE: &str = r##"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ferry fares and the county budget</title>
<meta name="generator" content="Ghost 5.82">
<link rel="canonical" href="https://harbor-notes.example/ferry-fares/"></head>
<body><header class="site-header"><a href="/">Harbor Notes</a></header>
<main><article class="article post">
<h1 class="article-title">Ferry fares and the county budget</h1>
<section class="gh-content gh-canvas">
<p>The county will raise ferry fares by a fifth in April, the finance committee decided on Tuesday after a long session.</p>
<div class="kg-card kg-signup-card"><h2>Sign up for Harbor Notes</h2><p>Get every post in your inbox, free.</p></div>
<p>Commuters from the islands, who have no other way to the mainland, will pay the most.</p>
<div class="gh-share"><a href="#">Share on X</a></div>
</section></article>
<aside class="read-more"><h3>More posts</h3><p>Another post about tides and timetables that is not this article.</p></aside>
</main></body></html>"##;

fn rules() -> SiteRules {
    SiteRules::builtin()
}

#[test]
fn every_builtin_selector_compiles() {
    for rule in &rules().rules {
        assert!(rule.compiled().is_ok(), "{}: {:?}", rule.name(), rule.compiled().err());
    }
    assert!(BUILTIN.len() >= 5);
}

#[test]
fn a_builtin_rule_keeps_the_body_and_drops_the_furniture() {
    let rules = rules();
    let rule = rules.find(GHOST_PAGE, None).unwrap();
    assert_eq!(rule.name(), "Ghost");
    let reduced = rule.reduce(GHOST_PAGE).unwrap();
    assert!(reduced.html.contains("raise ferry fares"));
    assert!(reduced.html.contains("will pay the most"));
    for gone in ["Sign up for Harbor Notes", "Share on X", "More posts", "Harbor Notes</a>"] {
        assert!(!reduced.html.contains(gone), "{gone}");
    }
    assert!(reduced.html.contains("<title>Ferry fares"), "the head is kept for the metadata");
    assert_eq!(reduced.title.as_deref(), Some("Ferry fares and the county budget"));
}

#[test]
fn hosts_match_the_address_or_the_canonical_one_and_subdomains() {
    let page =
        "<html><head><link rel=canonical href=\"https://ada.substack.com/p/x\"></head><body></body></html>";
    assert_eq!(rules().find(page, None).map(Rule::name), Some("Substack"));
    let plain = "<html><head></head><body><p>x</p></body></html>";
    assert_eq!(rules().find(plain, Some("https://medium.com/@ada/x")).map(Rule::name), Some("Medium"));
    assert_eq!(rules().find(plain, Some("https://notmedium.com/x")).map(Rule::name), None);
    assert_eq!(rules().find(plain, None).map(Rule::name), None);
}

#[test]
fn a_body_that_matches_nothing_leaves_the_page_whole() {
    let page = "<html><head><meta name=generator content=\"WordPress 6\"></head><body><p>No entry content here.</p></body></html>";
    let rules = rules();
    let rule = rules.find(page, None).unwrap();
    assert_eq!(rule.name(), "WordPress");
    assert!(rule.reduce(page).is_none());
}

fn user_rule(body: &str) -> RuleSpec {
    RuleSpec {
        name: "Pier Weekly".into(),
        hosts: vec!["pier-weekly.example".into()],
        body: body.into(),
        drop: vec![".promo".into()],
        title: Some("h2.headline".into()),
        date: Some("time.published".into()),
        ..RuleSpec::default()
    }
}

#[test]
fn a_user_rule_wins_and_reads_title_and_date() {
    let rules = SiteRules::with_user(vec![(user_rule("div.story"), 3)], Path::new("c.toml")).unwrap();
    let page = "<html><head><meta name=generator content=\"WordPress 6\"></head><body>\
        <h2 class=headline>Pier repairs  start</h2><time class=published datetime=\"2026-05-02\">May 2</time>\
        <div class=story><p>The pier closes for repairs in June.</p><p class=promo>Subscribe!</p></div>\
        <div class=entry-content><p>Not this.</p></div></body></html>";
    let rule = rules.find(page, Some("https://www.pier-weekly.example/a")).unwrap();
    assert_eq!(rule.name(), "Pier Weekly");
    let reduced = rule.reduce(page).unwrap();
    assert!(reduced.html.contains("closes for repairs") && !reduced.html.contains("Subscribe!"));
    assert!(!reduced.html.contains("Not this."));
    assert_eq!(reduced.title.as_deref(), Some("Pier repairs start"));
    assert_eq!(reduced.date.as_deref(), Some("2026-05-02"));
}

#[test]
fn a_bad_user_selector_names_the_file_line_and_selector() {
    let error = SiteRules::with_user(vec![(user_rule("div..story"), 12)], Path::new("/home/a/config.toml"))
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with(
            "/home/a/config.toml: line 12: site rule `Pier Weekly`: invalid CSS selector `div..story`"
        ),
        "{error}"
    );
}

fn traced(page: &str, url: Option<&str>) -> (crate::model::Document, crate::extract::Trace) {
    let mut loaded =
        crate::source::Loaded::from_bytes(page.as_bytes().to_vec(), crate::source::SourceSpec::Stdin);
    loaded.url = url.map(str::to_owned);
    crate::extract::extract_traced(loaded, None, &rules()).unwrap()
}

#[test]
fn a_page_that_matches_no_rule_is_parsed_once() {
    let page = GHOST_PAGE.replace("<meta name=\"generator\" content=\"Ghost 5.82\">", "");
    let (document, trace) = traced(&page, Some("https://harbor-notes.example/ferry-fares/"));
    assert_eq!((trace.html_parses, trace.site_rule), (1, None));
    assert!(document.blocks().iter().any(|b| b.text().contains("raise ferry fares")));
}

#[test]
fn a_matching_page_goes_through_its_rule_then_the_general_extractor() {
    let (document, trace) = traced(GHOST_PAGE, None);
    assert_eq!((trace.html_parses, trace.site_rule.as_deref()), (2, Some("Ghost")));
    let text: Vec<&str> = document.blocks().iter().map(crate::model::Block::text).collect();
    assert!(text.iter().any(|t| t.contains("raise ferry fares")), "{text:?}");
    assert!(text.iter().any(|t| t.contains("will pay the most")), "{text:?}");
    assert!(!text.iter().any(|t| t.contains("Sign up") || t.contains("inbox")), "{text:?}");
    assert_eq!(document.meta().title.as_deref(), Some("Ferry fares and the county budget"));
    assert_eq!(document.meta().url.as_deref(), Some("https://harbor-notes.example/ferry-fares/"));
}

#[test]
fn a_rule_that_keeps_no_article_text_gives_way_to_the_whole_page() {
    let page = "<html><head><meta name=generator content=\"Blogger\"></head><body>\
        <div class=post-body><img src=\"a.jpg\"></div>\
        <article><p>The harbor board approved the new ferry timetable on Monday after a short debate \
        in which nobody objected to the earlier first sailing.</p></article></body></html>";
    let (document, trace) = traced(page, None);
    assert_eq!((trace.html_parses, trace.site_rule), (3, None));
    assert!(document.blocks().iter().any(|b| b.text().contains("ferry timetable")));
}

#[test]
fn of_several_bodies_the_one_with_the_most_text_is_the_article() {
    let page = "<html><head><meta name=generator content=\"WordPress 6\"></head><body>\
        <aside><div class=entry-content><p>An excerpt of another post.</p></div></aside>\
        <div class=entry-content><p>The harbor board approved the new ferry timetable on Monday \
        after a short debate in which nobody objected.</p></div>\
        <aside><div class=entry-content><p>A second excerpt.</p></div></aside></body></html>";
    let rules = rules();
    let reduced = rules.find(page, None).unwrap().reduce(page).unwrap();
    assert!(reduced.html.contains("ferry timetable"));
    assert!(!reduced.html.contains("excerpt"));
}
