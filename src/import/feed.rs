//! Feeds (RSS 0.9x, 1.0 and 2.0, Atom, JSON Feed, read by feed-rs): one
//! item per entry. A full-content feed (Substack's `/feed` puts each whole
//! post in `content:encoded`) gives whole posts; an entry with a summary
//! only becomes the page it links to, loaded when the item's turn comes
//! (it fails, and says why, when the network is not there).

use feed_rs::model::{Entry, Feed};

use super::{Content, Item};
use crate::error::{Error, Result};
use crate::extract::SourceKind;
use crate::library::Hints;
use crate::source::{Loaded, SourceSpec};

/// A summary with at least this many characters of text is taken for the
/// whole post (some feeds put full posts in `description`).
const FULL_SUMMARY_CHARS: usize = 1500;

/// Whether `bytes` look like a feed rather than a page: an XML document
/// whose first element is `rss`, `feed` or `rdf:RDF`, or a JSON Feed.
#[must_use]
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('{') {
        return head.contains("jsonfeed.org/version");
    }
    // Skip the XML declaration, processing instructions, comments and a
    // document type (RSS 0.91 has one).
    let mut rest = head;
    loop {
        let end = if rest.starts_with("<?") {
            "?>"
        } else if rest.starts_with("<!--") {
            "-->"
        } else if rest.starts_with("<!") {
            ">"
        } else {
            break;
        };
        let Some(at) = rest[2..].find(end) else { return false };
        rest = rest[2 + at + end.len()..].trim_start();
    }
    let element = rest.strip_prefix('<').unwrap_or("");
    let name: String = element.chars().take_while(|c| c.is_alphanumeric() || *c == ':').collect();
    matches!(name.to_ascii_lowercase().as_str(), "rss" | "feed" | "rdf:rdf")
}

/// The entries of the feed in `loaded`, as items.
pub fn entries(loaded: &Loaded) -> Result<Vec<Item>> {
    let name = loaded.spec.display_name();
    let base = match &loaded.spec {
        SourceSpec::Url(url) => Some(url.clone()),
        _ => loaded.url.clone(),
    };
    let feed = feed_rs::parser::Builder::new()
        .base_uri(base.as_deref())
        .build()
        .parse(loaded.bytes.as_slice())
        .map_err(|e| Error::Import {
            source_name: name.clone(),
            message: format!("not a readable feed: {e}"),
        })?;
    let site = feed.title.as_ref().map(|t| t.content.trim().to_owned()).filter(|t| !t.is_empty());
    Ok(feed
        .entries
        .iter()
        .enumerate()
        .map(|(index, entry)| item(&feed, entry, index, &name, site.as_ref()))
        .collect())
}

fn item(feed: &Feed, entry: &Entry, index: usize, feed_name: &str, site: Option<&String>) -> Item {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.clone());
    let title = entry.title.as_ref().map(|t| t.content.trim().to_owned()).filter(|t| !t.is_empty());
    let authors: Vec<String> = entry
        .authors
        .iter()
        .chain(&feed.authors)
        .filter_map(|a| a.name.as_deref().map(str::trim))
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect();
    let hints = Hints {
        title: title.clone(),
        byline: (!authors.is_empty()).then(|| authors.join(", ")),
        site: site.cloned(),
        published: entry.published.or(entry.updated).map(|date| date.format("%Y-%m-%d").to_string()),
        url: link.clone(),
        ..Hints::default()
    };
    let name =
        title.clone().or_else(|| link.clone()).unwrap_or_else(|| format!("{feed_name} entry {}", index + 1));
    let origin = Some(format!(
        "feed:{}",
        if entry.id.is_empty() { link.clone().unwrap_or_default() } else { entry.id.clone() }
    ));
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_ref().map(|body| (body, c.content_type.to_string())))
        .filter(|(body, _)| !body.trim().is_empty())
        .or_else(|| {
            entry
                .summary
                .as_ref()
                .filter(|s| text_chars(&s.content) >= FULL_SUMMARY_CHARS)
                .map(|s| (&s.content, s.content_type.to_string()))
        });
    let spec = match &link {
        Some(link) => SourceSpec::Url(link.clone()),
        None => SourceSpec::File(format!("{feed_name}#{}", index + 1).into()),
    };
    let content = match (body, &link) {
        (Some((body, media)), _) => {
            let forced = if media.starts_with("text/plain") { SourceKind::Text } else { SourceKind::Html };
            let loaded = Loaded {
                bytes: body.clone().into_bytes(),
                spec,
                content_type: Some(format!("{media}; charset=utf-8")),
                url: link.clone(),
                note: None,
            };
            return Item { name, origin, hints, forced: Some(forced), content: Content::Loaded(loaded) };
        }
        (None, Some(link)) => Content::Load(SourceSpec::Url(link.clone())),
        (None, None) => Content::Fail("the entry has neither content nor a link".into()),
    };
    Item { name, origin, hints, forced: None, content }
}

/// Characters of text in an HTML fragment, tags left out.
fn text_chars(html: &str) -> usize {
    let mut inside = false;
    html.chars()
        .filter(|c| {
            match c {
                '<' => inside = true,
                '>' => {
                    inside = false;
                    return false;
                }
                _ => {}
            }
            !inside && !c.is_whitespace()
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[rstest::rstest]
    #[case("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", true)]
    #[case(
        "\u{feff}<?xml version='1.0'?><!-- made by hand --><feed xmlns=\"http://www.w3.org/2005/Atom\">",
        true
    )]
    #[case("<rdf:RDF xmlns:rdf=\"x\">", true)]
    #[case(
        "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape\" \"x.dtd\"><rss version=\"0.91\">",
        true
    )]
    #[case("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", true)]
    #[case("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", false)]
    #[case("<!doctype html><html><body>rss feed</body></html>", false)]
    #[case("{\"title\": \"not a feed\"}", false)]
    #[case("<?xml unterminated", false)]
    fn feeds_are_told_from_pages(#[case] text: &str, #[case] feed: bool) {
        assert_eq!(looks_like_feed(text.as_bytes()), feed);
    }

    #[test]
    fn text_is_counted_without_tags() {
        assert_eq!(text_chars("<p>ab <b>c</b></p>"), 3);
    }
}
