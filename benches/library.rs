//! The library at size, on generated articles (a fixed seed, so every run
//! measures the same library):
//!
//! - `import/1000`: `byline import` of a folder of 1,000 articles into a
//!   new library (extraction, analysis, one transaction per article);
//! - `search/10000/*`: queries over 10,000 saved articles (words, a phrase,
//!   `speaker:`, `speaker:` with `quote:`, and the screen's as-you-type
//!   filter, which ranks every match);
//! - `list/10000`: the summaries the library screen opens with;
//! - `people/10000`: `byline people`: every speaker row read and merged
//!   into one row per person;
//! - `screen/10000`: the library screen's first frame (summaries read,
//!   then drawn at 160x48).
//!
//! The 10,000-article library is built once and kept in
//! `target/bench-library/` (about a minute to build in a release build).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use std::collections::VecDeque;

use byline::import::{self, Collection, Options};
use byline::library::{Hints, Library, ListFilter, SearchOptions, prepare, schema};
use byline::model::Article;
use byline::source::{Loaded, SourceSpec};
use byline::tui::app::{App, LoadState, Settings, Shelf};
use byline::tui::event::Event;
use byline::tui::jobs::{Jobs, Tools};
use byline::tui::keymap::Keymap;
use byline::tui::terminal::Screen;
use byline::tui::theme::Theme;
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const WORDS: &[&str] = &[
    "harbor",
    "council",
    "budget",
    "vote",
    "plan",
    "river",
    "bridge",
    "tax",
    "school",
    "clinic",
    "market",
    "season",
    "storm",
    "report",
    "ruling",
    "court",
    "deal",
    "talks",
    "wall",
    "road",
    "would",
    "could",
    "never",
    "again",
    "today",
    "quickly",
    "with",
    "under",
    "after",
    "before",
    "the",
    "a",
    "their",
    "every",
    "more",
    "less",
    "new",
    "old",
    "local",
    "national",
    "ferry",
    "timetable",
    "tariff",
    "pension",
    "grid",
    "housing",
    "rent",
    "wages",
    "inspector",
    "treaty",
    "border",
    "fishery",
    "quota",
    "subsidy",
    "levy",
];
const FIRST: &[&str] = &[
    "Ada", "Tomas", "Ingrid", "Rufus", "Noor", "Kim", "Maren", "Oskar", "Leila", "Piet", "Sanna", "Jonas",
    "Mirela", "Davor", "Edith", "Hamid", "Lotte", "Ruben", "Zofia", "Anouk",
];
const LAST: &[&str] = &[
    "Vole",
    "Brevik",
    "Salo",
    "Tamm",
    "Baptiste",
    "Alder",
    "Holt",
    "Lindqvist",
    "Haddad",
    "Verhoef",
    "Kallio",
    "Moreau",
    "Petrescu",
    "Horvat",
    "Achterberg",
    "Farahani",
    "Jansen",
    "Ostrowska",
    "Novak",
    "Dijkstra",
];
const ROLES: &[&str] = &[
    "an engineer at the Lantern Policy Institute",
    "a fisherman",
    "the town's lawyer",
    "a former mayor",
    "a spokeswoman for the council",
    "an economist",
    "a councillor on the outer island",
];

/// A tiny deterministic generator (no dependency, same text every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % bound
    }

    fn words(&mut self, count: usize) -> String {
        let mut out = String::new();
        for i in 0..count {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(WORDS[self.next(WORDS.len())]);
        }
        let mut chars = out.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }

    fn person(&mut self) -> (String, &'static str) {
        let name = format!("{} {}", FIRST[self.next(FIRST.len())], LAST[self.next(LAST.len())]);
        (name, ROLES[self.next(ROLES.len())])
    }
}

/// Article `index` as Markdown with front matter: about 900 words in 24
/// paragraphs, four sections, a dozen attributed quotes by four people.
fn article(index: usize) -> String {
    let mut rng = Lcg(index as u64 * 7919 + 1);
    let people: Vec<(String, &str)> = (0..4).map(|_| rng.person()).collect();
    let mut out = format!(
        "---\ntitle: {} {index}\nauthor: {}\ndate: 2025-{:02}-{:02}\n---\n\n",
        rng.words(6),
        rng.person().0,
        rng.next(12) + 1,
        rng.next(28) + 1
    );
    for paragraph in 0..24 {
        if paragraph % 6 == 5 {
            out.push_str(&format!("## {}\n\n", rng.words(4)));
        }
        let (name, role) = &people[rng.next(people.len())];
        let surname = name.rsplit(' ').next().unwrap_or(name);
        let (a, b, c) = (rng.words(12), rng.words(9), rng.words(14));
        match paragraph % 3 {
            0 => out.push_str(&format!("{a}. \"{b},\" said {name}, {role}. {c}.\n\n")),
            1 => out.push_str(&format!("{a}. {surname} added: \"{b}.\" {c}.\n\n")),
            _ => out.push_str(&format!("{a}, {c}. {}.\n\n", rng.words(10))),
        }
    }
    out
}

fn prepared(index: usize) -> byline::library::Prepared {
    let bytes = article(index).into_bytes();
    let loaded = Loaded::from_bytes(bytes, SourceSpec::File(PathBuf::from(format!("post-{index}.md"))));
    prepare(loaded, None, None, Hints::default()).unwrap_or_else(|e| panic!("article {index}: {e}"))
}

fn bench_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("bench-library")
}

/// The 10,000-article library, built on first use.
fn big_library() -> PathBuf {
    let path = bench_dir().join(format!("library-10000-schema{}.db", schema::LATEST));
    if path.exists() {
        return path;
    }
    let building = path.with_extension("building");
    let _ = std::fs::remove_file(&building);
    let mut library = Library::open(&building).unwrap_or_else(|e| panic!("{e}"));
    for index in 0..10_000 {
        library.save(&prepared(index), &[]).unwrap_or_else(|e| panic!("{e}"));
    }
    drop(library);
    std::fs::rename(&building, &path).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn search(c: &mut Criterion) {
    let library = Library::open(&big_library()).unwrap_or_else(|e| panic!("{e}"));
    let mut group = c.benchmark_group("search/10000");
    let options = SearchOptions { limit: Some(20), snippets: true, ..SearchOptions::default() };
    for (name, query) in [
        ("word", "ferry"),
        ("two_words", "harbor subsidy"),
        ("phrase", "\"border treaty\""),
        ("speaker", "speaker:Haddad"),
        ("speaker_quote", "speaker:Haddad quote:quota"),
        ("word_speaker", "pension speaker:Novak"),
    ] {
        group.bench_function(name, |b| b.iter(|| black_box(library.search(black_box(query), &options))));
    }
    group.bench_function("as_you_type", |b| b.iter(|| black_box(library.search_ids(black_box("harb")))));
    group.finish();
    c.bench_function("list/10000", |b| b.iter(|| black_box(library.list(&ListFilter::default()))));
    // What `byline people` does: every speaker row read, then merged.
    c.bench_function("people/10000", |b| {
        b.iter(|| black_box(library.speakers().map(|rows| byline::library::merge_people(&rows))));
    });
}

/// A folder of 1,000 generated articles, written on first use.
fn import_folder() -> PathBuf {
    let dir = bench_dir().join("import-1000");
    if dir.join("post-0999.md").exists() {
        return dir;
    }
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    for index in 0..1000 {
        std::fs::write(dir.join(format!("post-{index:04}.md")), article(index))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

fn import(c: &mut Criterion) {
    let folder = import_folder();
    let mut group = c.benchmark_group("import");
    group.sample_size(10).measurement_time(Duration::from_mins(1));
    group.bench_function("1000", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
                let start = std::time::Instant::now();
                let mut library =
                    Library::open(&dir.path().join("library.db")).unwrap_or_else(|e| panic!("{e}"));
                let options = Options::default();
                let collection = Collection::open(&SourceSpec::File(folder.clone()), &options.loader)
                    .unwrap_or_else(|e| panic!("{e}"));
                let (reports, fatal) = import::run(&mut library, collection, &options, |_| {});
                total += start.elapsed();
                assert!(fatal.is_none() && reports.len() == 1000);
            }
            total
        });
    });
    group.finish();
}

fn key(c: char) -> Event {
    Event::Input(crossterm::event::Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
}

/// The library screen as `byline` opens it: the summaries read, the app
/// made, the first frame drawn (into a test backend at 160x48).
fn screen(c: &mut Criterion) {
    let path = big_library();
    let keymap = Keymap::defaults().unwrap_or_else(|e| panic!("{e}"));
    let open = || {
        let entries = Library::open(&path)
            .and_then(|l| l.list(&ListFilter::default()))
            .unwrap_or_else(|e| panic!("{e}"));
        let mut app = App::new(
            Article::default(),
            LoadState::Ready,
            keymap.clone(),
            Theme::dark256(),
            Settings::default(),
        );
        app.shelf = Some(Shelf::new(entries));
        let mut screen = Screen::test(160, 48).unwrap_or_else(|e| panic!("{e}"));
        let mut jobs = Jobs::inline(Tools::default());
        byline::tui::run_loop(&mut app, &mut screen, &mut VecDeque::new(), &mut jobs, false)
            .unwrap_or_else(|e| panic!("{e}"));
        (app, screen, jobs)
    };
    let mut group = c.benchmark_group("screen/10000");
    group.bench_function("first_paint", |b| b.iter(|| black_box(open())));
    let (mut app, mut screen, mut jobs) = open();
    group.bench_function("key_j", |b| {
        b.iter(|| {
            let mut events: VecDeque<Event> = VecDeque::from([key('j')]);
            byline::tui::run_loop(&mut app, &mut screen, &mut events, &mut jobs, false)
                .unwrap_or_else(|e| panic!("{e}"));
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(5));
    targets = search, screen, import
}
criterion_main!(benches);
