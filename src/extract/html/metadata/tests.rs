use scraper::Html;

use super::*;

fn meta_of(html: &str) -> Metadata {
    let dom = Html::parse_document(html);
    read(&Tree::build(&dom), None).0
}

#[test]
fn open_graph_beats_title_tag() {
    let m = meta_of(r#"<title>Page | Site</title><meta property="og:title" content="Real headline">"#);
    assert_eq!(m.title.as_deref(), Some("Real headline"));
}

#[test]
fn title_tag_loses_its_site_suffix() {
    let m = meta_of(r#"<meta property="og:site_name" content="The Post"><title>Budget talks stall | The Post</title>"#);
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
