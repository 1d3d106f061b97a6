//! Sources: where an article's bytes come from (a file, stdin, a URL),
//! turned into a [`Loaded`] value. No knowledge of HTML or text here.
//!
//! A [`Loader`] holds what loading needs beyond the source itself: the
//! size limit, the fetch settings (timeouts, redirects, body size,
//! offline), the HTTP client (made once, on the first fetch), the pages
//! saved for good ([`SavedPages`]: the library) and the folder of offline
//! copies ([`PageCache`]).
//!
//! One story for a URL: a page saved in the library is read from there,
//! online or not (`byline save URL` again fetches it afresh,
//! [`Loader::load_fresh`]); any other page comes from the network and a copy
//! is kept in the cache, which the library takes over when the page is
//! saved. With `--offline`, or when the network fails, the library's copy
//! and then the cache's are opened instead, and [`Loaded::note`] says so.

pub mod cache;
mod file;
pub mod http;
mod stdin;

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use crate::error::{Error, Result};
use cache::PageCache;

/// Default cap on input size: larger inputs are refused, not truncated.
pub const DEFAULT_MAX_INPUT_MB: u64 = 64;

/// Default time allowed to connect to a server, in seconds.
pub const DEFAULT_CONNECT_TIMEOUT_SECS: f64 = 10.0;
/// Default time allowed for a whole request, body included, in seconds.
pub const DEFAULT_TIMEOUT_SECS: f64 = 30.0;
/// Default number of redirects followed.
pub const DEFAULT_MAX_REDIRECTS: usize = 10;
/// Default cap on a fetched body after decompression, in megabytes.
pub const DEFAULT_MAX_DOWNLOAD_MB: u64 = 20;

/// Media types an article can be served as.
pub const ARTICLE_TYPES: &[&str] =
    &["text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"];

/// What the user asked to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceSpec {
    /// A file path.
    File(PathBuf),
    /// Standard input (`-`, or piped with no argument).
    Stdin,
    /// An `http(s)://` URL.
    Url(String),
}

impl SourceSpec {
    /// Interprets a command-line argument: `-` is stdin, `http://`/`https://`
    /// (any case) a URL, anything else a path.
    #[must_use]
    pub fn parse(arg: &str) -> Self {
        let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
        if arg == "-" {
            Self::Stdin
        } else if lower.starts_with("http://") || lower.starts_with("https://") {
            Self::Url(arg.to_owned())
        } else {
            Self::File(PathBuf::from(arg))
        }
    }

    /// How messages name this source.
    #[must_use]
    pub fn display_name(&self) -> String {
        match self {
            Self::File(path) => path.display().to_string(),
            Self::Stdin => "stdin".to_owned(),
            Self::Url(url) => url.clone(),
        }
    }
}

/// Limits that apply while loading.
#[derive(Debug, Clone, Copy)]
pub struct LoadLimits {
    /// Largest accepted input, in bytes.
    pub max_input_bytes: u64,
}

impl Default for LoadLimits {
    fn default() -> Self {
        Self { max_input_bytes: DEFAULT_MAX_INPUT_MB * 1_000_000 }
    }
}

/// How pages are fetched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FetchSettings {
    /// Time allowed to connect.
    pub connect_timeout: Duration,
    /// Time allowed for the whole request, body included.
    pub timeout: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Largest body accepted, after decompression.
    pub max_body_bytes: u64,
    /// Never touch the network: open kept copies only.
    pub offline: bool,
}

impl Default for FetchSettings {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs_f64(DEFAULT_CONNECT_TIMEOUT_SECS),
            timeout: Duration::from_secs_f64(DEFAULT_TIMEOUT_SECS),
            max_redirects: DEFAULT_MAX_REDIRECTS,
            max_body_bytes: DEFAULT_MAX_DOWNLOAD_MB * 1_000_000,
            offline: false,
        }
    }
}

/// Watching a fetch from another thread: a flag that cancels it, and a
/// callback told how many bytes have arrived.
pub struct Watch<'a> {
    /// Set to cancel; checked between reads.
    pub cancel: &'a AtomicBool,
    /// Called with the number of body bytes read so far.
    pub progress: &'a mut dyn FnMut(u64),
}

/// The raw bytes of a source with what is known about them.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The bytes, exactly as read.
    pub bytes: Vec<u8>,
    /// Where they came from.
    pub spec: SourceSpec,
    /// A media type declared by the transport (HTTP `Content-Type`), if any.
    pub content_type: Option<String>,
    /// The URL the bytes were finally fetched from, for resolving links.
    pub url: Option<String>,
    /// Something the user should know about where the bytes came from
    /// (an offline copy opened instead of the network, and why).
    pub note: Option<String>,
}

impl Loaded {
    /// Wraps bytes that are already in memory (tests, benchmarks, fuzzing).
    #[must_use]
    pub fn from_bytes(bytes: Vec<u8>, spec: SourceSpec) -> Self {
        Self { bytes, spec, content_type: None, url: None, note: None }
    }

    /// The extension of the file's name, or of the URL's last path
    /// segment, in lower case.
    #[must_use]
    pub fn extension(&self) -> Option<String> {
        match &self.spec {
            SourceSpec::File(path) => path.extension().map(|ext| ext.to_string_lossy().to_ascii_lowercase()),
            SourceSpec::Url(_) => {
                let url = url::Url::parse(self.url.as_deref()?).ok()?;
                let last = url.path_segments()?.next_back()?;
                let (_, ext) = last.rsplit_once('.')?;
                Some(ext.to_ascii_lowercase())
            }
            SourceSpec::Stdin => None,
        }
    }
}

/// Pages kept for good, looked up by URL before the network and the cache:
/// the library implements it (this module knows no database).
pub trait SavedPages: Send + Sync + std::fmt::Debug {
    /// The saved copy of `url` (as asked for, or the article's own URL),
    /// if there is one; `fetched_at` is when it was saved.
    fn saved_page(&self, url: &str) -> Option<cache::Kept>;
}

/// Everything loading needs besides the source: limits, fetch settings,
/// the HTTP client, the saved pages and the offline copies. Made once and shared (the
/// reader loads linked pages with the same one).
#[derive(Debug, Default)]
pub struct Loader {
    /// The size limit for files and stdin.
    pub limits: LoadLimits,
    /// How pages are fetched.
    pub fetch: FetchSettings,
    /// Where fetched pages are kept (none: nothing is kept).
    pub cache: Option<PageCache>,
    /// Pages saved for good (the library), read before fetching.
    pub saved: Option<Arc<dyn SavedPages>>,
    http: http::Http,
}

impl Loader {
    /// A loader with these settings and the default folder of offline
    /// copies.
    #[must_use]
    pub fn new(limits: LoadLimits, fetch: FetchSettings) -> Self {
        Self { limits, fetch, cache: PageCache::default_location(), saved: None, http: http::Http::default() }
    }

    /// This loader, reading saved pages from `saved` first.
    #[must_use]
    pub fn with_saved(mut self, saved: Arc<dyn SavedPages>) -> Self {
        self.saved = Some(saved);
        self
    }

    /// Reads the source fully, a URL from the network even when it is
    /// saved (to save it afresh); offline, or when the network fails, the
    /// kept copies still answer.
    pub fn load_fresh(&self, spec: &SourceSpec) -> Result<Loaded> {
        match spec {
            SourceSpec::Url(url) => self.fetch_url(spec, url, ARTICLE_TYPES, None, false),
            _ => self.load(spec),
        }
    }

    /// Drops the cache's copy of `url`: the library holds it now.
    pub fn forget_cached(&self, url: &str) {
        if let Some(cache) = &self.cache
            && let Err(error) = cache.forget(url)
        {
            tracing::warn!(url, dir = %cache.dir().display(), %error, "could not drop an offline copy");
        }
    }

    /// Reads the source fully.
    pub fn load(&self, spec: &SourceSpec) -> Result<Loaded> {
        self.load_watched(spec, ARTICLE_TYPES, None)
    }

    /// Reads the source fully, accepting these media types from a server,
    /// with a watch on a fetch when given.
    pub fn load_watched(
        &self,
        spec: &SourceSpec,
        accepted: &[&str],
        watch: Option<&mut Watch>,
    ) -> Result<Loaded> {
        let bytes = match spec {
            SourceSpec::File(path) => file::read(path, self.limits)?,
            SourceSpec::Stdin => stdin::read(self.limits)?,
            SourceSpec::Url(url) => return self.fetch_url(spec, url, accepted, watch, true),
        };
        Ok(Loaded::from_bytes(bytes, spec.clone()))
    }

    fn fetch_url(
        &self,
        spec: &SourceSpec,
        url: &str,
        accepted: &[&str],
        watch: Option<&mut Watch>,
        saved_first: bool,
    ) -> Result<Loaded> {
        let failed = |cause: String| Error::Fetch { url: url.to_owned(), cause };
        let saved = || self.saved.as_ref().and_then(|saved| saved.saved_page(url));
        if saved_first && let Some(kept) = saved() {
            tracing::debug!(url, "read from the library");
            return Ok(from_saved(spec, kept, None));
        }
        if self.fetch.offline {
            if let Some(kept) = saved() {
                return Ok(from_saved(spec, kept, None));
            }
            let kept = self.cache.as_ref().and_then(|cache| cache.get(url));
            return kept.map(|kept| from_kept(spec, kept, None)).ok_or_else(|| {
                failed(
                    "no offline copy: it was never opened or saved here (drop --offline to fetch it)"
                        .to_owned(),
                )
            });
        }
        let started = std::time::Instant::now();
        match self.http.fetch(url, &self.fetch, accepted, watch) {
            Ok(fetched) => {
                tracing::debug!(
                    url,
                    final_url = %fetched.final_url,
                    content_type = fetched.content_type.as_deref().unwrap_or(""),
                    bytes = fetched.bytes.len(),
                    ms = started.elapsed().as_secs_f64() * 1e3,
                    "fetched"
                );
                if let Some(cache) = &self.cache
                    && let Err(error) =
                        cache.put(url, &fetched.final_url, fetched.content_type.as_deref(), &fetched.bytes)
                {
                    // Keeping a copy is best effort: the page is here anyway.
                    tracing::warn!(url, dir = %cache.dir().display(), %error, "could not keep an offline copy");
                }
                Ok(Loaded {
                    bytes: fetched.bytes,
                    spec: spec.clone(),
                    content_type: fetched.content_type,
                    url: Some(fetched.final_url),
                    note: None,
                })
            }
            Err(http::FetchError { cause, retry_offline }) => {
                tracing::debug!(url, cause = %cause, ms = started.elapsed().as_secs_f64() * 1e3, "fetch failed");
                if !retry_offline {
                    return Err(failed(cause));
                }
                if let Some(kept) = saved() {
                    return Ok(from_saved(spec, kept, Some(&cause)));
                }
                match self.cache.as_ref().and_then(|c| c.get(url)) {
                    Some(kept) => Ok(from_kept(spec, kept, Some(&cause))),
                    None => Err(failed(cause)),
                }
            }
        }
    }
}

fn from_saved(spec: &SourceSpec, kept: cache::Kept, failure: Option<&str>) -> Loaded {
    let day = civil_date(kept.fetched_at);
    let note = match failure {
        Some(cause) => format!("{cause}; showing the copy saved in your library on {day}"),
        None => format!("from your library: the copy saved on {day} (byline save URL refreshes it)"),
    };
    Loaded { note: Some(note), ..from_kept(spec, kept, None) }
}

fn from_kept(spec: &SourceSpec, kept: cache::Kept, failure: Option<&str>) -> Loaded {
    let day = civil_date(kept.fetched_at);
    let note = match failure {
        Some(cause) => format!("{cause}; showing the copy kept on {day}"),
        None => format!("offline: the copy kept on {day}"),
    };
    Loaded {
        bytes: kept.bytes,
        spec: spec.clone(),
        content_type: kept.content_type,
        url: Some(kept.final_url),
        note: Some(note),
    }
}

/// `YYYY-MM-DD` (UTC) of a Unix time, by the civil-from-days algorithm.
#[must_use]
pub fn civil_date(unix_secs: u64) -> String {
    let days = (unix_secs / 86_400).cast_signed() + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Reads the source fully with default fetch settings and the default
/// folder of offline copies.
pub fn load(spec: &SourceSpec, limits: LoadLimits) -> Result<Loaded> {
    Loader::new(limits, FetchSettings::default()).load(spec)
}

/// Reads at most `limit + 1` bytes so that an oversized input is detected
/// without reading all of it. `expected` is the size when known: reserving
/// it up front saves growing (and over-allocating) the buffer.
fn read_capped(reader: impl Read, limits: LoadLimits, source_name: &str, expected: u64) -> Result<Vec<u8>> {
    let reserve = expected.min(limits.max_input_bytes).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(reserve).unwrap_or(0));
    reader
        .take(limits.max_input_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|cause| Error::Read { source_name: source_name.to_owned(), cause })?;
    if bytes.len() as u64 > limits.max_input_bytes {
        return Err(Error::TooLarge {
            source_name: source_name.to_owned(),
            limit_mb: limits.max_input_bytes.div_ceil(1_000_000),
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_recognises_stdin_urls_and_paths() {
        assert_eq!(SourceSpec::parse("-"), SourceSpec::Stdin);
        assert_eq!(SourceSpec::parse("HTTPS://x.org/a"), SourceSpec::Url("HTTPS://x.org/a".into()));
        assert_eq!(SourceSpec::parse("http"), SourceSpec::File("http".into()));
        assert_eq!(SourceSpec::parse("a.html"), SourceSpec::File("a.html".into()));
    }

    #[test]
    fn oversized_input_is_refused() {
        let limits = LoadLimits { max_input_bytes: 4 };
        assert!(read_capped(&b"1234"[..], limits, "x", 4).is_ok());
        let err = read_capped(&b"12345"[..], limits, "x", 0).unwrap_err();
        assert!(matches!(err, Error::TooLarge { .. }), "{err}");
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(951_782_400), "2000-02-29");
        assert_eq!(civil_date(1_796_601_600), "2026-12-07");
    }

    #[test]
    fn offline_without_a_copy_names_the_url() {
        let loader = Loader {
            fetch: FetchSettings { offline: true, ..FetchSettings::default() },
            cache: Some(PageCache::at(PathBuf::from("/nonexistent/byline"))),
            ..Loader::default()
        };
        let err = loader.load(&SourceSpec::parse("https://example.org/a")).unwrap_err();
        assert!(err.to_string().starts_with("https://example.org/a: no offline copy"), "{err}");
    }
}
