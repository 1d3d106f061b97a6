//! Cleanup and merging: the phrases of every mention merged without
//! repeats, and composed into the one line shown beside a speaker.

use super::MAX_PHRASES;
use super::words::is_honorific;

/// Most phrases shown in one description.
pub(super) const SHOWN_PHRASES: usize = 3;

/// The lower-case word tokens of a phrase, for comparing phrases.
pub(super) fn tokens(phrase: &str) -> Vec<String> {
    // "U.S." and "US" are one word: full stops inside a word are dropped.
    phrase
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|w| w.replace('.', "").to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether every token of `a` is in `b`.
pub(super) fn within(a: &[String], b: &[String]) -> bool {
    a.iter().all(|t| b.contains(t))
}

/// Adds `phrase` to `phrases` unless a phrase already there says it all;
/// replaces the phrases it says more than.
pub(in crate::analysis) fn merge(phrases: &mut Vec<String>, phrase: String) {
    let new = tokens(&phrase);
    if new.is_empty() || phrases.iter().any(|p| within(&new, &tokens(p))) {
        return;
    }
    // "director for games at the tech giant" then "… at Lantern": the
    // same role, said more exactly with a name.
    let names = |p: &str| p.split(' ').filter(|w| w.starts_with(char::is_uppercase)).count();
    if let Some(kept) = phrases.iter_mut().find(|p| {
        let old = tokens(p);
        old.len() >= 3 && new.len() >= 3 && old[..3] == new[..3]
    }) {
        if names(&phrase) > names(kept) {
            *kept = phrase;
        }
        return;
    }
    let mut replaced = false;
    for kept in phrases.iter_mut() {
        if !replaced && within(&tokens(kept), &new) {
            kept.clone_from(&phrase);
            replaced = true;
        }
    }
    if replaced {
        let mut seen: Vec<Vec<String>> = Vec::new();
        phrases.retain(|p| {
            let t = tokens(p);
            let fresh = !seen.contains(&t);
            seen.push(t);
            fresh
        });
    } else if phrases.len() < MAX_PHRASES {
        phrases.push(phrase);
    }
}

/// A phrase as shown: a capitalised article or possessive opening a
/// sentence is lowered ("The company that runs …" → "the company …").
pub(super) fn shown(phrase: &str) -> String {
    let first = phrase.split(' ').next().unwrap_or("");
    if matches!(first, "The" | "A" | "An" | "His" | "Her" | "Its" | "Their" | "One") {
        let mut out = first.to_lowercase();
        out.push_str(&phrase[first.len()..]);
        out
    } else {
        phrase.to_owned()
    }
}

/// One description from a title and the phrases of every mention: the
/// title (unless a bare honorific) and the first few phrases that add to
/// it, joined by commas.
pub(in crate::analysis) fn compose(title: Option<&str>, phrases: &[String]) -> Option<String> {
    let mut shown: Vec<String> = Vec::new();
    if let Some(title) = title.filter(|t| !is_honorific(t)) {
        shown.push(title.to_owned());
    }
    // A relative clause ("who won the race in 2005") describes someone
    // only when nothing else does.
    let (clauses, roles): (Vec<&String>, Vec<&String>) = phrases.iter().partition(|p| p.starts_with("who"));
    for phrase in roles {
        merge(&mut shown, self::shown(phrase));
    }
    if shown.is_empty()
        && let Some(clause) = clauses.first()
    {
        shown.push((*clause).clone());
    }
    shown.truncate(SHOWN_PHRASES);
    (!shown.is_empty()).then(|| shown.join(", "))
}
