//! The error type of every library module. Messages are lower-case, without a
//! trailing period, and name the source they are about.

use std::path::PathBuf;

/// Everything that can go wrong between a source and an article.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or stdin could not be read.
    #[error("{source_name}: {cause}")]
    Read {
        /// The path, or "stdin".
        source_name: String,
        /// The underlying I/O error.
        #[source]
        cause: std::io::Error,
    },
    /// The input is larger than the configured limit.
    #[error("{source_name}: input is larger than the {limit_mb} MB limit (see --max-input-mb)")]
    TooLarge {
        /// The path, URL or "stdin".
        source_name: String,
        /// The limit in megabytes.
        limit_mb: u64,
    },
    /// The input holds so many blocks for its size that building it would
    /// take far more memory than the input (millions of one-word
    /// paragraphs): refused before anything is built.
    #[error(
        "{source_name}: {units} {unit_name} in {} would need about {} of memory; \
         byline allows {} for an input of this size",
        megabytes(*size), megabytes(*need), megabytes(*allowed)
    )]
    TooManyBlocks {
        /// The path, URL or "stdin".
        source_name: String,
        /// How many blocks or elements were counted.
        units: u64,
        /// What was counted.
        unit_name: &'static str,
        /// The input's size in bytes.
        size: u64,
        /// The memory it would take, in bytes.
        need: u64,
        /// The memory it is allowed, in bytes.
        allowed: u64,
    },
    /// The bytes are not text or HTML (an image, an executable, an archive).
    #[error("{source_name}: not a text or HTML document ({what})")]
    Binary {
        /// The path, URL or "stdin".
        source_name: String,
        /// What the bytes look like, such as "PNG image".
        what: &'static str,
    },
    /// The declared encoding cannot be decoded.
    #[error("{source_name}: cannot decode text in encoding {encoding}")]
    Undecodable {
        /// The path, URL or "stdin".
        source_name: String,
        /// The encoding's name.
        encoding: String,
    },
    /// A page could not be fetched (or, offline, has no kept copy).
    #[error("{url}: {cause}")]
    Fetch {
        /// The URL asked for.
        url: String,
        /// Why, in one line.
        cause: String,
    },
    /// A configuration or keymap file is invalid.
    #[error("{}: {message}", path.display())]
    Config {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the line when known.
        message: String,
    },
    /// Writing output failed.
    #[error("writing output: {0}")]
    Output(#[source] std::io::Error),
    /// The library database cannot be opened, read or written.
    #[error("library {}: {message}", path.display())]
    Library {
        /// The database file.
        path: PathBuf,
        /// What went wrong, in words a user can act on.
        message: String,
    },
    /// No article with this id is in the library.
    #[error("no article {id} in the library (see byline list)")]
    NotInLibrary {
        /// The id asked for.
        id: i64,
    },
    /// The source holds no article text, so there is nothing to save.
    #[error("{source_name}: no article text found; nothing saved")]
    NoArticle {
        /// The path, URL or "stdin".
        source_name: String,
    },
    /// A collection to import (an archive, a feed, a folder) is unreadable.
    #[error("{source_name}: {message}")]
    Import {
        /// The path or URL of the collection, or of the item in it.
        source_name: String,
        /// What is wrong with it.
        message: String,
    },
}

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A size in megabytes, with a decimal below ten ("0.3 MB", "459 MB").
fn megabytes(bytes: u64) -> String {
    #[expect(clippy::cast_precision_loss, reason = "a size shown to one decimal")]
    let mb = bytes as f64 / 1e6;
    if mb < 10.0 { format!("{mb:.1} MB") } else { format!("{mb:.0} MB") }
}
