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

use std::ops::Range;

use super::lexicon;
use super::names::{Run, RunKind};
use super::para::Para;
use super::tokens::punct;

/// Longest phrase kept, in words.
const MAX_WORDS: usize = 25;
/// Most phrases one entity keeps (bounds the work per mention).
pub(super) const MAX_PHRASES: usize = 6;
/// Most phrases shown in one description.
const SHOWN_PHRASES: usize = 3;

/// Punctuation that closes a phrase.
const PHRASE_END: u16 =
    punct::COMMA | punct::STOP | punct::SEMI | punct::COLON | punct::DASH | punct::OPEN | punct::CLOSE;

/// Words that never open or head a description: the lexicon's function
/// words, and quantifiers and sentence adverbs besides.
fn is_function_word(word: &str) -> bool {
    lexicon::is_function_word(word)
        || matches!(
            word,
            "there"
                | "here"
                | "some"
                | "any"
                | "each"
                | "every"
                | "no"
                | "not"
                | "both"
                | "all"
                | "such"
                | "many"
                | "much"
                | "several"
                | "few"
                | "more"
                | "most"
                | "other"
                | "another"
                | "same"
                | "own"
                | "very"
                | "real"
                | "than"
                | "however"
                | "though"
                | "although"
                | "because"
                | "whether"
                | "instead"
                | "meanwhile"
                | "also"
                | "even"
                | "just"
                | "only"
                | "now"
                | "then"
                | "still"
                | "yet"
                | "too"
                | "either"
                | "neither"
                | "reportedly"
                | "allegedly"
                | "really"
                | "actually"
                | "himself"
                | "herself"
                | "itself"
                | "themselves"
        )
}

/// Auxiliary and modal verbs.
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "had"
            | "have"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
    )
}

/// Participles that describe a role rather than report an action ("acting
/// chairman", "starting point guard", "retired judge").
fn is_role_participle(word: &str) -> bool {
    matches!(
        word,
        "acting"
            | "managing"
            | "starting"
            | "leading"
            | "founding"
            | "ruling"
            | "governing"
            | "presiding"
            | "retired"
            | "elected"
            | "appointed"
            | "disgraced"
            | "jailed"
            | "detained"
            | "exiled"
            | "celebrated"
            | "renowned"
            | "unnamed"
            | "licensed"
            | "registered"
            | "certified"
            | "qualified"
            | "trained"
            | "self-described"
            | "self-made"
    )
}

/// Abbreviated or courtesy titles that say nothing about a role alone
/// ("Mr.", "Dr.", "Rep.", "Sen.").
pub(super) fn is_honorific(title: &str) -> bool {
    let bare = title.trim_end_matches('.');
    title.ends_with('.') && !bare.contains(' ') || is_courtesy(title)
}

/// Courtesy titles, which say nothing about a role even beside one.
fn is_courtesy(title: &str) -> bool {
    let bare = title.trim_end_matches('.');
    matches!(
        bare.to_ascii_lowercase().as_str(),
        "mr" | "mrs"
            | "ms"
            | "mx"
            | "miss"
            | "dr"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "herr"
            | "frau"
            | "monsieur"
            | "madame"
            | "mme"
            | "mlle"
            | "hon"
            | "honorable"
            | "honourable"
    )
}

/// Adjectives that need a role noun after them ("former", "top").
fn is_bare_adjective(word: &str) -> bool {
    matches!(
        word,
        "former"
            | "ex"
            | "late"
            | "then"
            | "top"
            | "senior"
            | "junior"
            | "current"
            | "new"
            | "old"
            | "young"
            | "longtime"
            | "onetime"
            | "future"
            | "outgoing"
            | "incoming"
    )
}

/// "D-Ore.", "R-Texas": a party and a state, as American papers write them.
fn is_party_and_state(word: &str) -> bool {
    word.split_once('-').is_some_and(|(party, state)| {
        matches!(party, "D" | "R" | "I") && state.starts_with(char::is_uppercase) && state.len() <= 6
    })
}

/// Words that head a phrase about time, not a role ("The next day, Vole …").
fn is_time_noun(word: &str) -> bool {
    matches!(
        word,
        "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "weekend"
            | "time"
            | "moment"
            | "hour"
            | "hours"
            | "season"
            | "meantime"
            | "end"
            | "past"
            | "event"
            | "meeting"
            | "interview"
            | "statement"
    )
}

fn starts_lower(word: &str) -> bool {
    word.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
}

fn has_digit(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
}

fn has_letter(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
}

/// The text of words `range`, punctuation between them included.
fn text(para: &Para<'_>, range: Range<usize>) -> String {
    para.text[para.words[range.start].range().start..para.words[range.end - 1].range().end].to_owned()
}

/// Whether word `i` may stand in a role before a name ("former", "deputy",
/// "14th-ranked", "co-founder and").
fn is_role_word(para: &Para<'_>, i: usize) -> bool {
    let word = para.word(i);
    // "Amazon-owned", "Island-based": a name made an adjective.
    let modifier = word.rsplit_once('-').is_some_and(|(head, tail)| !head.is_empty() && starts_lower(tail));
    if !(starts_lower(word) || modifier) || !has_letter(word) || is_function_word(word) && word != "and" {
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
fn before_name(para: &Para<'_>, run: &Run) -> Option<Range<usize>> {
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
fn post_modifier(para: &Para<'_>, run: &Run) -> Option<Range<usize>> {
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

/// Whether word `i` ends a phrase.
fn ends_phrase(para: &Para<'_>, i: usize) -> bool {
    para.words[i].after & PHRASE_END != 0
}

/// The index of the last word of the phrase starting at `from`.
fn phrase_last(para: &Para<'_>, from: usize) -> Option<usize> {
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
fn over_name_comma(para: &Para<'_>, last: usize) -> usize {
    if para.words[last].after & punct::BREAK != punct::COMMA
        || !super::names::is_capitalised(para.word(last))
        || last + 1 >= para.words.len()
    {
        return last;
    }
    let Some(next_end) = phrase_last(para, last + 1) else { return last };
    let segment = last + 1..next_end + 1;
    let capitalised = segment
        .clone()
        .all(|i| super::names::is_capitalised(para.word(i)) || lexicon::is_name_connector(para.word(i)));
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
    let place = segment.len() <= 3 && para.words[next_end].after & punct::STOP != 0;
    if listed || body || place { next_end } else { last }
}

/// Whether the words `from..=last` read as a noun phrase: no leading
/// function word or verb, no auxiliary before a relative clause.
fn is_noun_phrase(para: &Para<'_>, from: usize, last: usize) -> bool {
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
fn is_finite_at(para: &Para<'_>, i: usize) -> bool {
    let word = para.word(i);
    is_auxiliary(word)
        || lexicon::is_speech_verb(word)
            && !(i > 0
                && (para.words[i - 1].after & punct::POSSESSIVE != 0 || is_function_word(para.word(i - 1))))
}

/// Whether the phrase opens with a possessive name ("Kim Lund’s sister").
fn is_possessive_start(para: &Para<'_>, from: usize) -> bool {
    para.run_starting_at(from)
        .is_some_and(|r| para.words[para.runs[r].name.end - 1].after & punct::POSSESSIVE != 0)
}

/// "Name, a description, …" (or between dashes): the phrase after the name,
/// whole, with a leading article; "who is now a …" gives its noun phrase.
fn appositive(para: &Para<'_>, run: &Run) -> Option<String> {
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
    (!numeric && is_noun_phrase(para, from, last)).then(|| text(para, from..last + 1))
}

/// Prepositions after which a noun phrase may name the person who follows
/// it ("according *to* his aunt, Jane Morrow").
fn takes_person(word: &str) -> bool {
    matches!(word, "to" | "for" | "with" | "by" | "from" | "of" | "and" | "like")
}

/// "His aunt, Jane Morrow,", "The company that runs the show, Red Lantern,":
/// a noun phrase set off before the name, which closes it with a comma or
/// a full stop.
fn preceding(para: &Para<'_>, run: &Run) -> Option<String> {
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
    is_noun_phrase(para, from, last).then(|| text(para, from..last + 1))
}

/// "Ada Vole is a ferry captain.", "As a lung biologist, Ada Vole …": a
/// copula or an "as" phrase naming the role.
fn copular(para: &Para<'_>, run: &Run) -> Option<String> {
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

/// "Kim Teves went with his girlfriend Lena Ruiz": the role words right
/// after a possessive pronoun belong to the nearest name before it in the
/// sentence (a person's for "his", "her", "their"; any for "its"), which
/// is returned as it is written there.
fn pronoun_owner(para: &Para<'_>, role_from: usize) -> Option<String> {
    let pronoun = role_from.checked_sub(1)?;
    if para.words[pronoun].after & punct::BREAK != 0 {
        return None;
    }
    let person = match para.word(pronoun) {
        "his" | "His" | "her" | "Her" | "their" | "Their" => true,
        "its" | "Its" => false,
        _ => return None,
    };
    let sentence = para.sentence_words(para.words[pronoun].sentence());
    let owner = para.runs.iter().rev().find(|r| {
        r.name.end <= pronoun
            && r.start() >= sentence.start
            && r.is_name()
            && (r.kind == RunKind::Org) != person
    })?;
    let name = text(para, owner.name.clone());
    Some(if name.ends_with('s') { format!("{name}’") } else { format!("{name}’s") })
}

/// Every description one mention of `run` carries, in reading order.
pub(super) fn of_mention(para: &Para<'_>, run: &Run) -> Vec<String> {
    let mut found = Vec::new();
    found.extend(preceding(para, run));
    found.extend(copular(para, run));
    let before = before_name(para, run);
    let post = post_modifier(para, run);
    let owner = before.as_ref().and_then(|b| pronoun_owner(para, b.start));
    let before = before.map(|b| match &owner {
        Some(owner) => format!("{owner} {}", text(para, b)),
        None => text(para, b),
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

/// The lower-case word tokens of a phrase, for comparing phrases.
fn tokens(phrase: &str) -> Vec<String> {
    phrase.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Whether every token of `a` is in `b`.
fn within(a: &[String], b: &[String]) -> bool {
    a.iter().all(|t| b.contains(t))
}

/// Adds `phrase` to `phrases` unless a phrase already there says it all;
/// replaces the phrases it says more than.
pub(super) fn merge(phrases: &mut Vec<String>, phrase: String) {
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
fn shown(phrase: &str) -> String {
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
pub(super) fn compose(title: Option<&str>, phrases: &[String]) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_keeps_the_fuller_phrase_once() {
        let mut phrases = vec!["immunologist".to_owned()];
        merge(&mut phrases, "immunologist at the University of Lund".to_owned());
        merge(&mut phrases, "immunologist".to_owned());
        merge(&mut phrases, "a keen sailor".to_owned());
        assert_eq!(phrases, ["immunologist at the University of Lund", "a keen sailor"]);
    }

    #[test]
    fn a_bare_honorific_is_no_description() {
        assert_eq!(compose(Some("Rep."), &[]), None);
        assert_eq!(compose(Some("Mr"), &["harbor pilot".to_owned()]), Some("harbor pilot".to_owned()));
        assert_eq!(compose(Some("Secretary of State"), &[]), Some("Secretary of State".to_owned()));
    }

    #[test]
    fn organisation_heads() {
        assert!(heads_a_body("a Dublin think tank"));
        assert!(heads_a_body("the consulting firm that advised the port"));
        assert!(!heads_a_body("director of the Harbor Group"));
    }
}
