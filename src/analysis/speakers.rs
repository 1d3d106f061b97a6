//! Attribution: who said each quote, and one speaker entry per entity.

use crate::model::{BlockId, Document, Quote, Speaker, SpeakerKind};

use super::quotes::Span;

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "write",
    "asked",
    "asks",
    "noted",
    "notes",
    "argued",
    "argues",
    "warned",
    "warns",
    "continued",
    "explained",
    "explains",
    "tweeted",
    "stated",
    "states",
    "reported",
    "reports",
    "replied",
    "insisted",
    "recalled",
    "acknowledged",
    "declared",
    "concluded",
    "posted",
    "continues",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

/// Words that start a sentence with a capital but are not names.
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "But", "And", "In", "On", "It", "This", "That", "As", "At", "When", "While", "If",
    "So", "Then",
];

/// Attributes each span to a speaker and builds the speaker list.
#[must_use]
pub fn attribute(doc: &Document, spans: Vec<Span>) -> (Vec<Quote>, Vec<Speaker>) {
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut quotes = Vec::with_capacity(spans.len());
    let mut last: Option<usize> = None;
    let mut last_block: Option<BlockId> = None;
    for span in spans {
        let Some(block) = doc.block(span.block) else { continue };
        let text = block.text();
        let found = context_name(text, span.range.start, span.range.end);
        let speaker = match found {
            Some(Attribution::Name(name)) => Some(intern(&mut speakers, &name, span.block)),
            Some(Attribution::Pronoun) => last,
            // A quote that continues the previous paragraph keeps its speaker.
            None if last_block.is_some_and(|b| b.0 + 1 >= span.block.0) => last,
            None => None,
        };
        let index = quotes.len();
        if let Some(s) = speaker {
            speakers[s].quotes.push(index);
            last = Some(s);
        }
        last_block = Some(span.block);
        quotes.push(Quote { block: span.block, range: span.range, speakers: speaker.into_iter().collect() });
    }
    speakers.retain(|s| !s.quotes.is_empty());
    // Speaker indices changed by `retain`: rebuild the quote → speaker links.
    for quote in &mut quotes {
        quote.speakers.clear();
    }
    for (index, speaker) in speakers.iter().enumerate() {
        for &q in &speaker.quotes {
            quotes[q].speakers.push(index);
        }
    }
    (quotes, speakers)
}

enum Attribution {
    Name(String),
    Pronoun,
}

/// Looks for "NAME said" / "said NAME" / "he said" in the text around a quote.
fn context_name(text: &str, start: usize, end: usize) -> Option<Attribution> {
    let after_end = text[end..]
        .find(|c: char| !matches!(c, '"' | '”' | ',' | '»' | '」'))
        .map_or(text.len(), |o| end + o);
    let after = sentence_prefix(&text[after_end..]);
    let before = sentence_suffix(&text[..start]);
    for clause in [after, before] {
        let words: Vec<&str> = clause.split_whitespace().collect();
        let Some(verb_at) =
            words.iter().position(|w| SPEECH_VERBS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
        else {
            continue;
        };
        if let Some(name) = name_before(&words[..verb_at]).or_else(|| name_after(&words[verb_at + 1..])) {
            return Some(name);
        }
    }
    None
}

fn sentence_prefix(text: &str) -> &str {
    let end = text.find(['“', '"', '.', '!', '?']).unwrap_or(text.len());
    &text[..end]
}

fn sentence_suffix(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '”' | '"'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

fn is_name_word(word: &str) -> bool {
    let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'');
    trimmed.chars().next().is_some_and(char::is_uppercase) && !NOT_NAMES.contains(&trimmed)
}

fn clean_word(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '.' && c != '\'')
        .trim_end_matches('.')
}

fn name_before(words: &[&str]) -> Option<Attribution> {
    let last = *words.last()?;
    if PRONOUNS.contains(&clean_word(last)) {
        return Some(Attribution::Pronoun);
    }
    // "Rubio told", or "Vali Nasr, an expert at X, wrote": take the name at
    // the start of the clause when the words right before the verb are not one.
    let tail: Vec<&str> =
        words.iter().rev().take_while(|w| is_name_word(w) && !w.ends_with(',')).copied().collect();
    let name_words: Vec<&str> = if tail.is_empty() {
        words.iter().take_while(|w| is_name_word(w)).copied().collect()
    } else {
        tail.into_iter().rev().collect()
    };
    let name = name_words.iter().map(|w| clean_word(w)).collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then_some(Attribution::Name(name))
}

fn name_after(words: &[&str]) -> Option<Attribution> {
    let first = *words.first()?;
    if PRONOUNS.contains(&clean_word(first)) {
        return Some(Attribution::Pronoun);
    }
    let name_words: Vec<&str> = words.iter().take_while(|w| is_name_word(w)).copied().collect();
    let name = name_words.iter().map(|w| clean_word(w)).collect::<Vec<_>>().join(" ");
    (!name.is_empty()).then_some(Attribution::Name(name))
}

/// The index of the speaker called `name`, merging a surname into the full
/// name it abbreviates.
fn intern(speakers: &mut Vec<Speaker>, name: &str, block: BlockId) -> usize {
    let surname = name.rsplit(' ').next().unwrap_or(name);
    if let Some(index) =
        speakers.iter().position(|s| s.name == name || s.name.rsplit(' ').next() == Some(surname))
    {
        let speaker = &mut speakers[index];
        if speaker.name != name {
            if name.split(' ').count() > speaker.name.split(' ').count() {
                let old = std::mem::replace(&mut speaker.name, name.to_owned());
                push_alias(speaker, &old);
            } else {
                push_alias(speaker, name);
            }
        }
        return index;
    }
    speakers.push(Speaker {
        name: name.to_owned(),
        aliases: Vec::new(),
        description: None,
        kind: SpeakerKind::Person,
        quotes: Vec::new(),
        first_block: block,
    });
    let index = speakers.len() - 1;
    if name.contains(' ') {
        push_alias(&mut speakers[index], surname);
    }
    index
}

fn push_alias(speaker: &mut Speaker, alias: &str) {
    if alias != speaker.name && !speaker.aliases.iter().any(|a| a == alias) {
        speaker.aliases.push(alias.to_owned());
    }
}
