//! Scrolling with the terminal against the plain diff: the reader, driven
//! through its real event loop by a scripted run of scrolls, jumps,
//! searches, panel toggles, help and resizes, draws every frame through each
//! kind of terminal (plain diff, insert/delete line, scroll up/down, and
//! margins); every intermediate screen and the final one must be the same
//! on all of them, and fewer bytes must go out when scrolling.
//!
//! `vt100` implements scroll regions but not left and right margins, so the
//! screens are read by the small model in [`super::model`] too; the model is
//! checked against `vt100` on every stream `vt100` understands, here and on
//! random frames.

use std::cell::{Cell as StdCell, RefCell};
use std::collections::VecDeque;
use std::io::Write;
use std::num::NonZeroU16;
use std::rc::Rc;

use crossterm::event::{Event as Input, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::text::Line;

use super::model::{Model, Snapshot, of_vt100};
use super::{AnsiBackend, Screen, Scroller, Scrolling, Shift};
use crate::source::{Loaded, SourceSpec};
use crate::tui::app::{App, LoadState, Settings};
use crate::tui::event::{Event, EventSource};
use crate::tui::jobs::Jobs;
use crate::tui::keymap::{Keymap, parse_key};
use crate::tui::theme::Theme;

/// A byte sink the test keeps a handle on.
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

/// byline's own backend on a terminal whose window the test resizes.
struct Term<W: Write = Shared> {
    ansi: AnsiBackend<W>,
    size: Rc<StdCell<Size>>,
}

impl<W: Write> Backend for Term<W> {
    type Error = std::io::Error;

    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(&mut self, content: I) -> std::io::Result<()> {
        self.ansi.draw(content)
    }
    fn hide_cursor(&mut self) -> std::io::Result<()> {
        self.ansi.hide_cursor()
    }
    fn show_cursor(&mut self) -> std::io::Result<()> {
        self.ansi.show_cursor()
    }
    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        self.ansi.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> std::io::Result<()> {
        self.ansi.set_cursor_position(position)
    }
    fn clear(&mut self) -> std::io::Result<()> {
        self.ansi.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> std::io::Result<()> {
        self.ansi.clear_region(clear_type)
    }
    fn size(&self) -> std::io::Result<Size> {
        Ok(self.size.get())
    }
    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        Ok(WindowSize { columns_rows: self.size.get(), pixels: Size::default() })
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.ansi.flush()
    }
}

impl<W: Write> Scroller for Term<W> {
    fn scrolling(&self) -> Scrolling {
        self.ansi.scrolling()
    }
    fn shift_bytes(&self, shift: &Shift) -> usize {
        self.ansi.shift_bytes(shift)
    }
    fn queue_shift(&mut self, shift: &Shift) -> std::io::Result<()> {
        self.ansi.queue_shift(shift)
    }
    fn queue_reset(&mut self) -> std::io::Result<()> {
        self.ansi.queue_reset()
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

/// One step of the script.
enum Step {
    Key(KeyEvent),
    Resize(u16, u16),
}

/// The steps of a script: keys (`<Name>` for named ones) and `@COLSxROWS`
/// for a resize, separated by spaces.
fn script(text: &str) -> VecDeque<(String, Step)> {
    let mut steps = VecDeque::new();
    for word in text.split(' ') {
        if let Some(size) = word.strip_prefix('@') {
            let (cols, rows) = size.split_once('x').unwrap();
            steps.push_back((word.to_owned(), Step::Resize(cols.parse().unwrap(), rows.parse().unwrap())));
            continue;
        }
        let mut chars = word.chars().peekable();
        while let Some(c) = chars.next() {
            let key = if c == '<' && chars.peek().is_some_and(char::is_ascii_uppercase) {
                let name: String = chars.by_ref().take_while(|c| *c != '>').collect();
                let key = parse_key(&name).unwrap();
                let modifiers = if key.ctrl { KeyModifiers::CONTROL } else { KeyModifiers::NONE };
                (name, KeyEvent::new(key.code, modifiers))
            } else {
                (c.to_string(), KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
            };
            steps.push_back((key.0, Step::Key(key.1)));
        }
    }
    steps
}

/// What the terminal showed after one step.
struct Shown {
    step: String,
    /// As `vt100` read it (none with margins, which it does not know).
    vt100: Option<Snapshot>,
    /// As the model read it.
    model: Snapshot,
}

/// Feeds the script to the loop one step at a time and reads the terminal
/// after every frame.
struct Recorder {
    steps: VecDeque<(String, Step)>,
    last: String,
    sink: Shared,
    size: Rc<StdCell<Size>>,
    vt100: vt100::Parser,
    model: Model,
    margins: bool,
    shown: Vec<Shown>,
    bytes: usize,
    /// Scrolls sent (scroll regions reset), and those with margins.
    scrolls: usize,
    margin_scrolls: usize,
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack.windows(needle.len()).filter(|w| *w == needle).count()
}

impl EventSource for Recorder {
    fn next_event(&mut self, wait: bool) -> Option<Event> {
        // One event per frame: the loop draws when nothing is queued.
        if !wait {
            return None;
        }
        let output = std::mem::take(&mut *self.sink.0.borrow_mut());
        self.bytes += output.len();
        self.scrolls += count(&output, b"\x1b[r");
        self.margin_scrolls += count(&output, b"\x1b[?69h");
        self.model.process(&output);
        let vt100 = (!self.margins).then(|| {
            self.vt100.process(&output);
            of_vt100(self.vt100.screen())
        });
        self.shown.push(Shown { step: self.last.clone(), vt100, model: self.model.snapshot() });
        let (label, step) = self.steps.pop_front()?;
        self.last = label;
        Some(match step {
            Step::Key(key) => Event::Input(Input::Key(key)),
            Step::Resize(cols, rows) => {
                // The window changes first; the event follows.
                self.size.set(Size::new(cols, rows));
                self.vt100.screen_mut().set_size(nonzero(rows), nonzero(cols));
                self.model.resize(cols, rows);
                Event::Input(Input::Resize(cols, rows))
            }
        })
    }
}

/// An invented article: sections of paragraphs with quotes, speakers,
/// wide characters and a blank line between paragraphs.
fn article() -> crate::model::Article {
    const NAMES: [&str; 4] = ["Mara Quell", "Tomas Birch", "the harbour board", "Ines Vale"];
    const WORDS: [&str; 14] = [
        "ferry", "harbour", "council", "tide", "gull", "quay", "ledger", "vote", "budget", "lamp", "rope",
        "東京", "naïve", "🚢",
    ];
    let mut text = String::from("# The ferry question\n\n");
    for section in 0..14 {
        text.push_str(&format!("## Part {section}: the crossing\n\n"));
        for paragraph in 0..5 {
            let n = section * 5 + paragraph;
            let words: Vec<&str> =
                (0..40 + n % 23).map(|k| WORDS[(n * 7 + k * 5 + k * k) % WORDS.len()]).collect();
            let quote: Vec<&str> = (0..8 + n % 5).map(|k| WORDS[(n + k * 3) % WORDS.len()]).collect();
            text.push_str(&format!(
                "Paragraph {n} {}. “{},” said {}, and the {} went on.\n\n",
                words.join(" "),
                quote.join(" "),
                NAMES[n % NAMES.len()],
                WORDS[n % WORDS.len()],
            ));
        }
    }
    let loaded = Loaded::from_bytes(text.into_bytes(), SourceSpec::File("ferry.md".into()));
    crate::pipeline::build(&loaded, None).unwrap()
}

/// Runs the script on a terminal that scrolls as `scrolling` says.
fn run(scrolling: Scrolling, steps: &str, (cols, rows): (u16, u16)) -> Run {
    let sink = Shared::default();
    let size = Rc::new(StdCell::new(Size::new(cols, rows)));
    let ansi = AnsiBackend::new(sink.clone()).with_scrolling(scrolling);
    let mut screen = Screen::new(Term { ansi, size: Rc::clone(&size) }).unwrap();
    let mut app = App::new(
        article(),
        LoadState::Ready,
        Keymap::defaults().unwrap(),
        Theme::dark256(),
        Settings::default(),
    );
    let mut recorder = Recorder {
        steps: script(steps),
        last: "start".into(),
        sink,
        size,
        vt100: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
        model: Model::new(cols, rows),
        margins: scrolling == Scrolling::Margins,
        shown: Vec::new(),
        bytes: 0,
        scrolls: 0,
        margin_scrolls: 0,
    };
    let mut jobs = Jobs::inline(crate::tui::jobs::Tools::default());
    crate::tui::run_loop(&mut app, &mut screen, &mut recorder, &mut jobs, false).unwrap();
    let frame = screen.last_frame().unwrap();
    let drawn: Snapshot = (0..frame.area.height)
        .map(|y| {
            (0..frame.area.width)
                .map(|x| frame_cell(&frame[(x, y)], x > 0 && wide(&frame[(x - 1, y)])))
                .collect()
        })
        .collect();
    Run {
        shown: recorder.shown,
        bytes: recorder.bytes,
        last: drawn,
        scrolls: recorder.scrolls,
        margin_scrolls: recorder.margin_scrolls,
    }
}

/// What a run showed and sent.
struct Run {
    shown: Vec<Shown>,
    bytes: usize,
    /// The last frame drawn, as the terminal should show it.
    last: Snapshot,
    scrolls: usize,
    margin_scrolls: usize,
}

fn wide(cell: &Cell) -> bool {
    crate::layout::text::display_width(cell.symbol()) > 1
}

/// A frame's cell as the terminal should show it.
fn frame_cell(cell: &Cell, continuation: bool) -> super::model::Cell {
    use ratatui::style::{Color, Modifier};
    let color = |c: Color| match c {
        Color::Reset => vt100::Color::Default,
        Color::Indexed(i) => vt100::Color::Idx(i),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        named => vt100::Color::Idx(super::ansi::named(named).unwrap()),
    };
    let blank = super::model::Cell {
        text: String::new(),
        fg: vt100::Color::Default,
        bg: vt100::Color::Default,
        bold: false,
        dim: false,
        italic: false,
        underline: false,
        inverse: false,
    };
    if continuation {
        return blank;
    }
    super::model::Cell {
        text: cell.symbol().to_owned(),
        fg: color(cell.fg),
        bg: color(cell.bg),
        bold: cell.modifier.contains(Modifier::BOLD),
        dim: cell.modifier.contains(Modifier::DIM),
        italic: cell.modifier.contains(Modifier::ITALIC),
        underline: cell.modifier.contains(Modifier::UNDERLINED),
        inverse: cell.modifier.contains(Modifier::REVERSED),
    }
}

/// Scrolls, jumps, searches, panel toggles, help, focus, redraw and
/// resizes, at sizes with the panels beside the article, folded, and none.
const SCRIPT: &str = "jjjjj kk <PgDn> <PgUp> <Space> d u ]] }} G k k g 5 0 % jjj \
    /harbour<Enter> n n N <Esc> p jjj <PgDn> kk p <Tab> jjj <Enter> <Esc> jj \
    @80x24 jjjj <PgDn> G kk p j <Esc> p <C-d> <C-u> /東京<Enter> n <Esc> \
    @200x50 jjj <C-d> ? j ? <C-l> jj @119x30 jjj p jj @120x30 jjj k G g";

fn differences(a: &Snapshot, b: &Snapshot) -> Vec<String> {
    let mut found = Vec::new();
    for (y, (ra, rb)) in a.iter().zip(b).enumerate() {
        for (x, (ca, cb)) in ra.iter().zip(rb).enumerate() {
            if ca != cb && found.len() < 5 {
                found.push(format!("row {y}, column {x}: {ca:?} != {cb:?}"));
            }
        }
    }
    if a.len() != b.len() || a.first().map(Vec::len) != b.first().map(Vec::len) {
        found.push("sizes differ".into());
    }
    found
}

#[test]
fn every_screen_is_the_plain_diffs_on_every_kind_of_terminal() {
    let Run { shown: plain, bytes: plain_bytes, last: plain_last, scrolls, .. } =
        run(Scrolling::Off, SCRIPT, (120, 30));
    assert_eq!(scrolls, 0, "the plain diff never scrolls");
    assert!(plain.len() > 100, "{} frames", plain.len());
    assert!(differences(plain.last().unwrap().vt100.as_ref().unwrap(), &plain_last).is_empty());
    let mut bytes = Vec::new();
    for scrolling in [Scrolling::Lines, Scrolling::Rows, Scrolling::Margins] {
        let Run { shown, bytes: sent, last, scrolls, margin_scrolls } = run(scrolling, SCRIPT, (120, 30));
        assert!(scrolls > 30, "{scrolling:?}: {scrolls} scrolls");
        assert_eq!(
            margin_scrolls > 20,
            scrolling == Scrolling::Margins,
            "{scrolling:?}: {margin_scrolls} with margins"
        );
        assert_eq!(shown.len(), plain.len(), "{scrolling:?}: the same frames");
        for (at, (this, base)) in shown.iter().zip(&plain).enumerate() {
            let base_screen = base.vt100.as_ref().unwrap();
            let diff = differences(&this.model, base_screen);
            assert!(diff.is_empty(), "{scrolling:?}, frame {at} after `{}`: {diff:#?}", this.step);
            if let Some(vt) = &this.vt100 {
                let diff = differences(vt, base_screen);
                assert!(
                    diff.is_empty(),
                    "{scrolling:?} read by vt100, frame {at} after `{}`: {diff:#?}",
                    this.step
                );
            }
        }
        assert!(differences(&shown.last().unwrap().model, &last).is_empty(), "{scrolling:?}: the last frame");
        bytes.push((scrolling, sent));
    }
    // The model reads the plain stream as vt100 does.
    for (at, base) in plain.iter().enumerate() {
        let diff = differences(&base.model, base.vt100.as_ref().unwrap());
        assert!(diff.is_empty(), "model against vt100, frame {at} after `{}`: {diff:#?}", base.step);
    }
    let [(_, lines), (_, rows), (_, margins)] = bytes[..] else { unreachable!() };
    eprintln!("bytes: plain {plain_bytes}, lines {lines}, rows {rows}, margins {margins}");
    // Resizes, toggles and help redraw whole screens on every path.
    assert!(rows * 4 < plain_bytes * 3, "scrolling sends fewer bytes: {rows} against {plain_bytes}");
    assert!(lines * 4 < plain_bytes * 3, "{lines} against {plain_bytes}");
    assert!(margins < rows, "margins spare the panels: {margins} against {rows}");
}

/// Random frames, each a window on a list of styled lines moved by a random
/// amount within a band of rows, beside a column that stays: on every kind
/// of terminal, the screen is the frame after each one.
fn check_scrolled_frames(lines: &[(String, usize)], tops: &[(usize, bool)], cols: u16, rows: u16) {
    use ratatui::style::{Color, Modifier, Style};
    const STYLES: [Style; 4] = [
        Style::new(),
        Style::new().add_modifier(Modifier::BOLD),
        Style::new().fg(Color::Indexed(117)),
        Style::new().bg(Color::Indexed(236)).fg(Color::LightYellow),
    ];
    for scrolling in [Scrolling::Off, Scrolling::Lines, Scrolling::Rows, Scrolling::Margins] {
        let sink = Shared::default();
        let size = Rc::new(StdCell::new(Size::new(cols, rows)));
        let ansi = AnsiBackend::new(sink.clone()).with_scrolling(scrolling);
        let mut screen = Screen::new(Term { ansi, size }).unwrap();
        let mut vt = vt100::Parser::new(nonzero(rows), nonzero(cols), 0);
        let mut model = Model::new(cols, rows);
        let band = cols * 2 / 3;
        for (round, &(top, side)) in tops.iter().enumerate() {
            screen
                .draw(|f| {
                    f.set_line(0, 0, &Line::raw(format!("title {round}")), cols);
                    for y in 1..rows - 1 {
                        let (text, style) = &lines[(top + usize::from(y)) % lines.len()];
                        f.set_line(0, y, &Line::styled(text.clone(), STYLES[*style]), band);
                        let note = if side { format!("note {y}") } else { format!("{y} side") };
                        f.set_line(band + 1, y, &Line::raw(note), cols - band - 1);
                    }
                    f.set_line(0, rows - 1, &Line::raw(format!("{top}%")), cols);
                })
                .unwrap();
            let output = std::mem::take(&mut *sink.0.borrow_mut());
            model.process(&output);
            let drawn = screen.last_frame().unwrap();
            let expected: Snapshot = (0..rows)
                .map(|y| {
                    (0..cols).map(|x| frame_cell(&drawn[(x, y)], x > 0 && wide(&drawn[(x - 1, y)]))).collect()
                })
                .collect();
            let diff = differences(&model.snapshot(), &expected);
            assert!(diff.is_empty(), "{scrolling:?}, round {round} (top {top}): {diff:#?}");
            if scrolling != Scrolling::Margins {
                vt.process(&output);
                let diff = differences(&of_vt100(vt.screen()), &expected);
                assert!(diff.is_empty(), "vt100 on {scrolling:?}, round {round}: {diff:#?}");
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(40))]
    #[test]
    fn random_scrolls_reach_the_terminal_intact(
        lines in proptest::collection::vec(("[ a-e日😀é“]{0,30}", 0usize..4), 12..30),
        tops in proptest::collection::vec((0usize..40, proptest::bool::ANY), 1..10),
    ) {
        check_scrolled_frames(&lines, &tops, 36, 9);
    }
}

#[test]
fn a_resize_not_yet_reported_is_never_scrolled_through() {
    let sink = Shared::default();
    let size = Rc::new(StdCell::new(Size::new(30, 8)));
    let ansi = AnsiBackend::new(sink.clone()).with_scrolling(Scrolling::Rows);
    let mut screen = Screen::new(Term { ansi, size: Rc::clone(&size) }).unwrap();
    let draw = |screen: &mut Screen<Term>, top: usize| {
        screen
            .draw(|f| {
                for y in 0..8u16 {
                    let n = top + usize::from(y);
                    let text: String =
                        (0..28).map(|k| char::from(b'a' + ((n * 7 + k * 3 + n * k) % 26) as u8)).collect();
                    f.set_line(0, y, &Line::raw(text), 30);
                }
            })
            .unwrap();
    };
    draw(&mut screen, 0);
    sink.0.borrow_mut().clear();
    draw(&mut screen, 1);
    assert!(String::from_utf8_lossy(&sink.0.borrow()).contains("\u{1b}[S"), "a scroll");
    sink.0.borrow_mut().clear();
    size.set(Size::new(30, 6));
    draw(&mut screen, 2);
    assert!(!String::from_utf8_lossy(&sink.0.borrow()).contains("\u{1b}[S"), "the window changed: no scroll");
}

/// A writer that, once told to, takes the first bytes of the next write and
/// then fails, as a connection dropping mid-frame would.
#[derive(Clone, Default)]
struct Flaky {
    sink: Shared,
    cut_after: Rc<StdCell<Option<usize>>>,
}

impl Write for Flaky {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self.cut_after.get() {
            None => self.sink.write(bytes),
            Some(0) => Err(std::io::Error::other("connection lost")),
            Some(n) => {
                self.cut_after.set(Some(0));
                self.sink.write(&bytes[..n.min(bytes.len())])
            }
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn after_a_frame_cut_short_the_screen_is_mended() {
    let flaky = Flaky::default();
    let size = Rc::new(StdCell::new(Size::new(30, 8)));
    let ansi = AnsiBackend::new(flaky.clone()).with_scrolling(Scrolling::Rows);
    let mut screen = Screen::new(Term { ansi, size }).unwrap();
    // A title and a status line that stay, and six rows of text between.
    let draw = |screen: &mut Screen<Term<Flaky>>, top: usize| {
        screen.draw(|f| {
            f.set_line(0, 0, &Line::raw("The title"), 30);
            for y in 1..7u16 {
                let n = top + usize::from(y);
                let text: String =
                    (0..28).map(|k| char::from(b'a' + ((n * 7 + k * 3 + n * k) % 26) as u8)).collect();
                f.set_line(0, y, &Line::raw(text), 30);
            }
            f.set_line(0, 7, &Line::raw("status"), 30);
        })
    };
    draw(&mut screen, 0).unwrap();
    // The scroll region goes out, then the connection drops.
    flaky.cut_after.set(Some(6));
    assert!(draw(&mut screen, 1).is_err());
    assert_eq!(*flaky.sink.0.borrow().rsplit(|b| *b == b'l').next().unwrap(), *b"\x1b[2;7r");
    flaky.cut_after.set(None);
    let before = flaky.sink.0.borrow().len();
    draw(&mut screen, 2).unwrap();
    let all = flaky.sink.0.borrow().clone();
    assert!(all[before..].starts_with(b"\x1b[m\x1b[r"), "the modes are put back first");
    let mut vt = vt100::Parser::new(nonzero(8), nonzero(30), 0);
    vt.process(&all);
    let frame = screen.last_frame().unwrap();
    let expected: Snapshot =
        (0..8).map(|y| (0..30).map(|x| frame_cell(&frame[(x, y)], false)).collect()).collect();
    let diff = differences(&of_vt100(vt.screen()), &expected);
    assert!(diff.is_empty(), "{diff:#?}");
}
