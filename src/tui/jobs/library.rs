//! The library's work for the reader: listing, filtering, opening, saving
//! (`S`), reading positions, tags, read marks and deletions. It runs on a
//! thread of its own with its own connection, so that a long build on the
//! general worker never holds up a save, and so that the loop can wait for
//! the last writes before the process ends (positions saved on quit are
//! not lost). Filters are searches: the newest supersedes those queued
//! behind it. Every other request runs, in order.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};
use std::thread::JoinHandle;

use super::{JobDone, JobKind, JobOutput, Tools, WORKER_THREAD, panic_message};
use crate::extract::SourceKind;
use crate::library::{
    Hints, Library, ListFilter, Opened, QuoteRow, ReadingState, Saved, Summary, Wanted, prepare,
};
use crate::source::{Loaded, SourceSpec};
use crate::tui::event::Event;

/// An article to save from the reader: where it came from, and its bytes
/// when they cannot be read again (stdin) or should not be (a page
/// fetched: what is saved is what was read, with no second fetch).
#[derive(Debug, Clone)]
pub struct SaveSource {
    /// The source as given.
    pub spec: SourceSpec,
    /// The kind the user forced.
    pub forced: Option<SourceKind>,
    /// The bytes, kept when the source cannot or should not be read twice.
    pub bytes: Option<Arc<[u8]>>,
    /// The URL the kept bytes finally came from.
    pub url: Option<String>,
    /// The media type the kept bytes were served as.
    pub content_type: Option<String>,
}

/// What to do in the library.
#[derive(Debug, Clone)]
pub enum LibraryOp {
    /// Every article's summary, newest first.
    List,
    /// The ids `query` finds, best first.
    Filter {
        /// The query as typed.
        query: String,
    },
    /// An article to read, with where the reader stopped.
    Open {
        /// Its id.
        id: i64,
    },
    /// Save the article being read.
    Save {
        /// Where it came from.
        source: SaveSource,
        /// The hash of the bytes the reader shows (to tell whether a file
        /// changed since).
        shown_hash: String,
    },
    /// Record where the reader is.
    Reading {
        /// The article.
        id: i64,
        /// Position, marks, progress.
        state: ReadingState,
        /// Whether the end was reached (marks it read).
        finished: bool,
    },
    /// Mark read or unread.
    SetRead {
        /// The article.
        id: i64,
        /// Read or not.
        read: bool,
    },
    /// Replace the tags.
    SetTags {
        /// The article.
        id: i64,
        /// The new tags.
        tags: Vec<String>,
    },
    /// Delete an article.
    Delete {
        /// The article.
        id: i64,
    },
    /// A speaker's quotes in the other saved articles.
    QuotesElsewhere {
        /// The speaker, as the article being read has them.
        wanted: Wanted,
        /// The article being read, when it is saved.
        except: Option<i64>,
    },
}

/// What a library request produced.
#[derive(Debug)]
pub enum LibraryOutput {
    /// Every article, newest first.
    Listed(Vec<Summary>),
    /// What a filter found.
    Filtered {
        /// The query.
        query: String,
        /// The ids, best first.
        ids: Vec<i64>,
    },
    /// An article to read.
    Opened(Box<Opened>),
    /// The article being read was saved.
    Saved {
        /// Its id and what happened.
        saved: Saved,
        /// Its listing.
        summary: Box<Summary>,
        /// Whether the source had changed since the reader opened it.
        changed: bool,
    },
    /// A position was recorded.
    ReadingSaved,
    /// A read mark was set.
    ReadSet {
        /// The article.
        id: i64,
        /// Its mark.
        read: bool,
    },
    /// Tags were replaced.
    Tagged {
        /// The article.
        id: i64,
        /// Its tags now.
        tags: Vec<String>,
    },
    /// An article was deleted.
    Deleted {
        /// The article.
        id: i64,
    },
    /// A speaker's quotes in the other saved articles.
    Elsewhere {
        /// The speaker's name, as asked.
        name: String,
        /// The quotes.
        quotes: Vec<QuoteRow>,
    },
}

impl LibraryOp {
    /// Which kind of job it is: filters supersede each other.
    #[must_use]
    pub fn kind(&self) -> JobKind {
        match self {
            Self::Filter { .. } => JobKind::LibrarySearch,
            _ => JobKind::Library,
        }
    }
}

/// The library's connection, opened on the first request, with what a
/// save loads its source with.
#[derive(Debug)]
pub struct Connection {
    path: PathBuf,
    library: Option<Library>,
    tools: Tools,
}

impl Connection {
    /// A connection to the library at `path`, not yet opened.
    #[must_use]
    pub fn new(path: &Path, tools: Tools) -> Self {
        Self { path: path.to_path_buf(), library: None, tools }
    }

    /// Runs one request, turning an error or a panic into a failed job.
    pub fn run(&mut self, generation: u64, op: LibraryOp) -> JobDone {
        let kind = op.kind();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.perform(op)));
        let result = match outcome {
            Ok(Ok(output)) => Ok(JobOutput::Library(output)),
            Ok(Err(error)) => Err(error.to_string()),
            Err(payload) => Err(format!("internal error: {}", panic_message(payload.as_ref()))),
        };
        JobDone { kind, generation, result }
    }

    fn perform(&mut self, op: LibraryOp) -> crate::Result<LibraryOutput> {
        let library = match self.library.take() {
            Some(library) => library,
            None => Library::open(&self.path)?,
        };
        let library = self.library.insert(library);
        Ok(match op {
            LibraryOp::List => LibraryOutput::Listed(library.list(&ListFilter::default())?),
            LibraryOp::Filter { query } => {
                let ids = library.search_ids(&query)?;
                LibraryOutput::Filtered { query, ids }
            }
            LibraryOp::Open { id } => LibraryOutput::Opened(Box::new(library.open_article(id)?)),
            LibraryOp::QuotesElsewhere { wanted, except } => {
                let quotes = library.quotes_elsewhere(&wanted, except)?;
                LibraryOutput::Elsewhere { name: wanted.name, quotes }
            }
            LibraryOp::Save { source, shown_hash } => {
                let loaded = match &source.bytes {
                    Some(bytes) => Loaded {
                        url: source.url.clone(),
                        content_type: source.content_type.clone(),
                        ..Loaded::from_bytes(bytes.to_vec(), source.spec.clone())
                    },
                    None => self.tools.loader.load(&source.spec)?,
                };
                let prepared = prepare(loaded, source.forced, None, Hints::default())?;
                let changed = prepared.article.identity.source_hash != shown_hash;
                let saved = library.save(&prepared, &[])?;
                // The library holds the page now: the cache's copy goes.
                if let SourceSpec::Url(url) = &source.spec {
                    self.tools.loader.forget_cached(url);
                }
                let summary = Box::new(library.summary(saved.id)?);
                LibraryOutput::Saved { saved, summary, changed }
            }
            LibraryOp::Reading { id, state, finished } => {
                library.save_reading(id, &state, finished)?;
                LibraryOutput::ReadingSaved
            }
            LibraryOp::SetRead { id, read } => {
                library.set_read(id, read)?;
                LibraryOutput::ReadSet { id, read }
            }
            LibraryOp::SetTags { id, tags } => {
                LibraryOutput::Tagged { id, tags: library.set_tags(id, &tags)? }
            }
            LibraryOp::Delete { id } => {
                library.remove(&[id])?;
                LibraryOutput::Deleted { id }
            }
        })
    }
}

/// The library's thread: its requests, and the handle to wait for it.
#[derive(Debug)]
pub struct Lane {
    requests: Option<Sender<(u64, LibraryOp)>>,
    handle: Option<JoinHandle<()>>,
}

impl Lane {
    /// Starts the thread; results go to `events`.
    pub fn spawn(path: &Path, tools: Tools, events: Sender<Event>) -> std::io::Result<Self> {
        let (requests, inbox) = std::sync::mpsc::channel();
        let connection = Connection::new(path, tools);
        // Named as the worker is: a panic on it fails a job, not the screen.
        let handle = std::thread::Builder::new()
            .name(WORKER_THREAD.to_owned())
            .spawn(move || work(connection, &inbox, &events))?;
        Ok(Self { requests: Some(requests), handle: Some(handle) })
    }

    /// Hands a request over.
    pub fn submit(&self, generation: u64, op: LibraryOp) {
        if let Some(requests) = &self.requests {
            // A closed channel means the thread is gone: nothing to do.
            let _ = requests.send((generation, op));
        }
    }

    /// Lets the thread finish what it was given, and waits for it.
    pub fn finish(&mut self) {
        self.requests = None;
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

fn work(mut connection: Connection, inbox: &Receiver<(u64, LibraryOp)>, events: &Sender<Event>) {
    while let Ok(first) = inbox.recv() {
        let mut queue = vec![first];
        queue.extend(inbox.try_iter());
        let last_filter = queue.iter().rposition(|(_, op)| op.kind() == JobKind::LibrarySearch);
        for (at, (generation, op)) in queue.into_iter().enumerate() {
            if op.kind() == JobKind::LibrarySearch && Some(at) != last_filter {
                continue;
            }
            // The loop may be gone (quitting): the writes still happen.
            let _ = events.send(Event::Job(connection.run(generation, op)));
        }
    }
}
