//! The page's own site, to tell links that stay on it (navigation, related
//! stories) from links that leave it (sources, references, shops).

/// The host the page belongs to, reduced to its name: the label before the
/// public suffix (`www.example.co.uk` → `example`), so that a publication's
/// national domains (`.com`, `.de`) count as one site.
#[derive(Debug, Clone, Default)]
pub struct Site {
    name: Option<String>,
}

impl Site {
    /// The site of a page whose URL (canonical or loaded-from) is `url`.
    #[must_use]
    pub fn of(url: Option<&str>) -> Self {
        Self { name: url.and_then(host_of).map(|h| site_name(&h).to_owned()) }
    }

    /// Whether a link stays on the site: relative links always do.
    #[must_use]
    pub fn is_internal(&self, href: &str) -> bool {
        let href = href.trim();
        match host_of(href) {
            None => !has_scheme(href),
            Some(host) => self.name.as_deref().is_some_and(|name| site_name(&host) == name),
        }
    }
}

fn has_scheme(href: &str) -> bool {
    href.find(':').is_some_and(|colon| {
        href[..colon].bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
            && !href[..colon].is_empty()
    })
}

/// The lower-case host of an absolute or scheme-relative URL.
fn host_of(url: &str) -> Option<String> {
    let rest = if let Some(rest) = url.strip_prefix("//") {
        rest
    } else {
        let (scheme, rest) = url.split_once("://")?;
        if scheme.is_empty() || !scheme.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        rest
    };
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// `www.news.example.co.uk` → `example`: the label before the top-level
/// domain, or before a short second-level one (`co`, `com`) under a country.
fn site_name(host: &str) -> &str {
    let labels: Vec<&str> = host.rsplit('.').collect();
    let index = if labels.len() >= 3 && labels[1].len() <= 3 && labels[0].len() == 2 { 2 } else { 1 };
    labels.get(index).or(labels.first()).copied().unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_on_the_same_site_are_internal() {
        let site = Site::of(Some("https://www.example.com/news/a.html"));
        assert!(site.is_internal("/news/b.html"));
        assert!(site.is_internal("b.html"));
        assert!(site.is_internal("https://edition.example.com/x"));
        assert!(site.is_internal("//example.com/x"));
        assert!(!site.is_internal("https://other.org/x"));
        assert!(!site.is_internal("mailto:a@example.com"));
    }

    #[test]
    fn site_names() {
        assert_eq!(site_name("www.bbc.co.uk"), "bbc");
        assert_eq!(site_name("a.b.example.com"), "example");
        assert_eq!(site_name("localhost"), "localhost");
        let site = Site::of(Some("https://www.example.de/a"));
        assert!(site.is_internal("https://www.example.com/b"));
    }

    #[test]
    fn unknown_site_keeps_only_relative_links() {
        let site = Site::of(None);
        assert!(site.is_internal("../x"));
        assert!(!site.is_internal("https://example.com/"));
    }
}
