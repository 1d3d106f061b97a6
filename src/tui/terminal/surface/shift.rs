//! Scrolling with the terminal: finding the block of rows that a new frame
//! shares with the one shown, moved up or down, and moving the seam's copy
//! of the screen exactly as the terminal moves its own.
//!
//! Detection reads the two frames only (the views and the app know nothing
//! of it), so line and page scrolls, `g`/`G`, jumps of less than a screen
//! and the moves of a search all become scrolls. It costs a few passes over
//! the cells, no allocation per cell:
//! 1. The rows that changed; columns blank in both frames in (nearly) all
//!    rows are gutters, which split the screen into bands of columns (the
//!    article, the panels beside it).
//! 2. In each band, a hash of each row; rows of the new frame found exactly
//!    once in the old one vote for the distance they moved.
//! 3. The winning move, widened over the neighbouring rows it also fits,
//!    gives a region. The frame's bytes are estimated as a plain diff, with
//!    the region's full-width rows moved (the panels beside it then need
//!    repainting), and with only the band moved (left and right margins, when
//!    the terminal has them); the cheapest wins.
//!
//! A wrong guess costs bytes, never correctness: whatever moves, the seam's
//! copy moves the same way, and the diff sends whatever still differs.

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use super::sending::{BLANK, MAX_GAP_CELLS, columns, is_skip, same_cell, same_style};
use crate::tui::terminal::Scrolling;

/// Gutters narrower than this do not split bands: a column that happens to
/// be blank in every changed row of a paragraph is not a gap between panes.
const MIN_GUTTER_COLS: usize = 2;

/// About what moving the cursor somewhere costs (`ESC [ row ; col H`).
const CURSOR_MOVE_BYTES: usize = 7;

/// About what a change of colours or attributes costs.
const PEN_BYTES: usize = 5;

/// A block of the screen moved vertically by the terminal: the cells of
/// `area` move up (or down) by `rows`; the rows they leave are blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    /// The cells that move: whole rows unless `margins`.
    pub area: Rect,
    /// How far they move, in rows (less than the area's height).
    pub rows: u16,
    /// Whether they move up (the view scrolled down the article).
    pub up: bool,
    /// Whether only the area's columns move (left and right margins);
    /// otherwise `area` spans the screen's width.
    pub margins: bool,
}

impl Shift {
    /// Moves the cells of `buffer` as the terminal moves its own: what
    /// scrolls out of the area is lost, and the rows left behind are blank
    /// in the default colours (the pen is reset before a scroll).
    pub fn apply(&self, buffer: &mut Buffer) {
        let width = usize::from(buffer.area.width);
        let (left, right) = (usize::from(self.area.x), usize::from(self.area.right()).min(width));
        let (top, bottom) = (usize::from(self.area.y), usize::from(self.area.bottom()));
        let rows = usize::from(self.rows);
        let at = |x: usize, y: usize| y * width + x;
        if bottom > usize::from(buffer.area.height) || left >= right {
            return;
        }
        if left == 0 && right == width {
            // Whole rows: one rotation of the band, then the rows it
            // uncovered blanked.
            let band = &mut buffer.content[top * width..bottom * width];
            let moved = (rows * width).min(band.len());
            let uncovered = if self.up {
                band.rotate_left(moved);
                band.len() - moved..band.len()
            } else {
                band.rotate_right(moved);
                0..moved
            };
            band[uncovered].iter_mut().for_each(Cell::reset);
            return;
        }
        // Row by row in the direction of the move, each row takes the cells
        // of the row `rows` away, which have not been touched yet.
        let mut move_row = |y: usize, from: Option<usize>| {
            for x in left..right {
                match from {
                    Some(from) => buffer.content.swap(at(x, y), at(x, from)),
                    None => buffer.content[at(x, y)].reset(),
                }
            }
        };
        if self.up {
            for y in top..bottom {
                move_row(y, Some(y + rows).filter(|from| *from < bottom));
            }
        } else {
            for y in (top..bottom).rev() {
                move_row(y, y.checked_sub(rows).filter(|from| *from >= top));
            }
        }
    }

    /// The row whose cells row `y` of the area holds after the move (none:
    /// it is left blank).
    fn source_row(&self, y: usize) -> Option<usize> {
        let (top, bottom, rows) =
            (usize::from(self.area.y), usize::from(self.area.bottom()), usize::from(self.rows));
        let from = if self.up { y.checked_add(rows) } else { y.checked_sub(rows) };
        from.filter(|from| (top..bottom).contains(from))
    }
}

/// The cheapest way to bring the terminal from `shown` to `next`: a shift
/// (its bytes counted by `shift_bytes`) followed by the diff, or `None`
/// when the plain diff costs least.
pub(super) fn choose(
    shown: &Buffer,
    next: &Buffer,
    scrolling: Scrolling,
    shift_bytes: impl Fn(&Shift) -> usize,
) -> Option<Shift> {
    let area = next.area;
    if !scrolling.is_on() || area != shown.area || area.x != 0 || area.y != 0 || area.height < 2 {
        return None;
    }
    let (width, height) = (usize::from(area.width), usize::from(area.height));
    let mut changed = Vec::new();
    // Per column, the rows where it is blank in both frames, and those
    // where it changed: one pass over the cells.
    let mut blank_in = vec![0usize; width];
    let mut changed_in = vec![0usize; width];
    for y in 0..height {
        let (old, new) = (row(shown, y), row(next, y));
        let mut row_changed = false;
        for (x, (a, b)) in old.iter().zip(new).enumerate() {
            // A skipped cell shows something the seam does not know: it
            // must not be moved, nor anything be moved onto it.
            if is_skip(a) || is_skip(b) {
                return None;
            }
            let same = same_cell(a, b);
            blank_in[x] += usize::from(same && a.symbol() == " ");
            changed_in[x] += usize::from(!same);
            row_changed |= !same;
        }
        if row_changed {
            changed.push(y);
        }
    }
    if changed.len() < 2 {
        return None;
    }
    // A title or a status line across a gutter does not close it.
    let slack = height / 8;
    let gutter: Vec<bool> = blank_in.iter().map(|n| n + slack >= height).collect();
    let (band, moved) = bands(&gutter)
        .into_iter()
        .filter(|&(left, right)| changed_in[left..right].iter().any(|n| *n > 0))
        .filter_map(|band| Some((band, best_move(shown, next, band)?)))
        .max_by_key(|(_, moved)| moved.votes)?;
    // Whole rows move with the region's full width, so only whole rows that
    // fit widen it; with margins, the band's part of them.
    let same = |a: &[Cell], b: &[Cell]| a.iter().zip(b).all(|(a, b)| same_cell(a, b));
    let region = |(top, bottom): (usize, usize)| (top as u16, (bottom - top + 1) as u16);
    let (top, rows) = region(moved.widened(height, |to, from| same(row(next, to), row(shown, from))));
    let full = Shift {
        area: Rect::new(0, top, area.width, rows),
        rows: moved.rows as u16,
        up: moved.up,
        margins: false,
    };
    let mut candidates = vec![full];
    if scrolling == Scrolling::Margins && (band.0 > 0 || band.1 < width) {
        let (left, right) = band;
        let (top, rows) =
            region(moved.widened(height, |to, from| {
                same(&row(next, to)[left..right], &row(shown, from)[left..right])
            }));
        let margins =
            Shift { area: Rect::new(left as u16, top, (right - left) as u16, rows), margins: true, ..full };
        if !splits_wide_characters(shown, &margins) {
            candidates.push(margins);
        }
    }
    let mut plain = vec![0; height];
    for &y in &changed {
        let old = row(shown, y);
        plain[y] = row_cost(row(next, y), |x| &old[x]);
    }
    let plain_total: usize = plain.iter().sum();
    candidates
        .into_iter()
        .map(|shift| {
            let (left, right) = (usize::from(shift.area.x), usize::from(shift.area.right()));
            let rows = usize::from(shift.area.y)..usize::from(shift.area.bottom());
            let moved: usize = rows
                .clone()
                .map(|y| {
                    let own = row(shown, y);
                    let from = shift.source_row(y).map(|from| row(shown, from));
                    row_cost(row(next, y), |x| {
                        if (left..right).contains(&x) {
                            from.map_or(&BLANK, |from| &from[x])
                        } else {
                            &own[x]
                        }
                    })
                })
                .sum();
            let kept: usize = plain[rows].iter().sum();
            (plain_total - kept + moved + shift_bytes(&shift), shift)
        })
        .filter(|(cost, _)| *cost < plain_total)
        .min_by_key(|(cost, _)| *cost)
        .map(|(_, shift)| shift)
}

/// Row `y` of a buffer.
fn row(buffer: &Buffer, y: usize) -> &[Cell] {
    let width = usize::from(buffer.area.width);
    &buffer.content[y * width..][..width]
}

/// The bands of columns between gutters, as `left..right` pairs; gutters
/// narrower than [`MIN_GUTTER_COLS`] join their neighbours.
fn bands(gutter: &[bool]) -> Vec<(usize, usize)> {
    let mut bands: Vec<(usize, usize)> = Vec::new();
    let mut x = 0;
    while x < gutter.len() {
        if gutter[x] {
            x += 1;
            continue;
        }
        let start = x;
        while x < gutter.len() && !gutter[x] {
            x += 1;
        }
        match bands.last_mut() {
            Some((_, end)) if start - *end < MIN_GUTTER_COLS => *end = x,
            _ => bands.push((start, x)),
        }
    }
    bands
}

/// The move most rows of a band agree on, and the rows it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Move {
    /// Rows moved.
    rows: usize,
    up: bool,
    /// Rows that voted for it.
    votes: usize,
    /// The region (inclusive): from the first row the move writes or
    /// leaves blank to the last.
    top: usize,
    bottom: usize,
}

fn best_move(shown: &Buffer, next: &Buffer, (left, right): (usize, usize)) -> Option<Move> {
    let height = usize::from(next.area.height);
    let old = row_hashes(shown, left, right);
    let new = row_hashes(next, left, right);
    let blank = {
        let key = cell_key(&BLANK);
        (left..right).fold(0, |hash, _| mix(hash, key))
    };
    // Rows of the old frame by hash: a blank row, or one seen twice, says
    // nothing about where it went.
    let mut index: Vec<(u64, usize)> =
        old.iter().enumerate().filter(|(_, h)| **h != blank).map(|(y, h)| (*h, y)).collect();
    index.sort_unstable();
    // Per distance (old row - new row, offset by the height): votes, and the
    // first and last new row that voted.
    let mut votes = vec![(0usize, usize::MAX, 0usize); 2 * height];
    for (y, hash) in new.iter().enumerate() {
        if *hash == blank || *hash == old[y] {
            continue;
        }
        let at = index.partition_point(|(h, _)| h < hash);
        let from = match index.get(at..).unwrap_or_default() {
            [(h, from), (h2, _), ..] if h == hash && h2 != hash => *from,
            [(h, from)] if h == hash => *from,
            _ => continue,
        };
        let entry = &mut votes[from + height - y];
        *entry = (entry.0 + 1, entry.1.min(y), entry.2.max(y));
    }
    let (slot, &(count, first, last)) = votes
        .iter()
        .enumerate()
        .filter(|(_, v)| v.0 > 0)
        .max_by_key(|(slot, v)| (v.0, std::cmp::Reverse(slot.abs_diff(height))))?;
    let up = slot > height;
    let rows = slot.abs_diff(height);
    // The region: from the first destination to the last, with the rows
    // they come from.
    let (top, bottom) = if up { (first, last + rows) } else { (first - rows, last) };
    Some(Move { rows, up, votes: count, top, bottom })
}

impl Move {
    /// The region widened over the neighbouring rows the move also fits
    /// (blank lines between paragraphs, rows that were not unique):
    /// `fits(to, from)` says whether row `to` of the new frame is row `from`
    /// of the old one, as far as the move carries it.
    fn widened(&self, height: usize, fits: impl Fn(usize, usize) -> bool) -> (usize, usize) {
        let (mut top, mut bottom, rows) = (self.top, self.bottom, self.rows);
        if self.up {
            while top > 0 && fits(top - 1, top - 1 + rows) {
                top -= 1;
            }
            while bottom + 1 < height && fits(bottom + 1 - rows, bottom + 1) {
                bottom += 1;
            }
        } else {
            while top > 0 && fits(top - 1 + rows, top - 1) {
                top -= 1;
            }
            while bottom + 1 < height && fits(bottom + 1, bottom + 1 - rows) {
                bottom += 1;
            }
        }
        (top, bottom)
    }
}

/// Whether a wide character straddles the margins of `shift` in a row it
/// moves: half of it would move and half stay, which terminals handle each
/// their own way.
fn splits_wide_characters(shown: &Buffer, shift: &Shift) -> bool {
    let area = shift.area;
    (area.y..area.bottom()).any(|y| {
        let wide = |x: u16| columns(shown[(x, y)].symbol()) > 1;
        (area.x > 0 && wide(area.x - 1)) || wide(area.right() - 1)
    })
}

/// About how many bytes the diff sends for a row of the next frame over
/// what the terminal shows there (`shown` by column): the cells that
/// differ, a cursor move before each run (or the short gap re-sent), and a
/// pen change where the style changes.
fn row_cost<'a>(next: &[Cell], shown: impl Fn(usize) -> &'a Cell) -> usize {
    let mut cost = 0;
    let mut cursor: Option<usize> = None;
    let mut pen = &BLANK;
    let mut x = 0;
    while let Some(cell) = next.get(x) {
        let symbol = cell.symbol();
        let cols = columns(symbol).max(1);
        if !same_cell(cell, shown(x)) {
            cost += match cursor {
                Some(at) if at == x => 0,
                Some(at) if x > at && x - at <= usize::from(MAX_GAP_CELLS) => x - at,
                _ => CURSOR_MOVE_BYTES,
            };
            if !same_style(cell, pen) {
                cost += PEN_BYTES;
                pen = cell;
            }
            cost += symbol.len();
            cursor = Some(x + cols);
        }
        x += cols;
    }
    cost
}

/// The hash of each row's cells in columns `left..right`.
fn row_hashes(buffer: &Buffer, left: usize, right: usize) -> Vec<u64> {
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks_exact(width)
        .map(|row| row[left..right].iter().fold(0, |h, c| mix(h, cell_key(c))))
        .collect()
}

/// A cheap mixing step (multiply-rotate, as in rustc's FxHash): row hashes
/// only pick a move to try, and the cells decide what it costs.
fn mix(hash: u64, value: u64) -> u64 {
    (hash.rotate_left(5) ^ value).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// A cell's symbol as a number: the style is left out, as it changes
/// rarely where the text does not, and the cells decide the cost anyway.
fn cell_key(cell: &Cell) -> u64 {
    match cell.symbol().as_bytes() {
        [byte] => u64::from(*byte),
        bytes => bytes.iter().fold(bytes.len() as u64, |h, b| h.rotate_left(8) ^ u64::from(*b)),
    }
}

#[cfg(test)]
mod tests;
