//! Fuzzes the whole pipeline on arbitrary bytes: sniffing, decoding,
//! extraction (HTML, text, Markdown), analysis, every output and layout.
//! The first byte picks the kind (or sniffing) and the wrap width.
#![no_main]

use byline::extract::SourceKind;
use byline::source::{Loaded, SourceSpec};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let forced = match selector % 4 {
        0 => Some(SourceKind::Html),
        1 => Some(SourceKind::Text),
        2 => Some(SourceKind::Markdown),
        _ => None,
    };
    let loaded = Loaded::from_bytes(bytes.to_vec(), SourceSpec::Stdin);
    let Ok(article) = byline::pipeline::build(&loaded, forced) else { return };
    for format in [byline::output::Format::Json, byline::output::Format::Text, byline::output::Format::Markdown] {
        let rendered = byline::output::render(&article, format);
        assert!(
            !rendered.chars().any(|c| (c.is_control() && c != '\n' && c != '\t')),
            "control character in {format:?} output"
        );
    }
    for quote in &article.analysis.quotes {
        let block = &article.blocks()[quote.block.index()];
        assert!(block.text().get(quote.range.clone()).is_some(), "quote range off a char boundary");
    }
    let width = usize::from(selector / 4) % 120 + 1;
    let wrapped = byline::layout::wrap_article(&article, width);
    for line in &wrapped.lines {
        let block = &article.blocks()[line.block.index()];
        let text = block.text().get(line.range.clone()).expect("line range on char boundaries");
        let cols = unicode_width::UnicodeWidthStr::width(text);
        let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(line.prefix.as_str())).max(1);
        // One grapheme wider than the room (a wide character at width 1) is
        // the only line allowed to overflow.
        let single = unicode_segmentation_free_single(text);
        assert!(cols <= room || single, "line of {cols} columns in {room}: {text:?}");
    }
});

/// Whether `text` is a single character plus zero-width marks.
fn unicode_segmentation_free_single(text: &str) -> bool {
    text.chars().filter(|c| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0) > 0).count() <= 1
}
