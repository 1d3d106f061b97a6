//! `byline import` and `byline reextract`: many items, each in its own
//! transaction, with a progress line on stderr (a count and a rate, shown
//! when the work runs longer than a second and stderr is a terminal), a
//! summary line at the end, and with `--json` a report of every item.
//!
//! Exit status: 0 when nothing failed, 1 when some items failed (the rest
//! are in), 2 when the source could not be read or the library written.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::library::{Context, print_json};
use super::{EXIT_ERROR, EXIT_NO_ARTICLE, EXIT_OK};
use crate::error::Error;
use crate::import::{self, Collection, ItemReport, Options, Status};
use crate::library;
use crate::source::SourceSpec;

/// The progress line appears once the work has run this long.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

/// And is redrawn at most this often (over SSH every byte counts).
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// The progress line on stderr.
#[derive(Debug)]
pub struct Progress {
    verb: &'static str,
    start: Instant,
    drawn: Option<Instant>,
    total: Option<usize>,
    done: usize,
    failed: usize,
    terminal: bool,
}

impl Progress {
    /// A progress line for `total` items (when known), drawn only when
    /// stderr is a terminal.
    #[must_use]
    pub fn new(verb: &'static str, total: Option<usize>) -> Self {
        Self {
            verb,
            start: Instant::now(),
            drawn: None,
            total,
            done: 0,
            failed: 0,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// Counts one item and redraws when it is time.
    pub fn step(&mut self, failed: bool) {
        self.done += 1;
        self.failed += usize::from(failed);
        let now = Instant::now();
        if self.terminal && due(self.start, self.drawn, now) {
            self.drawn = Some(now);
            let line = line(self.verb, self.done, self.total, self.failed, now - self.start);
            let _ = write!(std::io::stderr().lock(), "\r{line}  ");
        }
    }

    /// Clears the line, if it was drawn.
    pub fn finish(&self) {
        if self.drawn.is_some() {
            let width =
                line(self.verb, self.done, self.total, self.failed, self.start.elapsed()).chars().count() + 2;
            let _ = write!(std::io::stderr().lock(), "\r{}\r", " ".repeat(width));
        }
    }

    /// Time since the start.
    #[must_use]
    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }
}

/// Whether to draw at `now`: after the first second, then every 100 ms.
fn due(start: Instant, drawn: Option<Instant>, now: Instant) -> bool {
    now.duration_since(start) >= PROGRESS_AFTER
        && drawn.is_none_or(|at| now.duration_since(at) >= PROGRESS_EVERY)
}

/// "importing 340/1000 · 85/s · 3 failed".
fn line(verb: &str, done: usize, total: Option<usize>, failed: usize, elapsed: Duration) -> String {
    let count = match total {
        Some(total) => format!("{done}/{total}"),
        None => done.to_string(),
    };
    let rate = done as f64 / elapsed.as_secs_f64().max(0.001);
    let mut line = format!("{verb} {count} · {rate:.0}/s");
    if failed > 0 {
        line.push_str(&format!(" · {failed} failed"));
    }
    line
}

/// Panics are caught per item (they fail that item); the default hook
/// would still print each one over the progress line.
fn quietly<T>(work: impl FnOnce() -> T) -> T {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = work();
    std::panic::set_hook(previous);
    result
}

/// `byline import SOURCE`.
pub fn import(ctx: &Context, source: &str, tags: Vec<String>, json: bool) -> anyhow::Result<u8> {
    let spec = SourceSpec::parse(source);
    let collection = Collection::open(&spec, &ctx.tools.loader)?;
    let kind = collection.kind();
    let mut library = ctx.open()?;
    let options = Options { loader: ctx.tools.loader.clone(), forced: ctx.forced, tags };
    let mut progress = Progress::new("importing", collection.len_hint());
    let (reports, fatal) = quietly(|| {
        import::run(&mut library, collection, &options, |report| {
            progress.step(report.status == Status::Failed);
            if !json && report.status == Status::Failed {
                progress.finish();
                let reason = report.reason.as_deref().unwrap_or("failed");
                super::report(&anyhow::anyhow!("{}: {reason}", report.name));
            }
        })
    });
    progress.finish();
    let summary = summarize(&reports);
    let line = format!(
        "imported {} from {kind} {}: {} ({:.1} s)",
        count_of(&summary, &[Status::Added, Status::Updated, Status::Unchanged]),
        spec.display_name(),
        summary_words(&summary),
        progress.elapsed().as_secs_f64()
    );
    let _ = writeln!(std::io::stderr().lock(), "{}", crate::model::sanitize::clean(&line));
    if json {
        print_json(&ImportJson {
            source: spec.display_name(),
            kind,
            counts: &summary,
            items: reports.iter().map(ItemJson::from).collect(),
        })?;
    }
    if let Some(error) = fatal {
        return Err(error.into());
    }
    Ok(if summary.iter().any(|(status, n)| *status == Status::Failed && *n > 0) {
        EXIT_NO_ARTICLE
    } else {
        EXIT_OK
    })
}

/// `byline reextract [ID…] [--all]`.
pub fn reextract(ctx: &Context, ids: &[i64], all: bool, json: bool) -> anyhow::Result<u8> {
    let mut library = ctx.open()?;
    let ids = if ids.is_empty() { library.stale(all)? } else { ids.to_vec() };
    let mut progress = Progress::new("re-extracting", Some(ids.len()));
    let mut reports = Vec::with_capacity(ids.len());
    let mut code = EXIT_OK;
    for id in ids {
        let result = quietly(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<ItemReport, Error> {
                let (bytes, recipe, source) = library.original(id)?;
                let (article, _) = library::rebuild(bytes, &recipe, &source)?;
                library.replace(id, &article, &recipe)?;
                let summary = library.summary(id)?;
                Ok(ItemReport {
                    name: source,
                    status: Status::Updated,
                    id: Some(id),
                    title: summary.title,
                    url: summary.url,
                    reason: None,
                })
            }))
        });
        let report = match result {
            Ok(Ok(report)) => report,
            Ok(Err(error @ Error::Library { .. })) => {
                progress.finish();
                return Err(error.into());
            }
            Ok(Err(error)) => failed(id, error.to_string()),
            Err(_) => failed(id, "internal error while extracting".to_owned()),
        };
        progress.step(report.status == Status::Failed);
        if report.status == Status::Failed {
            code = if matches!(library.summary(id), Err(Error::NotInLibrary { .. })) {
                EXIT_ERROR
            } else {
                EXIT_NO_ARTICLE
            };
            if !json {
                progress.finish();
                super::report(&anyhow::anyhow!(
                    "article {id}: {}",
                    report.reason.as_deref().unwrap_or("failed")
                ));
            }
        }
        reports.push(report);
    }
    progress.finish();
    let summary = summarize(&reports);
    let _ = writeln!(
        std::io::stderr().lock(),
        "re-extracted {} ({:.1} s)",
        summary_words(&summary),
        progress.elapsed().as_secs_f64()
    );
    if json {
        print_json(&reports.iter().map(ItemJson::from).collect::<Vec<_>>())?;
    }
    Ok(code)
}

fn failed(id: i64, reason: String) -> ItemReport {
    ItemReport {
        name: format!("article {id}"),
        status: Status::Failed,
        id: Some(id),
        title: None,
        url: None,
        reason: Some(reason),
    }
}

const STATUSES: [Status; 5] =
    [Status::Added, Status::Updated, Status::Unchanged, Status::Skipped, Status::Failed];

fn summarize(reports: &[ItemReport]) -> Vec<(Status, usize)> {
    STATUSES.iter().map(|status| (*status, reports.iter().filter(|r| r.status == *status).count())).collect()
}

fn count_of(summary: &[(Status, usize)], statuses: &[Status]) -> usize {
    summary.iter().filter(|(status, _)| statuses.contains(status)).map(|(_, n)| n).sum()
}

/// "3 added, 1 failed" (the counts that are not zero), or "nothing".
fn summary_words(summary: &[(Status, usize)]) -> String {
    let words: Vec<String> =
        summary.iter().filter(|(_, n)| *n > 0).map(|(status, n)| format!("{n} {}", status.name())).collect();
    if words.is_empty() { "nothing".to_owned() } else { words.join(", ") }
}

/// `import --json`.
#[derive(Serialize)]
struct ImportJson<'a> {
    source: String,
    kind: &'static str,
    #[serde(serialize_with = "counts")]
    counts: &'a [(Status, usize)],
    items: Vec<ItemJson<'a>>,
}

fn counts<S: serde::Serializer>(summary: &&[(Status, usize)], serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(summary.len()))?;
    for (status, count) in *summary {
        map.serialize_entry(status.name(), count)?;
    }
    map.end()
}

/// One item in a `--json` report.
#[derive(Serialize)]
struct ItemJson<'a> {
    item: &'a str,
    status: &'static str,
    id: Option<i64>,
    title: Option<&'a str>,
    url: Option<&'a str>,
    reason: Option<&'a str>,
}

impl<'a> From<&'a ItemReport> for ItemJson<'a> {
    fn from(report: &'a ItemReport) -> Self {
        Self {
            item: &report.name,
            status: report.status.name(),
            id: report.id,
            title: report.title.as_deref(),
            url: report.url.as_deref(),
            reason: report.reason.as_deref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_line_waits_a_second_then_redraws_every_tenth() {
        let start = Instant::now();
        assert!(!due(start, None, start + Duration::from_millis(900)));
        assert!(due(start, None, start + Duration::from_secs(1)));
        let drawn = Some(start + Duration::from_secs(1));
        assert!(!due(start, drawn, start + Duration::from_millis(1050)));
        assert!(due(start, drawn, start + Duration::from_millis(1100)));
    }

    #[test]
    fn the_progress_line_counts_and_rates() {
        assert_eq!(
            line("importing", 340, Some(1000), 3, Duration::from_secs(4)),
            "importing 340/1000 · 85/s · 3 failed"
        );
        assert_eq!(line("importing", 12, None, 0, Duration::from_secs(2)), "importing 12 · 6/s");
    }

    #[test]
    fn summaries_name_what_happened() {
        let summary = vec![(Status::Added, 3), (Status::Updated, 0), (Status::Failed, 1)];
        assert_eq!(summary_words(&summary), "3 added, 1 failed");
        assert_eq!(summary_words(&[]), "nothing");
    }
}
