//! `a` on a speaker in the speakers panel: that person's quotes in the
//! other saved articles of the library, merged across articles by name and
//! alias as `byline people` merges them. The library's thread finds them
//! (never the UI thread); they show in a list over the article, the links
//! list's keys apply, and Enter opens the article at that quote, on top of
//! the document stack (Backspace returns).

use super::doc::ListState;
use super::{App, Effect, Focus, Panel};
use crate::library::{QuoteRow, Wanted};
use crate::tui::action::{Action, Command};
use crate::tui::jobs::{JobRequest, LibraryOp};

/// The list of a speaker's quotes elsewhere.
#[derive(Debug, Clone)]
pub struct Elsewhere {
    /// The speaker's name, as the article being read gives it.
    pub name: String,
    /// The quotes, by article date.
    pub quotes: Vec<QuoteRow>,
    /// The selection.
    pub list: ListState,
}

/// An article being opened from the list: at which quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteToOpen {
    /// The generation of the open request.
    pub generation: u64,
    /// The quote's index in that article.
    pub ordinal: usize,
}

impl App {
    /// `a` in the speakers panel: asks the library for the selected
    /// speaker's quotes in the other saved articles.
    pub(super) fn quotes_elsewhere(&mut self) -> Vec<Effect> {
        if self.focus != Focus::Panel(Panel::Speakers) {
            self.say("quotes in other articles: choose a speaker in the speakers panel first");
            return Vec::new();
        }
        let doc = self.doc();
        let Some(speaker) = doc.article.analysis.speakers.get(doc.lists[Panel::Speakers.index()].selected)
        else {
            self.say("no speaker chosen");
            return Vec::new();
        };
        let wanted =
            Wanted { name: speaker.name.clone(), aliases: speaker.aliases.clone(), kind: speaker.kind };
        let except = doc.shelved.id;
        self.say(&format!("looking for {} in your library…", wanted.name));
        let generation = self.next_generation();
        self.elsewhere_generation = generation;
        vec![Effect::Spawn(JobRequest::Library {
            generation,
            op: LibraryOp::QuotesElsewhere { wanted, except },
        })]
    }

    /// What the library found: the list, or a message when there is none.
    pub(super) fn elsewhere_found(&mut self, generation: u64, name: String, quotes: Vec<QuoteRow>) {
        if generation != self.elsewhere_generation {
            return;
        }
        if quotes.is_empty() {
            self.say(&format!("no quotes of {name} in the other saved articles"));
            return;
        }
        let articles = quotes.iter().map(|q| q.article_id).collect::<std::collections::BTreeSet<_>>().len();
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        self.say(&format!(
            "{} quote{} of {name} in {articles} other article{}",
            quotes.len(),
            plural(quotes.len()),
            plural(articles)
        ));
        self.links = None;
        self.elsewhere = Some(Elsewhere { name, quotes, list: ListState::default() });
        self.settle_elsewhere();
    }

    /// A command while the list is open (the links list's keys).
    pub(super) fn elsewhere_command(&mut self, command: Command) -> Vec<Effect> {
        let page = self.list_rows();
        let Some(open) = self.elsewhere.as_mut() else { return Vec::new() };
        let count = open.quotes.len();
        let list = &mut open.list;
        if let Some(to) = list.moved(&command, page, count) {
            list.selected = to;
        }
        match command.action {
            Action::OpenLink | Action::Select => {
                let chosen = command.count.map_or(list.selected, |n| n.saturating_sub(1));
                let Some(quote) = open.quotes.get(chosen) else {
                    self.fail(&format!("there is no quote {}: the list has {count}", chosen + 1));
                    return Vec::new();
                };
                let (id, ordinal) = (quote.article_id, quote.ordinal);
                let title = quote.title.clone().unwrap_or_else(|| format!("article {id}"));
                self.elsewhere = None;
                self.say(&format!("opening “{title}”…"));
                let generation = self.next_generation();
                self.quote_to_open = Some(QuoteToOpen { generation, ordinal });
                return vec![Effect::Spawn(JobRequest::Library { generation, op: LibraryOp::Open { id } })];
            }
            Action::Cancel | Action::Quit | Action::Links => {
                self.elsewhere = None;
                return Vec::new();
            }
            Action::Help => self.help = Some(0),
            _ => {}
        }
        self.settle_elsewhere();
        Vec::new()
    }

    /// After an article opened from the list: to its quote.
    pub(super) fn opened_at_quote(&mut self, generation: u64) {
        let Some(to) = self.quote_to_open.take_if(|to| to.generation == generation) else { return };
        let vp = self.viewport();
        if to.ordinal < self.doc().article.analysis.quotes.len() {
            self.doc_mut().go_quote(vp, to.ordinal);
            let back = self.keymap.keys_for(crate::tui::keymap::Mode::Reader, Action::PreviousDocument);
            let back = back.first().map_or_else(String::new, |k| format!("; {} returns", k.name()));
            self.say(&format!("quote {}{back}", to.ordinal + 1));
        } else {
            self.fail("that quote is no longer in the article (it was extracted again)");
        }
    }

    /// Keeps the selection inside the list and on screen.
    pub(super) fn settle_elsewhere(&mut self) {
        let rows = self.list_rows();
        if let Some(open) = self.elsewhere.as_mut() {
            open.list.clamp(open.quotes.len(), rows, open.list.selected);
        }
    }
}
