//! Importing collections into the library: a folder of saved posts
//! (`.html`, `.txt`, `.md`), a Substack export (its `.zip` or the unpacked
//! folder: `posts.csv` gives titles, subtitles and dates, `posts/ID.html`
//! the bodies), an RSS, Atom or JSON feed, or a single article.
//!
//! [`Collection::open`] finds out what a source is; its items come one at a
//! time (a folder's files and an archive's entries are read only when their
//! turn comes). [`run`] saves each item in its own transaction: one bad
//! item is reported and the rest go on; importing the same items again
//! updates them (same URL, same item, or same bytes) instead of adding
//! copies. Nothing here knows the terminal: progress goes to a callback.

pub mod csv;
mod feed;
mod folder;
mod substack;

use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use crate::error::{Error, Result};
use crate::extract::SourceKind;
use crate::library::{Hints, Library, Outcome, prepare};
use std::sync::Arc;

use crate::source::{Loaded, Loader, SourceSpec};

/// One thing to import.
#[derive(Debug)]
pub struct Item {
    /// How reports name it: a path in the folder or archive, a feed entry.
    pub name: String,
    /// What identifies it on a later import, when not its file's path.
    pub origin: Option<String>,
    /// Metadata the collection gives (titles and dates of `posts.csv`).
    pub hints: Hints,
    /// The kind of its bytes when the collection says (a feed's HTML).
    pub forced: Option<SourceKind>,
    /// Its bytes, or where to get them.
    pub content: Content,
}

/// An item's bytes, or where to get them.
#[derive(Debug)]
pub enum Content {
    /// Already read (an archive's entry, a feed's full post).
    Loaded(Loaded),
    /// To be loaded: a folder's file, the page a feed's summary links to.
    Load(SourceSpec),
    /// Not imported, for this reason (a draft).
    Skip(String),
    /// Unusable, for this reason.
    Fail(String),
}

/// What a source turned out to be, with its items still to come.
pub struct Collection(Inner);

enum Inner {
    /// A folder of saved articles.
    Folder(folder::Files),
    /// A Substack export, or another archive of articles.
    Export(substack::Export),
    /// A feed's entries.
    Feed(std::vec::IntoIter<Item>),
    /// One article.
    Single(Option<Box<Loaded>>),
}

impl std::fmt::Debug for Collection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.kind())
    }
}

impl Collection {
    /// Finds out what `spec` is: a folder, an archive (by its first bytes),
    /// a feed, or else a single article. Files and URLs go through
    /// the `loader` (its limits, fetch settings and offline copies); a local
    /// archive is read entry by entry instead.
    pub fn open(spec: &SourceSpec, loader: &Loader) -> Result<Self> {
        let limits = loader.limits;
        if let SourceSpec::File(path) = spec {
            if path.is_dir() {
                return match substack::Export::from_dir(path, limits)? {
                    Some(export) => Ok(Self(Inner::Export(export))),
                    None => Ok(Self(Inner::Folder(folder::Files::walk(path)?))),
                };
            }
            if is_zip_file(path) {
                let file = std::fs::File::open(path)
                    .map_err(|cause| Error::Read { source_name: path.display().to_string(), cause })?;
                return Ok(Self(Inner::Export(substack::Export::from_zip(Box::new(file), path, limits)?)));
            }
        }
        let fetched = loader.load(spec)?;
        if fetched.bytes.starts_with(ZIP_MAGIC) {
            let name = spec.display_name();
            let reader = Box::new(std::io::Cursor::new(fetched.bytes));
            return Ok(Self(Inner::Export(substack::Export::from_zip(reader, Path::new(&name), limits)?)));
        }
        if feed::looks_like_feed(&fetched.bytes) {
            return Ok(Self(Inner::Feed(feed::entries(&fetched)?.into_iter())));
        }
        Ok(Self(Inner::Single(Some(Box::new(fetched)))))
    }

    /// What it is, for messages.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match &self.0 {
            Inner::Folder(_) => "folder",
            Inner::Export(export) if export.is_substack() => "Substack export",
            Inner::Export(_) => "archive",
            Inner::Feed(_) => "feed",
            Inner::Single(_) => "article",
        }
    }

    /// How many items there are, when known before reading them.
    #[must_use]
    pub fn len_hint(&self) -> Option<usize> {
        match &self.0 {
            Inner::Folder(files) => Some(files.len()),
            Inner::Export(export) => Some(export.len()),
            Inner::Feed(entries) => Some(entries.len()),
            Inner::Single(_) => Some(1),
        }
    }
}

impl Iterator for Collection {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        match &mut self.0 {
            Inner::Folder(files) => files.next(),
            Inner::Export(export) => export.next(),
            Inner::Feed(entries) => entries.next(),
            Inner::Single(loaded) => loaded.take().map(|loaded| Item {
                name: loaded.spec.display_name(),
                origin: None,
                hints: Hints::default(),
                forced: None,
                content: Content::Loaded(*loaded),
            }),
        }
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

fn is_zip_file(path: &Path) -> bool {
    let mut head = [0u8; 4];
    std::fs::File::open(path).and_then(|mut file| file.read_exact(&mut head)).is_ok() && head == ZIP_MAGIC
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// What items are loaded with (a feed entry's page): limits, fetch
    /// settings, offline copies.
    pub loader: Arc<Loader>,
    /// The kind to treat every item as (`--from`).
    pub forced: Option<SourceKind>,
    /// Tags to give every item.
    pub tags: Vec<String>,
}

/// What became of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Saved as a new article.
    Added,
    /// A new version of an article already there.
    Updated,
    /// Already there, unchanged.
    Unchanged,
    /// Left out on purpose (a draft).
    Skipped,
    /// Not imported; the reason says why.
    Failed,
}

impl Status {
    /// The word reports use.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Added => "added",
            Self::Updated => "updated",
            Self::Unchanged => "unchanged",
            Self::Skipped => "skipped",
            Self::Failed => "failed",
        }
    }
}

/// The report on one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemReport {
    /// The item's name.
    pub name: String,
    /// What became of it.
    pub status: Status,
    /// Its id in the library, when saved.
    pub id: Option<i64>,
    /// Its title, when known.
    pub title: Option<String>,
    /// Its URL, when known.
    pub url: Option<String>,
    /// Why it failed or was skipped.
    pub reason: Option<String>,
}

/// Imports every item of `collection`, calling `each` after each one.
/// Items fail alone; an error of the library itself (a full disk, a
/// read-only file) stops the import, since every item after would fail
/// the same way, and is returned after the items done so far.
pub fn run(
    library: &mut Library,
    collection: Collection,
    options: &Options,
    mut each: impl FnMut(&ItemReport),
) -> (Vec<ItemReport>, Option<Error>) {
    let mut reports = Vec::with_capacity(collection.len_hint().unwrap_or(0));
    for item in collection {
        let (report, fatal) = import_one(library, item, options);
        each(&report);
        reports.push(report);
        if fatal.is_some() {
            return (reports, fatal);
        }
    }
    (reports, None)
}

/// Imports one item; the error is returned too when it is the library's.
pub fn import_one(library: &mut Library, item: Item, options: &Options) -> (ItemReport, Option<Error>) {
    let Item { name, origin, hints, forced, content } = item;
    let mut report = ItemReport {
        name,
        status: Status::Failed,
        id: None,
        title: hints.title.clone(),
        url: None,
        reason: None,
    };
    let loaded = match content {
        Content::Loaded(loaded) => Ok(loaded),
        Content::Load(spec) => options.loader.load(&spec),
        Content::Skip(reason) => {
            report.status = Status::Skipped;
            report.reason = Some(reason);
            return (report, None);
        }
        Content::Fail(reason) => {
            report.reason = Some(reason);
            return (report, None);
        }
    };
    let forced = options.forced.or(forced);
    // Extraction is run on hostile input: a bug in it fails this item only.
    let prepared = loaded.and_then(|loaded| {
        catch_unwind(AssertUnwindSafe(|| prepare(loaded, forced, origin, hints))).unwrap_or_else(|payload| {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Error::Import {
                source_name: report.name.clone(),
                message: format!("internal error: {message}"),
            })
        })
    });
    let prepared = match prepared {
        Ok(prepared) => prepared,
        Err(error) => {
            report.reason = Some(error.to_string());
            return (report, None);
        }
    };
    report.title.clone_from(&prepared.article.meta().title);
    report.url.clone_from(&prepared.article.meta().url);
    match library.save(&prepared, &options.tags) {
        Ok(saved) => {
            report.id = Some(saved.id);
            report.status = match saved.outcome {
                Outcome::Added => Status::Added,
                Outcome::Updated => Status::Updated,
                Outcome::Unchanged => Status::Unchanged,
            };
            (report, None)
        }
        Err(error) => {
            report.reason = Some(error.to_string());
            let fatal = matches!(error, Error::Library { .. }).then_some(error);
            (report, fatal)
        }
    }
}

#[cfg(test)]
mod tests;
