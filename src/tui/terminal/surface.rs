//! The seam between frames and the terminal: [`Surface`] takes each finished
//! frame whole, makes it harmless, and writes only what differs from what
//! the terminal shows, in one piece.
//!
//! It keeps the last frame it presented (what the terminal shows), so it
//! can send a short run of unchanged ASCII cells rather than a cursor move
//! over them (about a quarter fewer bytes per scrolled screen over SSH).
//! After a clear it knows the screen is blank and needs no copy at all: the
//! first frame is written straight from the new buffer. With both frames in
//! hand, scrolling with the terminal's scroll regions can slot in here later.

use std::borrow::Cow;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Size};

mod sending;

#[cfg(test)]
use sending::{BLANK, is_blank};
use sending::{Before, Sending, harmless, make_harmless};

/// What the terminal shows, as far as the seam knows.
#[derive(Debug)]
enum Shown {
    /// A blank screen (after a whole-screen clear).
    Blank,
    /// Nothing certain (after a partial clear, or cells drawn outside a
    /// frame): every cell is sent.
    Unknown,
    /// The last frame presented.
    Frame(Buffer),
}

/// The seam: every frame passes here ([`Surface::present`]), and so does
/// everything else ratatui asks of the terminal (size, clears, cursor).
#[derive(Debug)]
pub struct Surface<B> {
    inner: B,
    shown: Shown,
    cursor: Position,
    /// The terminal's size: read once, then kept up to date from resize
    /// events ([`Surface::set_size`]), so that a frame never waits on the
    /// terminal; read again after [`Surface::forget_size`].
    size: std::cell::Cell<Option<Size>>,
    /// Whether the cursor is hidden, when known: a frame hides it, and a
    /// frame that changed nothing must send nothing.
    cursor_hidden: Option<bool>,
}

impl<B> Surface<B> {
    /// Wraps a backend whose screen is blank (the alternate screen is blank
    /// when entered).
    pub fn new(inner: B) -> Self {
        Self {
            inner,
            shown: Shown::Blank,
            cursor: Position::ORIGIN,
            size: std::cell::Cell::new(None),
            cursor_hidden: None,
        }
    }

    /// The wrapped backend.
    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// The wrapped backend, mutably (tests resize it; the session queues
    /// the screen's modes on its writer).
    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }

    /// The last frame presented, unless the screen was cleared since.
    pub fn shown(&self) -> Option<&Buffer> {
        match &self.shown {
            Shown::Frame(frame) => Some(frame),
            Shown::Blank | Shown::Unknown => None,
        }
    }

    /// The terminal's new size, from a resize event.
    pub fn set_size(&mut self, size: Size) {
        self.size.set(Some(size));
    }

    /// Forgets the size, so that it is read from the terminal again.
    pub fn forget_size(&mut self) {
        self.size.set(None);
    }
}

impl<B: Backend> Surface<B> {
    /// Writes `frame` to the terminal: what differs from what it shows, with
    /// every control character replaced, then the cursor hidden, all in one
    /// flush. Returns the frame shown before, for the caller to draw the
    /// next one in (none after a clear).
    pub fn present(&mut self, mut frame: Buffer) -> Result<Option<Buffer>, B::Error> {
        for cell in &mut frame.content {
            make_harmless(cell);
        }
        // Until the frame is out, nothing is certain.
        let shown = std::mem::replace(&mut self.shown, Shown::Unknown);
        let before = match &shown {
            Shown::Blank => Before::Blank,
            Shown::Frame(previous) if previous.area == frame.area => Before::Frame(previous),
            Shown::Frame(_) | Shown::Unknown => Before::Unknown,
        };
        let mut sending = Sending::new(&frame, before);
        self.inner.draw(sending.by_ref())?;
        if let Some((x, y)) = sending.last {
            self.cursor = Position::new(x.saturating_add(1), y);
        }
        self.hide_cursor()?;
        self.inner.flush()?;
        self.shown = Shown::Frame(frame);
        Ok(match shown {
            Shown::Frame(previous) => Some(previous),
            Shown::Blank | Shown::Unknown => None,
        })
    }

    /// Follows a clear: a blank screen after a whole-screen clear, nothing
    /// certain after any other.
    fn forget(&mut self, clear_type: ClearType) {
        // Clears follow a suspend or a redraw: the cursor may be shown.
        self.cursor_hidden = None;
        self.shown = if clear_type == ClearType::All { Shown::Blank } else { Shown::Unknown };
    }
}

impl<B: Backend> Backend for Surface<B> {
    type Error = B::Error;

    /// Cells drawn outside [`Surface::present`] (ratatui's own draw) go
    /// through harmless too; what the terminal shows is then uncertain.
    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.shown = Shown::Unknown;
        let cells: Vec<(u16, u16, Cow<'a, Cell>)> = content.map(|(x, y, c)| (x, y, harmless(c))).collect();
        self.inner.draw(cells.iter().map(|(x, y, c)| (*x, *y, c.as_ref())))
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        if self.cursor_hidden != Some(true) {
            self.inner.hide_cursor()?;
            self.cursor_hidden = Some(true);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        if self.cursor_hidden != Some(false) {
            self.inner.show_cursor()?;
            self.cursor_hidden = Some(false);
        }
        Ok(())
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
        self.forget(ClearType::All);
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.forget(clear_type);
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        if let Some(size) = self.size.get() {
            return Ok(size);
        }
        let size = self.inner.size()?;
        self.size.set(Some(size));
        Ok(size)
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests;
