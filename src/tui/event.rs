//! Events the loop waits on: terminal input, finished jobs, signals. They all
//! arrive on one channel, so the loop blocks in one place and draws only
//! after something happened (no timer while idle). The loop takes its source
//! as a parameter, so tests feed it a list.

use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, Sender};

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use super::jobs::JobDone;

/// Something that happened.
#[derive(Debug)]
pub enum Event {
    /// A key, mouse event or resize from the terminal.
    Input(crossterm::event::Event),
    /// A job finished.
    Job(JobDone),
    /// A document being opened has received this many bytes so far.
    Progress {
        /// The generation of the open request.
        generation: u64,
        /// Bytes received.
        bytes: u64,
    },
    /// The session ended: a signal (SIGHUP when SSH drops, SIGTERM, SIGINT
    /// or SIGQUIT from outside), or `None` when the terminal went away.
    Hangup(Option<i32>),
    /// The process was continued after a stop (SIGCONT): redraw.
    Continued,
}

/// Where the loop gets events.
pub trait EventSource {
    /// The next event: waits for one when `wait`, else only takes a queued
    /// one. `None` ends the loop when waiting (the source is gone).
    fn next_event(&mut self, wait: bool) -> Option<Event>;
}

impl EventSource for Receiver<Event> {
    fn next_event(&mut self, wait: bool) -> Option<Event> {
        if wait { self.recv().ok() } else { self.try_recv().ok() }
    }
}

impl EventSource for VecDeque<Event> {
    fn next_event(&mut self, _wait: bool) -> Option<Event> {
        self.pop_front()
    }
}

/// Reads terminal input on a thread (from /dev/tty when stdin is not a
/// terminal, thanks to crossterm's `use-dev-tty`).
pub fn spawn_input(events: Sender<Event>) -> std::io::Result<()> {
    // The first poll creates crossterm's event source, which registers its
    // SIGWINCH handler: done here, before the loop reads the size again,
    // so that a resize between the two is never lost (on the thread, it
    // could come after that read).
    crossterm::event::poll(std::time::Duration::ZERO)?;
    std::thread::Builder::new().name("byline-input".to_owned()).spawn(move || {
        loop {
            let event = match crossterm::event::read() {
                Ok(event) => Event::Input(event),
                // The terminal is gone (a dropped connection): end cleanly.
                Err(_) => Event::Hangup(None),
            };
            let stop = matches!(event, Event::Hangup(_));
            if events.send(event).is_err() || stop {
                return;
            }
        }
    })?;
    Ok(())
}

/// Registers handlers for SIGHUP, SIGTERM, SIGINT, SIGQUIT and SIGCONT:
/// from now on they are caught (and queued) instead of killing the process.
pub fn register_signals() -> std::io::Result<Signals> {
    Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGCONT])
}

/// Turns the caught signals into events, on a thread.
pub fn forward_signals(mut signals: Signals, events: Sender<Event>) -> std::io::Result<()> {
    std::thread::Builder::new().name("byline-signals".to_owned()).spawn(move || {
        for signal in signals.forever() {
            let event = if signal == SIGCONT { Event::Continued } else { Event::Hangup(Some(signal)) };
            if events.send(event).is_err() {
                return;
            }
        }
    })?;
    Ok(())
}
