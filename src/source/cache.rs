//! Offline copies of fetched pages: the bytes exactly as fetched and the
//! URL they finally came from, in the XDG cache directory, so that a page
//! once opened reopens without a network (`--offline`, or when the network
//! fails).
//!
//! One body file per final URL and one small record per URL asked for (the
//! address typed and the one redirected to both find the copy). Each file
//! is written to a temporary name and renamed into place, so a reader never
//! sees half a copy. The folder is kept under [`MAX_CACHE_BYTES`] by
//! removing the copies used least recently. Keeping a copy is best effort:
//! a full or read-only disk never fails the fetch itself.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Most bytes of page bodies kept; older copies go first.
pub const MAX_CACHE_BYTES: u64 = 256 * 1024 * 1024;

/// A kept copy of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// The bytes as fetched (after decompression).
    pub bytes: Vec<u8>,
    /// The URL after redirects.
    pub final_url: String,
    /// The `Content-Type` the server sent.
    pub content_type: Option<String>,
    /// When it was fetched, in seconds since the Unix epoch.
    pub fetched_at: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct Record {
    url: String,
    final_url: String,
    content_type: Option<String>,
    fetched_at: u64,
    body: String,
}

/// The folder of kept pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageCache {
    dir: PathBuf,
}

impl PageCache {
    /// The cache in `dir` (created when the first copy is kept).
    #[must_use]
    pub fn at(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// `$XDG_CACHE_HOME/byline/pages` (`~/.cache/byline/pages`).
    #[must_use]
    pub fn default_location() -> Option<Self> {
        use etcetera::BaseStrategy;
        let strategy = etcetera::choose_base_strategy().ok()?;
        Some(Self::at(strategy.cache_dir().join("byline").join("pages")))
    }

    /// The folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The copy kept for `url`, if any.
    #[must_use]
    pub fn get(&self, url: &str) -> Option<Kept> {
        let text = std::fs::read_to_string(self.record_path(url)).ok()?;
        let record: Record = serde_json::from_str(&text).ok()?;
        if record.url != url || record.body.contains(['/', '\\']) {
            return None;
        }
        let body = self.dir.join(&record.body);
        let bytes = std::fs::read(&body).ok()?;
        // Touching the body marks it used: pruning removes the oldest.
        let _ =
            std::fs::File::options().append(true).open(&body).and_then(|f| f.set_modified(SystemTime::now()));
        Some(Kept {
            bytes,
            final_url: record.final_url,
            content_type: record.content_type,
            fetched_at: record.fetched_at,
        })
    }

    /// Keeps `bytes` fetched for `url` (which led to `final_url`).
    pub fn put(
        &self,
        url: &str,
        final_url: &str,
        content_type: Option<&str>,
        bytes: &[u8],
    ) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let body = format!("{}.body", key(final_url));
        write_atomically(&self.dir.join(&body), bytes)?;
        let fetched_at = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        for asked in [url, final_url] {
            let record = Record {
                url: asked.to_owned(),
                final_url: final_url.to_owned(),
                content_type: content_type.map(str::to_owned),
                fetched_at,
                body: body.clone(),
            };
            let json = serde_json::to_vec(&record).map_err(std::io::Error::other)?;
            write_atomically(&self.record_path(asked), &json)?;
        }
        self.prune(MAX_CACHE_BYTES)
    }

    /// Drops the copy kept for `url` (its body and the records of the URL
    /// asked for and the final one): once a page is saved, the library
    /// holds it and a second copy here would only take room.
    pub fn forget(&self, url: &str) -> std::io::Result<()> {
        let Ok(text) = std::fs::read_to_string(self.record_path(url)) else { return Ok(()) };
        let ignore_missing = |result: std::io::Result<()>| match result {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        };
        if let Ok(record) = serde_json::from_str::<Record>(&text)
            && !record.body.contains(['/', '\\'])
        {
            ignore_missing(std::fs::remove_file(self.dir.join(&record.body)))?;
            ignore_missing(std::fs::remove_file(self.record_path(&record.final_url)))?;
        }
        ignore_missing(std::fs::remove_file(self.record_path(url)))
    }

    /// Removes the least recently used bodies until they take at most
    /// `max_bytes`; records left without a body are ignored by `get`.
    fn prune(&self, max_bytes: u64) -> std::io::Result<()> {
        let mut bodies: Vec<(SystemTime, u64, PathBuf)> = std::fs::read_dir(&self.dir)?
            .filter_map(Result::ok)
            .filter(|entry| entry.path().extension().is_some_and(|e| e == "body"))
            .filter_map(|entry| {
                let meta = entry.metadata().ok()?;
                Some((meta.modified().unwrap_or(UNIX_EPOCH), meta.len(), entry.path()))
            })
            .collect();
        let mut total: u64 = bodies.iter().map(|(_, len, _)| len).sum();
        bodies.sort();
        for (_, len, path) in bodies {
            if total <= max_bytes {
                break;
            }
            std::fs::remove_file(path)?;
            total -= len;
        }
        Ok(())
    }

    fn record_path(&self, url: &str) -> PathBuf {
        self.dir.join(format!("{}.json", key(url)))
    }
}

/// A file name for a URL: its hash (URLs can be longer than a file name
/// and hold any character).
fn key(url: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(url.as_bytes()))
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_cache(name: &str) -> PageCache {
        let dir = std::env::temp_dir().join(format!("byline-cache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        PageCache::at(dir)
    }

    #[test]
    fn a_kept_page_is_found_by_the_url_asked_and_the_final_one() {
        let cache = temp_cache("both");
        cache.put("http://a.example/x", "https://a.example/x/", Some("text/html"), b"<p>hi</p>").unwrap();
        for url in ["http://a.example/x", "https://a.example/x/"] {
            let kept = cache.get(url).unwrap();
            assert_eq!(kept.bytes, b"<p>hi</p>");
            assert_eq!(kept.final_url, "https://a.example/x/");
            assert_eq!(kept.content_type.as_deref(), Some("text/html"));
            assert!(kept.fetched_at > 0);
        }
        assert!(cache.get("http://a.example/other").is_none());
        let _ = std::fs::remove_dir_all(cache.dir());
    }

    #[test]
    fn pruning_removes_the_least_recently_used_first() {
        let cache = temp_cache("prune");
        cache.put("http://a.example/old", "http://a.example/old", None, &[b'o'; 100]).unwrap();
        let old_body = cache.dir().join(format!("{}.body", key("http://a.example/old")));
        std::fs::File::options()
            .append(true)
            .open(&old_body)
            .unwrap()
            .set_modified(UNIX_EPOCH + std::time::Duration::from_secs(1_000))
            .unwrap();
        cache.put("http://a.example/new", "http://a.example/new", None, &[b'n'; 100]).unwrap();
        cache.prune(150).unwrap();
        assert!(cache.get("http://a.example/old").is_none());
        assert!(cache.get("http://a.example/new").is_some());
        let _ = std::fs::remove_dir_all(cache.dir());
    }

    #[test]
    fn a_forgotten_page_is_gone_by_either_url_and_others_stay() {
        let cache = temp_cache("forget");
        cache.put("http://a.example/x", "https://a.example/x/", None, b"x").unwrap();
        cache.put("http://a.example/y", "http://a.example/y", None, b"y").unwrap();
        cache.forget("http://a.example/x").unwrap();
        assert!(cache.get("http://a.example/x").is_none());
        assert!(cache.get("https://a.example/x/").is_none());
        assert_eq!(cache.get("http://a.example/y").unwrap().bytes, b"y");
        cache.forget("http://a.example/never").unwrap();
        let bodies = std::fs::read_dir(cache.dir())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "body"));
        assert_eq!(bodies.count(), 1, "the forgotten body is removed from the disk");
        let _ = std::fs::remove_dir_all(cache.dir());
    }

    #[test]
    fn a_missing_folder_is_no_copy_and_no_error() {
        let cache = PageCache::at(PathBuf::from("/nonexistent/byline/pages"));
        assert!(cache.get("http://a.example/").is_none());
    }
}
