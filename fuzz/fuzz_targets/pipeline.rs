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
            !rendered.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "control character in {format:?} output"
        );
    }
    for quote in &article.analysis.quotes {
        let block = &article.blocks()[quote.block.index()];
        assert!(block.text().get(quote.range.clone()).is_some(), "quote range off a char boundary");
    }
    let width = usize::from(selector / 4) % 120 + 1;
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
