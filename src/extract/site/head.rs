//! What a site rule matches on, read from the page's `<head>` without
//! parsing it: the generator meta, the canonical address, and whether the
//! head contains a marker. A byte scan of at most [`HEAD_BYTES`], lower-cased
//! once; pages that match no rule pay this and nothing else.

/// Most bytes of a page read as its head.
pub const HEAD_BYTES: usize = 64 * 1024;

/// The page's head, lower-cased: up to `</head>` or `HEAD_BYTES` bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    text: String,
}

impl Head {
    /// Reads the head of `html`.
    #[must_use]
    pub fn of(html: &str) -> Self {
        let mut end = html.len().min(HEAD_BYTES);
        while !html.is_char_boundary(end) {
            end -= 1;
        }
        let mut text = html[..end].to_ascii_lowercase();
        if let Some(close) = text.find("</head") {
            text.truncate(close);
        }
        Self { text }
    }

    /// Whether the head contains `marker` (compared in lower case).
    #[must_use]
    pub fn contains(&self, marker: &str) -> bool {
        self.text.contains(&marker.to_ascii_lowercase())
    }

    /// The `content` of `<meta name="generator">`, lower case.
    #[must_use]
    pub fn generator(&self) -> Option<&str> {
        self.tags("<meta")
            .find(|tag| attribute(tag, "name") == Some("generator"))
            .and_then(|tag| attribute(tag, "content"))
    }

    /// The canonical address: `<link rel="canonical">`, else `og:url`.
    #[must_use]
    pub fn canonical(&self) -> Option<&str> {
        self.tags("<link")
            .find(|tag| attribute(tag, "rel") == Some("canonical"))
            .and_then(|tag| attribute(tag, "href"))
            .or_else(|| {
                self.tags("<meta")
                    .find(|tag| attribute(tag, "property") == Some("og:url"))
                    .and_then(|tag| attribute(tag, "content"))
            })
    }

    /// The text of every tag starting with `open` (`<meta`), up to its `>`.
    fn tags<'a>(&'a self, open: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.text.match_indices(open).filter_map(move |(at, _)| {
            let rest = &self.text[at + open.len()..];
            let end = rest.find('>')?;
            let tag = &rest[..end];
            tag.starts_with(|c: char| c.is_ascii_whitespace()).then_some(tag)
        })
    }
}

/// The value of attribute `name` inside a tag's text: quoted with `"` or
/// `'`, or bare up to whitespace.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut search = tag;
    loop {
        let at = search.find(name)?;
        let before = search[..at].chars().next_back();
        let after = search[at + name.len()..].trim_start();
        search = &search[at + name.len()..];
        if !before.is_some_and(|c| c.is_ascii_whitespace()) {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else { continue };
        let value = value.trim_start();
        return match value.chars().next() {
            Some(quote @ ('"' | '\'')) => value[1..].split(quote).next(),
            Some(_) => value.split(|c: char| c.is_ascii_whitespace() || c == '/').next(),
            None => None,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_and_canonical_are_read_in_any_case_and_quoting() {
        let head = Head::of(
            "<HTML><HEAD><META NAME=\"Generator\" CONTENT=\"WordPress 6.4\">\
             <link href='https://Example.org/a' rel=canonical></HEAD><body>",
        );
        assert_eq!(head.generator(), Some("wordpress 6.4"));
        assert_eq!(head.canonical(), Some("https://example.org/a"));
        let og = Head::of("<head><meta property=\"og:url\" content=\"https://x.example/p\"></head>");
        assert_eq!(og.canonical(), Some("https://x.example/p"));
    }

    #[test]
    fn the_body_is_not_the_head() {
        let head = Head::of("<head><title>x</title></head><body>substackcdn.com</body>");
        assert!(!head.contains("substackcdn.com"));
        assert!(head.contains("<TITLE>"));
        assert_eq!(head.generator(), None);
    }

    #[test]
    fn a_name_inside_another_attribute_is_not_the_attribute() {
        let head = Head::of("<head><meta data-name=\"generator\" content=\"Ghost\"></head>");
        assert_eq!(head.generator(), None);
    }
}
