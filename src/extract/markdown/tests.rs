use super::*;

fn kinds(doc: &Document) -> Vec<(&'static str, String)> {
    doc.blocks().iter().map(|b| (b.kind().name(), b.text().to_owned())).collect()
}

#[test]
fn front_matter_and_structure() {
    let doc = extract(
        "---\ntitle: \"The Title\"\nauthor: Ann Lee\ndate: 2025-06-01\n---\n\n# The Title\n\nIntro *with* [a link](https://x.org).\n\n## Part two\n\n- one\n  - nested\n\n> Quoted\n\n```\ncode\n```\n",
    );
    assert_eq!(doc.meta().title.as_deref(), Some("The Title"));
    assert_eq!(doc.meta().byline.as_deref(), Some("Ann Lee"));
    assert_eq!(doc.meta().published.as_deref(), Some("2025-06-01"));
    let got = kinds(&doc);
    let names: Vec<&str> = got.iter().map(|(k, _)| *k).collect();
    assert_eq!(names, ["paragraph", "heading", "list_item", "list_item", "blockquote", "preformatted"]);
    assert_eq!(doc.blocks()[0].inlines().len(), 2);
    assert_eq!(doc.blocks()[3].kind(), &BlockKind::ListItem { depth: 1, ordered: false, number: None });
}

#[test]
fn heading_becomes_title_without_front_matter() {
    let doc = extract("# Only heading\n\nBody.\n");
    assert_eq!(doc.meta().title.as_deref(), Some("Only heading"));
    assert_eq!(kinds(&doc), [("paragraph", "Body.".to_owned())]);
}

#[test]
fn byline_and_date_under_the_title() {
    let doc = extract("Ferry deal\n==========\n\n*By Ann Lee, 12 May 2025*\n\nBody text.\n");
    assert_eq!(doc.meta().title.as_deref(), Some("Ferry deal"));
    assert_eq!(doc.meta().byline.as_deref(), Some("Ann Lee"));
    assert_eq!(doc.meta().published.as_deref(), Some("2025-05-12"));
    assert_eq!(kinds(&doc), [("paragraph", "Body text.".to_owned())]);
    let dated = extract("# Ferry deal\n\nMarch 3, 2026\n\nBody text.\n");
    assert_eq!(dated.meta().published.as_deref(), Some("2026-03-03"));
    let plain = extract("# Ferry deal\n\nBy the end of the year, the boat will stop.\n");
    assert_eq!(plain.meta().byline, None);
    assert_eq!(plain.blocks().len(), 1);
}

#[test]
fn raw_html_is_shown_as_text() {
    let doc = extract("Para <span>inline &amp; more</span>.\n");
    assert_eq!(doc.blocks()[0].text(), "Para inline & more.");
    let hidden = extract(
        "<div>Ad <script>track()</script></div>\n\nText <script>x()</script>after <!-- note -->end.\n",
    );
    assert_eq!(kinds(&hidden), [("paragraph", "Ad".to_owned()), ("paragraph", "Text after end.".to_owned())]);
}

#[test]
fn nested_and_ordered_lists() {
    let doc = extract("1. One\n2. Two:\n   - a\n     1. deep\n   - b\n\n   Still two.\n3. Three\n");
    let got: Vec<(u8, bool, Option<u32>, &str)> = doc
        .blocks()
        .iter()
        .map(|b| match b.kind() {
            BlockKind::ListItem { depth, ordered, number } => (*depth, *ordered, *number, b.text()),
            other => panic!("{other:?}"),
        })
        .collect();
    // A numbered list counts from its first number; a second paragraph of
    // an item has no number of its own.
    assert_eq!(
        got,
        [
            (0, true, Some(1), "One"),
            (0, true, Some(2), "Two:"),
            (1, false, None, "a"),
            (2, true, Some(1), "deep"),
            (1, false, None, "b"),
            (0, true, None, "Still two."),
            (0, true, Some(3), "Three")
        ]
    );
    let resumed = extract("5. Fifth\n6. Sixth\n\nA paragraph.\n\n7. Seventh\n");
    let numbers: Vec<_> = resumed
        .blocks()
        .iter()
        .filter_map(|b| match b.kind() {
            BlockKind::ListItem { number, .. } => Some(*number),
            _ => None,
        })
        .collect();
    assert_eq!(numbers, [Some(5), Some(6), Some(7)]);
}

#[test]
fn footnotes_tables_images_and_tasks() {
    let doc = extract(
        "Text with a note.[^n] ![inline](i.png) here.\n\n![A pier](pier.jpg)\n\n| a | b |\n|---|---|\n| 1 | *2* |\n\n- [x] done\n\n[^n]: First part.\n\n    Second part.\n",
    );
    let got = kinds(&doc);
    assert_eq!(got[0], ("paragraph", "Text with a note.[n] inline here.".to_owned()));
    assert_eq!(got[1], ("figure", "A pier".to_owned()));
    assert_eq!(doc.blocks()[1].kind(), &BlockKind::Figure { src: Some("pier.jpg".into()) });
    assert_eq!(got[2], ("table", "a | b\n1 | 2".to_owned()));
    assert_eq!(got[3], ("list_item", "[x] done".to_owned()));
    assert_eq!(got[4], ("footnote", "First part.\nSecond part.".to_owned()));
    assert_eq!(doc.blocks()[4].kind(), &BlockKind::Footnote { label: Some("n".into()) });
}

#[test]
fn quotation_attributions() {
    for source in
        ["> The boat is our bus.\n>\n> — Lena Brandt\n", "> The boat is our bus.\n> -- Lena Brandt\n"]
    {
        let doc = extract(source);
        assert_eq!(doc.blocks().len(), 1, "{source}");
        assert_eq!(doc.blocks()[0].text(), "The boat is our bus.");
        assert_eq!(
            doc.blocks()[0].kind(),
            &BlockKind::Blockquote { attribution: Some("Lena Brandt".into()) }
        );
    }
    let two = extract("> First line\n> second line.\n");
    assert_eq!(two.blocks()[0].text(), "First line second line.");
}

#[test]
fn hostile_input_is_linear_and_safe() {
    let deep = "> ".repeat(5000) + "x\n";
    assert!(extract(&deep).has_text());
    let wide = "- ".repeat(3000) + "x\n";
    assert!(extract(&wide).has_text());
    let html = "<script>".repeat(10_000);
    assert!(!extract(&html).has_text());
}
