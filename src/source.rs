//! Sources: where an article's bytes come from (a file, stdin, later a URL),
//! turned into a [`Loaded`] value. No knowledge of HTML or text here.

mod file;
mod stdin;

use std::io::Read;
use std::path::PathBuf;

use crate::error::{Error, Result};

/// Default cap on input size: larger inputs are refused, not truncated.
pub const DEFAULT_MAX_INPUT_MB: u64 = 64;

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
}

impl Loaded {
    /// Wraps bytes that are already in memory (tests, benchmarks, fuzzing).
    #[must_use]
    pub fn from_bytes(bytes: Vec<u8>, spec: SourceSpec) -> Self {
        Self { bytes, spec, content_type: None, url: None }
    }

    /// The file name's extension in lower case, if the source is a file.
    #[must_use]
    pub fn extension(&self) -> Option<String> {
        match &self.spec {
            SourceSpec::File(path) => path.extension().map(|ext| ext.to_string_lossy().to_ascii_lowercase()),
            _ => None,
        }
    }
}

/// Reads the source fully, refusing more than `limits.max_input_bytes`.
pub fn load(spec: &SourceSpec, limits: LoadLimits) -> Result<Loaded> {
    let bytes = match spec {
        SourceSpec::File(path) => file::read(path, limits)?,
        SourceSpec::Stdin => stdin::read(limits)?,
        SourceSpec::Url(url) => return Err(Error::UrlUnsupported { url: url.clone() }),
    };
    Ok(Loaded::from_bytes(bytes, spec.clone()))
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
    fn url_is_not_supported_yet() {
        let err = load(&SourceSpec::parse("https://example.org/"), LoadLimits::default()).unwrap_err();
        assert!(err.to_string().contains("not supported yet"));
    }
}
