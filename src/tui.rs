//! The reader: the only module that uses ratatui and crossterm.
//!
//! Intents are [`action::Action`]s, bound to keys by the [`keymap`] (data,
//! from `assets/keymap.toml` and the user's config). [`app::App`] owns all UI
//! state; its `update` applies a message and returns effects. The loop
//! ([`run_loop`]) blocks on one event source (terminal input, finished jobs,
//! signals), handles everything queued, performs the effects, then draws once
//! through the [`terminal`] seam: no timer, no redraw while idle. Long work
//! (the full article after a preview, searches) runs on the [`jobs`] worker,
//! the library's reads and writes on a thread of their own.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod event;
pub mod jobs;
pub mod keymap;
pub mod opener;
pub mod search;
mod side_work;
pub mod terminal;
pub mod theme;
pub mod view;

use std::path::Path;
use std::sync::{Arc, mpsc};

use crossterm::event::Event as Input;

use app::{App, CopyTo, Effect, LoadState, Msg, Origin, Settings, Shelf};
use event::{Event, EventSource};
use jobs::{JobRequest, Jobs, SaveSource, Tools};
use keymap::Keymap;
use side_work::SideWork;
use terminal::{Screen, Scroller};
use theme::{ColorEnv, Theme};

use crate::config::{Config, CopyMethod};
use crate::error::{Error, Result};
use crate::extract::SourceKind;
use crate::extract::site::SiteRules;
use crate::library::{Library, ListFilter};
use crate::pipeline;
use crate::source::{Loaded, SourceSpec};

/// Inputs at least this large open with a quick preview of their start while
/// the whole article is built on the worker. Measured at 200x50: a 1 MB text
/// shows its first screen in 13 ms this way against 34 ms built whole; at
/// 300 KB the preview gains nothing (18 ms whole, 22 ms through a preview).
pub const PREVIEW_MIN_BYTES: usize = 512 << 10;

/// About how much of a large input the preview extracts.
const PREVIEW_BYTES: usize = 96 * 1024;

/// HTML pages at least this large open with a preview too. Smaller pages
/// are extracted whole before the first paint: a preview of their head
/// could pick a different container or miss the metadata at the end.
pub const HTML_PREVIEW_MIN_BYTES: usize = 8 << 20;

/// About how much of a large HTML page the preview extracts: more than for
/// text, since a page's head and markup come before its first paragraph.
const HTML_PREVIEW_BYTES: usize = 512 * 1024;

/// Set to make the reader panic on the first key (tests of the terminal
/// restore); no effect otherwise.
pub const DEBUG_PANIC_ENV: &str = "BYLINE_DEBUG_PANIC";

/// The thread that loads the keymap and readies the screen at start-up.
const START_THREAD: &str = "byline-start";

/// Opens the reader on `loaded` and runs until the user quits; returns the
/// signal that ended it, if one did. Config and extraction errors are
/// returned before the terminal is touched. With a library in the config
/// (`config.library`), `S` saves the article there.
pub fn run(loaded: Loaded, forced: Option<SourceKind>, config: &Config, tools: Tools) -> Result<Option<i32>> {
    let name = loaded.spec.display_name();
    let origin = Origin { spec: Some(loaded.spec.clone()), url: loaded.url.clone() };
    let note = loaded.note.clone();
    let saving = save_source_of(&loaded, forced);
    // Extraction does not depend on the keymap or the screen's canvas: on
    // two cores, doing them at once brings the first paint closer. The
    // extraction, the longest, stays on this thread so that it starts at
    // once. Nothing is written to the terminal before the article is known
    // to be there.
    let side_config = config.clone();
    let side = SideWork::spawn(START_THREAD, move || {
        (Keymap::load(&side_config), terminal::TermScreen::prepare(side_config.scrolling))
    });
    let opened = open(loaded, forced, &tools.sites);
    let (keymap, screen) =
        side.take().ok_or_else(|| Error::Output(std::io::Error::other("the start-up thread panicked")))?;
    let (article, rest) = opened?;
    let load =
        if rest.is_some() { LoadState::Loading { what: name, generation: 1 } } else { LoadState::Ready };
    let mut app = App::new(article, load, keymap?, theme_of(config), settings_of(config));
    app.doc_mut().origin = origin;
    app.doc_mut().shelved.origin = Some(saving);
    if let Some(note) = note {
        app.say(&note);
    }
    session(app, screen, config, tools, rest.map(|loaded| (loaded, forced)), config.library.as_deref())
}

/// Opens the library screen on the library at `path` (on article `open`,
/// when given) and runs until the user quits; returns the signal that
/// ended it, if one did.
pub fn run_library(path: &Path, open: Option<i64>, config: &Config, tools: Tools) -> Result<Option<i32>> {
    let side_config = config.clone();
    let side = SideWork::spawn(START_THREAD, move || {
        (Keymap::load(&side_config), terminal::TermScreen::prepare(side_config.scrolling))
    });
    // The list is read here, before the first paint; from then on the
    // library is used from its own thread only.
    let listed = (|| {
        let mut library = Library::open(path)?;
        let entries = library.list(&ListFilter::default())?;
        let opened = open.map(|id| library.open_article(id)).transpose()?;
        Ok::<_, Error>((entries, opened))
    })();
    let (keymap, screen) =
        side.take().ok_or_else(|| Error::Output(std::io::Error::other("the start-up thread panicked")))?;
    let (entries, opened) = listed?;
    let mut app = App::new(
        crate::model::Article::default(),
        LoadState::Ready,
        keymap?,
        theme_of(config),
        settings_of(config),
    );
    app.shelf = Some(Shelf::new(entries));
    if let Some(opened) = opened {
        app.open_saved(opened);
    }
    session(app, screen, config, tools, None, Some(path))
}

fn theme_of(config: &Config) -> Theme {
    Theme::select(config.theme, config.colors, &ColorEnv::from_process())
}

fn settings_of(config: &Config) -> Settings {
    Settings {
        reading_width_cols: config.reading_width_cols,
        mouse: config.mouse,
        over_ssh: std::env::var_os("SSH_CONNECTION").is_some_and(|v| !v.is_empty()),
        copy: match config.clipboard.copy {
            CopyMethod::Osc52 => CopyTo::Osc52,
            CopyMethod::Command => CopyTo::Command(config.clipboard.command.clone()),
            CopyMethod::Off => CopyTo::Off,
        },
    }
}

/// How `S` gets the article's bytes again: from its source (through the
/// loader, whose kept copies make a page free to load twice), or from a
/// copy kept now when the source cannot be read twice (stdin).
fn save_source_of(loaded: &Loaded, forced: Option<SourceKind>) -> SaveSource {
    let bytes = matches!(loaded.spec, SourceSpec::Stdin | SourceSpec::Url(_))
        .then(|| Arc::<[u8]>::from(loaded.bytes.as_slice()));
    SaveSource {
        spec: loaded.spec.clone(),
        forced,
        bytes,
        url: loaded.url.clone(),
        content_type: loaded.content_type.clone(),
    }
}

/// Takes over the terminal, runs the loop until the user quits, then waits
/// for the library's last writes (the positions saved on the way out).
fn session(
    mut app: App,
    screen: std::io::Result<terminal::TermScreen>,
    config: &Config,
    tools: Tools,
    rest: Option<(Loaded, Option<SourceKind>)>,
    library: Option<&Path>,
) -> Result<Option<i32>> {
    let debug_panic = std::env::var_os(DEBUG_PANIC_ENV).is_some_and(|v| !v.is_empty());
    let terminal_error = Error::Output;
    let mut screen = screen.map_err(terminal_error)?;
    // Signal handlers go in before raw mode, so that a SIGTERM from now on
    // always restores the terminal; their thread starts after the first paint.
    let signals = event::register_signals().map_err(terminal_error)?;
    screen.enter(config.mouse).map_err(terminal_error)?;
    let (cols, rows) = screen.size().map_err(terminal_error)?;
    app.update(Msg::Resize { cols, rows });
    paint(&mut screen, &mut app).map_err(terminal_error)?;
    let (sender, mut events) = mpsc::channel();
    event::spawn_input(sender.clone()).map_err(terminal_error)?;
    event::forward_signals(signals, sender.clone()).map_err(terminal_error)?;
    let mut jobs = Jobs::worker(sender, tools).map_err(terminal_error)?;
    if let Some(path) = library {
        jobs = jobs.with_library(path).map_err(terminal_error)?;
    }
    if let Some((loaded, forced)) = rest {
        let generation = app.next_generation();
        jobs.submit(JobRequest::Build { generation, loaded: Box::new(loaded), forced });
    }
    let ended = run_loop(&mut app, &mut screen, &mut events, &mut jobs, debug_panic);
    jobs.finish();
    ended.map_err(terminal_error)
}

/// The article to show first, and the source still to build in full when
/// that is only a preview.
fn open(
    loaded: Loaded,
    forced: Option<SourceKind>,
    sites: &SiteRules,
) -> Result<(crate::model::Article, Option<Loaded>)> {
    // Binary input has no preview: the full build refuses it.
    let Ok((_, html)) = crate::extract::kind_hints(&loaded, forced) else {
        return Ok((pipeline::build_owned_with(loaded, forced, sites)?, None));
    };
    let utf16 = loaded.bytes.starts_with(&[0xff, 0xfe]) || loaded.bytes.starts_with(&[0xfe, 0xff]);
    let min_bytes = if html { HTML_PREVIEW_MIN_BYTES } else { PREVIEW_MIN_BYTES };
    let cut = if loaded.bytes.len() < min_bytes || utf16 {
        None
    } else if html {
        crate::extract::html::preview_cut(&loaded.bytes, HTML_PREVIEW_BYTES)
    } else {
        Some(preview_cut(&loaded.bytes, PREVIEW_BYTES))
    };
    let Some(cut) = cut.filter(|&cut| cut > 0 && cut < loaded.bytes.len()) else {
        return Ok((pipeline::build_owned_with(loaded, forced, sites)?, None));
    };
    // Only the head is copied: cloning `loaded` would copy all of it.
    let preview = Loaded {
        bytes: loaded.bytes[..cut].to_vec(),
        spec: loaded.spec.clone(),
        content_type: loaded.content_type.clone(),
        url: loaded.url.clone(),
        note: loaded.note.clone(),
    };
    Ok((pipeline::build_owned_with(preview, forced, sites)?, Some(loaded)))
}

/// Where to cut `bytes` for a preview of about `target` bytes: at the last
/// blank line before it, else the last line break, else a UTF-8 boundary.
#[must_use]
pub fn preview_cut(bytes: &[u8], target: usize) -> usize {
    if bytes.len() <= target {
        return bytes.len();
    }
    let head = &bytes[..target];
    if let Some(at) = head.windows(2).rposition(|w| w == b"\n\n") {
        return at + 1;
    }
    if let Some(at) = head.iter().rposition(|b| *b == b'\n') {
        return at + 1;
    }
    let mut at = target;
    while at > 0 && (bytes[at] & 0xc0) == 0x80 {
        at -= 1;
    }
    at
}

/// Draws a frame, then wraps the screens a reader reaches next (the next
/// one and the last) while the terminal shows it.
fn paint<B: Scroller>(screen: &mut Screen<B>, app: &mut App) -> std::io::Result<()> {
    screen.draw(|buffer| view::draw(buffer, app))?;
    app.prefetch();
    Ok(())
}

/// Says so when the terminal is larger than byline draws (see
/// `terminal::surface::capped`), once per size, however the size was
/// learnt (a resize event, or the read when the loop starts).
fn note_clipping<B: Scroller>(
    app: &mut App,
    screen: &Screen<B>,
    said: &mut Option<(u16, u16)>,
) -> std::io::Result<()> {
    let clipped = screen.clipped_from();
    if clipped != *said
        && let Some((cols, rows)) = clipped
    {
        let (drawn_cols, drawn_rows) = screen.size()?;
        app.say(&format!(
            "the terminal is {cols}x{rows}: byline draws its top-left {drawn_cols}x{drawn_rows}"
        ));
    }
    *said = clipped;
    Ok(())
}

/// The event loop: wait for an event, handle it and everything queued behind
/// it, perform the effects, draw once. Returns when the app quits or the
/// source ends, with the signal that ended it, if one did.
///
/// # Panics
///
/// On the first key when `debug_panic` is set: that is how the terminal
/// restore on panic is tested.
pub fn run_loop<B: Scroller>(
    app: &mut App,
    screen: &mut Screen<B>,
    events: &mut dyn EventSource,
    jobs: &mut Jobs,
    debug_panic: bool,
) -> std::io::Result<Option<i32>> {
    let mut ended_by = None;
    // The first frame may be up already (drawn before the threads
    // started); the size is read once more now that resizes are watched.
    let drawn = screen.has_drawn();
    screen.refresh_size();
    let (cols, rows) = screen.size()?;
    let mut clipped = None;
    if !drawn || (cols, rows) != app.size {
        note_clipping(app, screen, &mut clipped)?;
        app.update(Msg::Resize { cols, rows });
        paint(screen, app)?;
    }
    loop {
        let mut next = events.next_event(true);
        if next.is_none() {
            return Ok(ended_by);
        }
        while let Some(event) = next {
            let msg = match event {
                Event::Input(Input::Key(key)) => {
                    assert!(!debug_panic, "{DEBUG_PANIC_ENV} is set: panicking on purpose");
                    Msg::Key(key)
                }
                Event::Input(Input::Resize(cols, rows)) => {
                    screen.resized(cols, rows);
                    note_clipping(app, screen, &mut clipped)?;
                    let (cols, rows) = screen.size()?;
                    Msg::Resize { cols, rows }
                }
                Event::Input(Input::Mouse(mouse)) => Msg::Mouse(mouse),
                Event::Input(_) => {
                    next = events.next_event(false);
                    continue;
                }
                Event::Job(done) => Msg::Job(done),
                Event::Progress { generation, bytes } => Msg::Progress { generation, bytes },
                Event::Hangup(signal) => {
                    ended_by = ended_by.or(signal);
                    Msg::Hangup
                }
                Event::Continued => Msg::Continued,
            };
            let effects = app.update(msg);
            if perform(app, screen, jobs, effects)? {
                return Ok(ended_by);
            }
            next = events.next_event(false);
        }
        let (cols, rows) = screen.size()?;
        if (cols, rows) != app.size {
            app.update(Msg::Resize { cols, rows });
        }
        paint(screen, app)?;
    }
}

/// Performs effects; returns whether to quit.
fn perform<B: Scroller>(
    app: &mut App,
    screen: &mut Screen<B>,
    jobs: &mut Jobs,
    effects: Vec<Effect>,
) -> std::io::Result<bool> {
    let mut quit = false;
    for effect in effects {
        match effect {
            Effect::Quit => quit = true,
            Effect::Redraw => screen.clear()?,
            Effect::Suspend => screen.suspend()?,
            Effect::Reapply => screen.continued()?,
            Effect::Spawn(request) => {
                jobs.submit(request);
                while let Some(done) = jobs.take_done() {
                    let more = app.update(Msg::Job(done));
                    quit |= perform(app, screen, jobs, more)?;
                }
            }
            Effect::Copy(text) => {
                screen.send_control(&clipboard::osc52(&text, clipboard::Wrap::from_env()))?;
            }
            Effect::OpenExternal(address) => {
                let opened = match opener::plan(&address) {
                    Ok(plan) if plan.needs_terminal => screen.outside(|| opener::run(&plan))?,
                    Ok(plan) => opener::run(&plan),
                    Err(message) => Err(message),
                };
                match opened {
                    Ok(how) => app.say(&format!("{how}: {address}")),
                    Err(message) => app.status = Some(app::Status { text: message, error: true }),
                }
            }
        }
    }
    Ok(quit)
}
