//! Analysis speed on a generated article of about 5 MB, and on one twice that
//! size: the two medians should differ by about a factor of two (analysis is
//! linear in the article's length).
//!
//! The article is invented here from a fixed seed: paragraphs of prose with
//! attributed quotes in every common shape (said X, X said, pronouns,
//! continuations, colons, joint speakers, organisations, scare quotes), and a
//! heading every twenty paragraphs.

use std::hint::black_box;
use std::time::Duration;

use byline::analysis::analyze;
use byline::model::{Block, BlockKind, Document, Metadata};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// Bytes of the smaller article.
const BASE_BYTES: usize = 5_000_000;

const WORDS: &[&str] = &[
    "harbor", "council", "budget", "vote", "plan", "river", "bridge", "tax", "school", "clinic", "market",
    "season", "storm", "report", "ruling", "court", "deal", "talks", "wall", "road", "would", "could",
    "never", "again", "today", "quickly", "with", "under", "after", "before", "the", "a", "their", "every",
    "more", "less", "new", "old", "local", "national",
];
const PEOPLE: &[(&str, &str, &str)] = &[
    ("Ada Vole", "she", "an engineer at the Lantern Policy Institute"),
    ("Tomas Brevik", "he", "a fisherman"),
    ("Ingrid Salo", "she", "the town's lawyer"),
    ("Rufus Tamm", "he", "a former mayor"),
    ("Noor Baptiste", "she", "a spokeswoman for the council"),
    ("Kim Alder", "he", "an economist"),
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
}

fn paragraph(rng: &mut Lcg, index: usize) -> String {
    let (name, pronoun, description) = PEOPLE[rng.next(PEOPLE.len())];
    let surname = name.rsplit(' ').next().unwrap_or(name);
    let (a, b, c) = (rng.words(9), rng.words(7), rng.words(12));
    match index % 7 {
        0 => format!("“{a},” said {name}, {description}. “{b}.” {c}."),
        1 => format!("{c} {name} said: “{a}.” {pronoun} added that the {b} was “{}.”", rng.words(5)),
        2 => format!("“{a},” {pronoun} said. {c}, and the so-called “{}” plan stalled.", rng.words(2)),
        3 => format!("{surname} and Kim Alder wrote in a letter that “{a}.” “{b},” they continued."),
        4 => format!("According to the Lantern Policy Institute, “{a}.” {c}. The institute said “{b}.”"),
        5 => format!("“{a}. {b}."),
        _ => format!("“{c},” {surname} said. “{a}.” {b}."),
    }
}

/// An article of about `bytes` bytes.
fn article(bytes: usize) -> Document {
    let mut rng = Lcg(7);
    let mut blocks = Vec::new();
    let mut size = 0;
    let mut index = 0;
    while size < bytes {
        if index % 20 == 0 {
            blocks.push(Block::new(BlockKind::Heading { level: 2 }, &rng.words(4)));
        }
        let text = paragraph(&mut rng, index);
        size += text.len();
        blocks.push(Block::new(BlockKind::Paragraph, &text));
        index += 1;
    }
    Document::new(Metadata::default(), blocks)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10).measurement_time(Duration::from_secs(20)).warm_up_time(Duration::from_secs(2));
    for factor in [1, 2] {
        let doc = article(BASE_BYTES * factor);
        group.throughput(Throughput::Bytes((BASE_BYTES * factor) as u64));
        group.bench_with_input(BenchmarkId::new("analyze", format!("{factor}x")), &doc, |b, doc| {
            b.iter(|| analyze(black_box(doc)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
