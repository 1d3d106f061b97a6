use super::*;
use crate::model::{BlockId, BlockKind};

fn blocks(count: usize) -> Vec<Block> {
    (0..count)
        .map(|i| {
            if i % 5 == 0 {
                Block::new(BlockKind::Heading { level: 2 }, &format!("Heading {i}"))
            } else {
                Block::new(BlockKind::Paragraph, &format!("{i} {}", "word ".repeat(i % 7 * 9)))
            }
        })
        .collect()
}

fn full_wrap(blocks: &[Block], width: usize) -> Vec<(usize, Option<Line>)> {
    let mut rows = Vec::new();
    let mut previous = false;
    for (index, block) in blocks.iter().enumerate() {
        let lines = wrap_block(block, width);
        if lines.is_empty() {
            continue;
        }
        if previous {
            rows.push((index, None));
        }
        previous = true;
        rows.extend(lines.into_iter().map(|line| (index, Some(line))));
    }
    rows
}

#[test]
fn stepping_through_a_lazy_flow_matches_wrapping_everything() {
    let blocks = blocks(40);
    for width in [1, 20, 80, 200] {
        let expected = full_wrap(&blocks, width);
        let mut layout = Layout::new(&blocks, Head::default());
        let flow = layout.flow(width);
        let mut at = flow.first(&blocks);
        for (index, (block, line)) in expected.iter().enumerate() {
            assert_eq!(at.block, *block, "row {index} at width {width}");
            match (flow.row(at), line) {
                (Some(Row::Gap), None) => {}
                (Some(Row::Line(got)), Some(want)) => assert_eq!(got, want),
                (got, want) => panic!("row {index}: {got:?} vs {want:?}"),
            }
            assert_eq!(flow.index_of(at), index);
            at = flow.step(&blocks, at, 1);
        }
        assert_eq!(flow.total_rows(), expected.len());
        assert_eq!(flow.last(&blocks), at);
    }
}

#[test]
fn far_jumps_wrap_only_what_they_touch() {
    let blocks = blocks(2000);
    let mut layout = Layout::new(&blocks, Head::default());
    let flow = layout.flow(60);
    let target = flow.block_start(&blocks, BlockId(1500));
    assert_eq!(target.block, 1500);
    assert!(!flow.is_wrapped(700));
    let back = flow.step(&blocks, target, -3);
    assert!(back < target);
    let middle = flow.at_index(&blocks, flow.total_rows() / 2);
    assert!(middle.block > 100 && middle.block < 1900, "{middle:?}");
    let rows: Vec<_> = {
        flow.ensure(&blocks, middle, 30);
        flow.rows_from(middle).take(30).collect()
    };
    assert_eq!(rows.len(), 30);
}

#[test]
fn positions_survive_a_width_change() {
    let blocks = blocks(30);
    let mut layout = Layout::new(&blocks, Head::default());
    let narrow = layout.flow(20);
    let start = narrow.block_start(&blocks, BlockId(13));
    let at = narrow.step(&blocks, start, 3);
    let pos = narrow.pos_of(&blocks, at);
    assert_eq!(pos.block, BlockId(13));
    let wide = layout.flow(70);
    let again = wide.locate(&blocks, pos);
    let Some(Row::Line(line)) = wide.row(again) else { panic!("no line") };
    assert!(line.range.contains(&pos.offset) || line.range.start == pos.offset);
    assert!(layout.at_width(70).is_some() && layout.at_width(20).is_none());
    assert_eq!(layout.flow(20).pos_of(&blocks, at), pos, "the old width is still cached");
}

#[test]
fn an_empty_article_has_no_rows_and_never_panics() {
    let blocks: Vec<Block> = vec![Block::new(BlockKind::Paragraph, "")];
    let mut layout = Layout::new(&blocks, Head::default());
    let flow = layout.flow(0);
    assert_eq!(flow.total_rows(), 0);
    let first = flow.first(&blocks);
    assert_eq!(flow.step(&blocks, first, 10), first);
    assert!(flow.row(first).is_none());
    let none: Vec<Block> = Vec::new();
    let mut layout = Layout::new(&none, Head::default());
    assert_eq!(layout.flow(10).last(&none), RowRef::default());
}

#[test]
fn list_items_sit_together() {
    let blocks = vec![
        Block::new(BlockKind::Paragraph, "Intro"),
        Block::new(BlockKind::ListItem { depth: 0, ordered: false, number: None }, "one"),
        Block::new(BlockKind::ListItem { depth: 0, ordered: false, number: None }, "two"),
    ];
    let mut layout = Layout::new(&blocks, Head::default());
    let flow = layout.flow(20);
    flow.ensure(&blocks, RowRef::default(), 10);
    let rows: Vec<_> = flow.rows_from(RowRef::default()).map(|(_, row)| matches!(row, Row::Gap)).collect();
    assert_eq!(rows, [false, true, false, false]);
}
