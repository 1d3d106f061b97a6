use std::time::{Duration, Instant};

use super::*;

fn texts(doc: &Document) -> Vec<&str> {
    doc.blocks().iter().map(crate::model::Block::text).collect()
}

#[test]
fn separate_short_lines_stay_separate() {
    let doc = extract("First line.\rSecond line.\rThird line.\rLast line: the end.\r");
    assert_eq!(texts(&doc), ["First line.", "Second line.", "Third line.", "Last line: the end."]);
    let mixed = extract(
        "A line ending CRLF.\r\nA line ending LF.\nOne CR.\rHidden: Safe summary.\rPWN overwrites it.\r\n",
    );
    let all = texts(&mixed).join("\n");
    assert!(all.contains("Safe summary.") && all.contains("PWN overwrites it."), "{all}");
    assert!(!all.contains('\r'));
}

#[test]
fn empty_and_blank_inputs() {
    assert!(extract("").blocks().is_empty());
    assert!(extract(" \n\t\r\n ").blocks().is_empty());
    assert_eq!(extract("").meta(), &Metadata::default());
}

#[test]
fn a_document_without_chrome_is_kept_whole() {
    let text = "Notes\n\nline one\nline two\nline three\n\nThe end of the notes.\n";
    let doc = extract(text);
    assert_eq!(doc.meta().title.as_deref(), Some("Notes"));
    assert_eq!(texts(&doc), ["line one", "line two", "line three", "The end of the notes."]);
}

#[test]
fn site_from_the_supporters_line() {
    let doc = extract(
        "Title line here\n\nText of the post, a sentence.\n\nShare\n\nThe Ledger is a reader-supported publication. To receive new posts, subscribe.\n",
    );
    assert_eq!(doc.meta().site.as_deref(), Some("The Ledger"));
    assert_eq!(texts(&doc), ["Text of the post, a sentence."]);
}

fn timed(text: &str) -> Duration {
    let start = Instant::now();
    let doc = extract(text);
    let elapsed = start.elapsed();
    assert!(doc.has_text());
    elapsed
}

/// Sizes are the issue's (5 MB, 10 MB on one line) in release builds; debug
/// builds run a tenth of them, for the same code paths.
#[test]
fn large_inputs_stay_linear() {
    let scale = if cfg!(debug_assertions) { 10 } else { 1 };
    let budget = Duration::from_secs(if cfg!(debug_assertions) { 5 } else { 1 });
    let paragraph = "   The council met again on Tuesday to discuss the harbour plan and\n   the budget that goes with it, said Ann Lee, who chairs it.\n\n";
    let menu = "     * Home\n     * News\n     * Sport\n\n";
    let mut big = String::new();
    let mut n = 0;
    while big.len() < 5_000_000 / scale {
        big.push_str(paragraph);
        n += 1;
        if n % 7 == 0 {
            big.push_str(menu);
        }
    }
    let elapsed = timed(&big);
    assert!(elapsed < budget, "5 MB dump: {elapsed:?}");
    let one_line = "word, another word. ".repeat(500_000 / scale);
    let elapsed = timed(&one_line);
    assert!(elapsed < budget, "10 MB single line: {elapsed:?}");
    let brackets = "[".repeat(2_000_000 / scale) + " text.";
    let elapsed = timed(&brackets);
    assert!(elapsed < budget, "unclosed brackets: {elapsed:?}");
}
