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
    "read more",
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
    "related",
    "related articles",
    "related stories",
    "most read",
    "most popular",
    "trending",
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

/// Prefixes of lines that belong to the frame, lower-cased.
const PREFIXES: &[&str] = &[
    "©",
    "(c) ",
    "copyright ",
    "share this",
    "share on ",
    "share via ",
    "share to ",
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

/// Whether the text of a unit is site furniture by its words.
#[must_use]
pub fn is_chrome_text(text: &str) -> bool {
    // Labels and prefixes sit at the start, and phrases only count in short
    // units: a long paragraph is looked at no further than its opening.
    let lower = lower_start(text);
    let label = lower.trim_end_matches([':', '›', '»', ' ']).trim_start_matches(['›', '»', ' ']);
    if LABELS.contains(&label) || PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let words = lower.split_whitespace().count();
    let address = lower.contains("://") || lower.contains("www.");
    (address && words <= 6)
        || (words <= PHRASE_MAX_WORDS && PHRASES.iter().any(|p| lower.contains(p)))
        || is_separated_menu(text)
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
    if text.len() > 80 {
        return false;
    }
    let lower = text.to_lowercase();
    // A button's marker ("(BUTTON) Join the conversation") is not the label.
    let lower = lower.strip_prefix("(button)").unwrap_or(&lower).trim().trim_end_matches([':', ' ']);
    let counted = lower.split_once(' ').is_some_and(|(n, rest)| {
        n.bytes().all(|b| b.is_ascii_digit()) && matches!(rest, "comments" | "comment")
    });
    COMMENT_OPENERS.contains(&lower) || counted
}

/// How photo credits begin, lower-cased.
const CREDITS: &[&str] = &[
    "photo",
    "image",
    "illustration",
    "courtesy",
    "credit",
    "source:",
    "getty images",
    "ap photo",
    "video:",
    "graphic",
    "map:",
    "chart:",
];

/// A credit line under a picture ("Photo by Ann Lee", "Courtesy of X"):
/// standalone like a heading, but not one.
#[must_use]
pub fn is_credit(text: &str) -> bool {
    let lower = text.to_lowercase();
    CREDITS.iter().any(|c| lower.starts_with(c))
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
            "Terms of Use | Privacy | Sitemap | About Our Ads",
            "Skip to main content",
        ] {
            assert!(is_chrome_text(chrome), "{chrome}");
        }
    }

    #[test]
    fn article_text_is_not_chrome() {
        for text in [
            "The cookie jar was empty when the minister arrived.",
            "Home prices rose again in March.",
            "Share prices fell.",
            "Why the vote matters | A note",
        ] {
            assert!(!is_chrome_text(text), "{text}");
        }
    }
}
