//! Site furniture recognised by its text: widget labels (Share, Subscribe,
//! Read later), newsletter and footer lines, cookie notices, pipe-separated
//! menus. The structural rules (menu runs, repeated lines, link lists,
//! duplicated text) live in `classify`; these are the words sites print
//! around an article, which no structure gives away.

/// Whole-unit labels, compared lower-cased without trailing `:`, `›`, `»`.
const LABELS: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "subscribe",
    "subscribe now",
    "home",
    "archive",
    "about",
    "no posts",
    "menu",
    "search",
    "sign in",
    "sign up",
    "log in",
    "login",
    "log out",
    "logout",
    "sign out",
    "register",
    "comments",
    "comment",
    "show comments",
    "view comments",
    "like",
    "reply",
    "restack",
    "close",
    "advertising",
    "advertisement",
    "sponsored",
    "loading",
    "loading...",
    "read later",
    "print",
    "print this article",
    "email",
    "e-mail",
    "next",
    "previous",
    "next article",
    "previous article",
    "back to top",
    "copied!",
    "get the app",
    "open in app",
    "follow us",
    "follow",
    "newsletter",
    "newsletters",
    "skip",
    "listen",
    "save",
    "bookmark",
    "tweet",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "copy link",
    "upgrade to paid",
    "more",
    "discussion about this post",
    "ready for more?",
    "thanks for reading!",
    "cookie settings",
    "accept",
    "i agree",
    "learn more",
    "explore",
    "×",
];

/// How the headings of related-links boxes begin, lower-cased.
const LIST_HEADINGS: &[&str] = &[
    "related",
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "more from",
    "more on ",
    "more in ",
    "more stories",
    "more news",
    "top stories",
    "trending",
    "recommended",
    "latest news",
    "latest stories",
    "you may also like",
    "you might also like",
    "read more",
    "read next",
    "editor's picks",
    "editors' picks",
    "in case you missed",
    "don't miss",
];

/// Longest related-links heading, in words.
const LIST_HEADING_WORDS: usize = 8;

/// What kind of furniture a unit's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// A widget label standing alone ("Share", "Advertisement").
    Label,
    /// The heading of a related-links box ("Most read", "More from us").
    ListHeading,
    /// Footer, newsletter, cookie or menu text.
    Words,
}

/// Prefixes of lines that belong to the frame, lower-cased.
const PREFIXES: &[&str] = &[
    "©",
    "(c) ",
    "copyright ",
    "share this",
    "share on ",
    "share via ",
    "share to ",
    "share all sharing options",
    "all sharing options for",
    "follow us on",
    "follow us:",
    "sign up for",
    "subscribe to ",
    "skip to ",
    "start your substack",
    "get the app",
    "cross-posted by ",
    "view in browser",
    "view this post on the web",
    "view this email in",
    "view it in your browser",
    "open in browser",
    "please enable javascript",
    "you must be logged in",
    "you must be signed in",
    "substack is the home for",
    "read more about sharing",
    "disclaimer:",
    "thanks for reading",
];

/// Phrases that make a short unit furniture wherever they stand.
const PHRASES: &[&str] = &[
    "reader-supported publication",
    "all rights reserved",
    "unsubscribe",
    "we use cookies",
    "uses cookies",
    "use of cookies",
    "use cookies",
    "cookie policy",
    "cookie preferences",
    "accept cookies",
    "accept all cookies",
    "manage your subscription",
    "manage preferences",
];

/// Longest unit (in words) that a phrase alone marks as furniture.
const PHRASE_MAX_WORDS: usize = 80;

/// What furniture the text of a unit is, if it is any.
#[must_use]
pub fn furniture(text: &str) -> Option<Furniture> {
    // Labels and prefixes sit at the start, and phrases only count in short
    // units: a long paragraph is looked at no further than its opening.
    let lower = lower_start(text);
    let label = lower.trim_end_matches([':', '›', '»', ' ']).trim_start_matches(['›', '»', ' ']);
    if LABELS.contains(&label) {
        return Some(Furniture::Label);
    }
    let words = lower.split_whitespace().count();
    if words <= LIST_HEADING_WORDS && LIST_HEADINGS.iter().any(|p| label.starts_with(p)) {
        return Some(Furniture::ListHeading);
    }
    is_chrome_text(&lower, words).then_some(Furniture::Words)
}

fn is_chrome_text(lower: &str, words: usize) -> bool {
    if PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // A cookie notice talks about cookies more than once, and about the
    // site; a recipe talks about cookies and ovens.
    let about_site = ["website", "browser", "consent", "privacy"].iter().any(|w| lower.contains(w));
    if about_site && lower.matches("cookie").nth(1).is_some() {
        return true;
    }
    let address = lower.contains("://") || lower.contains("www.");
    (address && words <= 6)
        || (words <= PHRASE_MAX_WORDS && PHRASES.iter().any(|p| lower.contains(p)))
        || is_separated_menu(lower)
}

/// Lines that open a page's comment section, lower-cased.
const COMMENT_OPENERS: &[&str] = &[
    "comments",
    "show comments",
    "view comments",
    "reader comments",
    "comment on this article",
    "join the conversation",
    "leave a comment",
    "post a comment",
    "add a comment",
    "discussion",
    "discussion about this post",
];

/// Whether the line opens the comments under an article ("Comments",
/// "12 comments", "Join the conversation"). Nothing after it is the article's.
#[must_use]
pub fn opens_comments(text: &str) -> bool {
    if text.len() > 200 {
        return false;
    }
    let lower = text.to_lowercase();
    // A button's marker ("(BUTTON) Join the conversation") is not the label.
    let lower = lower.strip_prefix("(button)").unwrap_or(&lower).trim().trim_end_matches([':', ' ']);
    // "Comments (42)"
    let lower = lower
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .filter(|(_, n)| n.bytes().all(|b| b.is_ascii_digit()))
        .map_or(lower, |(label, _)| label.trim_end());
    // "42 comments", "34 responses to “Title”", "One thought on “Title”"
    let mut words = lower.split_whitespace();
    let counted = words.next().is_some_and(|n| n == "one" || n.bytes().all(|b| b.is_ascii_digit()))
        && words.next().is_some_and(|noun| {
            matches!(
                noun,
                "comments"
                    | "comment"
                    | "responses"
                    | "response"
                    | "replies"
                    | "reply"
                    | "thoughts"
                    | "thought"
            )
        });
    COMMENT_OPENERS.contains(&lower) || counted
}

/// First words of photo credits, lower-cased.
const CREDITS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "image",
    "images",
    "illustration",
    "courtesy",
    "credit",
    "credits",
    "source",
    "video",
    "graphic",
    "map",
    "chart",
    "getty",
];

/// A credit line under a picture ("Photo by Ann Lee", "Courtesy of X"):
/// standalone like a heading, but not one.
#[must_use]
pub fn is_credit(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches([':', ',']).to_lowercase();
    CREDITS.contains(&first.as_str())
}

/// The first few hundred bytes of `text`, lower-cased.
fn lower_start(text: &str) -> String {
    let mut end = text.len().min(PHRASE_MAX_WORDS * 12);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_lowercase()
}

/// "Terms | Privacy | Sitemap", "Privacy · Terms · Collection notice": three
/// or more short items between separators.
fn is_separated_menu(text: &str) -> bool {
    if text.len() > 400 {
        return false;
    }
    for separator in ['|', '·', '∙', '•'] {
        if text.matches(separator).nth(1).is_none() {
            continue;
        }
        let items: Vec<&str> = text.split(separator).map(str::trim).collect();
        if items.len() >= 3 && items.iter().all(|item| item.split_whitespace().count() <= 4) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_prefixes_and_phrases() {
        for chrome in [
            "Share",
            "Read Later",
            "Related stories:",
            "© 2026 Ann Lee",
            "Start your SubstackGet the app",
            "The Ledger is a reader-supported publication. To receive new posts, subscribe.",
            "We use cookies to understand how you use our site.",
            "Necessary cookies are essential for the website to work. These cookies store no data.",
            "Terms of Service | Privacy | Site Map | Advertise With Us",
            "Skip to main content",
        ] {
            assert!(furniture(chrome).is_some(), "{chrome}");
        }
    }

    #[test]
    fn kinds_of_furniture() {
        assert_eq!(furniture("Advertisement"), Some(Furniture::Label));
        assert_eq!(furniture("Most Read Weather Stories"), Some(Furniture::ListHeading));
        assert_eq!(furniture("Related: the council said more than it meant to say today"), None);
        assert_eq!(furniture("© 2026 Ann Lee"), Some(Furniture::Words));
        assert!(opens_comments("Comments (42)") && opens_comments("42 comments"));
        assert!(opens_comments("(BUTTON) Join the Conversation"));
        assert!(
            opens_comments("34 responses to “A headline”") && opens_comments("One thought on “A headline”")
        );
        assert!(!opens_comments("34 people were hurt"));
        assert!(is_credit("Photo by Ann Lee") && !is_credit("Photographers were there"));
    }

    #[test]
    fn article_text_is_not_chrome() {
        for text in [
            "The cookie jar was empty when the minister arrived.",
            "Bake the cookies for ten minutes; the cookies firm up as they cool.",
            "Home prices rose again in March.",
            "Share prices fell.",
            "Why the vote matters | A note",
        ] {
            assert_eq!(furniture(text), None, "{text}");
        }
    }
}
