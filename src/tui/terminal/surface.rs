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

use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;

mod sending;

#[cfg(test)]
use sending::{BLANK, is_blank};
use sending::{Before, Sending, make_harmless};

/// What the terminal shows, as far as the seam knows.
#[derive(Debug)]
enum Shown {
    /// A blank screen (after a whole-screen clear).
    Blank,
    /// Nothing certain (a frame failed on its way out): every cell is sent.
    Unknown,
    /// The last frame presented.
    Frame(Buffer),
}

/// The seam: every frame passes here ([`Surface::present`]), and so do the
/// screen's other dealings with the terminal (its size, clears, the cursor).
#[derive(Debug)]
pub struct Surface<B> {
    inner: B,
    shown: Shown,
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
        Self { inner, shown: Shown::Blank, size: std::cell::Cell::new(None), cursor_hidden: None }
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
        self.inner.draw(Sending::new(&frame, before))?;
        self.hide_cursor()?;
        self.inner.flush()?;
        self.shown = Shown::Frame(frame);
        Ok(match shown {
            Shown::Frame(previous) => Some(previous),
            Shown::Blank | Shown::Unknown => None,
        })
    }

    /// Clears the whole screen: the next frame is sent against a blank one.
    pub fn clear(&mut self) -> Result<(), B::Error> {
        // Clears follow a suspend or a redraw: the cursor may be shown.
        self.cursor_hidden = None;
        self.shown = Shown::Blank;
        self.inner.clear()
    }

    /// The terminal's size, read from it only when not known.
    pub fn size(&self) -> Result<Size, B::Error> {
        if let Some(size) = self.size.get() {
            return Ok(size);
        }
        let size = self.inner.size()?;
        self.size.set(Some(size));
        Ok(size)
    }

    fn hide_cursor(&mut self) -> Result<(), B::Error> {
        if self.cursor_hidden != Some(true) {
            self.inner.hide_cursor()?;
            self.cursor_hidden = Some(true);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
