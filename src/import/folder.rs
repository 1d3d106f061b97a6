//! A folder of saved articles: every `.html`, `.htm`, `.xhtml`, `.txt`,
//! `.text`, `.md` and `.markdown` file under it, in name order, hidden
//! files and folders left out, symbolic links to folders not followed
//! (they could loop).

use std::path::{Path, PathBuf};

use super::{Content, Item};
use crate::error::{Error, Result};
use crate::library::Hints;
use crate::source::SourceSpec;

/// The extensions of the files imported from a folder.
pub const EXTENSIONS: [&str; 7] = ["html", "htm", "xhtml", "txt", "text", "md", "markdown"];

/// Deepest folder nesting walked.
const MAX_DEPTH: usize = 32;

/// The article files of a folder, still to be read.
#[derive(Debug)]
pub struct Files {
    root: PathBuf,
    files: std::vec::IntoIter<PathBuf>,
}

impl Files {
    /// Lists the article files under `root`.
    pub fn walk(root: &Path) -> Result<Self> {
        let mut files = Vec::new();
        collect(root, 0, &mut files)
            .map_err(|cause| Error::Read { source_name: root.display().to_string(), cause })?;
        files.sort();
        Ok(Self { root: root.to_path_buf(), files: files.into_iter() })
    }

    /// How many files are left.
    #[must_use]
    pub fn len(&self) -> usize {
        self.files.len()
    }
}

impl Iterator for Files {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let path = self.files.next()?;
        let name = path.strip_prefix(&self.root).unwrap_or(&path).display().to_string();
        Some(Item {
            name,
            origin: None,
            hints: Hints::default(),
            forced: None,
            content: Content::Load(SourceSpec::File(path)),
        })
    }
}

fn collect(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            // A subfolder that cannot be read is left out, not fatal.
            let _ = collect(&path, depth + 1, out);
        } else if (kind.is_file() || (kind.is_symlink() && path.is_file())) && is_article(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Whether the file's extension is one imported.
#[must_use]
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| EXTENSIONS.contains(&ext.to_string_lossy().to_ascii_lowercase().as_str()))
}
