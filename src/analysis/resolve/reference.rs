//! Who a name, a pronoun or "the company" means at a place in the text:
//! the mentions seen so far, and how a pronoun picks among them (the latest
//! compatible one in its own sentence, else the first compatible one of each
//! earlier sentence: subjects come first), learning genders and bodies as it
//! goes.

use std::ops::Range;

use crate::model::SpeakerKind;

use super::super::attribution::Subject;
use super::super::lexicon::{self, Gender, Pronoun};
use super::super::names::RunKind;
use super::super::registry::EntityId;
use super::Walk;

/// Sentences (with mentions) a pronoun looks back through.
const MAX_SENTENCES_BACK: usize = 12;
/// Paragraphs a pronoun looks back through.
const MAX_PARAS_BACK: usize = 4;
/// Mentions any one look-up examines at most: a bound on the work per
/// look-up, so that a paragraph of a million names stays linear.
const MAX_ENTRIES_BACK: usize = 256;

/// The entities of one mention: almost always one, so kept inline.
pub(super) enum Who {
    One(EntityId),
    Many(Box<[EntityId]>),
}

impl Who {
    pub(super) fn of(ids: &[EntityId]) -> Self {
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
pub(super) struct Entry {
    pub ids: Who,
    pub para: usize,
    pub sentence: usize,
    pub word: usize,
    /// The subject of a speech verb or a quote's speaker: what a later
    /// pronoun most likely means.
    pub speaker: bool,
}

impl Walk<'_, '_> {
    /// The person the sentence before sentence `s` is about, when it quotes
    /// nobody and opens with them ("Yvette was more direct. “…”").
    pub(super) fn topic(&self, p: usize, s: usize) -> Option<Vec<EntityId>> {
        let prev = s.checked_sub(1)?;
        let para = &self.paras[p];
        let quoted = self.spans[p]
            .iter()
            .any(|span| span.region.is_some_and(|r| para.sentence_of(para.regions[r].open) == prev));
        let first = para.sentence_words(prev).start;
        if quoted || first >= para.words.len() {
            return None;
        }
        let entry = self
            .history
            .iter()
            .rev()
            .take(MAX_ENTRIES_BACK)
            .take_while(|e| e.para == p)
            .find(|e| e.sentence == prev && e.word == first)?;
        let [id] = entry.ids[..] else { return None };
        let entity = &self.registry.entities[id];
        let end = para.run_starting_at(first).map_or(first + 1, |r| para.runs[r].name.end);
        let verb_follows = end < para.words.len()
            && para.words[end - 1].after & super::super::tokens::punct::BREAK == 0
            && para.word(end).starts_with(char::is_lowercase);
        let personal = entity.kind == SpeakerKind::Person
            && (entity.person || entity.speaks || entity.gender.is_some() || entity.words.len() > 1);
        (verb_follows && personal).then(|| vec![id])
    }

    /// The agent of the clause a woven quote sits in, when it is someone
    /// other than the current speaker: a full or titled name right before
    /// its verb, in the words `before` the quote ("The deal Governor Tomas
    /// Reyes wanted — a deal “bigger than …”").
    pub(super) fn agent(&self, p: usize, before: Range<usize>) -> Option<Vec<EntityId>> {
        let para = &self.paras[p];
        let first = para.runs.partition_point(|run| run.start() < before.start);
        let last = para.runs.partition_point(|run| run.start() < before.end);
        let current = self.current.as_ref().map(|c| &c.ids[..]).unwrap_or_default();
        (first..last).rev().find_map(|r| {
            let run = &para.runs[r];
            let end = run.name.end;
            let full = run.kind == RunKind::Person && (run.title.is_some() || run.name.len() > 1);
            let verb = end < before.end
                && para.words[end - 1].after & super::super::tokens::punct::BREAK == 0
                && para.word(end).starts_with(char::is_lowercase)
                && !lexicon::is_function_word(para.word(end));
            // Not the object of a preposition, nor the subject of a
            // subordinate clause ("when Lund cut spending").
            let governed = run.start() > 0 && {
                let before = para.word(run.start() - 1);
                lexicon::is_preposition(before)
                    || lexicon::is_subordinator(before)
                    || lexicon::is_function_word(before)
            };
            let id = self.entities[p][r]?;
            let entity = &self.registry.entities[id];
            let person = entity.person || entity.gender.is_some() || entity.title.is_some();
            (full && verb && person && !governed && !current.contains(&id)).then(|| vec![id])
        })
    }

    /// Records the names mentioned in sentence `s` of paragraph `p`, and a
    /// pronoun opening it.
    pub(super) fn mentions(&mut self, p: usize, s: usize, words: Range<usize>) {
        let para = &self.paras[p];
        if words.is_empty() {
            return;
        }
        let first = para.word(words.start);
        if let Some(pronoun @ (Pronoun::He | Pronoun::She | Pronoun::They)) =
            super::super::lexicon::pronoun(first)
            && first.starts_with(char::is_uppercase)
        {
            // Only to carry the chain of reference ("She claimed …");
            // a sentence that quotes nobody teaches nothing about gender.
            let ids =
                self.candidates(p, s, words.start, |walk, entry, _| walk.mentionable(&entry.ids, pronoun));
            if let (Some([id]), Pronoun::He | Pronoun::She) = (ids.as_deref(), pronoun) {
                self.registry.entities[*id].person = true;
            }
            if let Some(ids) = ids {
                self.history.push(Entry {
                    ids: Who::of(&ids),
                    para: p,
                    sentence: s,
                    word: words.start,
                    speaker: false,
                });
            }
        }
        // Runs are in reading order: those of the sentence are one slice.
        let first = para.runs.partition_point(|run| run.start() < words.start);
        let last = para.runs.partition_point(|run| run.start() < words.end);
        let runs = first..last.max(first);
        for r in runs {
            let Some(id) = self.entity_of(p, r, false) else { continue };
            let entity = &mut self.registry.entities[id];
            if entity.gender.is_none() && entity.kind == SpeakerKind::Person {
                entity.gender = super::super::register::gender_cue(para, &para.runs[r]);
            }
            self.seen += 1;
            self.registry.touch(id, self.seen);
            self.history.push(Entry {
                ids: Who::One(id),
                para: p,
                sentence: s,
                word: para.runs[r].start(),
                speaker: false,
            });
        }
    }

    /// The entity of run `r` of paragraph `p`; a one-word name is looked up
    /// among the names so far, and becomes an entity of its own when
    /// `speaker` is set.
    pub(super) fn entity_of(&mut self, p: usize, r: usize, speaker: bool) -> Option<EntityId> {
        let para = &self.paras[p];
        let run = &para.runs[r];
        let known = self.entities[p][r];
        if run.kind != RunKind::Single {
            return known;
        }
        let word = para.word(run.name.start);
        let found = self.registry.lookup_single(word, speaker).or(known);
        if found.is_some() || !speaker || super::super::register::is_generic_plural(para, run, &self.registry)
        {
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
    pub(super) fn subject_ids(
        &mut self,
        p: usize,
        s: usize,
        subject: Subject,
        quoting: bool,
    ) -> Option<Vec<EntityId>> {
        match subject {
            Subject::Names(runs) => {
                let mut ids: Vec<EntityId> = Vec::new();
                for r in runs.iter().copied() {
                    if let Some(id) = self.entity_of(p, r, true)
                        && !ids.contains(&id)
                    {
                        ids.push(id);
                    }
                }
                if ids.len() > 1 {
                    let word = self.paras[p].runs[runs[0]].start();
                    self.history.push(Entry {
                        ids: Who::of(&ids),
                        para: p,
                        sentence: s,
                        word,
                        speaker: true,
                    });
                } else if let [run] = runs[..] {
                    self.mark_speaker(p, s, self.paras[p].runs[run].start());
                }
                Some(ids)
            }
            Subject::Pronoun(_, Pronoun::Other) => Some(Vec::new()),
            Subject::Unnamed(word) => {
                // "A former minister told reporters …": someone a later "he"
                // may mean, though nobody we can name.
                if matches!(
                    self.paras[p].word(word),
                    "a" | "A" | "an" | "An" | "another" | "Another" | "one" | "One"
                ) {
                    self.history.push(Entry {
                        ids: Who::Many(Box::new([])),
                        para: p,
                        sentence: s,
                        word,
                        speaker: true,
                    });
                }
                Some(Vec::new())
            }
            Subject::Pronoun(word, pronoun) if !quoting => {
                let ids =
                    self.candidates(p, s, word, |walk, entry, _| walk.mentionable(&entry.ids, pronoun))?;
                self.history.push(Entry { ids: Who::of(&ids), para: p, sentence: s, word, speaker: true });
                Some(ids)
            }
            Subject::Pronoun(word, pronoun) => {
                let Some(ids) = self.resolve_pronoun(p, s, word, pronoun) else {
                    // An unknown "he" may still be the current speaker; an
                    // unknown "it" or "they" is nobody we can name.
                    return matches!(pronoun, Pronoun::It | Pronoun::They).then(Vec::new);
                };
                self.history.push(Entry { ids: Who::of(&ids), para: p, sentence: s, word, speaker: true });
                Some(ids)
            }
            Subject::OrgNoun => Some(self.salient_org(p).unwrap_or_default()),
            Subject::Body { from, head } => {
                let para = &self.paras[p];
                let words: Vec<&str> = (from..=head).map(|i| para.word(i)).collect();
                self.seen += 1;
                let id = self.registry.add(&words, SpeakerKind::Organisation, para.block, self.seen);
                self.history.push(Entry {
                    ids: Who::One(id),
                    para: p,
                    sentence: s,
                    word: from,
                    speaker: true,
                });
                Some(vec![id])
            }
            Subject::Role { from, head } => {
                let ids = self.role(p, s, from, head).or_else(|| self.role_anaphor(p, s, from, head));
                if let Some(ids) = &ids {
                    self.history.push(Entry {
                        ids: Who::of(ids),
                        para: p,
                        sentence: s,
                        word: from,
                        speaker: true,
                    });
                }
                // An unmatched role ("the referee said") is someone unnamed.
                Some(ids.unwrap_or_default())
            }
        }
    }

    /// Resolves a pronoun at word `w` of sentence `s` of paragraph `p`, and
    /// learns from it (gender, organisation).
    pub(super) fn resolve_pronoun(
        &mut self,
        p: usize,
        s: usize,
        w: usize,
        pronoun: Pronoun,
    ) -> Option<Vec<EntityId>> {
        // The nearest sentence holding someone the pronoun may mean: a
        // speaker, or else the sentence's subject ("Trahan was surprised.
        // “…,” he said."); then looser readings further back.
        let near = self.candidates(p, s, w, |walk, entry, first| {
            walk.compatible(&entry.ids, pronoun, true) || first && walk.mentionable(&entry.ids, pronoun)
        });
        let ids = near
            .or_else(|| {
                self.candidates(p, s, w, |walk, entry, _| walk.compatible(&entry.ids, pronoun, false))
            })
            .or_else(|| self.candidates(p, s, w, |walk, entry, _| walk.mentionable(&entry.ids, pronoun)))?;
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
    pub(super) fn mentionable(&self, ids: &[EntityId], pronoun: Pronoun) -> bool {
        let single = match ids {
            [id] => &self.registry.entities[*id],
            [] => return matches!(pronoun, Pronoun::He | Pronoun::She | Pronoun::They),
            _ => return pronoun == Pronoun::They,
        };
        match pronoun {
            Pronoun::He | Pronoun::She => {
                let wanted = if pronoun == Pronoun::He { Gender::Male } else { Gender::Female };
                let known =
                    single.person || single.speaks || single.gender.is_some() || single.words.len() > 1;
                single.kind == SpeakerKind::Person && known && single.gender.is_none_or(|g| g == wanted)
            }
            _ => single.kind == SpeakerKind::Organisation,
        }
    }

    /// Whether a mention can be what `pronoun` stands for. `strict` asks for
    /// certainty about plurals ("they": joint speakers or a known body).
    pub(super) fn compatible(&self, ids: &[EntityId], pronoun: Pronoun, strict: bool) -> bool {
        let single = match ids {
            [id] => &self.registry.entities[*id],
            // An unnamed speaker ("a former minister said"): anyone.
            [] => return matches!(pronoun, Pronoun::He | Pronoun::She | Pronoun::They),
            _ => return pronoun == Pronoun::They,
        };
        let eligible = single.speaks || single.person;
        let body_like = single.kind == SpeakerKind::Organisation
            || !strict
                && !single.kind_known
                && !single.person
                && single.gender.is_none()
                && single.words.len() > 1;
        match pronoun {
            Pronoun::He | Pronoun::She => {
                let wanted = if pronoun == Pronoun::He { Gender::Male } else { Gender::Female };
                eligible && single.kind == SpeakerKind::Person && single.gender.is_none_or(|g| g == wanted)
            }
            Pronoun::They => single.speaks && body_like,
            // "it" is never a person: only a body known to be one.
            Pronoun::It => single.speaks && single.kind == SpeakerKind::Organisation,
            Pronoun::Other => false,
        }
    }

    /// The latest mention that `accept`s, searching the current sentence
    /// (before word `w`, latest first) and then earlier sentences (each
    /// from its speakers, then its first mention: subjects come first).
    /// `accept` is told whether the mention opens its sentence's mentions.
    pub(super) fn candidates(
        &self,
        p: usize,
        s: usize,
        w: usize,
        accept: impl Fn(&Self, &Entry, bool) -> bool,
    ) -> Option<Vec<EntityId>> {
        let mut end = self.history.len();
        let floor = end.saturating_sub(MAX_ENTRIES_BACK);
        while end > floor && self.history[end - 1].para == p && self.history[end - 1].sentence == s {
            end -= 1;
            let entry = &self.history[end];
            if entry.word < w && accept(self, entry, false) {
                return Some(entry.ids.to_vec());
            }
        }
        let mut sentences = 0;
        while end > floor && sentences < MAX_SENTENCES_BACK {
            let (para, sentence) = (self.history[end - 1].para, self.history[end - 1].sentence);
            if para + MAX_PARAS_BACK < p {
                break;
            }
            let mut start = end;
            while start > floor
                && self.history[start - 1].para == para
                && self.history[start - 1].sentence == sentence
            {
                start -= 1;
            }
            let mut group: Vec<&Entry> = self.history[start..end].iter().collect();
            group.sort_by_key(|e| (!e.speaker, e.ids.is_empty(), e.word));
            if let Some(entry) = group.into_iter().find(|e| accept(self, e, self.is_subject(e))) {
                return Some(entry.ids.to_vec());
            }
            end = start;
            sentences += 1;
        }
        None
    }

    /// Whether a mention is its sentence's subject: it opens the sentence
    /// (or follows an opening phrase and its comma) and a lower-case word,
    /// its verb, follows it ("Despite a bogey, Trahan was …").
    fn is_subject(&self, entry: &Entry) -> bool {
        let para = &self.paras[entry.para];
        let start = para.sentence_words(entry.sentence).start;
        let w = entry.word;
        if w >= para.words.len() || w < start {
            return false;
        }
        let opens =
            w == start || w - start <= 8 && para.words[w - 1].after & super::super::tokens::punct::COMMA != 0;
        let end = para.run_starting_at(w).map_or(w + 1, |r| para.runs[r].name.end);
        let verb_follows = end < para.words.len()
            && para.words[end - 1].after & super::super::tokens::punct::BREAK == 0
            && para.word(end).starts_with(char::is_lowercase);
        opens && verb_follows
    }

    /// Marks the mention starting at word `w` of sentence `s` of paragraph
    /// `p` as a speaker.
    pub(super) fn mark_speaker(&mut self, p: usize, s: usize, w: usize) {
        let recent = self.history.iter_mut().rev().take(MAX_ENTRIES_BACK);
        for entry in recent.take_while(|e| e.para == p && e.sentence == s) {
            if entry.word == w {
                entry.speaker = true;
            }
        }
    }

    /// Who "the coach" or "the 23-year-old" at word `w` is: the latest
    /// person whose title or description holds the noun (or whose age it
    /// gives).
    pub(super) fn role(&self, p: usize, s: usize, from: usize, w: usize) -> Option<Vec<EntityId>> {
        let para = &self.paras[p];
        let noun = para.word(w).to_lowercase();
        let age = noun.strip_suffix("-year-old").filter(|n| n.chars().all(|c| c.is_ascii_digit()));
        // "the Blackburn manager" is not "Portsmouth manager Harry Lund":
        // the role's names must be in the description too.
        let modifiers: Vec<&str> = (from..w)
            .map(|i| para.word(i))
            .filter(|m| m.starts_with(char::is_uppercase) && *m != "The")
            .collect();
        self.candidates(p, s, w, |walk, entry, _| {
            let [id] = entry.ids[..] else { return false };
            let entity = &walk.registry.entities[id];
            if let Some(age) = age {
                return entity.age.as_deref() == Some(age);
            }
            let described = |text: Option<&str>| {
                text.is_some_and(|t| {
                    let mut words = t.split(|c: char| !c.is_alphanumeric());
                    let holds = |m: &str| t.split(|c: char| !c.is_alphanumeric()).any(|word| word == m);
                    words.any(|word| {
                        word.eq_ignore_ascii_case(&noun) || lexicon::expand_title(word) == Some(noun.as_str())
                    }) && modifiers.iter().all(|m| holds(m))
                })
            };
            described(entity.title.as_deref()) || entity.descriptions.iter().any(|d| described(Some(d)))
        })
    }

    /// Who a definite role that describes nobody yet stands for, at words
    /// `from..=head`: a spokesperson or a plural ("the nurses") speaks for
    /// the body in view; any other role ("the former Leeds striker", "the
    /// Blackburn manager") is a new name for the person just mentioned, and
    /// becomes one of their descriptions.
    pub(super) fn role_anaphor(
        &mut self,
        p: usize,
        s: usize,
        from: usize,
        head: usize,
    ) -> Option<Vec<EntityId>> {
        let para = &self.paras[p];
        let noun = para.word(head);
        // A role is a short noun phrase ("the former Leeds striker"), not
        // "the authenticity of the tape".
        if head < from
            || head - from > 8
            || !noun.starts_with(char::is_alphabetic)
            || (from..head).any(|i| lexicon::is_preposition(para.word(i)))
        {
            return None;
        }
        let plural = noun.ends_with('s') && !noun.ends_with("ss") && !noun.ends_with("us");
        if lexicon::is_proxy_noun(noun) || plural {
            return self.salient_org(p);
        }
        let mut sentences = 0;
        let mut last = None;
        let found = self
            .history
            .iter()
            .rev()
            .take(MAX_ENTRIES_BACK)
            .take_while(|e| e.para + 1 >= p)
            .filter(|e| e.para != p || e.sentence != s || e.word < from)
            .find(|e| {
                if last != Some((e.para, e.sentence)) {
                    last = Some((e.para, e.sentence));
                    sentences += 1;
                }
                let [id] = e.ids[..] else { return false };
                let entity = &self.registry.entities[id];
                // Shown to be a person, not merely a capitalised word that
                // once seemed to speak ("Newcastle would make a request").
                let personal = entity.kind == SpeakerKind::Person
                    && (entity.person || entity.gender.is_some() || entity.words.len() > 1);
                sentences <= 3 && personal
            })
            .map(|e| e.ids.to_vec())?;
        if sentences > 3 {
            return None;
        }
        let [id] = found[..] else { return Some(found) };
        if let Some(phrase) = super::super::describe::role_phrase(para, from, head) {
            super::super::describe::merge(&mut self.registry.entities[id].descriptions, phrase);
        }
        Some(found)
    }

    /// The organisation "the company" most likely means: the one mentioned
    /// most often in the last few paragraphs (the latest on a tie).
    pub(super) fn salient_org(&self, p: usize) -> Option<Vec<EntityId>> {
        let mut counts: Vec<(EntityId, usize, usize)> = Vec::new();
        for (order, entry) in self
            .history
            .iter()
            .rev()
            .take(MAX_ENTRIES_BACK)
            .take_while(|e| e.para + MAX_PARAS_BACK * 2 >= p)
            .enumerate()
        {
            let [id] = entry.ids[..] else { continue };
            if self.registry.entities[id].kind != SpeakerKind::Organisation {
                continue;
            }
            match counts.iter_mut().find(|c| c.0 == id) {
                Some(c) => c.1 += 1,
                None => counts.push((id, 1, order)),
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(_, n, order)| (n, std::cmp::Reverse(order)))
            .map(|(id, _, _)| vec![id])
    }
}
