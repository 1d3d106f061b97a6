//! Capping element nesting before the parser sees it.
//!
//! html5ever's tree builder walks its stack of open elements for scope checks
//! and formatting reconstruction, so 100,000 nested (or never-closed) elements
//! cost it minutes. Browsers cap the tree depth (Blink at 512); we do the same
//! on the source: a linear pre-scan that tracks an approximate stack of open
//! elements and, only when it grows past [`MAX_DEPTH`], removes the start tags
//! beyond the cap (and their end tags). Text is never removed. Pages that stay
//! under the cap are returned untouched.

use std::borrow::Cow;

/// Deepest element nesting kept; deeper start tags are dropped (their text
/// stays, inside the element at the cap).
pub const MAX_DEPTH: usize = 512;

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr", "keygen", "basefont", "bgsound", "frame",
];

/// Start tags that close an open `<p>` (the HTML standard's list, abridged).
const CLOSES_P: &[&str] = &[
    "p",
    "div",
    "ul",
    "ol",
    "li",
    "dl",
    "dd",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "blockquote",
    "pre",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "nav",
    "main",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "address",
    "center",
    "details",
    "dialog",
    "hr",
    "menu",
    "hgroup",
    "dir",
];

/// Returns `html` with nesting capped at [`MAX_DEPTH`]; borrowed when no
/// element is nested that deep.
#[must_use]
pub fn cap_nesting(html: &str) -> Cow<'_, str> {
    if Scanner::new(html, false).run().is_none() {
        return Cow::Borrowed(html);
    }
    Scanner::new(html, true).run().map_or(Cow::Borrowed(html), Cow::Owned)
}

struct Scanner<'a> {
    html: &'a str,
    rewrite: bool,
    out: String,
    /// Start of the input not yet copied to `out`.
    copied: usize,
    open: Vec<&'a str>,
    /// Names of dropped start tags whose end tags are still to come.
    dropped: Vec<&'a str>,
}

impl<'a> Scanner<'a> {
    fn new(html: &'a str, rewrite: bool) -> Self {
        Self { html, rewrite, out: String::new(), copied: 0, open: Vec::new(), dropped: Vec::new() }
    }

    /// Measuring (`rewrite` false): `Some` as soon as the cap is exceeded, else
    /// `None`. Rewriting: the capped document.
    fn run(mut self) -> Option<String> {
        let bytes = self.html.as_bytes();
        let mut at = 0;
        while let Some(found) = self.html[at..].find('<') {
            let start = at + found;
            let rest = &bytes[start + 1..];
            at = match rest.first() {
                Some(b'!') if rest.starts_with(b"!--") => skip_past(self.html, start + 4, "-->"),
                Some(b'!' | b'?') => skip_past(self.html, start + 1, ">"),
                Some(b'/') => self.end_tag(start),
                Some(c) if c.is_ascii_alphabetic() => match self.start_tag(start) {
                    Some(next) => next,
                    None if self.rewrite => start + 1,
                    None => return Some(String::new()),
                },
                _ => start + 1,
            };
        }
        if !self.rewrite {
            return None;
        }
        self.out.push_str(&self.html[self.copied..]);
        Some(self.out)
    }

    /// Handles `<name …>` at `start`; returns where scanning resumes, or `None`
    /// when measuring and the cap was exceeded.
    fn start_tag(&mut self, start: usize) -> Option<usize> {
        let name = tag_name(self.html, start + 1);
        let end = tag_end(self.html, start + 1 + name.len());
        let self_closing = self.html[..end].ends_with("/>");
        let mut buffer = [0u8; NAME_BUFFER];
        let lower = lower_name(name, &mut buffer);
        if VOID.contains(&lower) || self_closing {
            return Some(end);
        }
        self.close_implied(lower);
        if self.open.len() >= MAX_DEPTH {
            if !self.rewrite {
                return None;
            }
            self.drop_range(start, end, CLOSES_P.contains(&lower));
            self.dropped.push(name);
        } else {
            self.open.push(name);
        }
        if RAW_TEXT.contains(&lower) {
            // The content is text up to `</name`; an end tag closes it.
            let close = find_end_tag(self.html, end, lower).unwrap_or(self.html.len());
            return Some(close);
        }
        Some(end)
    }

    fn end_tag(&mut self, start: usize) -> usize {
        let name = tag_name(self.html, start + 2);
        let end = tag_end(self.html, start + 2 + name.len());
        if name.is_empty() {
            return end;
        }
        if self.dropped.last().is_some_and(|d| d.eq_ignore_ascii_case(name)) {
            self.dropped.pop();
            let block = CLOSES_P.iter().any(|b| b.eq_ignore_ascii_case(name));
            self.drop_range(start, end, block);
        } else if let Some(index) = self.open.iter().rposition(|open| open.eq_ignore_ascii_case(name)) {
            self.open.truncate(index);
        }
        end
    }

    /// Leaves out `start..end`; a block-level tag leaves a space behind so that
    /// the texts it separated do not run together.
    fn drop_range(&mut self, start: usize, end: usize, block: bool) {
        self.out.push_str(&self.html[self.copied..start]);
        if block {
            self.out.push(' ');
        }
        self.copied = end;
    }

    /// Pops the elements a start tag closes implicitly (`<p>` after `<p>`,
    /// `<li>` after `<li>` …), so that pages written with omitted end tags are
    /// not mistaken for deep ones.
    fn close_implied(&mut self, name: &str) {
        let pop_to = |open: &[&str], targets: &[&str], boundaries: &[&str]| {
            for (index, element) in open.iter().enumerate().rev() {
                if targets.iter().any(|t| t.eq_ignore_ascii_case(element)) {
                    return Some(index);
                }
                if boundaries.iter().any(|b| b.eq_ignore_ascii_case(element)) {
                    return None;
                }
            }
            None
        };
        let found = match name {
            "li" => pop_to(&self.open, &["li"], &["ul", "ol", "table", "td", "th"]),
            "dt" | "dd" => pop_to(&self.open, &["dt", "dd"], &["dl", "table"]),
            "tr" => pop_to(&self.open, &["tr"], &["table"]),
            "td" | "th" => pop_to(&self.open, &["td", "th"], &["tr", "table"]),
            "option" => pop_to(&self.open, &["option"], &["select"]),
            _ => None,
        };
        if let Some(index) = found {
            self.open.truncate(index);
        }
        if CLOSES_P.contains(&name)
            && let Some(index) = pop_to(&self.open, &["p"], &["table", "td", "th", "button", "object"])
        {
            self.open.truncate(index);
        }
    }
}

/// Longest tag name the lists above can hold; longer names are matched by
/// none of them.
const NAME_BUFFER: usize = 16;

/// `name` in lower case, in `buffer` (no allocation per tag); empty when the
/// name is too long to be in any list.
fn lower_name<'b>(name: &str, buffer: &'b mut [u8; NAME_BUFFER]) -> &'b str {
    let Some(slot) = buffer.get_mut(..name.len()) else { return "" };
    slot.copy_from_slice(name.as_bytes());
    slot.make_ascii_lowercase();
    // Tag names are ASCII (`tag_name` stops at anything else).
    std::str::from_utf8(slot).unwrap_or("")
}

fn tag_name(html: &str, from: usize) -> &str {
    let rest = &html[from.min(html.len())..];
    let len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':')).unwrap_or(rest.len());
    &rest[..len]
}

/// Index just past the `>` that ends a tag, skipping quoted attribute values.
fn tag_end(html: &str, from: usize) -> usize {
    let bytes = html.as_bytes();
    let mut quote: Option<u8> = None;
    let mut at = from.min(bytes.len());
    while at < bytes.len() {
        let byte = bytes[at];
        match quote {
            Some(q) if byte == q => quote = None,
            None if byte == b'"' || byte == b'\'' => quote = Some(byte),
            None if byte == b'>' => return at + 1,
            Some(_) | None => {}
        }
        at += 1;
    }
    bytes.len()
}

fn skip_past(html: &str, from: usize, needle: &str) -> usize {
    let from = from.min(html.len());
    html[from..].find(needle).map_or(html.len(), |found| from + found + needle.len())
}

/// Where `</name` starts after `from`, case-insensitively.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    while let Some(found) = html[at..].find("</") {
        let start = at + found;
        let candidate = html.get(start + 2..start + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name) {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<html><body><p>a<p>b<ul><li>x<li>y</ul><script>if (a<b) {}</script></body></html>";
        assert!(matches!(cap_nesting(page), Cow::Borrowed(_)));
    }

    #[test]
    fn omitted_end_tags_do_not_count_as_depth() {
        let page = "<p>para".repeat(MAX_DEPTH * 3) + &"<li>item".repeat(MAX_DEPTH * 3);
        assert!(matches!(cap_nesting(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        let depth = MAX_DEPTH * 4;
        let page =
            format!("{}<p>bottom</p>{}<p>after</p>", "<div><b>".repeat(depth), "</b></div>".repeat(depth));
        let capped = cap_nesting(&page);
        assert!(capped.contains("bottom") && capped.contains("after"));
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH / 2);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH / 2);
    }

    #[test]
    fn unclosed_nesting_is_capped() {
        let page = "<div><font><span>".repeat(MAX_DEPTH * 2) + "end";
        let capped = cap_nesting(&page);
        assert!(capped.ends_with("end"));
        assert!(capped.matches('<').count() <= MAX_DEPTH);
    }

    #[test]
    fn quoted_angle_brackets_and_raw_text_are_not_tags() {
        let inner = "<div title='a>b'><script>var s = '<div>';</script>".repeat(MAX_DEPTH + 10);
        let capped = cap_nesting(&inner);
        assert_eq!(capped.matches("<script>").count(), capped.matches("</script>").count());
        assert!(capped.contains("var s = '<div>';"));
    }
}
