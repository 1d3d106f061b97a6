//! A Substack export, as a `.zip` or as the folder it unpacks to:
//! `posts.csv` (one row per post: `post_id`, `post_date`,
//! `is_published`, `title`, `subtitle`, …) and `posts/<post_id>.html`,
//! each a post's body without its title. Titles, subtitles and dates come
//! from the CSV; drafts are skipped; a body the CSV does not list is
//! imported too, under its page's own title. An archive without
//! `posts.csv` is imported as a plain set of articles.
//!
//! Archive entries are read one at a time, each capped at the input limit
//! before it is inflated past it (an archive can claim any size).

use std::collections::{HashSet, VecDeque};
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use zip::ZipArchive;

use super::folder::is_article;
use super::{Content, Item, csv};
use crate::error::{Error, Result};
use crate::library::Hints;
use crate::source::{self, LoadLimits, Loaded, SourceSpec};

/// What an archive is read from: a file, or bytes already loaded.
pub trait ReadSeek: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadSeek for T {}

enum Base {
    Dir(PathBuf),
    Zip { archive: Box<ZipArchive<Box<dyn ReadSeek>>>, prefix: String },
}

/// One post still to be read.
struct Post {
    /// Path of its body, relative to the export's root.
    file: String,
    origin: String,
    hints: Hints,
    skip: Option<String>,
}

/// An export's posts, still to be read.
pub struct Export {
    /// How messages name the export.
    source: String,
    base: Base,
    posts: VecDeque<Post>,
    substack: bool,
    limits: LoadLimits,
}

impl std::fmt::Debug for Export {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Export({}, {} posts)", self.source, self.posts.len())
    }
}

impl Export {
    /// The unpacked export in `dir` (its `posts.csv` at the top or one
    /// folder down), or `None` when `dir` is not one.
    pub fn from_dir(dir: &Path, limits: LoadLimits) -> Result<Option<Self>> {
        let root = std::iter::once(dir.to_path_buf())
            .chain(
                std::fs::read_dir(dir)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|entry| entry.path())
                    .filter(|path| path.is_dir()),
            )
            .find(|candidate| candidate.join("posts.csv").is_file());
        let Some(root) = root else { return Ok(None) };
        let csv_path = root.join("posts.csv");
        let csv = source::load(&SourceSpec::File(csv_path), limits)?;
        let listed: Vec<String> = std::fs::read_dir(root.join("posts"))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|entry| is_article(&entry.path()))
            .map(|entry| format!("posts/{}", entry.file_name().to_string_lossy()))
            .collect();
        let posts = posts(&String::from_utf8_lossy(&csv.bytes), listed);
        Ok(Some(Self {
            source: root.display().to_string(),
            base: Base::Dir(root),
            posts,
            substack: true,
            limits,
        }))
    }

    /// The export in a zip archive read from `reader`; `path` names it.
    pub fn from_zip(reader: Box<dyn ReadSeek>, path: &Path, limits: LoadLimits) -> Result<Self> {
        let source = path.display().to_string();
        let fail = |message: String| Error::Import { source_name: source.clone(), message };
        let mut archive =
            ZipArchive::new(reader).map_err(|e| fail(format!("not a readable zip archive: {e}")))?;
        let names: Vec<String> = archive
            .file_names()
            .filter_map(std::result::Result::ok)
            .map(std::borrow::Cow::into_owned)
            .collect();
        let csv_name = names
            .iter()
            .filter(|name| name.rsplit('/').next() == Some("posts.csv") && !name.starts_with("__MACOSX"))
            .min_by_key(|name| name.matches('/').count())
            .cloned();
        let Some(csv_name) = csv_name else {
            // Not a Substack export: every article file in it.
            let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            let mut files: Vec<&String> = names.iter().filter(|name| is_plain_article(name)).collect();
            files.sort();
            let posts = files
                .into_iter()
                .map(|name| Post {
                    file: name.clone(),
                    origin: format!("zip:{}!{name}", absolute.display()),
                    hints: Hints::default(),
                    skip: None,
                })
                .collect();
            let base = Base::Zip { archive: Box::new(archive), prefix: String::new() };
            return Ok(Self { source, base, posts, substack: false, limits });
        };
        let prefix = csv_name.trim_end_matches("posts.csv").to_owned();
        let csv = read_entry(&mut archive, &csv_name, limits).map_err(fail)?;
        let listed = names
            .iter()
            .filter_map(|name| name.strip_prefix(&prefix))
            .filter(|name| {
                name.starts_with("posts/") && name.matches('/').count() == 1 && is_article(Path::new(name))
            })
            .map(str::to_owned)
            .collect();
        let posts = posts(&String::from_utf8_lossy(&csv), listed);
        Ok(Self {
            source,
            base: Base::Zip { archive: Box::new(archive), prefix },
            posts,
            substack: true,
            limits,
        })
    }

    /// Whether it has Substack's `posts.csv`.
    #[must_use]
    pub fn is_substack(&self) -> bool {
        self.substack
    }

    /// How many posts are left.
    #[must_use]
    pub fn len(&self) -> usize {
        self.posts.len()
    }

    fn content(&mut self, post: &Post) -> Content {
        let name = format!("{}/{}", self.source, post.file);
        let forced_name = PathBuf::from(&name);
        match &mut self.base {
            Base::Dir(root) => match source::load(&SourceSpec::File(root.join(&post.file)), self.limits) {
                Ok(loaded) => Content::Loaded(Loaded { spec: SourceSpec::File(forced_name), ..loaded }),
                Err(Error::Read { cause, .. }) if cause.kind() == std::io::ErrorKind::NotFound => {
                    Content::Fail(format!("the export has no {}", post.file))
                }
                Err(error) => Content::Fail(error.to_string()),
            },
            Base::Zip { archive, prefix } => {
                match read_entry(archive, &format!("{prefix}{}", post.file), self.limits) {
                    Ok(bytes) => Content::Loaded(Loaded::from_bytes(bytes, SourceSpec::File(forced_name))),
                    Err(message) => Content::Fail(message),
                }
            }
        }
    }
}

impl Iterator for Export {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let post = self.posts.pop_front()?;
        let content = match &post.skip {
            Some(reason) => Content::Skip(reason.clone()),
            None => self.content(&post),
        };
        Some(Item { name: post.file, origin: Some(post.origin), hints: post.hints, forced: None, content })
    }
}

/// An archive entry that is an article, not a folder, a hidden file or
/// macOS's resource forks.
fn is_plain_article(name: &str) -> bool {
    !name.ends_with('/')
        && !name.starts_with("__MACOSX/")
        && !name.rsplit('/').next().is_some_and(|file| file.starts_with('.'))
        && is_article(Path::new(name))
}

/// Reads one entry, refusing one larger than the input limit.
fn read_entry(
    archive: &mut ZipArchive<Box<dyn ReadSeek>>,
    name: &str,
    limits: LoadLimits,
) -> Result<Vec<u8>, String> {
    let too_large = || {
        format!(
            "{name} is larger than the {} MB limit (see --max-input-mb)",
            limits.max_input_bytes.div_ceil(1_000_000)
        )
    };
    let entry = archive.by_name(name).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => format!("the export has no {name}"),
        other => format!("{name}: {other}"),
    })?;
    if entry.size() > limits.max_input_bytes {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
    entry
        .take(limits.max_input_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() as u64 > limits.max_input_bytes {
        return Err(too_large());
    }
    Ok(bytes)
}

/// The posts `posts.csv` lists, in its order, then the bodies in `posts/`
/// it does not list.
fn posts(csv_text: &str, mut listed: Vec<String>) -> VecDeque<Post> {
    let mut out = VecDeque::new();
    let mut seen = HashSet::new();
    for row in csv::with_header(csv_text) {
        let field = |name: &str| row.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()).map(str::to_owned);
        let Some(id) = field("post_id") else { continue };
        let file = format!("posts/{id}.html");
        seen.insert(file.clone());
        let draft = field("is_published").is_some_and(|v| v.eq_ignore_ascii_case("false"));
        let hints = Hints {
            title: field("title"),
            subtitle: field("subtitle"),
            published: field("post_date").and_then(|date| date_part(&date)),
            ..Hints::default()
        };
        let skip = draft.then(|| "a draft (not published)".to_owned());
        out.push_back(Post { file, origin: format!("substack:{id}"), hints, skip });
    }
    listed.sort();
    for file in listed.into_iter().filter(|file| !seen.contains(file)) {
        let id = file
            .trim_start_matches("posts/")
            .rsplit_once('.')
            .map_or(file.as_str(), |(stem, _)| stem)
            .to_owned();
        out.push_back(Post { origin: format!("substack:{id}"), file, hints: Hints::default(), skip: None });
    }
    out
}

/// `YYYY-MM-DD` from the start of an ISO 8601 date or date-time.
fn date_part(text: &str) -> Option<String> {
    let date = text.get(..10)?;
    let bytes = date.as_bytes();
    let shape = bytes
        .iter()
        .enumerate()
        .all(|(at, b)| if at == 4 || at == 7 { *b == b'-' } else { b.is_ascii_digit() });
    shape.then(|| date.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_cut_from_iso_times() {
        assert_eq!(date_part("2025-11-02T09:30:00.000Z").as_deref(), Some("2025-11-02"));
        assert_eq!(date_part("2025-11-02").as_deref(), Some("2025-11-02"));
        assert_eq!(date_part("Nov 2, 2025"), None);
        assert_eq!(date_part("2025-1"), None);
    }

    #[test]
    fn the_csv_orders_posts_and_drafts_are_skipped() {
        let csv = "post_id,post_date,is_published,title,subtitle\n\
                   2.second,2025-02-01T08:00:00Z,true,Second,\n\
                   1.first,2025-01-01T08:00:00Z,false,First draft,Not yet\n";
        let posts = posts(csv, vec!["posts/9.stray.html".into(), "posts/2.second.html".into()]);
        let files: Vec<&str> = posts.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(files, ["posts/2.second.html", "posts/1.first.html", "posts/9.stray.html"]);
        assert_eq!(posts[0].hints.title.as_deref(), Some("Second"));
        assert_eq!(posts[0].hints.published.as_deref(), Some("2025-02-01"));
        assert!(posts[1].skip.is_some());
        assert_eq!(posts[2].origin, "substack:9.stray");
    }
}
