//! What the worker sends back: search results (handed to `search`), and the
//! whole article after a preview, which replaces the preview where the
//! reader is (found again by the block's fingerprint) and reruns a search
//! typed meanwhile.

use std::sync::Arc;

use super::{App, Doc, Effect, LoadState};
use crate::model::Article;
use crate::tui::jobs::{JobDone, JobKind, JobOutput};

impl App {
    pub(super) fn job_done(&mut self, done: JobDone) -> Vec<Effect> {
        match (done.kind, done.result) {
            (JobKind::Search, Ok(JobOutput::Matches(matches))) => {
                self.search_results(done.generation, matches);
            }
            (JobKind::Search, Err(message)) if done.generation == self.doc().search.generation => {
                self.doc_mut().search.waiting = false;
                self.fail(&format!("search failed: {message}"));
            }
            (JobKind::Build, result) => return self.built(done.generation, result),
            (JobKind::Open, Ok(JobOutput::Opened(opened))) => self.opened(done.generation, Ok(opened)),
            (JobKind::Open, Err(message)) => self.opened(done.generation, Err(message)),
            (JobKind::Library | JobKind::LibrarySearch, result) => {
                return self.library_done(done.generation, done.kind, result);
            }
            (JobKind::Copy, Ok(JobOutput::Copied(message))) => self.say(&message),
            (_, Err(message)) => self.fail(&message),
            _ => {}
        }
        Vec::new()
    }

    fn built(&mut self, generation: u64, result: Result<JobOutput, String>) -> Vec<Effect> {
        let Some(index) = self
            .docs
            .iter()
            .position(|d| matches!(d.load, LoadState::Loading { generation: g, .. } if g == generation))
        else {
            return Vec::new();
        };
        match result {
            Ok(JobOutput::Article(article)) => {
                let old = &self.docs[index];
                let top = carry_position(&old.article, &article, old.top);
                let query = old.search.query.clone();
                let shelved = old.shelved.clone();
                let mut doc = Doc::new(Arc::from(article), LoadState::Ready);
                doc.top = top;
                doc.shelved = shelved;
                self.docs[index] = doc;
                if !query.is_empty() && index + 1 == self.docs.len() {
                    return self.search_spawn(query);
                }
            }
            Ok(_) => self.docs[index].load = LoadState::Ready,
            Err(message) => self.docs[index].load = LoadState::Failed(message),
        }
        Vec::new()
    }
}

/// `top` in `old`, found again in `new` by the block's fingerprint (the
/// rows before a block's text, block 0's head among them, stay rows).
fn carry_position(old: &Article, new: &Article, top: crate::layout::Pos) -> crate::layout::Pos {
    let blocks = old.blocks();
    let chars = blocks
        .get(top.block.index())
        .and_then(|b| b.text().get(..top.text_offset()))
        .map_or(0, |prefix| prefix.chars().count());
    let Some(anchor) = crate::model::Anchor::at(blocks, top.block, chars) else { return top };
    match anchor.resolve(new.blocks()) {
        Some((block, _)) if top.gap => crate::layout::Pos { block, ..top },
        Some((block, chars)) => {
            let text = new.blocks()[block.index()].text();
            let offset = text.char_indices().nth(chars).map_or(text.len(), |(at, _)| at);
            crate::layout::Pos { block, gap: false, offset }
        }
        None => crate::layout::Pos::default(),
    }
}
