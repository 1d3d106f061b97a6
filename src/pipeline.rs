//! The one pipeline every front end runs: loaded bytes → document → analysis
//! → article. `byline extract`, the reader and (later) the library share it.

use crate::analysis;
use crate::error::Result;
use crate::extract::site::SiteRules;
use crate::extract::{self, SourceKind};
use crate::model::{Article, Identity};
use crate::source::Loaded;

/// Version of the extraction and analysis rules. Bump it whenever they change
/// what an article contains, so that stored articles can be re-extracted.
pub const EXTRACTOR_VERSION: u32 = 3;

/// Builds the article from loaded bytes; `forced` overrides kind sniffing.
pub fn build(loaded: &Loaded, forced: Option<SourceKind>) -> Result<Article> {
    let document = extract::extract(loaded, forced)?;
    Ok(finish(source_hash(loaded), document))
}

/// [`build`], taking the source: the bytes are freed as soon as they have
/// been read, so that a large input's bytes, text and analysis never all
/// live at once. Front ends that do not keep the bytes use this.
pub fn build_owned(loaded: Loaded, forced: Option<SourceKind>) -> Result<Article> {
    build_owned_with(loaded, forced, &SiteRules::builtin())
}

/// [`build_owned`] with these site rules (the user's and the built-in ones).
pub fn build_owned_with(loaded: Loaded, forced: Option<SourceKind>, sites: &SiteRules) -> Result<Article> {
    let hash = source_hash(&loaded);
    let name = loaded.spec.display_name();
    let bytes = loaded.bytes.len();
    let started = std::time::Instant::now();
    let (document, trace) = extract::extract_traced(loaded, forced, sites)?;
    tracing::debug!(
        source = %name,
        bytes,
        kind = ?trace.kind,
        site_rule = trace.site_rule.as_deref().unwrap_or("none"),
        html_parses = trace.html_parses,
        rescue = ?trace.rescue,
        blocks = document.blocks().len(),
        ms = started.elapsed().as_secs_f64() * 1e3,
        "extracted"
    );
    Ok(finish(hash, document))
}

fn source_hash(loaded: &Loaded) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&loaded.bytes))
}

fn finish(source_hash: String, document: crate::model::Document) -> Article {
    let analysis = analysis::analyze(&document);
    let identity = Identity {
        source_hash,
        canonical_url: document.meta().url.clone(),
        extractor_version: EXTRACTOR_VERSION,
    };
    Article { identity, document, analysis }
}
