//! Start-up work that may run on the other core while this thread builds
//! the article: whichever thread gets to it first runs it.
//!
//! Waking a sleeping thread costs this kind of machine (a virtual one with
//! two cores) anything from a tenth of a millisecond to two: a new thread
//! often starts only once the spawning thread is nearly done, and joining
//! one waits for its exit to be signalled across cores. So the result comes
//! back through a channel (no join; the thread ends on its own), and when
//! the thread has not started the work by the time it is wanted, the caller
//! does it itself instead of waiting.

use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Arc, Mutex};

type Work<T> = Box<dyn FnOnce() -> T + Send>;

/// Work handed to a helper thread, to be collected with [`SideWork::take`].
pub struct SideWork<T> {
    work: Arc<Mutex<Option<Work<T>>>>,
    done: Receiver<T>,
}

impl<T: Send + 'static> SideWork<T> {
    /// Offers `work` to a new thread named `name`.
    pub fn spawn(name: &str, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let work: Arc<Mutex<Option<Work<T>>>> = Arc::new(Mutex::new(Some(Box::new(work))));
        let (sender, done) = sync_channel(1);
        let offered = Arc::clone(&work);
        // A thread that cannot be started leaves the work to `take`.
        let _ = std::thread::Builder::new().name(name.to_owned()).spawn(move || {
            if let Some(work) = claim(&offered) {
                // The receiver may be gone (start-up failed): nothing to do.
                let _ = sender.send(work());
            }
        });
        Self { work, done }
    }

    /// The work's result: done here if the thread has not begun it, else
    /// waited for. `None` when the thread began it and panicked.
    pub fn take(self) -> Option<T> {
        match claim(&self.work) {
            Some(work) => Some(work()),
            None => self.done.recv().ok(),
        }
    }
}

/// Takes the work if nobody has. The lock is held only to take it, so it
/// is never poisoned; if it were, the work would be lost and `take` would
/// report it so.
fn claim<T>(work: &Mutex<Option<Work<T>>>) -> Option<Work<T>> {
    work.lock().ok().and_then(|mut slot| slot.take())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_result_comes_back_whoever_runs_it() {
        for n in 0..50u64 {
            assert_eq!(SideWork::spawn("test", move || n * 2).take(), Some(n * 2));
        }
    }

    #[test]
    fn a_panic_on_the_thread_is_reported_not_raised() {
        let work = SideWork::spawn("test", || -> u8 { panic!("on purpose") });
        // Wait until the thread has claimed the work, so the panic is its own.
        while work.work.lock().is_ok_and(|slot| slot.is_some()) {
            std::thread::yield_now();
        }
        assert_eq!(work.take(), None);
    }
}
