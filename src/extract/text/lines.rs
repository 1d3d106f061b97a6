//! Line-level rules for plain text: splitting into paragraphs, rejoining hard
//! wraps, and telling headings, bullets, bylines and chrome by their shape.

/// A run of non-blank lines, with indentation removed.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// The lines, trimmed.
    pub lines: Vec<String>,
}

/// Splits text into blank-line separated paragraphs (CR, CRLF and LF alike).
#[must_use]
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in text.split(['\n', '\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}']) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if !current.is_empty() {
                out.push(Paragraph { lines: std::mem::take(&mut current) });
            }
        } else {
            current.push(trimmed.to_owned());
        }
    }
    if !current.is_empty() {
        out.push(Paragraph { lines: current });
    }
    out
}

/// Rejoins hard-wrapped lines with spaces, and words hyphenated across lines.
#[must_use]
pub fn join(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        if out.is_empty() {
            out.push_str(line);
        } else if out.ends_with('-') && !out.ends_with(" -") && line.starts_with(char::is_lowercase) {
            out.pop();
            out.push_str(line);
        } else {
            out.push(' ');
            out.push_str(line);
        }
    }
    out
}

/// A short standalone line without end punctuation that is not a sentence
/// fragment: the shape of a heading.
#[must_use]
pub fn is_heading_shape(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends_like_sentence = line.ends_with(['.', ',', ';', ':', '!', '…']);
    let starts_upper = line.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| !c.is_lowercase());
    (1..=16).contains(&words)
        && line.chars().count() <= 120
        && !ends_like_sentence
        && starts_upper
        && bullet(line).is_none()
}

/// The text after a bullet marker (`*`, `-`, `•`, `+`), if the line has one.
#[must_use]
pub fn bullet(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(['*', '-', '•', '+', '◦', '▪'])?;
    rest.starts_with(' ').then(|| rest.trim_start())
}

/// `* * *`, `---`, `***` and the like.
#[must_use]
pub fn is_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 2 && compact.chars().all(|c| matches!(c, '*' | '-' | '_' | '=' | '~' | '•'))
}

/// "By Ann Lee" → "Ann Lee".
#[must_use]
pub fn byline(line: &str) -> Option<String> {
    let rest = line.strip_prefix("By ").or_else(|| line.strip_prefix("by "))?;
    let words = rest.split_whitespace().count();
    ((1..=8).contains(&words) && !rest.ends_with('.')).then(|| rest.trim().to_owned())
}

/// Single lines that are a site's menu or widget labels.
const EXACT: &[&str] = &[
    "share",
    "subscribe",
    "home",
    "archive",
    "about",
    "no posts",
    "menu",
    "search",
    "sign in",
    "log in",
    "comments",
    "like",
    "reply",
    "restack",
];

/// Lines that belong to a site's frame, not to the article.
#[must_use]
pub fn is_chrome(paragraph: &Paragraph) -> bool {
    if paragraph.lines.len() != 1 {
        return false;
    }
    let line = paragraph.lines[0].as_str();
    let lower = line.to_lowercase();
    EXACT.contains(&lower.as_str())
        || lower.starts_with('©')
        || lower.starts_with("copyright ")
        || lower.contains("reader-supported publication")
        || lower.starts_with("start your substack")
        || lower.starts_with("skip to ")
        || (lower.starts_with('[')
            && lower.ends_with(']')
            && (lower.contains(".png") || lower.contains(".jpg") || lower.contains("image")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_wraps_rejoin() {
        let paras = paragraphs("   one two\n   three four-\n   teen\n\n\n next");
        assert_eq!(join(&paras[0].lines), "one two three fourteen");
        assert_eq!(paras.len(), 2);
    }

    #[test]
    fn heading_shapes() {
        assert!(is_heading_shape("Regime change is not a plan"));
        assert!(!is_heading_shape("This is a sentence."));
        assert!(!is_heading_shape("lower case fragment"));
    }

    #[test]
    fn bylines_and_bullets() {
        assert_eq!(byline("By Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(bullet("* item"), Some("item"));
        assert_eq!(bullet("*emphasis*"), None);
    }
}
