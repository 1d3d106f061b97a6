//! Jumps by line and by mark: `g`/`G`/`50%` and line counts, `''`, marks
//! `m{a-z}`/`'{a-z}`, walking the jump list (Ctrl-o and its partner), and
//! the quotes of one speaker (`)`/`(`). Every jump lands through the
//! document's jump list, so it can be walked back.

use super::{App, Direction};
use crate::tui::action::{Action, Command};

impl App {
    pub(super) fn go_line(&mut self, command: Command) {
        let vp = self.viewport();
        let doc = self.doc_mut();
        let (flow, blocks) = doc.flow(vp);
        let row = match (command.action, command.count) {
            (Action::Percent, count) => {
                let percent = count.unwrap_or(0).min(100);
                flow.at_index(blocks, flow.total_rows().saturating_sub(1) * percent / 100)
            }
            (_, Some(line)) => flow.at_index(blocks, line.saturating_sub(1)),
            (Action::Top, None) => flow.first(blocks),
            _ => flow.last(blocks),
        };
        doc.jump_to_row(vp, row);
    }

    pub(super) fn speaker_quote(&mut self, command: Command) {
        let vp = self.viewport();
        let direction =
            if command.action == Action::NextSpeakerQuote { Direction::Forward } else { Direction::Backward };
        let doc = self.doc_mut();
        let Some(speaker) = doc.speaker_to_follow(vp) else {
            self.say("no attributed quote ahead");
            return;
        };
        if !doc.step_quote(vp, Some(speaker), direction, command.times()) {
            let name = doc.article.analysis.speakers.get(speaker).map_or("", |s| s.name.as_str()).to_owned();
            self.say(&format!("no more quotes by {name}"));
        }
    }

    pub(super) fn walk_jumps(&mut self, older: bool) {
        let vp = self.viewport();
        let doc = self.doc_mut();
        let current = doc.top;
        let target = if older { doc.jumps.older(current) } else { doc.jumps.newer(current) };
        match target {
            Some(pos) => {
                let (flow, blocks) = doc.flow(vp);
                let row = flow.locate(blocks, pos);
                doc.set_top_row(vp, row);
            }
            None => self.say(if older { "at the oldest jump" } else { "at the newest jump" }),
        }
    }

    pub(super) fn mark(&mut self, command: Command) {
        let vp = self.viewport();
        let Some(name) = command.arg else { return };
        let doc = self.doc_mut();
        let slot = name.is_ascii_lowercase().then(|| usize::from(name as u8 - b'a'));
        match (command.action, slot) {
            (Action::GotoMark, _) if name == '\'' => match doc.jumps.previous {
                Some(pos) => doc.jump_to(vp, pos),
                None => self.say("no earlier position"),
            },
            (Action::SetMark, Some(slot)) => {
                doc.marks[slot] = Some(doc.top);
                self.say(&format!("mark {name} set"));
            }
            (Action::GotoMark, Some(slot)) => match doc.marks[slot] {
                Some(pos) => doc.jump_to(vp, pos),
                None => self.say(&format!("mark {name} is not set")),
            },
            _ => self.say("marks are named a to z"),
        }
    }
}
