//! Layout: the article's blocks wrapped to a width, lazily. No ratatui types.
//!
//! [`Layout`] keeps one [`Flow`] per recently used width (a resize storm
//! re-wraps nothing it has seen); a flow wraps only the blocks a caller walks
//! over and estimates the rest. Rows are addressed as [`RowRef`] (block, row)
//! and positions that must survive a width change as [`Pos`] (block, offset),
//! so "jump to section or quote" is a lookup, never a scan.

mod fenwick;
mod flow;
mod head;
pub mod text;
mod wrap;

pub use flow::{Flow, Pos, Row, RowRef};
pub use head::{Head, HeadKind, HeadLine};
pub use wrap::{Line, LineKind, has_lines, prefix, wrap_block};

use crate::model::Block;

/// How many widths keep their wrapped lines.
const CACHED_WIDTHS: usize = 3;

/// The article laid out at the widths used recently.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    measures: Vec<flow::Measure>,
    head: Head,
    flows: Vec<Flow>,
}

impl Layout {
    /// Measures `blocks` once (linear, no wrapping); `head` is shown above
    /// them.
    #[must_use]
    pub fn new(blocks: &[Block], head: Head) -> Self {
        Self { measures: flow::Measure::all(blocks), head, flows: Vec::new() }
    }

    /// The flow at `width_cols`, made current (created when missing; the
    /// least recently used width is dropped beyond a few).
    pub fn flow(&mut self, width_cols: usize) -> &mut Flow {
        let width_cols = width_cols.max(1);
        match self.flows.iter().position(|f| f.width_cols() == width_cols) {
            Some(0) => {}
            Some(index) => {
                let flow = self.flows.remove(index);
                self.flows.insert(0, flow);
            }
            None => {
                self.flows.insert(0, Flow::new(&self.measures, &self.head, width_cols));
                self.flows.truncate(CACHED_WIDTHS);
            }
        }
        &mut self.flows[0]
    }

    /// The current flow (the width used last), if any.
    #[must_use]
    pub fn current(&self) -> Option<&Flow> {
        self.flows.first()
    }

    /// The current flow if it is at `width_cols`.
    #[must_use]
    pub fn at_width(&self, width_cols: usize) -> Option<&Flow> {
        self.flows.first().filter(|f| f.width_cols() == width_cols.max(1))
    }
}

#[cfg(test)]
mod tests;
