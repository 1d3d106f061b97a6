//! Throughput of parse + extract + analyse (`pipeline::build`) over the dev
//! pages of the article-extraction corpus, in MB/s of HTML.
//!
//! The pages are read at run time from
//! `${BYLINE_SHARED:-../shared}/corpus/extraction/dev` (never copied into the
//! repository); the bench says so and does nothing when they are missing.

use std::path::PathBuf;

use byline::pipeline;
use byline::source::{Loaded, SourceSpec};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn dev_pages() -> Vec<(PathBuf, Vec<u8>)> {
    let shared = std::env::var_os("BYLINE_SHARED").map_or_else(|| PathBuf::from("../shared"), PathBuf::from);
    let dir = shared.join("corpus/extraction/dev");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("extract bench: no corpus at {}, skipped", dir.display());
        return Vec::new();
    };
    let mut pages: Vec<(PathBuf, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
        .filter_map(|path| std::fs::read(&path).ok().map(|bytes| (path, bytes)))
        .collect();
    pages.sort();
    pages
}

fn bench_extract(c: &mut Criterion) {
    let pages = dev_pages();
    if pages.is_empty() {
        return;
    }
    let loaded: Vec<Loaded> =
        pages.into_iter().map(|(path, bytes)| Loaded::from_bytes(bytes, SourceSpec::File(path))).collect();
    let total_bytes: usize = loaded.iter().map(|l| l.bytes.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::BytesDecimal(total_bytes as u64));
    group.sample_size(10);
    group.bench_function("dev_pages_build", |b| {
        b.iter(|| {
            for page in &loaded {
                let article = pipeline::build(page, None);
                std::hint::black_box(&article);
            }
        });
    });
    // For comparison: the parse alone (html5ever into our arena) on the same
    // pages, decoded, scripts emptied and nesting capped as the pipeline does.
    let texts: Vec<String> = loaded.iter().map(|l| String::from_utf8_lossy(&l.bytes).into_owned()).collect();
    group.bench_function("dev_pages_parse_only", |b| {
        b.iter(|| {
            for text in &texts {
                std::hint::black_box(byline::extract::html::parse(text));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
