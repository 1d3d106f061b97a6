//! Searching: the search line, incremental results from the worker, `n`/`N`.
//! Every keystroke in the search line asks the worker for a new search with
//! a new generation; older results are dropped when they arrive. While
//! typing, the first match from where the search started is shown if it is
//! off screen; Enter makes it a jump, Esc puts everything back.

use super::doc::SearchState;
use super::{App, Direction, Effect};
use crate::layout::Pos;
use crate::tui::action::{Action, Command};
use crate::tui::jobs::JobRequest;
use crate::tui::search::Match;

/// The search line being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchInput {
    /// What was typed.
    pub text: String,
    /// Where the pane's top was when the search started.
    pub origin: Pos,
    /// The search before this one, restored on Esc.
    pub saved: SearchState,
}

impl App {
    pub(super) fn search_start(&mut self) {
        let doc = self.doc_mut();
        let saved = doc.search.clone();
        let origin = doc.top;
        self.input = Some(SearchInput { text: String::new(), origin, saved });
    }

    pub(super) fn search_insert(&mut self, c: char) -> Vec<Effect> {
        let Some(input) = self.input.as_mut() else { return Vec::new() };
        input.text.push(c);
        let text = input.text.clone();
        self.search_spawn(text)
    }

    pub(super) fn search_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(input) = self.input.as_mut() else { return Vec::new() };
        match command.action {
            Action::DeleteChar if input.text.is_empty() => self.search_cancel(),
            Action::DeleteChar | Action::ClearInput => {
                if command.action == Action::DeleteChar {
                    input.text.pop();
                } else {
                    input.text.clear();
                }
                let text = input.text.clone();
                return self.search_spawn(text);
            }
            Action::Confirm => return self.search_confirm(),
            Action::Cancel | Action::Quit => self.search_cancel(),
            _ => {}
        }
        Vec::new()
    }

    /// Asks the worker for the matches of `query` (clears them for an empty
    /// query).
    pub(super) fn search_spawn(&mut self, query: String) -> Vec<Effect> {
        let generation = self.next_generation();
        let doc = self.doc_mut();
        doc.search.query.clone_from(&query);
        doc.search.generation = generation;
        doc.search.current = None;
        if query.trim().is_empty() {
            doc.search.matches.clear();
            doc.search.waiting = false;
            return Vec::new();
        }
        doc.search.waiting = true;
        vec![Effect::Spawn(JobRequest::Search { generation, article: doc.article.clone(), query })]
    }

    fn search_confirm(&mut self) -> Vec<Effect> {
        let Some(input) = self.input.take() else { return Vec::new() };
        let doc = self.doc_mut();
        if input.text.is_empty() {
            // `/` Enter repeats the last search: on to its next match, as
            // `n` does (the search line's own matches were for nothing).
            doc.search = input.saved;
            doc.top = input.origin;
            let query = doc.search.query.clone();
            if query.is_empty() {
                return Vec::new();
            }
            if !doc.search.matches.is_empty() {
                self.search_step(Direction::Forward, 1);
                return Vec::new();
            }
            let effects = self.search_spawn(query);
            let doc = self.doc_mut();
            doc.search.jump_when_done = true;
            doc.top = input.origin;
            return effects;
        }
        if doc.search.waiting {
            doc.search.jump_when_done = true;
            doc.top = input.origin;
            return Vec::new();
        }
        self.land(input.origin);
        Vec::new()
    }

    fn search_cancel(&mut self) {
        if let Some(input) = self.input.take() {
            let doc = self.doc_mut();
            doc.search = input.saved;
            doc.top = input.origin;
        }
    }

    /// After Enter: jump from `origin` to the first match from there.
    fn land(&mut self, origin: Pos) {
        let vp = self.viewport();
        let doc = self.doc_mut();
        doc.top = origin;
        let query = doc.search.query.clone();
        match doc.first_match_from(origin) {
            Some(index) => {
                doc.go_match(vp, index, true);
                let total = doc.search.matches.len();
                self.say(&format!("/{query}  match {} of {total}", index + 1));
            }
            None => self.fail(&format!("not found: {query}")),
        }
    }

    pub(super) fn search_results(&mut self, generation: u64, matches: Vec<Match>) {
        let vp = self.viewport();
        let doc = self.doc_mut();
        if generation != doc.search.generation {
            return;
        }
        doc.search.matches = matches;
        doc.search.waiting = false;
        doc.search.current = None;
        if std::mem::take(&mut doc.search.jump_when_done) {
            let origin = doc.top;
            self.land(origin);
            return;
        }
        let Some(origin) = self.input.as_ref().map(|i| i.origin) else { return };
        let doc = self.doc_mut();
        doc.top = origin;
        if let Some(index) = doc.first_match_from(origin) {
            if doc.match_visible(vp, index) {
                doc.search.current = Some(super::Visit { index, top: doc.top });
            } else {
                doc.go_match(vp, index, false);
            }
        }
    }

    pub(super) fn search_step(&mut self, direction: Direction, times: usize) {
        let vp = self.viewport();
        let doc = self.doc_mut();
        if doc.search.query.is_empty() {
            self.say("no search yet: press / to search");
            return;
        }
        if doc.search.waiting {
            self.say("still searching…");
            return;
        }
        let query = doc.search.query.clone();
        match doc.step_match(vp, direction, times) {
            Some((index, wrapped)) => {
                let total = doc.search.matches.len();
                let note = match (wrapped, direction) {
                    (false, _) => "",
                    (true, Direction::Forward) => " (from the top)",
                    (true, Direction::Backward) => " (from the bottom)",
                };
                self.say(&format!("/{query}  match {} of {total}{note}", index + 1));
            }
            None => self.fail(&format!("not found: {query}")),
        }
    }
}
