//! YAML front matter (`---` … `---`) read for the keys byline needs. A full
//! YAML parser is not needed: these keys are plain scalars or short lists.

use crate::extract::text::date;
use crate::model::Metadata;

/// Splits `---\n…\n---\n` off the start of `text`.
#[must_use]
pub fn split(text: &str) -> (Option<&str>, &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return (None, text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, text)
}

fn unquote(value: &str) -> String {
    value.trim().trim_matches(|c| c == '"' || c == '\'').trim().to_owned()
}

/// Title, author(s), date, site, URL and language from the front matter.
#[must_use]
pub fn metadata(front: &str) -> Metadata {
    let mut meta = Metadata::default();
    let mut authors: Vec<String> = Vec::new();
    let mut in_author_list = false;
    for line in front.lines() {
        if in_author_list {
            if let Some(item) = line.trim_start().strip_prefix("- ") {
                authors.push(unquote(item));
                continue;
            }
            in_author_list = false;
        }
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = unquote(value);
        match key.trim().to_lowercase().as_str() {
            "title" => meta.title = Some(value),
            "author" | "authors" | "byline" => {
                if value.is_empty() {
                    in_author_list = true;
                } else {
                    authors.push(value.trim_matches(['[', ']']).to_owned());
                }
            }
            "date" | "published" | "pubdate" => meta.published = date::find_date(&value),
            "site" | "publication" => meta.site = Some(value),
            "url" | "canonical_url" | "link" => meta.url = Some(value),
            "lang" | "language" => meta.language = Some(value),
            _ => {}
        }
    }
    if !authors.is_empty() {
        meta.byline = Some(authors.join(", "));
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_reads() {
        let (front, body) =
            split("---\ntitle: 'A: B'\nauthors:\n  - Ann\n  - Bo\ndate: March 3, 2024\n---\nBody");
        let meta = metadata(front.unwrap());
        assert_eq!(body, "Body");
        assert_eq!(meta.title.as_deref(), Some("A: B"));
        assert_eq!(meta.byline.as_deref(), Some("Ann, Bo"));
        assert_eq!(meta.published.as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(split("# x\n---\n"), (None, "# x\n---\n"));
    }
}
