//! One open document and everything the reader remembers about it: where
//! the top of the pane is, marks, the jump list, the search, the panels'
//! selections. Positions are kept as [`Pos`] (block + offset), so a resize
//! re-wraps without moving what you were reading.

use std::sync::Arc;

use crate::layout::{Flow, Layout, Pos, Row, RowRef};
use crate::model::{Article, BlockId};
use crate::tui::action::{Action, Command};
use crate::tui::search::Match;

/// The article pane's text column: how wide the text is and how many rows
/// are visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Viewport {
    /// Columns the text is wrapped to (at least 1).
    pub width_cols: usize,
    /// Rows visible (may be 0 on a tiny terminal).
    pub rows: usize,
}

/// Whether the document is complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadState {
    /// Complete.
    Ready,
    /// A preview is shown while the full article is built.
    Loading {
        /// What is being loaded, for the status line.
        what: String,
        /// The generation of the build job.
        generation: u64,
    },
    /// Building the full article failed; the preview stays.
    Failed(String),
}

/// Positions to go back and forth between.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jumps {
    back: Vec<Pos>,
    forward: Vec<Pos>,
    /// Where the last jump started (`''` returns there).
    pub previous: Option<Pos>,
    /// Jumps made so far (a library article saves its place after each).
    pub moves: u64,
}

/// Most positions kept in the jump list.
const MAX_JUMPS: usize = 100;

impl Jumps {
    /// Records a jump away from `from`.
    pub fn record(&mut self, from: Pos) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > MAX_JUMPS {
            self.back.remove(0);
        }
        self.forward.clear();
        self.previous = Some(from);
        self.moves += 1;
    }

    /// One step back from `current`, if possible.
    pub fn older(&mut self, current: Pos) -> Option<Pos> {
        let target = self.back.pop()?;
        self.forward.push(current);
        self.previous = Some(current);
        self.moves += 1;
        Some(target)
    }

    /// One step forward from `current`, if possible.
    pub fn newer(&mut self, current: Pos) -> Option<Pos> {
        let target = self.forward.pop()?;
        self.back.push(current);
        self.previous = Some(current);
        self.moves += 1;
        Some(target)
    }
}

/// A list's selection and scroll offset, as plain numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListState {
    /// Index of the selected row.
    pub selected: usize,
    /// Index of the first visible row.
    pub offset: usize,
}

impl ListState {
    /// Keeps `selected` below `len` and `row` visible in `height` rows.
    pub fn clamp(&mut self, len: usize, height: usize, row: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let row = row.min(len.saturating_sub(1));
        let height = height.max(1);
        if row < self.offset {
            self.offset = row;
        } else if row >= self.offset + height {
            self.offset = row + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    /// Where a moving command takes the selection of a list of `len` rows
    /// that pages by `page` rows (a count gives `g` and `G` their row, as
    /// in vim); `None` when the command does not move it.
    #[must_use]
    pub fn moved(&self, command: &Command, page: usize, len: usize) -> Option<usize> {
        let step = command.times();
        let page = page.max(1);
        let to = match command.action {
            Action::Down => self.selected.saturating_add(step),
            Action::Up => self.selected.saturating_sub(step),
            Action::PageDown | Action::HalfPageDown => self.selected.saturating_add(page * step),
            Action::PageUp | Action::HalfPageUp => self.selected.saturating_sub(page * step),
            Action::Top => command.count.map_or(0, |n| n.saturating_sub(1)),
            Action::Bottom => command.count.map_or(usize::MAX, |n| n.saturating_sub(1)),
            _ => return None,
        };
        Some(to.min(len.saturating_sub(1)))
    }
}

/// The search results of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    /// The query the matches are for.
    pub query: String,
    /// The matches, in reading order.
    pub matches: Vec<Match>,
    /// The match last jumped to.
    pub current: Option<Visit>,
    /// Generation of the last search asked for.
    pub generation: u64,
    /// Whether results for `generation` are still to come.
    pub waiting: bool,
    /// Jump to the first match when the results come (Enter was pressed
    /// before they did).
    pub jump_when_done: bool,
}

/// What the last jump landed on, drawn highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A section's heading.
    Section(usize),
    /// A quote.
    Quote(usize),
    /// A speaker's name.
    Speaker(usize),
}

/// An entry visited by a jump, with where the pane's top was right after;
/// while the top has not moved, "next" counts from this entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    /// Index of the entry (section, quote or match).
    pub index: usize,
    /// The top of the pane after the jump.
    pub top: Pos,
}

/// One open document.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The article (shared with jobs that read it).
    pub article: Arc<Article>,
    /// Its layout at the widths used.
    pub layout: Layout,
    /// The top line of the article pane: "where you are".
    pub top: Pos,
    /// Whether the article is complete.
    pub load: LoadState,
    /// Marks a to z.
    pub marks: [Option<Pos>; 26],
    /// The jump list.
    pub jumps: Jumps,
    /// Search results.
    pub search: SearchState,
    /// Panel lists: sections, speakers, quotes.
    pub lists: [ListState; 3],
    /// The speaker the quotes panel is filtered to.
    pub filter: Option<usize>,
    /// The speaker `)` and `(` follow.
    pub speaker: Option<usize>,
    /// The last section jumped to.
    pub last_section: Option<Visit>,
    /// The last quote jumped to.
    pub last_quote: Option<Visit>,
    /// The last panel entry chosen with Enter (panel index, entry).
    pub last_select: Option<(usize, Visit)>,
    /// What to draw highlighted.
    pub target: Option<Target>,
    /// Where it came from (resolves its relative links).
    pub origin: super::Origin,
    /// Its place in the library, and where it came from (for `S`).
    pub shelved: super::Shelved,
}

impl Doc {
    /// A document at its start.
    #[must_use]
    pub fn new(article: Arc<Article>, load: LoadState) -> Self {
        let head = crate::layout::Head::of(&article, !matches!(load, LoadState::Loading { .. }));
        let layout = Layout::new(article.blocks(), head);
        Self {
            article,
            layout,
            top: Pos::default(),
            load,
            marks: [None; 26],
            jumps: Jumps::default(),
            search: SearchState::default(),
            lists: [ListState::default(); 3],
            filter: None,
            speaker: None,
            last_section: None,
            last_quote: None,
            last_select: None,
            target: None,
            origin: super::Origin::default(),
            shelved: super::Shelved::default(),
        }
    }

    /// The flow at the viewport's width and the blocks, for walking.
    pub fn flow(&mut self, vp: Viewport) -> (&mut Flow, &[crate::model::Block]) {
        (self.layout.flow(vp.width_cols), self.article.blocks())
    }

    /// The row at the top of the pane.
    pub fn top_row(&mut self, vp: Viewport) -> RowRef {
        let top = self.top;
        let (flow, blocks) = self.flow(vp);
        flow.locate(blocks, top)
    }

    /// Puts `row` at the top of the pane (clamped).
    pub fn set_top_row(&mut self, vp: Viewport, row: RowRef) {
        let (flow, blocks) = self.flow(vp);
        // The very first row is never too low: no need to wrap the last
        // screen to find out (that is most of the work of a first paint).
        let row = if row == RowRef::default() { row } else { row.min(max_top(flow, blocks, vp.rows)) };
        self.top = flow.pos_of(blocks, row);
    }

    /// Scrolls by `delta` rows.
    pub fn scroll(&mut self, vp: Viewport, delta: isize) {
        let from = self.top_row(vp);
        let (flow, blocks) = self.flow(vp);
        let to = flow.step(blocks, from, delta);
        self.set_top_row(vp, to);
    }

    /// Moves the top to `row`, recording a jump when it moved.
    pub fn jump_to_row(&mut self, vp: Viewport, row: RowRef) {
        let from = self.top;
        self.set_top_row(vp, row);
        if self.top != from {
            self.jumps.record(from);
        }
    }

    /// Moves the top to `pos`, recording a jump when it moved.
    pub fn jump_to(&mut self, vp: Viewport, pos: Pos) {
        let (flow, blocks) = self.flow(vp);
        let row = flow.locate(blocks, pos);
        self.jump_to_row(vp, row);
    }

    /// The row of the first line of `block`'s text.
    pub fn block_row(&mut self, vp: Viewport, block: BlockId) -> RowRef {
        let (flow, blocks) = self.flow(vp);
        flow.block_start(blocks, block)
    }

    /// Clamps the top and wraps what is on screen (what lies ahead waits for
    /// [`Doc::prefetch`]).
    pub fn settle(&mut self, vp: Viewport) {
        let row = self.top_row(vp);
        self.set_top_row(vp, row);
        let row = self.top_row(vp);
        let (flow, blocks) = self.flow(vp);
        flow.ensure(blocks, row, vp.rows + 1);
    }

    /// Wraps what the next moves are likely to show: the screen below this
    /// one and the last screen. Done after a frame is out, so that neither
    /// the frame nor the next page waits on it.
    pub fn prefetch(&mut self, vp: Viewport) {
        let row = self.top_row(vp);
        let (flow, blocks) = self.flow(vp);
        flow.ensure(blocks, row, vp.rows * 2 + 1);
        max_top(flow, blocks, vp.rows);
    }

    /// The byte span of the top line: (block, start, end). A gap line spans
    /// nothing at the start of its block; an attribution line comes after all
    /// of its block's text.
    pub fn top_span(&mut self, vp: Viewport) -> (usize, usize, usize) {
        let row = self.top_row(vp);
        let (flow, _) = self.flow(vp);
        match flow.row(row) {
            Some(Row::Line(line)) if line.kind != crate::layout::LineKind::Attribution => {
                (row.block, line.range.start, line.range.end)
            }
            Some(Row::Line(_)) => (row.block, usize::MAX, usize::MAX),
            _ => (row.block, 0, 0),
        }
    }

    /// The index of the section the top line is in; right after a jump to
    /// a section, that section (near the end of the article its heading
    /// may not reach the top line).
    #[must_use]
    pub fn current_section(&self) -> Option<usize> {
        if let Some(visit) = self.last_section.filter(|v| v.top == self.top) {
            return Some(visit.index);
        }
        let sections = &self.article.analysis.sections;
        sections.partition_point(|s| s.block <= self.top.block).checked_sub(1)
    }

    /// Index of the top row among all rows and the total (estimated).
    pub fn progress(&mut self, vp: Viewport) -> (usize, usize) {
        let row = self.top_row(vp);
        let (flow, _) = self.flow(vp);
        (flow.index_of(row), flow.total_rows())
    }

    /// The quotes the quotes panel lists (all, or the filtered speaker's).
    #[must_use]
    pub fn quote_list(&self) -> QuoteList<'_> {
        match self.filter.and_then(|s| self.article.analysis.speakers.get(s)) {
            Some(speaker) => QuoteList::Only(&speaker.quotes),
            None => QuoteList::All(self.article.analysis.quotes.len()),
        }
    }
}

/// The quotes panel's rows: quote indices.
#[derive(Debug, Clone, Copy)]
pub enum QuoteList<'a> {
    /// Every quote.
    All(usize),
    /// These quotes.
    Only(&'a [usize]),
}

impl QuoteList<'_> {
    /// Number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Self::All(count) => *count,
            Self::Only(list) => list.len(),
        }
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The quote index shown at `row`.
    #[must_use]
    pub fn get(&self, row: usize) -> Option<usize> {
        match self {
            Self::All(count) => (row < *count).then_some(row),
            Self::Only(list) => list.get(row).copied(),
        }
    }

    /// The row showing quote `quote`.
    #[must_use]
    pub fn row_of(&self, quote: usize) -> Option<usize> {
        match self {
            Self::All(count) => (quote < *count).then_some(quote),
            Self::Only(list) => list.iter().position(|q| *q == quote),
        }
    }
}

/// The lowest row the top may be at: the last screenful starts there.
fn max_top(flow: &mut Flow, blocks: &[crate::model::Block], rows: usize) -> RowRef {
    let last = flow.last(blocks);
    flow.step(blocks, last, 1 - rows.max(1).cast_signed())
}
