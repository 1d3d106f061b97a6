//! Property tests: whatever the bytes, the pipeline neither panics nor lets a
//! control character through, and every range it reports is valid.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use byline::extract::SourceKind;
use byline::model::Article;
use byline::output::{self, Format};
use byline::source::{Loaded, SourceSpec};
use proptest::prelude::*;

/// Pieces that exercise the parsers' edge cases: tags (closed, unclosed,
/// mis-nested), quotes of every style, apostrophes, entities, controls,
/// bidi overrides, wide characters and line endings.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<div class=\"share\">".to_owned()),
        Just("</div>".to_owned()),
        Just("<h2>".to_owned()),
        Just("</h2>".to_owned()),
        Just("<blockquote>".to_owned()),
        Just("<li>".to_owned()),
        Just("<a href=\"/x?a=1&b=2\">".to_owned()),
        Just("</a>".to_owned()),
        Just("<pre>".to_owned()),
        Just("<script>var a = '<p>';</script>".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\"".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
        Just("„".to_owned()),
        Just("「".to_owned()),
        Just("」".to_owned()),
        Just("’".to_owned()),
        Just("don’t".to_owned()),
        Just(" said Ann Lee, a senior fellow. ".to_owned()),
        Just(" he added".to_owned()),
        Just("&#27;&#x9b;&#0;&amp;&nbsp;".to_owned()),
        Just("\u{1b}]0;title\u{7}".to_owned()),
        Just("\u{1b}[31m".to_owned()),
        Just("\u{202e}\u{2066}".to_owned()),
        Just("\u{9b}\u{85}".to_owned()),
        Just("漢字🙂\u{301}\u{200b}".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\n\n".to_owned()),
        Just("\t".to_owned()),
        Just("# ".to_owned()),
        Just("* ".to_owned()),
        Just("---\ntitle: x\n---\n".to_owned()),
        Just("Sen. U.S. p.m. ".to_owned()),
        "[a-zA-Z ,.]{0,20}",
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.concat())
}

fn kind() -> impl Strategy<Value = Option<SourceKind>> {
    prop_oneof![
        Just(None),
        Just(Some(SourceKind::Html)),
        Just(Some(SourceKind::Text)),
        Just(Some(SourceKind::Markdown)),
    ]
}

fn check_article(article: &Article) {
    for format in [Format::Json, Format::Text, Format::Markdown] {
        let rendered = output::render(article, format);
        let bad: Vec<char> = rendered.chars().filter(|&c| c.is_control() && c != '\n' && c != '\t').collect();
        assert!(bad.is_empty(), "{format:?} output has controls {bad:?}");
    }
    for block in article.blocks() {
        assert!(!block.text().chars().any(|c| c.is_control() && c != '\n'), "{:?}", block.text());
        for inline in block.inlines() {
            assert!(block.text().get(inline.range.clone()).is_some());
        }
    }
    for quote in &article.analysis.quotes {
        let block = article.document.block(quote.block).expect("quote block exists");
        assert!(block.text().get(quote.range.clone()).is_some(), "quote range off char boundary");
        assert!(quote.speakers.iter().all(|&s| s < article.analysis.speakers.len()));
    }
    for section in &article.analysis.sections {
        assert!(article.document.block(section.block).is_some_and(|b| b.heading_level().is_some()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn structured_noise_never_panics(text in document(), forced in kind()) {
        let loaded = Loaded::from_bytes(text.into_bytes(), SourceSpec::Stdin);
        if let Ok(article) = byline::pipeline::build(&loaded, forced) {
            check_article(&article);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000), forced in kind()) {
        let loaded = Loaded::from_bytes(bytes, SourceSpec::Stdin);
        if let Ok(article) = byline::pipeline::build(&loaded, forced) {
            check_article(&article);
        }
    }
}
