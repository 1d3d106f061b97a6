//! First pass over the article: every name becomes an entity (full names
//! merged with their short forms), with what the article tells about it: a
//! title, a description, a gender, whether it is a person, and whether it is
//! ever the subject of a speech verb.

use crate::model::SpeakerKind;

use super::attribution::{self, Subject};
use super::describe;
use super::lexicon::{self, Gender};
use super::names::{Run, RunKind};
use super::para::{Para, ParaKind};
use super::registry::{Entity, EntityId, Registry};
use super::tokens::punct;

/// The entity of each run of each paragraph, as far as the first pass knows
/// (one-word names are settled in reading order by the second pass).
pub(super) type RunEntities = Vec<Vec<Option<EntityId>>>;

/// Registers every name of `paras`.
pub(super) fn register(paras: &[Para<'_>]) -> (Registry, RunEntities) {
    let mut registry = Registry::default();
    let mut entities: RunEntities = Vec::with_capacity(paras.len());
    let mut seen = 0;
    // One-word names that matched nobody yet: they may be speakers found
    // below, whose descriptions they still carry.
    let mut unknown: Vec<(usize, usize)> = Vec::new();
    for (p, para) in paras.iter().enumerate() {
        let mut ids = vec![None; para.runs.len()];
        if matches!(para.kind, ParaKind::Body | ParaKind::Credit) {
            for (r, run) in para.runs.iter().enumerate() {
                seen += 1;
                let words: Vec<&str> = run.name.clone().map(|i| para.word(i)).collect();
                let id = match run.kind {
                    RunKind::Person => Some(registry.add(&words, SpeakerKind::Person, para.block, seen)),
                    RunKind::Org => Some(registry.add(&words, SpeakerKind::Organisation, para.block, seen)),
                    RunKind::Single if run.title.is_some() || is_person_single(para, run) => {
                        Some(registry.lookup_single(words[0], false).unwrap_or_else(|| {
                            registry.add_single(words[0], SpeakerKind::Person, para.block, seen)
                        }))
                    }
                    RunKind::Single => {
                        // A surname alone still says who it is ("Vole, the
                        // harbor master,"); the walk settles whose it is.
                        match registry.lookup_single(words[0], false) {
                            Some(id) => describe(&mut registry.entities[id], para, run),
                            None => unknown.push((p, r)),
                        }
                        None
                    }
                    _ => None,
                };
                if let Some(id) = id {
                    registry.entities[id].person |= run.kind == RunKind::Single;
                    annotate(&mut registry, para, run, id);
                }
                ids[r] = id;
            }
        }
        entities.push(ids);
    }
    for (p, para) in paras.iter().enumerate() {
        if para.kind != ParaKind::Body {
            continue;
        }
        for s in 0..para.sentences.len() {
            for subject in attribution::all_subjects(para, para.sentence_words(s)) {
                let Subject::Names(runs) = subject else { continue };
                for r in runs {
                    let id = if let Some(id) = entities[p][r] {
                        id
                    } else if is_generic_plural(para, &para.runs[r], &registry) {
                        continue;
                    } else {
                        let word = para.word(para.runs[r].name.start);
                        let id = registry
                            .lookup_single(word, true)
                            .unwrap_or_else(|| registry.add_single(word, SpeakerKind::Person, para.block, 0));
                        entities[p][r] = Some(id);
                        id
                    };
                    registry.entities[id].speaks = true;
                }
            }
        }
    }
    for (p, r) in unknown {
        let para = &paras[p];
        let run = &para.runs[r];
        if let Some(id) = registry.lookup_single(para.word(run.name.start), false) {
            describe(&mut registry.entities[id], para, run);
        }
    }
    (registry, entities)
}

/// Whether a capitalised word opening a sentence is a plural noun, not a
/// name ("Commuters chanted", "Residents wrote"): an agent's plural ending,
/// and no name in the article it could be short for.
pub(super) fn is_generic_plural(para: &Para<'_>, run: &Run, registry: &Registry) -> bool {
    let start = run.name.start;
    let word = para.word(start);
    let opens = start == 0 || para.words[start - 1].sentence() != para.words[start].sentence();
    let plural = ["ers", "ors", "ists", "ents", "ants", "ians", "ees", "ics", "als", "ives"]
        .iter()
        .any(|e| word.ends_with(e));
    run.kind == RunKind::Single
        && run.title.is_none()
        && opens
        && plural
        && word.len() > 4
        && registry.lookup_single(word, true).is_none()
}

/// Whether a one-word name is shown to be a person: "who" follows it
/// ("Benny — who …"), or an age ("Luc, 68,"), or a kinship or role noun
/// comes right before it ("her brother Luc").
fn is_person_single(para: &Para<'_>, run: &Run) -> bool {
    let end = run.name.end;
    let same_sentence =
        end < para.words.len() && para.words[end].sentence() == para.words[end - 1].sentence();
    let next = same_sentence.then(|| para.word(end));
    let aged = next.is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
        && para.words[end - 1].after & punct::COMMA != 0
        && para.words[end].after & punct::COMMA != 0;
    let start = run.start();
    let kin = start > 0
        && para.words[start - 1].after & punct::BREAK == 0
        && lexicon::gender_noun(para.word(start - 1)).is_some()
        && para.word(start - 1).starts_with(char::is_lowercase);
    next == Some("who") || aged || kin
}

/// Records a mention's title, description, gender and person signals.
fn annotate(registry: &mut Registry, para: &Para<'_>, run: &Run, id: EntityId) {
    let name = para.words_text(run.name.clone());
    let entity = &mut registry.entities[id];
    let end = run.name.end;
    let next = (end < para.words.len() && para.words[end].sentence() == para.words[end - 1].sentence())
        .then(|| para.word(end));
    if next == Some("who") {
        entity.person = true;
    }
    if let Some(title) = &run.title {
        let title_text = para.words_text(title.clone());
        entity.person |= entity.kind == SpeakerKind::Person;
        if entity.gender.is_none() {
            entity.gender = title.clone().find_map(|i| lexicon::gender_of(para.word(i)));
        }
        if entity.title.as_deref().is_none_or(describe::is_honorific) {
            entity.title = Some(title_text.clone());
        }
        let form = format!("{title_text} {name}");
        registry.add_form(id, &form);
    }
    let entity = &mut registry.entities[id];
    if entity.gender.is_none() && entity.kind == SpeakerKind::Person {
        entity.gender = gender_cue(para, run);
    }
    if entity.age.is_none() {
        entity.age = age(para, run);
    }
    describe(entity, para, run);
    if is_proxied(para, run) && !entity.person {
        entity.kind = SpeakerKind::Organisation;
        entity.kind_known = true;
    }
    if name != entity.name() {
        registry.add_form(id, &name);
    }
}

/// Whether a name is the body a proxy speaks for ("a report from X") or
/// that an organisation noun names ("a new group called X").
fn is_proxied(para: &Para<'_>, run: &Run) -> bool {
    let s = run.start();
    let called = s >= 2
        && matches!(para.word(s - 1), "called" | "named" | "dubbed")
        && para.words[s - 2].after & punct::BREAK == 0
        && lexicon::is_org_noun(para.word(s - 2));
    called || para.proxied(s, 0)
}

/// A gender shown right around a mention: a kinship or role noun before it
/// ("his aunt, Jane Morrow"), or "his"/"her" + noun within three words
/// after it ("Ford visited his editor").
pub(super) fn gender_cue(para: &Para<'_>, run: &Run) -> Option<Gender> {
    let start = run.start();
    let noun_before =
        (start.saturating_sub(2)..start).rev().map(|i| para.word(i)).find_map(lexicon::gender_noun);
    if noun_before.is_some() || para.words[run.name.end - 1].after & punct::POSSESSIVE != 0 {
        return noun_before;
    }
    let sentence = para.words[start].sentence();
    // A pronoun right after the name belongs to an appositive about someone
    // else ("Kim Lund, her deputy"): at least a verb must come between.
    for i in (run.name.end + 1)..(run.name.end + 3).min(para.words.len()) {
        if para.words[i].sentence() != sentence || para.run_of(i).is_some() {
            break;
        }
        let word = para.word(i);
        let next_is_noun = i + 1 < para.words.len()
            && para.words[i].after & punct::BREAK == 0
            && para.word(i + 1).starts_with(char::is_lowercase)
            && !lexicon::is_determiner(para.word(i + 1))
            && !lexicon::is_subordinator(para.word(i + 1))
            && !matches!(para.word(i + 1), "that" | "to" | "and" | "about" | "with" | "from");
        match word {
            "his" => return Some(Gender::Male),
            "her" if next_is_noun => return Some(Gender::Female),
            _ => {}
        }
    }
    None
}

/// "Jonas Ekdahl, 23,": an age right after the name.
fn age(para: &Para<'_>, run: &Run) -> Option<String> {
    let end = run.name.end;
    let word =
        (end < para.words.len() && para.words[end - 1].after & punct::COMMA != 0).then(|| para.word(end))?;
    (word.len() <= 3 && word.chars().all(|c| c.is_ascii_digit())).then(|| word.to_owned())
}

/// Adds the descriptions of one mention to its entity; a description headed
/// by a body ("a Dublin think tank") makes it an organisation, any other
/// makes a two-word name a person ("Tomas Brevik, a fisherman").
pub(super) fn describe(entity: &mut Entity, para: &Para<'_>, run: &Run) {
    if entity.descriptions.len() >= describe::MAX_PHRASES {
        return;
    }
    for phrase in describe::of_mention(para, run) {
        if describe::heads_a_body(&phrase) && !entity.person && entity.title.is_none() {
            entity.kind = SpeakerKind::Organisation;
            entity.kind_known = true;
        } else if run.kind == RunKind::Person && entity.kind == SpeakerKind::Person {
            entity.person = true;
        }
        describe::merge(&mut entity.descriptions, phrase);
    }
}
