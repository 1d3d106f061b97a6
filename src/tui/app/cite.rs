//! `y` and `Y`: copying a citation of the focused quote, or the article's
//! URL, to the clipboard of the computer the terminal runs on (OSC 52, the
//! effect [`Effect::Copy`]; the terminal seam wraps it for tmux), or with
//! the command the config names (a job: it runs off the UI thread, and the
//! status line says how it went when it ends). The quote is the one chosen
//! in the quotes panel when it has the focus, else the one last jumped to.

use super::{App, Effect, Focus, Panel};
use crate::model::Article;
use crate::source::SourceSpec;
use crate::tui::jobs::JobRequest;

/// How `y` and `Y` copy (`[clipboard]` in the config).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CopyTo {
    /// With OSC 52, through the terminal.
    #[default]
    Osc52,
    /// With this command (a program and its arguments), on a thread beside
    /// the worker.
    Command(Vec<String>),
    /// Not at all.
    Off,
}

/// A citation of quote `index`: “…” — Name, description, in “Title”,
/// Site, date, URL (the parts the article has).
#[must_use]
pub fn citation(article: &Article, index: usize, url: Option<&str>) -> Option<String> {
    let text = article.quote_text(index)?;
    let quote = article.analysis.quotes.get(index)?;
    let speakers = &article.analysis.speakers;
    let mut out = format!("“{}”", text.trim());
    let names: Vec<&str> =
        quote.speakers.iter().filter_map(|s| speakers.get(*s)).map(|s| s.name.as_str()).collect();
    if !names.is_empty() {
        out.push_str(" — ");
        out.push_str(&names.join(" & "));
        if let Some(description) = quote.speakers.iter().find_map(|s| speakers.get(*s)?.description.as_ref())
        {
            out.push_str(", ");
            out.push_str(description);
        }
    }
    let meta = article.meta();
    let mut source: Vec<String> = Vec::new();
    if let Some(title) = &meta.title {
        source.push(format!("in “{title}”"));
    }
    source.extend([&meta.site, &meta.published].into_iter().flatten().cloned());
    source.extend(url.map(str::to_owned));
    if !source.is_empty() {
        out.push_str(if names.is_empty() { " — " } else { ", " });
        out.push_str(&source.join(", "));
    }
    Some(out)
}

impl App {
    /// The article's address: its own (canonical) URL, else where it was
    /// fetched from.
    fn article_url(&self) -> Option<String> {
        let doc = self.doc();
        doc.article.meta().url.clone().or_else(|| doc.origin.url.clone()).or_else(|| match &doc.origin.spec {
            Some(SourceSpec::Url(url)) => Some(url.clone()),
            _ => None,
        })
    }

    /// `y`: the focused quote as a citation.
    pub(super) fn copy_quote(&mut self) -> Vec<Effect> {
        let doc = self.doc();
        let chosen = match self.focus {
            Focus::Panel(Panel::Quotes) => doc.quote_list().get(doc.lists[Panel::Quotes.index()].selected),
            _ => doc.last_quote.map(|visit| visit.index),
        };
        let Some(index) = chosen else {
            self.fail("no quote chosen: jump to one with } or pick one in the quotes panel");
            return Vec::new();
        };
        if self.settings.copy == CopyTo::Off {
            return self.copying_is_off();
        }
        let url = self.article_url();
        let Some(text) = citation(&self.doc().article, index, url.as_deref()) else {
            self.fail("that quote cannot be copied");
            return Vec::new();
        };
        self.copy(text, format!("quote {}", index + 1))
    }

    /// Copies `text` (`what`, for the status line) the configured way.
    pub(super) fn copy(&mut self, text: String, what: String) -> Vec<Effect> {
        match &self.settings.copy {
            CopyTo::Osc52 => {
                self.say(&format!("copied {what} to your clipboard (OSC 52)"));
                vec![Effect::Copy(text)]
            }
            CopyTo::Command(command) => {
                let command = command.clone();
                self.say(&format!("copying {what}…"));
                let generation = self.next_generation();
                vec![Effect::Spawn(JobRequest::Copy { generation, command, text, what })]
            }
            CopyTo::Off => self.copying_is_off(),
        }
    }

    fn copying_is_off(&mut self) -> Vec<Effect> {
        self.fail("copying is off ([clipboard] copy = \"off\" in the config)");
        Vec::new()
    }

    /// `Y`: the article's URL.
    pub(super) fn copy_url(&mut self) -> Vec<Effect> {
        if self.settings.copy == CopyTo::Off {
            return self.copying_is_off();
        }
        let Some(url) = self.article_url() else {
            self.fail("this article has no URL to copy");
            return Vec::new();
        };
        self.copy(url.clone(), url)
    }
}
