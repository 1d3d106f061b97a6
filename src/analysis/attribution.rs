//! Reading an attribution out of the narrative around a quote: a speech verb
//! and its subject, in either order ("Brandt said", "said Brandt", "Ivo Marek,
//! a river-basin expert, wrote", "according to his aunt, Jane Morrow"), a colon
//! introduction, or a closing "— Name".
//!
//! Everything here looks at one window of words of one paragraph and returns
//! what the subject *is* (names, a pronoun, an unnamed noun phrase); turning
//! that into entities is the resolver's job.

use std::ops::Range;

use super::lexicon::{self, Pronoun};
use super::names::RunKind;
use super::para::Para;
use super::tokens::punct;

/// Who a speech verb's subject is, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Subject {
    /// One or more name runs (several for "Lund and Osei").
    Names(Vec<usize>),
    /// A pronoun at this word.
    Pronoun(usize, Pronoun),
    /// "the company", "the group": an organisation mentioned before.
    OrgNoun,
    /// "the coach", "the 23-year-old": someone described so before; the
    /// noun phrase starts at `from` (its article) and ends at its `head`.
    Role { from: usize, head: usize },
    /// "the Norwegian foreign ministry": a body named by its words, from
    /// its capitalised modifier at `from` to the organisation noun `head`.
    Body { from: usize, head: usize },
    /// A noun phrase that names nobody ("a Syrian refugee", "his father"),
    /// starting at this word.
    Unnamed(usize),
}

/// An attribution found in a window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    /// The subject.
    pub subject: Subject,
    /// Whether it starts right at the window's edge next to the quote
    /// (`“…,” Brandt said`, not `“…” to hold up on it, Halloran said`).
    pub tight: bool,
}

/// Side of the quote a window is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// The window precedes the quote.
    Before,
    /// The window follows the quote.
    After,
}

const CLAUSE_END: u16 = punct::STOP | punct::SEMI | punct::COLON | punct::QUOTE;

/// Most speakers one attribution names ("A, B and C wrote").
const MAX_JOINT: usize = 8;
/// Words a subject search walks back over: clauses longer than this are
/// not attributions, and the bound keeps every search short.
const MAX_CLAUSE_WORDS: usize = 60;

/// Whether word `i` is a speech verb used as a verb (not "a report", "his
/// notes"); returns how many words the verb takes ("according to" takes two).
fn verb_at(para: &Para<'_>, lo: usize, i: usize) -> Option<usize> {
    let word = para.word(i);
    let next = (i + 1 < para.words.len()).then(|| para.word(i + 1));
    if word.eq_ignore_ascii_case("according") && next == Some("to") {
        return Some(2);
    }
    if word == "points" && next == Some("out") {
        return Some(2);
    }
    // "A study by X found that …": what a document found, it says.
    if matches!(word, "found" | "finds" | "showed" | "shows" | "concluded" | "concludes")
        && (i.saturating_sub(8).max(lo)..i)
            .rev()
            .take_while(|&k| {
                para.words[k].after & (punct::STOP | punct::QUOTE | punct::SEMI | punct::COLON) == 0
            })
            .any(|k| lexicon::is_proxy_noun(para.word(k)))
    {
        return Some(1);
    }
    let put_it = word == "put" && next == Some("it");
    if !(para.speech[i] || put_it) {
        return None;
    }
    let after_determiner =
        i > lo && para.words[i - 1].after & punct::BREAK == 0 && lexicon::is_determiner(para.word(i - 1));
    (!after_determiner).then_some(if put_it { 2 } else { 1 })
}

/// Names joined to run `run` by "and": the run itself plus partners before it
/// ("Lund and Osei", "former envoy Karl Lund, and former official
/// Ama Osei").
fn with_partners(para: &Para<'_>, lo: usize, run: usize) -> Vec<usize> {
    let mut runs = vec![run];
    let mut next = run + 1;
    while next < para.runs.len()
        && runs.len() < MAX_JOINT
        && para.runs[next].joined
        && para.runs[next].is_name()
    {
        runs.push(next);
        next += 1;
    }
    let mut current = run;
    while runs.len() < MAX_JOINT {
        if para.runs[current].joined && current > 0 && para.runs[current - 1].is_name() {
            current -= 1;
            runs.insert(0, current);
            continue;
        }
        // Walk back over a lower-case description to an "and".
        let mut i = para.runs[current].start();
        let mut steps = 0;
        let mut partner = None;
        while i > lo && steps < 12 {
            i -= 1;
            steps += 1;
            let word = para.word(i);
            if para.words[i].after & CLAUSE_END != 0 {
                break;
            }
            if word == "and" {
                // "at the Harbor Festival, and Vole said" joins clauses: a
                // name after a preposition is no partner.
                partner = i
                    .checked_sub(1)
                    .filter(|&p| p >= lo)
                    .and_then(|p| para.run_ending_at(p))
                    .filter(|&r| !is_object(para, lo, r));
                break;
            }
            let lower = word.starts_with(char::is_lowercase);
            if lower
                && (lexicon::is_speech_verb(word)
                    || lexicon::is_verb_filler(word)
                    || lexicon::is_determiner(word))
            {
                break;
            }
            if para.words[i].after & punct::COMMA != 0 {
                break;
            }
        }
        match partner {
            Some(p) if para.runs[p].is_name() && !runs.contains(&p) => {
                runs.insert(0, p);
                current = p;
            }
            _ if runs.len() > 1 => return with_listed(para, lo, runs),
            _ => return runs,
        }
    }
    runs
}

/// Whether run `r` is the object of a preposition ("at the Harbor
/// Festival"), so no subject.
fn is_object(para: &Para<'_>, lo: usize, r: usize) -> bool {
    let s = para.runs[r].start();
    let before = if s > lo + 1 && para.word(s - 1) == "the" { s - 2 } else { s.saturating_sub(1) };
    s > lo && lexicon::is_preposition(para.word(before))
}

/// Extends joint speakers with the names listed before them ("Vole, Lund
/// and Marsh").
fn with_listed(para: &Para<'_>, lo: usize, mut runs: Vec<usize>) -> Vec<usize> {
    while let Some(&first) = runs.first().filter(|_| runs.len() < MAX_JOINT) {
        let start = para.runs[first].start();
        let previous = start
            .checked_sub(1)
            .filter(|&p| p >= lo && para.words[p].after & punct::BREAK == punct::COMMA)
            .and_then(|p| para.run_ending_at(p))
            .filter(|&r| para.runs[r].is_name() && !runs.contains(&r));
        match previous {
            Some(r) => runs.insert(0, r),
            None => break,
        }
    }
    runs
}

/// The subject named by the noun phrase starting at word `i` (up to a comma
/// or the window's end): a name heading it, a body a proxy speaks for ("a
/// report from X"), an appositive name ("his aunt, Jane Morrow"), an
/// organisation noun, or nobody.
fn noun_phrase(para: &Para<'_>, i: usize, hi: usize) -> Subject {
    let mut j = i;
    let mut org_noun = false;
    let mut after_preposition = false;
    let mut document = false;
    while j < hi && j < i + 12 {
        if let Some(run) = para.run_starting_at(j).filter(|&r| para.runs[r].is_name()) {
            if let Some(head) = body_head(para, j, run, hi) {
                return Subject::Body { from: j, head };
            }
            let end = para.runs[run].name.end;
            // "Orbital Freight chief executive Anna Berg": the company is
            // a modifier of the person named after the role.
            if let Some(person) = named_after_role(para, end, hi) {
                return Subject::Names(vec![person]);
            }
            let possessive = para.words[end - 1].after & punct::POSSESSIVE != 0;
            let proxy_of = j > i && para.proxied(j, i);
            let proxy_owner = possessive && end < hi && lexicon::is_proxy_noun(para.word(end));
            if proxy_of || proxy_owner || !after_preposition && !possessive {
                return Subject::Names(vec![run]);
            }
            j = end;
            continue;
        }
        let word = para.word(j);
        org_noun |= !after_preposition && lexicon::is_org_noun(word);
        document |= !after_preposition && lexicon::is_proxy_noun(word);
        after_preposition |= lexicon::is_preposition(word);
        if para.words[j].after & punct::COMMA != 0 {
            // "his aunt, Jane Morrow", "another aide, budget officer Clara
            // Voss": an appositive name right after (past its role words).
            let mut k = j + 1;
            while k < hi
                && k < j + 4
                && para.word(k).starts_with(char::is_lowercase)
                && para.words[k].after & punct::BREAK == 0
                && para.run_of(k).is_none()
            {
                k += 1;
            }
            if let Some(run) = para.run_starting_at(k).filter(|&r| k < hi && is_subject_run(para, r)) {
                return Subject::Names(vec![run]);
            }
            j += 1;
            break;
        }
        j += 1;
        if para.words[j - 1].after & CLAUSE_END != 0 {
            break;
        }
    }
    let definite = para.word(i).eq_ignore_ascii_case("the");
    let head = (i + 1..j.min(hi))
        .rev()
        .find(|&h| para.word(h).starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()));
    match (org_noun, definite, head) {
        // "the letter signed by nine midwives": a document whose authors
        // are named by nobody.
        (true, _, _) if document && after_preposition => Subject::Unnamed(i),
        (true, _, _) => Subject::OrgNoun,
        (false, true, Some(head)) if !after_preposition => Subject::Role { from: i, head },
        _ => Subject::Unnamed(i),
    }
}

/// The person run named after a company's run that ends at `end` and its
/// role words: "Orbital Freight chief executive Anna Berg".
fn named_after_role(para: &Para<'_>, end: usize, hi: usize) -> Option<usize> {
    let mut k = end;
    while k < hi
        && k < end + 4
        && para.words[k - 1].after & punct::BREAK == 0
        && para.word(k).starts_with(char::is_lowercase)
    {
        if lexicon::is_speech_verb(para.word(k)) || lexicon::is_function_word(para.word(k)) {
            return None;
        }
        k += 1;
    }
    if k == end || k >= hi || para.words[k - 1].after & punct::BREAK != 0 {
        return None;
    }
    para.run_starting_at(k).filter(|&r| matches!(para.runs[r].kind, RunKind::Person | RunKind::Single))
}

/// "the Lebanese army", "the Norwegian foreign ministry": a capitalised
/// modifier (run `run` at word `j`, after "the") and up to three lower-case
/// words ending in an organisation noun; the index of that noun.
fn body_head(para: &Para<'_>, j: usize, run: usize, hi: usize) -> Option<usize> {
    let modifier = &para.runs[run];
    let end = modifier.name.end;
    let definite = j > 0 && para.word(j - 1).eq_ignore_ascii_case("the");
    if !definite || modifier.kind == RunKind::Org || para.words[end - 1].after & punct::BREAK != 0 {
        return None;
    }
    let mut k = end;
    while k < hi && k < end + 3 && para.word(k).starts_with(char::is_lowercase) {
        if lexicon::is_org_noun(para.word(k)) {
            let closes = k + 1 >= hi
                || para.words[k].after & punct::BREAK != 0
                || !para.word(k + 1).starts_with(char::is_lowercase)
                || para.speech[k + 1];
            return closes.then_some(k);
        }
        if para.words[k].after & punct::BREAK != 0 || lexicon::is_preposition(para.word(k)) {
            return None;
        }
        k += 1;
    }
    None
}

/// Whether the verb at `v` comes before its subject: at the start of its
/// clause or right after a comma, with a name (or pronoun) right after it
/// ("“…,” said Brandt", "The key, says Kemper, is …").
fn inverted(para: &Para<'_>, lo: usize, v: usize, n: usize) -> bool {
    let next = v + n;
    // "“Why?” asked Ivo Marek": right after a quotation even "asked" has
    // its subject after it.
    let after_quote = v == lo && para.words[v].before & punct::QUOTE != 0
        || v > lo && para.words[v - 1].after & punct::QUOTE != 0;
    let addressee =
        lexicon::takes_addressee(para.word(v)) && !(after_quote && matches!(para.word(v), "asked" | "asks"));
    if addressee || next >= para.words.len() || para.words[next - 1].after & punct::BREAK != 0 {
        return false;
    }
    let run = para.run_starting_at(next).filter(|&r| para.runs[r].is_name());
    let at_start = v == lo || para.words[v - 1].after & (punct::QUOTE | punct::DASH) != 0;
    if at_start {
        // "said midfielder Jonas Ekdahl": a short description, then the name.
        let described = (next..(next + 4).min(para.words.len()))
            .take_while(|&i| i == next || para.words[i - 1].after & punct::BREAK == 0)
            .any(|i| para.run_starting_at(i).is_some_and(|r| para.runs[r].is_name()))
            && para.word(next).starts_with(char::is_lowercase);
        return run.is_some()
            || described
            || lexicon::pronoun(para.word(next)).is_some_and(|p| p != Pronoun::Other)
            || matches!(para.word(next), "a" | "an" | "the" | "one" | "another");
    }
    // Mid-sentence only "…, says Kemper, …": a name closed by punctuation, so
    // that "said Quillon would …" stays reported speech.
    let after_comma = para.words[v - 1].after & punct::COMMA != 0;
    after_comma
        && run.is_some_and(|r| {
            let end = para.runs[r].name.end;
            end >= para.words.len()
                || para.words[end - 1].after & (punct::COMMA | punct::STOP | punct::DASH) != 0
        })
}

/// The subject of a clause that starts at or after `lo` and runs to `k`:
/// the name or pronoun opening it, or an appositive name right before `k`.
fn clause_subject(para: &Para<'_>, lo: usize, k: usize) -> (Subject, usize) {
    let mut start = k;
    while start > lo && k - start < MAX_CLAUSE_WORDS && para.words[start - 1].after & CLAUSE_END == 0 {
        start -= 1;
    }
    // The subject opens the clause, or follows its introductory phrases
    // ("Then, in signing off, he launched …:"; "The company that runs the
    // show, Red Lantern Productions, denies …").
    let mut i = start;
    while i <= k {
        let opens = i == start || para.words[i - 1].after & (punct::COMMA | punct::DASH) != 0;
        if opens {
            // A name first: "He Weimin" is a person, not a pronoun.
            let run = para.run_starting_at(i).filter(|&r| is_subject_run(para, r));
            if let Some(run) = run {
                return (Subject::Names(with_partners(para, lo, run)), i);
            }
            if let Some(p) = lexicon::pronoun(strip_contraction(para.word(i))) {
                return (Subject::Pronoun(i, p), i);
            }
        }
        i += 1;
    }
    (noun_phrase(para, start, k + 1), start)
}

/// Whether a run can be a subject: a name, and not a possessive ("Ford’s
/// father").
fn is_subject_run(para: &Para<'_>, run: usize) -> bool {
    let run = &para.runs[run];
    run.is_name() && para.words[run.name.end - 1].after & punct::POSSESSIVE == 0
}

/// The subject written before the verb at `v`, looking no further back than
/// `lo`; with the word where the subject starts.
fn subject_before(para: &Para<'_>, lo: usize, v: usize) -> Option<(Subject, usize)> {
    let mut j = v;
    let mut passive = false;
    while j > lo
        && v - j < 6
        && para.words[j - 1].after & punct::BREAK == 0
        && lexicon::is_verb_filler(para.word(j - 1))
        && lexicon::pronoun(para.word(j - 1)).is_none()
    {
        passive |= matches!(para.word(j - 1), "be" | "been" | "being" | "is" | "was" | "were" | "are");
        j -= 1;
    }
    // "The tape could not be confirmed": a passive's subject said nothing.
    if passive && para.word(v).ends_with("ed") && !matches!(para.word(v), "quoted") {
        return None;
    }
    if j == lo {
        return None;
    }
    let k = j - 1;
    let after = para.words[k].after;
    if after & CLAUSE_END != 0 {
        return None;
    }
    let word = para.word(k);
    if after & (punct::COMMA | punct::DASH | punct::CLOSE) != 0 {
        return Some(clause_subject(para, lo, k));
    }
    if let Some(p) = lexicon::pronoun(strip_contraction(word)) {
        return Some((Subject::Pronoun(k, p), k));
    }
    if let Some(run) = para.run_ending_at(k).filter(|&r| para.runs[r].is_name()) {
        let s = para.runs[run].start();
        // "Ada Vole of the Harbor Party said": the person, not her party.
        let of = if s > lo + 1 && para.word(s - 1) == "the" { s - 2 } else { s.saturating_sub(1) };
        if s > lo
            && of > lo
            && matches!(para.word(of), "of" | "at" | "from")
            && para.words[of - 1].after & punct::BREAK == 0
            && let Some(person) = para
                .run_ending_at(of - 1)
                .filter(|&r| matches!(para.runs[r].kind, RunKind::Person | RunKind::Single))
        {
            return Some((Subject::Names(with_partners(para, lo, person)), para.runs[person].start()));
        }
        if s > lo
            && lexicon::is_proxy_preposition(para.word(s - 1))
            && para.words[s - 1].after & punct::BREAK == 0
        {
            let proxy = s > lo + 1 && lexicon::is_proxy_noun(para.word(s - 2));
            return Some((if proxy { Subject::Names(vec![run]) } else { Subject::Unnamed(s) }, s));
        }
        return Some((Subject::Names(with_partners(para, lo, run)), para.runs[run].start()));
    }
    if lexicon::is_coordinator(word)
        || lexicon::is_subordinator(word)
        || matches!(word, "who" | "which" | "that")
    {
        return None;
    }
    if word.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) {
        // "for the body to respond": an infinitive has no subject.
        if word == "to" {
            return None;
        }
        let possessor = k > lo && para.words[k - 1].after & punct::POSSESSIVE != 0;
        if possessor
            && lexicon::is_proxy_noun(word)
            && let Some(run) = para.run_ending_at(k - 1)
        {
            return Some((Subject::Names(vec![run]), para.runs[run].start()));
        }
        let mut s = k;
        while s > lo
            && k - s < MAX_CLAUSE_WORDS
            && para.words[s - 1].after & punct::BREAK == 0
            && !lexicon::is_speech_verb(para.word(s - 1))
        {
            s -= 1;
        }
        // "Ivo Marek, a city auditor told reporters": an appositive left
        // open; the name before it is the subject.
        if s > lo
            && matches!(para.word(s), "a" | "an" | "the")
            && para.words[s - 1].after & punct::BREAK == punct::COMMA
            && let Some(run) = para.run_ending_at(s - 1).filter(|&r| is_subject_run(para, r))
        {
            return Some((Subject::Names(with_partners(para, lo, run)), para.runs[run].start()));
        }
        let definite = para.word(s).eq_ignore_ascii_case("the");
        if definite
            && let Some(run) = para.run_starting_at(s + 1).filter(|&r| para.runs[r].is_name())
            && body_head(para, s + 1, run, k + 1) == Some(k)
        {
            return Some((Subject::Body { from: s + 1, head: k }, s));
        }
        let subject = match (definite, lexicon::is_org_noun(word)) {
            (true, true) => Subject::OrgNoun,
            (true, false) => Subject::Role { from: s, head: k },
            _ => Subject::Unnamed(s),
        };
        return Some((subject, s));
    }
    None
}

/// "he’d" → "he".
fn strip_contraction(word: &str) -> &str {
    for suffix in ["’d", "'d", "’ll", "'ll", "’s", "'s", "’ve", "'ve", "’re", "'re"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    word
}

/// The subject written after the verb that ends before word `i` ("said
/// Brandt", "according to X").
fn subject_after(para: &Para<'_>, i: usize, hi: usize) -> Option<Subject> {
    if i >= hi {
        return None;
    }
    if let Some(p) = lexicon::pronoun(para.word(i)) {
        return Some(Subject::Pronoun(i, p));
    }
    Some(noun_phrase(para, i, hi))
}

/// Finds the attribution in the words `window` next to a quote on `side`.
pub(super) fn find(para: &Para<'_>, window: Range<usize>, side: Side) -> Option<Found> {
    let (lo, hi) = (window.start, window.end.min(para.words.len()));
    if lo >= hi {
        return None;
    }
    let verbs: Vec<(usize, usize)> = (lo..hi).filter_map(|i| verb_at(para, lo, i).map(|n| (i, n))).collect();
    let ordered: Box<dyn Iterator<Item = &(usize, usize)>> = match side {
        Side::After => Box::new(verbs.iter()),
        Side::Before => Box::new(verbs.iter().rev()),
    };
    for &(v, n) in ordered {
        let according = n == 2 && para.word(v).eq_ignore_ascii_case("according");
        if according || inverted(para, lo, v, n) {
            if let Some(subject) = subject_after(para, v + n, hi) {
                return Some(Found { subject, tight: side == Side::After });
            }
            continue;
        }
        if let Some((subject, start)) = subject_before(para, lo, v) {
            let subject = match side {
                Side::Before => outer_subject(para, lo, start, &verbs).unwrap_or(subject),
                Side::After => subject,
            };
            return Some(Found { subject, tight: side == Side::Before || start == lo });
        }
    }
    match side {
        Side::Before if para.words[hi - 1].after & punct::COLON != 0 => {
            let (subject, _) = clause_subject(para, lo, hi - 1);
            matches!(subject, Subject::Names(_) | Subject::Pronoun(..))
                .then_some(Found { subject, tight: true })
        }
        Side::After if para.words[lo].before & punct::DASH != 0 => {
            let run = para.run_starting_at(lo).filter(|&r| para.runs[r].is_name())?;
            Some(Found { subject: Subject::Names(vec![run]), tight: true })
        }
        _ => None,
    }
}

/// The speaker of a reported clause that holds the subject starting at word
/// `inner`: "Okafor said that after a review Brussels had concluded the dam
/// was “…”" quotes Okafor, who reports Brussels. The outer verb must come
/// first in the window with no clause break (a stop, a semicolon, a colon,
/// another quotation, or ", and" / ", but") between it and the inner subject.
fn outer_subject(para: &Para<'_>, lo: usize, inner: usize, verbs: &[(usize, usize)]) -> Option<Subject> {
    let (v, n) = verbs.iter().copied().find(|&(v, n)| v + n <= inner)?;
    if para.word(v).eq_ignore_ascii_case("according") || inverted(para, lo, v, n) {
        return None;
    }
    let broken = (v..inner).any(|i| {
        let after = para.words[i].after;
        after & (punct::STOP | punct::SEMI | punct::COLON | punct::QUOTE) != 0
            || after & punct::COMMA != 0
                && (lexicon::is_coordinator(para.word(i + 1)) || matches!(para.word(i + 1), "who" | "which"))
    });
    if broken {
        return None;
    }
    match subject_before(para, lo, v)? {
        (subject @ (Subject::Names(_) | Subject::Pronoun(..)), _) => Some(subject),
        _ => None,
    }
}

/// A speech verb with its subject anywhere in the words `window` (reported
/// speech without a quote: "Pryce said", "Tahir noted that …"), or the
/// subject of a clause that ends in a colon (then `true`).
pub(super) fn speech_event(para: &Para<'_>, window: Range<usize>) -> Option<(Subject, bool)> {
    let (lo, hi) = (window.start, window.end.min(para.words.len()));
    for v in lo..hi {
        let Some(n) = verb_at(para, lo, v) else { continue };
        if n == 2 && para.word(v).eq_ignore_ascii_case("according") || inverted(para, lo, v, n) {
            if let Some(subject) = subject_after(para, v + n, hi) {
                return Some((subject, false));
            }
            continue;
        }
        if let Some((subject, _)) = subject_before(para, lo, v) {
            return Some((subject, false));
        }
    }
    if hi > lo && para.words[hi - 1].after & punct::COLON != 0 {
        let (subject, _) = clause_subject(para, lo, hi - 1);
        return matches!(subject, Subject::Names(_) | Subject::Pronoun(..)).then_some((subject, true));
    }
    None
}

/// Every speech verb's subject in the words `window`, in order (for knowing
/// who ever speaks in the article).
pub(super) fn all_subjects(para: &Para<'_>, window: Range<usize>) -> Vec<Subject> {
    let (lo, hi) = (window.start, window.end.min(para.words.len()));
    let mut subjects = Vec::new();
    for v in lo..hi {
        let Some(n) = verb_at(para, lo, v) else { continue };
        let according = n == 2 && para.word(v).eq_ignore_ascii_case("according");
        let subject = if according || inverted(para, lo, v, n) {
            subject_after(para, v + n, hi)
        } else {
            subject_before(para, lo, v).map(|(subject, _)| subject)
        };
        subjects.extend(subject);
    }
    subjects
}
