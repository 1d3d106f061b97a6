//! Where byline's log goes: a file in the XDG state directory
//! (`~/.local/state/byline/byline.log`), never the screen, so that a bug
//! report can carry it while the reader owns the terminal. The level comes
//! from `--log-level`, else `BYLINE_LOG` (a level, or `target=level` pairs
//! such as `byline::source=debug`), else warnings only. The file is opened
//! on the first line written, so a run that logs nothing creates nothing; it
//! is started afresh (the old one kept as `byline.log.1`) past
//! [`MAX_LOG_BYTES`].
//!
//! Fetches, imports and extraction decisions are logged at `debug`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use tracing_subscriber::Layer as _;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::error::{Error, Result};

/// The environment variable naming the log level.
pub const LOG_ENV: &str = "BYLINE_LOG";

/// Size past which the log starts afresh.
pub const MAX_LOG_BYTES: u64 = 10 * 1024 * 1024;

/// The levels `--log-level` takes.
pub const LEVELS: [&str; 6] = ["off", "error", "warn", "info", "debug", "trace"];

/// The log file: `$XDG_STATE_HOME/byline/byline.log` (the cache directory
/// where there is no state directory, as on macOS).
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    let dir = strategy.state_dir().unwrap_or_else(|| strategy.cache_dir());
    Some(dir.join("byline").join("byline.log"))
}

/// Parses a level or `target=level` list.
///
/// # Errors
///
/// A message naming what was given and the levels there are.
pub fn parse_filter(text: &str) -> std::result::Result<Targets, String> {
    let text = text.trim();
    if LEVELS.contains(&text.to_ascii_lowercase().as_str()) {
        let level = tracing_subscriber::filter::LevelFilter::from_str(text).map_err(|e| e.to_string())?;
        return Ok(Targets::new().with_default(level));
    }
    let refused =
        || format!("`{text}` is not a log level (one of {}, or target=level pairs)", LEVELS.join(", "));
    // A bare word would be taken for a target with every level on: only
    // `target=level` pairs and levels are accepted.
    let pairs_only = text.split(',').all(|part| {
        let part = part.trim();
        part.contains('=') || LEVELS.contains(&part.to_ascii_lowercase().as_str())
    });
    if !pairs_only {
        return Err(refused());
    }
    Targets::from_str(text).map_err(|_| refused())
}

/// Starts logging to `path` with `filter` (from `--log-level`, else
/// `BYLINE_LOG`, else `warn`); nothing is written until something is
/// logged.
///
/// # Errors
///
/// An invalid `BYLINE_LOG`, named as such.
pub fn init(flag: Option<&str>, path: Option<PathBuf>) -> Result<()> {
    let env = std::env::var(LOG_ENV).ok().filter(|v| !v.trim().is_empty());
    let filter = match (flag, env.as_deref()) {
        (Some(level), _) => parse_filter(level),
        (None, Some(env)) => parse_filter(env).map_err(|e| format!("{LOG_ENV}: {e}")),
        (None, None) => parse_filter("warn"),
    }
    .map_err(|message| Error::Config { path: PathBuf::from(LOG_ENV), message })?;
    let Some(path) = path else { return Ok(()) };
    let writer = LazyFile { path: Arc::from(path.as_path()), file: Arc::new(Mutex::new(None)) };
    let layer = tracing_subscriber::fmt::layer().with_writer(writer).with_ansi(false).with_target(true);
    // A second init (tests) keeps the first subscriber.
    let _ = tracing_subscriber::registry().with(layer.with_filter(filter)).try_init();
    Ok(())
}

/// The log file, opened (and its directory made) on the first write.
#[derive(Clone)]
struct LazyFile {
    path: Arc<Path>,
    file: Arc<Mutex<Option<std::fs::File>>>,
}

/// One write to the log; a failure to log is never an error of byline's.
struct LogLine {
    target: LazyFile,
}

impl Write for LogLine {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let Ok(mut file) = self.target.file.lock() else { return Ok(bytes.len()) };
        if file.is_none() {
            *file = open(&self.target.path).ok();
        }
        if let Some(file) = file.as_mut() {
            let _ = file.write_all(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for LazyFile {
    type Writer = LogLine;

    fn make_writer(&'a self) -> Self::Writer {
        LogLine { target: self.clone() }
    }
}

fn open(path: &Path) -> std::io::Result<std::fs::File> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_LOG_BYTES) {
        let mut old = path.as_os_str().to_owned();
        old.push(".1");
        let _ = std::fs::rename(path, old);
    }
    std::fs::OpenOptions::new().create(true).append(true).open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_targets_parse_and_mistakes_name_the_choices() {
        assert!(parse_filter("debug").is_ok());
        assert!(parse_filter("WARN").is_ok());
        assert!(parse_filter("byline::source=debug,warn").is_ok());
        assert!(parse_filter("byline").is_err(), "a bare target is a mistake, not every level");
        let message = parse_filter("loud").unwrap_err();
        assert!(
            message.contains("`loud`") && message.contains("off, error, warn, info, debug, trace"),
            "{message}"
        );
    }

    #[test]
    fn the_file_is_made_on_the_first_line_only() {
        let dir = tempfile_dir("lazy");
        let path = dir.join("sub").join("byline.log");
        let file = LazyFile { path: Arc::from(path.as_path()), file: Arc::new(Mutex::new(None)) };
        let writer = file.make_writer();
        drop(writer);
        assert!(!path.exists(), "nothing logged, nothing made");
        file.make_writer().write_all(b"one line\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one line\n");
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn tempfile_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("byline-log-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }
}
