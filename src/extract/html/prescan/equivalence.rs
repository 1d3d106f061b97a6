//! The prescan's promise, checked on generated markup: the parser builds the
//! same elements, with the same attributes that extraction reads and the
//! same text (whitespace collapsed), from the page before and after.

use proptest::prelude::*;

use super::super::dom::Element;
use super::super::dom::{Data, Dom, Step};
use super::super::metadata::meta_keys;
use super::attributes::LINK_WORDS;
use super::{READ_ATTRIBUTES, READ_ONLY_ON, strip_raw_text};

/// Whether extraction reads attribute `name` of `element`: a link's href
/// only on the canonical link.
fn reads(element: &Element, name: &str) -> bool {
    let canonical =
        || element.attrs().any(|(n, v)| n == "rel" && v.to_ascii_lowercase().contains("canonical"));
    READ_ATTRIBUTES.contains(&name)
        && READ_ONLY_ON.iter().all(|&(only, on)| only != name || on == element.name())
        && (name != "href" || element.name() != "link" || canonical())
}

/// Elements, read attributes and text of a parsed page, in order.
fn outline(html: &str) -> Vec<String> {
    let dom = Dom::parse(html);
    let mut out = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<String>| {
        let words: Vec<&str> = text.split_whitespace().collect();
        if !words.is_empty() {
            out.push(format!("text {}", words.join(" ")));
        }
        text.clear();
    };
    // Scripts other than JSON-LD go whole, with their text, and so do links
    // no rule reads.
    let dropped = |element: &Element| {
        let said = |word: &str| {
            element
                .attrs()
                .any(|(n, v)| reads(element, n) && format!("{n}={v}").to_ascii_lowercase().contains(word))
        };
        match element.name() {
            "script" => !said("ld+json"),
            "link" => !LINK_WORDS.iter().any(|word| said(word)),
            // Which metas go depends on those before them (see `Metas`); the
            // ones metadata reads are compared.
            "meta" => !meta_keys().any(said),
            _ => false,
        }
    };
    let mut in_dropped = 0usize;
    dom.walk(|step| match step {
        Step::Open(Data::Element(element)) if in_dropped > 0 || dropped(element) => in_dropped += 1,
        Step::Close(Data::Element(_)) if in_dropped > 0 => in_dropped -= 1,
        Step::Open(Data::Text(_)) if in_dropped > 0 => {}
        Step::Open(Data::Element(element)) => {
            flush(&mut text, &mut out);
            let attrs: Vec<String> = element
                .attrs()
                .filter(|(name, _)| reads(element, name))
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            out.push(format!("<{} {}>", element.name(), attrs.join(" ")));
        }
        Step::Close(Data::Element(element)) => {
            flush(&mut text, &mut out);
            out.push(format!("</{}>", element.name()));
        }
        Step::Open(Data::Text(run)) => text.push_str(run),
        _ => {}
    });
    flush(&mut text, &mut out);
    out
}

/// Pieces of markup, well-formed and not, that the prescan treats specially.
const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"lead\" data-id=\"7\">",
    "</div>",
    "<a href=/x title='a > b'>",
    "</a>",
    "<img srcset=\"a 2x\" src=a.jpg alt=\"An image\">",
    "<script src=/app.js type=module></script>",
    "<link rel=stylesheet href=/a.css>",
    "<link href=/p rel=CANONICAL>",
    "<link rel=author href=/me>",
    "<meta name=viewport content=w>",
    "<meta property=og:title content=T>",
    "<link class=byline-x>",
    "<link href=/q rel=\"&#99;anonical\">",
    "<iframe src=/embed></iframe>",
    "<pre>",
    "</pre>",
    "<b>",
    "</b>",
    "<custom-el aria-label=x hidden>",
    "</custom-el>",
    "<br/>",
    "<!-- note -->",
    "<!-->",
    "<!--",
    "-->",
    "<script>var a = '<p>';</script>",
    "<script type=application/ld+json>{}</script>",
    "&amp",
    "<style>p{}</style>",
    "<table>",
    "<td>",
    "<li>",
    "<p\n   class=x\n   onclick=\"go()\">",
    "&amp;",
    "words here",
    "é ü",
    " ",
    "  ",
    "\n      ",
    "\t\n\n",
    "<",
    ">",
    "=",
    "\"",
    "'",
    "</",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_parser_sees_the_same_page(pieces in prop::collection::vec(0..PIECES.len(), 0..40)) {
        let page: String = pieces.iter().map(|&i| PIECES[i]).collect();
        let stripped = strip_raw_text(&page);
        // Styles lose their text on purpose: compare without it.
        let without_scripts = |lines: Vec<String>| {
            lines.into_iter().filter(|line| !line.starts_with("text p{}")).collect::<Vec<_>>()
        };
        let reference = without_scripts(outline(&page));
        let seen = without_scripts(outline(&stripped));
        prop_assert_eq!(seen, reference, "page {:?}\nstripped {:?}", page, stripped);
    }
}
