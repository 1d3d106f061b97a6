//! What a frame sends: the cells that differ from what the terminal shows,
//! made harmless, with the short runs of unchanged cells that cost less to
//! re-send than a cursor move.

use ratatui::buffer::{Buffer, BufferDiff, Cell, CellDiffOption, CellWidth};

use crate::layout::text::display_width;

/// Longest run of unchanged cells re-sent instead of moving the cursor over
/// it: a cursor move costs 3 to 8 bytes, an ASCII cell one.
pub(super) const MAX_GAP_CELLS: u16 = 6;

/// Most unchanged cells at a row's start re-sent after a line feed: up to
/// three, one byte each, cost no more than the step over them (`ESC [ 3 C`).
const MAX_ROW_START_CELLS: u16 = 3;

/// What a cell of a blank screen holds; also what a wide character's right
/// half becomes when a narrow one overwrites its left half.
pub(super) static BLANK: Cell = Cell::EMPTY;

/// Whether a symbol holds a control character.
fn has_control(symbol: &str) -> bool {
    match symbol.as_bytes() {
        [byte] => byte.is_ascii_control(),
        _ => symbol.chars().any(char::is_control),
    }
}

/// Replaces a control character in the cell: whatever reaches this seam,
/// no escape sequence can leave byline through a cell.
pub(super) fn make_harmless(cell: &mut Cell) {
    if has_control(cell.symbol()) {
        cell.set_symbol("\u{fffd}");
    }
}

/// Whether a cell holds one ASCII character (one column, one byte).
fn is_ascii_cell(cell: &Cell) -> bool {
    is_ascii_symbol(cell.symbol())
}

/// Whether a symbol is one ASCII character.
fn is_ascii_symbol(symbol: &str) -> bool {
    matches!(symbol.as_bytes(), [byte] if byte.is_ascii_graphic() || *byte == b' ')
}

/// Columns a cell's symbol takes (one byte: one column, as no control byte
/// gets through).
#[inline]
pub(super) fn columns(symbol: &str) -> usize {
    if symbol.len() == 1 { 1 } else { display_width(symbol) }
}

/// Whether a cell that is not skipped, showing `symbol`, is the same as a
/// blank screen's: what `cell == &BLANK` says, quicker (this is asked of
/// every cell of a first frame).
pub(super) fn is_blank(cell: &Cell, symbol: &str) -> bool {
    symbol.as_bytes() == b" "
        && cell.fg == BLANK.fg
        && cell.bg == BLANK.bg
        && cell.underline_color == BLANK.underline_color
        && cell.modifier.is_empty()
        && cell.diff_option == BLANK.diff_option
}

/// Whether two cells are the same, as `==` says, quicker: one-byte symbols
/// (nearly every cell) are compared without a call to `memcmp`. Detecting
/// scrolls compares every cell of two frames a few times over.
#[inline]
pub(super) fn same_cell(a: &Cell, b: &Cell) -> bool {
    let same_symbol = match (a.symbol().as_bytes(), b.symbol().as_bytes()) {
        ([x], [y]) => x == y,
        (x, y) => x == y,
    };
    same_symbol && same_style(a, b) && a.diff_option == b.diff_option
}

/// Whether two cells are drawn with the same pen.
#[inline]
pub(super) fn same_style(a: &Cell, b: &Cell) -> bool {
    a.fg == b.fg && a.bg == b.bg && a.underline_color == b.underline_color && a.modifier == b.modifier
}

/// Whether ratatui's diff leaves the cell alone.
#[expect(deprecated, reason = "a widget may still set the old flag, and ratatui's diff honours it")]
#[inline]
pub(super) fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// What the terminal shows under the frame being presented.
#[derive(Clone, Copy)]
pub(super) enum Before<'p> {
    Blank,
    Unknown,
    Frame(&'p Buffer),
}

/// The cells of a frame that differ from what the terminal shows, in order:
/// ratatui's own diff against the last frame, or a scan of the frame alone
/// (the cells that are not blank, or all of them when nothing is certain).
enum Changes<'p, 'n> {
    Diff(BufferDiff<'p, 'n>),
    Scan { frame: &'n Buffer, index: usize, all: bool },
}

impl<'n> Iterator for Changes<'_, 'n> {
    type Item = (u16, u16, &'n Cell);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::Diff(diff) => diff.next(),
            Self::Scan { frame, index, all } => {
                let width = usize::from(frame.area.width.max(1));
                while let Some(cell) = frame.content.get(*index) {
                    let at = *index;
                    if is_skip(cell) {
                        *index += 1;
                        continue;
                    }
                    // As ratatui's diff does: a wide character's right half
                    // is not a cell of its own.
                    let symbol = cell.symbol();
                    *index += match cell.diff_option {
                        CellDiffOption::None if symbol.len() == 1 => 1,
                        _ => usize::from(cell.cell_width().max(1)),
                    };
                    if *all || !is_blank(cell, symbol) {
                        let x = frame.area.x + (at % width) as u16;
                        let y = frame.area.y + (at / width) as u16;
                        return Some((x, y, cell));
                    }
                }
                None
            }
        }
    }
}

/// The cells to send, in order: each changed cell, preceded by the
/// unchanged cells of a short gap on the same row when sending them is
/// cheaper than moving the cursor and cannot split a wide character, and
/// followed by a blank where it overwrote the left half of a wide character.
pub(super) struct Sending<'p, 'n> {
    frame: &'n Buffer,
    before: Before<'p>,
    changes: std::iter::Peekable<Changes<'p, 'n>>,
    /// The gap cells still to send before the next change, as a column
    /// range on its row.
    gap: Option<(u16, u16)>,
    /// Whether the gap before the next change has been looked at.
    gap_decided: bool,
    /// A blank to send next.
    blank: Option<(u16, u16)>,
    /// The last cell sent, where, and whether it was one column wide (after
    /// which the terminal's cursor is where the seam thinks it is, as far as
    /// a relative move or a re-sent cell can tell); its style is the pen.
    previous: Option<(u16, u16, bool, &'n Cell)>,
}

impl<'p, 'n> Sending<'p, 'n> {
    pub(super) fn new(frame: &'n Buffer, before: Before<'p>) -> Self {
        let changes = match before {
            Before::Frame(previous) => Changes::Diff(previous.diff_iter(frame)),
            Before::Blank => Changes::Scan { frame, index: 0, all: false },
            Before::Unknown => Changes::Scan { frame, index: 0, all: true },
        };
        Self {
            frame,
            before,
            changes: changes.peekable(),
            gap: None,
            gap_decided: false,
            blank: None,
            previous: None,
        }
    }

    /// What the terminal shows at a cell, when known.
    fn shown_at(&self, x: u16, y: u16) -> Option<&Cell> {
        match self.before {
            Before::Blank => Some(&BLANK),
            Before::Unknown => None,
            Before::Frame(previous) => previous.cell((x, y)),
        }
    }

    /// Where the unchanged cells worth sending before a change at `(x, y)`
    /// start, instead of a cursor move: after the last cell sent when it is
    /// on the same row and the gap is short, or at the row's start when the
    /// cursor comes down from a row above (a line feed and a blank or two
    /// cost less than a line feed and a step). Only cells of one ASCII
    /// column each, already on the screen as they are in the frame, and all
    /// in the pen's style or all in the next change's (else the pen changes
    /// there and back).
    fn gap_before(&self, x: u16, y: u16) -> Option<u16> {
        let (px, py, one_column, pen) = self.previous?;
        let next = self.frame.cell((x, y))?;
        let start = if py == y && one_column && x > px + 1 && x - px - 1 <= MAX_GAP_CELLS {
            px + 1
        } else if py < y && x > 0 && x <= MAX_ROW_START_CELLS {
            0
        } else {
            return None;
        };
        let gap = || (start..x).filter_map(|gx| self.frame.cell((gx, y)));
        let styled_as = |like: &Cell| gap().all(|cell| same_style(cell, like));
        let unchanged = (start..x).all(|gx| {
            self.frame.cell((gx, y)).is_some_and(|cell| {
                is_ascii_cell(cell) && !is_skip(cell) && self.shown_at(gx, y) == Some(cell)
            })
        });
        (unchanged && (styled_as(pen) || styled_as(next))).then_some(start)
    }

    fn sent(&mut self, x: u16, y: u16, one_column: bool, cell: &'n Cell) {
        self.previous = Some((x, y, one_column, cell));
    }
}

impl<'n> Iterator for Sending<'_, 'n> {
    type Item = (u16, u16, &'n Cell);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some((x, y)) = self.blank.take() {
            self.sent(x, y, true, &BLANK);
            return Some((x, y, &BLANK));
        }
        let &(x, y, cell) = self.changes.peek()?;
        if !self.gap_decided {
            self.gap_decided = true;
            self.gap = self.gap_before(x, y).map(|start| (start, x));
        }
        if let Some((gx, end)) = self.gap.take()
            && gx < end
            && let Some(unchanged) = self.frame.cell((gx, y))
        {
            self.gap = Some((gx + 1, end));
            self.sent(gx, y, true, unchanged);
            return Some((gx, y, unchanged));
        }
        self.changes.next();
        self.gap_decided = false;
        let symbol = cell.symbol();
        self.sent(x, y, columns(symbol) == 1, cell);
        // Writing over the left half of a wide character makes the terminal
        // blank its right half, with whatever style is current: send that
        // cell as the blank it now is (the diff may see no change there).
        let last = x.saturating_add(columns(symbol).max(1) as u16 - 1);
        let after = last.saturating_add(1);
        let was_wide = self.shown_at(last, y).is_some_and(|c| columns(c.symbol()) > 1);
        let next_sent = self.changes.peek().is_some_and(|&(nx, ny, _)| ny == y && nx == after);
        if was_wide && !next_sent && after < self.frame.area.right() {
            self.blank = Some((after, y));
        }
        Some((x, y, cell))
    }
}
