//! Names in the narrative: runs of capitalised words, split into a title
//! ("Secretary of State") and a name ("Elena Brandt"), and sorted into people,
//! organisations and everything else that happens to be capitalised.

use std::ops::Range;

use super::lexicon;
use super::tokens::{Token, punct};

/// Longest capitalised run read as one name; longer ones are split, which
/// also bounds the work per run.
const MAX_RUN_WORDS: usize = 12;

/// What a capitalised run names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RunKind {
    /// Two to four words that read as a person's name ("Mira Solberg").
    Person,
    /// An organisation ("Red Lantern Productions", "NASA").
    Org,
    /// One capitalised word that is not obviously anything ("Ford").
    Single,
    /// Only a title ("Director", "Head of Research").
    Title,
    /// A longer capitalised phrase: a place, a work, an event.
    Other,
}

/// A name found in the narrative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Run {
    /// Word indices of the name itself.
    pub name: Range<usize>,
    /// Word indices of a title right before it, in the same capitalised run.
    pub title: Option<Range<usize>>,
    /// What it names.
    pub kind: RunKind,
    /// Joined to the previous run by "and" ("Lund and Osei").
    pub joined: bool,
}

impl Run {
    /// The run's first word index, title included.
    pub fn start(&self) -> usize {
        self.title.as_ref().map_or(self.name.start, |t| t.start)
    }

    /// Whether the run can name a speaker.
    pub fn is_name(&self) -> bool {
        matches!(self.kind, RunKind::Person | RunKind::Org | RunKind::Single)
    }
}

/// Whether a word counts as capitalised for a name ("al-Assad" does).
pub(super) fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some('a' | 'e') => {
            let rest = word.get(3..).unwrap_or("");
            (word.starts_with("al-") || word.starts_with("el-")) && rest.starts_with(char::is_uppercase)
        }
        _ => false,
    }
}

/// "Amazon-owned", "Island-based": a capitalised word joined to a
/// lower-case participle.
fn is_modifier(word: &str) -> bool {
    word.rsplit_once('-').is_some_and(|(head, tail)| !head.is_empty() && tail.starts_with(char::is_lowercase))
}

/// Two capitals opening a name are a person's initials ("DJ", "TJ").
fn is_initials(index: usize, word: &str) -> bool {
    index == 0 && word.len() == 2 && word.chars().all(|c| c.is_ascii_uppercase())
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && !word.contains('.')
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
}

/// Where a wire dateline opening a paragraph ends ("CAIRO, Egypt —", "NEW
/// YORK --", "KABUL, Afghanistan (AP) -"): a place in capitals, perhaps its
/// country, then a dash or a bracket. Its words name no speaker.
fn dateline_end(text: &str, tokens: &[Token]) -> usize {
    let word = |i: usize| &text[tokens[i].range()];
    let shouting =
        |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
    let mut i = 0;
    while i < tokens.len().min(4) && shouting(word(i)) {
        i += 1;
        if tokens[i - 1].after & punct::BREAK != 0 {
            break;
        }
    }
    if i == 0 || i >= tokens.len() {
        return 0;
    }
    let ends = |i: usize| tokens[i].after & (punct::DASH | punct::OTHER | punct::OPEN) != 0;
    if ends(i - 1) {
        return i;
    }
    if tokens[i - 1].after & punct::COMMA == 0 {
        return 0;
    }
    // The country or state after the comma, then the dash.
    let mut j = i;
    while j < tokens.len().min(i + 3) && is_capitalised(word(j)) {
        j += 1;
        if ends(j - 1) {
            return j;
        }
        if tokens[j - 1].after & punct::BREAK != 0 {
            break;
        }
    }
    0
}

/// Finds the name runs among `tokens` (the words of one paragraph), in word
/// order and never overlapping (`Para::run_of` relies on both).
pub(super) fn find(text: &str, tokens: &[Token]) -> Vec<Run> {
    let word = |i: usize| &text[tokens[i].range()];
    let joinable = |i: usize, j: usize| {
        tokens[i].after & punct::BREAK == 0
            && tokens[j].before & punct::BREAK == 0
            && tokens[i].sentence() == tokens[j].sentence()
    };
    let mut runs = Vec::new();
    let mut i = dateline_end(text, tokens);
    while i < tokens.len() {
        if !is_capitalised(word(i)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() && end - start < MAX_RUN_WORDS && joinable(end - 1, end) {
            let next = word(end);
            if is_capitalised(next) {
                end += 1;
            } else if end + 1 < tokens.len()
                && (lexicon::is_name_particle(next) || lexicon::is_name_connector(next))
                && joinable(end, end + 1)
                && is_capitalised(word(end + 1))
                // "Mubarak on Wednesday": a date is no part of a name, and
                // "on", "at", "in" join only a body's name ("Council on
                // Foreign Relations", not "Pence on Trump").
                && !(lexicon::is_name_connector(next) && lexicon::is_not_name(word(end + 1)))
                && (!matches!(next, "on" | "at" | "in") || (start..end).any(|k| lexicon::is_org_word(word(k))))
            {
                end += 2;
            } else if end + 2 < tokens.len()
                && matches!(next, "of" | "for" | "on")
                && word(end + 1) == "the"
                && joinable(end, end + 1)
                && joinable(end + 1, end + 2)
                && is_capitalised(word(end + 2))
                && lexicon::is_org_word(word(end - 1))
            {
                // "Office of the Chief Auditor", "Bank of the West".
                end += 3;
            } else {
                break;
            }
        }
        // "Harbor-owned Green Basket Market": a hyphenated modifier ending
        // in a lower-case word closes what comes before it.
        let mut from = start;
        for k in start..end {
            if is_modifier(word(k)) {
                let words: Vec<&str> = (from..k).map(word).collect();
                interpret(&words, from, &mut runs);
                from = k + 1;
            }
        }
        // "France 24", "Channel 4": one capitalised word and a number after
        // it name a body.
        let numbered = end == start + 1
            && end < tokens.len()
            && joinable(start, end)
            && word(end).len() <= 4
            && word(end).chars().all(|c| c.is_ascii_digit())
            && !lexicon::is_not_name(word(start));
        if numbered {
            runs.push(Run { name: start..end + 1, title: None, kind: RunKind::Org, joined: false });
            i = end + 1;
            continue;
        }
        // "He Weimin, a former official, said", "May Linton said": a
        // pronoun or a month opening a two-word name that is set off or
        // speaks is a given name, not a pronoun or a date.
        let given = end == start + 2
            && matches!(
                word(start),
                "He" | "She" | "May" | "June" | "April" | "August" | "Will" | "Long" | "So"
            )
            && !lexicon::is_not_name(word(start + 1))
            && (start == 0
                || tokens[start - 1].after & punct::BREAK != 0
                || !lexicon::is_preposition(word(start - 1)))
            && (tokens[end - 1].after & punct::COMMA != 0
                || end < tokens.len() && lexicon::is_speech_verb(word(end)));
        if given {
            runs.push(Run { name: start..end, title: None, kind: RunKind::Person, joined: false });
            i = end;
            continue;
        }
        // "envoy to Norway Kurt Dahl": after an office and its preposition,
        // the first word of a longer run is the place.
        let place_first = end >= from + 3
            && from == start
            && start >= 2
            && matches!(word(start - 1), "to" | "for" | "in" | "of")
            && tokens[start - 2].after & punct::BREAK == 0
            && lexicon::is_title_word(word(start - 2))
            && word(start - 2).starts_with(char::is_lowercase);
        if place_first {
            runs.push(Run { name: start..start + 1, title: None, kind: RunKind::Other, joined: false });
            from = start + 1;
        }
        let words: Vec<&str> = (from..end).map(word).collect();
        interpret(&words, from, &mut runs);
        i = end;
    }
    runs
}

/// Splits one capitalised run (`words`, starting at word index `offset`) into
/// titles and names and pushes what it names.
fn interpret(words: &[&str], offset: usize, runs: &mut Vec<Run>) {
    let mut from = 0;
    while from < words.len() && (lexicon::is_not_name(words[from]) || lexicon::is_name_connector(words[from]))
    {
        from += 1;
    }
    let words = &words[from..];
    let offset = offset + from;
    if words.is_empty() {
        return;
    }
    let has_org = words.iter().any(|w| is_capitalised(w) && lexicon::is_org_word(w));
    if !has_org {
        // "Rep. Ada Vole and Rep. Kim Lund": two titled names.
        if let Some(and) = words.iter().position(|w| matches!(*w, "and" | "&")) {
            interpret(&words[..and], offset, runs);
            let before = runs.len();
            interpret(&words[and + 1..], offset + and + 1, runs);
            if let Some(first) = runs.get_mut(before) {
                first.joined = true;
            }
            return;
        }
    }
    // "Conservative MP Dean Del Mastro": a title word that is also a given
    // name, right after a title and before a surname, is the given name.
    let last_title = words.iter().rposition(|w| lexicon::is_title_word(w)).map(|t| {
        let given = t > 0
            && t + 1 < words.len()
            && lexicon::is_title_word(words[t - 1])
            && matches!(words[t], "Dean" | "Earl");
        if given { t - 1 } else { t }
    });
    if let Some(t) = last_title {
        let mut name_at = t + 1;
        loop {
            match words.get(name_at..) {
                Some([w, ..]) if lexicon::is_office_word(w) => name_at += 1,
                Some([c, w, ..]) if lexicon::is_name_connector(c) && lexicon::is_office_word(w) => {
                    name_at += 2;
                }
                _ => break,
            }
        }
        let titled_before = words[..t].iter().any(|w| lexicon::is_title_word(w));
        if name_at == words.len() && t > 0 && !titled_before && !words.iter().any(|w| lexicon::is_org_word(w))
        {
            // "Martin Luther King": a title word closing a name is a surname.
            push_plain(words, offset, runs, false);
            return;
        }
        let title = offset..offset + name_at;
        // "Office of the Chief Auditor": a body named after an office.
        let body = words[..t].iter().any(|w| lexicon::is_org_word(w));
        match words.get(name_at) {
            None if body => runs.push(Run { name: title, title: None, kind: RunKind::Org, joined: false }),
            None => runs.push(Run { name: title, title: None, kind: RunKind::Title, joined: false }),
            Some(w) if lexicon::is_name_connector(w) => {
                runs.push(Run { name: title, title: None, kind: RunKind::Title, joined: false });
                interpret(&words[name_at + 1..], offset + name_at + 1, runs);
            }
            Some(_) => {
                let before = runs.len();
                push_plain(&words[name_at..], offset + name_at, runs, false);
                if let Some(first) = runs.get_mut(before) {
                    first.title = Some(title);
                }
            }
        }
        return;
    }
    if words.len() > 1 && words.iter().any(|w| is_capitalised(w) && lexicon::is_org_word(w)) {
        // "Silver Reel Label Group Statement": the body, not its statement.
        let org_at = words.iter().position(|w| lexicon::is_org_word(w)).unwrap_or(0);
        let end = words
            .iter()
            .skip(org_at + 1)
            .position(|w| lexicon::is_proxy_noun(w) && !lexicon::is_org_word(w))
            .map_or(words.len(), |i| org_at + 1 + i);
        runs.push(Run { name: offset..offset + end, title: None, kind: RunKind::Org, joined: false });
        return;
    }
    push_plain(words, offset, runs, false);
}

/// Pushes a run without titles or organisation words, split at "and".
fn push_plain(words: &[&str], offset: usize, runs: &mut Vec<Run>, joined: bool) {
    if let Some(and) = words.iter().position(|w| matches!(*w, "and" | "&")) {
        push_plain(&words[..and], offset, runs, joined);
        push_plain(&words[and + 1..], offset + and + 1, runs, true);
        return;
    }
    if words.is_empty() {
        return;
    }
    let has_connector = words.iter().any(|w| lexicon::is_name_connector(w));
    let place_abbreviation = matches!(words[0], "U.S." | "U.K." | "U.N." | "E.U." | "D.C." | "L.A." | "N.Y.");
    let kind = match words.len() {
        1 if is_acronym(words[0]) && words[0].chars().count() <= 6 => RunKind::Org,
        _ if place_abbreviation => RunKind::Other,
        1 if words[0].contains('.') => RunKind::Other,
        1 => RunKind::Single,
        // "DJ Trahan", "AJ Lund": initials written as capitals.
        2..=4
            if !has_connector
                && !words.iter().enumerate().any(|(i, w)| is_acronym(w) && !is_initials(i, w)) =>
        {
            RunKind::Person
        }
        _ => RunKind::Other,
    };
    runs.push(Run { name: offset..offset + words.len(), title: None, kind, joined });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{marks, sentences, tokens};

    fn runs(text: &str) -> Vec<(String, Option<String>, RunKind, bool)> {
        let regions = marks::regions(text);
        let sentences = sentences::split_with(text, &regions);
        let tokens = tokens::tokenize(text, &regions, &sentences).words;
        let join = |r: &Range<usize>| {
            tokens[r.clone()].iter().map(|t| &text[t.range()]).collect::<Vec<_>>().join(" ")
        };
        find(text, &tokens)
            .iter()
            .map(|r| (join(&r.name), r.title.as_ref().map(join), r.kind, r.joined))
            .collect()
    }

    #[test]
    fn titles_go_apart_from_names() {
        let found = runs("Secretary of State Kim Alder met Dr. Ada ben Rashid.");
        assert_eq!(found[0], ("Kim Alder".into(), Some("Secretary of State".into()), RunKind::Person, false));
        assert_eq!(found[1], ("Ada ben Rashid".into(), Some("Dr.".into()), RunKind::Person, false));
    }

    #[test]
    fn organisations_and_joint_names() {
        let found = runs("The Lantern Policy Institute said Alder and Rashid wrote to NASA.");
        assert_eq!(found[0].2, RunKind::Org);
        assert_eq!(found[0].0, "Lantern Policy Institute");
        assert_eq!((found[1].0.as_str(), found[2].0.as_str(), found[2].3), ("Alder", "Rashid", true));
        assert_eq!(found[3].2, RunKind::Org);
    }

    #[test]
    fn a_closing_title_word_is_a_surname_and_a_lone_title_is_no_name() {
        assert_eq!(runs("Mara Lee King spoke.")[0].2, RunKind::Person);
        assert_eq!(runs("He is Head of Research.")[0].2, RunKind::Title);
    }
}
