//! Site rules: where a publishing platform puts the article and what inside
//! it is not the article, as CSS selectors (scraper). Built-in rules are data
//! (`assets/sites.toml`, compiled into a table by the build script); users
//! add their own in the config file's `[[sites]]`, and theirs are tried
//! first.
//!
//! A page is matched by its address, its generator meta or a marker in its
//! head ([`Head`]: a byte scan, no parse), so a page that matches no rule
//! pays nothing more. A page that matches is parsed by scraper, reduced to
//! its head and the rule's body with the dropped elements removed, and that
//! goes to the general extractor; a rule whose body selector matches nothing
//! leaves the page whole. Built-in selectors are compiled the first time a
//! page matches them (a unit test compiles them all); the user's are
//! compiled when the config is read, so a bad one is an error naming the
//! file, the line and the selector.

mod head;

use std::path::Path;
use std::sync::OnceLock;

use scraper::{ElementRef, Html, Selector};
use serde::Deserialize;

pub use head::Head;

use crate::error::{Error, Result};

/// A rule of the built-in table.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinRule {
    /// The platform's name.
    pub name: &'static str,
    /// Hosts it serves from.
    pub hosts: &'static [&'static str],
    /// Generator meta prefixes.
    pub generator: &'static [&'static str],
    /// Markers in the head.
    pub contains: &'static [&'static str],
    /// The article's elements.
    pub body: &'static str,
    /// Elements removed from the body.
    pub drop: &'static [&'static str],
    /// The title's element.
    pub title: Option<&'static str>,
    /// The author's element.
    pub author: Option<&'static str>,
    /// The date's element.
    pub date: Option<&'static str>,
}

/// The built-in rules, compiled from `assets/sites.toml` by `src/build.rs`.
pub const BUILTIN: &[BuiltinRule] = include!(concat!(env!("OUT_DIR"), "/sites_table.rs"));

/// A user's rule, as the config file gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// A name for messages.
    pub name: String,
    /// Hosts (and their subdomains) it applies to.
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Generator meta prefixes it applies to.
    #[serde(default)]
    pub generator: Vec<String>,
    /// Markers in the head it applies to.
    #[serde(default)]
    pub contains: Vec<String>,
    /// The article's elements.
    pub body: String,
    /// Elements removed from the body.
    #[serde(default)]
    pub drop: Vec<String>,
    /// The title's element.
    pub title: Option<String>,
    /// The author's element.
    pub author: Option<String>,
    /// The date's element.
    pub date: Option<String>,
}

/// A rule's selectors, compiled.
#[derive(Debug)]
struct Compiled {
    body: Selector,
    drop: Vec<Selector>,
    title: Option<Selector>,
    author: Option<Selector>,
    date: Option<Selector>,
}

#[derive(Debug)]
enum Spec {
    Builtin(&'static BuiltinRule),
    User(Box<RuleSpec>),
}

/// One rule, ready to match and apply.
#[derive(Debug)]
pub struct Rule {
    spec: Spec,
    compiled: OnceLock<std::result::Result<Compiled, String>>,
}

/// What a rule made of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reduced {
    /// The page's head and the rule's body, as HTML.
    pub html: String,
    /// The rule's name.
    pub rule: String,
    /// The title the rule found, if it names one.
    pub title: Option<String>,
    /// The author the rule found.
    pub author: Option<String>,
    /// The date the rule found (a `datetime` attribute, else the text).
    pub date: Option<String>,
}

impl Rule {
    /// The rule's name.
    #[must_use]
    pub fn name(&self) -> &str {
        match &self.spec {
            Spec::Builtin(rule) => rule.name,
            Spec::User(rule) => &rule.name,
        }
    }

    fn lists(&self) -> [Vec<&str>; 3] {
        match &self.spec {
            Spec::Builtin(rule) => [rule.hosts.to_vec(), rule.generator.to_vec(), rule.contains.to_vec()],
            Spec::User(rule) => {
                [&rule.hosts, &rule.generator, &rule.contains].map(|l| l.iter().map(String::as_str).collect())
            }
        }
    }

    /// Whether the rule applies to a page on `host` with this head.
    fn applies(&self, host: Option<&str>, head: &Head) -> bool {
        let [hosts, generators, markers] = self.lists();
        let on_host = host.is_some_and(|host| {
            hosts.iter().any(|pattern| {
                let pattern = pattern.to_ascii_lowercase();
                host == pattern || host.strip_suffix(pattern.as_str()).is_some_and(|rest| rest.ends_with('.'))
            })
        });
        on_host
            || head
                .generator()
                .is_some_and(|g| generators.iter().any(|p| g.starts_with(&p.to_ascii_lowercase())))
            || markers.iter().any(|marker| head.contains(marker))
    }

    fn compiled(&self) -> std::result::Result<&Compiled, &str> {
        self.compiled.get_or_init(|| self.compile()).as_ref().map_err(String::as_str)
    }

    fn compile(&self) -> std::result::Result<Compiled, String> {
        let one = |selector: &str| {
            Selector::parse(selector).map_err(|error| format!("invalid CSS selector `{selector}`: {error}"))
        };
        let optional = |selector: Option<&str>| selector.map(one).transpose();
        match &self.spec {
            Spec::Builtin(rule) => Ok(Compiled {
                body: one(rule.body)?,
                drop: rule.drop.iter().map(|s| one(s)).collect::<std::result::Result<_, _>>()?,
                title: optional(rule.title)?,
                author: optional(rule.author)?,
                date: optional(rule.date)?,
            }),
            Spec::User(rule) => Ok(Compiled {
                body: one(&rule.body)?,
                drop: rule.drop.iter().map(|s| one(s)).collect::<std::result::Result<_, _>>()?,
                title: optional(rule.title.as_deref())?,
                author: optional(rule.author.as_deref())?,
                date: optional(rule.date.as_deref())?,
            }),
        }
    }

    /// Applies the rule to `html`; `None` when its body matches nothing
    /// (or its selectors do not compile): the page then goes whole to the
    /// general extractor.
    #[must_use]
    pub fn reduce(&self, html: &str) -> Option<Reduced> {
        let compiled = self.compiled().ok()?;
        let mut page = Html::parse_document(html);
        // One element is the article: of several matches (a theme that
        // marks every post excerpt on the page as the rule's body), the one
        // with the most text.
        let kept = page
            .select(&compiled.body)
            .max_by_key(|element| element.text().map(str::len).sum::<usize>())
            .map(|element| element.id())?;
        let text_of = |selector: &Option<Selector>| {
            let element = page.select(selector.as_ref()?).next()?;
            let text = element.text().collect::<Vec<_>>().join(" ");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            (!text.is_empty()).then_some(text)
        };
        let title = text_of(&compiled.title);
        let author = text_of(&compiled.author);
        let date = compiled
            .date
            .as_ref()
            .and_then(|s| page.select(s).next())
            .and_then(|e| e.attr("datetime").map(str::to_owned))
            .or_else(|| text_of(&compiled.date));
        let dropped: Vec<_> = compiled.drop.iter().flat_map(|s| page.select(s).map(|e| e.id())).collect();
        for id in dropped {
            if let Some(mut node) = page.tree.get_mut(id) {
                node.detach();
            }
        }
        let mut out = String::with_capacity(html.len() / 2);
        // The root keeps its attributes: `lang` and `dir` are metadata.
        out.push_str("<!DOCTYPE html><html");
        for (name, value) in page.root_element().value().attrs() {
            let value = value.replace('&', "&amp;").replace('"', "&quot;");
            out.push_str(&format!(" {name}=\"{value}\""));
        }
        out.push('>');
        if let Ok(head) = Selector::parse("head")
            && let Some(head) = page.select(&head).next()
        {
            out.push_str(&head.html());
        }
        out.push_str("<body>");
        if let Some(element) = page.tree.get(kept).and_then(ElementRef::wrap) {
            out.push_str(&element.html());
        }
        out.push_str("</body></html>");
        Some(Reduced { html: out, rule: self.name().to_owned(), title, author, date })
    }
}

/// The rules in force: the user's, then the built-in ones.
#[derive(Debug)]
pub struct SiteRules {
    rules: Vec<Rule>,
}

impl Default for SiteRules {
    fn default() -> Self {
        Self::builtin()
    }
}

impl SiteRules {
    /// The built-in rules alone.
    #[must_use]
    pub fn builtin() -> Self {
        Self::with(Vec::new())
    }

    fn with(user: Vec<Rule>) -> Self {
        let builtin =
            BUILTIN.iter().map(|rule| Rule { spec: Spec::Builtin(rule), compiled: OnceLock::new() });
        Self { rules: user.into_iter().chain(builtin).collect() }
    }

    /// The user's rules (each with its line in `path`) before the built-in
    /// ones; every selector of theirs is compiled now.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] naming the file, the line and the selector.
    pub fn with_user(user: Vec<(RuleSpec, usize)>, path: &Path) -> Result<Self> {
        let mut rules = Vec::with_capacity(user.len());
        for (spec, line) in user {
            let rule = Rule { spec: Spec::User(Box::new(spec)), compiled: OnceLock::new() };
            if let Err(message) = rule.compiled() {
                let message = format!("line {line}: site rule `{}`: {message}", rule.name());
                return Err(Error::Config { path: path.to_path_buf(), message });
            }
            rules.push(rule);
        }
        Ok(Self::with(rules))
    }

    /// The first rule that applies to `html`, fetched from `url` if known.
    #[must_use]
    pub fn find(&self, html: &str, url: Option<&str>) -> Option<&Rule> {
        if self.rules.is_empty() {
            return None;
        }
        let head = Head::of(html);
        let host_of = |address: &str| url::Url::parse(address).ok()?.host_str().map(str::to_ascii_lowercase);
        let host = url.and_then(host_of).or_else(|| head.canonical().and_then(host_of));
        self.rules.iter().find(|rule| rule.applies(host.as_deref(), &head))
    }
}

#[cfg(test)]
mod tests;
