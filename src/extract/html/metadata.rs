//! Page metadata: title, byline, date, site, canonical URL and language, from
//! `<meta>` tags, JSON-LD and the markup, in that order of trust.

use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use crate::model::Metadata;

/// Everything the page says about itself, gathered in one pass over its elements.
#[derive(Default)]
struct Found {
    meta: Vec<(String, String)>,
    title_tag: Option<String>,
    first_h1: Option<String>,
    canonical: Option<String>,
    lang: Option<String>,
    rel_author: Option<String>,
    time_datetime: Option<String>,
    json_ld: Vec<Value>,
}

/// Reads the metadata of a parsed page.
#[must_use]
pub fn read(dom: &Html, page_url: Option<&str>) -> Metadata {
    let found = gather(dom);
    let meta_value = |keys: &[&str]| {
        keys.iter().find_map(|key| {
            found
                .meta
                .iter()
                .find(|(name, value)| name == key && !value.trim().is_empty())
                .map(|(_, value)| value.trim().to_owned())
        })
    };
    let ld = |field: &str| found.json_ld.iter().find_map(|item| ld_text(item.get(field)?));
    let site = meta_value(&["og:site_name", "application-name", "twitter:site"])
        .or_else(|| found.json_ld.iter().find_map(|item| ld_text(item.get("publisher")?)));
    let title = meta_value(&["og:title", "twitter:title"])
        .or_else(|| ld("headline"))
        .or_else(|| found.first_h1.clone())
        .or_else(|| found.title_tag.as_deref().map(|t| strip_site_suffix(t, site.as_deref())));
    let byline = meta_value(&["author", "article:author", "parsely-author", "sailthru.author", "dc.creator"])
        .filter(|value| !value.starts_with("http"))
        .or_else(|| ld("author"))
        .or_else(|| found.rel_author.clone());
    let published = meta_value(&[
        "article:published_time",
        "datepublished",
        "date",
        "dc.date",
        "dc.date.issued",
        "parsely-pub-date",
        "sailthru.date",
        "pubdate",
    ])
    .or_else(|| ld("datePublished"))
    .or_else(|| found.time_datetime.clone())
    .and_then(|raw| iso_date(&raw));
    let url =
        found.canonical.clone().or_else(|| meta_value(&["og:url"])).or_else(|| page_url.map(str::to_owned));
    Metadata { title, byline, site, published, url, language: found.lang }
}

/// The URL relative links resolve against: `<base href>`, else the page's own
/// URL, else its canonical URL.
#[must_use]
pub fn base_url(dom: &Html, page_url: Option<&str>, canonical: Option<&str>) -> Option<url::Url> {
    let page = page_url.or(canonical).and_then(|u| url::Url::parse(u).ok());
    let base_href = dom
        .tree
        .values()
        .filter_map(Node::as_element)
        .find(|el| el.name() == "base")
        .and_then(|el| el.attr("href"));
    match (base_href, page) {
        (Some(href), Some(page)) => page.join(href).ok().or(Some(page)),
        (Some(href), None) => url::Url::parse(href).ok(),
        (None, page) => page,
    }
}

fn gather(dom: &Html) -> Found {
    let mut found = Found::default();
    for node in dom.tree.nodes() {
        let Some(element) = ElementRef::wrap(node) else { continue };
        let el = element.value();
        match el.name() {
            "meta" => {
                let key = el.attr("property").or_else(|| el.attr("name")).or_else(|| el.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, el.attr("content")) {
                    found.meta.push((key.to_ascii_lowercase(), content.to_owned()));
                }
            }
            "title" if found.title_tag.is_none() => found.title_tag = Some(text_of(element)),
            "h1" if found.first_h1.is_none() => {
                let text = text_of(element);
                if !text.is_empty() {
                    found.first_h1 = Some(text);
                }
            }
            "link" if el.attr("rel").is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")) => {
                found.canonical = el.attr("href").map(str::to_owned);
            }
            "html" => found.lang = el.attr("lang").map(str::to_owned),
            "a" if found.rel_author.is_none() && el.attr("rel") == Some("author") => {
                found.rel_author = Some(text_of(element)).filter(|t| !t.is_empty());
            }
            "time" if found.time_datetime.is_none() => {
                found.time_datetime = el.attr("datetime").map(str::to_owned);
            }
            "script" if el.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) => {
                if let Ok(value) = serde_json::from_str::<Value>(&text_of_raw(element)) {
                    flatten_ld(value, &mut found.json_ld);
                }
            }
            _ => {}
        }
    }
    found
}

/// JSON-LD comes as one object, an array, or an `@graph`; keep the objects that
/// describe an article.
fn flatten_ld(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|item| flatten_ld(item, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_ld(graph, out);
            }
            let is_article = map.get("@type").is_some_and(|t| {
                let types = match t {
                    Value::String(s) => vec![s.as_str()],
                    Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                    _ => vec![],
                };
                types.iter().any(|t| t.ends_with("Article") || *t == "BlogPosting" || *t == "Report")
            });
            if is_article {
                out.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

/// Text of a JSON-LD value: a string, a `{name}` object, or a list of either.
fn ld_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Object(map) => map.get("name").and_then(ld_text),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(ld_text).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn text_of(element: ElementRef<'_>) -> String {
    element.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of_raw(element: ElementRef<'_>) -> String {
    element.text().collect()
}

/// Drops a " | Site" or " - Site" suffix (or prefix) from a `<title>`.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
            if is_site || head.split_whitespace().count() >= 4 && tail.split_whitespace().count() <= 4 {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// `YYYY-MM-DD` from the start of an ISO 8601 date or date-time, as written
/// (no time-zone conversion).
#[must_use]
pub fn iso_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let date = raw.get(..10)?;
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    let valid = digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10);
    let month: u32 = date[5..7].parse().ok()?;
    let day: u32 = date[8..10].parse().ok()?;
    (valid && (1..=12).contains(&month) && (1..=31).contains(&day)).then(|| date.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> Metadata {
        read(&Html::parse_document(html), None)
    }

    #[test]
    fn open_graph_beats_title_tag() {
        let m = meta_of(r#"<title>Page | Site</title><meta property="og:title" content="Real headline">"#);
        assert_eq!(m.title.as_deref(), Some("Real headline"));
    }

    #[test]
    fn title_tag_loses_its_site_suffix() {
        let m = meta_of(
            r#"<meta property="og:site_name" content="The Post"><title>Budget talks stall | The Post</title>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Budget talks stall"));
        assert_eq!(m.site.as_deref(), Some("The Post"));
    }

    #[test]
    fn json_ld_gives_author_and_date() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chen"}],"datePublished":"2025-03-04T23:10:00-05:00"}]}</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("H"));
        assert_eq!(m.byline.as_deref(), Some("Ann Lee, Bo Chen"));
        assert_eq!(m.published.as_deref(), Some("2025-03-04"));
    }

    #[test]
    fn time_element_and_canonical_and_lang() {
        let m = meta_of(
            r#"<html lang="pt-BR"><link rel="canonical" href="https://x.org/a"><time datetime="2024-12-31">x</time>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2024-12-31"));
        assert_eq!(m.url.as_deref(), Some("https://x.org/a"));
        assert_eq!(m.language.as_deref(), Some("pt-BR"));
    }

    #[test]
    fn iso_date_rejects_garbage() {
        assert_eq!(iso_date("2026-02-05T10:00:00Z").as_deref(), Some("2026-02-05"));
        assert_eq!(iso_date("Feb 5, 2026"), None);
        assert_eq!(iso_date("2026-13-05"), None);
    }
}
