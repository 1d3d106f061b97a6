//! Which attributes reach the parser.
//!
//! html5ever reads tag and attribute names one character at a time, and on
//! news pages start tags are two thirds of what is left once scripts and
//! styles are emptied, much of it `data-*`, `srcset`, `onclick` and ARIA
//! attributes that no rule here reads. The prescan drops those; the parser
//! and every later stage see the same elements with fewer attributes.

use super::bytes::find_ignore_case;

/// Every attribute extraction reads. [`super::super::dom::Element::attr`]
/// checks its argument against this list in debug builds, so a rule that
/// starts reading a new attribute fails its tests until the name is added.
pub const READ: &[&str] = &[
    "alt",
    "aria-hidden",
    "class",
    "content",
    "data-component-name",
    "datetime",
    "hidden",
    "href",
    "http-equiv",
    "id",
    "itemprop",
    "lang",
    "name",
    "property",
    "rel",
    "role",
    "src",
    "style",
    "type",
    "xml:lang",
];

/// Whether an attribute (any case) is one extraction reads.
#[must_use]
pub fn is_read(name: &[u8]) -> bool {
    let mut lower = [0u8; 20];
    let Some(slot) = lower.get_mut(..name.len()) else { return false };
    slot.copy_from_slice(name);
    slot.make_ascii_lowercase();
    // The same names as `READ` (a test keeps the two in step), as a match
    // the compiler turns into a few comparisons.
    matches!(
        &*slot,
        b"alt"
            | b"aria-hidden"
            | b"class"
            | b"content"
            | b"data-component-name"
            | b"datetime"
            | b"hidden"
            | b"href"
            | b"http-equiv"
            | b"id"
            | b"itemprop"
            | b"lang"
            | b"name"
            | b"property"
            | b"rel"
            | b"role"
            | b"src"
            | b"style"
            | b"type"
            | b"xml:lang"
    )
}

/// Attributes read on one kind of element only, removed from the others:
/// an image's `src` is its figure's, a script's `src` nothing's.
pub const READ_ONLY_ON: &[(&str, &str)] = &[("src", "img")];

/// Whether extraction may read attribute `name` on an element `element`
/// (both as written, any case). `<link href>` is read only on the canonical
/// link, so the href of a link whose tag (`tag`, all its bytes) cannot say
/// `rel=canonical` goes; a character reference might spell it, so a tag
/// with `&` keeps it.
fn is_read_on(element: &[u8], name: &[u8], tag: &[u8]) -> bool {
    if !is_read(name) {
        return false;
    }
    if name.eq_ignore_ascii_case(b"src") {
        return element.eq_ignore_ascii_case(b"img");
    }
    if name.eq_ignore_ascii_case(b"href") && element.eq_ignore_ascii_case(b"link") {
        return tag.contains(&b'&') || find_ignore_case(tag, b"canonical");
    }
    true
}

/// Words that make a `<link>` one that extraction reads: the canonical
/// link, and the author links and names that byline hints look for.
pub const LINK_WORDS: &[&str] = &["canonical", "author", "byline", "writer"];

/// Whether a `<link>` whose attributes are `tag` may be read: it names one
/// of [`LINK_WORDS`], or holds a character reference that might spell one.
/// The others (stylesheets, icons, preloads) can go whole.
#[must_use]
pub fn link_is_read(tag: &[u8]) -> bool {
    tag.contains(&b'&') || LINK_WORDS.iter().any(|word| find_ignore_case(tag, word.as_bytes()))
}

/// The spans of a start tag to cut, as `(start, end, space)`: remove
/// `start..end` and, when `space` is set, put one space in its place. The
/// spans are the attributes no rule reads (a space keeps the next attribute
/// apart from what precedes it) and runs of whitespace before the others.
/// `from` is just past the tag name and `end` is the index of the closing
/// `>`.
pub fn unread_spans(
    bytes: &[u8],
    element: &[u8],
    from: usize,
    end: usize,
    mut each: impl FnMut(usize, usize, bool),
) {
    let tag = &bytes[from..end];
    let mut at = from;
    while let Some(attribute) = next_attribute(bytes, at, end) {
        let name = &bytes[attribute.name.clone()];
        at = attribute.end;
        if !is_read_on(element, name, tag) {
            let space = at < end && !bytes[at].is_ascii_whitespace() && bytes[at] != b'/';
            each(attribute.start, at, space);
        } else if attribute.name.start - attribute.start > 1 {
            // Line breaks and indentation between attributes: one space does.
            each(attribute.start, attribute.name.start, true);
        }
    }
}

/// One attribute of a start tag, as offsets into the page.
pub struct Attribute {
    /// Where the whitespace before it starts.
    pub start: usize,
    /// Its name.
    pub name: std::ops::Range<usize>,
    /// Just past its `=`, when it has a value.
    value_from: Option<usize>,
    /// Just past it.
    pub end: usize,
}

impl Attribute {
    /// Its value without quotes (empty when it has none). Worked out only
    /// when asked: most attributes are only kept or cut.
    pub fn value<'b>(&self, bytes: &'b [u8]) -> &'b [u8] {
        let Some(from) = self.value_from else { return &[] };
        let value = bytes[from..self.end].trim_ascii_start();
        match value {
            [quote @ (b'"' | b'\''), inner @ ..] => inner.strip_suffix(&[*quote]).unwrap_or(inner),
            _ => value,
        }
    }
}

/// The attributes of a start tag whose name ends at `from` and whose `>`
/// is at `end`, read as the tokenizer reads them.
pub fn attributes(bytes: &[u8], from: usize, end: usize) -> impl Iterator<Item = Attribute> + '_ {
    let mut at = from;
    std::iter::from_fn(move || {
        let attribute = next_attribute(bytes, at, end)?;
        at = attribute.end;
        Some(attribute)
    })
}

/// The attribute at or after `at` (after any whitespace), if the tag has
/// another before `end`.
#[inline]
fn next_attribute(bytes: &[u8], mut at: usize, end: usize) -> Option<Attribute> {
    let start = at;
    while at < end && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
        at += 1;
    }
    if at >= end {
        return None;
    }
    let name_start = at;
    // A leading `=` belongs to the name, as in the tokenizer.
    at += 1;
    while at < end && !matches!(bytes[at], b'=' | b'/' | b'>') && !bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    let name = name_start..at;
    let mut after = at;
    while after < end && bytes[after].is_ascii_whitespace() {
        after += 1;
    }
    let mut value_from = None;
    if after < end && bytes[after] == b'=' {
        value_from = Some(after + 1);
        at = value_end(bytes, after + 1, end);
    }
    Some(Attribute { start, name, value_from, end: at })
}

/// Just past an attribute value starting at or after `from` (after `=`).
fn value_end(bytes: &[u8], from: usize, end: usize) -> usize {
    let mut at = from;
    while at < end && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    match bytes.get(at) {
        Some(&quote @ (b'"' | b'\'')) if at < end => {
            memchr::memchr(quote, &bytes[at + 1..end]).map_or(end, |close| at + 1 + close + 1)
        }
        _ => {
            while at < end && !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            at
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tag with its unread attributes removed.
    fn filtered(tag: &str) -> String {
        let bytes = tag.as_bytes();
        let from = tag.find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').unwrap();
        let end = tag.len() - 1;
        let mut out = String::new();
        let mut copied = 0;
        unread_spans(bytes, &bytes[1..from], from, end, |start, stop, space| {
            out.push_str(&tag[copied..start]);
            if space {
                out.push(' ');
            }
            copied = stop;
        });
        out.push_str(&tag[copied..]);
        out
    }

    #[test]
    fn the_match_and_the_list_agree() {
        for name in READ {
            assert!(is_read(name.as_bytes()), "{name}");
            assert!(is_read(name.to_ascii_uppercase().as_bytes()), "{name}");
        }
        for name in ["data-src", "srcset", "onclick", "title", "aria-label", "a", "classes", ""] {
            assert!(!is_read(name.as_bytes()), "{name}");
        }
    }

    #[test]
    fn unread_attributes_go_and_read_ones_stay() {
        assert_eq!(
            filtered(r#"<img data-src="a.jpg" src="b.jpg" srcset="b.jpg 2x" alt="A chart" loading=lazy>"#),
            r#"<img src="b.jpg" alt="A chart">"#
        );
        assert_eq!(filtered(r#"<DIV Class="x" ONCLICK='go("<b>")' ID=main>"#), r#"<DIV Class="x" ID=main>"#);
    }

    #[test]
    fn some_attributes_stay_only_where_they_are_read() {
        assert_eq!(filtered(r#"<script src="/app.js" type="module">"#), r#"<script type="module">"#);
        assert_eq!(filtered(r#"<IMG SRC="a.jpg">"#), r#"<IMG SRC="a.jpg">"#);
        assert_eq!(filtered(r#"<link rel="stylesheet" href="/a.css">"#), r#"<link rel="stylesheet">"#);
        assert_eq!(filtered(r#"<link href="/p" rel="Canonical">"#), r#"<link href="/p" rel="Canonical">"#);
        assert_eq!(
            filtered(r#"<link href="/p" rel="&#99;anonical">"#),
            r#"<link href="/p" rel="&#99;anonical">"#
        );
        assert_eq!(filtered(r#"<a href="/p">"#), r#"<a href="/p">"#);
    }

    #[test]
    fn values_with_tag_characters_and_odd_spacing_are_respected() {
        assert_eq!(filtered(r#"<a title = "x > y" href = "/z">"#), r#"<a href = "/z">"#);
        assert_eq!(filtered("<input disabled hidden>"), "<input hidden>");
        assert_eq!(filtered("<a href=/x/ data-a=1/>"), "<a href=/x/>");
        assert_eq!(filtered("<br data-a=1 />"), "<br />");
    }

    #[test]
    fn attributes_run_together_stay_apart() {
        assert_eq!(filtered(r#"<p data-a="1"class="c">"#), r#"<p class="c">"#);
        assert_eq!(filtered(r#"<p class="c"data-a="1"id="d">"#), r#"<p class="c" id="d">"#);
    }

    #[test]
    fn whitespace_between_attributes_shrinks_to_a_space() {
        assert_eq!(
            filtered("<div\n    class=\"c\"\n    data-a=\"1\"\n    id=\"d\">"),
            r#"<div class="c" id="d">"#
        );
    }

    #[test]
    fn custom_element_names_are_not_attributes() {
        assert_eq!(filtered(r#"<my-card data-x="1" class="c">"#), r#"<my-card class="c">"#);
    }
}
