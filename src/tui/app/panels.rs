//! The panels: focus, showing and hiding, moving the selection, choosing an
//! entry with Enter, the speaker filter, and the mouse.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use super::doc::{Target, Visit};
use super::{App, Direction, Effect, Focus, Panel, Placement};
use crate::tui::action::{Action, Command};

/// Rows the mouse wheel scrolls.
const WHEEL_ROWS: isize = 3;

impl App {
    /// Moves the focus to `focus`, showing the panels if it goes there and
    /// hiding them again when they showed only for the focus.
    pub fn set_focus(&mut self, focus: Focus) {
        let was = self.focus;
        self.focus = focus;
        match focus {
            Focus::Article => match self.panels.by_focus.take() {
                Some(Placement::Beside) => self.panels.beside = false,
                Some(Placement::Overlay) => self.panels.overlay = false,
                None => {}
            },
            Focus::Panel(panel) => {
                if !self.panels_visible() {
                    if self.is_wide() {
                        self.panels.beside = true;
                        self.panels.by_focus = Some(Placement::Beside);
                    } else {
                        self.panels.overlay = true;
                        self.panels.by_focus = Some(Placement::Overlay);
                    }
                }
                if was != focus {
                    self.sync_selection(panel);
                }
            }
        }
    }

    /// Tab and Shift-Tab: article → sections → speakers → quotes → article,
    /// passing over panels with nothing in them.
    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let order = [
            Focus::Article,
            Focus::Panel(Panel::Sections),
            Focus::Panel(Panel::Speakers),
            Focus::Panel(Panel::Quotes),
        ];
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let step = if forward { 1 } else { order.len() - 1 };
        let next = (1..=order.len())
            .map(|n| order[(at + n * step) % order.len()])
            .find(|focus| match focus {
                Focus::Article => true,
                Focus::Panel(panel) => self.panel_len(*panel) > 0,
            })
            .unwrap_or(Focus::Article);
        if next == Focus::Article && self.focus == Focus::Article {
            self.say("the panels are empty: no sections, speakers or quotes");
        }
        self.set_focus(next);
    }

    /// `p`: beside the article on a wide terminal, an overlay on a narrow one.
    pub(super) fn toggle_panels(&mut self) {
        self.panels.by_focus = None;
        if self.is_wide() {
            self.panels.beside = !self.panels.beside;
            if !self.panels.beside {
                self.focus = Focus::Article;
            }
        } else if self.panels.overlay {
            self.close_overlay();
        } else {
            self.panels.overlay = true;
            if self.focus == Focus::Article {
                self.set_focus(Focus::Panel(Panel::Sections));
            }
        }
    }

    /// Closes the narrow overlay; the focus returns to the article.
    pub(super) fn close_overlay(&mut self) {
        self.panels.overlay = false;
        self.panels.by_focus = None;
        self.focus = Focus::Article;
    }

    /// Puts a panel's selection on what the reader is at.
    fn sync_selection(&mut self, panel: Panel) {
        let doc = self.doc_mut();
        let row = match panel {
            Panel::Sections => doc.current_section(),
            Panel::Speakers => doc.speaker,
            Panel::Quotes => {
                let list = doc.quote_list();
                let quotes = &doc.article.analysis.quotes;
                let first_ahead = quotes
                    .partition_point(|q| (q.block, q.range.start) < (doc.top.block, doc.top.text_offset()));
                doc.last_quote
                    .and_then(|v| list.row_of(v.index))
                    .or_else(|| (first_ahead..quotes.len()).find_map(|q| list.row_of(q)))
            }
        };
        if let Some(row) = row {
            doc.lists[panel.index()].selected = row;
        }
    }

    pub(super) fn panel_command(&mut self, command: Command) -> Vec<Effect> {
        let Focus::Panel(panel) = self.focus else { return Vec::new() };
        let height = self.geometry().panel_rows(panel);
        let len = self.panel_len(panel);
        let list = &mut self.doc_mut().lists[panel.index()];
        if let Some(to) = list.moved(&command, height, len) {
            list.selected = to;
            return Vec::new();
        }
        match command.action {
            Action::Select => {
                self.select(panel);
                Vec::new()
            }
            Action::QuotesElsewhere => self.quotes_elsewhere(),
            _ => self.reader_command(Command { scope: crate::tui::keymap::Mode::Reader, ..command }),
        }
    }

    /// Number of rows in a panel.
    #[must_use]
    pub fn panel_len(&self, panel: Panel) -> usize {
        let doc = self.doc();
        match panel {
            Panel::Sections => doc.article.analysis.sections.len(),
            Panel::Speakers => doc.article.analysis.speakers.len(),
            Panel::Quotes => doc.quote_list().len(),
        }
    }

    /// Enter in a panel: jump to the selected entry; Enter again on the entry
    /// just visited follows on to the next one. On a speaker it also filters
    /// the quotes panel, and following on walks that speaker's quotes.
    fn select(&mut self, panel: Panel) {
        let vp = self.viewport();
        let len = self.panel_len(panel);
        let doc = self.doc_mut();
        let selected = doc.lists[panel.index()].selected;
        let again = doc
            .last_select
            .is_some_and(|(p, visit)| p == panel.index() && visit.index == selected && visit.top == doc.top);
        let row = if again && panel != Panel::Speakers { selected + 1 } else { selected };
        if row >= len {
            self.say("no more entries");
            return;
        }
        doc.lists[panel.index()].selected = row;
        match panel {
            Panel::Sections => doc.go_section(vp, row),
            Panel::Quotes => {
                if let Some(quote) = doc.quote_list().get(row) {
                    doc.go_quote(vp, quote);
                }
            }
            Panel::Speakers => {
                doc.filter = Some(row);
                doc.speaker = Some(row);
                doc.lists[Panel::Quotes.index()] = super::ListState::default();
                if again {
                    if !doc.step_quote(vp, Some(row), Direction::Forward, 1) {
                        self.say("no more quotes by this speaker");
                        return;
                    }
                } else if let Some(block) = doc.speaker_block(row) {
                    let at = doc.block_row(vp, block);
                    doc.jump_to_row(vp, at);
                    doc.target = Some(Target::Speaker(row));
                }
            }
        }
        let doc = self.doc_mut();
        doc.last_select = Some((panel.index(), Visit { index: row, top: doc.top }));
    }

    /// Keeps each panel's selection valid and its offset showing the
    /// selection (focused) or what the reader is at (not focused).
    pub(super) fn settle_panels(&mut self) {
        let geometry = self.geometry();
        for panel in Panel::ALL {
            let len = self.panel_len(panel);
            let height = geometry.panel_rows(panel);
            let focused = self.focus == Focus::Panel(panel);
            let doc = self.doc_mut();
            let follow = match panel {
                _ if focused => None,
                Panel::Sections => doc.current_section(),
                Panel::Speakers => doc.speaker,
                Panel::Quotes => doc.last_quote.and_then(|v| doc.quote_list().row_of(v.index)),
            };
            let list = &mut doc.lists[panel.index()];
            let row = follow.unwrap_or(list.selected);
            list.clamp(len, height, row);
        }
    }

    pub(super) fn mouse(&mut self, event: MouseEvent) -> Vec<Effect> {
        if !self.settings.mouse {
            return Vec::new();
        }
        let at = Position::new(event.column, event.row);
        let geometry = self.geometry();
        let over = Panel::ALL.into_iter().find(|p| geometry.panel_area(*p).is_some_and(|r| r.contains(at)));
        let vp = self.viewport();
        match (event.kind, over) {
            (MouseEventKind::ScrollDown | MouseEventKind::ScrollUp, Some(panel)) => {
                let len = self.panel_len(panel);
                let list = &mut self.doc_mut().lists[panel.index()];
                list.offset = if event.kind == MouseEventKind::ScrollDown {
                    (list.offset + WHEEL_ROWS as usize).min(len.saturating_sub(1))
                } else {
                    list.offset.saturating_sub(WHEEL_ROWS as usize)
                };
                list.selected = list.selected.clamp(list.offset, list.offset.max(len.saturating_sub(1)));
            }
            (MouseEventKind::ScrollDown, None) => self.doc_mut().scroll(vp, WHEEL_ROWS),
            (MouseEventKind::ScrollUp, None) => self.doc_mut().scroll(vp, -WHEEL_ROWS),
            (MouseEventKind::Down(MouseButton::Left), Some(panel)) => {
                let inner = geometry.panel_list(panel).unwrap_or_default();
                self.set_focus(Focus::Panel(panel));
                if inner.contains(at) {
                    let row = self.doc().lists[panel.index()].offset + usize::from(at.y - inner.y);
                    if row < self.panel_len(panel) {
                        self.doc_mut().lists[panel.index()].selected = row;
                        self.select(panel);
                    }
                }
            }
            (MouseEventKind::Down(MouseButton::Left), None) if geometry.article.contains(at) => {
                if self.panels.overlay && !self.is_wide() {
                    self.close_overlay();
                } else {
                    self.set_focus(Focus::Article);
                }
            }
            _ => {}
        }
        Vec::new()
    }
}
