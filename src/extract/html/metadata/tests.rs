use crate::extract::html::dom::Dom;

use super::*;

fn meta_of(html: &str) -> Metadata {
    let dom = Dom::parse(html);
    read(&Tree::build(&dom), None).meta
}

#[test]
fn open_graph_beats_title_tag() {
    let m = meta_of(r#"<title>Page | Site</title><meta property="og:title" content="Real headline">"#);
    assert_eq!(m.title.as_deref(), Some("Real headline"));
}

#[test]
fn title_tag_loses_its_site_suffix() {
    let m = meta_of(
        r#"<meta property="og:site_name" content="The Post"><title>Budget talks stall | The Post</title>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Budget talks stall"));
    assert_eq!(m.site.as_deref(), Some("The Post"));
}

#[test]
fn json_ld_gives_author_and_date() {
    let m = meta_of(
        r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chen"}],"datePublished":"2025-03-04T23:10:00-05:00"}]}</script>"#,
    );
    assert_eq!(m.title.as_deref(), Some("H"));
    assert_eq!(m.byline.as_deref(), Some("Ann Lee, Bo Chen"));
    assert_eq!(m.published.as_deref(), Some("2025-03-04"));
}

#[test]
fn time_element_and_canonical_and_lang() {
    let m = meta_of(
        r#"<html lang="pt-BR"><link rel="canonical" href="https://x.org/a"><time datetime="2024-12-31">x</time>"#,
    );
    assert_eq!(m.published.as_deref(), Some("2024-12-31"));
    assert_eq!(m.url.as_deref(), Some("https://x.org/a"));
    assert_eq!(m.language.as_deref(), Some("pt-BR"));
}

#[test]
fn iso_date_rejects_garbage() {
    assert_eq!(iso_date("2026-02-05T10:00:00Z").as_deref(), Some("2026-02-05"));
    assert_eq!(iso_date("Feb 5, 2026"), None);
    assert_eq!(iso_date("2026-13-05"), None);
}

#[test]
fn byline_falls_back_to_byline_markup() {
    let m = meta_of(r#"<title>T</title><p class="byline">By Ines Moro</p>"#);
    assert_eq!(m.byline.as_deref(), Some("Ines Moro"));
    let m = meta_of(r#"<title>T</title><a rel="author" href="/u/1">Ola Berg</a>"#);
    assert_eq!(m.byline.as_deref(), Some("Ola Berg"));
    let m =
        meta_of(r#"<meta name="author" content="https://ex.org/u/1"><span class="author">Ana Paz</span>"#);
    assert_eq!(m.byline.as_deref(), Some("Ana Paz"));
}

#[test]
fn h1_is_the_title_of_a_page_but_not_of_a_fragment() {
    assert_eq!(meta_of("<title>x</title><h1>Page headline</h1>").title.as_deref(), Some("Page headline"));
    assert_eq!(meta_of("<h1>A heading in an exported body</h1><p>Text.</p>").title, None);
}

#[test]
fn a_page_known_by_its_metas_alone_stays_a_page_through_the_prescan() {
    // No title, and no meta metadata reads: the first meta with a key makes
    // it a page, and the prescan keeps that one.
    let page = r#"<meta charset=utf-8><meta name=viewport content="w"><meta name=theme-color content=x><h1>Page headline</h1>"#;
    let title = |html: &str| crate::extract::html::extract(html, None).meta().title.clone();
    assert_eq!(title(page).as_deref(), Some("Page headline"));
    assert_eq!(meta_of(page).title.as_deref(), Some("Page headline"));
}

#[test]
fn site_prefix_and_og_title_suffix_are_dropped() {
    let m = meta_of(
        r#"<meta property="og:site_name" content="Daily Post"><meta property="og:title" content="Daily Post - Rail strike ends">"#,
    );
    assert_eq!(m.title.as_deref(), Some("Rail strike ends"));
}

#[test]
fn language_from_locale_when_html_has_none() {
    assert_eq!(meta_of(r#"<meta property="og:locale" content="fr_FR">"#).language.as_deref(), Some("fr-FR"));
}

#[test]
fn base_href_resolves_against_the_page() {
    let dom = Dom::parse(r#"<base href="/news/"><link rel="canonical" href="https://ex.org/a/b">"#);
    let page = read(&Tree::build(&dom), Some("https://ex.org/x/y"));
    assert_eq!(page.base.unwrap().as_str(), "https://ex.org/news/");
}

#[test]
fn dates_written_out_in_metadata_are_read_too() {
    assert_eq!(written_date("2026-02-05T23:30:00-08:00").as_deref(), Some("2026-02-05"));
    assert_eq!(written_date("Feb 5, 2026").as_deref(), Some("2026-02-05"));
    assert_eq!(written_date("not a date"), None);
}

#[test]
fn bylines_stop_where_a_date_time_or_separator_begins() {
    for (written, want) in [
        ("Ines Moro", "Ines Moro"),
        ("Ines Moro | March 9, 2026 8:02 PM Print this article", "Ines Moro"),
        ("Ines Moro 22 Dec 2025 651", "Ines Moro"),
        ("Ines Moro - Apr 16, 2025 8:02 pm UTC", "Ines Moro"),
        ("The Wire Service November 19, 2025, 9:02 AM", "The Wire Service"),
        ("Ines Moro — 2026-02-05", "Ines Moro"),
        ("Ines Moro —", "Ines Moro"),
        ("Ines Moro, Harbour Desk", "Ines Moro, Harbour Desk"),
        // Months as names, and numbers that are no date, stay.
        ("April Dunmore and May Ortiz", "April Dunmore and May Ortiz"),
        ("Staff of Route 66 Weekly", "Staff of Route 66 Weekly"),
        ("12:30", ""),
    ] {
        assert_eq!(byline_names(written), want, "{written:?}");
    }
}

#[test]
fn a_date_in_the_byline_is_the_date_when_the_page_gives_none() {
    let m = meta_of(r#"<title>T</title><p class="byline">By Ines Moro | Feb 5, 2026 8:02 PM</p>"#);
    assert_eq!(m.byline.as_deref(), Some("Ines Moro"));
    assert_eq!(m.published.as_deref(), Some("2026-02-05"));
}

#[test]
fn a_twitter_handle_is_the_site_only_without_an_address() {
    let html = r#"<meta name="twitter:site" content="@harbourpost"><title>T</title>"#;
    assert_eq!(meta_of(html).site.as_deref(), Some("@harbourpost"));
    let dom = Dom::parse(html);
    let fetched = read(&Tree::build(&dom), Some("https://www.harbourpost.example/2026/ferry")).meta;
    assert_eq!(fetched.site.as_deref(), Some("harbourpost.example"));
}
