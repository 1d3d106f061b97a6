//! The commands of the article and of the help screen, and Esc.

use super::{App, Direction, Effect, Focus};
use crate::tui::action::{Action, Command};

impl App {
    pub(super) fn reader_command(&mut self, command: Command) -> Vec<Effect> {
        let vp = self.viewport();
        let times = command.times();
        let page = vp.rows.saturating_sub(2).max(1);
        let signed = |n: usize| isize::try_from(n.saturating_mul(times)).unwrap_or(isize::MAX);
        match command.action {
            Action::Down => self.doc_mut().scroll(vp, signed(1)),
            Action::Up => self.doc_mut().scroll(vp, -signed(1)),
            Action::PageDown => self.doc_mut().scroll(vp, signed(page)),
            Action::PageUp => self.doc_mut().scroll(vp, -signed(page)),
            Action::HalfPageDown => self.doc_mut().scroll(vp, signed((vp.rows / 2).max(1))),
            Action::HalfPageUp => self.doc_mut().scroll(vp, -signed((vp.rows / 2).max(1))),
            Action::Top | Action::Bottom | Action::Percent => self.go_line(command),
            Action::NextSection | Action::PrevSection => {
                let direction = if command.action == Action::NextSection {
                    Direction::Forward
                } else {
                    Direction::Backward
                };
                if !self.doc_mut().step_section(vp, direction, times) {
                    self.say("no more sections");
                }
            }
            Action::NextQuote | Action::PrevQuote => {
                let direction = if command.action == Action::NextQuote {
                    Direction::Forward
                } else {
                    Direction::Backward
                };
                if !self.doc_mut().step_quote(vp, None, direction, times) {
                    self.say("no more quotes");
                }
            }
            Action::NextSpeakerQuote | Action::PrevSpeakerQuote => self.speaker_quote(command),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::TogglePanels => self.toggle_panels(),
            Action::Search => self.search_start(),
            Action::SearchNext => self.search_step(Direction::Forward, times),
            Action::SearchPrev => self.search_step(Direction::Backward, times),
            Action::JumpOlder | Action::JumpNewer => self.walk_jumps(command.action == Action::JumpOlder),
            Action::SetMark | Action::GotoMark => self.mark(command),
            Action::Redraw => return vec![Effect::Redraw],
            Action::Suspend => return vec![Effect::Suspend],
            Action::Help => self.help = Some(0),
            Action::Links => self.show_links(),
            Action::Cancel => self.cancel(),
            Action::PreviousDocument => return self.previous_document(),
            Action::Save => return self.save_article(),
            Action::CopyQuote => return self.copy_quote(),
            Action::CopyUrl => return self.copy_url(),
            Action::Quit => {
                if self.panels.overlay && !self.is_wide() {
                    self.close_overlay();
                } else {
                    return vec![Effect::Quit];
                }
            }
            Action::Select
            | Action::Confirm
            | Action::DeleteChar
            | Action::ClearInput
            | Action::OpenLink
            | Action::OpenExternal
            | Action::Delete
            | Action::Tag
            | Action::ToggleRead
            | Action::QuotesElsewhere => {}
        }
        Vec::new()
    }

    pub(super) fn help_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(offset) = self.help else { return Vec::new() };
        let page = usize::from(self.geometry().help.map_or(1, |r| r.height.saturating_sub(2))).max(1);
        let times = command.times();
        self.help = match command.action {
            Action::Down => Some(offset + times),
            Action::Up => Some(offset.saturating_sub(times)),
            Action::PageDown | Action::HalfPageDown => Some(offset + page * times),
            Action::PageUp | Action::HalfPageUp => Some(offset.saturating_sub(page * times)),
            Action::Top => Some(0),
            Action::Bottom => Some(usize::MAX),
            Action::Cancel | Action::Help | Action::Quit => None,
            _ => Some(offset),
        };
        Vec::new()
    }

    /// Esc: closes the innermost thing open; a document being opened is
    /// stopped before anything else on screen closes.
    fn cancel(&mut self) {
        if self.help.is_some() {
            self.help = None;
        } else if self.cancel_opening() {
        } else if self.panels.overlay && !self.is_wide() {
            self.close_overlay();
        } else if self.doc().filter.is_some() {
            self.doc_mut().filter = None;
        } else if self.focus != Focus::Article {
            self.set_focus(Focus::Article);
        } else {
            self.doc_mut().target = None;
        }
    }
}
