//! Second pass: the article in reading order, keeping the context a reader
//! keeps — who was mentioned lately, who is speaking — to give every quote
//! its speakers: its own attribution, else its sentence's, else the current
//! speaker's when the quote continues them (same or next paragraph), else
//! none. Pronouns resolve to the latest compatible mention, preferring the
//! subject of earlier sentences.

use std::ops::Range;

use crate::model::{BlockId, SpeakerKind};

use super::attribution::{self, Side, Subject};
use super::lexicon::{Gender, Pronoun};
use super::names::RunKind;
use super::para::{Para, ParaKind};
use super::quotes::{self, Span};
use super::register::RunEntities;
use super::registry::{EntityId, Registry};

/// Sentences (with mentions) a pronoun looks back through.
const MAX_SENTENCES_BACK: usize = 12;
/// Paragraphs a pronoun looks back through.
const MAX_PARAS_BACK: usize = 4;

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

/// The entities of one mention: almost always one, so kept inline.
enum Who {
    One(EntityId),
    Many(Box<[EntityId]>),
}

impl Who {
    fn of(ids: &[EntityId]) -> Self {
        match ids {
            [id] => Self::One(*id),
            _ => Self::Many(ids.into()),
        }
    }
}

impl std::ops::Deref for Who {
    type Target = [EntityId];

    fn deref(&self) -> &[EntityId] {
        match self {
            Self::One(id) => std::slice::from_ref(id),
            Self::Many(ids) => ids,
        }
    }
}

/// Someone mentioned (or resolved) at a place in the text.
struct Entry {
    ids: Who,
    para: usize,
    sentence: usize,
    word: usize,
}

/// The speaker the text is currently quoting, and since which paragraph.
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
    history: Vec<Entry>,
    current: Option<Current>,
    seen: usize,
    pending: Vec<Pending>,
    chains: usize,
}

impl<'a, 'd> Walk<'a, 'd> {
    /// A walk over `paras` whose quotes are `spans`, with the first pass's
    /// entities.
    pub fn new(paras: &'a [Para<'d>], spans: &'a [Vec<Span>], mut registry: Registry, entities: RunEntities) -> Self {
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
        }
    }

    /// Walks the article and returns every quote with its speakers.
    pub fn run(mut self) -> (Vec<Assigned>, Registry) {
        for p in 0..self.paras.len() {
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
        }
        self.fill_chains();
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
        self.current = Some(Current { ids: ids.clone(), para: p, strong: true });
        self.pending.push(Pending { assigned: Assigned { block: para.block, range: span.range, speakers: ids }, own, chain });
    }

    /// The current speaker, if the text is still with them: the same
    /// paragraph, or the previous one when it quoted them or when this quote
    /// opens its paragraph.
    fn inherited(&self, p: usize, opens_para: bool) -> Option<Vec<EntityId>> {
        self.current
            .as_ref()
            .filter(|c| c.para == p || c.para + 1 == p && (c.strong || opens_para))
            .map(|c| c.ids.clone())
    }

    fn blockquote(&mut self, p: usize) {
        let para = &self.paras[p];
        for span in self.spans[p].clone() {
            let tail = quotes::dash_attribution_start(para.text).map(|at| &para.text[at..]);
            let line = para.attribution.or(tail);
            let line = line.map(|l| l.trim_start_matches(['—', '–', '―', '-', ' ']));
            let named = line.and_then(|line| self.name_in(para.block, line));
            let own = named.is_some();
            let ids = named.map(|id| vec![id]).or_else(|| self.inherited(p, true)).unwrap_or_default();
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
        let in_sentence: Vec<Span> = self.spans[p]
            .iter()
            .filter(|span| span.region.is_some_and(|r| para.sentence_of(para.regions[r].open) == s))
            .cloned()
            .collect();
        if in_sentence.is_empty() {
            if let Some((subject, colon)) = attribution::speech_event(para, words) {
                if let Some(ids) = self.subject_ids(p, s, subject, colon) {
                    self.current = Some(Current { ids, para: p, strong: colon });
                }
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
            let dbg = std::env::var_os("BYLINE_DEBUG").is_some();
            if dbg { eprintln!("Q {:?} chosen {:?}", &para.text[span.range.clone()].chars().take(40).collect::<String>(), chosen); }
            let ids = chosen.and_then(|found| self.subject_ids(p, s, found.subject, true));
            if dbg { eprintln!("   -> {:?}", ids.as_ref().map(|v| v.iter().map(|&i| self.registry.entities[i].name()).collect::<Vec<_>>())); }
            own.push(ids);
        }
        for (i, span) in in_sentence.into_iter().enumerate() {
            if let Some(ids) = own[i].clone() {
                self.push(p, span, ids, true);
                continue;
            }
            let nearby = own[i + 1..].iter().flatten().next().or_else(|| own[..i].iter().rev().flatten().next());
            let opens_para = span.region.is_some_and(|r| para.text[..para.regions[r].open].trim().is_empty());
            let opens_sentence = span
                .region
                .is_some_and(|r| para.text[para.sentences[s].start..para.regions[r].open].trim().is_empty());
            let ids = nearby
                .cloned()
                .or_else(|| opens_sentence.then(|| self.topic(p, s)).flatten())
                .or_else(|| self.inherited(p, opens_para))
                .unwrap_or_default();
            self.push(p, span, ids, false);
        }
    }

    /// The person the sentence before sentence `s` is about, when it quotes
    /// nobody and opens with them ("Yvette was more direct. “…”").
    fn topic(&self, p: usize, s: usize) -> Option<Vec<EntityId>> {
        let prev = s.checked_sub(1)?;
        let para = &self.paras[p];
        let quoted = self.spans[p].iter().any(|span| span.region.is_some_and(|r| para.sentence_of(para.regions[r].open) == prev));
        let first = para.sentence_words(prev).start;
        if quoted || first >= para.words.len() {
            return None;
        }
        let entry = self.history.iter().rev().take_while(|e| e.para == p).find(|e| e.sentence == prev && e.word == first)?;
        let [id] = entry.ids[..] else { return None };
        let entity = &self.registry.entities[id];
        let end = para.run_starting_at(first).map_or(first + 1, |r| para.runs[r].name.end);
        let verb_follows = end < para.words.len()
            && para.words[end - 1].after & super::tokens::punct::BREAK == 0
            && para.word(end).starts_with(char::is_lowercase);
        let personal = entity.kind == SpeakerKind::Person && (entity.person || entity.speaks || entity.gender.is_some());
        (verb_follows && personal).then(|| vec![id])
    }

    /// Records the names mentioned in sentence `s` of paragraph `p`, and a
    /// pronoun opening it.
    fn mentions(&mut self, p: usize, s: usize, words: Range<usize>) {
        let para = &self.paras[p];
        if words.is_empty() {
            return;
        }
        let first = para.word(words.start);
        if let Some(pronoun @ (Pronoun::He | Pronoun::She | Pronoun::They)) = super::lexicon::pronoun(first) {
            if first.starts_with(char::is_uppercase) {
                // Only to carry the chain of reference ("She claimed …");
                // a sentence that quotes nobody teaches nothing about gender.
                let ids = self.candidates(p, s, words.start, |walk, ids| walk.mentionable(ids, pronoun));
                if let Some(ids) = ids {
                    self.history.push(Entry { ids: Who::of(&ids), para: p, sentence: s, word: words.start });
                }
            }
        }
        let runs: Vec<usize> =
            (0..para.runs.len()).filter(|&r| words.contains(&para.runs[r].start())).collect();
        for r in runs {
            let Some(id) = self.entity_of(p, r, false) else { continue };
            let entity = &mut self.registry.entities[id];
            if entity.gender.is_none() && entity.kind == SpeakerKind::Person {
                entity.gender = super::register::gender_cue(para, &para.runs[r]);
            }
            self.seen += 1;
            self.registry.touch(id, self.seen);
            self.history.push(Entry { ids: Who::One(id), para: p, sentence: s, word: para.runs[r].start() });
        }
    }

    /// The entity of run `r` of paragraph `p`; a one-word name is looked up
    /// among the names so far, and becomes an entity of its own when
    /// `speaker` is set.
    fn entity_of(&mut self, p: usize, r: usize, speaker: bool) -> Option<EntityId> {
        let para = &self.paras[p];
        let run = &para.runs[r];
        let known = self.entities[p][r];
        if run.kind != RunKind::Single {
            return known;
        }
        let word = para.word(run.name.start);
        let found = self.registry.lookup_single(word, speaker).or(known);
        if found.is_some() || !speaker {
            return found;
        }
        self.seen += 1;
        let id = self.registry.add_single(word, SpeakerKind::Person, para.block, self.seen);
        self.entities[p][r] = Some(id);
        Some(id)
    }

    /// The entities a subject stands for: `Some(empty)` for an unnamed
    /// speaker, `None` when it cannot be told.
    /// A `quoting` subject is a quote's speaker; otherwise it only reports
    /// speech, and a pronoun there resolves more loosely and teaches nothing.
    fn subject_ids(&mut self, p: usize, s: usize, subject: Subject, quoting: bool) -> Option<Vec<EntityId>> {
        match subject {
            Subject::Names(runs) => {
                let mut ids: Vec<EntityId> = Vec::new();
                for r in runs.iter().copied() {
                    if let Some(id) = self.entity_of(p, r, true) {
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                }
                if ids.len() > 1 {
                    let word = self.paras[p].runs[runs[0]].start();
                    self.history.push(Entry { ids: Who::of(&ids), para: p, sentence: s, word });
                }
                Some(ids)
            }
            Subject::Pronoun(_, Pronoun::Other) | Subject::Unnamed => Some(Vec::new()),
            Subject::Pronoun(word, pronoun) if !quoting => {
                let ids = self.candidates(p, s, word, |walk, ids| walk.mentionable(ids, pronoun))?;
                self.history.push(Entry { ids: Who::of(&ids), para: p, sentence: s, word });
                Some(ids)
            }
            Subject::Pronoun(word, pronoun) => {
                let ids = self.resolve_pronoun(p, s, word, pronoun)?;
                self.history.push(Entry { ids: Who::of(&ids), para: p, sentence: s, word });
                Some(ids)
            }
            Subject::OrgNoun => self.salient_org(p),
        }
    }

    /// Resolves a pronoun at word `w` of sentence `s` of paragraph `p`, and
    /// learns from it (gender, organisation).
    fn resolve_pronoun(&mut self, p: usize, s: usize, w: usize, pronoun: Pronoun) -> Option<Vec<EntityId>> {
        let strict = self.candidates(p, s, w, |walk, ids| walk.compatible(ids, pronoun, true));
        let ids = strict.or_else(|| self.candidates(p, s, w, |walk, ids| walk.compatible(ids, pronoun, false)))?;
        if std::env::var_os("BYLINE_DEBUG").is_some() {
            let recent: Vec<String> = self.history.iter().rev().take(12).map(|e| format!("{}:{}:{}:{:?}", e.para, e.sentence, e.word, e.ids.iter().map(|&i| self.registry.entities[i].name()).collect::<Vec<_>>())).collect();
            eprintln!("PRONOUN {pronoun:?} at {p}:{s}:{w} -> {:?}; recent {recent:?}", ids.iter().map(|&i| self.registry.entities[i].name()).collect::<Vec<_>>());
        }
        if let [id] = ids[..] {
            let entity = &mut self.registry.entities[id];
            match pronoun {
                Pronoun::He => entity.gender = entity.gender.or(Some(Gender::Male)),
                Pronoun::She => entity.gender = entity.gender.or(Some(Gender::Female)),
                Pronoun::They | Pronoun::It => {
                    entity.kind = SpeakerKind::Organisation;
                    entity.kind_known = true;
                }
                Pronoun::Other => {}
            }
        }
        Some(ids)
    }

    /// Whether a mention can be what a sentence-opening pronoun stands for:
    /// any person for "he"/"she" (gender permitting), joint mentions and
    /// bodies for "they".
    fn mentionable(&self, ids: &[EntityId], pronoun: Pronoun) -> bool {
        let single = match ids {
            [id] => &self.registry.entities[*id],
            _ => return pronoun == Pronoun::They,
        };
        match pronoun {
            Pronoun::He | Pronoun::She => {
                let wanted = if pronoun == Pronoun::He { Gender::Male } else { Gender::Female };
                let known = single.person || single.speaks || single.gender.is_some();
                single.kind == SpeakerKind::Person && known && single.gender.is_none_or(|g| g == wanted)
            }
            _ => single.kind == SpeakerKind::Organisation,
        }
    }

    /// Whether a mention can be what `pronoun` stands for. `strict` asks for
    /// certainty about plurals ("they": joint speakers or a known body).
    fn compatible(&self, ids: &[EntityId], pronoun: Pronoun, strict: bool) -> bool {
        let single = match ids {
            [id] => &self.registry.entities[*id],
            _ => return pronoun == Pronoun::They,
        };
        let eligible = single.speaks || single.person;
        let body_like = single.kind == SpeakerKind::Organisation
            || !strict && !single.kind_known && !single.person && single.gender.is_none() && single.words.len() > 1;
        match pronoun {
            Pronoun::He | Pronoun::She => {
                let wanted = if pronoun == Pronoun::He { Gender::Male } else { Gender::Female };
                eligible && single.kind == SpeakerKind::Person && single.gender.is_none_or(|g| g == wanted)
            }
            Pronoun::They | Pronoun::It => single.speaks && body_like,
            Pronoun::Other => false,
        }
    }

    /// The latest mention that `accept`s, searching the current sentence
    /// (before word `w`, latest first) and then earlier sentences (each from
    /// its first mention: subjects come first).
    fn candidates(
        &self,
        p: usize,
        s: usize,
        w: usize,
        accept: impl Fn(&Self, &[EntityId]) -> bool,
    ) -> Option<Vec<EntityId>> {
        let mut i = self.history.len();
        while i > 0 && self.history[i - 1].para == p && self.history[i - 1].sentence == s {
            i -= 1;
            let entry = &self.history[i];
            if entry.word < w && accept(self, &entry.ids) {
                return Some(entry.ids.to_vec());
            }
        }
        let mut sentences = 0;
        while i > 0 && sentences < MAX_SENTENCES_BACK {
            let (gp, gs) = (self.history[i - 1].para, self.history[i - 1].sentence);
            if gp + MAX_PARAS_BACK < p {
                break;
            }
            let mut j = i;
            while j > 0 && self.history[j - 1].para == gp && self.history[j - 1].sentence == gs {
                j -= 1;
            }
            let mut group: Vec<&Entry> = self.history[j..i].iter().collect();
            group.sort_by_key(|e| e.word);
            if let Some(entry) = group.into_iter().find(|e| accept(self, &e.ids)) {
                return Some(entry.ids.to_vec());
            }
            i = j;
            sentences += 1;
        }
        None
    }

    /// The organisation "the company" most likely means: the one mentioned
    /// most often in the last few paragraphs (the latest on a tie).
    fn salient_org(&self, p: usize) -> Option<Vec<EntityId>> {
        let mut counts: Vec<(EntityId, usize, usize)> = Vec::new();
        for (order, entry) in self.history.iter().rev().take_while(|e| e.para + MAX_PARAS_BACK * 2 >= p).enumerate() {
            let [id] = entry.ids[..] else { continue };
            if self.registry.entities[id].kind != SpeakerKind::Organisation {
                continue;
            }
            match counts.iter_mut().find(|c| c.0 == id) {
                Some(c) => c.1 += 1,
                None => counts.push((id, 1, order)),
            }
        }
        counts.into_iter().max_by_key(|&(_, n, order)| (n, std::cmp::Reverse(order))).map(|(id, _, _)| vec![id])
    }
}
