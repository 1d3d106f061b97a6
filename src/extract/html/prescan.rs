//! A byte scan before parsing that removes `<script>` elements (except
//! JSON-LD) and the `<link>` elements no rule reads, empties `<style>`,
//! `<noscript>` and `<svg>` elements, and removes comments and the
//! attributes no rule reads (`attributes`). On news pages these hold most
//! of the bytes, none of them text; html5ever's tokenizer would otherwise
//! walk them character by character, and its tree builder file away a
//! thousand empty scripts and stylesheet links. The other tags stay, so the
//! tree html5ever builds is the same minus what nothing reads.
//!
//! The scan follows the tokenizer where it matters: attribute values are
//! skipped with their quotes, comments and RCDATA/RAWTEXT elements are
//! stepped over, and a script in the double-escaped form (`<!--` then
//! `<script`) stops the stripping (html5ever then reads the rest unaided).

mod attributes;
mod bytes;
#[cfg(test)]
mod equivalence;

use std::borrow::Cow;

pub use attributes::{READ as READ_ATTRIBUTES, READ_ONLY_ON};
use bytes::{closing_svg, comment_end, find_ignore_case, first_tag, tag_name};
pub(super) use bytes::{closing_tag, find, tag_end};

/// Elements whose content is raw text to be removed.
const EMPTIED: &[&[u8]] = &[b"script", b"style", b"noscript"];
/// Elements whose content is raw or escapable text to be stepped over.
const STEPPED_OVER: &[&[u8]] = &[b"title", b"textarea", b"xmp", b"iframe", b"noembed", b"noframes"];

/// The page with the raw text of scripts, styles and `<noscript>`, comments
/// and unread attributes removed, and the line breaks and indentation of
/// its markup outside `<pre>` shortened to one line break (every later stage
/// collapses whitespace anyway).
#[must_use]
pub fn strip_raw_text(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut page = Rewrite { html, out: String::new(), copied: 0 };
    // Inside `<pre>` (or `<listing>`) whitespace is the text: kept as it is.
    let mut preformatted = 0usize;
    let mut at = 0usize;
    // End of the last tag, comment or raw-text element (a stray `<` is text).
    let mut construct_end = 0usize;
    let mut stray = false;
    // Whether white space came before the constructs just cut: with them
    // gone, it comes before the next one.
    let mut space_carry = false;
    let mut metas = Metas::default();
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + offset;
        if !stray {
            construct_end = at;
        }
        stray = false;
        let space_before = std::mem::take(&mut space_carry) && lt == construct_end;
        if preformatted == 0 {
            page.collapse_whitespace(at, lt);
        }
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            let Some(end) = comment_end(bytes, lt + 4) else { break };
            if separates_nothing(bytes, construct_end, lt, end, space_before) {
                page.cut(lt, end, "");
                space_carry = space_before || lt > construct_end;
            }
            at = end;
            continue;
        }
        let Some(first) = rest.get(1).copied() else { break };
        if first == b'!' || first == b'?' || first == b'/' {
            let Some(end) = tag_end(bytes, lt + 1) else { break };
            if first == b'/' && is_preformatted(tag_name(bytes, lt + 2)) {
                preformatted = preformatted.saturating_sub(1);
            }
            at = end;
            continue;
        }
        if !first.is_ascii_alphabetic() {
            at = lt + 1;
            stray = true;
            continue;
        }
        let name = tag_name(bytes, lt + 1);
        let name_end = lt + 1 + name.len();
        let Some(open_end) = tag_end(bytes, name_end) else { break };
        if let Some(end) =
            element_to_drop(bytes, (construct_end, space_before), lt, name, open_end, &mut metas)
        {
            page.cut(lt, end, "");
            space_carry = space_before || lt > construct_end;
            at = end;
            continue;
        }
        attributes::unread_spans(bytes, name, name_end, open_end - 1, |start, end, space| {
            page.cut(start, end, if space { " " } else { "" });
        });
        if is_preformatted(name) {
            preformatted += 1;
        }
        if name.eq_ignore_ascii_case(b"svg") {
            // Inline icons: their markup is never text. `<svg/>` is empty.
            if bytes[open_end - 2] == b'/' {
                at = open_end;
                continue;
            }
            let Some(close) = closing_svg(bytes, open_end) else { break };
            page.cut(open_end, close, "");
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
        let Some(close) = closing_tag(bytes, open_end, name) else {
            if name.eq_ignore_ascii_case(b"title")
                && let Some(markup) = first_tag(bytes, open_end)
            {
                // A title never closed takes the whole page as its text
                // under the standard's rules, and a browser shows nothing:
                // the writer meant it to end where the markup resumes.
                page.cut(markup, markup, "</title>");
                at = markup;
                continue;
            }
            break;
        };
        let is_script = name.eq_ignore_ascii_case(b"script");
        let content = &bytes[open_end..close];
        if is_script && double_escaped(content) {
            // A double-escaped script ends by rules this scan does not follow.
            break;
        }
        let keep = !emptied || is_script && is_json_ld(&bytes[name_end..open_end]);
        if !keep && close > open_end {
            page.cut(open_end, close, "");
        }
        at = close;
    }
    page.finish()
}

/// The end of an element opening at `start` (its tag ends at `open_end`)
/// that can go whole: a script (no rule reads one but JSON-LD), a link no
/// rule reads ([`attributes::link_is_read`]) or a meta ([`Metas`]). The tree builder files each
/// away without touching its neighbours. `None` for other elements,
/// JSON-LD, a double-escaped script, and an element whose removal would
/// join the text around it (see [`separates_nothing`]).
fn element_to_drop(
    bytes: &[u8],
    (gap_start, space_before): (usize, bool),
    start: usize,
    name: &[u8],
    open_end: usize,
    metas: &mut Metas,
) -> Option<usize> {
    let attributes_from = start + 1 + name.len();
    if name.eq_ignore_ascii_case(b"meta") {
        // Every meta is shown to `metas`, which keeps count.
        let drops = metas.drops(bytes, attributes_from, open_end - 1);
        return (drops && separates_nothing(bytes, gap_start, start, open_end, space_before))
            .then_some(open_end);
    }
    if name.eq_ignore_ascii_case(b"link") && !attributes::link_is_read(&bytes[attributes_from..open_end]) {
        return separates_nothing(bytes, gap_start, start, open_end, space_before).then_some(open_end);
    }
    if !name.eq_ignore_ascii_case(b"script") || is_json_ld(&bytes[attributes_from..open_end]) {
        return None;
    }
    let close = closing_tag(bytes, open_end, name)?;
    if double_escaped(&bytes[open_end..close]) {
        return None;
    }
    let end = tag_end(bytes, close + 2)?;
    separates_nothing(bytes, gap_start, start, end, space_before).then_some(end)
}

/// Which `<meta>` tags can go: those whose name or property is no key
/// metadata reads ([`super::metadata::meta_keys`]), once one with a key and
/// a content has been kept, since metadata takes a page with such a tag for
/// a whole page (not a body fragment).
#[derive(Default)]
struct Metas {
    keyed_kept: bool,
}

impl Metas {
    /// Whether the `<meta>` tag with attributes `from..end` can go.
    fn drops(&mut self, bytes: &[u8], from: usize, end: usize) -> bool {
        let (mut keyed, mut content, mut read) = (false, false, false);
        for attribute in attributes::attributes(bytes, from, end) {
            let name = &bytes[attribute.name.clone()];
            let value = attribute.value(bytes).trim_ascii();
            if name.eq_ignore_ascii_case(b"content") {
                content = true;
            } else if super::metadata::KEY_ATTRIBUTES.iter().any(|k| name.eq_ignore_ascii_case(k.as_bytes()))
            {
                keyed = true;
                // A character reference or other white space might hide a key.
                read |= !value.is_ascii()
                    || value.contains(&b'&')
                    || super::metadata::meta_keys().any(|key| value.eq_ignore_ascii_case(key.as_bytes()));
            }
        }
        if !self.keyed_kept {
            self.keyed_kept = keyed && content;
            return false;
        }
        !read
    }
}

/// Whether a script's text opens a comment holding a script, which ends by
/// rules this scan does not follow.
fn double_escaped(content: &[u8]) -> bool {
    find(content, b"<!--").is_some_and(|c| find_ignore_case(&content[c..], b"<script"))
}

/// The page being rewritten: what is kept is copied to `out` lazily, so an
/// untouched page is never copied.
struct Rewrite<'a> {
    html: &'a str,
    out: String,
    /// Start of the input not yet copied to `out`.
    copied: usize,
}

impl<'a> Rewrite<'a> {
    /// Replaces `start..end` (at or after what was copied) with `with`.
    fn cut(&mut self, start: usize, end: usize, with: &str) {
        if self.out.is_empty() {
            self.out.reserve(self.html.len() / 2);
        }
        self.out.push_str(&self.html[self.copied..start]);
        self.out.push_str(with);
        self.copied = end;
    }

    /// Shortens each run of whitespace in `start..end` that holds a line
    /// break (the indentation of markup) to that one line break.
    fn collapse_whitespace(&mut self, start: usize, end: usize) {
        let bytes = self.html.as_bytes();
        let mut at = start;
        while let Some(offset) = memchr::memchr(b'\n', &bytes[at..end]) {
            let newline = at + offset;
            let run_start = bytes[at..newline]
                .iter()
                .rposition(|b| !b.is_ascii_whitespace())
                .map_or(at, |last| at + last + 1)
                .max(self.copied);
            let run_end = bytes[newline..end]
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .map_or(end, |n| newline + n);
            if run_end - run_start > 1 {
                self.cut(run_start, run_end, "\n");
            }
            at = run_end;
        }
    }

    fn finish(mut self) -> Cow<'a, str> {
        if self.copied == 0 {
            return Cow::Borrowed(self.html);
        }
        self.out.push_str(&self.html[self.copied..]);
        Cow::Owned(self.out)
    }
}

/// Elements whose whitespace is part of their text.
fn is_preformatted(name: &[u8]) -> bool {
    name.eq_ignore_ascii_case(b"pre") || name.eq_ignore_ascii_case(b"listing")
}

/// Whether taking out the comment or element at `start..end` leaves the
/// tokens around it as they were. It must follow a tag (or another comment)
/// with at most whitespace between; after whitespace, a tag or the end must
/// come next (`space_before`: the whitespace was before constructs already
/// taken out, and is now right before this one).
/// Otherwise two runs of text would join: a stray `<` or a character
/// reference with what follows, or a whitespace-only run (which tables
/// keep in place) with words (which they move out).
fn separates_nothing(bytes: &[u8], gap_start: usize, start: usize, end: usize, space_before: bool) -> bool {
    let gap = &bytes[gap_start.min(start)..start];
    if gap.is_empty() && !space_before {
        return true;
    }
    if !gap.iter().all(u8::is_ascii_whitespace) {
        return false;
    }
    let next = bytes[end..].iter().position(|b| !b.is_ascii_whitespace()).map_or(bytes.len(), |n| end + n);
    next == bytes.len()
        || bytes[next] == b'<' && bytes.get(next + 1).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/')
}

fn is_json_ld(attributes: &[u8]) -> bool {
    find_ignore_case(attributes, b"ld+json")
}

#[cfg(test)]
mod tests;
