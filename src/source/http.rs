//! Fetching a page over HTTP(S) with reqwest: the one module that knows it.
//!
//! Every limit is enforced here, before bytes pile up: the connect timeout,
//! a deadline for the whole request (body included: it is the request's own
//! timeout, which reqwest applies until the body ends), the number of
//! redirects with loops refused, the body size *after* decompression (read
//! through a cap, so a gzip bomb stops at the cap instead of inflating), and
//! the media types an article can have. Errors become one line naming the
//! cause; the caller adds the URL.

use std::io::Read;
use std::sync::OnceLock;
use std::sync::atomic::Ordering;
use std::time::Instant;

use reqwest::blocking::{Client, Response};
use reqwest::header::{CONTENT_ENCODING, CONTENT_TYPE};
use reqwest::redirect::Policy;

use super::{FetchSettings, Watch};

/// What a fetch brought back.
#[derive(Debug)]
pub struct Fetched {
    /// The body, decompressed.
    pub bytes: Vec<u8>,
    /// The URL after redirects.
    pub final_url: String,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
}

/// Why a fetch failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    /// One line, without the URL.
    pub cause: String,
    /// Whether a kept copy may stand in: the network or the server failed
    /// (not a cancel, nor a page refused for its size or type).
    pub retry_offline: bool,
}

impl FetchError {
    fn network(cause: impl Into<String>) -> Self {
        Self { cause: cause.into(), retry_offline: true }
    }

    fn refused(cause: impl Into<String>) -> Self {
        Self { cause: cause.into(), retry_offline: false }
    }
}

/// Bytes read per step: small enough that a cancel is seen quickly and the
/// count of bytes arrived moves smoothly.
const CHUNK_BYTES: usize = 16 * 1024;

/// An HTTP client made on first use (building one reads the system's
/// certificates) and reused for every fetch after.
#[derive(Debug, Default)]
pub struct Http {
    client: OnceLock<Result<Client, String>>,
}

impl Http {
    fn client(&self, settings: &FetchSettings) -> Result<&Client, FetchError> {
        self.client
            .get_or_init(|| build_client(settings))
            .as_ref()
            .map_err(|e| FetchError::refused(e.clone()))
    }

    /// Fetches `url`, accepting only `accepted` media types (a response
    /// without a `Content-Type` is accepted and sniffed later).
    pub fn fetch(
        &self,
        url: &str,
        settings: &FetchSettings,
        accepted: &[&str],
        watch: Option<&mut Watch>,
    ) -> Result<Fetched, FetchError> {
        let started = Instant::now();
        let response = self
            .client(settings)?
            .get(url)
            .timeout(settings.timeout)
            .send()
            .map_err(|error| describe(&error, settings, started))?;
        let status = response.status();
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("");
            return Err(FetchError::network(format!("HTTP {} {reason}", status.as_u16()).trim_end()));
        }
        let content_type = header(&response, CONTENT_TYPE);
        if let Some(media) = content_type.as_deref().map(media_type)
            && !accepted.contains(&media.as_str())
        {
            return Err(FetchError::refused(format!("not an article: the server sent {media}")));
        }
        let final_url = response.url().to_string();
        let encoded = response.headers().contains_key(CONTENT_ENCODING);
        // A declared length counts only when it is the decompressed length.
        if !encoded && response.content_length().is_some_and(|len| len > settings.max_body_bytes) {
            return Err(too_large(settings));
        }
        let bytes = read_body(response, settings, started, watch)?;
        Ok(Fetched { bytes, final_url, content_type })
    }
}

#[expect(
    deprecated,
    reason = "ring is the chosen provider (half aws-lc's build, no C toolchain quirks); it lacks only post-quantum key exchange"
)]
fn build_client(settings: &FetchSettings) -> Result<Client, String> {
    // rustls is built without a default crypto provider (ring is lighter
    // than aws-lc); install ring once. A second install fails harmlessly.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let max_redirects = settings.max_redirects;
    let policy = Policy::custom(move |attempt| {
        if attempt.previous().iter().any(|seen| seen == attempt.url()) {
            let message = format!("redirect loop (back to {})", attempt.url());
            attempt.error(message)
        } else if attempt.previous().len() > max_redirects {
            attempt.error(format!("more than {max_redirects} redirects (see --max-redirects)"))
        } else {
            attempt.follow()
        }
    });
    Client::builder()
        .user_agent(concat!("byline/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(settings.connect_timeout)
        .timeout(settings.timeout)
        .redirect(policy)
        .build()
        .map_err(|error| format!("cannot start the HTTP client: {}", root_cause(&error)))
}

/// Reads the body through the size cap, watching for a cancel and the
/// deadline, reporting bytes as they arrive.
fn read_body(
    response: Response,
    settings: &FetchSettings,
    started: Instant,
    mut watch: Option<&mut Watch>,
) -> Result<Vec<u8>, FetchError> {
    let cap = settings.max_body_bytes;
    let mut reader = response.take(cap.saturating_add(1));
    let mut bytes = Vec::new();
    let mut chunk = vec![0; CHUNK_BYTES];
    loop {
        if watch.as_ref().is_some_and(|w| w.cancel.load(Ordering::Relaxed)) {
            return Err(FetchError::refused("cancelled"));
        }
        let read = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(read) => read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(body_error(&error, settings, started)),
        };
        bytes.extend_from_slice(&chunk[..read]);
        if bytes.len() as u64 > cap {
            return Err(too_large(settings));
        }
        if started.elapsed() > settings.timeout {
            return Err(timed_out(settings));
        }
        if let Some(watch) = watch.as_mut() {
            (watch.progress)(bytes.len() as u64);
        }
    }
    Ok(bytes)
}

fn header(response: &Response, name: reqwest::header::HeaderName) -> Option<String> {
    response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

/// The media type of a `Content-Type` value, lower case, without
/// parameters: `text/html; charset=utf-8` → `text/html`.
#[must_use]
pub fn media_type(content_type: &str) -> String {
    content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

fn too_large(settings: &FetchSettings) -> FetchError {
    let mb = settings.max_body_bytes.div_ceil(1_000_000);
    FetchError::refused(format!("the page is larger than the {mb} MB limit (see --max-download-mb)"))
}

fn timed_out(settings: &FetchSettings) -> FetchError {
    FetchError::network(format!("timed out after {} (see --timeout)", seconds(settings.timeout)))
}

fn seconds(duration: std::time::Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs.fract() == 0.0 { format!("{secs:.0} s") } else { format!("{secs} s") }
}

/// One line for a failed request, by kind: the root cause of a reqwest
/// error is often a long chain ("error sending request … client error
/// (Connect) … Connection refused (os error 111)").
fn describe(error: &reqwest::Error, settings: &FetchSettings, started: Instant) -> FetchError {
    if error.is_redirect()
        && let Some(policy) = std::error::Error::source(error)
    {
        return FetchError::refused(policy.to_string());
    }
    if error.is_timeout() {
        if error.is_connect() && started.elapsed() < settings.timeout {
            return FetchError::network(format!(
                "no connection within {} (see --connect-timeout)",
                seconds(settings.connect_timeout)
            ));
        }
        return timed_out(settings);
    }
    if let Some(io) = io_cause(error) {
        match io.kind() {
            std::io::ErrorKind::ConnectionRefused => return FetchError::network("connection refused"),
            std::io::ErrorKind::ConnectionReset => return FetchError::network("connection reset"),
            _ => {}
        }
    }
    let cause = root_cause(error);
    if error.is_dns() || cause.contains("failed to lookup address") || cause.contains("dns error") {
        let host = error.url().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_default();
        return FetchError::network(format!("cannot find the host {host}"));
    }
    if tls_cause(error) {
        return FetchError::network(format!("TLS failed: {cause}"));
    }
    FetchError::network(cause)
}

fn body_error(error: &std::io::Error, settings: &FetchSettings, started: Instant) -> FetchError {
    if error.kind() == std::io::ErrorKind::TimedOut || started.elapsed() >= settings.timeout {
        return timed_out(settings);
    }
    let cause = root_cause(error);
    if cause.to_ascii_lowercase().contains("timed out") {
        return timed_out(settings);
    }
    FetchError::network(format!("the connection broke while reading the page: {cause}"))
}

fn io_cause<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a std::io::Error> {
    let mut next = Some(error);
    while let Some(current) = next {
        if let Some(io) = current.downcast_ref::<std::io::Error>() {
            return Some(io);
        }
        next = current.source();
    }
    None
}

fn tls_cause(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut next = Some(error);
    while let Some(current) = next {
        if current.downcast_ref::<rustls::Error>().is_some() {
            return true;
        }
        next = current.source();
    }
    false
}

/// The innermost error's message: the cause, without the wrappers' words.
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut current = error;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}
