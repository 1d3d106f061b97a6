//! Markup hints: which tags never hold article text, and what class and id
//! names say about a container. These are markup conventions shared by sites
//! in every language, not words of the article.

use scraper::node::Element;

/// Tags whose content is never article text.
#[must_use]
pub fn is_skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "source"
            | "track"
            | "map"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "option"
            | "label"
            | "nav"
            | "dialog"
            | "menu"
    )
}

/// Tags that end a paragraph and start a new block.
#[must_use]
pub fn is_block_tag(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "hr"
            | "form"
            | "fieldset"
            | "address"
            | "center"
            | "details"
            | "summary"
            | "hgroup"
            | "body"
            | "html"
    )
}

const NEGATIVE: &[&str] = &[
    "comment",
    "disqus",
    "share",
    "sharing",
    "social",
    "subscribe",
    "newsletter",
    "signup",
    "sign-up",
    "related",
    "recommend",
    "promo",
    "sponsor",
    "advert",
    "ad-slot",
    "ad-container",
    "adsense",
    "banner",
    "cookie",
    "consent",
    "gdpr",
    "paywall",
    "sidebar",
    "widget",
    "footer",
    "masthead",
    "breadcrumb",
    "pagination",
    "pager",
    "menu",
    "navbar",
    "nav-",
    "-nav",
    "toolbar",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "byline-share",
    "tags",
    "tagcloud",
    "author-bio",
    "more-stories",
    "read-more",
    "readmore",
    "trending",
    "most-popular",
    "skip-link",
    "screen-reader",
    "sr-only",
    "visually-hidden",
    "hidden",
    "print-only",
    "login",
    "button",
    "btn",
    "icon",
    "caption-credit",
    "credit",
];

const POSITIVE: &[&str] = &[
    "article",
    "post-body",
    "post-content",
    "entry-content",
    "entry",
    "story",
    "content",
    "main",
    "body",
    "text",
    "blog",
    "prose",
    "markup",
    "rich-text",
    "available-content",
];

fn class_and_id(element: &Element) -> String {
    let mut names = String::new();
    if let Some(class) = element.attr("class") {
        names.push_str(class);
    }
    if let Some(id) = element.id() {
        names.push(' ');
        names.push_str(id);
    }
    names.to_ascii_lowercase()
}

/// A score adjustment from the element's class and id: negative for chrome
/// (share, comments, related), positive for article bodies.
#[must_use]
pub fn class_weight(element: &Element) -> f64 {
    let names = class_and_id(element);
    if names.is_empty() {
        return 0.0;
    }
    let mut weight = 0.0;
    if NEGATIVE.iter().any(|n| names.contains(n)) {
        weight -= 25.0;
    }
    if POSITIVE.iter().any(|p| names.contains(p)) {
        weight += 25.0;
    }
    weight
}

/// Whether the element is page chrome by its role, visibility or class: it and
/// everything inside it are left out of the article.
#[must_use]
pub fn is_chrome(element: &Element) -> bool {
    let name = element.name();
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = element.attr("style") {
        let style = style.to_ascii_lowercase().replace(' ', "");
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = element.attr("role")
        && matches!(
            role,
            "navigation" | "banner" | "contentinfo" | "complementary" | "menu" | "dialog" | "alert"
        )
    {
        return true;
    }
    let names = class_and_id(element);
    !names.is_empty()
        && NEGATIVE.iter().any(|n| names.contains(n))
        && !POSITIVE.iter().any(|p| names.contains(p))
}
