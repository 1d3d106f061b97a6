//! Telling what a source is: binary or text, and which kind of text.

use super::SourceKind;

/// How many leading bytes the binary check and the HTML check look at.
const SNIFF_BYTES: usize = 8192;

/// Share of C0 control bytes (NUL excepted) above which the input is binary:
/// random data has about 10%, hostile text with escape sequences under 1%.
const MAX_CONTROL_SHARE: f64 = 0.05;

/// Names the binary format of `bytes`, or `None` when they may be text.
#[must_use]
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG", "PNG image"),
        (b"GIF8", "GIF image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"%PDF-", "PDF document"),
        (b"\x7fELF", "executable"),
        (b"MZ\x90\0", "executable"),
        (b"\xcf\xfa\xed\xfe", "executable"),
        (b"\x1f\x8b", "gzip archive"),
        (b"PK\x03\x04", "zip archive"),
        (b"7z\xbc\xaf\x27\x1c", "7z archive"),
        (b"\xfd7zXZ\0", "xz archive"),
        (b"\x28\xb5\x2f\xfd", "zstd archive"),
        (b"\0asm", "WebAssembly module"),
        (b"SQLite format 3\0", "SQLite database"),
        (b"wOFF", "font"),
        (b"wOF2", "font"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(what);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("WebP image");
    }
    if has_bom(bytes) || utf16_without_bom(bytes).is_some() || utf32(bytes).is_some() {
        return None;
    }
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if sample.is_empty() {
        return None;
    }
    let controls = sample.iter().filter(|&&b| matches!(b, 0x01..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F)).count();
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    if controls as f64 > sample.len() as f64 * MAX_CONTROL_SHARE || nuls * 2 > sample.len() {
        return Some("binary data");
    }
    None
}

fn has_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xef\xbb\xbf")
        || bytes.starts_with(b"\xff\xfe")
        || bytes.starts_with(b"\xfe\xff")
        || bytes.starts_with(b"\0\0\xfe\xff")
}

/// Recognises UTF-32: by its byte order mark (little-endian's begins like
/// UTF-16LE's, so it is looked for first), or without one by ASCII
/// characters each followed or preceded by three NULs. Returns whether it
/// is little-endian and the length of the mark.
#[must_use]
pub fn utf32(bytes: &[u8]) -> Option<(bool, usize)> {
    if bytes.starts_with(b"\xff\xfe\0\0") {
        return Some((true, 4));
    }
    if bytes.starts_with(b"\0\0\xfe\xff") {
        return Some((false, 4));
    }
    let sample = &bytes[..bytes.len().min(512) & !3];
    if sample.len() < 32 {
        return None;
    }
    let units = sample.len() / 4;
    let printable = |b: u8| b.is_ascii_graphic() || b.is_ascii_whitespace();
    let (mut le, mut be) = (0usize, 0usize);
    for unit in sample.chunks_exact(4) {
        match unit {
            [c, 0, 0, 0] if printable(*c) => le += 1,
            [0, 0, 0, c] if printable(*c) => be += 1,
            _ => {}
        }
    }
    if le * 10 >= units * 9 {
        Some((true, 0))
    } else if be * 10 >= units * 9 {
        Some((false, 0))
    } else {
        None
    }
}

/// Recognises UTF-16 text without a BOM: ASCII letters alternating with NULs.
/// Returns `true` for little-endian.
#[must_use]
pub fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 16 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut le, mut be) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        let printable = |b: u8| b.is_ascii_graphic() || b.is_ascii_whitespace();
        if pair[1] == 0 && printable(pair[0]) {
            le += 1;
        } else if pair[0] == 0 && printable(pair[1]) {
            be += 1;
        }
    }
    if le * 10 >= pairs * 9 {
        Some(true)
    } else if be * 10 >= pairs * 9 {
        Some(false)
    } else {
        None
    }
}

/// The kind a file name's extension promises, if it promises one.
#[must_use]
pub fn kind_from_extension(extension: Option<&str>) -> Option<SourceKind> {
    match extension? {
        "html" | "htm" | "xhtml" | "shtml" | "xht" => Some(SourceKind::Html),
        "md" | "markdown" | "mdown" | "mkd" | "mkdn" => Some(SourceKind::Markdown),
        "txt" | "text" => Some(SourceKind::Text),
        _ => None,
    }
}

/// A cheap look at the raw bytes, used to decide whether a `<meta charset>`
/// prescan applies before decoding.
#[must_use]
pub fn looks_like_html_bytes(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    looks_like_html(&String::from_utf8_lossy(head))
}

/// Sniffs the kind from decoded text: HTML, Markdown, else plain text.
#[must_use]
pub fn kind_from_text(text: &str) -> SourceKind {
    let head = head_of(text);
    if looks_like_html(head) {
        SourceKind::Html
    } else if looks_like_markdown(head) {
        SourceKind::Markdown
    } else {
        SourceKind::Text
    }
}

fn head_of(text: &str) -> &str {
    let mut end = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// How an HTML document starts.
const STARTS: &[&str] = &["<!doctype html", "<html", "<head", "<body", "<?xml", "<!--", "<meta"];

/// Tags whose presence marks an HTML fragment.
const TAGS: &[&str] = &[
    "<p>",
    "<p ",
    "<div",
    "<span",
    "<a href",
    "<br",
    "<h1",
    "<h2",
    "<h3",
    "<ul",
    "<li",
    "<article",
    "<section",
    "<table",
    "<img",
    "<blockquote",
    "<em>",
    "<strong>",
];

fn looks_like_html(head: &str) -> bool {
    let lower = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).to_ascii_lowercase();
    if STARTS.iter().any(|start| lower.starts_with(start)) {
        return true;
    }
    let tags: usize = TAGS.iter().map(|tag| lower.matches(tag).count()).sum();
    lower.starts_with('<') && tags >= 1 || tags >= 4
}

fn looks_like_markdown(head: &str) -> bool {
    if head.starts_with("---\n") || head.starts_with("---\r\n") {
        return true;
    }
    let mut signals = 0;
    for line in head.lines() {
        let trimmed = line.trim_end();
        let atx = trimmed.trim_start_matches('#');
        if (1..=6).contains(&(trimmed.len() - atx.len())) && atx.starts_with(' ') {
            signals += 2;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            signals += 2;
        }
        if trimmed.contains("](") && trimmed.contains('[') {
            signals += 1;
        }
        if trimmed.starts_with("> ") || trimmed.contains("**") {
            signals += 1;
        }
    }
    signals >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers_are_binary() {
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\nrest"), Some("PNG image"));
        assert_eq!(binary_kind(b"\x7fELF\x02\x01"), Some("executable"));
        assert_eq!(binary_kind(b"\x1f\x8b\x08\0"), Some("gzip archive"));
    }

    #[test]
    fn text_with_some_controls_and_nuls_is_not_binary() {
        let mut text = b"Hello\0\0 world \x1b[31m red\x1b[0m\n".repeat(20);
        text.extend(std::iter::repeat_n(0u8, 100));
        assert_eq!(binary_kind(&text), None);
    }

    #[test]
    fn random_control_bytes_are_binary() {
        let noise: Vec<u8> = (0u16..4000).map(|i| (i.wrapping_mul(7919) % 256) as u8).collect();
        assert_eq!(binary_kind(&noise), Some("binary data"));
    }

    #[test]
    fn utf16_is_text() {
        let le: Vec<u8> = "Hello, plain text here".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(binary_kind(&le), None);
        assert_eq!(utf16_without_bom(&le), Some(true));
    }

    #[test]
    fn kinds_from_text() {
        assert_eq!(kind_from_text("<!DOCTYPE html><html>"), SourceKind::Html);
        assert_eq!(kind_from_text("<p>Export fragment</p><p>two</p>"), SourceKind::Html);
        assert_eq!(kind_from_text("---\ntitle: x\n---\nbody"), SourceKind::Markdown);
        assert_eq!(kind_from_text("# Title\n\nSee [x](http://y).\n"), SourceKind::Markdown);
        assert_eq!(kind_from_text("Title\n\nBy Ann Lee\n\nText 3 < 4."), SourceKind::Text);
    }

    #[test]
    fn extension_wins_when_present() {
        assert_eq!(kind_from_extension(Some("htm")), Some(SourceKind::Html));
        assert_eq!(kind_from_extension(Some("bin")), None);
        assert_eq!(kind_from_extension(None), None);
    }
}
