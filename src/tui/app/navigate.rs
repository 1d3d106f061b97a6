//! "Next" and "previous" for everything that has a place in the article:
//! sections, quotes, a speaker's quotes, search matches. Where you are is the
//! top line of the article pane; right after a jump, the entry jumped to
//! counts instead (so that stepping works even where the end of the article
//! keeps the entry below the top).

use super::doc::{Doc, Target, Viewport, Visit};
use crate::layout::Pos;
use crate::model::BlockId;

/// Which way to step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards the end.
    Forward,
    /// Towards the start.
    Backward,
}

/// The entry `times` steps from where you are, over entries sorted by
/// position; `place(i)` is entry i's (block, byte offset). A count past
/// the last (or first) entry goes as far as it can, as vim does; `None`
/// only when there is no entry at all that way.
#[must_use]
pub fn step_entry(
    len: usize,
    place: &dyn Fn(usize) -> (usize, usize),
    visit: Option<usize>,
    span: (usize, usize, usize),
    direction: Direction,
    times: usize,
) -> Option<usize> {
    let (block, start, end) = span;
    let times = times.max(1);
    let count_before = |limit: (usize, usize)| {
        let (mut low, mut high) = (0, len);
        while low < high {
            let mid = usize::midpoint(low, high);
            if place(mid) < limit {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    };
    match direction {
        Direction::Forward => {
            let base = visit.map_or_else(|| count_before((block, end)), |index| index + 1);
            (base < len).then(|| (base + times - 1).min(len - 1))
        }
        Direction::Backward => {
            let base = visit.unwrap_or_else(|| count_before((block, start)));
            (base > 0).then(|| base.saturating_sub(times))
        }
    }
}

impl Doc {
    fn visit_index(&self, visit: Option<Visit>) -> Option<usize> {
        visit.filter(|v| v.top == self.top).map(|v| v.index)
    }

    /// Jumps to the section `times` steps away; returns whether it moved.
    pub fn step_section(&mut self, vp: Viewport, direction: Direction, times: usize) -> bool {
        let span = self.top_span(vp);
        let article = self.article.clone();
        let sections = &article.analysis.sections;
        let visit = self.visit_index(self.last_section);
        let place = |i: usize| (sections[i].block.index(), 0);
        let Some(index) = step_entry(sections.len(), &place, visit, span, direction, times) else {
            return false;
        };
        self.go_section(vp, index);
        true
    }

    /// Jumps to section `index`.
    pub fn go_section(&mut self, vp: Viewport, index: usize) {
        let Some(section) = self.article.analysis.sections.get(index) else { return };
        let row = self.block_row(vp, section.block);
        self.jump_to_row(vp, row);
        self.last_section = Some(Visit { index, top: self.top });
        self.target = Some(Target::Section(index));
    }

    /// Jumps to the quote `times` steps away, among all quotes or, with
    /// `speaker`, that speaker's; returns whether it moved.
    pub fn step_quote(
        &mut self,
        vp: Viewport,
        speaker: Option<usize>,
        direction: Direction,
        times: usize,
    ) -> bool {
        let span = self.top_span(vp);
        let article = self.article.clone();
        let quotes = &article.analysis.quotes;
        // Every quote, or one speaker's: entry i of the list is quote
        // `nth(i)`, found without building the list of all quotes.
        let only =
            speaker.and_then(|s| article.analysis.speakers.get(s)).map(|found| found.quotes.as_slice());
        let nth = |i: usize| only.map_or(Some(i), |list| list.get(i).copied());
        let len = only.map_or(quotes.len(), <[usize]>::len);
        let place = |i: usize| {
            nth(i).and_then(|q| quotes.get(q)).map_or((usize::MAX, 0), |q| (q.block.index(), q.range.start))
        };
        let visit = self.visit_index(self.last_quote).and_then(|q| match only {
            Some(list) => list.binary_search(&q).ok(),
            None => Some(q),
        });
        let Some(quote) = step_entry(len, &place, visit, span, direction, times).and_then(nth) else {
            return false;
        };
        self.go_quote(vp, quote);
        true
    }

    /// Jumps to quote `index` and makes its speaker the one `)` follows.
    pub fn go_quote(&mut self, vp: Viewport, index: usize) {
        let Some(quote) = self.article.analysis.quotes.get(index) else { return };
        let pos = Pos { block: quote.block, gap: false, offset: quote.range.start };
        if let Some(speaker) = quote.speakers.first() {
            self.speaker = Some(*speaker);
        }
        self.jump_to(vp, pos);
        self.last_quote = Some(Visit { index, top: self.top });
        self.target = Some(Target::Quote(index));
    }

    /// The speaker `)` and `(` follow: the one chosen last, else the speaker
    /// of the next attributed quote from the top line on.
    pub fn speaker_to_follow(&mut self, vp: Viewport) -> Option<usize> {
        if self.speaker.is_some() {
            return self.speaker;
        }
        let (block, start, _) = self.top_span(vp);
        let quotes = &self.article.analysis.quotes;
        let first = quotes.partition_point(|q| (q.block.index(), q.range.start) < (block, start));
        quotes[first..].iter().find_map(|q| q.speakers.first().copied())
    }

    /// Goes to the match `times` steps away (wrapping around the article);
    /// returns the match and whether it wrapped.
    pub fn step_match(&mut self, vp: Viewport, direction: Direction, times: usize) -> Option<(usize, bool)> {
        let len = self.search.matches.len();
        if len == 0 {
            return None;
        }
        let span = self.top_span(vp);
        let visit = self.visit_index(self.search.current);
        let matches = &self.search.matches;
        let place = |i: usize| (matches[i].block.index(), matches[i].range.start);
        let (index, wrapped) = match step_entry(len, &place, visit, span, direction, times) {
            Some(index) => (index, false),
            None if direction == Direction::Forward => (0, true),
            None => (len - 1, true),
        };
        self.go_match(vp, index, true);
        Some((index, wrapped))
    }

    /// Shows match `index` at the top (as a recorded jump when `jump`).
    pub fn go_match(&mut self, vp: Viewport, index: usize, jump: bool) {
        let Some(found) = self.search.matches.get(index) else { return };
        let pos = Pos { block: found.block, gap: false, offset: found.range.start };
        if jump {
            self.jump_to(vp, pos);
        } else {
            let (flow, blocks) = self.flow(vp);
            let row = flow.locate(blocks, pos);
            self.set_top_row(vp, row);
        }
        self.search.current = Some(Visit { index, top: self.top });
    }

    /// Whether match `index` starts within the rows on screen.
    pub fn match_visible(&mut self, vp: Viewport, index: usize) -> bool {
        let Some(found) = self.search.matches.get(index) else { return false };
        let pos = Pos { block: found.block, gap: false, offset: found.range.start };
        let top = self.top_row(vp);
        let (flow, blocks) = self.flow(vp);
        let row = flow.locate(blocks, pos);
        let bottom = flow.step(blocks, top, vp.rows.saturating_sub(1).cast_signed());
        row >= top && row <= bottom
    }

    /// The first match at or after `pos`, wrapping to the first.
    #[must_use]
    pub fn first_match_from(&self, pos: Pos) -> Option<usize> {
        let matches = &self.search.matches;
        if matches.is_empty() {
            return None;
        }
        let key = (pos.block, pos.text_offset());
        let index = matches.partition_point(|m| (m.block, m.range.start) < key);
        Some(if index < matches.len() { index } else { 0 })
    }

    /// The block a speaker is first named in.
    #[must_use]
    pub fn speaker_block(&self, speaker: usize) -> Option<BlockId> {
        self.article.analysis.speakers.get(speaker).map(|s| s.first_block)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_counts_from_the_top_line_or_the_last_visit() {
        let places = [(1, 0), (3, 5), (3, 40), (7, 0)];
        let place = |i: usize| places[i];
        let forward = |visit, span, times| step_entry(4, &place, visit, span, Direction::Forward, times);
        let backward = |visit, span, times| step_entry(4, &place, visit, span, Direction::Backward, times);
        assert_eq!(forward(None, (0, 0, 0), 1), Some(0));
        assert_eq!(forward(None, (3, 0, 30), 1), Some(2), "an entry on the top line is not next");
        assert_eq!(forward(None, (3, 0, 30), 2), Some(3));
        assert_eq!(forward(None, (3, 0, 30), 3), Some(3), "a count past the end goes to the last");
        assert_eq!(backward(None, (3, 41, 60), 9), Some(0), "and before the start to the first");
        assert_eq!(backward(None, (3, 0, 30), 1), Some(0));
        assert_eq!(backward(None, (3, 41, 60), 1), Some(2));
        assert_eq!(forward(Some(3), (7, 0, 9), 1), None);
        assert_eq!(backward(Some(3), (7, 0, 9), 2), Some(1));
        assert_eq!(forward(None, (3, 0, 0), 1), Some(1), "a gap line shows nothing of its block");
    }
}
