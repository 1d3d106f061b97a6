//! The speaker list: one entry per entity that speaks at least one quote,
//! in order of first quote, with its canonical name, the other forms the
//! article uses, its description and its quotes.

use std::collections::HashMap;

use crate::model::{Quote, Speaker, SpeakerKind};

use super::registry::{EntityId, Registry};
use super::resolve::Assigned;

/// Builds the quotes and the speakers they point to.
pub(super) fn build(registry: &Registry, assigned: Vec<Assigned>) -> (Vec<Quote>, Vec<Speaker>) {
    let mut index_of: HashMap<EntityId, usize> = HashMap::new();
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut quotes = Vec::with_capacity(assigned.len());
    for (q, quote) in assigned.into_iter().enumerate() {
        let mut indices = Vec::with_capacity(quote.speakers.len());
        for id in quote.speakers {
            let index = *index_of.entry(id).or_insert_with(|| {
                speakers.push(speaker(registry, id));
                speakers.len() - 1
            });
            if !indices.contains(&index) {
                indices.push(index);
                speakers[index].quotes.push(q);
            }
        }
        quotes.push(Quote { block: quote.block, range: quote.range, speakers: indices });
    }
    (quotes, speakers)
}

fn speaker(registry: &Registry, id: EntityId) -> Speaker {
    let entity = &registry.entities[id];
    let name = entity.name();
    let mut aliases: Vec<String> = Vec::new();
    let mut add = |alias: &str| {
        if alias != name && !alias.is_empty() && !aliases.iter().any(|a| a == alias) {
            aliases.push(alias.to_owned());
        }
    };
    if entity.kind == SpeakerKind::Person && entity.words.len() > 1 {
        // A compound surname the article writes on its own ("Hawk Sawyer")
        // is the surname; otherwise the last word with its particles.
        let compound = entity
            .forms
            .iter()
            .filter(|f| f.contains(' ') && name.ends_with(&format!(" {f}")))
            .max_by_key(|f| f.len());
        match compound {
            Some(form) => add(&form.clone()),
            None => add(&surname(&entity.words)),
        }
    }
    for form in &entity.forms {
        add(form);
    }
    let description = super::describe::compose(entity.title.as_deref(), &entity.descriptions);
    Speaker {
        name,
        aliases,
        description,
        kind: entity.kind,
        quotes: Vec::new(),
        first_block: entity.first_block,
    }
}

/// The surname with any lower-case particles before it ("ben Haddad").
fn surname(words: &[String]) -> String {
    let Some(last) =
        words.iter().rposition(|w| !matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV"))
    else {
        return String::new();
    };
    let mut first = last;
    while first > 1 && words[first - 1].starts_with(char::is_lowercase) {
        first -= 1;
    }
    words[first..=last].join(" ")
}
