//! `a` on a speaker in the reader's speakers panel: that person's quotes in
//! the other saved articles, merged by name and alias as `byline people`
//! merges them; Enter opens one at the quote, on the document stack. Run
//! through the real event loop (ratatui's test backend, the library's
//! requests inline) on a temporary library.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

#[path = "support/script.rs"]
mod script;
use script::{keys, screen_text};

use byline::library::{Hints, Library, ListFilter, prepare};
use byline::model::Article;
use byline::source::{Loaded, SourceSpec};
use byline::tui::app::{App, LoadState, Settings, Shelf};
use byline::tui::jobs::{Jobs, Tools};
use byline::tui::keymap::Keymap;
use byline::tui::terminal::Screen;
use byline::tui::theme::Theme;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/people").join(name)
}

/// A library with the three ferry articles; the first one saved last, so
/// that it heads the list.
fn library() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let mut library = Library::open(&path).unwrap();
    for name in ["ferry-two.md", "ferry-three.md", "ferry-one.md"] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let loaded = Loaded::from_bytes(bytes, SourceSpec::File(fixture(name)));
        library.save(&prepare(loaded, None, None, Hints::default()).unwrap(), &[]).unwrap();
    }
    (dir, path)
}

fn run(app: &mut App, jobs: &mut Jobs, cols: u16, rows: u16, script: &str) -> String {
    let mut screen = Screen::test(cols, rows).unwrap();
    byline::tui::run_loop(app, &mut screen, &mut keys(script), jobs, false).unwrap();
    screen_text(&screen)
}

fn app() -> App {
    App::new(
        Article::default(),
        LoadState::Ready,
        Keymap::defaults().unwrap(),
        Theme::mono(),
        Settings::default(),
    )
}

/// The library screen on `path`, after `script`.
fn on_library(path: &Path, script: &str) -> (String, App) {
    let entries = Library::open(path).unwrap().list(&ListFilter::default()).unwrap();
    let mut app = app();
    app.shelf = Some(Shelf::new(entries));
    let mut jobs = Jobs::inline(Tools::default()).with_library(path).unwrap();
    let text = run(&mut app, &mut jobs, 120, 30, script);
    (text, app)
}

#[test]
fn a_lists_the_speakers_quotes_in_the_other_articles() {
    let (_dir, path) = library();
    // Open the first article; Tab passes over the empty sections panel to
    // the speakers, whose first is Ilse Marwick.
    let (text, app) = on_library(&path, "<Enter><Tab>a");
    let open = app.elsewhere.as_ref().expect("the list is open");
    assert_eq!(open.name, "Ilse Marwick");
    let found: Vec<(&str, &str)> =
        open.quotes.iter().map(|q| (q.title.as_deref().unwrap(), q.text.as_str())).collect();
    assert_eq!(
        found,
        [
            ("Islands ask for a second boat", "A second boat is on the table, but not this year"),
            ("The ferry budget, line by line", "The money for the second boat is simply not there yet"),
        ],
        "“Harbour Minister Ilse Marwick” and a bare “Marwick” are the same person; her own article is left out"
    );
    assert!(text.contains("2 quotes of Ilse Marwick in 2 other articles"), "{text}");
    insta::assert_snapshot!("elsewhere_120x30_list", text);
}

#[test]
fn enter_opens_the_article_at_the_quote_and_backspace_returns() {
    let (_dir, path) = library();
    let (text, app) = on_library(&path, "<Enter><Tab>aj<Enter>");
    assert!(app.elsewhere.is_none());
    assert_eq!(app.docs.len(), 3, "pushed on the stack: {text}");
    assert_eq!(app.doc().article.meta().title.as_deref(), Some("The ferry budget, line by line"));
    assert_eq!(app.doc().last_quote.map(|v| v.index), Some(0), "at the quote");
    assert!(text.contains("quote 1; Backspace returns"), "{text}");
    let (text, app) = on_library(&path, "<Enter><Tab>aj<Enter><Backspace>");
    assert_eq!(app.docs.len(), 2);
    assert_eq!(
        app.doc().article.meta().title.as_deref(),
        Some("Ferry subsidy survives a late vote"),
        "{text}"
    );
}

#[test]
fn someone_quoted_nowhere_else_is_said_so_and_a_namesake_is_not_them() {
    let (_dir, path) = library();
    // Tom Brandt, the second speaker: Eva Brandt of the second article is
    // someone else.
    let (text, app) = on_library(&path, "<Enter><Tab>ja");
    assert!(app.elsewhere.is_none());
    assert!(text.contains("no quotes of Tom Brandt in the other saved articles"), "{text}");
    // Escape closes the list.
    let (_, app) = on_library(&path, "<Enter><Tab>a<Esc>");
    assert!(app.elsewhere.is_none());
    assert_eq!(app.docs.len(), 2);
}

#[test]
fn without_a_library_the_status_line_says_so() {
    let bytes = std::fs::read(fixture("ferry-one.md")).unwrap();
    let loaded = Loaded::from_bytes(bytes, SourceSpec::File(fixture("ferry-one.md")));
    let article = byline::pipeline::build_owned_with(loaded, None, &Tools::default().sites).unwrap();
    let mut app =
        App::new(article, LoadState::Ready, Keymap::defaults().unwrap(), Theme::mono(), Settings::default());
    let mut jobs = Jobs::inline(Tools::default());
    let text = run(&mut app, &mut jobs, 120, 30, "<Tab>a");
    assert!(app.elsewhere.is_none());
    assert!(text.contains("no library"), "{text}");
}

#[test]
fn an_article_that_is_not_saved_finds_its_speaker_in_the_library() {
    let (_dir, path) = library();
    // The reader on the first article's file: the library's copy of it is
    // another article, so its quote is listed too (by article date).
    let bytes = std::fs::read(fixture("ferry-one.md")).unwrap();
    let loaded = Loaded::from_bytes(bytes, SourceSpec::File(fixture("ferry-one.md")));
    let article = byline::pipeline::build_owned_with(loaded, None, &Tools::default().sites).unwrap();
    let mut app =
        App::new(article, LoadState::Ready, Keymap::defaults().unwrap(), Theme::mono(), Settings::default());
    let mut jobs = Jobs::inline(Tools::default()).with_library(&path).unwrap();
    let text = run(&mut app, &mut jobs, 120, 30, "<Tab>a");
    let open = app.elsewhere.as_ref().expect("the list is open");
    let titles: Vec<&str> = open.quotes.iter().map(|q| q.title.as_deref().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Ferry subsidy survives a late vote",
            "Islands ask for a second boat",
            "The ferry budget, line by line"
        ],
        "{text}"
    );
    // Enter pushes the saved article on the reader's own stack.
    let text = run(&mut app, &mut jobs, 120, 30, "jj<Enter>");
    assert_eq!(app.docs.len(), 2, "{text}");
    assert_eq!(app.doc().last_quote.map(|v| v.index), Some(0));
    let text = run(&mut app, &mut jobs, 120, 30, "<Backspace>");
    assert_eq!(app.docs.len(), 1, "{text}");
}
