//! A byte scan before parsing that empties `<script>` (except JSON-LD),
//! `<style>`, `<noscript>` and `<svg>` elements. On news pages these hold
//! more than half of the bytes, none of them text, and html5ever's tokenizer
//! would otherwise walk them character by character. The tags themselves
//! stay, so the tree html5ever builds is the same minus their content.
//!
//! The scan follows the tokenizer where it matters: attribute values are
//! skipped with their quotes, comments and RCDATA/RAWTEXT elements are
//! stepped over, and a script in the double-escaped form (`<!--` then
//! `<script`) stops the stripping (html5ever then reads the rest unaided).

use std::borrow::Cow;

/// Elements whose content is raw text to be removed.
const EMPTIED: &[&[u8]] = &[b"script", b"style", b"noscript"];
/// Elements whose content is raw or escapable text to be stepped over.
const STEPPED_OVER: &[&[u8]] = &[b"title", b"textarea", b"xmp", b"iframe", b"noembed", b"noframes"];

/// The page with the raw text of scripts, styles and `<noscript>` removed.
#[must_use]
pub fn strip_raw_text(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0usize;
    let mut at = 0usize;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + offset;
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            match find(&bytes[lt + 4..], b"-->") {
                Some(end) => at = lt + 4 + end + 3,
                None => break,
            }
            continue;
        }
        let Some(first) = rest.get(1).copied() else { break };
        if first == b'!' || first == b'?' || first == b'/' {
            match tag_end(bytes, lt + 1) {
                Some(end) => at = end,
                None => break,
            }
            continue;
        }
        if !first.is_ascii_alphabetic() {
            at = lt + 1;
            continue;
        }
        let name_end = bytes[lt + 1..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |n| lt + 1 + n);
        let name = &bytes[lt + 1..name_end];
        let Some(open_end) = tag_end(bytes, name_end) else { break };
        if name.eq_ignore_ascii_case(b"svg") {
            // Inline icons: their markup is never text. `<svg/>` is empty.
            if bytes[open_end - 2] == b'/' {
                at = open_end;
                continue;
            }
            let Some(close) = closing_svg(bytes, open_end) else { break };
            out.push_str(&html[copied..open_end]);
            copied = close;
            at = close;
            continue;
        }
        let emptied = EMPTIED.iter().any(|e| name.eq_ignore_ascii_case(e));
        let stepped = STEPPED_OVER.iter().any(|e| name.eq_ignore_ascii_case(e));
        if name.eq_ignore_ascii_case(b"plaintext") {
            break;
        }
        if !emptied && !stepped {
            at = open_end;
            continue;
        }
        let Some(close) = closing_tag(bytes, open_end, name) else { break };
        let is_script = name.eq_ignore_ascii_case(b"script");
        let content = &bytes[open_end..close];
        if is_script && find(content, b"<!--").is_some_and(|c| find_ignore_case(&content[c..], b"<script")) {
            // A double-escaped script ends by rules this scan does not follow.
            break;
        }
        let keep = !emptied || is_script && is_json_ld(&bytes[name_end..open_end]);
        if !keep && close > open_end {
            out.push_str(&html[copied..open_end]);
            copied = close;
        }
        at = close;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The index just past the `>` that ends the tag whose attributes start at
/// `from`, skipping quoted attribute values.
pub(super) fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while at < bytes.len() {
        match bytes[at] {
            b'>' => return Some(at + 1),
            b'=' => {
                at += 1;
                while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = bytes.get(at) {
                    let close = memchr::memchr(quote, &bytes[at + 1..])?;
                    at += close + 2;
                }
            }
            _ => at += 1,
        }
    }
    None
}

/// The index of `</name` (any case, followed by a delimiter) at or after `from`.
pub(super) fn closing_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(offset) = find(&bytes[at..], b"</") {
        let start = at + offset;
        let after = start + 2 + name.len();
        let matches = bytes.get(start + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name))
            && bytes.get(after).is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>');
        if matches {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

/// The index of the `</svg` that closes an `<svg>` whose content starts at
/// `from`, counting nested `<svg>` elements (self-closing ones excepted).
fn closing_svg(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 1usize;
    let mut at = from;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + offset;
        let closing = bytes.get(lt + 1) == Some(&b'/');
        let name_at = lt + 1 + usize::from(closing);
        let is_svg = bytes.get(name_at..name_at + 3).is_some_and(|n| n.eq_ignore_ascii_case(b"svg"))
            && bytes.get(name_at + 3).is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>');
        if !is_svg {
            at = lt + 1;
            continue;
        }
        let end = tag_end(bytes, name_at + 3)?;
        if closing {
            depth -= 1;
            if depth == 0 {
                return Some(lt);
            }
        } else if bytes[end - 2] != b'/' {
            depth += 1;
        }
        at = end;
    }
    None
}

fn is_json_ld(attributes: &[u8]) -> bool {
    find_ignore_case(attributes, b"ld+json")
}

pub(super) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_styles_are_emptied() {
        let page = "<head><style>p{color:red}</style><script>var a = '<p>x</p>';</script></head><p>Text</p>";
        assert_eq!(strip_raw_text(page), "<head><style></style><script></script></head><p>Text</p>");
    }

    #[test]
    fn svg_content_goes_with_nesting_counted() {
        let page = "<p>a</p><svg><svg/><svg><title>icon</title></svg><path d='M0'/></svg><p>b</p><SVG x='1'/><i>c</i>";
        assert_eq!(strip_raw_text(page), "<p>a</p><svg></svg><p>b</p><SVG x='1'/><i>c</i>");
    }

    #[test]
    fn json_ld_is_kept() {
        let page = r#"<script type="application/ld+json">{"a":1}</script><script src=x.js></script>"#;
        assert_eq!(strip_raw_text(page), page);
    }

    #[test]
    fn quoted_attributes_and_comments_are_stepped_over() {
        let page = r#"<div data-x="<script>">a</div><!-- <style> --><p>b</p><script>c</script>"#;
        assert_eq!(
            strip_raw_text(page),
            r#"<div data-x="<script>">a</div><!-- <style> --><p>b</p><script></script>"#
        );
        let title = "<title><script></title><p>x</p>";
        assert_eq!(strip_raw_text(title), title);
    }

    #[test]
    fn closing_tags_need_a_delimiter_and_ignore_case() {
        let page = "<SCRIPT>a</scripts> b</Script >c";
        assert_eq!(strip_raw_text(page), "<SCRIPT></Script >c");
    }

    #[test]
    fn escaped_scripts_and_unterminated_input_are_left_alone() {
        let escaped = "<script><!-- <script></script> --></script><p>x</p>";
        assert_eq!(strip_raw_text(escaped), escaped);
        let old_style = "<script><!--\nvar a;\n//--></script><p>x</p>";
        assert_eq!(strip_raw_text(old_style), "<script></script><p>x</p>");
        let open = "<p>a</p><script>never closed";
        assert_eq!(strip_raw_text(open), open);
        assert_eq!(strip_raw_text("<"), "<");
        assert_eq!(strip_raw_text("<a href='x"), "<a href='x");
    }
}
