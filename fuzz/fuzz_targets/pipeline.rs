//! Fuzzes the whole pipeline on arbitrary bytes: sniffing, decoding,
//! extraction (HTML, text, Markdown), analysis, every output and layout;
//! links (a page whose `<base href>` and `<a href>` come from the bytes
//! keeps only http, https and mailto links); and command-line arguments
//! (what byline prints for arguments it refuses holds no control
//! character). The first byte picks the mode and the wrap width.
#![no_main]

use byline::extract::SourceKind;
use byline::source::{Loaded, SourceSpec};
use libfuzzer_sys::fuzz_target;

const MODES: u8 = 6;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let (forced, page) = match selector % MODES {
        0 => (Some(SourceKind::Html), bytes.to_vec()),
        1 => (Some(SourceKind::Text), bytes.to_vec()),
        2 => (Some(SourceKind::Markdown), bytes.to_vec()),
        3 => (None, bytes.to_vec()),
        4 => (Some(SourceKind::Html), page_of_links(bytes)),
        _ => return check_arguments(bytes),
    };
    let loaded = Loaded::from_bytes(page, SourceSpec::Stdin);
    let Ok(article) = byline::pipeline::build(&loaded, forced) else { return };
    for link in article.links() {
        assert_followable(link.href);
    }
    for block in article.blocks() {
        if let byline::model::BlockKind::Figure { src: Some(src) } = block.kind() {
            assert_followable(src);
        }
    }
    for format in [byline::output::Format::Json, byline::output::Format::Text, byline::output::Format::Markdown] {
        let rendered = byline::output::render(&article, format);
        assert!(
            !rendered.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "control character in {format:?} output"
        );
    }
    for quote in &article.analysis.quotes {
        let block = &article.blocks()[quote.block.index()];
        assert!(block.text().get(quote.range.clone()).is_some(), "quote range off a char boundary");
    }
    let width = usize::from(selector / MODES) % 120 + 1;
    let blocks = article.blocks();
    for block in blocks {
        for line in byline::layout::wrap_block(block, width) {
            let source = match line.kind {
                byline::layout::LineKind::Attribution => match block.kind() {
                    byline::model::BlockKind::Blockquote { attribution: Some(a) } => a.as_str(),
                    _ => panic!("attribution line outside an attributed blockquote"),
                },
                _ => block.text(),
            };
            let text = source.get(line.range.clone()).expect("line range on char boundaries");
            let prefix = byline::layout::text::display_width(&byline::layout::prefix(block.kind(), &line));
            let cols = byline::layout::text::display_width(text) + usize::from(line.hyphen);
            // One wide grapheme (a CJK character at width 1) is the only
            // line allowed to overflow, and a marker wider than the whole
            // width.
            let single = visible_graphemes(text) <= 1 && cols <= 2;
            assert!(prefix + cols <= width || single || prefix >= width, "line of {cols}+{prefix} columns in {width}: {text:?}");
        }
    }
    // The lazy flow walks the whole article: every block gets wrapped and
    // the estimated heights give way to the real ones.
    let mut layout = byline::layout::Layout::new(blocks);
    let flow = layout.flow(width);
    let first = flow.first(blocks);
    let last = flow.last(blocks);
    assert_eq!(flow.step(blocks, first, isize::MAX / 4), last, "a long step lands on the last row");
    let rows: usize = (0..blocks.len()).map(|b| flow.rows_in(blocks, b)).sum();
    assert_eq!(rows, flow.total_rows(), "row count after wrapping everything");
});

/// How many grapheme clusters of `text` take up columns.
fn visible_graphemes(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.graphemes(true).filter(|g| byline::layout::text::display_width(g) > 0).count()
}

/// A page whose base and links are pieces of `bytes` (split at 0xff
/// bytes), so that the fuzzer works on targets, not on markup.
fn page_of_links(bytes: &[u8]) -> Vec<u8> {
    let mut pieces = bytes.split(|&b| b == 0xff).map(String::from_utf8_lossy);
    let base = pieces.next().unwrap_or_default();
    let mut page = format!("<html><head><base href=\"{base}\"></head><body><article>");
    for (n, href) in pieces.enumerate() {
        page.push_str(&format!("<p>Paragraph {n} of the article, with <a href=\"{href}\">a link</a> in it.</p>"));
        page.push_str(&format!("<img src=\"{href}\">"));
    }
    page.into_bytes()
}

/// A link the model keeps is http, https or mailto, or a relative reference
/// that resolves to one of them, and holds no control character.
fn assert_followable(href: &str) {
    assert!(!href.chars().any(char::is_control), "control character in link {href:?}");
    let base = url::Url::parse("https://example.org/a/b").expect("a valid base");
    let url = match url::Url::parse(href) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => base.join(href).expect("a relative link resolves"),
        Err(error) => panic!("link {href:?} does not parse: {error}"),
    };
    assert!(byline::model::link::SAFE_SCHEMES.contains(&url.scheme()), "unsafe link kept: {href:?}");
}

/// Arguments from `bytes` (split at NULs): what byline prints when it
/// refuses them is free of control characters but line breaks.
fn check_arguments(bytes: &[u8]) {
    let args = std::iter::once("byline".to_owned())
        .chain(bytes.split(|&b| b == 0).map(|arg| String::from_utf8_lossy(arg).into_owned()));
    if let Some((message, _)) = byline::cli::argument_message(args) {
        assert!(
            !message.chars().any(|c| c.is_control() && c != '\n'),
            "control character in an argument error: {message:?}"
        );
    }
}
