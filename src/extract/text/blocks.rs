//! The body units turned into blocks. A short line becomes a heading only
//! where a heading stands: after running text (or at the start of the body),
//! before running text, with nothing but widget labels between. Numbered
//! standalone lines ("2. Take stock") are headings by the same rule; link
//! lists under a heading-like line ("Most read") are dropped with it.

use super::classify::{Chrome, Info, Role, ends_sentence};
use super::units::{Layout, Unit, UnitKind};
use crate::model::{Block, BlockKind};

/// Longest heading, in words and characters.
const HEADING_WORDS: usize = 14;
const HEADING_CHARS: usize = 120;
/// Headings in a row that may precede running text ("Part 2" / "2. Costs").
const HEADING_RUN: usize = 3;
/// Widget labels skipped when looking at a heading's neighbours.
const LABEL_SKIP: usize = 3;

/// Builds the blocks of the units at `order` (ascending indices).
#[must_use]
pub fn build(units: &[Unit], infos: &[Info], order: &[usize], layout: Layout, dump: bool) -> Vec<Block> {
    let ctx = Context { units, infos, order, layout };
    let dropped_lists = ctx.link_lists_under_headings();
    let mut blocks = Vec::new();
    let mut accepted = vec![false; order.len()];
    let mut depths: Vec<usize> = Vec::new();
    for (p, &i) in order.iter().enumerate() {
        if dropped_lists[p] {
            continue;
        }
        let (unit, info) = (&units[i], &infos[i]);
        if !matches!(unit.kind, UnitKind::Item { .. }) {
            depths.clear();
        }
        if let Some(level) = ctx.heading_level(p, &accepted) {
            accepted[p] = true;
            blocks.push(Block::new(BlockKind::Heading { level }, &heading_text(unit)));
            continue;
        }
        match (info.role, &unit.kind) {
            (Role::Chrome(_), _) => {}
            (Role::Rule, _) => {
                let after_text = blocks.last().is_some_and(|b: &Block| !b.text().is_empty());
                if after_text && ctx.next_role(p).is_some_and(|r| matches!(r, Role::Prose)) {
                    blocks.push(Block::rule());
                }
            }
            (Role::Short, UnitKind::Text) if dump && !ctx.between_text(p, &accepted) => {}
            (_, UnitKind::Item { marker_col, label }) => {
                while depths.last().is_some_and(|&col| col > *marker_col) {
                    depths.pop();
                }
                if depths.last() != Some(marker_col) {
                    depths.push(*marker_col);
                }
                let depth = depths.len().saturating_sub(1).min(usize::from(u8::MAX)) as u8;
                let number = label.as_deref().and_then(item_number);
                let kind = BlockKind::ListItem { depth, ordered: label.is_some(), number };
                blocks.push(Block::new(kind, &unit.text));
            }
            _ => blocks.push(Block::new(BlockKind::Paragraph, &unit.text)),
        }
    }
    blocks
}

/// The number a label such as "3." or "12)" gives.
fn item_number(label: &str) -> Option<u32> {
    label.trim_end_matches(['.', ')']).parse().ok()
}

fn heading_text(unit: &Unit) -> String {
    match &unit.kind {
        UnitKind::Item { label: Some(label), .. } => format!("{label} {}", unit.text),
        _ => unit.text.clone(),
    }
}

struct Context<'a> {
    units: &'a [Unit],
    infos: &'a [Info],
    order: &'a [usize],
    layout: Layout,
}

impl Context<'_> {
    fn role(&self, p: usize) -> Role {
        self.infos[self.order[p]].role
    }

    /// Units a heading may have between it and its text: widget labels,
    /// removed widget lines, a caption printed again.
    fn is_label(&self, p: usize) -> bool {
        matches!(self.role(p), Role::Chrome(Chrome::Label | Chrome::Line | Chrome::Copy))
    }

    fn next_role(&self, p: usize) -> Option<Role> {
        (p + 1..self.order.len()).map(|q| self.role(q)).find(|r| !matches!(r, Role::Chrome(Chrome::Label)))
    }

    /// Whether the unit at `p` has a heading's shape, marked or not.
    fn heading_shaped(&self, p: usize) -> bool {
        let (unit, info) = (&self.units[self.order[p]], &self.infos[self.order[p]]);
        if info.role == Role::Marked {
            return true;
        }
        let standalone_number = matches!(&unit.kind, UnitKind::Item { label: Some(_), .. })
            && unit.blank_before
            && unit.blank_after;
        if !(info.role == Role::Short || standalone_number && matches!(info.role, Role::LinkItem)) {
            return false;
        }
        let words = unit.words();
        let heading_column = self.layout.body_indent > 0 && unit.indent < self.layout.body_indent;
        let first = unit.text.chars().find(|c| c.is_alphanumeric());
        (1..=HEADING_WORDS).contains(&words)
            && unit.text.chars().count() <= HEADING_CHARS
            && unit.lines <= 2
            && info.date.is_none()
            && first.is_some_and(|c| !c.is_lowercase())
            && !unit.text.ends_with(['.', ',', ';', ':', '…'])
            && (heading_column || !ends_sentence(&unit.text))
            && !unit.text.to_lowercase().starts_with("by ")
            && !super::chrome::is_credit(&unit.text)
            && (unit.blank_after || !self.layout.gapped)
    }

    /// Whether a line glued to the one above it follows a paragraph (a
    /// heading printed without a gap), not an author line or a caption.
    fn glued_to_text(&self, p: usize) -> bool {
        let i = self.order[p];
        if self.units[i].blank_before {
            return true;
        }
        let above = (i.saturating_sub(LABEL_SKIP + 1)..i)
            .rev()
            .find(|&j| !matches!(self.infos[j].role, Role::Chrome(Chrome::Label | Chrome::Line)));
        above.is_some_and(|j| matches!(self.infos[j].role, Role::Prose | Role::Item))
    }

    /// The level of the heading at `p`, if it is one.
    fn heading_level(&self, p: usize, accepted: &[bool]) -> Option<u8> {
        if !self.heading_shaped(p)
            || !self.glued_to_text(p)
            || !self.after_text(p, accepted)
            || !self.before_text(p)
        {
            return None;
        }
        let unit = &self.units[self.order[p]];
        Some(match &unit.kind {
            UnitKind::Marked { level } => *level,
            UnitKind::Item { label: Some(label), .. } => {
                let parts = label.trim_end_matches(['.', ')']).split('.').count();
                (1 + parts).min(6) as u8
            }
            _ => 2,
        })
    }

    /// Running text, a list or a heading comes before `p` (labels skipped),
    /// or `p` opens the body.
    fn after_text(&self, p: usize, accepted: &[bool]) -> bool {
        let mut q = p;
        for _ in 0..=LABEL_SKIP {
            if q == 0 {
                return true;
            }
            q -= 1;
            if self.is_label(q) {
                continue;
            }
            let info = &self.infos[self.order[q]];
            let sentence = info.role == Role::Short && self.units[self.order[q]].words() >= 8;
            let text = matches!(info.role, Role::Prose | Role::Item | Role::LinkItem) || sentence;
            return accepted[q] || text && !info.copied;
        }
        false
    }

    /// Whether `p` stands between running text (or a heading) and running text.
    fn between_text(&self, p: usize, accepted: &[bool]) -> bool {
        let next = (p + 1..self.order.len()).find(|&q| !self.is_label(q));
        self.after_text(p, accepted) && next.is_some_and(|q| matches!(self.role(q), Role::Prose | Role::Item))
    }

    /// Running text or a list follows `p`, possibly after a few more headings.
    fn before_text(&self, p: usize) -> bool {
        let mut q = p + 1;
        let mut headings = 0;
        let mut labels = 0;
        while q < self.order.len() {
            if matches!(self.role(q), Role::Prose | Role::Item) {
                return true;
            }
            if self.role(q) == Role::LinkItem {
                // A list of short items under a heading, with text after it.
                let after = (q..self.order.len()).find(|&r| self.role(r) != Role::LinkItem);
                return after.is_some_and(|r| matches!(self.role(r), Role::Prose | Role::Item));
            }
            if self.is_label(q) && labels < LABEL_SKIP {
                labels += 1;
            } else if headings < HEADING_RUN && self.heading_shaped(q) {
                headings += 1;
            } else {
                return false;
            }
            q += 1;
        }
        false
    }

    /// Marks the link lists under a related-links heading ("Most read"): a
    /// box of other stories inside the article.
    fn link_lists_under_headings(&self) -> Vec<bool> {
        let mut dropped = vec![false; self.order.len()];
        let mut p = 1;
        while p < self.order.len() {
            let run_end =
                (p..self.order.len()).find(|&q| self.role(q) != Role::LinkItem).unwrap_or(self.order.len());
            if run_end > p && self.role(p - 1) == Role::Chrome(Chrome::Links) {
                dropped[p..run_end].fill(true);
            }
            p = run_end.max(p + 1);
        }
        dropped
    }
}

#[cfg(test)]
mod tests;
