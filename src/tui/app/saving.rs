//! The reader and the library: `S` saves the article being read; an
//! article opened from the library opens where the reader stopped, and its
//! position and marks (as anchors, which survive re-extraction) are saved
//! on every jump, on the way back to the list and on quit; what the
//! library's thread sends back.

use std::collections::BTreeMap;

use super::{App, Doc, Effect, LoadState};
use crate::layout::Pos;
use crate::library::{Opened, Outcome, ReadingState};
use crate::model::{Anchor, Block};
use crate::tui::jobs::{JobKind, JobOutput, JobRequest, LibraryOp, LibraryOutput, SaveSource};

/// What a document has to do with the library.
#[derive(Debug, Clone, Default)]
pub struct Shelved {
    /// Its id, once it is in the library.
    pub id: Option<i64>,
    /// Where it came from, for `S` (else the document's own origin is
    /// loaded again: a page from a link).
    pub origin: Option<SaveSource>,
    /// The generation of a save asked for and not yet done.
    pub saving: Option<u64>,
    /// The jump count when the position was last saved.
    pub saved_moves: u64,
    /// What was last saved.
    pub saved: Option<(ReadingState, bool)>,
}

/// `pos` as an anchor into `blocks` (the rows before a block's text, its
/// head included, count as the block's start).
fn anchor(blocks: &[Block], pos: Pos) -> Option<Anchor> {
    let text = blocks.get(pos.block.index())?.text();
    let chars = text.get(..pos.text_offset()).map_or(0, |prefix| prefix.chars().count());
    Anchor::at(blocks, pos.block, chars)
}

/// Where `anchor` is in `blocks`; the very start of the article is its
/// head.
fn position(blocks: &[Block], anchor: &Anchor) -> Option<Pos> {
    let (block, chars) = anchor.resolve(blocks)?;
    if block.index() == 0 && chars == 0 {
        return Some(Pos::default());
    }
    let text = blocks[block.index()].text();
    let offset = text.char_indices().nth(chars).map_or(text.len(), |(at, _)| at);
    Some(Pos { block, gap: false, offset })
}

impl App {
    /// Opens an article from the library on top of the screen, where the
    /// reader stopped.
    pub fn open_saved(&mut self, opened: Opened) {
        let Opened { summary, article, state } = opened;
        self.push_document(article);
        let doc = self.doc_mut();
        let blocks = doc.article.blocks();
        let top = state.position.as_ref().and_then(|a| position(blocks, a));
        let marks: Vec<(usize, Pos)> = state
            .marks
            .iter()
            .filter_map(|(name, a)| Some(((*name as usize).checked_sub('a' as usize)?, position(blocks, a)?)))
            .filter(|(slot, _)| *slot < 26)
            .collect();
        doc.top = top.unwrap_or_default();
        for (slot, pos) in marks {
            doc.marks[slot] = Some(pos);
        }
        doc.shelved.id = Some(summary.id);
        doc.shelved.saved = Some((state.clone(), false));
        if let Some(shelf) = &mut self.shelf {
            shelf.visible = false;
            if let Some(entry) = shelf.entry_mut(summary.id) {
                *entry = summary;
            }
        }
        self.settle();
        if top.is_some() && state.progress > 0 {
            self.say(&format!("where you stopped ({}%)", state.progress));
        }
    }

    /// The reading state of the document `index` now, and whether its end
    /// is on screen.
    fn reading_state(&mut self, index: usize) -> (ReadingState, bool) {
        let vp = self.viewport();
        let doc = &mut self.docs[index];
        let (row, total) = doc.progress(vp);
        let bottom = (row + vp.rows).min(total);
        let finished = total == 0 || bottom >= total;
        let progress = (bottom * 100).checked_div(total).map_or(100, |percent| percent.min(100) as u8);
        let blocks = doc.article.blocks();
        let marks: BTreeMap<char, Anchor> = doc
            .marks
            .iter()
            .enumerate()
            .filter_map(|(slot, pos)| Some((char::from(b'a' + slot as u8), anchor(blocks, (*pos)?)?)))
            .collect();
        let read = doc.shelved.saved.as_ref().is_some_and(|(state, _)| state.read);
        (ReadingState { position: anchor(blocks, doc.top), marks, progress, read }, finished)
    }

    /// Saves where the reader is in the library documents `indices` when
    /// it changed: after a jump (`force` false: only if one was made since
    /// the last save), or on the way out (`force`).
    pub(super) fn save_positions(&mut self, indices: &[usize], force: bool) -> Vec<Effect> {
        let mut effects = Vec::new();
        for &index in indices {
            let Some(doc) = self.docs.get(index) else { continue };
            let Some(id) = doc.shelved.id else { continue };
            if !force && doc.jumps.moves == doc.shelved.saved_moves {
                continue;
            }
            let moves = doc.jumps.moves;
            let (state, finished) = self.reading_state(index);
            let doc = &mut self.docs[index];
            doc.shelved.saved_moves = moves;
            if doc.shelved.saved.as_ref() == Some(&(state.clone(), finished)) {
                continue;
            }
            doc.shelved.saved = Some((state.clone(), finished));
            if let Some(entry) = self.shelf.as_mut().and_then(|s| s.entry_mut(id)) {
                entry.progress = state.progress;
                entry.read |= finished;
            }
            let generation = self.next_generation();
            effects.push(Effect::Spawn(JobRequest::Library {
                generation,
                op: LibraryOp::Reading { id, state, finished },
            }));
        }
        effects
    }

    /// `S`: saves the article being read.
    pub(super) fn save_article(&mut self) -> Vec<Effect> {
        let doc = self.doc();
        if let Some(id) = doc.shelved.id {
            self.say(&format!("already in the library ({id})"));
            return Vec::new();
        }
        if !matches!(doc.load, LoadState::Ready) {
            self.fail("still loading: save once the whole article is there");
            return Vec::new();
        }
        let from_link = doc.origin.spec.clone().map(|spec| SaveSource {
            spec,
            forced: None,
            bytes: None,
            url: None,
            content_type: None,
        });
        let Some(source) = doc.shelved.origin.clone().or(from_link) else {
            self.fail("this article cannot be saved: its source is not known");
            return Vec::new();
        };
        let shown_hash = doc.article.identity.source_hash.clone();
        let generation = self.next_generation();
        self.doc_mut().shelved.saving = Some(generation);
        self.say("saving…");
        vec![Effect::Spawn(JobRequest::Library { generation, op: LibraryOp::Save { source, shown_hash } })]
    }

    /// Backspace: the previous document; from the last one opened from the
    /// library, the library again. Saves the position first.
    pub(super) fn previous_document(&mut self) -> Vec<Effect> {
        if self.docs.len() <= 1 {
            self.say("no previous document");
            return Vec::new();
        }
        let top = self.docs.len() - 1;
        let effects = self.save_positions(&[top], true);
        self.docs.pop();
        self.input = None;
        self.links = None;
        self.elsewhere = None;
        self.elsewhere_generation = 0;
        if self.docs.len() == 1
            && let Some(shelf) = &mut self.shelf
        {
            shelf.visible = true;
        }
        effects
    }

    /// What the library's thread sent back.
    pub(super) fn library_done(
        &mut self,
        generation: u64,
        kind: JobKind,
        result: Result<JobOutput, String>,
    ) -> Vec<Effect> {
        let output = match result {
            Ok(JobOutput::Library(output)) => output,
            Ok(_) => return Vec::new(),
            Err(message) => {
                if kind == JobKind::LibrarySearch
                    && let Some(shelf) = self.shelf.as_mut().filter(|s| s.generation == generation)
                {
                    shelf.waiting = false;
                }
                for doc in &mut self.docs {
                    if doc.shelved.saving == Some(generation) {
                        doc.shelved.saving = None;
                    }
                }
                self.fail(&message);
                return Vec::new();
            }
        };
        match output {
            LibraryOutput::Listed(entries) => {
                if let Some(shelf) = &mut self.shelf {
                    shelf.replace(entries);
                }
            }
            LibraryOutput::Filtered { ids, .. } => {
                if let Some(shelf) = self.shelf.as_mut().filter(|s| s.generation == generation) {
                    shelf.waiting = false;
                    shelf.show_ids(&ids);
                }
            }
            LibraryOutput::Opened(opened) => {
                self.status = None;
                self.open_saved(*opened);
                self.opened_at_quote(generation);
            }
            LibraryOutput::Elsewhere { name, quotes } => self.elsewhere_found(generation, name, quotes),
            LibraryOutput::Saved { saved, summary, changed } => {
                return self.saved(generation, saved, *summary, changed);
            }
            LibraryOutput::ReadingSaved => {}
            LibraryOutput::ReadSet { id, read } => {
                if let Some(entry) = self.shelf.as_mut().and_then(|s| s.entry_mut(id)) {
                    entry.read = read;
                }
                for doc in self.docs.iter_mut().filter(|d| d.shelved.id == Some(id)) {
                    if let Some((state, _)) = &mut doc.shelved.saved {
                        state.read = read;
                    }
                }
            }
            LibraryOutput::Tagged { id, tags } => {
                self.say(&if tags.is_empty() {
                    "no tags".to_owned()
                } else {
                    format!("tags: {}", tags.join(", "))
                });
                if let Some(entry) = self.shelf.as_mut().and_then(|s| s.entry_mut(id)) {
                    entry.tags = tags;
                }
            }
            LibraryOutput::Deleted { id } => {
                let title = self
                    .shelf
                    .as_ref()
                    .and_then(|s| s.entries.iter().find(|e| e.id == id))
                    .and_then(|e| e.title.clone());
                if let Some(shelf) = &mut self.shelf {
                    shelf.remove(id);
                }
                self.say(&format!("deleted “{}”", title.unwrap_or_default()));
            }
        }
        Vec::new()
    }

    fn saved(
        &mut self,
        generation: u64,
        saved: crate::library::Saved,
        summary: crate::library::Summary,
        changed: bool,
    ) -> Vec<Effect> {
        let Some(index) = self.docs.iter().position(|d| d.shelved.saving == Some(generation)) else {
            return Vec::new();
        };
        let doc: &mut Doc = &mut self.docs[index];
        doc.shelved.saving = None;
        doc.shelved.id = Some(saved.id);
        let verb = match saved.outcome {
            Outcome::Added => "saved to the library",
            Outcome::Updated => "updated in the library",
            Outcome::Unchanged => "already in the library",
        };
        let note = if changed {
            "; the file had changed since it was opened: the library has it as it is now"
        } else {
            ""
        };
        self.say(&format!("{verb} ({}){note}", saved.id));
        if let Some(shelf) = &mut self.shelf {
            shelf.upsert(summary);
        }
        // Where the reader is now is the first position saved.
        self.save_positions(&[index], true)
    }
}
