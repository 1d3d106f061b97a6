//! The English words the attribution rules consult: speech verbs, titles,
//! name particles, pronouns and the nouns that name organisations.
//!
//! Quote *spans* never look at these lists (they work the same in any
//! language); only finding who spoke does, and that is English prose by nature.
//! Every lookup takes the word as written and folds case itself, so callers
//! never allocate.

mod words;

use words::{
    COORDINATORS, DETERMINERS, FEMALE_WORDS, IRREGULAR_PAST, MALE_WORDS, NOT_NAMES, OFFICE_WORDS, ORG_NOUNS,
    ORG_WORDS, PRONOUN_FORMS, PROXY_NOUNS, SPEECH_VERBS, SUBORDINATORS, TITLE_WORDS, VERB_FILLERS,
};

/// Grammatical gender carried by a pronoun, title or kinship noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    /// he, him, his, Mr., brother …
    Male,
    /// she, her, Ms., sister …
    Female,
}

/// A third-person pronoun that can stand for a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pronoun {
    /// "he"
    He,
    /// "she"
    She,
    /// "they": a group, an organisation or joint authors
    They,
    /// "it": an organisation or a document
    It,
    /// "I", "we", "you": the writer or the reader, never a speaker we can name
    Other,
}

/// A sorted list of lower-case words, with a filter that rejects most
/// other words before any comparison: for each first letter, the lengths
/// the list holds.
pub(super) struct WordList {
    words: &'static [&'static str],
    lengths: [u32; 26],
}

impl WordList {
    const fn new(words: &'static [&'static str]) -> Self {
        let mut lengths = [0u32; 26];
        let mut i = 0;
        while i < words.len() {
            let bytes = words[i].as_bytes();
            if !bytes.is_empty() && bytes[0].is_ascii_lowercase() && bytes.len() < 32 {
                lengths[(bytes[0] - b'a') as usize] |= 1 << bytes.len();
            }
            i += 1;
        }
        Self { words, lengths }
    }

    /// Whether `lower` (already lower case) may be in the list.
    fn may_hold(&self, lower: &[u8]) -> bool {
        match lower.first() {
            Some(&b) if b.is_ascii_lowercase() && lower.len() < 32 => {
                self.lengths[(b - b'a') as usize] & (1 << lower.len()) != 0
            }
            // Words that do not start with a letter ("&", "don’t") skip the filter.
            _ => true,
        }
    }

    fn holds(&self, lower: &[u8]) -> bool {
        self.may_hold(lower) && self.words.binary_search_by(|probe| compare(probe.as_bytes(), lower)).is_ok()
    }
}

/// Longest word any list holds, in bytes.
const MAX_BYTES: usize = 24;

/// Whether `word`, folded to ASCII lower case, is in `sorted`.
fn lower_eq(word: &str, list: &WordList) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_BYTES || bytes.is_empty() || !bytes[0].is_ascii_alphabetic() && bytes[0] != b'&' {
        return false;
    }
    let mut buf = [0u8; MAX_BYTES];
    for (to, from) in buf.iter_mut().zip(bytes) {
        *to = from.to_ascii_lowercase();
    }
    let lower = &buf[..bytes.len()];
    list.holds(lower)
}

/// Byte order of two short words, without a call to `memcmp` (whose call
/// costs more than the comparison of a few bytes).
fn compare(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Whether `word` is a speech verb; capitalised words never are (they start
/// sentences or names: "Says" heading a caption, "States").
#[must_use]
pub(super) fn is_speech_verb(word: &str) -> bool {
    word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && SPEECH_VERBS.holds(word.as_bytes())
}

/// Verb forms of nouns left out of the speech verbs ("reports", "posts"):
/// speech verbs only right beside a name ("Harbor Radio reports", "reports
/// Harbor Radio,"), where they cannot be plural nouns.
#[must_use]
pub(super) fn is_noun_speech_verb(word: &str) -> bool {
    matches!(word, "reports" | "posts" | "tweets" | "blogs")
}

/// Speech verbs whose object, not their subject, follows them ("told
/// reporters"), so "VERB NAME" is never an inverted attribution.
#[must_use]
pub(super) fn takes_addressee(word: &str) -> bool {
    matches!(word, "tell" | "tells" | "told" | "telling" | "asked" | "asks" | "urged" | "begged")
}

/// Words that may sit between a subject and its speech verb ("Brandt *has
/// also* said", "Weller *had* said"); any "-ly" adverb is skipped as well.
#[must_use]
pub(super) fn is_verb_filler(word: &str) -> bool {
    lower_eq(word, &VERB_FILLERS)
        || (word.ends_with("n’t") || word.ends_with("n't")) && word.starts_with(char::is_lowercase)
        || word.len() > 4 && word.ends_with("ly") && word.chars().all(char::is_lowercase)
}

/// Determiners and possessives: a verb form right after one is a noun ("a
/// report", "his notes", "the claims").
#[must_use]
pub(super) fn is_determiner(word: &str) -> bool {
    lower_eq(word, &DETERMINERS)
}

/// Prepositions: a name after one is not the head of its noun phrase ("the
/// key *to* Stadia's success").
#[must_use]
pub(super) fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "to" | "of"
            | "for"
            | "from"
            | "at"
            | "with"
            | "by"
            | "in"
            | "on"
            | "about"
            | "into"
            | "over"
            | "under"
            | "through"
            | "near"
            | "behind"
            | "beside"
            | "between"
            | "among"
            | "against"
            | "toward"
            | "towards"
            | "without"
            | "within"
            | "during"
            | "after"
            | "before"
            | "like"
    )
}

/// Words that never carry a role or a name: articles, possessives,
/// pronouns, prepositions and conjunctions.
#[must_use]
pub(super) fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "where"
            | "when"
            | "why"
            | "how"
    ) || is_preposition(word)
        || is_coordinator(word)
        || is_subordinator(word)
        || pronoun(word).is_some()
}

/// Subordinating words after which a verb has no subject of its own
/// ("when asked", "as noted").
#[must_use]
pub(super) fn is_subordinator(word: &str) -> bool {
    lower_eq(word, &SUBORDINATORS)
}

/// Coordinating words: "… and cautions that" shares the earlier subject.
#[must_use]
pub(super) fn is_coordinator(word: &str) -> bool {
    lower_eq(word, &COORDINATORS)
}

/// The pronoun `word` is, if any.
#[must_use]
pub(super) fn pronoun(word: &str) -> Option<Pronoun> {
    let p = match word {
        "he" | "He" => Pronoun::He,
        "she" | "She" => Pronoun::She,
        "they" | "They" => Pronoun::They,
        "it" | "It" => Pronoun::It,
        "I" | "we" | "We" | "you" | "You" => Pronoun::Other,
        _ => return None,
    };
    Some(p)
}

/// The gender a word signals when it follows a name closely ("Ford visited
/// *his* editor") or describes it ("*his aunt*, Jane Morrow").
#[must_use]
pub(super) fn gender_of(word: &str) -> Option<Gender> {
    let lower = word.trim_end_matches('.');
    if lower_eq(lower, &MALE_WORDS) {
        return Some(Gender::Male);
    }
    if lower_eq(lower, &FEMALE_WORDS) {
        return Some(Gender::Female);
    }
    None
}

/// The gender of a noun or title (not a pronoun): "aunt", "Mr.", "brother".
#[must_use]
pub(super) fn gender_noun(word: &str) -> Option<Gender> {
    let pronoun_form = lower_eq(word, &PRONOUN_FORMS);
    if pronoun_form { None } else { gender_of(word) }
}

/// The noun a title abbreviation stands for ("Sen." → "senator"), for
/// matching "the senator" to "Sen. Ada Vole".
#[must_use]
pub(super) fn expand_title(word: &str) -> Option<&'static str> {
    let expanded = match word.trim_end_matches('.').to_ascii_lowercase().as_str() {
        "sen" => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "gen" => "general",
        "dr" => "doctor",
        "prof" => "professor",
        "lt" => "lieutenant",
        "col" => "colonel",
        "capt" => "captain",
        "sgt" => "sergeant",
        "adm" => "admiral",
        "pres" => "president",
        "rev" => "reverend",
        "supt" => "superintendent",
        _ => return None,
    };
    Some(expanded)
}

/// Titles and offices that precede a name and belong in its description
/// ("Sen.", "Secretary", "Prime Minister"); compared without a final period.
#[must_use]
pub(super) fn is_title_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    lower_eq(word, &TITLE_WORDS)
}

/// Office and institution words that end a title before the name ("Secretary
/// of *State* Elena Brandt", "White House *Press* Secretary").
#[must_use]
pub(super) fn is_office_word(word: &str) -> bool {
    lower_eq(word, &OFFICE_WORDS)
}

/// Words that make a capitalised run an organisation ("Red Lantern
/// *Productions*", "Northgate Capital *Equities*").
#[must_use]
pub(super) fn is_org_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    lower_eq(word, &ORG_WORDS)
}

/// Lower-case particles that belong inside a person's name ("Behnam *ben*
/// Haddad", "Ursula *von der* Leyen").
#[must_use]
pub(super) fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "ben"
            | "bin"
            | "bint"
            | "ibn"
            | "al"
            | "el"
            | "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "da"
            | "di"
            | "du"
            | "dos"
            | "das"
            | "do"
            | "la"
            | "le"
            | "ter"
            | "ten"
            | "y"
            | "zu"
            | "af"
            | "abu"
    )
}

/// Lower-case words that join the parts of an organisation's name ("Council
/// *on* Foreign Relations", "Foundation *for* Defense *of* Democracies").
#[must_use]
pub(super) fn is_name_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "on" | "and" | "the" | "&" | "at" | "in")
}

/// Capitalised words that are not names when they stand alone: sentence
/// starters, days and months, and words capitalised for other reasons.
#[must_use]
pub(super) fn is_not_name(word: &str) -> bool {
    lower_eq(word, &NOT_NAMES)
}

/// Head nouns of an unnamed subject that stands for an organisation ("*the
/// company* said", "*the group* wrote").
#[must_use]
pub(super) fn is_org_noun(word: &str) -> bool {
    lower_eq(word, &ORG_NOUNS)
}

/// Nouns for someone or something speaking *for* a named body ("a spokesperson
/// for X", "a report from X", "X's statement").
#[must_use]
pub(super) fn is_proxy_noun(word: &str) -> bool {
    lower_eq(word, &PROXY_NOUNS)
}

/// Nouns for what someone said ("That was the *forecast* offered by …",
/// "Those were the *words* of …").
#[must_use]
pub(super) fn is_said_noun(word: &str) -> bool {
    is_proxy_noun(word)
        || matches!(
            word,
            "words"
                | "word"
                | "view"
                | "views"
                | "forecast"
                | "verdict"
                | "warning"
                | "prediction"
                | "promise"
                | "claim"
                | "argument"
                | "message"
                | "answer"
                | "reply"
                | "response"
                | "advice"
                | "remark"
                | "comment"
                | "description"
                | "explanation"
                | "conclusion"
                | "pledge"
                | "boast"
                | "plea"
                | "assessment"
                | "estimate"
                | "summary"
                | "judgment"
                | "judgement"
                | "opinion"
                | "quip"
                | "line"
                | "slogan"
                | "vow"
                | "appeal"
                | "diagnosis"
        )
}

/// Common irregular past forms, which look like nouns to a suffix test
/// ("Amazon *bought* Harbor Foods").
#[must_use]
pub(super) fn is_irregular_past(word: &str) -> bool {
    lower_eq(word, &IRREGULAR_PAST)
}

/// Prepositions linking a proxy noun to the body it speaks for.
#[must_use]
pub(super) fn is_proxy_preposition(word: &str) -> bool {
    matches!(word, "for" | "from" | "of" | "at" | "with" | "by")
}

/// Abbreviations after which a period never ends a sentence (titles,
/// initials' companions), compared case-sensitively without the period.
#[must_use]
pub(super) fn is_title_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Maj"
            | "Adm"
            | "Cmdr"
            | "Rev"
            | "Hon"
            | "Pres"
            | "Supt"
            | "St"
            | "Mt"
            | "Ft"
            | "Fr"
            | "No"
            | "Nos"
            | "Vol"
            | "vs"
            | "v"
            | "cf"
            | "approx"
            | "Dept"
            | "Sept"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Mme"
            | "Mlle"
            | "e.g"
            | "i.e"
            | "etc"
            | "al"
            | "Messrs"
            | "Ald"
    )
}

/// Whether a word may start a sentence after an ambiguous abbreviation such as
/// "U.S." or "p.m.": only a pronoun, article or conjunction shows that the
/// abbreviation ended its sentence.
#[must_use]
pub(super) fn starts_sentence_after_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "But"
            | "And"
            | "In"
            | "On"
            | "At"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "My"
            | "If"
            | "When"
            | "While"
            | "As"
            | "So"
            | "Yet"
            | "Then"
            | "Now"
            | "After"
            | "Before"
            | "Since"
            | "Still"
            | "Meanwhile"
            | "However"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_lower_case_and_unique() {
        let lists = [
            &SPEECH_VERBS,
            &VERB_FILLERS,
            &DETERMINERS,
            &SUBORDINATORS,
            &COORDINATORS,
            &MALE_WORDS,
            &FEMALE_WORDS,
            &PRONOUN_FORMS,
            &TITLE_WORDS,
            &OFFICE_WORDS,
            &ORG_WORDS,
            &NOT_NAMES,
            &ORG_NOUNS,
            &PROXY_NOUNS,
            &IRREGULAR_PAST,
        ];
        for list in lists {
            let words = list.words;
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{words:?}");
            assert!(words.iter().all(|w| w.to_lowercase() == *w && w.len() <= MAX_BYTES), "{words:?}");
            assert!(words.iter().all(|w| list.holds(w.as_bytes())), "{words:?}");
        }
    }

    #[test]
    fn lookups_fold_case_and_inflections_are_listed() {
        assert!(is_speech_verb("said") && is_speech_verb("tweeted") && !is_speech_verb("Said"));
        assert!(is_title_word("Sen.") && is_title_word("SECRETARY") && !is_title_word("Brandt"));
        assert!(is_org_word("Institute") && is_not_name("The") && !is_not_name("Vole"));
        assert_eq!(gender_noun("aunt"), Some(Gender::Female));
        assert_eq!(gender_noun("his"), None);
        assert_eq!(pronoun("She"), Some(Pronoun::She));
    }
}
