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
//!   becomes terminal output, scrolling with the terminal's scroll regions
//!   included, without the views knowing. Views draw into a cell buffer;
//!   the finished frame goes to the surface whole. What the terminal can
//!   do is decided once, from the config and the environment ([`profile`]).
//!
//! byline writes only CSI sequences (cursor, colours, modes) and, when the
//! user copies something, one OSC 52 of its own making (base64 inside, see
//! `tui::clipboard`): no other OSC, DCS or APC strings, no text from a
//! document outside a cell, and no queries to the terminal.

use std::io::{self, Write};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::{cursor, execute, queue, terminal};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect, Size};

use super::jobs::WORKER_THREAD;

mod ansi;
pub mod profile;
mod surface;

pub use ansi::AnsiBackend;
pub use profile::Scrolling;
pub use surface::{Scroller, Shift, Surface};

/// Collects one frame's output and writes it to stdout in one piece on
/// flush. Dropping it discards what was not flushed.
#[derive(Debug, Default)]
pub struct FrameWriter {
    frame: Vec<u8>,
    /// Standard output without its line buffering, when it can be had.
    out: Option<std::fs::File>,
}

impl FrameWriter {
    /// A writer to standard output. Frames go out in one `write` each:
    /// through `io::stdout()`, whose buffer flushes at line ends, a frame
    /// with a line feed in it would leave in two pieces, and a terminal (or
    /// anything watching it) could act on the first half alone.
    #[must_use]
    pub fn stdout() -> Self {
        use std::os::fd::AsFd;
        let out = io::stdout().as_fd().try_clone_to_owned().ok().map(std::fs::File::from);
        Self { frame: Vec::new(), out }
    }
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let written = if let Some(out) = &mut self.out {
            out.write_all(&self.frame)
        } else {
            let mut out = io::stdout().lock();
            out.write_all(&self.frame).and_then(|()| out.flush())
        };
        self.frame.clear();
        written
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
    /// Installs the panic hook, then enters raw mode; the screen's modes
    /// (the alternate screen, the cursor hidden, the mouse captured when
    /// asked) are queued on `frames`, to go out in one write with the first
    /// frame, so that the terminal never shows a blank alternate screen.
    pub fn enter(mouse: bool, frames: &mut impl Write) -> io::Result<Self> {
        install_panic_hook();
        let session = Self { mouse };
        terminal::enable_raw_mode()?;
        session.queue_modes(frames)?;
        Ok(session)
    }

    fn queue_modes(&self, out: &mut impl Write) -> io::Result<()> {
        queue!(out, terminal::EnterAlternateScreen, cursor::Hide)?;
        if self.mouse {
            queue!(out, EnableMouseCapture)?;
        }
        Ok(())
    }

    fn resume(&self) -> io::Result<()> {
        terminal::enable_raw_mode()?;
        let mut out = io::stdout();
        self.queue_modes(&mut out)?;
        out.flush()
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

    /// Gives the terminal back while `work` runs (a terminal browser), then
    /// takes it again.
    pub fn hand_over<T>(&self, work: impl FnOnce() -> T) -> io::Result<T> {
        restore();
        let result = work();
        self.resume()?;
        Ok(result)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            restore();
        }
    }
}

/// Where frames are drawn: the views draw into the canvas, the [`Surface`]
/// seam writes the finished frame, and the real terminal's session is there
/// when there is one.
///
/// ratatui's `Terminal` is not used: it keeps two cell buffers, and the seam
/// already holds the frame on screen, so one of them would never be drawn
/// in. A buffer is 368 KB at 160x48, and on this kind of machine filling
/// fresh memory costs a page fault per 4 KB: that is work before the first
/// paint.
pub struct Screen<B: Scroller> {
    surface: Surface<B>,
    /// The frame being drawn; it goes to the seam whole, and the frame shown
    /// before comes back to be drawn on next.
    canvas: Buffer,
    session: Option<Session>,
    drawn: bool,
    /// Control sequences sent without a real terminal (tests read them).
    sent: Vec<Vec<u8>>,
}

/// The screen on the real terminal.
pub type TermScreen = Screen<AnsiBackend<FrameWriter>>;

impl TermScreen {
    /// A screen for the real terminal before it is taken over: its size is
    /// read, the canvas made ready and the way to scroll chosen from the
    /// setting and the environment; nothing is written (so this can run
    /// while the article is still being built).
    pub fn prepare(setting: crate::config::ScrollSetting) -> io::Result<Self> {
        let scrolling = profile::choose(setting, &profile::TermEnv::from_process());
        Self::new(AnsiBackend::new(FrameWriter::stdout()).with_scrolling(scrolling))
    }

    /// Takes over the terminal: raw mode, the alternate screen, and the
    /// mouse when asked.
    pub fn enter(&mut self, mouse: bool) -> io::Result<()> {
        self.session = Some(Session::enter(mouse, self.surface.inner_mut().writer_mut())?);
        Ok(())
    }
}

impl Screen<TestBackend> {
    /// A screen on ratatui's test backend.
    pub fn test(cols: u16, rows: u16) -> io::Result<Self> {
        Self::new(TestBackend::new(cols, rows))
    }

    /// The test backend (its buffer is the screen).
    #[must_use]
    pub fn backend(&self) -> &TestBackend {
        self.surface.inner()
    }

    /// Resizes the test terminal (and tells the seam, as a resize event
    /// would).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.surface.inner_mut().resize(cols, rows);
        self.resized(cols, rows);
    }
}

fn other<E: std::fmt::Display>(error: E) -> io::Error {
    io::Error::other(error.to_string())
}

impl<B: Scroller> Screen<B> {
    /// A screen drawing through `backend`, whose screen is blank; the canvas
    /// is made at the terminal's size.
    pub fn new(backend: B) -> io::Result<Self> {
        let surface = Surface::new(backend);
        let canvas = Buffer::empty(Rect::from((Position::ORIGIN, surface.size().map_err(other)?)));
        Ok(Self { surface, canvas, session: None, drawn: false, sent: Vec::new() })
    }

    /// Draws one frame: the views draw into the canvas, and the seam writes
    /// the finished frame.
    pub fn draw(&mut self, render: impl FnOnce(&mut Buffer)) -> io::Result<()> {
        let area = Rect::from((Position::ORIGIN, self.surface.size().map_err(other)?));
        if area != self.canvas.area {
            // After a resize the terminal has rewrapped or cut what it
            // showed: only a clear makes it certain again.
            self.surface.clear().map_err(other)?;
            self.canvas = Buffer::empty(area);
        }
        render(&mut self.canvas);
        let frame = std::mem::take(&mut self.canvas);
        let (previous, result) = match self.surface.present(frame) {
            Ok(previous) => (previous, Ok(())),
            Err(error) => (None, Err(other(error))),
        };
        // The next frame is drawn on the one shown before, blanked; after
        // the first frame, a new buffer is made only once that one is out.
        self.canvas = match previous {
            Some(mut buffer) if buffer.area == area => {
                buffer.reset();
                buffer
            }
            _ => Buffer::empty(area),
        };
        result?;
        self.drawn = true;
        Ok(())
    }

    /// The last frame drawn, unless the screen was cleared since.
    #[must_use]
    pub fn last_frame(&self) -> Option<&Buffer> {
        self.surface.shown()
    }

    /// Takes the terminal's new size from a resize event.
    pub fn resized(&mut self, cols: u16, rows: u16) {
        self.surface.set_size(Size::new(cols, rows));
    }

    /// The terminal's own size when it is larger than the screen byline
    /// draws.
    #[must_use]
    pub fn clipped_from(&self) -> Option<(u16, u16)> {
        self.surface.clipped_from().map(|size| (size.width, size.height))
    }

    /// Reads the terminal's size again (once input is watched, a resize
    /// before then would otherwise go unnoticed).
    pub fn refresh_size(&mut self) {
        self.surface.forget_size();
    }

    /// Whether a frame has been drawn since the screen was opened.
    #[must_use]
    pub fn has_drawn(&self) -> bool {
        self.drawn
    }

    /// The terminal's size in columns and rows (as last read or reported).
    pub fn size(&self) -> io::Result<(u16, u16)> {
        let size = self.surface.size().map_err(other)?;
        Ok((size.width, size.height))
    }

    /// Forgets what is on the screen, so the next frame is drawn whole; the
    /// size is read again too (Ctrl-l, and coming back from a suspend).
    pub fn clear(&mut self) -> io::Result<()> {
        self.surface.forget_size();
        self.surface.clear().map_err(other)
    }

    /// Suspends the process (real terminal only) and redraws on return.
    pub fn suspend(&mut self) -> io::Result<()> {
        if let Some(session) = &self.session {
            session.suspend()?;
        }
        self.clear()
    }

    /// Sends a control sequence byline made itself (OSC 52) between frames,
    /// in one write; without a real terminal it is kept for tests to read.
    pub fn send_control(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.session.is_some() {
            let mut out = FrameWriter::stdout();
            out.write_all(bytes)?;
            out.flush()
        } else {
            self.sent.push(bytes.to_vec());
            Ok(())
        }
    }

    /// The control sequences sent without a real terminal.
    #[must_use]
    pub fn sent_controls(&self) -> &[Vec<u8>] {
        &self.sent
    }

    /// Runs `work` with the terminal given back (a program that draws on
    /// it), then redraws the whole screen.
    pub fn outside<T>(&mut self, work: impl FnOnce() -> T) -> io::Result<T> {
        let result = match &self.session {
            Some(session) => session.hand_over(work)?,
            None => work(),
        };
        self.clear()?;
        Ok(result)
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
mod model;
#[cfg(test)]
mod scroll_tests;
#[cfg(test)]
mod tests;
