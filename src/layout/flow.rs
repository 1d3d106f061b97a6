//! The article laid out at one width, lazily. Blocks are wrapped only when a
//! caller walks over them (what is on screen and near it); every other block
//! counts with an estimated height, corrected in the Fenwick tree the moment
//! it is wrapped. Positions are `(block, row)` pairs, so a correction far
//! above the screen never moves what is shown.

use super::fenwick::Fenwick;
use super::head::{Head, HeadLine};
use super::wrap::{Line, LineKind, wrap_block};
use crate::model::{Block, BlockId, BlockKind};

/// A row of the laid-out article: a block and a row inside it (row 0 is the
/// blank gap line when the block has one; block 0's first rows are the
/// article's head and the blank line after it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct RowRef {
    /// Index of the block.
    pub block: usize,
    /// Row inside the block, gap line included.
    pub row: usize,
}

/// A width-independent position: a block and a byte offset into its text (an
/// attribution line counts as if it followed the text after a line break).
/// `gap` means the rows before the block's text: its blank line, or for
/// block 0 the head, `offset` then counting rows (clamped when the head
/// wraps to fewer rows at another width).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// The block.
    pub block: BlockId,
    /// Whether this is the blank line before the block rather than its text.
    pub gap: bool,
    /// Byte offset into the block's text.
    pub offset: usize,
}

impl Pos {
    /// The byte offset into the block's text: its start for the rows before
    /// the text (whose offset counts rows).
    #[must_use]
    pub fn text_offset(&self) -> usize {
        if self.gap { 0 } else { self.offset }
    }
}

impl Default for Pos {
    /// The start of the article: the first row of its head, or of its text.
    fn default() -> Self {
        Self { block: BlockId(0), gap: true, offset: 0 }
    }
}

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row<'a> {
    /// The blank line between two blocks (or after the head).
    Gap,
    /// A line of the article's head.
    Head(&'a HeadLine),
    /// A line of the block's text.
    Line(&'a Line),
}

/// Width-independent facts about a block, used to estimate its height.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Measure {
    text_cols: usize,
    hard_lines: usize,
    extra_lines: usize,
    marker_cols: usize,
    pub(super) has_lines: bool,
    pub(super) gap: bool,
}

impl Measure {
    /// Measures every block.
    pub(super) fn all(blocks: &[Block]) -> Vec<Self> {
        let mut previous: Option<&BlockKind> = None;
        blocks
            .iter()
            .map(|block| {
                let has_lines = super::wrap::has_lines(block);
                let text = block.text();
                // Exact widths are not needed for an estimate: bytes for
                // ASCII, characters otherwise, keep this linear and cheap.
                let text_cols = if text.is_ascii() { text.len() } else { text.chars().count() };
                let extra_lines = match block.kind() {
                    BlockKind::Blockquote { attribution: Some(a) } => 1 + a.len() / 60,
                    BlockKind::Rule | BlockKind::Figure { .. } if text.is_empty() => 1,
                    _ => 0,
                };
                // Items of one list, and the paragraphs of one quoted
                // passage, sit together.
                let gap = has_lines
                    && previous.is_some_and(|before| {
                        !matches!(
                            (before, block.kind()),
                            (BlockKind::ListItem { .. }, BlockKind::ListItem { .. })
                                | (BlockKind::Blockquote { .. }, BlockKind::Blockquote { .. })
                        )
                    });
                if has_lines {
                    previous = Some(block.kind());
                }
                Self {
                    text_cols,
                    hard_lines: if text.is_empty() { 0 } else { text.matches('\n').count() + 1 },
                    extra_lines,
                    marker_cols: match block.kind() {
                        BlockKind::ListItem { depth, .. } => 2 + 2 * usize::from(*depth),
                        BlockKind::Blockquote { .. } => 2,
                        BlockKind::Figure { .. } => 8,
                        _ => 0,
                    },
                    has_lines,
                    gap,
                }
            })
            .collect()
    }

    fn estimate(&self, width_cols: usize) -> usize {
        if !self.has_lines {
            return 0;
        }
        let avail = width_cols.saturating_sub(self.marker_cols).max(1);
        // Word wrapping leaves part of each line empty: count 90% of it.
        let wrapped = (self.text_cols * 10).div_ceil(avail * 9);
        usize::from(self.gap) + wrapped.max(self.hard_lines) + self.extra_lines
    }
}

/// The article at one width.
#[derive(Debug, Clone)]
pub struct Flow {
    width_cols: usize,
    heights: Fenwick,
    gaps: Vec<bool>,
    lines: Vec<Option<Box<[Line]>>>,
    head: Box<[HeadLine]>,
}

impl Flow {
    pub(super) fn new(measures: &[Measure], head: &Head, width_cols: usize) -> Self {
        let width_cols = width_cols.max(1);
        // With no block there is no block 0 to carry the head: the view says
        // that the article has no text instead.
        let head = if measures.is_empty() { Vec::new() } else { head.wrap(width_cols) };
        let head_rows = if head.is_empty() { 0 } else { head.len() + 1 };
        let mut heights: Vec<usize> = measures.iter().map(|m| m.estimate(width_cols)).collect();
        if let Some(first) = heights.first_mut() {
            *first += head_rows;
        }
        Self {
            width_cols,
            heights: Fenwick::new(heights),
            gaps: measures.iter().map(|m| m.gap).collect(),
            lines: vec![None; measures.len()],
            head: head.into_boxed_slice(),
        }
    }

    /// Rows of block `block` before its text: the head and its blank line
    /// (block 0), then the block's gap line.
    fn lead(&self, block: usize, lines: &[Line]) -> usize {
        let head = if block == 0 && !self.head.is_empty() { self.head.len() + 1 } else { 0 };
        head + usize::from(self.gaps[block] && !lines.is_empty())
    }

    /// The width the text is wrapped to, in columns.
    #[must_use]
    pub fn width_cols(&self) -> usize {
        self.width_cols
    }

    /// Number of rows, exact where wrapped and estimated elsewhere.
    #[must_use]
    pub fn total_rows(&self) -> usize {
        self.heights.total()
    }

    /// Index of `at` among all rows (estimates above it included).
    #[must_use]
    pub fn index_of(&self, at: RowRef) -> usize {
        self.heights.prefix(at.block) + at.row
    }

    /// Wraps `block` if it is not yet, and returns its row count.
    pub fn rows_in(&mut self, blocks: &[Block], block: usize) -> usize {
        if block >= self.lines.len() {
            return 0;
        }
        if self.lines[block].is_none() {
            let lines = blocks.get(block).map(|b| wrap_block(b, self.width_cols)).unwrap_or_default();
            self.heights.set(block, self.lead(block, &lines) + lines.len());
            self.lines[block] = Some(lines.into_boxed_slice());
        }
        self.heights.get(block)
    }

    /// Whether `block` has been wrapped at this width.
    #[must_use]
    pub fn is_wrapped(&self, block: usize) -> bool {
        self.lines.get(block).is_some_and(Option::is_some)
    }

    /// The first row of the article.
    pub fn first(&mut self, blocks: &[Block]) -> RowRef {
        self.step(blocks, RowRef::default(), 0)
    }

    /// The last row of the article.
    pub fn last(&mut self, blocks: &[Block]) -> RowRef {
        for block in (0..self.lines.len()).rev() {
            let rows = self.rows_in(blocks, block);
            if rows > 0 {
                return RowRef { block, row: rows - 1 };
            }
        }
        RowRef::default()
    }

    /// The row `delta` rows away from `from`, clamped to the article; wraps
    /// every block it passes.
    pub fn step(&mut self, blocks: &[Block], from: RowRef, delta: isize) -> RowRef {
        let count = self.lines.len();
        if count == 0 {
            return RowRef::default();
        }
        let mut block = from.block.min(count - 1);
        let mut row = from.row.cast_signed() + delta;
        loop {
            if row < 0 {
                if block == 0 {
                    return self.step(blocks, RowRef::default(), 0);
                }
                block -= 1;
                row += self.rows_in(blocks, block).cast_signed();
                continue;
            }
            let rows = self.rows_in(blocks, block).cast_signed();
            if row < rows {
                return RowRef { block, row: row as usize };
            }
            if block + 1 >= count {
                return self.last(blocks);
            }
            row -= rows;
            block += 1;
        }
    }

    /// The row at `index` among all rows (using estimates to find the block,
    /// then wrapping it), clamped to the article.
    pub fn at_index(&mut self, blocks: &[Block], index: usize) -> RowRef {
        match self.heights.find(index) {
            Some((block, row)) => {
                let rows = self.rows_in(blocks, block);
                self.step(blocks, RowRef { block, row: row.min(rows.saturating_sub(1)) }, 0)
            }
            None => self.last(blocks),
        }
    }

    /// Wraps the blocks covering `count` rows from `from`.
    pub fn ensure(&mut self, blocks: &[Block], from: RowRef, count: usize) {
        let mut block = from.block;
        let mut covered = 0usize;
        while block < self.lines.len() && covered < count + from.row {
            covered += self.rows_in(blocks, block);
            block += 1;
        }
    }

    /// What row `at` shows; `None` past the end or in a block not yet wrapped.
    #[must_use]
    pub fn row(&self, at: RowRef) -> Option<Row<'_>> {
        let lines = self.lines.get(at.block)?.as_ref()?;
        if at.block == 0
            && let Some(line) = self.head.get(at.row)
        {
            return Some(Row::Head(line));
        }
        let lead = self.lead(at.block, lines);
        if at.row < lead {
            return Some(Row::Gap);
        }
        lines.get(at.row - lead).map(Row::Line)
    }

    /// Rows from `from` on, as far as blocks are wrapped.
    pub fn rows_from(&self, from: RowRef) -> impl Iterator<Item = (RowRef, Row<'_>)> + '_ {
        let mut at = from;
        std::iter::from_fn(move || {
            loop {
                self.lines.get(at.block)?.as_ref()?;
                if let Some(row) = self.row(at) {
                    let here = at;
                    at.row += 1;
                    return Some((here, row));
                }
                at = RowRef { block: at.block + 1, row: 0 };
            }
        })
    }

    /// The width-independent position of row `at`.
    #[must_use]
    pub fn pos_of(&self, blocks: &[Block], at: RowRef) -> Pos {
        let block = BlockId(at.block as u32);
        match self.row(at) {
            Some(Row::Line(line)) => {
                Pos { block, gap: false, offset: virtual_offset(blocks, at.block, line) }
            }
            Some(Row::Gap | Row::Head(_)) => Pos { block, gap: true, offset: at.row },
            None => Pos { block, gap: false, offset: 0 },
        }
    }

    /// The row showing `pos`: the line holding its offset (the gap line for
    /// a gap position), or the block's first row; wraps the block.
    pub fn locate(&mut self, blocks: &[Block], pos: Pos) -> RowRef {
        let block = pos.block.index().min(self.lines.len().saturating_sub(1));
        if self.rows_in(blocks, block) == 0 {
            return self.step(blocks, RowRef { block, row: 0 }, 0);
        }
        self.find(blocks, Pos { block: BlockId(block as u32), ..pos }).unwrap_or(RowRef { block, row: 0 })
    }

    /// Like [`Flow::locate`], without wrapping: `None` when the block is not
    /// wrapped yet or shows nothing.
    #[must_use]
    pub fn find(&self, blocks: &[Block], pos: Pos) -> Option<RowRef> {
        let block = pos.block.index();
        let lines = self.lines.get(block)?.as_ref()?;
        let lead = self.lead(block, lines);
        if lead + lines.len() == 0 {
            return None;
        }
        if pos.gap && lead > 0 {
            return Some(RowRef { block, row: pos.offset.min(lead - 1) });
        }
        if lines.is_empty() {
            // Only the head: its last row stands for the block.
            return Some(RowRef { block, row: lead - 1 });
        }
        let found = lines.partition_point(|line| virtual_offset(blocks, block, line) <= pos.offset);
        Some(RowRef { block, row: lead + found.saturating_sub(1) })
    }

    /// The row of the block's first line of text (after its gap).
    pub fn block_start(&mut self, blocks: &[Block], block: BlockId) -> RowRef {
        self.locate(blocks, Pos { block, gap: false, offset: 0 })
    }
}

/// A line's start as an offset into the block: attribution lines count as
/// following the text.
fn virtual_offset(blocks: &[Block], block: usize, line: &Line) -> usize {
    if line.kind == LineKind::Attribution {
        blocks.get(block).map_or(0, |b| b.text().len() + 1) + line.range.start
    } else {
        line.range.start
    }
}
