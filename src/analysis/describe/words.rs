//! Word classes for descriptions: which words may open, head or stand in
//! a role ("former", "acting"), and which never do (function words,
//! auxiliaries, courtesy titles, words of time).

use super::super::lexicon;

/// Words that never open or head a description: the lexicon's function
/// words, and quantifiers, sentence adverbs and the particles of phrasal
/// verbs ("to cut out Ada Vole") besides.
pub(super) fn is_function_word(word: &str) -> bool {
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
                | "out"
                | "up"
                | "off"
                | "away"
                | "back"
                | "down"
        )
}

/// Auxiliary and modal verbs.
pub(super) fn is_auxiliary(word: &str) -> bool {
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
pub(super) fn is_role_participle(word: &str) -> bool {
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
pub(in crate::analysis) fn is_honorific(title: &str) -> bool {
    let bare = title.trim_end_matches('.');
    title.ends_with('.') && !bare.contains(' ') || is_courtesy(title)
}

/// Courtesy titles, which say nothing about a role even beside one.
pub(super) fn is_courtesy(title: &str) -> bool {
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
pub(super) fn is_bare_adjective(word: &str) -> bool {
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
pub(super) fn is_party_and_state(word: &str) -> bool {
    word.split_once('-').is_some_and(|(party, state)| {
        matches!(party, "D" | "R" | "I") && state.starts_with(char::is_uppercase) && state.len() <= 6
    })
}

/// Words that head a phrase about time, not a role ("The next day, Vole …").
pub(super) fn is_time_noun(word: &str) -> bool {
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

pub(super) fn starts_lower(word: &str) -> bool {
    word.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
}

pub(super) fn has_digit(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
}

pub(super) fn has_letter(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
}

/// Words of a photo credit or caption ("Image copyright Lantern Photos
/// Image caption Ada Vole …"), which page chrome sets before a name and
/// which never name a role.
pub(super) fn is_credit_word(word: &str) -> bool {
    matches!(word, "caption" | "copyright" | "credit" | "courtesy")
}
