//! Where to cut a large page so that its head can be shown at once while
//! the whole page is extracted: just before a block element starts (`<p>`,
//! `<h2>`, `<li>`, …), so that every block before the cut is whole, and never
//! inside a tag, a comment, a script, a style or other raw text.

use super::prescan::{closing_tag, find, tag_end};

/// Start tags before which a cut leaves the blocks before it whole.
const BLOCK_STARTS: &[&[u8]] = &[
    b"p",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"li",
    b"blockquote",
    b"div",
    b"section",
    b"article",
    b"figure",
    b"table",
    b"ul",
    b"ol",
    b"pre",
    b"hr",
    b"dl",
    b"header",
    b"footer",
    b"aside",
    b"nav",
    b"main",
];

/// Elements whose content is raw or escapable text: no tag starts inside.
const RAW_TEXT: &[&[u8]] =
    &[b"script", b"style", b"noscript", b"title", b"textarea", b"xmp", b"iframe", b"noembed", b"noframes"];

/// The byte offset, at most `target`, where a preview of `html` ends: the
/// last start of a block element found by a scan of the first `target`
/// bytes. `None` when there is none (the page's head is one long script,
/// say): such a page gets no preview. The whole page when it is shorter.
#[must_use]
pub fn preview_cut(html: &[u8], target: usize) -> Option<usize> {
    if html.len() <= target {
        return Some(html.len());
    }
    let bytes = &html[..target];
    let mut cut = None;
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + offset;
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            let Some(end) = find(&bytes[lt + 4..], b"-->") else { break };
            at = lt + 4 + end + 3;
            continue;
        }
        let Some(&first) = rest.get(1) else { break };
        if matches!(first, b'!' | b'?' | b'/') {
            let Some(end) = tag_end(bytes, lt + 1) else { break };
            at = end;
            continue;
        }
        if !first.is_ascii_alphabetic() {
            at = lt + 1;
            continue;
        }
        let Some(name_len) = bytes[lt + 1..].iter().position(|b| !b.is_ascii_alphanumeric()) else { break };
        let name = &bytes[lt + 1..lt + 1 + name_len];
        let Some(open_end) = tag_end(bytes, lt + 1 + name_len) else { break };
        if BLOCK_STARTS.iter().any(|block| name.eq_ignore_ascii_case(block)) {
            cut = Some(lt);
        }
        if name.eq_ignore_ascii_case(b"plaintext") {
            break;
        }
        if RAW_TEXT.iter().any(|raw| name.eq_ignore_ascii_case(raw)) {
            let Some(close) = closing_tag(bytes, open_end, name) else { break };
            if name.eq_ignore_ascii_case(b"script") && find(&bytes[open_end..close], b"<!--").is_some() {
                // A script that opens a comment may end later than its first
                // `</script>` (the double-escaped form): stop here.
                break;
            }
            at = close;
            continue;
        }
        at = open_end;
    }
    cut
}

#[cfg(test)]
mod tests;
