//! Cells to terminal bytes, compactly: one SGR sequence per style change
//! (only what changed, attributes and colours together, the short codes for
//! the 16 colours), the cheapest cursor move (nothing when the next cell is
//! where the cursor already is, a line feed to the start of the next row, a
//! forward step on the same row, else an absolute move), and style reset at
//! the end of every frame. Only CSI sequences are written; byline never asks
//! the terminal anything (the cursor position is tracked, never queried).

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

use super::Scrolling;

mod scroll;

/// The style state of the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Pen {
    fg: Option<Color>,
    bg: Option<Color>,
    underline: Option<Color>,
    modifier: Modifier,
}

impl Pen {
    fn of(cell: &Cell) -> Self {
        let color = |c: Color| (c != Color::Reset).then_some(c);
        Self {
            fg: color(cell.fg),
            bg: color(cell.bg),
            underline: color(cell.underline_color),
            modifier: cell.modifier,
        }
    }
}

/// A ratatui backend writing ANSI sequences to `W`.
#[derive(Debug)]
pub struct AnsiBackend<W: Write> {
    out: W,
    pen: Pen,
    cursor: Option<Position>,
    fixed_size: Option<Size>,
    /// Bytes not yet handed to the writer: a frame's cells and sequences
    /// are collected here and written in one call.
    buf: Vec<u8>,
    /// How the terminal may be asked to move text.
    scrolling: Scrolling,
}

impl<W: Write> AnsiBackend<W> {
    /// A backend on the terminal's real size.
    pub fn new(out: W) -> Self {
        Self {
            out,
            pen: Pen::default(),
            cursor: None,
            fixed_size: None,
            buf: Vec::new(),
            scrolling: Scrolling::Off,
        }
    }

    /// The same backend, moving text on the terminal as `scrolling` allows.
    #[must_use]
    pub fn with_scrolling(self, scrolling: Scrolling) -> Self {
        Self { scrolling, ..self }
    }

    /// A backend of a fixed size (tests).
    pub fn with_size(out: W, size: Size) -> Self {
        Self { fixed_size: Some(size), ..Self::new(out) }
    }

    /// The writer.
    pub fn writer(&self) -> &W {
        &self.out
    }

    /// The writer, mutably (what is written to it goes out ahead of the
    /// next frame).
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Hands what was collected to the writer.
    fn emit(&mut self) -> io::Result<()> {
        let written = self.out.write_all(&self.buf);
        self.buf.clear();
        written
    }

    /// Moves the cursor the cheapest way: not at all, a step forward on the
    /// row, line feeds (and a step) to a row a little below, else an
    /// absolute move.
    fn move_to(&mut self, to: Position) {
        let mut seq = Csi::new(&mut self.buf);
        match self.cursor {
            Some(at) if at == to => {}
            Some(at) if to.y == at.y && to.x > at.x => seq.forward(to.x - at.x),
            // The cursor is never on the last row when it goes down, so a
            // line feed moves it and scrolls nothing; the scroll region is
            // always the whole screen between frames' moves.
            Some(at)
                if to.y > at.y && 1 + usize::from(to.y - at.y) + forward_len(to.x) <= absolute_len(to) =>
            {
                seq.raw(b"\r");
                for _ in at.y..to.y {
                    seq.raw(b"\n");
                }
                if to.x > 0 {
                    seq.forward(to.x);
                }
            }
            _ if to == Position::ORIGIN => seq.raw(b"\x1b[H"),
            _ => {
                seq.num(to.y + 1);
                if to.x > 0 {
                    seq.num(to.x + 1);
                }
                seq.end(b'H');
            }
        }
    }

    fn set_pen(&mut self, pen: Pen) {
        if pen == self.pen {
            return;
        }
        let mut seq = Csi::new(&mut self.buf);
        if pen != Pen::default() {
            let removed = self.pen.modifier - pen.modifier;
            let mut added = pen.modifier - self.pen.modifier;
            if removed.intersects(Modifier::BOLD | Modifier::DIM) {
                seq.num(22);
                // 22 clears both: put back the one that stays.
                added |= pen.modifier & (Modifier::BOLD | Modifier::DIM);
            }
            for (flag, off) in [
                (Modifier::ITALIC, 23),
                (Modifier::UNDERLINED, 24),
                (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK, 25),
                (Modifier::REVERSED, 27),
                (Modifier::HIDDEN, 28),
                (Modifier::CROSSED_OUT, 29),
            ] {
                if removed.intersects(flag) {
                    seq.num(off);
                }
            }
            for (flag, on) in [
                (Modifier::BOLD, 1),
                (Modifier::DIM, 2),
                (Modifier::ITALIC, 3),
                (Modifier::UNDERLINED, 4),
                (Modifier::SLOW_BLINK, 5),
                (Modifier::RAPID_BLINK, 6),
                (Modifier::REVERSED, 7),
                (Modifier::HIDDEN, 8),
                (Modifier::CROSSED_OUT, 9),
            ] {
                if added.contains(flag) {
                    seq.num(on);
                }
            }
            if pen.fg != self.pen.fg {
                seq.color(pen.fg, Layer::Fg);
            }
            if pen.bg != self.pen.bg {
                seq.color(pen.bg, Layer::Bg);
            }
            if pen.underline != self.pen.underline {
                seq.color(pen.underline, Layer::Underline);
            }
        }
        // No parameter at all is the reset.
        seq.end(b'm');
        self.pen = pen;
    }
}

/// Decimal digits of `n`.
fn digits(n: u16) -> usize {
    n.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// Bytes of a step `n` columns forward (none for no step).
fn forward_len(n: u16) -> usize {
    match n {
        0 => 0,
        1 => 3,
        _ => 3 + digits(n),
    }
}

/// Bytes of an absolute move to `to`.
fn absolute_len(to: Position) -> usize {
    3 + digits(to.y + 1) + if to.x > 0 { 1 + digits(to.x + 1) } else { 0 }
}

/// A control sequence being appended: `ESC [`, parameters separated by
/// `;`, a final byte.
struct Csi<'a> {
    seq: &'a mut Vec<u8>,
    params: usize,
}

impl<'a> Csi<'a> {
    fn new(seq: &'a mut Vec<u8>) -> Self {
        Self { seq, params: 0 }
    }

    /// Bytes as they are, instead of a sequence.
    fn raw(&mut self, bytes: &[u8]) {
        self.seq.extend_from_slice(bytes);
    }

    fn num(&mut self, n: u16) {
        self.seq.extend_from_slice(if self.params == 0 { b"\x1b[" } else { b";" });
        self.params += 1;
        let mut digits = [0u8; 5];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.seq.extend_from_slice(&digits[at..]);
    }

    fn end(&mut self, last: u8) {
        if self.params == 0 {
            self.seq.extend_from_slice(b"\x1b[");
        }
        self.seq.push(last);
    }

    /// `n` columns forward (one needs no parameter).
    fn forward(&mut self, n: u16) {
        if n > 1 {
            self.num(n);
        }
        self.end(b'C');
    }

    /// The SGR parameters for a colour on a layer (`None`: the default).
    fn color(&mut self, color: Option<Color>, layer: Layer) {
        let (base, bright, extended, reset) = match layer {
            Layer::Fg => (30, 90, 38, 39),
            Layer::Bg => (40, 100, 48, 49),
            Layer::Underline => (0, 0, 58, 59),
        };
        match color.map(|color| (color, named(color))) {
            None | Some((Color::Reset, _)) => self.num(reset),
            Some((_, Some(index))) if layer != Layer::Underline => {
                self.num(if index < 8 { base + u16::from(index) } else { bright + u16::from(index - 8) });
            }
            Some((_, Some(index)) | (Color::Indexed(index), None)) => {
                self.num(extended);
                self.num(5);
                self.num(u16::from(index));
            }
            Some((Color::Rgb(r, g, b), _)) => {
                self.num(extended);
                self.num(2);
                self.num(u16::from(r));
                self.num(u16::from(g));
                self.num(u16::from(b));
            }
            Some((_, None)) => self.num(reset),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layer {
    Fg,
    Bg,
    Underline,
}

/// The index of one of the 16 named colours.
pub(super) fn named(color: Color) -> Option<u8> {
    Some(match color {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Reset | Color::Indexed(_) | Color::Rgb(..) => return None,
    })
}

impl<W: Write> Backend for AnsiBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            self.move_to(Position::new(x, y));
            self.set_pen(Pen::of(cell));
            let symbol = cell.symbol();
            match symbol.as_bytes() {
                [byte] => self.buf.push(*byte),
                bytes => self.buf.extend_from_slice(bytes),
            }
            // Relative moves need the cursor exactly: after anything but a
            // one-column symbol, the next move is absolute.
            let one_column = symbol.len() == 1 || crate::layout::text::display_width(symbol) == 1;
            self.cursor = one_column.then(|| Position::new(x.saturating_add(1), y));
        }
        self.set_pen(Pen::default());
        self.emit()
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.out.write_all(b"\x1b[?25l")
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.out.write_all(b"\x1b[?25h")
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor.unwrap_or(Position::ORIGIN))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        self.cursor = None;
        self.move_to(position);
        self.cursor = Some(position);
        self.emit()
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Clears fill with the current background: reset it first.
        self.set_pen(Pen::default());
        let sequence: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.buf.extend_from_slice(sequence);
        self.emit()
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed_size {
            Some(size) => Ok(size),
            None => crossterm::terminal::size().map(|(width, height)| Size::new(width, height)),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        match self.fixed_size {
            Some(size) => Ok(WindowSize { columns_rows: size, pixels: Size::default() }),
            None => crossterm::terminal::window_size().map(|size| WindowSize {
                columns_rows: Size::new(size.columns, size.rows),
                pixels: Size::new(size.width, size.height),
            }),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
