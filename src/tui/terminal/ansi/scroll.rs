//! The sequences that move text on the terminal: a scroll region (DECSTBM),
//! left and right margins within it when the terminal has them (DECSLRM,
//! enabled by DECLRMM only for the move, since `CSI s` means "save the
//! cursor" without it), the move itself (SU/SD, or IL/DL at the region's
//! top on terminals without SU), then everything put back. The region never
//! outlives the move: the cells of the frame that follow are written on an
//! ordinary screen.

use std::io::{self, Write};

use super::{AnsiBackend, Csi, Pen};
use crate::tui::terminal::Scrolling;
use crate::tui::terminal::surface::{Scroller, Shift};

/// Appends the sequences for `shift` as `scrolling` sends them.
fn write_shift(seq: &mut Vec<u8>, shift: &Shift, scrolling: Scrolling) {
    let area = shift.area;
    let margins = shift.margins && scrolling == Scrolling::Margins;
    if margins {
        seq.extend_from_slice(b"\x1b[?69h");
    }
    let mut region = Csi::new(seq);
    region.num(area.y + 1);
    region.num(area.bottom());
    region.end(b'r');
    if margins {
        let mut sides = Csi::new(seq);
        sides.num(area.x + 1);
        sides.num(area.right());
        sides.end(b's');
    }
    if scrolling == Scrolling::Lines {
        // Insert and delete line act at the cursor's row: the region's top.
        let mut to = Csi::new(seq);
        to.num(area.y + 1);
        to.num(area.x + 1);
        to.end(b'H');
    }
    let mut lines = Csi::new(seq);
    if shift.rows > 1 {
        lines.num(shift.rows);
    }
    lines.end(match (scrolling, shift.up) {
        (Scrolling::Lines, true) => b'M',
        (Scrolling::Lines, false) => b'L',
        (_, true) => b'S',
        (_, false) => b'T',
    });
    if margins {
        // With DECLRMM set, a bare `CSI s` resets the margins.
        seq.extend_from_slice(b"\x1b[s\x1b[?69l");
    }
    seq.extend_from_slice(b"\x1b[r");
}

impl<W: Write> Scroller for AnsiBackend<W> {
    fn scrolling(&self) -> Scrolling {
        self.scrolling
    }

    fn shift_bytes(&self, shift: &Shift) -> usize {
        let mut seq = Vec::with_capacity(48);
        write_shift(&mut seq, shift, self.scrolling);
        // The pen is reset first unless it is already.
        seq.len() + if self.pen == Pen::default() { 0 } else { 3 }
    }

    fn queue_shift(&mut self, shift: &Shift) -> io::Result<()> {
        if !self.scrolling.is_on() {
            return Err(io::Error::other("the terminal was not known to scroll"));
        }
        // The rows a scroll uncovers take the current background.
        self.set_pen(Pen::default());
        write_shift(&mut self.buf, shift, self.scrolling);
        // Setting and resetting the region move the cursor home; where it
        // is next is not assumed.
        self.cursor = None;
        Ok(())
    }

    fn queue_reset(&mut self) -> io::Result<()> {
        self.buf.extend_from_slice(b"\x1b[m");
        self.pen = Pen::default();
        if self.scrolling == Scrolling::Margins {
            self.buf.extend_from_slice(b"\x1b[?69l");
        }
        if self.scrolling.is_on() {
            self.buf.extend_from_slice(b"\x1b[r");
        }
        self.cursor = None;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;

    fn sent(shift: Shift, scrolling: Scrolling) -> String {
        let mut seq = Vec::new();
        write_shift(&mut seq, &shift, scrolling);
        String::from_utf8(seq).unwrap().replace('\x1b', "^")
    }

    #[test]
    fn each_kind_of_terminal_gets_its_own_sequences() {
        let rows = Shift { area: Rect::new(0, 1, 80, 22), rows: 1, up: true, margins: false };
        assert_eq!(sent(rows, Scrolling::Rows), "^[2;23r^[S^[r");
        assert_eq!(sent(Shift { rows: 3, up: false, ..rows }, Scrolling::Rows), "^[2;23r^[3T^[r");
        assert_eq!(sent(rows, Scrolling::Lines), "^[2;23r^[2;1H^[M^[r");
        assert_eq!(sent(Shift { rows: 21, up: false, ..rows }, Scrolling::Lines), "^[2;23r^[2;1H^[21L^[r");
        let band = Shift { area: Rect::new(10, 1, 120, 22), margins: true, ..rows };
        assert_eq!(sent(band, Scrolling::Margins), "^[?69h^[2;23r^[11;130s^[S^[s^[?69l^[r");
        assert_eq!(sent(band, Scrolling::Rows), "^[2;23r^[S^[r", "no margins where there are none");
    }

    #[test]
    fn a_shift_starts_from_the_default_pen_and_leaves_the_cursor_unknown() {
        let mut backend = AnsiBackend::new(Vec::new()).with_scrolling(Scrolling::Rows);
        backend.pen = Pen { modifier: ratatui::style::Modifier::BOLD, ..Pen::default() };
        backend.cursor = Some(ratatui::layout::Position::new(3, 3));
        let shift = Shift { area: Rect::new(0, 0, 10, 5), rows: 2, up: true, margins: false };
        let expected = backend.shift_bytes(&shift);
        backend.queue_shift(&shift).unwrap();
        assert_eq!(String::from_utf8_lossy(&backend.buf), "\u{1b}[m\u{1b}[1;5r\u{1b}[2S\u{1b}[r");
        assert_eq!(backend.buf.len(), expected);
        assert_eq!(backend.cursor, None);
        let mut off = AnsiBackend::new(Vec::new());
        assert!(off.queue_shift(&shift).is_err(), "never on a terminal not known to scroll");
    }
}
