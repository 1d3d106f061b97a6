use super::*;
use crate::layout::{Layout, Pos, Row, RowRef};
use crate::model::{Block, BlockId, BlockKind, Document, Metadata};

fn article(meta: Metadata, blocks: Vec<Block>) -> Article {
    Article { document: Document::new(meta, blocks), ..Article::default() }
}

fn meta() -> Metadata {
    Metadata {
        title: Some("Why the ferry budget matters more than the bridge".into()),
        byline: Some("Ada Vole".into()),
        site: Some("The Ledger".into()),
        published: Some("2026-04-03".into()),
        url: Some("https://ledger.example/2026/04/ferry-budget-bridge".into()),
        ..Metadata::default()
    }
}

fn words(count: usize) -> Block {
    Block::new(BlockKind::Paragraph, &"word ".repeat(count))
}

fn texts(lines: &[HeadLine]) -> Vec<(HeadKind, &str)> {
    lines.iter().map(|l| (l.kind, &*l.text)).collect()
}

#[test]
fn the_head_gives_title_credits_with_reading_time_and_address() {
    let head = Head::of(&article(meta(), vec![words(461)]), true);
    assert_eq!(
        texts(&head.wrap(80)),
        [
            (HeadKind::Title, "Why the ferry budget matters more than the bridge"),
            (HeadKind::Credits, "Ada Vole · The Ledger · 2026-04-03 · 3 min read"),
            (HeadKind::Address, "https://ledger.example/2026/04/ferry-budget-bridge"),
        ]
    );
}

#[test]
fn narrow_heads_wrap_the_title_and_cut_the_address() {
    let head = Head::of(&article(meta(), vec![words(10)]), true);
    assert_eq!(
        texts(&head.wrap(24)),
        [
            (HeadKind::Title, "Why the ferry budget"),
            (HeadKind::Title, "matters more than the"),
            (HeadKind::Title, "bridge"),
            (HeadKind::Credits, "Ada Vole · The Ledger ·"),
            (HeadKind::Credits, "2026-04-03 · 1 min read"),
            (HeadKind::Address, "https://ledger.example/…"),
        ]
    );
}

#[test]
fn what_is_missing_is_left_out() {
    let bare = Metadata { title: Some("  ".into()), ..Metadata::default() };
    assert!(Head::of(&article(bare.clone(), Vec::new()), true).is_empty());
    // A preview of a large file does not know its reading time yet.
    assert!(Head::of(&article(bare.clone(), vec![words(900)]), false).is_empty());
    let head = Head::of(&article(bare, vec![words(900)]), true);
    assert_eq!(texts(&head.wrap(80)), [(HeadKind::Credits, "4 min read")]);
}

#[test]
fn the_head_comes_before_block_0_and_the_start_of_the_article_is_its_top() {
    let blocks = vec![words(3), words(3)];
    let head = Head::of(&article(meta(), blocks.clone()), true);
    let mut layout = Layout::new(&blocks, head);
    let flow = layout.flow(80);
    let start = flow.locate(&blocks, Pos::default());
    assert_eq!(start, RowRef { block: 0, row: 0 });
    flow.ensure(&blocks, start, 10);
    let rows: Vec<String> = flow
        .rows_from(start)
        .map(|(_, row)| match row {
            Row::Head(line) => format!("head {}", line.text),
            Row::Gap => "gap".into(),
            Row::Line(line) => format!("line {:?}", line.range),
        })
        .collect();
    assert_eq!(
        rows,
        [
            "head Why the ferry budget matters more than the bridge",
            "head Ada Vole · The Ledger · 2026-04-03 · 1 min read",
            "head https://ledger.example/2026/04/ferry-budget-bridge",
            "gap",
            "line 0..14",
            "gap",
            "line 0..14",
        ]
    );
    assert_eq!(flow.total_rows(), 7);
    // The first line of text is still block 0 at offset 0.
    assert_eq!(flow.block_start(&blocks, BlockId(0)), RowRef { block: 0, row: 4 });
}

#[test]
fn a_row_of_the_head_is_a_position_that_survives_a_narrower_width() {
    let blocks = vec![words(3)];
    let mut layout = Layout::new(&blocks, Head::of(&article(meta(), blocks.clone()), true));
    let wide = layout.flow(80);
    let credits = RowRef { block: 0, row: 1 };
    wide.ensure(&blocks, credits, 1);
    let pos = wide.pos_of(&blocks, credits);
    assert_eq!(pos, Pos { block: BlockId(0), gap: true, offset: 1 });
    assert_eq!(pos.text_offset(), 0);
    let narrow = layout.flow(24);
    let at = narrow.locate(&blocks, pos);
    assert!(matches!(narrow.row(at), Some(Row::Head(_))), "{at:?}");
    // Past the end of a shorter head: its last row, the gap before the text.
    let far = Pos { offset: 99, ..pos };
    let at = narrow.locate(&blocks, far);
    assert_eq!(narrow.row(at), Some(Row::Gap));
}

#[test]
fn an_article_whose_first_block_shows_nothing_keeps_its_head() {
    let blocks = vec![Block::new(BlockKind::Paragraph, ""), words(3)];
    let mut layout = Layout::new(&blocks, Head::of(&article(meta(), blocks.clone()), true));
    let flow = layout.flow(80);
    let first = flow.first(&blocks);
    assert_eq!(first, RowRef { block: 0, row: 0 });
    assert!(matches!(flow.row(first), Some(Row::Head(_))));
    assert_eq!(flow.block_start(&blocks, BlockId(1)), RowRef { block: 1, row: 0 });
    assert_eq!(flow.total_rows(), 5);
}

#[test]
fn a_runaway_title_is_cut() {
    let runaway = Metadata { title: Some("word ".repeat(10_000)), ..Metadata::default() };
    let head = Head::of(&article(runaway, vec![words(3)]), false);
    let lines = head.wrap(80);
    assert!(lines.len() <= 6, "{} rows", lines.len());
    assert!(lines.last().is_some_and(|l| l.text.ends_with('…')));
}
