//! Markup hints: what an element's class, id, role, `itemprop` and visibility
//! say about it. These are markup conventions shared by sites in every
//! language (`comment-list`, `entry-content`, `role="navigation"`), never
//! words of the article text.
//!
//! Class and id values are cut into lower-case alphanumeric tokens
//! (`post__content` → `post`, `content`; `articleBody` → `articlebody`) and
//! each token is classified by a match, so the cost is linear in the length
//! of the attributes.

/// What the hints say, as bit flags plus a readability-style weight.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hints {
    /// `CHROME`, `META`, `CAPTION`, `HIDDEN`, `BODY`, `POSITIVE`… bits.
    pub flags: u16,
    /// Class/id weight: +25 per positive attribute, −25 per negative one.
    pub weight: i8,
}

/// Page furniture: navigation, comments, sharing, subscribing, related
/// links, advertising, cookie notices. Dropped with everything inside.
pub const CHROME: u16 = 1;
/// Article furniture: bylines, dates, tags, kickers. Dropped inside the
/// article, harmless when choosing it.
pub const META: u16 = 1 << 1;
/// Captions and photo credits.
pub const CAPTION: u16 = 1 << 2;
/// Invisible: `hidden`, `aria-hidden`, `display: none`.
pub const HIDDEN: u16 = 1 << 3;
/// A conventional name for an article body (`entry-content`, `articleBody`).
pub const BODY: u16 = 1 << 4;
/// A name that suggests content (`article`, `post`, `story`, `text`).
pub const POSITIVE: u16 = 1 << 5;
/// A byline or author name (`byline`, `author-name`, `rel="author"`).
pub const BYLINE: u16 = 1 << 6;
/// A photo credit or copyright line.
pub const CREDIT: u16 = 1 << 7;
/// A footnote or a list of notes (`footnote`, `role="doc-endnotes"`).
pub const FOOTNOTE: u16 = 1 << 8;
/// A quotation set apart (`pullquote`, `blockquote` as a class).
pub const QUOTE: u16 = 1 << 9;
/// Chrome that stays out even after a relaxed retry: reader comments,
/// recommendation widgets, consent notices. (A retry is for an article
/// in a misnamed wrapper; nobody wraps an article in `comment-list`.)
pub const STRONG_CHROME: u16 = 1 << 10;

impl Hints {
    /// Whether any of `bits` is set.
    #[must_use]
    pub fn has(self, bits: u16) -> bool {
        self.flags & bits != 0
    }
}

/// What one token says.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    /// Chrome even when another token is positive (`comment-body`).
    StrongChrome,
    Chrome,
    Meta,
    Byline,
    Caption,
    Credit,
    Positive,
    /// First half of a body name: `article`, `post`, `entry`, `story`.
    BodyHead,
    /// Second half of a body name: `body`, `content`, `text`.
    BodyTail,
    Body,
    /// Lowers the weight without dropping anything.
    Negative,
    /// Text for screen readers only.
    Hidden,
    Footnote,
    Quote,
    /// `quote`, `quotation`: names nothing alone, but a credit named with it
    /// (`quote-attribution`) is a quotation's credit line.
    QuoteWord,
    /// `cite`, `source`: a credit only beside a quotation's name.
    Cite,
    Neutral,
}

fn classify(token: &[u8]) -> Token {
    match token {
        b"comment" | b"comments" | b"commentlist" | b"disqus" | b"replies" | b"respond" | b"outbrain"
        | b"taboola" | b"cookie" | b"cookies" | b"consent" | b"gdpr" => Token::StrongChrome,
        b"article" | b"post" | b"entry" | b"story" | b"blog" | b"news" | b"single" => Token::BodyHead,
        b"body" | b"content" | b"text" | b"copy" | b"contents" | b"markup" | b"prose" => Token::BodyTail,
        b"articlebody" | b"articlecontent" | b"articletext" | b"postbody" | b"postcontent" | b"posttext"
        | b"entrycontent" | b"entrybody" | b"storybody" | b"storycontent" | b"storytext" | b"bodytext"
        | b"articlecopy" | b"bodycopy" | b"richtext" | b"blogpost" => Token::Body,
        b"main" | b"hentry" | b"page" | b"column" | b"wysiwyg" | b"articles" | b"posts" | b"stories" => {
            Token::Positive
        }
        b"share" | b"shares" | b"sharing" | b"social" | b"newsletter" | b"subscribe" | b"subscription"
        | b"subscriptions" | b"signup" | b"related" | b"recommended" | b"recommendations" | b"promo"
        | b"promos" | b"sponsor" | b"sponsored" | b"advert" | b"advertisement" | b"advertising" | b"ad"
        | b"ads" | b"adsense" | b"adslot" | b"adunit" | b"dfp" | b"paywall" | b"breadcrumb"
        | b"breadcrumbs" | b"pagination" | b"pager" | b"popup" | b"modal" | b"sidebar" | b"navbar"
        | b"nav" | b"navigation" | b"menu" | b"submenu" | b"footer" | b"masthead" | b"toolbar" | b"skip"
        | b"cta" | b"upsell" | b"trending" | b"popular" | b"widget" | b"widgets" | b"login" | b"signin"
        | b"banner" | b"tags" | b"tagcloud" | b"taglist" | b"rss" | b"syndication" | b"viral" | b"follow"
        | b"donate" | b"jp" | b"sociable" | b"addthis" | b"sharethis" | b"sharedaddy" | b"shareaholic"
        | b"overlay" | b"lightbox" | b"carousel" | b"slideshow" | b"button" | b"buttons" | b"btn"
        | b"embedded" | b"ufi" | b"dropdown" => Token::Chrome,
        b"byline" | b"bylines" | b"author" | b"authors" | b"authorname" | b"writer" => Token::Byline,
        b"date" | b"dates" | b"timestamp" | b"published" | b"pubdate" | b"updated" | b"posted" | b"meta"
        | b"metadata" | b"postmeta" | b"entrymeta" | b"kicker" | b"eyebrow" | b"categories" | b"category"
        | b"dateline" | b"time" | b"datetime" | b"subtitle" | b"standfirst" | b"dek" => Token::Meta,
        b"caption" | b"captions" | b"figcaption" => Token::Caption,
        b"credit" | b"credits" | b"photocredit" | b"copyright" | b"attribution" => Token::Credit,
        b"sronly" | b"visuallyhidden" | b"screenreader" | b"offscreen" | b"srtext" => Token::Hidden,
        b"footnote" | b"footnotes" | b"endnote" | b"endnotes" => Token::Footnote,
        b"pullquote" | b"blockquote" => Token::Quote,
        b"quote" | b"quotation" => Token::QuoteWord,
        b"cite" | b"source" => Token::Cite,
        b"hidden" | b"hid" | b"media" | b"scroll" | b"shopping" | b"contact" | b"header" | b"teaser"
        | b"extra" | b"supplemental" | b"rating" | b"combx" | b"shoutbox" | b"skyscraper" => Token::Negative,
        _ => classify_compound(token),
    }
}

/// Compound and camel-case names (`commentsArea`, `sharebar`, `relatedPosts`).
fn classify_compound(token: &[u8]) -> Token {
    const STRONG: &[&[u8]] = &[b"comment", b"disqus"];
    const CHROME: &[&[u8]] = &[
        b"share",
        b"social",
        b"newsletter",
        b"subscri",
        b"related",
        b"recommend",
        b"sponsor",
        b"advert",
        b"button",
    ];
    const CHROME_ANYWHERE: &[&[u8]] = &[b"sidebar", b"footer", b"breadcrumb", b"navbar", b"paywall"];
    if token.len() < 5 {
        return Token::Neutral;
    }
    // `commentary` is a kind of article, `commented` a state of one.
    if STRONG.iter().any(|s| token.starts_with(s))
        && !token.starts_with(b"commentar")
        && token != b"commented"
    {
        return Token::StrongChrome;
    }
    if CHROME.iter().any(|s| token.starts_with(s)) || CHROME_ANYWHERE.iter().any(|s| contains(token, s)) {
        return Token::Chrome;
    }
    if token.starts_with(b"byline") || token.starts_with(b"author") {
        return Token::Byline;
    }
    if token.ends_with(b"caption") {
        return Token::Caption;
    }
    // `postmetadata`, `articlemeta`: the lines about a post, not the post.
    if token.ends_with(b"meta") || token.ends_with(b"metadata") {
        return Token::Meta;
    }
    if token.starts_with(b"article") || token.starts_with(b"content") {
        return Token::Positive;
    }
    Token::Neutral
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

/// Reads one class or id value, name by name. Taxonomy classes that
/// blogging tools put on a post (`tag-cookie-recipes`, `category-sidebar-
/// news`) name its topics, not the element's role: they are skipped.
fn read_names(value: &str, acc: &mut Acc) {
    for name in value.split_ascii_whitespace() {
        let lower = |prefix: &str| name.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
        if name.eq_ignore_ascii_case("hidden") || name.eq_ignore_ascii_case("is-hidden") {
            // The utility class of CSS frameworks for `display: none`
            // (`hidden-xs` and the like only hide at one screen size).
            acc.hidden = true;
        } else if !lower("tag-") && !lower("category-") {
            read_name(name, acc);
        }
    }
}

/// Reads one class name (or an id) as a run of words.
fn read_name(value: &str, acc: &mut Acc) {
    let mut buf = [0u8; 40];
    let mut len = 0usize;
    let mut too_long = false;
    let mut previous = Token::Neutral;
    let mut previous_word = [0u8; 40];
    let mut previous_len = 0usize;
    let bytes = value.as_bytes();
    for index in 0..=bytes.len() {
        let byte = bytes.get(index).copied().unwrap_or(b' ');
        if byte.is_ascii_alphanumeric() {
            if len < buf.len() {
                buf[len] = byte.to_ascii_lowercase();
                len += 1;
            } else {
                too_long = true;
            }
            continue;
        }
        if len > 0 && !too_long {
            let word = &buf[..len];
            let token = match pair(&previous_word[..previous_len], word) {
                Some(token) => token,
                None => classify(word),
            };
            acc.token(token, previous);
            previous = token;
            previous_word[..len].copy_from_slice(word);
            previous_len = len;
        } else if len > 0 {
            previous = Token::Neutral;
            previous_len = 0;
        }
        len = 0;
        too_long = false;
    }
}

/// Two-word names: text for screen readers only (`sr-only`,
/// `visually-hidden`), links to neighbouring posts (`next-post`).
fn pair(first: &[u8], second: &[u8]) -> Option<Token> {
    match (first, second) {
        (b"sr", b"only")
        | (b"visually", b"hidden")
        | (b"screen", b"reader")
        | (b"off", b"screen")
        | (b"assistive", b"text")
        | (b"element", b"invisible") => Some(Token::Hidden),
        (b"next" | b"prev" | b"previous", b"post" | b"article" | b"story" | b"posts" | b"articles") => {
            Some(Token::Chrome)
        }
        _ => None,
    }
}

#[derive(Default)]
struct Acc {
    strong: bool,
    chrome: bool,
    meta: bool,
    byline: bool,
    caption: bool,
    credit: bool,
    body: bool,
    positive: bool,
    negative: bool,
    hidden: bool,
    footnote: bool,
    quote: bool,
    quote_word: bool,
    cite: bool,
}

impl Acc {
    fn token(&mut self, token: Token, previous: Token) {
        match token {
            Token::StrongChrome => self.strong = true,
            Token::Chrome => self.chrome = true,
            Token::Meta => self.meta = true,
            Token::Byline => self.byline = true,
            Token::Caption => self.caption = true,
            Token::Credit => self.credit = true,
            Token::Body => self.body = true,
            Token::BodyTail if previous == Token::BodyHead => self.body = true,
            Token::BodyHead | Token::BodyTail | Token::Positive => self.positive = true,
            Token::Negative => self.negative = true,
            Token::Hidden => self.hidden = true,
            Token::Footnote => self.footnote = true,
            Token::Quote => self.quote = true,
            Token::QuoteWord => self.quote_word = true,
            Token::Cite => self.cite = true,
            Token::Neutral => {}
        }
    }

    /// A quotation's credit line (`quote-attribution`, `pullquote-author`,
    /// `blockquote-cite`) is neither a quotation nor a photo credit nor the
    /// article's byline: plain text, which analysis reads as the credit of
    /// the quotation before it.
    fn settle_quote_credit(&mut self) {
        if (self.quote || self.quote_word) && (self.credit || self.byline || self.cite) {
            self.quote = false;
            self.credit = false;
            self.byline = false;
            self.meta = false;
        }
    }

    fn weight(&self) -> i32 {
        let negative = self.strong
            || self.chrome
            || self.meta
            || self.byline
            || self.caption
            || self.credit
            || self.negative;
        let positive = self.positive || self.body;
        25 * (i32::from(positive) - i32::from(negative))
    }
}

/// The attributes hints are read from, as found on one element.
#[derive(Debug, Default, Clone, Copy)]
pub struct Attrs<'a> {
    /// `class`.
    pub class: Option<&'a str>,
    /// `id`.
    pub id: Option<&'a str>,
    /// `role`.
    pub role: Option<&'a str>,
    /// `style`.
    pub style: Option<&'a str>,
    /// `itemprop`.
    pub itemprop: Option<&'a str>,
    /// `rel`.
    pub rel: Option<&'a str>,
    /// `data-component-name` (Substack's names for its widgets).
    pub component: Option<&'a str>,
    /// Whether `hidden` or `aria-hidden="true"` is present.
    pub hidden: bool,
}

/// Reads the hints of one element's attributes.
#[must_use]
pub fn read(attrs: &Attrs<'_>) -> Hints {
    let mut flags = 0u16;
    let mut weight = 0i32;
    let mut positive = false;
    let mut chrome = false;
    // An id that is a URL or a path names a resource, not a role: the
    // words of `…/read-the-comments` say nothing about the element.
    let names = [attrs.class, attrs.id, attrs.component].into_iter().flatten().filter(|v| !v.contains('/'));
    for value in names {
        let mut acc = Acc::default();
        read_names(value, &mut acc);
        acc.settle_quote_credit();
        weight += acc.weight();
        if acc.strong {
            flags |= CHROME | STRONG_CHROME;
        }
        chrome |= acc.chrome;
        positive |= acc.positive || acc.body;
        if acc.meta || acc.byline {
            flags |= META;
        }
        if acc.byline {
            flags |= BYLINE;
        }
        if acc.hidden {
            flags |= HIDDEN;
        }
        if acc.footnote {
            flags |= FOOTNOTE;
        }
        if acc.quote {
            flags |= QUOTE;
        }
        if acc.caption {
            flags |= CAPTION;
        }
        if acc.credit {
            flags |= CREDIT;
        }
        if acc.body {
            flags |= BODY;
        }
        if acc.positive {
            flags |= POSITIVE;
        }
    }
    // A wrapper named for both (`content-sidebar-wrap`) may hold the article.
    if chrome && !positive {
        flags |= CHROME;
    }
    if let Some(role) = attrs.role {
        match role.trim().to_ascii_lowercase().as_str() {
            "navigation" | "banner" | "contentinfo" | "complementary" | "menu" | "menubar" | "dialog"
            | "alertdialog" | "search" | "toolbar" | "tablist" | "alert" => flags |= CHROME,
            "main" | "article" => {
                flags |= POSITIVE;
                weight += 25;
            }
            "doc-endnotes" | "doc-footnote" | "doc-endnote" => flags |= FOOTNOTE,
            _ => {}
        }
    }
    if attrs.itemprop.is_some_and(|p| p.split_whitespace().any(|p| p.eq_ignore_ascii_case("articleBody"))) {
        flags |= BODY;
        weight += 25;
    }
    let has_word = |value: Option<&str>, word: &str| {
        value.is_some_and(|v| v.split_whitespace().any(|w| w.eq_ignore_ascii_case(word)))
    };
    if has_word(attrs.rel, "author") || has_word(attrs.itemprop, "author") {
        flags |= BYLINE | META;
    }
    if attrs.hidden || attrs.style.is_some_and(hides) {
        flags |= HIDDEN;
    }
    Hints { flags, weight: weight.clamp(-100, 100) as i8 }
}

/// Whether an inline style hides the element.
fn hides(style: &str) -> bool {
    // Most styles say neither word: no copy for them.
    let mentions = |word: &[u8]| style.as_bytes().windows(word.len()).any(|w| w.eq_ignore_ascii_case(word));
    if !mentions(b"none") && !mentions(b"hidden") {
        return false;
    }
    let squeezed: String =
        style.chars().filter(|c| !c.is_ascii_whitespace()).map(|c| c.to_ascii_lowercase()).collect();
    squeezed.contains("display:none") || squeezed.contains("visibility:hidden")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(value: &str) -> Hints {
        read(&Attrs { class: Some(value), ..Attrs::default() })
    }

    #[test]
    fn chrome_names_are_chrome() {
        for name in [
            "share-tools",
            "comments-area",
            "relatedPosts",
            "sharedaddy sd-sharing-enabled",
            "subscription-widget-wrap",
            "site-footer",
            "ad-slot",
            "jp-relatedposts",
            "dropdown-menu",
            "nav_dropdown_col",
        ] {
            assert!(class(name).has(CHROME), "{name}");
        }
    }

    #[test]
    fn body_names_are_body() {
        for name in ["entry-content", "post__content", "articleBody", "c-article-body", "story-text"] {
            assert!(class(name).has(BODY), "{name}");
            assert!(class(name).weight > 0, "{name}");
        }
        assert!(!class("post content").has(BODY), "halves in different class names");
        let prop = read(&Attrs { itemprop: Some("articleBody"), ..Attrs::default() });
        assert!(prop.has(BODY));
    }

    #[test]
    fn compound_and_component_names() {
        assert!(class("relatedPosts").has(CHROME));
        assert!(class("SIDEBAR").has(CHROME));
        // Split at the case change, this would read as a menu.
        assert!(!class("MathJax CtxtMenu_Attached_0").has(CHROME));
        let widget = read(&Attrs { component: Some("SubscribeWidgetToDOM"), ..Attrs::default() });
        assert!(widget.has(CHROME));
        let button = read(&Attrs { component: Some("ButtonCreateButton"), ..Attrs::default() });
        assert!(button.has(CHROME));
    }

    #[test]
    fn a_positive_name_keeps_a_wrapper_but_not_comments() {
        assert!(!class("content-sidebar-wrap").has(CHROME));
        assert!(class("comment-content").has(CHROME));
        assert!(!class("commentary-article").has(CHROME));
    }

    #[test]
    fn taxonomy_classes_and_url_ids_name_no_role() {
        let post = class("post type-post hentry tag-cookie-recipes category-sidebar-picks");
        assert!(!post.has(CHROME | STRONG_CHROME), "{post:?}");
        assert!(post.has(POSITIVE));
        let wrapper =
            read(&Attrs { id: Some("https://example.org/2024/read-the-comments"), ..Attrs::default() });
        assert_eq!(wrapper, Hints::default());
        assert!(class("comment-list").has(STRONG_CHROME));
        assert!(!class("share-tools").has(STRONG_CHROME));
    }

    #[test]
    fn meta_and_captions_are_told_apart() {
        assert!(class("byline").has(META | BYLINE));
        assert!(class("author-name").has(BYLINE));
        assert!(class("post-meta").has(META));
        assert!(class("postmetadata alt").has(META));
        assert!(class("articlemeta").has(META));
        assert!(!class("postmetadata").has(CHROME));
        assert!(class("wp-caption-text").has(CAPTION));
        assert!(class("image-credit").has(CREDIT));
        assert!(!class("byline").has(CHROME));
    }

    #[test]
    fn role_itemprop_and_visibility() {
        assert!(read(&Attrs { role: Some("navigation"), ..Attrs::default() }).has(CHROME));
        assert!(read(&Attrs { style: Some("color:red; DISPLAY: none"), ..Attrs::default() }).has(HIDDEN));
        assert!(read(&Attrs { style: Some("visibility : HIDDEN"), ..Attrs::default() }).has(HIDDEN));
        assert!(!read(&Attrs { style: Some("display:block; border: none"), ..Attrs::default() }).has(HIDDEN));
        assert!(read(&Attrs { hidden: true, ..Attrs::default() }).has(HIDDEN));
        assert_eq!(class("flex mt2 w-100"), Hints::default());
        for name in ["sr-only", "visually-hidden", "screen-reader-text", "off-screen"] {
            assert!(class(name).has(HIDDEN), "{name}");
        }
        assert!(!class("hidden-xs").has(HIDDEN));
        assert!(class("skip hidden").has(HIDDEN));
        assert!(class("is-hidden").has(HIDDEN));
        assert!(!class("hidden-gems").has(HIDDEN));
        assert!(class("next-post block").has(CHROME));
        assert!(class("footnote").has(FOOTNOTE));
        assert!(class("pullquote").has(QUOTE));
        assert!(class("button-wrapper").has(CHROME));
    }

    #[test]
    fn a_quotation_s_credit_line_is_plain_text() {
        for name in
            ["quote-attribution", "pullquote-credit", "pullquote-author", "blockquote-cite", "quote-source"]
        {
            let hints = class(name);
            assert!(!hints.has(QUOTE | CREDIT | BYLINE | META | CHROME), "{name}");
            assert!(hints.weight >= 0, "{name}");
        }
        // Each word alone keeps its own meaning.
        assert!(class("image-credit").has(CREDIT));
        assert!(class("author-name").has(BYLINE));
        assert!(class("pullquote").has(QUOTE));
        assert_eq!(class("quote"), Hints::default());
        assert_eq!(class("source"), Hints::default());
    }
}
