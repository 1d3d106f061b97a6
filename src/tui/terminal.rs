//! The terminal: entering and leaving raw mode and the alternate screen,
//! restoring it on every way out (normal exit, signals, panics, Ctrl-z), and
//! the one seam every frame is drawn through.
//!
//! - The panic hook is installed *before* raw mode is entered; it restores the
//!   terminal and then calls the previous hook, so the message lands on the
//!   normal screen. Panics on the job worker are left alone (they become
//!   failed jobs and the screen stays).
//! - [`Session`]'s `Drop` restores on normal exit unless a panic is unwinding
//!   (the hook has done it already).
//! - Frames are buffered in [`FrameWriter`] and written in one piece per
//!   frame; a half-built frame is discarded, never flushed after a restore.
//! - [`Surface`] wraps the backend: the single place where what is drawn
//!   becomes terminal output, so that scrolling with the terminal's scroll
//!   regions can later slot in without touching the views.
//!
//! byline writes only CSI sequences (cursor, colours, modes): no OSC, DCS or
//! APC strings, and no queries to the terminal.

use std::borrow::Cow;
use std::io::{self, Write};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};

use super::jobs::WORKER_THREAD;
use crate::layout::text::display_width;

mod ansi;

pub use ansi::AnsiBackend;

/// Longest run of unchanged cells re-sent instead of moving the cursor over
/// it: a cursor move costs 6 to 8 bytes, an ASCII cell one.
const MAX_GAP_CELLS: u16 = 6;

/// The seam between frames and the terminal: every changed cell passes
/// here. It keeps a copy of what the terminal shows, and uses it to send a
/// short run of unchanged ASCII cells rather than a cursor move over them
/// (about a quarter fewer bytes per scrolled screen over SSH). Scrolling
/// with the terminal's scroll regions will slot in here too.
#[derive(Debug)]
pub struct Surface<B> {
    inner: B,
    shown: Buffer,
    cursor: Position,
    /// How many cells the last frame changed.
    last_changed: usize,
    /// The size ratatui asked for last (it asks before every frame): the
    /// frame is drawn at that size, without asking the terminal again.
    known_size: std::cell::Cell<Option<Size>>,
}

impl<B> Surface<B> {
    /// Wraps a backend whose screen is blank (the alternate screen is blank
    /// when entered).
    pub fn new(inner: B) -> Self {
        Self {
            inner,
            shown: Buffer::empty(Rect::default()),
            cursor: Position::ORIGIN,
            last_changed: 0,
            known_size: std::cell::Cell::new(None),
        }
    }

    /// The wrapped backend.
    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// The wrapped backend, mutably (tests resize it).
    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }
}

/// The cell, with any control character in it replaced: whatever reaches
/// this seam, no escape sequence can leave byline through a cell.
fn harmless(cell: &Cell) -> Cow<'_, Cell> {
    if cell.symbol().chars().any(char::is_control) {
        let mut cell = cell.clone();
        cell.set_symbol("\u{fffd}");
        Cow::Owned(cell)
    } else {
        Cow::Borrowed(cell)
    }
}

/// Whether a cell holds one ASCII character (one column, one byte).
fn is_ascii_cell(cell: &Cell) -> bool {
    let symbol = cell.symbol().as_bytes();
    symbol.len() == 1 && (symbol[0].is_ascii_graphic() || symbol[0] == b' ')
}

/// The cells to send for `changed`: each changed cell, preceded by the
/// unchanged cells of a short gap on the same row when sending them is
/// cheaper than moving the cursor and cannot split a wide character.
fn with_gaps<'c>(shown: &Buffer, changed: &'c [(u16, u16, Cow<'_, Cell>)]) -> Vec<(u16, u16, Cow<'c, Cell>)> {
    let mut out = Vec::with_capacity(changed.len());
    let mut previous: Option<(u16, u16, bool)> = None;
    for (index, (x, y, cell)) in changed.iter().enumerate() {
        if let Some((px, py, ascii)) = previous
            && ascii
            && py == *y
            && *x > px + 1
            && *x - px - 1 <= MAX_GAP_CELLS
        {
            let gap: Vec<&Cell> = (px + 1..*x).filter_map(|gx| shown.cell((gx, *y))).collect();
            if gap.len() == usize::from(*x - px - 1) && gap.iter().all(|c| is_ascii_cell(c)) {
                out.extend((px + 1..*x).zip(gap).map(|(gx, c)| (gx, *y, Cow::Owned(c.clone()))));
            }
        }
        out.push((*x, *y, Cow::Borrowed(cell.as_ref())));
        previous = Some((*x, *y, is_ascii_cell(cell)));
        // Writing over the left half of a wide character makes the terminal
        // blank its right half, with whatever style is current: send that
        // cell as the blank it now is (ratatui sees no change there).
        let last = x.saturating_add(display_width(cell.symbol()).max(1) as u16 - 1);
        let was_wide = shown.cell((last, *y)).is_some_and(|c| display_width(c.symbol()) > 1);
        let next_sent = changed.get(index + 1).is_some_and(|(nx, ny, _)| *ny == *y && *nx == last + 1);
        if was_wide && !next_sent && last + 1 < shown.area.right() {
            out.push((last + 1, *y, Cow::Owned(Cell::default())));
            previous = Some((last + 1, *y, true));
        }
    }
    out
}

impl<B: Backend> Surface<B> {
    /// Follows a clear: a blank screen after a whole-screen clear; after any
    /// other, what is shown is forgotten so that no gap is filled from stale
    /// cells.
    fn forget(&mut self, clear_type: ClearType) -> Result<(), B::Error> {
        self.shown = if clear_type == ClearType::All {
            let size = self.inner.size()?;
            Buffer::empty(Rect::new(0, 0, size.width, size.height))
        } else {
            Buffer::empty(Rect::new(0, 0, 1, 1))
        };
        Ok(())
    }
}

impl<B: Backend> Backend for Surface<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let size = match self.known_size.get() {
            Some(size) => size,
            None => self.inner.size()?,
        };
        let area = Rect::new(0, 0, size.width, size.height);
        // Sized for the frame before (a whole screen on the first), so that
        // a full repaint does not grow the list cell by cell.
        let mut changed: Vec<(u16, u16, Cow<'a, Cell>)> =
            Vec::with_capacity(self.last_changed.max(usize::from(size.width) * usize::from(size.height) / 2));
        changed.extend(content.map(|(x, y, c)| (x, y, harmless(c))));
        self.last_changed = changed.len();
        if self.shown.area != area {
            // A new size: the terminal was cleared (ratatui clears on
            // resize) or this is the first frame on a blank screen.
            self.shown = Buffer::empty(area);
        }
        let out = with_gaps(&self.shown, &changed);
        if let Some((x, y, _)) = out.last() {
            self.cursor = Position::new(x.saturating_add(1), *y);
        }
        for (x, y, cell) in &out {
            // A wide character covers the cells after it: mark them as
            // unknown, so that no gap is ever filled over its right half.
            let covered = display_width(cell.symbol()).max(1);
            for (offset, at) in (*x..area.right()).take(covered).enumerate() {
                if let Some(slot) = self.shown.cell_mut((at, *y)) {
                    if offset == 0 {
                        slot.clone_from(cell.as_ref());
                    } else {
                        slot.set_symbol("");
                    }
                }
            }
        }
        self.inner.draw(out.iter().map(|(x, y, c)| (*x, *y, c.as_ref())))
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        // Never ask the terminal (that is a query, and its answer would
        // arrive as input): byline always knows where it put the cursor.
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        let position = position.into();
        self.cursor = position;
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.forget(ClearType::All)?;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.forget(clear_type)?;
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        let size = self.inner.size()?;
        self.known_size.set(Some(size));
        Ok(size)
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

/// Collects one frame's output and writes it to stdout in one piece on
/// flush. Dropping it discards what was not flushed.
#[derive(Debug, Default)]
pub struct FrameWriter {
    frame: Vec<u8>,
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(&self.frame)?;
        self.frame.clear();
        out.flush()
    }
}

/// Puts the terminal back: raw mode off, mouse off, main screen, cursor
/// shown. Safe to call more than once.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), DisableMouseCapture, terminal::LeaveAlternateScreen, cursor::Show);
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some(WORKER_THREAD) {
            return;
        }
        restore();
        previous(info);
    }));
}

/// The real terminal while byline owns it.
#[derive(Debug)]
pub struct Session {
    mouse: bool,
}

impl Session {
    /// Installs the panic hook, then enters raw mode and the alternate screen
    /// (and captures the mouse when asked).
    pub fn enter(mouse: bool) -> io::Result<Self> {
        install_panic_hook();
        let session = Self { mouse };
        session.resume()?;
        Ok(session)
    }

    fn resume(&self) -> io::Result<()> {
        terminal::enable_raw_mode()?;
        execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
        if self.mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        Ok(())
    }

    /// Gives the terminal back, stops the process (as Ctrl-z would without
    /// raw mode), and takes the terminal again once continued.
    pub fn suspend(&self) -> io::Result<()> {
        restore();
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        self.resume()
    }

    /// Applies raw mode again after an outside stop and continue (the shell
    /// may have reset the terminal meanwhile).
    pub fn reapply(&self) -> io::Result<()> {
        let _ = terminal::disable_raw_mode();
        self.resume()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            restore();
        }
    }
}

/// Where frames are drawn: a ratatui terminal behind the [`Surface`] seam,
/// with the real terminal's session when there is one.
pub struct Screen<B: Backend> {
    terminal: Terminal<Surface<B>>,
    session: Option<Session>,
}

/// The screen on the real terminal.
pub type TermScreen = Screen<AnsiBackend<FrameWriter>>;

impl TermScreen {
    /// Takes over the terminal.
    pub fn open(mouse: bool) -> io::Result<Self> {
        let session = Session::enter(mouse)?;
        let terminal = Terminal::new(Surface::new(AnsiBackend::new(FrameWriter::default())))?;
        Ok(Self { terminal, session: Some(session) })
    }
}

impl Screen<TestBackend> {
    /// A screen on ratatui's test backend.
    pub fn test(cols: u16, rows: u16) -> io::Result<Self> {
        let terminal = Terminal::new(Surface::new(TestBackend::new(cols, rows))).map_err(io::Error::other)?;
        Ok(Self { terminal, session: None })
    }

    /// The test backend (its buffer is the screen).
    #[must_use]
    pub fn backend(&self) -> &TestBackend {
        self.terminal.backend().inner()
    }

    /// Resizes the test terminal.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.terminal.backend_mut().inner_mut().resize(cols, rows);
    }
}

impl<B: Backend> Screen<B> {
    /// Draws one frame.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame<'_>)) -> io::Result<()> {
        self.terminal.draw(render).map(|_| ()).map_err(|e| io::Error::other(e.to_string()))
    }

    /// The terminal's size in columns and rows.
    pub fn size(&self) -> io::Result<(u16, u16)> {
        let size = self.terminal.size().map_err(|e| io::Error::other(e.to_string()))?;
        Ok((size.width, size.height))
    }

    /// Forgets what is on the screen, so the next frame is drawn whole.
    pub fn clear(&mut self) -> io::Result<()> {
        self.terminal.clear().map_err(|e| io::Error::other(e.to_string()))
    }

    /// Suspends the process (real terminal only) and redraws on return.
    pub fn suspend(&mut self) -> io::Result<()> {
        if let Some(session) = &self.session {
            session.suspend()?;
        }
        self.clear()
    }

    /// Re-applies the terminal modes after an outside stop, and redraws.
    pub fn continued(&mut self) -> io::Result<()> {
        if let Some(session) = &self.session {
            session.reapply()?;
        }
        self.clear()
    }
}

#[cfg(test)]
mod tests;
