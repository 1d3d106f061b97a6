use std::cell::RefCell;
use std::io::Write;
use std::num::NonZeroU16;
use std::rc::Rc;

use ratatui::layout::{Rect, Size};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::{AnsiBackend, Screen};

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
    let bytes = AnsiBackend::with_size(sink.clone(), Size::new(cols, rows));
    let mut screen = Screen::new(bytes).unwrap();
    let size = |n| NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(size(rows), size(cols), 0);
    let mut plain_bytes = 0;
    for (round, frame) in frames().into_iter().enumerate() {
        if round == 7 {
            screen.clear().unwrap();
        }
        screen
            .draw(|f| {
                for (y, text) in frame.iter().enumerate() {
                    f.set_line(0, y as u16, &Line::raw(text.clone()), cols);
                }
            })
            .unwrap();
        let completed = screen.last_frame().unwrap();
        let expected: Vec<String> = (0..rows)
            .map(|y| {
                let mut line = String::new();
                let mut x = 0;
                while x < cols {
                    let symbol = completed[(x, y)].symbol();
                    line.push_str(symbol);
                    x += u16::try_from(crate::layout::text::display_width(symbol)).unwrap().max(1);
                }
                line.trim_end().to_owned()
            })
            .collect();
        let output = std::mem::take(&mut *sink.0.borrow_mut());
        plain_bytes += output.len();
        assert!(!output.windows(2).any(|w| w == b"\x1b]" || w == b"\x1bP"), "only CSI sequences");
        parser.process(&output);
        let shown: Vec<String> = parser.screen().rows(0, cols).map(|r| r.trim_end().to_owned()).collect();
        assert_eq!(shown, expected, "frame {round}");
    }
    assert!(plain_bytes > 0);
}

#[test]
fn clearing_does_not_query_the_terminal() {
    let bytes = AnsiBackend::with_size(Shared::default(), Size::new(10, 2));
    let mut screen = Screen::new(bytes).unwrap();
    screen.clear().unwrap();
    screen
        .draw(|f| {
            f.set_line(0, 0, &Line::raw("hi"), 10);
        })
        .unwrap();
    assert_eq!(screen.last_frame().unwrap().area, Rect::new(0, 0, 10, 2));
}

#[test]
fn a_frame_that_changes_nothing_sends_nothing() {
    let sink = Shared::default();
    let mut screen = Screen::new(AnsiBackend::with_size(sink.clone(), Size::new(20, 3))).unwrap();
    let draw = |screen: &mut Screen<AnsiBackend<Shared>>| {
        screen
            .draw(|f| {
                f.set_line(0, 1, &Line::raw("same text"), 20);
            })
            .unwrap();
    };
    draw(&mut screen);
    assert!(!sink.0.borrow().is_empty());
    sink.0.borrow_mut().clear();
    draw(&mut screen);
    assert!(sink.0.borrow().is_empty(), "{:?}", String::from_utf8_lossy(&sink.0.borrow()));
}

const STYLES: [Style; 6] = [
    Style::new(),
    Style::new().add_modifier(Modifier::BOLD),
    Style::new().fg(Color::Indexed(117)),
    Style::new().bg(Color::Indexed(236)).fg(Color::LightYellow),
    Style::new().add_modifier(Modifier::ITALIC).add_modifier(Modifier::DIM),
    Style::new().add_modifier(Modifier::REVERSED).fg(Color::Red),
];

fn vt_color(color: Color) -> vt100::Color {
    match color {
        Color::Reset => vt100::Color::Default,
        Color::Red => vt100::Color::Idx(1),
        Color::LightYellow => vt100::Color::Idx(11),
        Color::Indexed(index) => vt100::Color::Idx(index),
        other => panic!("no mapping for {other:?}"),
    }
}

fn check_frames(frames: &[Vec<(String, usize)>], cols: u16, rows: u16) {
    let sink = Shared::default();
    let bytes = AnsiBackend::with_size(sink.clone(), Size::new(cols, rows));
    let mut screen = Screen::new(bytes).unwrap();
    let size = |n| NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(size(rows), size(cols), 0);
    for (round, frame) in frames.iter().enumerate() {
        screen
            .draw(|f| {
                for (y, (text, style)) in frame.iter().take(usize::from(rows)).enumerate() {
                    let half = text.chars().count() / 2;
                    let line = Line::from(vec![
                        ratatui::text::Span::styled(
                            text.chars().take(half).collect::<String>(),
                            STYLES[*style],
                        ),
                        ratatui::text::Span::styled(
                            text.chars().skip(half).collect::<String>(),
                            STYLES[(*style + 1) % 6],
                        ),
                    ]);
                    f.set_line(0, y as u16, &line, cols);
                }
            })
            .unwrap();
        parser.process(&std::mem::take(&mut *sink.0.borrow_mut()));
        let completed = screen.last_frame().unwrap();
        for y in 0..rows {
            let mut x = 0;
            while x < cols {
                let want = &completed[(x, y)];
                let cell = parser.screen().cell(y, x).unwrap();
                let got = if cell.contents().is_empty() { " " } else { cell.contents() };
                assert_eq!(got, want.symbol(), "frame {round}, row {y}, column {x}");
                let styled =
                    (cell.bold(), cell.dim(), cell.italic(), cell.inverse(), cell.fgcolor(), cell.bgcolor());
                let wanted = (
                    want.modifier.contains(Modifier::BOLD),
                    want.modifier.contains(Modifier::DIM),
                    want.modifier.contains(Modifier::ITALIC),
                    want.modifier.contains(Modifier::REVERSED),
                    vt_color(want.fg),
                    vt_color(want.bg),
                );
                assert_eq!(styled, wanted, "style at frame {round}, row {y}, column {x}");
                x += u16::try_from(crate::layout::text::display_width(want.symbol())).unwrap().max(1);
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    #[test]
    fn random_frames_reach_the_terminal_intact(
        frames in proptest::collection::vec(
            proptest::collection::vec(("[ a-c日😀é“]{0,30}", 0usize..6), 4),
            1..8,
        ),
    ) {
        check_frames(&frames, 24, 4);
    }
}

#[test]
fn debug_case() {
    let row = |t: &str| vec![(String::new(), 0), (String::new(), 0), (t.to_owned(), 0), (String::new(), 0)];
    let frames = vec![row(" aaéa日a😀a😀é😀  a😀a日"), row("éé日é 😀日😀 😀é日 日😀日")];
    check_frames(&frames, 24, 4);
}

#[test]
fn the_cursor_goes_down_by_line_feeds_when_they_are_shorter() {
    use ratatui::backend::Backend;
    use ratatui::buffer::Cell;
    let mut backend = AnsiBackend::with_size(Vec::new(), Size::new(80, 24));
    let (a, b) = (Cell::new("a"), Cell::new("b"));
    backend.draw([(5, 0, &a), (0, 2, &b), (1, 20, &a), (3, 21, &b)].into_iter()).unwrap();
    assert_eq!(String::from_utf8_lossy(backend.writer()), "\u{1b}[1;6Ha\r\n\nb\u{1b}[21;2Ha\r\n\u{1b}[3Cb");
}
