//! Roles written before a name ("Apple CEO Tim Cook", "his editor Ada
//! Vole") and a body named right after it ("Omar Haddad of the Traders
//! Association").

use std::ops::Range;

use super::super::lexicon;
use super::super::names::{Run, RunKind};
use super::super::para::Para;
use super::super::tokens::punct;
use super::words::{
    has_letter, is_auxiliary, is_bare_adjective, is_credit_word, is_function_word, is_honorific,
    is_role_participle, starts_lower,
};
use super::{MAX_WORDS, text};

/// Whether word `i` may stand in a role before a name ("former", "deputy",
/// "14th-ranked", "co-founder and").
pub(super) fn is_role_word(para: &Para<'_>, i: usize) -> bool {
    let word = para.word(i);
    // "Amazon-owned", "Island-based": a name made an adjective.
    let modifier = word.rsplit_once('-').is_some_and(|(head, tail)| !head.is_empty() && starts_lower(tail));
    if !(starts_lower(word) || modifier)
        || !has_letter(word)
        || is_function_word(word) && word != "and"
        || is_credit_word(word)
    {
        return false;
    }
    if lexicon::is_speech_verb(word)
        || lexicon::is_verb_filler(word) && !word.ends_with("ly")
        || lexicon::is_irregular_past(word)
    {
        return false;
    }
    let participle = !word.contains('-') && (word.ends_with("ing") || word.ends_with("ed"));
    !participle || is_role_participle(word)
}

/// "former envoy Karl Lund", "Apple CEO Tim Cook", "Whole Harbor co-founder
/// Ada Vole": the role words right before the name with its title, and a
/// capitalised modifier before them.
pub(super) fn before_name(para: &Para<'_>, run: &Run) -> Option<Range<usize>> {
    let start = run.start();
    let mut from = start;
    // Role words, and names used as modifiers among them ("former U.S.
    // deputy special Iran envoy"), back to the first word that is neither.
    let mut modifiers = 0;
    while from > 0 && start - from < MAX_WORDS && para.words[from - 1].after & punct::BREAK == 0 {
        if is_role_word(para, from - 1) {
            from -= 1;
            continue;
        }
        let modifier = (from < start && modifiers < 2)
            .then(|| para.run_ending_at(from - 1))
            .flatten()
            .filter(|&r| para.runs[r].start() + 4 >= from);
        match modifier {
            Some(r) => {
                from = para.runs[r].start();
                modifiers += 1;
            }
            None => break,
        }
    }
    while from < start && matches!(para.word(from), "and" | "late" | "then") {
        from += 1;
    }
    // "Teves’ father Tom Teves", "Ford’s editor Ada Vole": whose role.
    if from < start
        && from > 0
        && para.words[from - 1].after & punct::BREAK == punct::POSSESSIVE
        && let Some(owner) = para.run_ending_at(from - 1)
    {
        from = para.runs[owner].start();
    }
    if from < start {
        // "to resist Vole", "does not supply Harbor Lines": a verb before
        // its object, not a role.
        let verb_before = from > 0
            && para.words[from - 1].after & punct::BREAK == 0
            && (matches!(para.word(from - 1), "to" | "not" | "never") || is_auxiliary(para.word(from - 1)));
        // "herring for the black cod Vole will target": before a surname
        // alone, only the marks of a ranking or an age ("the top-ranked Vole").
        let single = run.kind == RunKind::Single
            && !(from..start).all(|i| {
                para.word(i).contains('-') || para.word(i).starts_with(|c: char| c.is_ascii_digit())
            });
        // A plural head belongs to several names ("officials Lund and Vole").
        let head = para.word(start - 1);
        // "Granollers and Lopez": a list of names, no role; "the former
        // Harbor Board" has no role noun either.
        let listed = run.title.is_none() && (head == "and" || is_bare_adjective(head));
        let plural = head.ends_with('s')
            && !head.ends_with("ss")
            && !run.joined
            && !para.runs.iter().any(|r| r.joined && r.start() == run.name.end + 1);
        if verb_before || single || plural || listed {
            from = start;
        }
    }
    let end = run.title.as_ref().map_or(start, |t| t.end);
    let bare_honorific =
        from == start && run.title.as_ref().is_some_and(|t| is_honorific(&text(para, t.clone())));
    (from < end && !bare_honorific).then_some(from..end)
}

/// "Omar Haddad of the Traders Association", "Ada Vole at the University of
/// Lund": a body named right after the name, with its preposition.
pub(super) fn post_modifier(para: &Para<'_>, run: &Run) -> Option<Range<usize>> {
    let end = run.name.end;
    if end + 1 >= para.words.len() || para.words[end - 1].after & punct::BREAK != 0 {
        return None;
    }
    if !matches!(para.word(end), "of" | "at" | "from") {
        return None;
    }
    let mut j = end + 1;
    if para.word(j) == "the" && para.words[j].after & punct::BREAK == 0 {
        j += 1;
    }
    let body = para.run_starting_at(j).filter(|&r| para.runs[r].kind == RunKind::Org)?;
    let last = para.runs[body].name.end;
    (para.words[end].after & punct::BREAK == 0).then_some(end..last)
}
