//! The seam between frames and the terminal: [`Surface`] takes each finished
//! frame whole, makes it harmless, and writes only what differs from what
//! the terminal shows, in one piece.
//!
//! It keeps the last frame it presented (what the terminal shows), so it
//! can send a short run of unchanged ASCII cells rather than a cursor move
//! over them (about a quarter fewer bytes per scrolled screen over SSH).
//! After a clear it knows the screen is blank and needs no copy at all: the
//! first frame is written straight from the new buffer.
//!
//! When the new frame is the old one moved up or down within a block of
//! rows (a scroll, a jump of less than a screen), the terminal is asked to
//! move that block itself ([`shift`]), the copy is moved the same way, and
//! the diff then sends only what still differs: the rows that came into
//! view. That is decided per frame from the two frames alone, and only when
//! the terminal is known to scroll ([`Scroller::scrolling`]) and its size
//! is the frame's (a resize in flight makes every move uncertain).

use ratatui::backend::{Backend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Size;

mod sending;
pub mod shift;

#[cfg(test)]
use sending::{BLANK, is_blank};
use sending::{Before, Sending, make_harmless};
pub use shift::Shift;

use super::Scrolling;

/// A backend that may also move text on the terminal's screen.
pub trait Scroller: Backend {
    /// How the terminal may be asked to move text ([`Scrolling::Off`]: it
    /// is not, and every frame is a plain diff).
    fn scrolling(&self) -> Scrolling;

    /// How many bytes `shift` sends.
    fn shift_bytes(&self, shift: &Shift) -> usize;

    /// Queues `shift`: it goes out ahead of the cells drawn next, with the
    /// colours reset first (the rows it uncovers take the current
    /// background) and the scroll region and margins put back after.
    fn queue_shift(&mut self, shift: &Shift) -> Result<(), Self::Error>;

    /// Queues what puts the terminal's pen, scroll region and margins back
    /// to their defaults, after a frame that may have gone out cut short.
    fn queue_reset(&mut self) -> Result<(), Self::Error>;
}

/// ratatui's test backend keeps a cell buffer and cannot move it: its
/// frames are plain diffs.
impl Scroller for TestBackend {
    fn scrolling(&self) -> Scrolling {
        Scrolling::Off
    }

    fn shift_bytes(&self, _shift: &Shift) -> usize {
        0
    }

    fn queue_shift(&mut self, _shift: &Shift) -> Result<(), Self::Error> {
        Ok(())
    }

    fn queue_reset(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

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
    /// The size the terminal reported, before `capped`.
    reported: std::cell::Cell<Option<Size>>,
    /// Whether the cursor is hidden, when known: a frame hides it, and a
    /// frame that changed nothing must send nothing.
    cursor_hidden: Option<bool>,
    /// Whether the terminal's pen, scroll region or margins may not be the
    /// defaults the frames rely on (line feeds move the cursor only while
    /// the region is the whole screen): after a frame that failed on its
    /// way out (part of it may have arrived), or after a clear (the screen
    /// may have been lent to a shell or a browser).
    modes_unsure: bool,
}

impl<B> Surface<B> {
    /// Wraps a backend whose screen is blank (the alternate screen is blank
    /// when entered).
    pub fn new(inner: B) -> Self {
        Self {
            inner,
            shown: Shown::Blank,
            size: std::cell::Cell::new(None),
            reported: std::cell::Cell::new(None),
            cursor_hidden: None,
            modes_unsure: false,
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

    /// The terminal's new size, from a resize event (capped, see
    /// `capped`).
    pub fn set_size(&mut self, size: Size) {
        self.reported.set(Some(size));
        self.size.set(Some(capped(size)));
    }

    /// The size the terminal last reported, when it is larger than what is
    /// drawn (see `capped`).
    #[must_use]
    pub fn clipped_from(&self) -> Option<Size> {
        let reported = self.reported.get()?;
        (capped(reported) != reported).then_some(reported)
    }

    /// Forgets the size, so that it is read from the terminal again.
    pub fn forget_size(&mut self) {
        self.size.set(None);
    }
}

/// Widest screen drawn, in columns: past it, the top-left part is drawn.
pub const MAX_COLS: u16 = 1_000;
/// Tallest screen drawn, in rows.
pub const MAX_ROWS: u16 = 500;

/// The size the screen is drawn at: the terminal's, cut to [`MAX_COLS`] by
/// [`MAX_ROWS`]. A frame costs memory per cell (two buffers of about 40
/// bytes a cell); a terminal reporting 30000x30000 would ask for tens of
/// gigabytes and end in an abort, which no terminal restore survives.
#[must_use]
pub fn capped(size: Size) -> Size {
    Size::new(size.width.min(MAX_COLS), size.height.min(MAX_ROWS))
}

impl<B: Scroller> Surface<B> {
    /// Writes `frame` to the terminal: a scroll when it saves bytes, then
    /// what differs from what the terminal shows, with every control
    /// character replaced, then the cursor hidden, all in one flush. Returns
    /// the frame shown before, for the caller to draw the next one in (none
    /// after a clear).
    pub fn present(&mut self, mut frame: Buffer) -> Result<Option<Buffer>, B::Error> {
        for cell in &mut frame.content {
            make_harmless(cell);
        }
        // Until the frame is out, nothing is certain.
        let mut shown = std::mem::replace(&mut self.shown, Shown::Unknown);
        if std::mem::replace(&mut self.modes_unsure, true) {
            self.inner.queue_reset()?;
        }
        if let Shown::Frame(previous) = &mut shown
            && let Some(shift) = self.shift(previous, &frame)?
        {
            self.inner.queue_shift(&shift)?;
            shift.apply(previous);
        }
        let before = match &shown {
            Shown::Blank => Before::Blank,
            Shown::Frame(previous) if previous.area == frame.area => Before::Frame(previous),
            Shown::Frame(_) | Shown::Unknown => Before::Unknown,
        };
        self.inner.draw(Sending::new(&frame, before))?;
        self.hide_cursor()?;
        self.inner.flush()?;
        self.modes_unsure = false;
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
        self.modes_unsure = true;
        self.inner.clear()
    }

    /// The terminal's size, read from it only when not known.
    pub fn size(&self) -> Result<Size, B::Error> {
        if let Some(size) = self.size.get() {
            return Ok(size);
        }
        let reported = self.inner.size()?;
        self.reported.set(Some(reported));
        let size = capped(reported);
        self.size.set(Some(size));
        Ok(size)
    }

    /// The move that makes `frame` cheapest to send over `previous`, if
    /// the terminal scrolls and is still the frame's size.
    fn shift(&self, previous: &Buffer, frame: &Buffer) -> Result<Option<Shift>, B::Error> {
        let scrolling = self.inner.scrolling();
        if !scrolling.is_on() || previous.area != frame.area {
            return Ok(None);
        }
        let Some(shift) = shift::choose(previous, frame, scrolling, |shift| self.inner.shift_bytes(shift))
        else {
            return Ok(None);
        };
        // A resize not yet reported would move other rows than these; the
        // plain diff is no worse, and the resize's redraw mends it.
        let size = self.inner.size()?;
        Ok((size.width == frame.area.width && size.height == frame.area.height).then_some(shift))
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
