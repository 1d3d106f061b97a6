//! Byte-level steps of the prescan: where a tag, a comment or an element
//! ends, following the tokenizer's rules where they matter (quoted
//! attribute values, the abrupt ends of comments, nested `<svg>`).

/// The index just past a comment whose text starts at `from` (after `<!--`):
/// `-->`, `--!>`, or the abrupt `>` and `->` the tokenizer also accepts.
pub(super) fn comment_end(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = &bytes[from..];
    if rest.starts_with(b">") {
        return Some(from + 1);
    }
    if rest.starts_with(b"->") {
        return Some(from + 2);
    }
    let mut at = from;
    while let Some(offset) = find(&bytes[at..], b"--") {
        let dashes = at + offset;
        match bytes.get(dashes + 2..) {
            Some([b'>', ..]) => return Some(dashes + 3),
            Some([b'!', b'>', ..]) => return Some(dashes + 4),
            _ => at = dashes + 1,
        }
    }
    None
}

/// The index just past the `>` that ends the tag whose attributes start at
/// `from`, skipping quoted attribute values.
pub(in crate::extract::html) fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(offset) = memchr::memchr2(b'>', b'=', bytes.get(at..)?) {
        at += offset;
        if bytes[at] == b'>' {
            return Some(at + 1);
        }
        at += 1;
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if let Some(&quote @ (b'"' | b'\'')) = bytes.get(at) {
            let close = memchr::memchr(quote, &bytes[at + 1..])?;
            at += close + 2;
        }
    }
    None
}

/// The index of `</name` (any case, followed by a delimiter) at or after `from`.
pub(in crate::extract::html) fn closing_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
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

/// The index of the first `<` at or after `from` that starts a tag, an end
/// tag or a comment.
pub(super) fn first_tag(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + offset;
        if bytes.get(lt + 1).is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/' || b == b'!') {
            return Some(lt);
        }
        at = lt + 1;
    }
    None
}

/// The index of the `</svg` that closes an `<svg>` whose content starts at
/// `from`, counting nested `<svg>` elements (self-closing ones excepted).
pub(super) fn closing_svg(bytes: &[u8], from: usize) -> Option<usize> {
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

pub(in crate::extract::html) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

pub(super) fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

/// A tag's name: everything up to whitespace, `/` or `>` (custom elements
/// have dashes in theirs).
pub(super) fn tag_name(bytes: &[u8], from: usize) -> &[u8] {
    let rest = &bytes[from.min(bytes.len())..];
    let len =
        rest.iter().position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>').unwrap_or(rest.len());
    &rest[..len]
}
