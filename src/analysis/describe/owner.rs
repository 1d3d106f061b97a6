//! Whose role: a possessive pronoun in a description ("his aunt", "one of
//! her editors") names the person or body it belongs to, so the phrase
//! still reads beside the speaker's name, away from the sentence that
//! explained the pronoun ("Ford’s aunt").

use std::ops::Range;

use super::super::names::{Run, RunKind};
use super::super::para::Para;
use super::super::tokens::punct;
use super::text;

/// Whether a possessive pronoun refers to a person ("his", "her",
/// "their") or to anything ("its"); `None` for any other word.
fn pronoun(word: &str) -> Option<bool> {
    match word {
        "his" | "His" | "her" | "Her" | "their" | "Their" => Some(true),
        "its" | "Its" => Some(false),
        _ => None,
    }
}

/// The possessive form of a name ("Kim Teves’", "Ada Vole’s").
fn possessive(name: &str) -> String {
    if name.ends_with('s') { format!("{name}’") } else { format!("{name}’s") }
}

/// The owner of the possessive pronoun at word `at`, described by `run`:
/// the nearest other name before it in its sentence (a person's for "his",
/// "her", "their"; any for "its"), as it is written there; else the
/// nearest subject of an earlier sentence of the paragraph — a person named
/// in full, given by surname as the article recalls someone after a first
/// mention, or a body.
pub(super) fn pronoun_owner(para: &Para<'_>, run: &Run, at: usize) -> Option<String> {
    let person = pronoun(para.word(at))?;
    let sentence = para.sentence_words(para.words[at].sentence());
    let candidate = |r: &&Run| {
        r.name.end <= at && r.start() != run.start() && r.is_name() && (r.kind == RunKind::Org) != person
    };
    if let Some(owner) = para.runs.iter().rev().filter(candidate).find(|r| r.start() >= sentence.start) {
        return Some(possessive(&text(para, owner.name.clone())));
    }
    let owner = para.runs.iter().rev().filter(candidate).find(|r| {
        let subject = r.start() == para.sentence_words(para.words[r.start()].sentence()).start;
        subject && (!person || r.kind == RunKind::Person && r.name.len() > 1)
    })?;
    let from = if person { owner.name.end - 1 } else { owner.name.start };
    Some(possessive(&text(para, from..owner.name.end)))
}

/// The text of words `range` of a description of `run`, a possessive
/// pronoun in it replaced by its owner ("one of his editors" → "one of
/// Kim Lund’s editors"); the pronoun is kept when nobody owns it.
pub(super) fn owned_text(para: &Para<'_>, run: &Run, range: Range<usize>) -> String {
    let at =
        range.clone().find(|&i| pronoun(para.word(i)).is_some() && para.words[i].after & punct::BREAK == 0);
    let owner = at.and_then(|at| Some((at, pronoun_owner(para, run, at)?)));
    let Some((at, owner)) = owner else { return text(para, range) };
    let word = para.words[at].range();
    let whole = para.words[range.start].range().start..para.words[range.end - 1].range().end;
    format!("{}{owner}{}", &para.text[whole.start..word.start], &para.text[word.end..whole.end])
}
