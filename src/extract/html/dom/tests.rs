use super::*;

/// The walk as a compact string: `<p>` opens, `</p>` closes, text in quotes.
fn outline(dom: &Dom) -> String {
    let mut out = String::new();
    dom.walk(|step| match step {
        Step::Open(Data::Element(element)) => out.push_str(&format!("<{}>", element.name())),
        Step::Close(Data::Element(element)) => out.push_str(&format!("</{}>", element.name())),
        Step::Open(Data::Text(text)) => out.push_str(&format!("{:?}", &**text)),
        _ => {}
    });
    out
}

#[test]
fn a_fragment_gets_the_document_shell() {
    let dom = Dom::parse("<p>One</p>");
    assert_eq!(outline(&dom), r#"<html><head></head><body><p>"One"</p></body></html>"#);
}

#[test]
fn adjacent_text_is_one_node() {
    // The entity splits the text into several appends.
    let dom = Dom::parse("<p>Tom &amp; Jerry</p>");
    assert_eq!(outline(&dom), r#"<html><head></head><body><p>"Tom & Jerry"</p></body></html>"#);
}

#[test]
fn misnested_formatting_is_repaired_like_a_browser() {
    // The adoption agency moves nodes: reparenting and detaching are exercised.
    let dom = Dom::parse("<p><b>bold <i>both</b> italic</i></p>");
    assert_eq!(
        outline(&dom),
        r#"<html><head></head><body><p><b>"bold "<i>"both"</i></b><i>" italic"</i></p></body></html>"#
    );
}

#[test]
fn table_text_is_fostered_before_the_table() {
    // Text misplaced in a table is inserted before it (insert_before + merge).
    let dom = Dom::parse("<div>lead <table>stray<tr><td>cell</td></tr></table></div>");
    assert_eq!(
        outline(&dom),
        r#"<html><head></head><body><div>"lead stray"<table><tbody><tr><td>"cell"</td></tr></tbody></table></div></body></html>"#
    );
}

#[test]
fn attributes_are_read_by_name_and_duplicates_merge() {
    let dom = Dom::parse(
        r#"<html lang="en"><body><a href="/x" class="more">x</a></body><html data-extra="1" lang="fr">"#,
    );
    let mut seen = Vec::new();
    dom.walk(|step| {
        if let Step::Open(Data::Element(element)) = step {
            seen.push((
                element.name().to_owned(),
                element.attrs().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>(),
            ));
        }
    });
    // A second <html> adds only the attributes the first lacked.
    assert_eq!(seen[0], ("html".to_owned(), vec!["lang=en".to_owned(), "data-extra=1".to_owned()]));
    let link = seen.iter().find(|(name, _)| name == "a").unwrap();
    assert_eq!(link.1, vec!["href=/x".to_owned(), "class=more".to_owned()]);
}

#[test]
fn template_contents_are_walked_in_place() {
    let dom = Dom::parse("<template><p>kept</p></template>");
    assert!(outline(&dom).contains(r#"<template><p>"kept"</p></template>"#));
}

#[test]
fn deep_nesting_walks_without_stack() {
    let depth = 50_000;
    let html = format!("{}x{}", "<span>".repeat(depth), "</span>".repeat(depth));
    let dom = Dom::parse(&html);
    let mut opens = 0usize;
    let mut closes = 0usize;
    dom.walk(|step| match step {
        Step::Open(Data::Element(_)) => opens += 1,
        Step::Close(Data::Element(_)) => closes += 1,
        _ => {}
    });
    assert_eq!(opens, closes);
    // Nesting is capped while parsing; every level up to the cap is kept.
    assert!(opens > crate::extract::html::depth::MAX_DEPTH);
    assert!(opens < crate::extract::html::depth::MAX_DEPTH + 8);
}

#[test]
fn an_empty_page_is_just_the_shell() {
    let dom = Dom::parse("");
    assert!(!dom.is_empty());
    assert_eq!(outline(&dom), "<html><head></head><body></body></html>");
}
