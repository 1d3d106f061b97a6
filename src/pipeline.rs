//! The one pipeline every front end runs: loaded bytes → document → analysis
//! → article. `byline extract`, the reader and (later) the library share it.

use crate::analysis;
use crate::error::Result;
use crate::extract::{self, SourceKind};
use crate::model::{Article, Identity};
use crate::source::Loaded;

/// Version of the extraction and analysis rules. Bump it whenever they change
/// what an article contains, so that stored articles can be re-extracted.
pub const EXTRACTOR_VERSION: u32 = 1;

/// Builds the article from loaded bytes; `forced` overrides kind sniffing.
pub fn build(loaded: &Loaded, forced: Option<SourceKind>) -> Result<Article> {
    let document = extract::extract(loaded, forced)?;
    let analysis = analysis::analyze(&document);
    let identity = Identity {
        source_hash: format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&loaded.bytes)),
        canonical_url: document.meta().url.clone(),
        extractor_version: EXTRACTOR_VERSION,
    };
    Ok(Article { identity, document, analysis })
}
