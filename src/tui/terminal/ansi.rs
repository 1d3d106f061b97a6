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
}

impl<W: Write> AnsiBackend<W> {
    /// A backend on the terminal's real size.
    pub fn new(out: W) -> Self {
        Self { out, pen: Pen::default(), cursor: None, fixed_size: None }
    }

    /// A backend of a fixed size (tests).
    pub fn with_size(out: W, size: Size) -> Self {
        Self { fixed_size: Some(size), ..Self::new(out) }
    }

    /// The writer.
    pub fn writer(&self) -> &W {
        &self.out
    }

    fn move_to(&mut self, to: Position) -> io::Result<()> {
        match self.cursor {
            Some(at) if at == to => Ok(()),
            Some(at) if to.y == at.y + 1 && to.x == 0 => self.out.write_all(b"\r\n"),
            Some(at) if to.y == at.y && to.x > at.x && to.x - at.x > 1 => {
                write!(self.out, "\x1b[{}C", to.x - at.x)
            }
            _ => write!(self.out, "\x1b[{};{}H", to.y + 1, to.x + 1),
        }
    }

    fn set_pen(&mut self, pen: Pen) -> io::Result<()> {
        if pen == self.pen {
            return Ok(());
        }
        let mut codes = String::new();
        if pen == Pen::default() {
            codes.push('0');
        } else {
            let removed = self.pen.modifier - pen.modifier;
            let mut added = pen.modifier - self.pen.modifier;
            if removed.intersects(Modifier::BOLD | Modifier::DIM) {
                code(&mut codes, "22");
                // 22 clears both: put back the one that stays.
                added |= pen.modifier & (Modifier::BOLD | Modifier::DIM);
            }
            for (flag, off) in [
                (Modifier::ITALIC, "23"),
                (Modifier::UNDERLINED, "24"),
                (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK, "25"),
                (Modifier::REVERSED, "27"),
                (Modifier::HIDDEN, "28"),
                (Modifier::CROSSED_OUT, "29"),
            ] {
                if removed.intersects(flag) {
                    code(&mut codes, off);
                }
            }
            for (flag, on) in [
                (Modifier::BOLD, "1"),
                (Modifier::DIM, "2"),
                (Modifier::ITALIC, "3"),
                (Modifier::UNDERLINED, "4"),
                (Modifier::SLOW_BLINK, "5"),
                (Modifier::RAPID_BLINK, "6"),
                (Modifier::REVERSED, "7"),
                (Modifier::HIDDEN, "8"),
                (Modifier::CROSSED_OUT, "9"),
            ] {
                if added.contains(flag) {
                    code(&mut codes, on);
                }
            }
            if pen.fg != self.pen.fg {
                code(&mut codes, &color_code(pen.fg, Layer::Fg));
            }
            if pen.bg != self.pen.bg {
                code(&mut codes, &color_code(pen.bg, Layer::Bg));
            }
            if pen.underline != self.pen.underline {
                code(&mut codes, &color_code(pen.underline, Layer::Underline));
            }
        }
        self.pen = pen;
        write!(self.out, "\x1b[{codes}m")
    }
}

fn code(codes: &mut String, add: &str) {
    if !codes.is_empty() {
        codes.push(';');
    }
    codes.push_str(add);
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layer {
    Fg,
    Bg,
    Underline,
}

/// The SGR parameters for a colour on a layer (`None`: the default).
fn color_code(color: Option<Color>, layer: Layer) -> String {
    let (base, bright, extended, reset) = match layer {
        Layer::Fg => (30, 90, 38, 39),
        Layer::Bg => (40, 100, 48, 49),
        Layer::Underline => (0, 0, 58, 59),
    };
    let named = |index: u8| -> String {
        if layer == Layer::Underline {
            format!("{extended};5;{index}")
        } else if index < 8 {
            (base + u16::from(index)).to_string()
        } else {
            (bright + u16::from(index - 8)).to_string()
        }
    };
    match color {
        None | Some(Color::Reset) => reset.to_string(),
        Some(Color::Black) => named(0),
        Some(Color::Red) => named(1),
        Some(Color::Green) => named(2),
        Some(Color::Yellow) => named(3),
        Some(Color::Blue) => named(4),
        Some(Color::Magenta) => named(5),
        Some(Color::Cyan) => named(6),
        Some(Color::Gray) => named(7),
        Some(Color::DarkGray) => named(8),
        Some(Color::LightRed) => named(9),
        Some(Color::LightGreen) => named(10),
        Some(Color::LightYellow) => named(11),
        Some(Color::LightBlue) => named(12),
        Some(Color::LightMagenta) => named(13),
        Some(Color::LightCyan) => named(14),
        Some(Color::White) => named(15),
        Some(Color::Indexed(index)) => format!("{extended};5;{index}"),
        Some(Color::Rgb(r, g, b)) => format!("{extended};2;{r};{g};{b}"),
    }
}

impl<W: Write> Backend for AnsiBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            self.move_to(Position::new(x, y))?;
            self.set_pen(Pen::of(cell))?;
            let symbol = cell.symbol();
            self.out.write_all(symbol.as_bytes())?;
            // Relative moves need the cursor exactly: after anything but a
            // one-column symbol, the next move is absolute.
            self.cursor = (crate::layout::text::display_width(symbol) == 1)
                .then(|| Position::new(x.saturating_add(1), y));
        }
        self.set_pen(Pen::default())
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
        self.move_to(position)?;
        self.cursor = Some(position);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Clears fill with the current background: reset it first.
        self.set_pen(Pen::default())?;
        let sequence: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.out.write_all(sequence)
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
