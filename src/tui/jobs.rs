//! Long work off the UI thread: building the full article, searching,
//! opening another document. One worker thread takes requests and posts
//! results back as events; each request carries a generation number and the
//! app drops results that are not the latest it asked for (and the worker
//! skips requests already superseded in its queue). Opening a document runs
//! on a thread of its own instead: a fetch can wait on the network for its
//! whole timeout, and searches must not queue behind it; it reports the
//! bytes that have arrived as it goes, and stops at its next read once
//! cancelled. The library's reads and writes have a thread of their own too
//! (see [`library`]). A panic inside a job becomes a failed job: the screen
//! stays up and the app shows the message.
//!
//! Tests use the inline mode: a request runs at once and its result waits to
//! be taken, so no test sleeps.

pub mod library;

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

pub use library::{LibraryOp, LibraryOutput, SaveSource};

use super::clipboard;
use super::event::Event;
use super::search::{self, Match};
use crate::extract::SourceKind;
use crate::extract::site::SiteRules;
use crate::model::Article;
use crate::pipeline;
use crate::source::{self, Loaded, Loader, SourceSpec, Watch};

/// Least time between two reports of the bytes a fetch has received: each
/// report redraws the status line.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// The worker thread's name; the panic hook leaves the terminal alone for
/// panics on it (they become failed jobs).
pub const WORKER_THREAD: &str = "byline-worker";

/// Work to do off the UI thread.
pub enum JobRequest {
    /// Find every match of `query`.
    Search {
        /// Generation of this request.
        generation: u64,
        /// The article to search.
        article: Arc<Article>,
        /// What to find.
        query: String,
    },
    /// Extract and analyse the whole source (after a quick preview).
    Build {
        /// Generation of this request.
        generation: u64,
        /// The source bytes.
        loaded: Box<Loaded>,
        /// The kind the user forced, if any.
        forced: Option<SourceKind>,
    },
    /// Load another document (a link followed), extract and analyse it.
    Open {
        /// Generation of this request.
        generation: u64,
        /// What to load.
        spec: SourceSpec,
        /// Set to cancel the fetch.
        cancel: Arc<AtomicBool>,
    },
    /// Work in the library.
    Library {
        /// Generation of this request.
        generation: u64,
        /// What to do.
        op: LibraryOp,
    },
    /// Copy `text` with the configured command (`[clipboard] command`).
    Copy {
        /// Generation of this request.
        generation: u64,
        /// The program and its arguments.
        command: Vec<String>,
        /// What to copy.
        text: String,
        /// What it is, for the status line ("quote 3", the URL).
        what: String,
    },
    /// Any other work (tests).
    Run {
        /// Generation of this request.
        generation: u64,
        /// The work.
        work: Box<dyn FnOnce() -> JobOutput + Send>,
    },
}

impl JobRequest {
    /// Which kind of job this is.
    #[must_use]
    pub fn kind(&self) -> JobKind {
        match self {
            Self::Search { .. } => JobKind::Search,
            Self::Build { .. } => JobKind::Build,
            Self::Open { .. } => JobKind::Open,
            Self::Library { op, .. } => op.kind(),
            Self::Copy { .. } => JobKind::Copy,
            Self::Run { .. } => JobKind::Other,
        }
    }

    /// The request's generation number.
    #[must_use]
    pub fn generation(&self) -> u64 {
        match self {
            Self::Search { generation, .. }
            | Self::Build { generation, .. }
            | Self::Open { generation, .. }
            | Self::Library { generation, .. }
            | Self::Copy { generation, .. }
            | Self::Run { generation, .. } => *generation,
        }
    }
}

impl std::fmt::Debug for JobRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Search { generation, query, .. } => write!(f, "Search({generation}, {query:?})"),
            Self::Build { generation, .. } => write!(f, "Build({generation})"),
            Self::Open { generation, spec, .. } => write!(f, "Open({generation}, {spec:?})"),
            Self::Library { generation, op } => write!(f, "Library({generation}, {op:?})"),
            Self::Copy { generation, command, what, .. } => {
                write!(f, "Copy({generation}, {command:?}, {what:?})")
            }
            Self::Run { generation, .. } => write!(f, "Run({generation})"),
        }
    }
}

/// Kinds of jobs; a newer request of a kind supersedes an older one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// A search.
    Search,
    /// The full article.
    Build,
    /// Another document.
    Open,
    /// A library filter (the newest supersedes older ones).
    LibrarySearch,
    /// Any other library request (never dropped).
    Library,
    /// A copy by the clipboard command.
    Copy,
    /// Anything else.
    Other,
}

/// What a job produced.
#[derive(Debug)]
pub enum JobOutput {
    /// Search matches.
    Matches(Vec<Match>),
    /// The full article.
    Article(Box<Article>),
    /// Another document, with where it came from.
    Opened(Box<Opened>),
    /// What a library request produced.
    Library(LibraryOutput),
    /// What the clipboard command copied, as the status line says it.
    Copied(String),
    /// Nothing to report.
    Done,
}

/// A document opened by [`JobRequest::Open`].
#[derive(Debug)]
pub struct Opened {
    /// The article.
    pub article: Article,
    /// What was asked for.
    pub spec: SourceSpec,
    /// The URL it finally came from (after redirects), if any.
    pub url: Option<String>,
    /// What the user should know about it (an offline copy shown).
    pub note: Option<String>,
}

/// A finished job.
#[derive(Debug)]
pub struct JobDone {
    /// What kind of job it was.
    pub kind: JobKind,
    /// The generation of its request.
    pub generation: u64,
    /// Its output, or why it failed (an error or a panic message).
    pub result: Result<JobOutput, String>,
}

/// What jobs work with: where documents are loaded from (limits, fetch
/// settings, offline copies) and the site rules they are extracted with.
#[derive(Debug, Clone, Default)]
pub struct Tools {
    /// Loads sources.
    pub loader: Arc<Loader>,
    /// The user's and the built-in site rules.
    pub sites: Arc<SiteRules>,
}

/// Runs one request, turning a panic into a failure; `progress` hears of
/// the bytes a fetch receives.
#[must_use]
pub fn run(request: JobRequest, tools: &Tools, progress: &mut dyn FnMut(u64)) -> JobDone {
    let kind = request.kind();
    let generation = request.generation();
    let outcome = catch_unwind(AssertUnwindSafe(move || match request {
        JobRequest::Search { article, query, .. } => {
            search::find_all(&article, &query).map(JobOutput::Matches)
        }
        JobRequest::Build { loaded, forced, .. } => pipeline::build_owned_with(*loaded, forced, &tools.sites)
            .map(|article| JobOutput::Article(Box::new(article)))
            .map_err(|e| e.to_string()),
        JobRequest::Open { spec, cancel, .. } => open(tools, spec, &cancel, progress),
        JobRequest::Run { work, .. } => Ok(work()),
        JobRequest::Copy { command, text, what, .. } => {
            clipboard::run_command(&command, &text, clipboard::COMMAND_TIME_LIMIT)
                .map(|program| JobOutput::Copied(format!("copied {what} with {program}")))
                .map_err(|message| format!("could not copy {what}: {message}"))
        }
        // Library requests go to the library's lane; without one (no
        // library could be located) they fail.
        JobRequest::Library { .. } => Err("no library: set BYLINE_LIBRARY or use --library PATH".to_owned()),
    }));
    let result = match outcome {
        Ok(result) => result,
        Err(payload) => Err(format!("internal error: {}", panic_message(payload.as_ref()))),
    };
    JobDone { kind, generation, result }
}

fn open(
    tools: &Tools,
    spec: SourceSpec,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(u64),
) -> Result<JobOutput, String> {
    let mut watch = Watch { cancel, progress };
    let loaded = tools
        .loader
        .load_watched(&spec, source::ARTICLE_TYPES, Some(&mut watch))
        .map_err(|e| e.to_string())?;
    let url = loaded.url.clone();
    let note = loaded.note.clone();
    let article = pipeline::build_owned_with(loaded, None, &tools.sites).map_err(|e| e.to_string())?;
    Ok(JobOutput::Opened(Box::new(Opened { article, spec, url, note })))
}

pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a job panicked".to_owned())
}

/// Where requests go: the worker (or inline, in tests), and the library's
/// lane when there is a library.
pub struct Jobs {
    mode: Mode,
    /// What documents are opened with (limits, fetch settings, offline copies).
    tools: Tools,
    library: Option<LibraryLane>,
}

enum LibraryLane {
    Thread(library::Lane),
    Inline(library::Connection),
}

enum Mode {
    /// A worker thread posting results to the event channel.
    Worker { requests: Sender<JobRequest>, events: Sender<Event> },
    /// Run at once; results wait in the queue.
    Inline(VecDeque<JobDone>),
}

impl Jobs {
    /// Starts the worker thread, which posts results to `events`; documents
    /// are opened with `tools`.
    pub fn worker(events: Sender<Event>, tools: Tools) -> std::io::Result<Self> {
        let (requests, inbox) = std::sync::mpsc::channel();
        let posts = events.clone();
        let worker_tools = tools.clone();
        std::thread::Builder::new()
            .name(WORKER_THREAD.to_owned())
            .spawn(move || work(&inbox, &posts, &worker_tools))?;
        Ok(Self { mode: Mode::Worker { requests, events }, tools, library: None })
    }

    /// Runs requests inline (tests), opening documents with `tools`.
    #[must_use]
    pub fn inline(tools: Tools) -> Self {
        Self { mode: Mode::Inline(VecDeque::new()), tools, library: None }
    }

    /// Library requests go to the library at `path`: on a thread of its
    /// own beside the worker, or inline.
    pub fn with_library(mut self, path: &std::path::Path) -> std::io::Result<Self> {
        self.library = Some(match &self.mode {
            Mode::Worker { events, .. } => {
                LibraryLane::Thread(library::Lane::spawn(path, self.tools.clone(), events.clone())?)
            }
            Mode::Inline(_) => LibraryLane::Inline(library::Connection::new(path, self.tools.clone())),
        });
        Ok(self)
    }

    /// Waits for the library's lane to finish what it was given (the
    /// positions saved on quit); the worker is left to end with the process.
    pub fn finish(&mut self) {
        if let Some(LibraryLane::Thread(thread)) = &mut self.library {
            thread.finish();
        }
    }

    /// Hands a request over.
    pub fn submit(&mut self, request: JobRequest) {
        if let (JobRequest::Library { generation, op }, Some(lane)) = (&request, &mut self.library) {
            match lane {
                LibraryLane::Thread(thread) => thread.submit(*generation, op.clone()),
                LibraryLane::Inline(connection) => {
                    let done = connection.run(*generation, op.clone());
                    match &mut self.mode {
                        Mode::Inline(queue) => queue.push_back(done),
                        Mode::Worker { events, .. } => {
                            let _ = events.send(Event::Job(done));
                        }
                    }
                }
            }
            return;
        }
        match &mut self.mode {
            // A fetch or a copy command may wait (on the network, on a
            // display): on a thread of its own, so that nothing queues
            // behind it.
            Mode::Worker { events, .. } if matches!(request.kind(), JobKind::Open | JobKind::Copy) => {
                let posts = events.clone();
                let failed = events.clone();
                let generation = request.generation();
                let kind = request.kind();
                let tools = self.tools.clone();
                // Named as the worker: the panic hook leaves the terminal
                // alone for it (a panic becomes a failed job).
                let spawned = std::thread::Builder::new()
                    .name(WORKER_THREAD.to_owned())
                    .spawn(move || open_on_thread(request, &tools, &posts));
                if let Err(error) = spawned {
                    let result = Err(format!("cannot start a thread: {error}"));
                    let _ = failed.send(Event::Job(JobDone { kind, generation, result }));
                }
            }
            Mode::Worker { requests, .. } => {
                // A closed channel means the worker is gone; the app keeps
                // waiting for nothing rather than dying.
                let _ = requests.send(request);
            }
            Mode::Inline(done) => done.push_back(run(request, &self.tools, &mut |_| {})),
        }
    }

    /// A finished inline job, if any (always `None` for the worker).
    pub fn take_done(&mut self) -> Option<JobDone> {
        match &mut self.mode {
            Mode::Worker { .. } => None,
            Mode::Inline(done) => done.pop_front(),
        }
    }
}

/// Opens a document on its own thread, reporting progress at most every
/// [`PROGRESS_EVERY`].
fn open_on_thread(request: JobRequest, tools: &Tools, events: &Sender<Event>) {
    let generation = request.generation();
    let mut last: Option<Instant> = None;
    let mut progress = |bytes: u64| {
        if last.is_none_or(|at| at.elapsed() >= PROGRESS_EVERY) {
            last = Some(Instant::now());
            let _ = events.send(Event::Progress { generation, bytes });
        }
    };
    let done = run(request, tools, &mut progress);
    let _ = events.send(Event::Job(done));
}

fn work(inbox: &Receiver<JobRequest>, events: &Sender<Event>, tools: &Tools) {
    while let Ok(first) = inbox.recv() {
        let mut queue = vec![first];
        queue.extend(inbox.try_iter());
        // Latest wins: of several queued requests of one kind, run the last.
        let keep: Vec<bool> = (0..queue.len())
            .map(|i| {
                matches!(queue[i].kind(), JobKind::Other | JobKind::Library)
                    || !queue[i + 1..].iter().any(|later| later.kind() == queue[i].kind())
            })
            .collect();
        for (request, keep) in queue.into_iter().zip(keep) {
            if keep && events.send(Event::Job(run(request, tools, &mut |_| {}))).is_err() {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_failed_job() {
        let request = JobRequest::Run { generation: 7, work: Box::new(|| panic!("boom at the worker")) };
        let done = run(request, &Tools::default(), &mut |_| {});
        assert_eq!(done.generation, 7);
        assert_eq!(done.result.unwrap_err(), "internal error: boom at the worker");
    }

    #[test]
    fn the_worker_posts_results_and_survives_panics() {
        let (events, inbox) = std::sync::mpsc::channel();
        let mut jobs = Jobs::worker(events, Tools::default()).unwrap();
        jobs.submit(JobRequest::Run { generation: 1, work: Box::new(|| panic!("first")) });
        jobs.submit(JobRequest::Run { generation: 2, work: Box::new(|| JobOutput::Done) });
        let mut results = Vec::new();
        while results.len() < 2 {
            if let Ok(Event::Job(done)) = inbox.recv_timeout(std::time::Duration::from_secs(10)) {
                results.push(done);
            } else {
                panic!("no result from the worker");
            }
        }
        assert!(results[0].result.is_err());
        assert!(matches!(results[1].result, Ok(JobOutput::Done)));
    }

    #[test]
    fn inline_jobs_wait_to_be_taken() {
        let mut jobs = Jobs::inline(Tools::default());
        assert!(jobs.take_done().is_none());
        jobs.submit(JobRequest::Run { generation: 3, work: Box::new(|| JobOutput::Done) });
        assert_eq!(jobs.take_done().map(|d| d.generation), Some(3));
    }
}
