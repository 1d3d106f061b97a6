use proptest::prelude::*;

use super::*;
use crate::layout::text::display_width;

fn para(text: &str) -> Block {
    Block::new(BlockKind::Paragraph, text)
}

fn texts<'a>(block: &'a Block, lines: &[Line]) -> Vec<&'a str> {
    lines.iter().map(|line| &block.text()[line.range.clone()]).collect()
}

#[test]
fn words_fill_lines_first_fit() {
    let block = para("one two three four five six");
    let lines = wrap_block(&block, 9);
    assert_eq!(texts(&block, &lines), ["one two", "three", "four five", "six"]);
    assert!(lines[0].first && !lines[1].first);
}

#[test]
fn long_words_are_cut_between_graphemes() {
    let block = para("日本語の文章です");
    let lines = wrap_block(&block, 5);
    for text in texts(&block, &lines) {
        assert!(display_width(text) <= 5, "{text}");
    }
    assert_eq!(texts(&block, &lines).concat(), block.text());
    let flag = para("e\u{301}e\u{301}e\u{301}");
    let lines = wrap_block(&flag, 2);
    assert_eq!(texts(&flag, &lines), ["e\u{301}e\u{301}", "e\u{301}"]);
}

#[test]
fn a_wide_character_wider_than_the_line_stands_alone() {
    let block = para("日本");
    let lines = wrap_block(&block, 1);
    assert_eq!(texts(&block, &lines), ["日", "本"]);
}

#[test]
fn soft_hyphens_break_with_a_visible_hyphen() {
    let block = para("an extra\u{ad}ordinary word");
    let lines = wrap_block(&block, 10);
    assert_eq!(texts(&block, &lines), ["an extra\u{ad}", "ordinary", "word"]);
    assert!(lines[0].hyphen && !lines[1].hyphen);
}

#[test]
fn hyphenated_words_break_after_the_hyphen() {
    let block = para("a well-known fact");
    let lines = wrap_block(&block, 7);
    assert_eq!(texts(&block, &lines), ["a well-", "known", "fact"]);
}

#[test]
fn hard_breaks_and_preformatted_text_keep_their_lines() {
    let block = para("first\n\nthird");
    assert_eq!(texts(&block, &wrap_block(&block, 20)), ["first", "", "third"]);
    let code = Block::new(BlockKind::Preformatted, "let x = 1;\n  abcdefgh");
    assert_eq!(texts(&code, &wrap_block(&code, 4)), ["let ", "x = ", "1;", "  ab", "cdef", "gh"]);
}

#[test]
fn markers_take_their_width_from_the_line() {
    let item = Block::new(BlockKind::ListItem { depth: 1, ordered: false, number: None }, "alpha beta gamma");
    let lines = wrap_block(&item, 12);
    assert_eq!(texts(&item, &lines), ["alpha", "beta", "gamma"]);
    assert_eq!(prefix(item.kind(), &lines[0]), "  • ");
    assert_eq!(prefix(item.kind(), &lines[1]), "    ");
    let quote = Block::new(BlockKind::Blockquote { attribution: Some("A. Person".into()) }, "Words.");
    let lines = wrap_block(&quote, 40);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1].kind, LineKind::Attribution);
    assert_eq!(prefix(quote.kind(), &lines[1]), "│ — ");
    assert_eq!(&"A. Person"[lines[1].range.clone()], "A. Person");
}

#[test]
fn empty_blocks_have_no_lines_but_rules_and_figures_do() {
    assert!(wrap_block(&para(""), 10).is_empty());
    assert!(!has_lines(&para("")));
    assert_eq!(wrap_block(&Block::rule(), 10).len(), 1);
    let figure = Block::new(BlockKind::Figure { src: None }, "");
    assert_eq!(wrap_block(&figure, 10).len(), 1);
    assert!(has_lines(&figure));
}

fn check(text: &str, width: usize) {
    let block = para(text);
    let lines = wrap_block(&block, width);
    let mut last_end = 0;
    for line in &lines {
        assert!(line.range.start >= last_end, "ranges overlap in {text:?}");
        let shown = &block.text()[line.range.clone()];
        let graphemes = shown.graphemes(true).filter(|g| grapheme_width(g) > 0).count();
        let cols = display_width(shown) + usize::from(line.hyphen);
        assert!(cols <= width.max(1) || graphemes <= 1, "{shown:?} is {cols} wide at {width}");
        last_end = line.range.end;
    }
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let rejoined: String = texts(&block, &lines).concat();
    assert_eq!(squeeze(&rejoined), squeeze(block.text()));
}

#[test]
fn widths_1_20_80_200_with_wide_and_combining_text() {
    let sample = "Le café « Zoë » — 日本語のテキスト、emoji 👩‍👩‍👧 and flags 🇫🇷🇩🇪, a\u{301}\u{302} \
                  supercalifragilisticexpialidocious well-known co\u{ad}operation.";
    for width in [1, 20, 80, 200] {
        check(sample, width);
    }
}

proptest! {
    #[test]
    fn wrapping_never_overflows_and_keeps_every_character(
        text in "[a-z \u{ad}\u{301}\u{200b}日本-]{0,80}",
        width in 1usize..30,
    ) {
        check(&text, width);
    }
}

#[test]
fn an_overlong_cluster_of_spacing_marks_is_cut_between_characters() {
    // Thai SARA AM repeated is one grapheme cluster twelve columns wide.
    let text = "\u{e33}".repeat(12);
    check(&text, 10);
    let block = para(&text);
    let lines = texts(&block, &wrap_block(&block, 10));
    assert_eq!(lines.concat(), text);
    assert!(lines.iter().all(|line| display_width(line) <= 10), "{lines:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn words_between_spaces_are_textwraps_words(line in "[aZ19 ,.;:'\"\\-“‘”’]{0,16}") {
        if let Some(words) = super::words_between_spaces(&line) {
            let ours: Vec<(&str, &str)> = words.collect();
            let theirs: Vec<(&str, &str)> = textwrap::WordSeparator::UnicodeBreakProperties
                .find_words(&line)
                .map(|w| (w.word, w.whitespace))
                .collect();
            prop_assert_eq!(ours, theirs);
        }
    }
}

#[test]
fn running_text_is_split_after_its_spaces_and_the_rest_left_to_textwrap() {
    let words: Vec<_> = super::words_between_spaces("He said “no,” twice.  Then left").unwrap().collect();
    assert_eq!(
        words,
        [("He", " "), ("said", " "), ("“no,”", " "), ("twice.", "  "), ("Then", " "), ("left", "")]
    );
    // The rules join these across the space, or textwrap treats them apart.
    for joined in ["a ,b", "a “ b", "a ” b", "ends with 1-", "a (b)", "a — b", "über"] {
        assert!(super::words_between_spaces(joined).is_none(), "{joined}");
    }
}
