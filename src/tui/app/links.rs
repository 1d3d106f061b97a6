//! Links: the links list (`L`), following a link into a new document on the
//! stack (Enter; Backspace returns), handing one to the browser (`o`), and
//! the document being opened meanwhile: its bytes so far for the status
//! line, and Esc to cancel it.
//!
//! Targets are resolved here against where the document came from: an
//! absolute URL as it is, a relative one against the page's final URL, or
//! against the file's folder for a saved page. Only http, https and mailto
//! targets exist in the model (see `model::link`); the same check is made
//! again on what a relative link resolves to.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::doc::ListState;
use super::{App, CopyTo, Effect};
use crate::model::link::is_safe;
use crate::source::SourceSpec;
use crate::tui::action::{Action, Command};
use crate::tui::jobs::{JobRequest, Opened};

/// Where a document came from: what resolves its relative links.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// What was opened.
    pub spec: Option<SourceSpec>,
    /// The URL it finally came from, after redirects.
    pub url: Option<String>,
}

/// A document being opened.
#[derive(Debug, Clone)]
pub struct Opening {
    /// What, for the status line.
    pub what: String,
    /// The generation of the open request.
    pub generation: u64,
    /// Bytes received so far.
    pub bytes: u64,
    /// Set to cancel the fetch.
    pub cancel: Arc<AtomicBool>,
}

/// What a link leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// Something byline can open: a page or a file.
    Open(SourceSpec),
    /// An e-mail address (only the browser or mailer opens it).
    Mail(String),
}

impl LinkTarget {
    /// The target as a browser takes it.
    #[must_use]
    pub fn address(&self) -> String {
        match self {
            Self::Open(SourceSpec::File(path)) => {
                url::Url::from_file_path(path).map_or_else(|()| path.display().to_string(), String::from)
            }
            Self::Open(spec) => spec.display_name(),
            Self::Mail(address) => address.clone(),
        }
    }
}

/// Resolves `href` against `origin`.
///
/// # Errors
///
/// Why it cannot be followed, as a status message.
pub fn resolve(origin: &Origin, href: &str) -> Result<LinkTarget, String> {
    let judged = |url: url::Url| match url.scheme() {
        "mailto" => Ok(LinkTarget::Mail(url.into())),
        _ if is_safe(&url) => Ok(LinkTarget::Open(SourceSpec::Url(url.into()))),
        scheme => Err(format!("{scheme}: links are not opened")),
    };
    match url::Url::parse(href) {
        Ok(url) => return judged(url),
        Err(url::ParseError::RelativeUrlWithoutBase) => {}
        Err(error) => return Err(format!("not a link byline can follow: {error}")),
    }
    if let Some(base) = origin.url.as_deref().and_then(|u| url::Url::parse(u).ok()) {
        let url = base.join(href).map_err(|error| format!("cannot resolve {href}: {error}"))?;
        return judged(url);
    }
    match &origin.spec {
        Some(SourceSpec::File(path)) => {
            let absolute =
                std::path::absolute(path).map_err(|error| format!("cannot resolve {href}: {error}"))?;
            let base = url::Url::from_file_path(&absolute).map_err(|()| format!("cannot resolve {href}"))?;
            let joined = base.join(href).map_err(|error| format!("cannot resolve {href}: {error}"))?;
            let file: PathBuf = joined.to_file_path().map_err(|()| format!("cannot resolve {href}"))?;
            Ok(LinkTarget::Open(SourceSpec::File(file)))
        }
        _ => Err(format!("{href}: a relative link, and the article has no address to resolve it against")),
    }
}

impl App {
    /// `L`: opens the links list (or says there are none).
    pub(super) fn show_links(&mut self) {
        if self.doc().article.links().next().is_none() {
            self.say("no links in this article");
        } else {
            self.links = Some(ListState::default());
        }
    }

    /// The number of links of the document shown.
    #[must_use]
    pub fn link_count(&self) -> usize {
        self.doc().article.links().count()
    }

    /// Rows the links list (or the list of quotes elsewhere) shows (set by
    /// the view's geometry).
    pub(super) fn list_rows(&self) -> usize {
        self.geometry().links.map_or(1, |area| usize::from(area.height.saturating_sub(2)).max(1))
    }

    /// A command while the links list is open. A count picks a link by its
    /// number: `12` Enter opens the twelfth, as in lynx.
    pub(super) fn links_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(mut list) = self.links else { return Vec::new() };
        let count = self.link_count();
        let page = self.list_rows();
        let chosen = command.count.map_or(list.selected, |n| n.saturating_sub(1));
        if let Some(to) = list.moved(&command, page, count) {
            list.selected = to;
        }
        match command.action {
            Action::OpenLink | Action::Select | Action::OpenExternal => {
                if chosen >= count {
                    self.fail(&format!("there is no link {}: the list has {count}", chosen + 1));
                    return Vec::new();
                }
                self.links = None;
                return if command.action == Action::OpenExternal {
                    self.link_external(chosen)
                } else {
                    self.follow_link(chosen)
                };
            }
            Action::Cancel | Action::Quit | Action::Links => {
                self.links = None;
                return Vec::new();
            }
            Action::Help => self.help = Some(0),
            _ => {}
        }
        list.clamp(count, page, list.selected);
        self.links = Some(list);
        Vec::new()
    }

    fn link_target(&mut self, index: usize) -> Option<LinkTarget> {
        let doc = self.doc();
        let href = doc.article.links().nth(index)?.href.to_owned();
        match resolve(&doc.origin, &href) {
            Ok(target) => Some(target),
            Err(message) => {
                self.fail(&message);
                None
            }
        }
    }

    /// Enter on a link: opens it in byline, on top of this document.
    fn follow_link(&mut self, index: usize) -> Vec<Effect> {
        match self.link_target(index) {
            Some(LinkTarget::Open(spec)) => self.open_document(spec),
            Some(LinkTarget::Mail(address)) => {
                let keys = self.keymap.keys_for(crate::tui::keymap::Mode::Links, Action::OpenExternal);
                let key = keys.first().map_or_else(|| "o".to_owned(), |k| k.name());
                self.say(&format!("{address}: an e-mail address; {key} hands it to your mailer"));
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// `o` on a link: the browser opens it; over SSH, where a browser would
    /// open on the server, the address is copied to the local clipboard
    /// instead.
    fn link_external(&mut self, index: usize) -> Vec<Effect> {
        let Some(target) = self.link_target(index) else { return Vec::new() };
        let address = target.address();
        if self.settings.over_ssh {
            return match self.settings.copy {
                CopyTo::Osc52 => {
                    self.say(&format!(
                        "over SSH: copied {address} to your clipboard (OSC 52) instead of opening it here"
                    ));
                    vec![Effect::Copy(address)]
                }
                CopyTo::Command(_) => self.copy(address.clone(), address),
                CopyTo::Off => {
                    self.fail(&format!("over SSH: {address} is not opened here, and copying is off"));
                    Vec::new()
                }
            };
        }
        vec![Effect::OpenExternal(address)]
    }

    /// Starts opening `spec` as a new document; the one shown stays (and
    /// keeps taking keys) until it arrives. A new open replaces one still
    /// loading.
    pub fn open_document(&mut self, spec: SourceSpec) -> Vec<Effect> {
        self.cancel_opening();
        let generation = self.next_generation();
        let cancel = Arc::new(AtomicBool::new(false));
        self.opening =
            Some(Opening { what: spec.display_name(), generation, bytes: 0, cancel: Arc::clone(&cancel) });
        vec![Effect::Spawn(JobRequest::Open { generation, spec, cancel })]
    }

    /// Stops the document being opened, if any; returns whether there was
    /// one.
    pub(super) fn cancel_opening(&mut self) -> bool {
        match self.opening.take() {
            Some(opening) => {
                opening.cancel.store(true, Ordering::Relaxed);
                self.say(&format!("stopped loading {}", opening.what));
                true
            }
            None => false,
        }
    }

    /// Bytes have arrived for the document being opened.
    pub(super) fn opening_progress(&mut self, generation: u64, bytes: u64) {
        if let Some(opening) = self.opening.as_mut().filter(|o| o.generation == generation) {
            opening.bytes = bytes;
        }
    }

    /// The document asked for has arrived (or failed); stale results (a
    /// cancelled or replaced open) are dropped.
    pub(super) fn opened(&mut self, generation: u64, result: Result<Box<Opened>, String>) {
        if self.opening.as_ref().is_none_or(|o| o.generation != generation) {
            return;
        }
        self.opening = None;
        match result {
            Ok(opened) => {
                let Opened { article, spec, url, note } = *opened;
                self.push_document(article);
                self.doc_mut().origin = Origin { spec: Some(spec), url };
                let back = self.keymap.keys_for(crate::tui::keymap::Mode::Reader, Action::PreviousDocument);
                match (note, back.first()) {
                    (Some(note), _) => self.say(&note),
                    (None, Some(key)) => {
                        self.say(&format!("{} returns to the previous document", key.name()));
                    }
                    (None, None) => {}
                }
            }
            Err(message) => self.fail(&message),
        }
    }

    /// The links list's selection, kept in view.
    pub(super) fn settle_links(&mut self) {
        let count = self.link_count();
        let rows = self.list_rows();
        if let Some(list) = self.links.as_mut() {
            list.clamp(count, rows, list.selected);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_origin(path: &str) -> Origin {
        Origin { spec: Some(SourceSpec::File(PathBuf::from(path))), url: None }
    }

    #[test]
    fn targets_resolve_against_where_the_document_came_from() {
        let page = Origin {
            spec: Some(SourceSpec::Url("http://a.example/x".into())),
            url: Some("https://a.example/news/story".into()),
        };
        let open = |url: &str| Ok(LinkTarget::Open(SourceSpec::Url(url.into())));
        assert_eq!(resolve(&page, "https://b.example/y"), open("https://b.example/y"));
        assert_eq!(resolve(&page, "other"), open("https://a.example/news/other"));
        assert_eq!(resolve(&page, "/top?q=1"), open("https://a.example/top?q=1"));
        assert_eq!(
            resolve(&page, "mailto:desk@a.example"),
            Ok(LinkTarget::Mail("mailto:desk@a.example".into()))
        );
        let saved = file_origin("/home/reader/saved/first.html");
        assert_eq!(
            resolve(&saved, "notes/second%20part.html#top"),
            Ok(LinkTarget::Open(SourceSpec::File(PathBuf::from(
                "/home/reader/saved/notes/second part.html"
            ))))
        );
        assert_eq!(
            resolve(&saved, "../up.md"),
            Ok(LinkTarget::Open(SourceSpec::File(PathBuf::from("/home/reader/up.md"))))
        );
        let piped = Origin { spec: Some(SourceSpec::Stdin), url: None };
        assert!(resolve(&piped, "second.html").unwrap_err().contains("relative link"));
    }

    #[test]
    fn a_file_target_goes_to_the_browser_as_a_file_url() {
        let target = LinkTarget::Open(SourceSpec::File(PathBuf::from("/tmp/a b.html")));
        assert_eq!(target.address(), "file:///tmp/a%20b.html");
    }
}
