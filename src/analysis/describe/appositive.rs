//! Appositives after a name ("Kim Lund, a former harbor pilot,"): where the
//! phrase ends, whether it reads as a noun phrase, and a comma inside an
//! organisation's name that does not end it.

use super::super::lexicon;
use super::super::names::{Run, RunKind};
use super::super::para::Para;
use super::super::tokens::punct;
use super::owner::owned_text;
use super::words::{has_digit, has_letter, is_auxiliary, is_function_word, is_party_and_state, starts_lower};
use super::{MAX_WORDS, PHRASE_END, text};

/// Whether word `i` ends a phrase; a title in quotation marks is no word of
/// the phrase, but a comma closing it ends the phrase ("who directed
/// “Low Tide,” filmed at …").
pub(super) fn ends_phrase(para: &Para<'_>, i: usize) -> bool {
    let after = para.words[i].after;
    if after & PHRASE_END != 0 {
        return true;
    }
    after & punct::QUOTE != 0 && i + 1 < para.words.len() && {
        let gap = &para.text[para.words[i].range().end..para.words[i + 1].range().start];
        gap.trim_end().trim_end_matches(|c: char| super::super::marks::is_mark(c)).trim_end().ends_with(',')
    }
}

/// The index of the last word of the phrase starting at `from`.
pub(super) fn phrase_last(para: &Para<'_>, from: usize) -> Option<usize> {
    let mut last = from;
    while last < para.words.len() && last - from < MAX_WORDS {
        if ends_phrase(para, last) {
            return Some(last);
        }
        last += 1;
    }
    None
}

/// Extends a phrase ending in a capitalised word over a comma inside an
/// organisation's name or its place ("the Institute for Ports, Roads and
/// Rail", "the University of Lund, Malmö", "Director, Harbor Securities").
pub(super) fn over_name_comma(para: &Para<'_>, last: usize) -> usize {
    if para.words[last].after & punct::BREAK != punct::COMMA
        || !super::super::names::is_capitalised(para.word(last))
        || last + 1 >= para.words.len()
    {
        return last;
    }
    let Some(next_end) = phrase_last(para, last + 1) else { return last };
    let segment = last + 1..next_end + 1;
    let capitalised = segment.clone().all(|i| {
        super::super::names::is_capitalised(para.word(i)) || lexicon::is_name_connector(para.word(i))
    });
    if !capitalised || segment.len() > 6 {
        return last;
    }
    // "Ports, Roads and Rail" lists inside a name; ", and Kim Lund" adds a
    // person.
    let person = segment
        .clone()
        .any(|i| para.run_starting_at(i).is_some_and(|r| para.runs[r].kind == RunKind::Person));
    let listed = !person
        && !matches!(para.word(last + 1), "and" | "&")
        && segment.clone().any(|i| matches!(para.word(i), "and" | "&"));
    let body = para.run_starting_at(last + 1).is_some_and(|r| para.runs[r].kind == RunKind::Org);
    // "the University of Lund, Malmö." or "…, Malmö, leads the study": a
    // place closing the appositive, then the end of the sentence or its verb.
    let verb_after = para.words[next_end].after & punct::BREAK == punct::COMMA
        && next_end + 1 < para.words.len()
        && starts_lower(para.word(next_end + 1))
        && !is_function_word(para.word(next_end + 1));
    let place = segment.len() <= 3 && (para.words[next_end].after & punct::STOP != 0 || verb_after);
    if listed || body || place { next_end } else { last }
}

/// Whether the words `from..=last` read as a noun phrase: no leading
/// function word or verb, no auxiliary before a relative clause.
pub(super) fn is_noun_phrase(para: &Para<'_>, from: usize, last: usize) -> bool {
    let first = para.word(from);
    // "a", "his", "43 years a fisherman": the word after leads the phrase.
    let article = matches!(first, "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our" | "my")
        || !has_letter(first) && first.chars().any(|c| c.is_ascii_digit());
    let opener = if article && from < last { para.word(from + 1) } else { first };
    if (is_function_word(opener) && !is_possessive_start(para, from))
        || lexicon::is_speech_verb(opener)
        || !has_letter(opener)
        || opener.ends_with("ly") && !matches!(opener, "early" | "elderly" | "only")
    {
        return false;
    }
    // "closing his trip", "retired in May": a participle taking an object.
    let participle =
        starts_lower(opener) && !opener.contains('-') && (opener.ends_with("ing") || opener.ends_with("ed"));
    let next = (from + 1..=last).nth(usize::from(article));
    if participle && next.is_none_or(|n| is_function_word(para.word(n)) || !starts_lower(para.word(n))) {
        return false;
    }
    let relative = (from..=last).find(|&i| matches!(para.word(i), "who" | "which" | "that" | "whose"));
    let head_end = relative.unwrap_or(last + 1);
    !(from..head_end).any(|i| is_finite_at(para, i))
}

/// Whether word `i` is a finite verb: an auxiliary, or a speech verb that
/// is no adjective ("Epstein’s alleged ring", "the alleged plot").
pub(super) fn is_finite_at(para: &Para<'_>, i: usize) -> bool {
    let word = para.word(i);
    is_auxiliary(word)
        || lexicon::is_speech_verb(word)
            && !(i > 0
                && (para.words[i - 1].after & punct::POSSESSIVE != 0 || is_function_word(para.word(i - 1))))
}

/// Whether the phrase opens with a possessive name ("Kim Lund’s sister").
pub(super) fn is_possessive_start(para: &Para<'_>, from: usize) -> bool {
    para.run_starting_at(from)
        .is_some_and(|r| para.words[para.runs[r].name.end - 1].after & punct::POSSESSIVE != 0)
}

/// "Name, a description, …" (or between dashes): the phrase after the name,
/// whole, with a leading article; "who is now a …" gives its noun phrase.
pub(super) fn appositive(para: &Para<'_>, run: &Run) -> Option<String> {
    let end = run.name.end;
    let separator = para.words[end - 1].after;
    if separator & (punct::COMMA | punct::DASH) == 0 || separator & (punct::STOP | punct::QUOTE) != 0 {
        return None;
    }
    if end >= para.words.len() || para.words[end].sentence() != para.words[end - 1].sentence() {
        return None;
    }
    let mut from = end;
    // "Kim Lund, 23, a nurse": past an age.
    if para.word(from).chars().all(|c| c.is_ascii_digit()) && para.words[from].after & punct::COMMA != 0 {
        from += 1;
    }
    // "who is now an immunologist at …": the noun phrase of a copula.
    if from + 2 < para.words.len() && para.word(from) == "who" {
        let mut k = from + 1;
        if !matches!(para.word(k), "is" | "was") {
            // "who follows the port as a managing director at …"; else the
            // clause itself, shown only when nothing better describes them.
            let last = phrase_last(para, k)?;
            return match (k..last).find(|&i| para.word(i) == "as" && matches!(para.word(i + 1), "a" | "an")) {
                Some(r#as) => is_noun_phrase(para, r#as + 1, last).then(|| text(para, r#as + 1..last + 1)),
                None => (last - from < 16
                    && para.words[last].after & (punct::COMMA | punct::STOP | punct::DASH) != 0)
                    .then(|| text(para, from..last + 1)),
            };
        }
        k += 1;
        while k < para.words.len() && matches!(para.word(k), "now" | "also" | "currently" | "still" | "then")
        {
            k += 1;
        }
        if k >= para.words.len() || !matches!(para.word(k), "a" | "an" | "the") {
            // "who was handing out leaflets": the clause, as a last resort.
            let last = phrase_last(para, from)?;
            return (last - from < 16
                && para.words[last].after & (punct::COMMA | punct::STOP | punct::DASH) != 0)
                .then(|| text(para, from..last + 1));
        }
        from = k;
    }
    if from >= para.words.len()
        || para.run_starting_at(from).is_some_and(|r| {
            matches!(para.runs[r].kind, RunKind::Person | RunKind::Single) && !is_possessive_start(para, from)
        })
    {
        return None;
    }
    let last = over_name_comma(para, phrase_last(para, from)?);
    // A phrase running to the end of the sentence is an appositive only
    // after a verb of saying ("…,” said Ada Vole, a pilot.); otherwise the
    // name heads a list or a clause ("Ada Vole, her label and …").
    let s = run.start();
    let closed = para.words[last].after & (PHRASE_END & !punct::STOP) != 0;
    let object = s > 0 && {
        let before = para.word(s - 1);
        lexicon::is_preposition(before) && !matches!(before, "to" | "by") || before.ends_with("ing")
    };
    if !closed && object {
        return None;
    }
    // "aide to Vice President Pence on the call with …": once a role has
    // named whom it serves, a phrase of circumstance ends it.
    let last = (from + 2..last)
        .find(|&i| {
            matches!(para.word(i), "on" | "with" | "during" | "over" | "about" | "after" | "before")
                && para.run_ending_at(i - 1).is_some()
                && (from..i - 1).any(|k| matches!(para.word(k), "to" | "of" | "at" | "for"))
        })
        .map_or(last, |i| i - 1);
    // "CEO of the company to learn the inside scoop": an infinitive is no
    // part of a role ("envoy to Norway", "adviser to the mayor" are).
    let last = (from + 1..last)
        .find(|&i| {
            para.word(i) == "to"
                && starts_lower(para.word(i + 1))
                && !is_function_word(para.word(i + 1))
                && !has_digit(para.word(i + 1))
        })
        .map_or(last, |to| to - 1);
    // "Kim Lund, the mayor said": an appositive left open ends at the verb
    // (one in a relative clause belongs to it: "a fellow who advised …").
    let last = (from + 1..=last)
        .find(|&i| {
            lexicon::is_speech_verb(para.word(i))
                && !matches!(para.word(i - 1), "who" | "which" | "that")
                && para.words[i - 1].after & punct::POSSESSIVE == 0
                && !is_function_word(para.word(i - 1))
        })
        .map_or(last, |verb| verb - 1);
    // A role is said in common nouns or a title ("Director"), or is a
    // party and state ("D-Ore."); "The Long Quiet Harbor" is a work.
    let role = (from..=last).any(|i| {
        let word = para.word(i);
        starts_lower(word) && has_letter(word) || lexicon::is_title_word(word) || is_party_and_state(word)
    });
    if !role {
        return None;
    }
    let numeric = (from..=last).all(|i| !has_letter(para.word(i)));
    (!numeric && is_noun_phrase(para, from, last)).then(|| owned_text(para, run, from..last + 1))
}
