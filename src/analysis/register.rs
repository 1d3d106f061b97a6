//! First pass over the article: every name becomes an entity (full names
//! merged with their short forms), with what the article tells about it: a
//! title, a description, a gender, whether it is a person, and whether it is
//! ever the subject of a speech verb.

use crate::model::SpeakerKind;

use super::attribution::{self, Subject};
use super::lexicon::{self, Gender};
use super::names::{Run, RunKind};
use super::para::{Para, ParaKind};
use super::registry::{EntityId, Registry};
use super::tokens::punct;

/// The entity of each run of each paragraph, as far as the first pass knows
/// (one-word names are settled in reading order by the second pass).
pub(super) type RunEntities = Vec<Vec<Option<EntityId>>>;

/// Longest description kept, in words.
const MAX_DESCRIPTION_WORDS: usize = 25;

/// Registers every name of `paras`.
pub(super) fn register(paras: &[Para<'_>]) -> (Registry, RunEntities) {
    let mut registry = Registry::default();
    let mut entities: RunEntities = Vec::with_capacity(paras.len());
    let mut seen = 0;
    for para in paras {
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
    (registry, entities)
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
        if entity.title.is_none() {
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
    let described = appositive(para, run).or_else(|| before_name(para, run));
    // "the novelist Mira Solberg", "Tomas Brevik, a fisherman": a person.
    entity.person |= described.is_some() && run.kind == RunKind::Person;
    if entity.description.is_none() {
        entity.description = described;
    }
    if name != entity.name() {
        registry.add_form(id, &name);
    }
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

fn is_break(para: &Para<'_>, i: usize) -> bool {
    para.words[i].after
        & (punct::COMMA
            | punct::STOP
            | punct::SEMI
            | punct::COLON
            | punct::QUOTE
            | punct::DASH
            | punct::CLOSE)
        != 0
}

/// "Jonas Ekdahl, 23,": an age right after the name.
fn age(para: &Para<'_>, run: &Run) -> Option<String> {
    let end = run.name.end;
    let word =
        (end < para.words.len() && para.words[end - 1].after & punct::COMMA != 0).then(|| para.word(end))?;
    (word.len() <= 3 && word.chars().all(|c| c.is_ascii_digit())).then(|| word.to_owned())
}

/// "Name, a description, said": the words after the comma up to the next
/// comma or full stop, without a leading article.
fn appositive(para: &Para<'_>, run: &Run) -> Option<String> {
    let end = run.name.end;
    if para.words[end - 1].after & punct::COMMA == 0 || end >= para.words.len() {
        return None;
    }
    if para.words[end].sentence() != para.words[end - 1].sentence() {
        return None;
    }
    let first = para.word(end);
    let starts_badly = lexicon::is_speech_verb(first)
        || lexicon::pronoun(first).is_some()
        || lexicon::is_preposition(first)
        || lexicon::is_subordinator(first)
        || lexicon::is_coordinator(first)
        || matches!(first, "which" | "whose" | "where" | "when" | "said")
        || para
            .run_starting_at(end)
            .is_some_and(|r| matches!(para.runs[r].kind, RunKind::Person | RunKind::Single));
    if starts_badly {
        return None;
    }
    let mut last = end;
    while last < para.words.len() && last - end < MAX_DESCRIPTION_WORDS && !is_break(para, last) {
        last += 1;
    }
    if last >= para.words.len() || last - end >= MAX_DESCRIPTION_WORDS {
        return None;
    }
    let mut from = end;
    if matches!(para.word(from), "a" | "an" | "the" | "A" | "An" | "The") && from < last {
        from += 1;
    }
    // "a fellow at the Institute who advised …, said": the description
    // ends where a relative clause or a speech verb starts.
    let cut = (from + 1..=last)
        .find(|&i| lexicon::is_speech_verb(para.word(i)) || matches!(para.word(i), "who" | "which" | "whose"))
        .unwrap_or(last + 1);
    let words = &para.words[from..cut];
    let numeric = words.iter().all(|w| para.text[w.range()].chars().all(|c| c.is_ascii_digit()));
    let finite = words.iter().any(|w| {
        let word = &para.text[w.range()];
        word.starts_with(char::is_lowercase) && lexicon::is_verb_filler(word) && !word.ends_with("ly")
    });
    if words.is_empty() || numeric || finite || lexicon::is_speech_verb(para.word(from)) {
        return None;
    }
    Some(para.text[words[0].range().start..words[words.len() - 1].range().end].to_owned())
}

/// "former envoy Karl Lund": lower-case words right before the name
/// (and any title inside its run).
fn before_name(para: &Para<'_>, run: &Run) -> Option<String> {
    let start = run.start();
    let mut from = start;
    while from > 0 && para.words[from - 1].after & punct::BREAK == 0 && start - from < MAX_DESCRIPTION_WORDS {
        let word = para.word(from - 1);
        let lower = word.starts_with(char::is_lowercase);
        let verb_form = !word.contains('-') && (word.ends_with("ing") || word.ends_with("ed"));
        let stop = lexicon::is_determiner(word)
            || lexicon::is_preposition(word)
            || lower && verb_form
            || lexicon::is_speech_verb(word)
            || lexicon::is_verb_filler(word)
            || lexicon::is_subordinator(word)
            || lexicon::pronoun(word).is_some()
            || matches!(
                word,
                "to" | "at" | "by" | "with" | "from" | "than" | "like" | "into" | "about" | "who" | "told"
            )
            || !lower
                && para
                    .run_of(from - 1)
                    .is_some_and(|r| matches!(para.runs[r].kind, RunKind::Person | RunKind::Single));
        if stop {
            break;
        }
        from -= 1;
    }
    while from < start && matches!(para.word(from), "and" | "or") {
        from += 1;
    }
    let end = run.title.as_ref().map_or(start, |t| t.end);
    (from < end)
        .then(|| para.text[para.words[from].range().start..para.words[end - 1].range().end].to_owned())
}
