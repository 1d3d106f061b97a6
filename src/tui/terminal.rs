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

use std::io::{self, Write};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

use super::jobs::WORKER_THREAD;

/// The seam between frames and the terminal. For now it passes everything
/// through; it is where scroll-region output will go.
#[derive(Debug)]
pub struct Surface<B> {
    inner: B,
}

impl<B> Surface<B> {
    /// Wraps a backend.
    pub fn new(inner: B) -> Self {
        Self { inner }
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

impl<B: Backend> Backend for Surface<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
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
pub type TermScreen = Screen<CrosstermBackend<FrameWriter>>;

impl TermScreen {
    /// Takes over the terminal.
    pub fn open(mouse: bool) -> io::Result<Self> {
        let session = Session::enter(mouse)?;
        let terminal = Terminal::new(Surface::new(CrosstermBackend::new(FrameWriter::default())))?;
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
