//! HTML extraction through the library, as `byline extract --format json`
//! renders it: fixture pages written in the shapes of Substack (post page and
//! export fragment), `WordPress`, Ghost and Medium, each with its expected
//! metadata, sections, block kinds and text; plus encodings, hostile nesting
//! and the rules users see (captions in, alt text out, widgets out).
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use byline::output::json;
use byline::pipeline;
use byline::source::{Loaded, SourceSpec};
use serde_json::Value;

const FIXTURES: &str = "tests/fixtures/html";

/// Runs the whole pipeline on `bytes` named `name` and returns the JSON contract.
fn extract(name: &str, bytes: Vec<u8>) -> Value {
    let loaded = Loaded::from_bytes(bytes, SourceSpec::File(PathBuf::from(name)));
    let article = pipeline::build(&loaded, None).unwrap();
    serde_json::from_str(&json::render(&article)).unwrap()
}

fn extract_file(path: &Path) -> Value {
    extract(&path.display().to_string(), std::fs::read(path).unwrap())
}

fn fixture_pages() -> Vec<PathBuf> {
    let mut pages = Vec::new();
    for dir in [PathBuf::from(FIXTURES), Path::new(FIXTURES).join("posts")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "html") {
                pages.push(path);
            }
        }
    }
    pages.sort();
    pages
}

#[test]
fn every_fixture_matches_its_expected_output() {
    let pages = fixture_pages();
    assert!(pages.len() >= 5, "fixtures missing: {pages:?}");
    for page in pages {
        let expected_path = page.with_extension("expected.json");
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
        let got = extract_file(&page);
        for field in ["title", "byline", "site", "published", "url", "lang"] {
            assert_eq!(got[field], expected[field], "{}: {field}", page.display());
        }
        let sections: Vec<&Value> = got["sections"].as_array().unwrap().iter().map(|s| &s["title"]).collect();
        let expected_sections: Vec<&Value> = expected["sections"].as_array().unwrap().iter().collect();
        assert_eq!(sections, expected_sections, "{}: sections", page.display());
        let kinds: Vec<&Value> = got["blocks"].as_array().unwrap().iter().map(|b| &b["kind"]).collect();
        let expected_kinds: Vec<&Value> = expected["kinds"].as_array().unwrap().iter().collect();
        assert_eq!(kinds, expected_kinds, "{}: block kinds", page.display());
        let (text, expected_text) = (got["text"].as_str().unwrap(), expected["text"].as_str().unwrap());
        if text != expected_text {
            let first = text.lines().zip(expected_text.lines()).position(|(a, b)| a != b);
            panic!(
                "{}: text differs (first differing line {first:?})\n--- got\n{text}\n--- expected\n{expected_text}",
                page.display()
            );
        }
    }
}

#[test]
fn substack_widgets_comments_and_recommendations_stay_out() {
    let json = extract_file(&Path::new(FIXTURES).join("substack-post.html"));
    let text = json["text"].as_str().unwrap();
    for furniture in [
        "Subscribe",
        "reader-supported",
        "Type your email",
        "Share",
        "Discussion about this post",
        "eastern bank and nobody",
        "Ready for more",
        "How the 2009 flood map was drawn",
        "Start your Substack",
        "214",
        "Restack",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} leaked into the text");
    }
    let footnote = json["blocks"].as_array().unwrap().iter().find(|b| b["kind"] == "footnote").unwrap();
    assert_eq!(footnote["label"], "1");
}

#[test]
fn substack_export_fragment_has_no_invented_metadata() {
    let json = extract_file(&Path::new(FIXTURES).join("posts/181447302.ferry-timetable-fight.html"));
    for field in ["title", "byline", "published", "site", "url"] {
        assert!(json[field].is_null(), "{field} should be null for a body-only fragment");
    }
    assert!(json["text"].as_str().unwrap().starts_with("The ferry between Kessa"));
}

#[test]
fn quote_attribution_is_kept_on_the_quote_and_in_the_text() {
    let json = extract_file(&Path::new(FIXTURES).join("wordpress-post.html"));
    let quote = json["blocks"].as_array().unwrap().iter().find(|b| b["kind"] == "blockquote").unwrap();
    assert_eq!(quote["attribution"], "Port authority report, September 2025");
    assert!(json["text"].as_str().unwrap().contains("bet.\n\n— Port authority report"));
}

#[test]
fn alt_text_is_not_text_but_captions_are() {
    let page = "<html><head><title>Pictures</title></head><body><article>\
        <p>A first paragraph that is long enough to be the article, with a comma, and more.</p>\
        <figure><img src='a.png' alt='A picture of a quay'><figcaption>The quay in winter.</figcaption></figure>\
        <p>A second paragraph that is long enough to be the article, with a comma, and more.</p>\
        </article></body></html>";
    let json = extract("pictures.html", page.as_bytes().to_vec());
    let text = json["text"].as_str().unwrap();
    assert!(!text.contains("A picture of a quay"));
    assert!(text.contains("The quay in winter."));
    let figure = json["blocks"].as_array().unwrap().iter().find(|b| b["kind"] == "figure").unwrap();
    assert_eq!(figure["text"], "A picture of a quay");
}

#[test]
fn links_resolve_against_the_canonical_url() {
    let page = "<html><head><link rel=canonical href='https://news.example.org/a/story'></head><body>\
        <p>A paragraph long enough to count as the article, that links <a href='../b/other'>elsewhere</a>.</p>\
        </body></html>";
    let json = extract("links.html", page.as_bytes().to_vec());
    assert_eq!(json["links"][0]["href"], "https://news.example.org/b/other");
}

#[test]
fn scripts_never_leak_and_json_ld_is_still_read() {
    let page = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"From JSON-LD","author":{"name":"Ida Roos"}}</script>
        <script>document.write("<p>script text that must not show</p>")</script><style>p{}</style></head>
        <body><p>The only paragraph of the article, long enough to count, with a comma.</p><noscript><p>Enable scripts</p></noscript></body></html>"#;
    let json = extract("scripts.html", page.as_bytes().to_vec());
    assert_eq!(json["title"], "From JSON-LD");
    assert_eq!(json["byline"], "Ida Roos");
    assert_eq!(json["text"], "The only paragraph of the article, long enough to count, with a comma.");
}

#[test]
fn windows_1252_is_decoded_from_its_meta() {
    let mut page = b"<html><head><meta charset=\"windows-1252\"><title>T</title></head><body><p>".to_vec();
    page.extend_from_slice(b"\x93Quoted,\x94 said Jos\xe9 \x96 the caf\xe9 owner \x80 in the market square today.</p></body></html>");
    let json = extract("cp1252.html", page);
    assert_eq!(json["text"], "“Quoted,” said José – the café owner € in the market square today.");
}

#[test]
fn shift_jis_is_decoded_from_http_equiv() {
    let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head>\
        <body><p>交渉は続くと報道官は述べた。ソフトウェアの表示能力を予定どおり確認した。</p></body></html>";
    let (bytes, _, errors) = encoding_rs::SHIFT_JIS.encode(html);
    assert!(!errors);
    let json = extract("sjis.html", bytes.into_owned());
    assert_eq!(json["text"], "交渉は続くと報道官は述べた。ソフトウェアの表示能力を予定どおり確認した。");
}

#[test]
fn utf16_with_a_bom_needs_no_meta() {
    let html =
        "<html><body><p>“A quote,” said the envoy, long enough to count as the article.</p></body></html>";
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(html.encode_utf16().flat_map(u16::to_be_bytes));
    let json = extract("utf16.html", bytes);
    assert_eq!(json["text"], "“A quote,” said the envoy, long enough to count as the article.");
}

#[test]
fn undeclared_legacy_bytes_are_detected() {
    let page = b"<html><body><p>Le caf\xe9 est tr\xe8s bon, d\xe9clare le g\xe9rant. \xc7a va tr\xe8s bien, merci.</p></body></html>";
    let json = extract("latin1.html", page.to_vec());
    assert!(json["text"].as_str().unwrap().contains("café est très bon"));
}

#[test]
fn hundred_thousand_levels_of_nesting_are_read_without_overflow() {
    // Table cells bound html5ever's own scope searches, which are quadratic
    // for plain nested `<div>`s; every level here is still an element.
    let repeats = 25_000;
    let mut page = String::from("<html><body><p>A first paragraph, before the nesting, long enough.</p>");
    page.push_str(&"<div><table><tr><td>".repeat(repeats));
    page.push_str("<p>“Deep inside,” said the last element, at the bottom of the nesting.</p>");
    page.push_str(&"</td></tr></table></div>".repeat(repeats));
    page.push_str("</body></html>");
    let json = extract("deep.html", page.into_bytes());
    assert!(json["text"].as_str().unwrap().contains("Deep inside"));
}

/// A page with narrative, one set-apart quotation in `shape` (`{q}` the
/// quotation, `{c}` its credit) and narrative about someone else after it.
fn page_with_quotation(shape: &str) -> Vec<u8> {
    let quotation = shape
        .replace("{q}", "Nobody rebuilt the sea wall because nobody owned it.")
        .replace("{c}", "Mara Quist, harbour engineer");
    format!(
        "<html><head><title>Sea wall</title></head><body><article><h1>Sea wall</h1>\
        <p>The council met on Tuesday to debate the sea wall, which has cracked twice since spring, \
        and members argued for hours about who should pay for it.</p>\
        <p>Tomas Reyes, the mayor, said the town would not wait for the province to act, and spoke for most of the afternoon.</p>\
        {quotation}\
        <p>The vote is expected next week after a final round of hearings with residents of the harbour district.</p>\
        </article></body></html>"
    )
    .into_bytes()
}

#[rstest::rstest]
#[case::class_named_credit_div(
    "<blockquote><p>{q}</p></blockquote><div class=\"quote-attribution\">— {c}</div>"
)]
#[case::pull_quote_author_span(
    "<div class=\"pullquote\"><p>{q}</p><span class=\"pullquote-author\">{c}</span></div>"
)]
#[case::quote_source_paragraph(
    "<div class=\"quote\"><blockquote><p>{q}</p></blockquote><p class=\"quote-source\">{c}</p></div>"
)]
#[case::cite_after_the_blockquote("<blockquote><p>{q}</p></blockquote><cite>{c}</cite>")]
#[case::cite_inside_the_blockquote("<blockquote><p>{q}</p><cite>{c}</cite></blockquote>")]
#[case::figcaption_of_a_quote_figure(
    "<figure><blockquote><p>{q}</p></blockquote><figcaption>— {c}</figcaption></figure>"
)]
fn a_blockquote_credited_in_a_sibling_element_is_its_credit(#[case] shape: &str) {
    let json = extract("quote.html", page_with_quotation(shape));
    let quotes = json["quotes"].as_array().unwrap();
    let quote = quotes.iter().find(|q| q["text"].as_str().unwrap().starts_with("Nobody rebuilt")).unwrap();
    assert_eq!(quote["speakers"], serde_json::json!(["Mara Quist"]), "{shape}: {quotes:?}");
    // The credit stays readable and is never a quotation of its own.
    assert!(json["text"].as_str().unwrap().contains("Mara Quist"), "{shape}");
    assert!(!quotes.iter().any(|q| q["text"].as_str().unwrap().contains("Mara Quist")), "{shape}");
}

#[test]
fn an_embedded_post_s_credit_reaches_every_paragraph() {
    let shape = "<blockquote class=\"twitter-tweet\"><p>The wall stays. Full stop.</p>\
        <p>Anyone who says otherwise has not walked it at high tide.</p>\
        <p>— Mara Quist (@maraquist) March 3, 2021</p></blockquote>";
    let json = extract("post.html", page_with_quotation(shape));
    let quotes = json["quotes"].as_array().unwrap();
    let credited: Vec<_> =
        quotes.iter().filter(|q| q["speakers"] == serde_json::json!(["Mara Quist"])).collect();
    assert_eq!(credited.len(), 2, "{quotes:?}");
    assert!(credited[0]["text"].as_str().unwrap().starts_with("The wall stays"));
}
