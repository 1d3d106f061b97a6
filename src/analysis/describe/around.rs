//! Descriptions set around a name by a clause: a noun phrase before it
//! ("his aunt, Jane Morrow,"; "Kim Lund’s wife, the novelist Ada Vole"), a
//! copula ("Vole is a ferry captain") or an
//! "as" phrase ("As a lung biologist, Vole …").

use super::super::lexicon;
use super::super::names::Run;
use super::super::para::Para;
use super::super::tokens::punct;
use super::appositive::{ends_phrase, is_noun_phrase, is_possessive_start, phrase_last};
use super::before::is_role_word;
use super::owner::owned_text;
use super::words::{is_auxiliary, is_function_word, is_time_noun, starts_lower};
use super::{MAX_WORDS, text};

/// Prepositions after which a noun phrase may name the person who follows
/// it ("according *to* his aunt, Jane Morrow").
pub(super) fn takes_person(word: &str) -> bool {
    matches!(word, "to" | "for" | "with" | "by" | "from" | "of" | "and" | "like")
}

/// "His aunt, Jane Morrow,", "The company that runs the show, Red Lantern,":
/// a noun phrase set off before the name, which closes it with a comma or
/// a full stop.
pub(super) fn preceding(para: &Para<'_>, run: &Run) -> Option<String> {
    let s = run.start();
    let end = run.name.end;
    if s == 0 || para.words[s - 1].after & punct::BREAK != punct::COMMA {
        return None;
    }
    if para.words[end - 1].after & (punct::COMMA | punct::STOP) == 0 {
        return None;
    }
    let last = s - 1;
    let mut clause = last;
    while clause > 0 && last - clause < MAX_WORDS && !ends_phrase(para, clause - 1) {
        clause -= 1;
    }
    if last - clause >= MAX_WORDS {
        return None;
    }
    // "Harbor United, whose manager, Ada Vole,": the manager of the club.
    if para.word(clause) == "whose"
        && clause > 0
        && clause < last
        && para.words[clause - 1].after & punct::BREAK == punct::COMMA
        && let Some(owner) = para.run_ending_at(clause - 1)
        && (clause + 1..=last).all(|i| starts_lower(para.word(i)) && !is_function_word(para.word(i)))
    {
        let owner = &para.runs[owner];
        return Some(format!(
            "{} of {}",
            text(para, clause + 1..last + 1),
            text(para, owner.start()..owner.name.end)
        ));
    }
    let from = (clause..=last).find(|&i| {
        let opens = matches!(
            para.word(i),
            "the" | "The" | "his" | "His" | "her" | "Her" | "their" | "Their" | "its" | "Its"
        ) || is_possessive_start(para, i);
        opens && (i == clause || takes_person(para.word(i - 1)))
    })?;
    // The head noun: the last word before a relative clause or a
    // preposition ("the company that runs the show", "the top commander in
    // the north"); a role is a common noun.
    let head_at = (from + 1..=last)
        .find(|&i| matches!(para.word(i), "that" | "who" | "which") || lexicon::is_preposition(para.word(i)))
        .map_or(last, |i| i - 1);
    let head = para.word(head_at);
    let verb = (from..=last).any(|i| lexicon::is_speech_verb(para.word(i)));
    if verb || is_time_noun(head) || !starts_lower(head) || head_at == from {
        return None;
    }
    is_noun_phrase(para, from, last).then(|| owned_text(para, run, from..last + 1))
}

/// "Ada Vole is a ferry captain.", "As a lung biologist, Ada Vole …": a
/// copula or an "as" phrase naming the role.
pub(super) fn copular(para: &Para<'_>, run: &Run) -> Option<String> {
    let end = run.name.end;
    let s = run.start();
    if end + 2 < para.words.len()
        && para.words[end - 1].after & punct::BREAK == 0
        && matches!(para.word(end), "is" | "was")
        && matches!(para.word(end + 1), "a" | "an")
    {
        let last = phrase_last(para, end + 1)?;
        return is_noun_phrase(para, end + 1, last).then(|| text(para, end + 1..last + 1));
    }
    // "One of Kim’s oldest friends is Ada Vole": the subject describes the
    // name after the copula.
    if s >= 2
        && matches!(para.word(s - 1), "is" | "was")
        && para.words[s - 2].after & punct::BREAK == 0
        && para.words[end - 1].after & (punct::COMMA | punct::STOP) != 0
    {
        let start = para.sentence_words(para.words[s].sentence()).start;
        let opens = matches!(para.word(start), "One" | "The" | "A" | "An" | "His" | "Her" | "Their" | "Its");
        let plain =
            (start..s - 1).all(|i| !lexicon::is_speech_verb(para.word(i)) && !is_auxiliary(para.word(i)));
        if opens && plain && s - 1 - start <= 12 && s - 1 > start + 1 {
            return Some(text(para, start..s - 1));
        }
    }
    if s >= 3 && para.words[s - 1].after & punct::BREAK == punct::COMMA {
        let mut clause = s - 1;
        while clause > 0 && !ends_phrase(para, clause - 1) && s - clause < MAX_WORDS {
            clause -= 1;
        }
        if para.word(clause) == "As" && matches!(para.word(clause + 1), "a" | "an") {
            return is_noun_phrase(para, clause + 1, s - 1).then(|| text(para, clause + 1..s));
        }
    }
    None
}

/// "Kim Lund’s wife, the novelist Ada Vole", "his aunt, the painter Ada
/// Vole": a kinship or role owned by someone, set before the role that
/// `role` (the words before the name) gives; the whole, from the owner to
/// the name.
pub(super) fn owned_before_role(para: &Para<'_>, run: &Run, role: std::ops::Range<usize>) -> Option<String> {
    let the = role.start.checked_sub(1)?;
    if !para.word(the).eq_ignore_ascii_case("the")
        || the == 0
        || para.words[the - 1].after & punct::BREAK != punct::COMMA
    {
        return None;
    }
    let last = the - 1;
    // The owner closes within a few words before the comma, and only role
    // words follow it ("Lund’s business partner,").
    let owner = (last.saturating_sub(4)..last).rev().find_map(|k| {
        let pronoun =
            matches!(para.word(k), "his" | "His" | "her" | "Her" | "their" | "Their" | "its" | "Its");
        let possessive = para.words[k].after & punct::BREAK == punct::POSSESSIVE;
        let start = if pronoun {
            k
        } else if possessive {
            para.runs[para.run_ending_at(k)?].start()
        } else {
            return None;
        };
        (k + 1..=last).all(|i| is_role_word(para, i)).then_some(start)
    })?;
    Some(owned_text(para, run, owner..role.end))
}
