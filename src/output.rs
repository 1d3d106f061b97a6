//! Outputs of `byline extract` (the JSON contract, plain text and Markdown)
//! and of `byline export` (those, and a standalone HTML page).
//! Each is a pure function from an [`Article`](crate::model::Article) to a string.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

/// The output formats of `byline extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The JSON contract (schema 1).
    Json,
    /// Title, metadata line, then the text.
    Text,
    /// The article as Markdown.
    Markdown,
    /// The article as a standalone HTML page.
    Html,
}

/// Renders `article` in `format`.
#[must_use]
pub fn render(article: &crate::model::Article, format: Format) -> String {
    match format {
        Format::Json => json::render(article),
        Format::Text => text::render(article),
        Format::Markdown => markdown::render(article),
        Format::Html => html::render(article),
    }
}

/// Writes `article` in `format` to `out`; the same bytes as [`render`],
/// but the JSON contract is streamed rather than built whole first.
///
/// # Errors
///
/// When writing to `out` fails.
pub fn write(
    article: &crate::model::Article,
    format: Format,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(article, out),
        Format::Text | Format::Markdown | Format::Html => out.write_all(render(article, format).as_bytes()),
    }
}

/// "Ann Lee · The Post · 2026-02-05": the metadata line shared by the text
/// and Markdown outputs; `None` when there is nothing to say.
#[must_use]
pub fn metadata_line(meta: &crate::model::Metadata) -> Option<String> {
    let parts = meta.credits();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// A byte count as people read it: `950 B`, `12 KB`, `3.4 MB` (decimal
/// units, as the size limits are given).
#[must_use]
pub fn human_bytes(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{} KB", bytes / 1_000),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// Where a block's inline runs open and close, in the order a writer meets
/// them: (byte position, whether it opens, the run's index). At one position
/// closings come before openings, and inner runs close first (the model's
/// builder opens and closes them as a stack).
fn inline_marks(block: &crate::model::Block) -> Vec<(usize, bool, usize)> {
    let mut marks: Vec<(usize, bool, usize)> = Vec::new();
    for (index, inline) in block.inlines().iter().enumerate() {
        marks.push((inline.range.start, true, index));
        marks.push((inline.range.end, false, index));
    }
    marks.sort_by_key(|&(at, open, index)| (at, open, if open { index } else { usize::MAX - index }));
    marks
}
