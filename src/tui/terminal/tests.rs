use std::cell::RefCell;
use std::io::Write;
use std::num::NonZeroU16;
use std::rc::Rc;

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect, Size};
use ratatui::text::Line;

use super::Surface;

/// A byte vector the test keeps a handle on.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Crossterm's encoding into a byte vector, with a fixed size (the real
/// backend asks the terminal for its size).
struct Bytes {
    inner: CrosstermBackend<Shared>,
    size: Size,
}

impl Backend for Bytes {
    type Error = std::io::Error;

    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(&mut self, content: I) -> std::io::Result<()> {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> std::io::Result<()> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> std::io::Result<()> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        panic!("the surface must never ask the terminal where the cursor is")
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> std::io::Result<()> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> std::io::Result<()> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> std::io::Result<()> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> std::io::Result<Size> {
        Ok(self.size)
    }
    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        Ok(WindowSize { columns_rows: self.size, pixels: Size::default() })
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

fn frames() -> Vec<Vec<String>> {
    let base =
        ["The ferry crossed the grey water at dawn.", "日本語の文章 and 😀 emoji here", "a b  c   d    e"];
    (0..12)
        .map(|round| {
            (0..6)
                .map(|row| {
                    let text = base[(row + round) % base.len()];
                    let skip = (round * 3 + row) % 7;
                    text.chars().skip(skip).collect::<String>()
                })
                .collect()
        })
        .collect()
}

#[test]
fn what_the_terminal_shows_is_what_was_drawn() {
    let (cols, rows) = (40, 6);
    let sink = Shared::default();
    let bytes = Bytes { inner: CrosstermBackend::new(sink.clone()), size: Size::new(cols, rows) };
    let mut terminal = Terminal::new(Surface::new(bytes)).unwrap();
    let size = |n| NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(size(rows), size(cols), 0);
    let mut plain_bytes = 0;
    for (round, frame) in frames().into_iter().enumerate() {
        if round == 7 {
            terminal.clear().unwrap();
        }
        let completed = terminal
            .draw(|f| {
                for (y, text) in frame.iter().enumerate() {
                    f.buffer_mut().set_line(0, y as u16, &Line::raw(text.clone()), cols);
                }
            })
            .unwrap();
        let expected: Vec<String> = (0..rows)
            .map(|y| {
                let mut line = String::new();
                let mut x = 0;
                while x < cols {
                    let symbol = completed.buffer[(x, y)].symbol();
                    line.push_str(symbol);
                    x += u16::try_from(crate::layout::text::display_width(symbol)).unwrap().max(1);
                }
                line.trim_end().to_owned()
            })
            .collect();
        let output = std::mem::take(&mut *sink.0.borrow_mut());
        plain_bytes += output.len();
        parser.process(&output);
        let shown: Vec<String> = parser.screen().rows(0, cols).map(|r| r.trim_end().to_owned()).collect();
        assert_eq!(shown, expected, "frame {round}");
    }
    assert!(plain_bytes > 0);
}

#[test]
fn short_gaps_are_resent_instead_of_moving_the_cursor() {
    let shown = ratatui::buffer::Buffer::with_lines(["abcdefghij"]);
    let cell = |s: &str| {
        let mut c = Cell::default();
        c.set_symbol(s);
        c
    };
    let changed = vec![(0, 0, cell("A")), (3, 0, cell("D")), (9, 0, cell("J"))];
    let out = super::with_gaps(&shown, &changed);
    let symbols: Vec<&str> = out.iter().map(|(_, _, c)| c.symbol()).collect();
    assert_eq!(symbols, ["A", "b", "c", "D", "e", "f", "g", "h", "i", "J"]);
    let wide = ratatui::buffer::Buffer::with_lines(["a日本b  "]);
    let changed = vec![(0, 0, cell("A")), (5, 0, cell("B"))];
    let out = super::with_gaps(&wide, &changed);
    assert_eq!(out.len(), 2, "a gap holding a wide character is never re-sent");
}

#[test]
fn control_characters_never_leave_through_a_cell() {
    let mut cell = Cell::default();
    cell.set_symbol("\u{1b}");
    assert_eq!(super::harmless(&cell).symbol(), "\u{fffd}");
    cell.set_symbol("\u{9b}");
    assert_eq!(super::harmless(&cell).symbol(), "\u{fffd}");
    cell.set_symbol("é");
    assert_eq!(super::harmless(&cell).symbol(), "é");
}

#[test]
fn clearing_does_not_query_the_terminal() {
    let bytes = Bytes { inner: CrosstermBackend::new(Shared::default()), size: Size::new(10, 2) };
    let mut terminal = Terminal::new(Surface::new(bytes)).unwrap();
    terminal.clear().unwrap();
    terminal
        .draw(|f| {
            f.buffer_mut().set_line(0, 0, &Line::raw("hi"), 10);
        })
        .unwrap();
    assert_eq!(terminal.backend().shown.area, Rect::new(0, 0, 10, 2));
}

fn check_frames(frames: &[Vec<(String, bool)>], cols: u16, rows: u16) {
    let sink = Shared::default();
    let bytes = Bytes { inner: CrosstermBackend::new(sink.clone()), size: Size::new(cols, rows) };
    let mut terminal = Terminal::new(Surface::new(bytes)).unwrap();
    let size = |n| NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(size(rows), size(cols), 0);
    for (round, frame) in frames.iter().enumerate() {
        let completed = terminal
            .draw(|f| {
                for (y, (text, bold)) in frame.iter().take(usize::from(rows)).enumerate() {
                    let style = if *bold {
                        ratatui::style::Style::new().bold()
                    } else {
                        ratatui::style::Style::new()
                    };
                    f.buffer_mut().set_line(0, y as u16, &Line::styled(text.clone(), style), cols);
                }
            })
            .unwrap();
        parser.process(&std::mem::take(&mut *sink.0.borrow_mut()));
        for y in 0..rows {
            let mut x = 0;
            while x < cols {
                let want = completed.buffer[(x, y)].symbol();
                let got = parser.screen().cell(y, x).map(|c| c.contents().to_owned()).unwrap_or_default();
                let got = if got.is_empty() { " ".to_owned() } else { got };
                assert_eq!(got, want, "frame {round}, row {y}, column {x}");
                x += u16::try_from(crate::layout::text::display_width(want)).unwrap().max(1);
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    #[test]
    fn random_frames_reach_the_terminal_intact(
        frames in proptest::collection::vec(
            proptest::collection::vec(("[ a-c日😀é]{0,30}", proptest::bool::ANY), 4),
            1..8,
        ),
    ) {
        check_frames(&frames, 24, 4);
    }
}
