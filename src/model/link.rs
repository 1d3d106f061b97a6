//! Link targets a reader may follow: http, https and mailto, or a relative
//! reference that will resolve to one of them.
//!
//! A page can hide a script link from a naive prefix check in many ways: a
//! tab or newline inside the scheme (`java\tscript:`, which URL parsers
//! strip), controls and spaces around it, upper case, or a `<base href>`
//! that turns a harmless-looking reference into an absolute one. So the
//! target is cleaned the way a browser's URL parser cleans it, resolved,
//! and only then judged by its scheme. Every link and image source enters
//! the model through [`safe_href`] (see `TextBuilder::open`), so nothing
//! downstream — outputs, the links list, opening a link — sees another
//! scheme.

use url::Url;

/// The schemes a link may keep.
pub const SAFE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// `raw` resolved against `base` when it is relative, if the result is a
/// link a reader may follow; `None` for unsafe schemes (`javascript:`,
/// `vbscript:`, `data:`, `file:` …), in-page anchors and empty targets.
///
/// Without a base, a relative reference stays relative (it resolves later
/// against wherever the document came from) as long as it names no scheme.
#[must_use]
pub fn safe_href(raw: &str, base: Option<&Url>) -> Option<String> {
    let cleaned = strip_controls(raw);
    let target = cleaned.trim_matches(|c: char| c == ' ' || c.is_whitespace());
    if target.is_empty() || target.starts_with('#') {
        return None;
    }
    match Url::parse(target) {
        Ok(url) => is_safe(&url).then(|| url.into()),
        Err(url::ParseError::RelativeUrlWithoutBase) => match base {
            Some(base) => base.join(target).ok().filter(is_safe).map(Into::into),
            None => (!names_scheme(target)).then(|| target.to_owned()),
        },
        Err(_) => None,
    }
}

/// Whether an absolute URL has a scheme a reader may follow.
#[must_use]
pub fn is_safe(url: &Url) -> bool {
    SAFE_SCHEMES.contains(&url.scheme())
}

/// Removes every ASCII control (the URL standard strips tabs and newlines
/// anywhere and controls at the ends; removing them everywhere can only
/// make a target less surprising) and C1 controls.
fn strip_controls(raw: &str) -> std::borrow::Cow<'_, str> {
    if raw.chars().any(char::is_control) {
        raw.chars().filter(|c| !c.is_control()).collect::<String>().into()
    } else {
        raw.into()
    }
}

/// Whether a reference that failed to parse as absolute still starts with
/// something a browser could take for a scheme (`x:`), judged before the
/// first `/`, `?` or `#`.
fn names_scheme(target: &str) -> bool {
    let head = target.split(['/', '?', '#']).next().unwrap_or_default();
    head.split_once(':').is_some_and(|(scheme, _)| {
        scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://news.example/politics/story.html").unwrap()
    }

    #[test]
    fn safe_targets_are_kept_and_resolved() {
        let base = base();
        let cases = [
            ("https://x.example/a", Some("https://x.example/a")),
            ("HTTP://X.example/a", Some("http://x.example/a")),
            ("mailto:desk@news.example", Some("mailto:desk@news.example")),
            ("other.html", Some("https://news.example/politics/other.html")),
            ("/about", Some("https://news.example/about")),
            ("//cdn.example/x", Some("https://cdn.example/x")),
            ("  other.html\n", Some("https://news.example/politics/other.html")),
        ];
        for (raw, want) in cases {
            assert_eq!(safe_href(raw, Some(&base)).as_deref(), want, "{raw:?}");
        }
    }

    #[test]
    fn unsafe_schemes_never_survive_in_any_disguise() {
        let base = base();
        let hostile = [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            " \u{1}javascript:alert(1)",
            "jav\u{9}ascript:alert(1)",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd",
            "ftp://x.example/",
            "tel:+15550100",
            "#section",
            "",
            "   ",
        ];
        for raw in hostile {
            assert_eq!(safe_href(raw, Some(&base)), None, "with a base: {raw:?}");
            assert_eq!(safe_href(raw, None), None, "without a base: {raw:?}");
        }
    }

    #[test]
    fn a_script_base_cannot_launder_a_relative_link() {
        let base = Url::parse("javascript:alert(1)//").unwrap();
        assert_eq!(safe_href("x", Some(&base)), None);
        let data = Url::parse("data:text/html,x").unwrap();
        assert_eq!(safe_href("y", Some(&data)), None);
    }

    #[test]
    fn relative_links_stay_relative_without_a_base() {
        assert_eq!(safe_href("notes/second.html", None).as_deref(), Some("notes/second.html"));
        assert_eq!(safe_href("../up.md?x=1#y", None).as_deref(), Some("../up.md?x=1#y"));
        assert_eq!(safe_href("a/b:c", None).as_deref(), Some("a/b:c"));
    }

    #[test]
    fn the_result_is_stable() {
        let base = base();
        for raw in ["https://x.example/a b", "other.html", "mailto:a@b.example", "rel/x"] {
            let once = safe_href(raw, Some(&base)).unwrap();
            assert_eq!(safe_href(&once, None).as_deref(), Some(once.as_str()), "{raw:?}");
        }
    }
}
