//! Whose role: a possessive pronoun in a description ("his aunt", "one of
//! her editors") names the person or body it belongs to, so the phrase
//! still reads beside the speaker's name, away from the sentence that
//! explained the pronoun ("Ford’s aunt").

use std::ops::Range;

use super::super::lexicon;
use super::super::names::{Run, RunKind};
use super::super::para::Para;
use super::super::tokens::punct;
use super::{span, text};

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

/// "the company" at word `at` (its article): the organisation named last
/// before it in the paragraph, which the phrase stands for.
fn company_owner(para: &Para<'_>, run: &Run, at: usize) -> Option<String> {
    let noun = at + 1;
    let definite = para.word(at).eq_ignore_ascii_case("the")
        && noun < para.words.len()
        && para.words[at].after & punct::BREAK == 0
        && lexicon::is_org_noun(para.word(noun));
    if !definite {
        return None;
    }
    let owner = para
        .runs
        .iter()
        .rev()
        .find(|r| r.name.end <= at && r.start() != run.start() && r.kind == RunKind::Org)?;
    let name = text(para, owner.name.clone());
    Some(if para.words[noun].after & punct::BREAK == punct::POSSESSIVE { possessive(&name) } else { name })
}

/// The text of words `range` of a description of `run`, a possessive
/// pronoun in it replaced by its owner ("one of his editors" → "one of
/// Kim Lund’s editors"), and "the company" by the company named before
/// ("the company’s chief engineer" → "Harbor Lines’ chief engineer"); the
/// words are kept when nobody owns them.
pub(super) fn owned_text(para: &Para<'_>, run: &Run, range: Range<usize>) -> String {
    let replaced = range.clone().find_map(|i| {
        if pronoun(para.word(i)).is_some() && para.words[i].after & punct::BREAK == 0 {
            return Some((i..i + 1, pronoun_owner(para, run, i)?));
        }
        let company = (i + 1 < range.end).then(|| company_owner(para, run, i)).flatten()?;
        Some((i..i + 2, company))
    });
    let Some((words, owner)) = replaced else { return text(para, range) };
    let cut = para.words[words.start].range().start..para.words[words.end - 1].range().end;
    let (whole, close) = span(para, range);
    let tail = &para.text[cut.end..whole.end];
    // "the company’s" became "Harbor Lines’": its own mark goes with it.
    let tail = if para.words[words.end - 1].after & punct::BREAK == punct::POSSESSIVE && words.len() == 2 {
        tail.trim_start_matches(['’', '\'', 's'])
    } else {
        tail
    };
    let mut out = format!("{}{owner}{tail}", &para.text[whole.start..cut.start]);
    out.extend(close);
    out
}
