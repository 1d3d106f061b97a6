//! Page metadata: title, byline, date, site, canonical URL and language, from
//! `<meta>` tags, JSON-LD and the markup, in that order of trust. One scan
//! over the arena's elements; text is read only for the few elements used.

use serde_json::Value;

use super::hints;
use super::tag::Tag;
use super::tree::{ElId, Tree};
use crate::model::Metadata;

/// The `<meta>` names and properties read here, lower-case, by what they
/// give, each list in order of trust.
mod keys {
    pub const SITE: &[&str] = &["og:site_name", "application-name"];
    /// Trusted less than JSON-LD's publisher.
    pub const SITE_HANDLE: &[&str] = &["twitter:site"];
    pub const TITLE: &[&str] = &["og:title", "twitter:title"];
    pub const BYLINE: &[&str] =
        &["author", "article:author", "parsely-author", "sailthru.author", "dc.creator"];
    pub const PUBLISHED: &[&str] = &[
        "article:published_time",
        "datepublished",
        "og:published_time",
        "date",
        "dc.date",
        "dc.date.issued",
        "parsely-pub-date",
        "sailthru.date",
        "pubdate",
        "publish-date",
    ];
    pub const URL: &[&str] = &["og:url"];
    pub const LANGUAGE: &[&str] = &["content-language", "og:locale"];
}

/// The attributes that name a `<meta>`, in order of trust.
pub const KEY_ATTRIBUTES: &[&str] = &["property", "name", "itemprop", "http-equiv"];

/// Every `<meta>` name or property read here: the prescan drops the
/// `<meta>` tags that name none of them.
pub fn meta_keys() -> impl Iterator<Item = &'static str> {
    [keys::SITE, keys::SITE_HANDLE, keys::TITLE, keys::BYLINE, keys::PUBLISHED, keys::URL, keys::LANGUAGE]
        .into_iter()
        .flatten()
        .copied()
}

/// Everything the page says about itself.
#[derive(Default)]
struct Found {
    /// `(lower-case name or property, content)` of every `<meta>`.
    meta: Vec<(String, String)>,
    title_tag: Option<ElId>,
    first_h1: Option<String>,
    canonical: Option<String>,
    lang: Option<String>,
    byline_el: Option<ElId>,
    time_datetime: Option<String>,
    json_ld: Vec<Value>,
    base_href: Option<String>,
}

/// What the page says about itself beyond the model's metadata.
#[derive(Debug, Default)]
pub struct Page {
    /// Title, byline, date, site, canonical URL, language.
    pub meta: Metadata,
    /// The URL relative links resolve against.
    pub base: Option<url::Url>,
}

/// Reads the metadata of a flattened page.
#[must_use]
pub fn read(tree: &Tree<'_>, page_url: Option<&str>) -> Page {
    let found = gather(tree);
    let meta_value = |keys: &[&str]| {
        keys.iter().find_map(|key| {
            found
                .meta
                .iter()
                .find(|(name, value)| name == key && !value.trim().is_empty())
                .map(|(_, value)| collapse(value))
        })
    };
    let ld = |field: &str| found.json_ld.iter().find_map(|item| ld_text(item.get(field)?));
    // A relative canonical URL resolves against the page's own address;
    // whatever the page declares, only an http(s) address is kept.
    let page = page_url.and_then(|u| url::Url::parse(u).ok());
    let url = found
        .canonical
        .clone()
        .or_else(|| meta_value(keys::URL))
        .and_then(|declared| crate::model::link::safe_href(&declared, page.as_ref()))
        .filter(|declared| declared.starts_with("http"))
        .or_else(|| page_url.map(str::to_owned));
    // A Twitter handle names an account, not a publication: the site's host
    // says more ("nytimes.com" rather than "@nytimes").
    let site = meta_value(keys::SITE)
        .or_else(|| found.json_ld.iter().find_map(|item| ld_text(item.get("publisher")?)))
        .or_else(|| url.as_deref().and_then(host_name))
        .or_else(|| meta_value(keys::SITE_HANDLE));
    let title_tag = found.title_tag.map(|id| tree.text_of(id)).filter(|t| !t.is_empty());
    // A fragment (a Substack export's post body) has no head: its first
    // `<h1>` is a heading of the body, not the title.
    let is_page = found.title_tag.is_some() || !found.meta.is_empty();
    let title = meta_value(keys::TITLE)
        .or_else(|| ld("headline"))
        .or_else(|| found.first_h1.clone().filter(|_| is_page))
        .or(title_tag)
        .map(|t| strip_site_suffix(&t, site.as_deref()));
    let written_by = meta_value(keys::BYLINE)
        .filter(|value| !value.starts_with("http"))
        .or_else(|| ld("author"))
        .or_else(|| found.byline_el.map(|id| tree.text_of(id)));
    let byline = written_by.as_deref().map(|b| byline_names(&strip_by(b))).filter(|b| !b.is_empty());
    let published = keys::PUBLISHED
        .iter()
        .find_map(|key| meta_value(&[key]).and_then(|raw| written_date(&raw)))
        .or_else(|| ld("datePublished").and_then(|raw| written_date(&raw)))
        .or_else(|| found.time_datetime.as_deref().and_then(written_date))
        .or_else(|| written_by.as_deref().and_then(crate::extract::text::date::find_date));
    let language = found
        .lang
        .clone()
        .or_else(|| meta_value(keys::LANGUAGE).map(|l| l.replace('_', "-")))
        .or_else(|| ld("inLanguage"));
    let base = base_url(found.base_href.as_deref(), page_url, url.as_deref());
    Page { meta: Metadata { title, byline, site, published, url, language }, base }
}

/// The URL relative links resolve against: `<base href>`, else the page's own
/// URL, else its canonical URL.
fn base_url(base_href: Option<&str>, page_url: Option<&str>, canonical: Option<&str>) -> Option<url::Url> {
    let page = page_url.or(canonical).and_then(|u| url::Url::parse(u).ok());
    match (base_href, page) {
        (Some(href), Some(page)) => page.join(href).ok().or(Some(page)),
        (Some(href), None) => url::Url::parse(href).ok(),
        (None, page) => page,
    }
}

fn gather(tree: &Tree<'_>) -> Found {
    let mut found = Found::default();
    // Byline candidates read (each read costs its subtree): a few suffice.
    let mut byline_tries = 0;
    let mut h1_tries = 0;
    for (index, el) in tree.els.iter().enumerate() {
        let id = index as ElId;
        let element = el.element;
        match el.tag {
            Tag::Meta => {
                let key = KEY_ATTRIBUTES.iter().find_map(|name| element.attr(name));
                if let (Some(key), Some(content)) = (key, element.attr("content")) {
                    found.meta.push((key.trim().to_ascii_lowercase(), content.to_owned()));
                }
            }
            Tag::Title if found.title_tag.is_none() => found.title_tag = Some(id),
            Tag::Heading(1) if found.first_h1.is_none() && h1_tries < 4 => {
                h1_tries += 1;
                let text = tree.text_of(id);
                if !text.is_empty() {
                    found.first_h1 = Some(text);
                }
            }
            Tag::Link if found.canonical.is_none() => {
                let canonical = element
                    .attr("rel")
                    .is_some_and(|rel| rel.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")));
                if canonical {
                    found.canonical =
                        element.attr("href").map(|h| h.trim().to_owned()).filter(|h| !h.is_empty());
                }
            }
            Tag::Base if found.base_href.is_none() => {
                found.base_href = element.attr("href").map(str::to_owned);
            }
            Tag::Html if found.lang.is_none() => {
                found.lang =
                    element.attr("lang").or_else(|| element.attr("xml:lang")).map(|l| l.trim().to_owned());
                found.lang = found.lang.take().filter(|l| !l.is_empty());
            }
            Tag::Time if found.time_datetime.is_none() => {
                found.time_datetime = element.attr("datetime").map(str::to_owned);
            }
            Tag::Script
                if element
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Ok(value) = serde_json::from_str::<Value>(tree.raw_text_of(id).trim()) {
                    flatten_ld(value, &mut found.json_ld);
                }
            }
            _ if found.byline_el.is_none() && byline_tries < 4 && el.hints.has(hints::BYLINE) => {
                byline_tries += 1;
                let text = tree.text_of(id);
                if (2..=100).contains(&text.chars().count()) {
                    found.byline_el = Some(id);
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
        Value::String(s) if !s.trim().is_empty() => Some(collapse(s)),
        Value::Object(map) => map.get("name").and_then(ld_text),
        Value::Array(items) => {
            let mut names: Vec<String> = Vec::new();
            for name in items.iter().filter_map(ld_text) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "By Ann Lee" → "Ann Lee".
fn strip_by(byline: &str) -> String {
    let trimmed = byline.trim();
    match trimmed.get(..3) {
        Some(head) if head.eq_ignore_ascii_case("by ") => trimmed[3..].trim().to_owned(),
        _ => trimmed.to_owned(),
    }
}

/// A byline without the date, time and page furniture that bylines in the
/// markup run on into ("Ann Lee | March 9, 2017 8:02 PM Print this
/// article", "Ann Lee 22 Dec 2016 651", "Ann Lee —"): cut where a date or a
/// time begins, then the separators left at the end.
fn byline_names(byline: &str) -> String {
    use crate::extract::text::date::{find_date, month_number};
    let words: Vec<(usize, &str)> =
        byline.split_whitespace().map(|w| (w.as_ptr() as usize - byline.as_ptr() as usize, w)).collect();
    let starts_with_digit = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    let cut = words.iter().enumerate().find_map(|(i, &(at, word))| {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let next = words.get(i + 1).map_or("", |(_, w)| w);
        let month_day = month_number(bare).is_some() && starts_with_digit(next);
        let day_month = starts_with_digit(word) && bare.len() <= 2 && month_number(next).is_some();
        let clock = bare.split_once(':').is_some_and(|(h, m)| {
            !h.is_empty()
                && h.len() <= 2
                && m.len() == 2
                && format!("{h}{m}").bytes().all(|b| b.is_ascii_digit())
        });
        (month_day || day_month || clock || find_date(word).is_some()).then_some(at)
    });
    let kept = cut.map_or(byline, |at| &byline[..at]);
    kept.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '—' | '–' | '-' | '|' | '·' | ',' | ':' | ';')
    })
    .to_owned()
}

/// The host of `url` without "www.", as a site's name of last resort.
fn host_name(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_owned();
    let host = host.strip_prefix("www.").map_or(host.clone(), str::to_owned);
    (!host.is_empty()).then_some(host)
}

/// Drops a " | Site" or " - Site" suffix (or prefix) from a title.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
            if is_site || head.split_whitespace().count() >= 4 && tail.split_whitespace().count() <= 3 {
                return head.trim().to_owned();
            }
        }
        if let Some((head, tail)) = title.split_once(separator)
            && site.is_some_and(|s| head.trim().eq_ignore_ascii_case(s.trim()))
        {
            return tail.trim().to_owned();
        }
    }
    title.to_owned()
}

/// A date as a page writes it in its metadata: ISO 8601 mostly, but some
/// sites put "Feb 5, 2026" or "05.02.2026" there; those are read the way
/// plain-text datelines are.
pub(crate) fn written_date(raw: &str) -> Option<String> {
    iso_date(raw).or_else(|| crate::extract::text::date::find_date(raw))
}

/// `YYYY-MM-DD` from the start of an ISO 8601 date or date-time, as written
/// (no time-zone conversion).
#[must_use]
pub fn iso_date(raw: &str) -> Option<String> {
    let date = raw.trim().get(..10)?;
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    let valid = digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10);
    if !valid {
        return None;
    }
    let month: u32 = date[5..7].parse().ok()?;
    let day: u32 = date[8..10].parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| date.to_owned())
}

#[cfg(test)]
mod tests;
