//! Descriptions: the role the article itself gives a person or a body, read
//! around each mention of its name — the words before it ("Apple CEO Tim
//! Cook", "the immunologist Ada Vole at the University of Lund"), an
//! appositive after it ("Kim Lund, a former harbor pilot,") or before it
//! ("his aunt, Jane Morrow"), a body it belongs to ("Omar Haddad of the
//! Traders Association"), or a copula ("Vole is a ferry captain").
//!
//! A description is a noun phrase, whole: never a function word, a verb
//! phrase, a bare honorific or a number, and never cut inside the name of an
//! organisation. The phrases of every mention are merged into one line by
//! [`compose`].

mod appositive;
mod around;
mod before;
mod compose;
mod owner;
#[cfg(test)]
mod tests;
mod words;

use std::ops::Range;

use super::lexicon;
use super::names::Run;
use super::para::Para;
use super::tokens::punct;

use appositive::appositive;
use around::{copular, owned_before_role, preceding};
use before::{before_name, is_role_word, post_modifier};
use owner::pronoun_owner;

pub(super) use compose::{compose, merge};
pub(super) use words::is_honorific;
use words::starts_lower as starts_lower_word;

/// Longest phrase kept, in words.
pub(super) const MAX_WORDS: usize = 25;

/// Most phrases one entity keeps (bounds the work per mention).
pub(super) const MAX_PHRASES: usize = 6;

/// Punctuation that closes a phrase.
pub(super) const PHRASE_END: u16 =
    punct::COMMA | punct::STOP | punct::SEMI | punct::COLON | punct::DASH | punct::OPEN | punct::CLOSE;

/// The text of words `range`, punctuation between them included.
pub(super) fn text(para: &Para<'_>, range: Range<usize>) -> String {
    let (bytes, close) = span(para, range);
    let mut out = para.text[bytes].to_owned();
    out.extend(close);
    out
}

/// The bytes of words `range`, with a title in quotation marks that closes
/// the phrase after its last word ("who directed “Low Tide,”": a quoted
/// title is no word, but it is part of the phrase), its comma left out and
/// its closing mark returned apart.
pub(super) fn span(para: &Para<'_>, range: Range<usize>) -> (Range<usize>, Option<char>) {
    let start = para.words[range.start].range().start;
    let last = range.end - 1;
    let end = para.words[last].range().end;
    if para.words[last].after & punct::QUOTE == 0 || last + 1 >= para.words.len() {
        return (start..end, None);
    }
    let gap = &para.text[end..para.words[last + 1].range().start];
    let Some(comma) = gap.rfind(',') else { return (start..end, None) };
    let (title, rest) = (&gap[..comma], &gap[comma + 1..]);
    let close = rest.chars().find(|&c| super::marks::is_mark(c));
    if close.is_none() || !title.chars().any(super::marks::is_mark) || rest.chars().any(char::is_alphanumeric)
    {
        return (start..end, None);
    }
    (start..end + comma, close)
}

/// Every description one mention of `run` carries, in reading order.
pub(super) fn of_mention(para: &Para<'_>, run: &Run) -> Vec<String> {
    let mut found = Vec::new();
    found.extend(preceding(para, run));
    found.extend(copular(para, run));
    let before = before_name(para, run);
    let post = post_modifier(para, run);
    // "his girlfriend Lena Ruiz": whose girlfriend.
    let owner = before
        .as_ref()
        .and_then(|b| b.start.checked_sub(1))
        .filter(|&at| para.words[at].after & punct::BREAK == 0)
        .and_then(|at| pronoun_owner(para, run, at));
    let before = before.map(|b| match &owner {
        Some(owner) => format!("{owner} {}", text(para, b)),
        None => owned_before_role(para, run, b.clone()).unwrap_or_else(|| text(para, b)),
    });
    match (before, post) {
        (Some(b), Some(p)) => found.push(format!("{b} {}", text(para, p))),
        (Some(b), None) => found.push(b),
        (None, Some(p)) => found.push(text(para, p)),
        (None, None) => {}
    }
    found.extend(appositive(para, run));
    found
}

/// "the former Leeds striker" at words `from..=head`, a definite role that
/// stands for someone named before: the phrase, when every word after the
/// article is a role word or a name ("the certification comes with" is a
/// clause, no role).
pub(in crate::analysis) fn role_phrase(para: &Para<'_>, from: usize, head: usize) -> Option<String> {
    let role = from < head
        && head < para.words.len()
        && (from + 1..=head).all(|i| is_role_word(para, i) || super::names::is_capitalised(para.word(i)))
        && starts_lower_word(para.word(head));
    role.then(|| text(para, from..head + 1))
}

/// Whether a phrase's head names a body ("a Dublin think tank", "the
/// consulting firm"): then the name is an organisation's.
pub(super) fn heads_a_body(phrase: &str) -> bool {
    let head_part = phrase
        .split(',')
        .next()
        .unwrap_or(phrase)
        .split(' ')
        .take_while(|w| {
            !matches!(
                *w,
                "of" | "at" | "for" | "in" | "on" | "from" | "with" | "that" | "which" | "who" | "whose"
            )
        })
        .collect::<Vec<_>>();
    let Some(head) = head_part.last() else { return false };
    lexicon::is_org_noun(head)
        || *head == "tank" && head_part.len() > 1 && head_part[head_part.len() - 2] == "think"
}
