//! Second pass: the article in reading order, keeping the context a reader
//! keeps — who was mentioned lately, who is speaking — to give every quote
//! its speakers: its own attribution, else its sentence's, else the current
//! speaker's when the quote continues them (same or next paragraph), else
//! none. Pronouns resolve to the latest compatible mention, preferring the
//! subject of earlier sentences.

use std::ops::Range;

use crate::model::{BlockId, SpeakerKind};

mod reference;

use super::attribution::{self, Side};
use super::lexicon;
use super::names::RunKind;
use super::para::{Para, ParaKind};
use super::quotes::{self, Span};
use super::register::RunEntities;
use super::registry::{EntityId, Registry};

/// A quote with its speakers.
#[derive(Debug, Clone)]
pub(super) struct Assigned {
    /// The block holding the quote.
    pub block: BlockId,
    /// Byte range of the quoted words.
    pub range: Range<usize>,
    /// Entities speaking it (empty: unattributed).
    pub speakers: Vec<EntityId>,
}

/// The speaker the text is currently quoting, and since which paragraph.
#[derive(Clone)]
struct Current {
    ids: Vec<EntityId>,
    para: usize,
    /// Set by a quote or a colon introduction, not by reported speech: only
    /// then does it carry a woven-in quote of the next paragraph.
    strong: bool,
}

struct Pending {
    assigned: Assigned,
    own: bool,
    chain: usize,
}

/// The walk's state.
pub(super) struct Walk<'a, 'd> {
    paras: &'a [Para<'d>],
    spans: &'a [Vec<Span>],
    /// The entities; grows as one-word speakers turn up.
    pub registry: Registry,
    entities: RunEntities,
    history: Vec<reference::Entry>,
    current: Option<Current>,
    seen: usize,
    pending: Vec<Pending>,
    chains: usize,
    /// The first span of the current paragraph not yet given out.
    next_span: usize,
}

impl<'a, 'd> Walk<'a, 'd> {
    /// A walk over `paras` whose quotes are `spans`, with the first pass's
    /// entities.
    pub fn new(
        paras: &'a [Para<'d>],
        spans: &'a [Vec<Span>],
        mut registry: Registry,
        entities: RunEntities,
    ) -> Self {
        for entity in &mut registry.entities {
            entity.last_seen = 0;
        }
        Self {
            paras,
            spans,
            registry,
            entities,
            history: Vec::new(),
            current: None,
            seen: 0,
            pending: Vec::new(),
            chains: 0,
            next_span: 0,
        }
    }

    /// Walks the article and returns every quote with its speakers.
    pub fn run(mut self) -> (Vec<Assigned>, Registry) {
        for p in 0..self.paras.len() {
            // What is set apart from the text is read and then forgotten: a
            // pull quote between two paragraphs of one speaker leaves the
            // chain of pronouns as it was.
            let aside = self.paras[p].aside.then(|| (self.current.clone(), self.history.len()));
            match self.paras[p].kind {
                ParaKind::Heading => self.current = None,
                ParaKind::Credit => {}
                ParaKind::Blockquote => self.blockquote(p),
                ParaKind::Body => {
                    for s in 0..self.paras[p].sentences.len() {
                        self.sentence(p, s);
                    }
                }
            }
            if let Some((current, len)) = aside {
                self.history.truncate(len);
                self.current = current.map(|c| Current { para: p, ..c });
            }
        }
        self.fill_chains();
        self.fill_cataphora();
        (self.pending.into_iter().map(|p| p.assigned).collect(), self.registry)
    }

    /// Gives every member of a multi-paragraph quotation the speaker its
    /// attributed member has.
    fn fill_chains(&mut self) {
        let mut by_chain: Vec<Option<Vec<EntityId>>> = vec![None; self.chains];
        for pending in &self.pending {
            if pending.own && !pending.assigned.speakers.is_empty() && by_chain[pending.chain].is_none() {
                by_chain[pending.chain] = Some(pending.assigned.speakers.clone());
            }
        }
        for pending in &mut self.pending {
            if let Some(ids) = by_chain[pending.chain].as_ref().filter(|_| !pending.own) {
                pending.assigned.speakers.clone_from(ids);
            }
        }
    }

    /// Gives the unattributed quotes of a paragraph to the speaker the next
    /// paragraph names for them ("That was the forecast offered by Nadia
    /// Karimi", "Those were the words of Tomas Brevik").
    fn fill_cataphora(&mut self) {
        let mut first_of_block = 0;
        while first_of_block < self.pending.len() {
            let block = self.pending[first_of_block].assigned.block;
            let mut end = first_of_block;
            while end < self.pending.len() && self.pending[end].assigned.block == block {
                end += 1;
            }
            let unattributed =
                self.pending[first_of_block..end].iter().all(|q| q.assigned.speakers.is_empty());
            if unattributed && let Some(ids) = self.named_next(block) {
                for pending in &mut self.pending[first_of_block..end] {
                    pending.assigned.speakers.clone_from(&ids);
                }
                for &id in &ids {
                    self.registry.entities[id].speaks = true;
                }
            }
            first_of_block = end;
        }
    }

    /// The speaker named by the paragraph after `block` when it opens by
    /// pointing back at words ("That was the forecast offered by …").
    fn named_next(&mut self, block: BlockId) -> Option<Vec<EntityId>> {
        let p = self.paras.iter().position(|para| para.block.0 == block.0 + 1)?;
        let para = &self.paras[p];
        if para.kind != ParaKind::Body || para.sentences.is_empty() || !self.spans[p].is_empty() {
            return None;
        }
        let words = para.sentence_words(0);
        if words.is_empty() || !matches!(para.word(words.start), "That" | "This" | "Those" | "These" | "Such")
        {
            return None;
        }
        let pointing = words.clone().take(8).any(|i| lexicon::is_said_noun(para.word(i)));
        let r = words
            .clone()
            .skip(1)
            .find(|&i| {
                matches!(para.word(i - 1), "by" | "of" | "from")
                    && para.run_starting_at(i).is_some_and(|r| para.runs[r].is_name())
            })
            .and_then(|i| para.run_starting_at(i))?;
        if !pointing {
            return None;
        }
        self.entity_of(p, r, true).map(|id| vec![id])
    }

    fn push(&mut self, p: usize, span: Span, ids: Vec<EntityId>, own: bool) {
        let para = &self.paras[p];
        let continues = para.continues && span.region == Some(0);
        let chain = match self.pending.last() {
            Some(last) if continues => last.chain,
            _ => {
                self.chains += 1;
                self.chains - 1
            }
        };
        for &id in &ids {
            self.registry.entities[id].speaks = true;
        }
        if !ids.is_empty() {
            // The speaker of a quote is who a later pronoun most likely means.
            let (sentence, word) =
                span.region.map_or((0, 0), |r| (para.sentence_of(para.regions[r].open), para.region_at[r]));
            self.history.push(reference::Entry {
                ids: reference::Who::of(&ids),
                para: p,
                sentence,
                word,
                speaker: true,
            });
        }
        self.current = Some(Current { ids: ids.clone(), para: p, strong: true });
        self.pending.push(Pending {
            assigned: Assigned { block: para.block, range: span.range, speakers: ids },
            own,
            chain,
        });
    }

    /// The current speaker, if the text is still with them: the same
    /// paragraph, or the previous one when it quoted them or when this quote
    /// opens its paragraph.
    fn inherited(&self, p: usize, opens_para: bool) -> Option<Vec<EntityId>> {
        self.current
            .as_ref()
            .filter(|c| {
                c.para == p
                    || c.para + 1 == p && (c.strong || opens_para)
                    // A quotation paragraph after one paragraph of narrative
                    // about nobody else ("Vole, a painter, filmed at …").
                    || c.para + 2 == p && c.strong && opens_para && !c.ids.is_empty() && self.about_them(p - 1, &c.ids)
            })
            .map(|c| c.ids.clone())
    }

    /// Whether paragraph `q` is narrative whose sentences open with nobody
    /// but `ids` (or with no name at all).
    fn about_them(&self, q: usize, ids: &[EntityId]) -> bool {
        let para = &self.paras[q];
        if para.kind != ParaKind::Body || !self.spans[q].is_empty() {
            return false;
        }
        (0..para.sentences.len()).all(|s| {
            let first = para.sentence_words(s).start;
            let Some(r) = para.run_starting_at(first).filter(|&r| para.runs[r].is_name()) else {
                return true;
            };
            let run = &para.runs[r];
            let id = match run.kind {
                RunKind::Single => self.registry.lookup_single(para.word(run.name.start), false),
                _ => self.entities[q][r],
            };
            id.is_some_and(|id| ids.contains(&id)) || run.kind == RunKind::Org
        })
    }

    fn blockquote(&mut self, p: usize) {
        let para = &self.paras[p];
        for span in self.spans[p].clone() {
            let tail = quotes::dash_attribution_start(para.text).map(|at| &para.text[at..]);
            let line = para.attribution.or(tail);
            let line = line.map(|l| l.trim_start_matches(['—', '–', '―', '-', ' ']));
            let named = line.and_then(|line| self.name_in(para.block, line));
            // A credit naming nobody ("— a senior officer") is someone
            // unnamed, not the last speaker.
            let own = line.is_some_and(|l| !l.trim().is_empty());
            let ids = match named {
                Some(id) => vec![id],
                None if own => Vec::new(),
                None => self.inherited(p, true).unwrap_or_default(),
            };
            self.push(p, span, ids, own);
        }
    }

    /// The entity named first in an attribution line ("— Ada Vole, author").
    fn name_in(&mut self, block: BlockId, line: &str) -> Option<EntityId> {
        let owner = crate::model::Block::new(crate::model::BlockKind::Paragraph, line);
        let para = Para::new(block, &owner)?;
        let run = para.runs.iter().find(|r| r.is_name())?;
        let words: Vec<&str> = run.name.clone().map(|i| para.word(i)).collect();
        self.seen += 1;
        Some(match run.kind {
            RunKind::Org => self.registry.add(&words, SpeakerKind::Organisation, block, self.seen),
            RunKind::Person => self.registry.add(&words, SpeakerKind::Person, block, self.seen),
            _ => self
                .registry
                .lookup_single(words[0], true)
                .unwrap_or_else(|| self.registry.add_single(words[0], SpeakerKind::Person, block, self.seen)),
        })
    }

    fn sentence(&mut self, p: usize, s: usize) {
        let para = &self.paras[p];
        let words = para.sentence_words(s);
        self.mentions(p, s, words.clone());
        // Spans are in reading order: those of sentence `s` are one slice,
        // starting where the previous sentence's stopped.
        let sentence_of = |span: &Span| span.region.map_or(0, |r| para.sentence_of(para.regions[r].open));
        let spans = &self.spans[p];
        let mut first = if s == 0 { 0 } else { self.next_span };
        while first < spans.len() && sentence_of(&spans[first]) < s {
            first += 1;
        }
        let mut last = first;
        while last < spans.len() && sentence_of(&spans[last]) == s {
            last += 1;
        }
        self.next_span = last;
        let in_sentence: Vec<Span> = spans[first..last].to_vec();
        if in_sentence.is_empty() {
            if let Some((subject, colon)) = attribution::speech_event(para, words)
                && let Some(ids) = self.subject_ids(p, s, subject, colon)
            {
                // Reported speech by the speaker just quoted keeps them
                // quoted ("“…,” said Vole. She said she was told …").
                let still = self.current.as_ref().is_some_and(|c| c.strong && c.ids == ids);
                self.current = Some(Current { ids, para: p, strong: colon || still });
            }
            return;
        }
        let at = |span: &Span| span.region.map_or(words.start, |r| para.region_at[r]);
        let mut own: Vec<Option<Vec<EntityId>>> = Vec::with_capacity(in_sentence.len());
        for (i, span) in in_sentence.iter().enumerate() {
            let here = at(span);
            let prev = if i == 0 { words.start } else { at(&in_sentence[i - 1]) };
            let next = in_sentence.get(i + 1).map_or(words.end, at);
            let post = attribution::find(para, here..next, Side::After);
            let pre = attribution::find(para, prev.max(words.start)..here, Side::Before);
            let chosen = match (post, pre) {
                (Some(post), _) if post.tight => Some(post),
                (_, Some(pre)) => Some(pre),
                (post, None) => post,
            };
            own.push(chosen.and_then(|found| self.subject_ids(p, s, found.subject, true)));
        }
        for (i, span) in in_sentence.into_iter().enumerate() {
            if let Some(ids) = own[i].clone() {
                self.push(p, span, ids, true);
                continue;
            }
            let nearby =
                own[i + 1..].iter().flatten().next().or_else(|| own[..i].iter().rev().flatten().next());
            let opens_para = span.region.is_some_and(|r| para.text[..para.regions[r].open].trim().is_empty());
            let opens_sentence = span
                .region
                .is_some_and(|r| para.text[para.sentences[s].start..para.regions[r].open].trim().is_empty());
            let at_word = span.region.map_or(words.start, |r| para.region_at[r]);
            let ids = nearby
                .cloned()
                .or_else(|| opens_sentence.then(|| self.topic(p, s)).flatten())
                .or_else(|| (!opens_sentence).then(|| self.agent(p, words.start..at_word)).flatten())
                .or_else(|| self.inherited(p, opens_para))
                .unwrap_or_default();
            self.push(p, span, ids, false);
        }
    }
}
