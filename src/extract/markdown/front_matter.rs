//! Front matter read for the keys byline needs: YAML between `---` lines,
//! or TOML between `+++` lines. A full parser is not needed: these keys are
//! plain scalars or short lists, at the top level of the block.

use crate::extract::text::date;
use crate::model::Metadata;

/// Splits `---\n…\n---\n` (or `+++` … `+++`) off the start of `text`.
#[must_use]
pub fn split(text: &str) -> (Option<&str>, &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for fence in ["---", "+++"] {
        let Some(rest) =
            text.strip_prefix(fence).and_then(|r| r.strip_prefix('\n').or_else(|| r.strip_prefix("\r\n")))
        else {
            continue;
        };
        let mut offset = 0;
        for line in rest.split_inclusive('\n') {
            let line_end = line.trim_end();
            if line_end == fence || fence == "---" && line_end == "..." {
                return (Some(&rest[..offset]), &rest[offset + line.len()..]);
            }
            offset += line.len();
        }
    }
    (None, text)
}

fn unquote(value: &str) -> String {
    value.trim().trim_matches(|c| c == '"' || c == '\'').trim().to_owned()
}

/// The items of `[a, "b"]`, or the value itself.
fn items(value: &str) -> Vec<String> {
    let value = value.trim();
    match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        Some(inner) => inner.split(',').map(unquote).filter(|item| !item.is_empty()).collect(),
        None => vec![unquote(value)],
    }
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
        // Nested keys (a map under `author:`, say) are not the article's.
        if line.starts_with(char::is_whitespace) || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once([':', '=']) else { continue };
        let scalar = unquote(value);
        match key.trim().to_lowercase().as_str() {
            "title" => meta.title = Some(scalar),
            "author" | "authors" | "byline" => {
                if value.trim().is_empty() {
                    in_author_list = true;
                } else {
                    authors.extend(items(value));
                }
            }
            "date" | "published" | "pubdate" | "publishdate" => meta.published = date::find_date(&scalar),
            "site" | "publication" => meta.site = Some(scalar),
            "url" | "canonical_url" | "canonical" | "link" => meta.url = Some(scalar),
            "lang" | "language" => meta.language = Some(scalar),
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
    fn yaml_scalars_and_lists() {
        let (front, body) =
            split("---\ntitle: 'A: B'\nauthors:\n  - Ann\n  - Bo\ndate: March 3, 2024\n---\nBody");
        let meta = metadata(front.unwrap());
        assert_eq!(body, "Body");
        assert_eq!(meta.title.as_deref(), Some("A: B"));
        assert_eq!(meta.byline.as_deref(), Some("Ann, Bo"));
        assert_eq!(meta.published.as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn yaml_inline_list_and_nested_keys() {
        let meta = metadata("author: [Ann Lee, \"Bo Chen\"]\nseo:\n  title: Not this\ntitle: This\n");
        assert_eq!(meta.byline.as_deref(), Some("Ann Lee, Bo Chen"));
        assert_eq!(meta.title.as_deref(), Some("This"));
    }

    #[test]
    fn toml_front_matter() {
        let (front, body) = split(
            "+++\ntitle = \"Ferry deal\"\nauthors = [\"Ann Lee\"]\ndate = 2025-05-12T08:00:00Z\n+++\n# x\n",
        );
        let meta = metadata(front.unwrap());
        assert_eq!(body, "# x\n");
        assert_eq!(meta.title.as_deref(), Some("Ferry deal"));
        assert_eq!(meta.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(meta.published.as_deref(), Some("2025-05-12"));
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(split("# x\n---\n"), (None, "# x\n---\n"));
        assert_eq!(split("---\nno closing fence\n"), (None, "---\nno closing fence\n"));
    }
}
