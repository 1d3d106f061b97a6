//! Entities: one per person or organisation the article names, with every
//! form of the name merged ("Secretary of State Elena Brandt", "Brandt"), and
//! what the article says about each (description, gender, kind).

use std::collections::HashMap;

use crate::model::{BlockId, SpeakerKind};

use super::lexicon::Gender;

/// Index of an entity in the [`Registry`].
pub(super) type EntityId = usize;

/// One named person or organisation.
#[derive(Debug, Clone)]
pub(super) struct Entity {
    /// The canonical name, word by word (the fullest form seen).
    pub words: Vec<String>,
    /// Every other form the article uses, as written (titles included).
    pub forms: Vec<String>,
    /// Person or organisation.
    pub kind: SpeakerKind,
    /// Whether the kind is known for sure (organisation words, "it said").
    pub kind_known: bool,
    /// Gender, when the article shows it.
    pub gender: Option<Gender>,
    /// The article's own descriptions of it (appositives, pre-name roles),
    /// merged in reading order.
    pub descriptions: Vec<String>,
    /// A title written before the name ("Secretary of State").
    pub title: Option<String>,
    /// An age given in an appositive ("Jonas Ekdahl, 23,").
    pub age: Option<String>,
    /// Where the article first names it.
    pub first_block: BlockId,
    /// Subject of a speech verb somewhere in the article.
    pub speaks: bool,
    /// Shown to be a person (a title, "who", an age).
    pub person: bool,
    /// Position of the latest mention, to pick among entities that share a
    /// surname.
    pub last_seen: usize,
}

impl Entity {
    /// The canonical name as one string.
    pub fn name(&self) -> String {
        self.words.join(" ")
    }
}

/// All entities of one article, with indexes by full name, surname and
/// first name.
#[derive(Debug, Default)]
pub(super) struct Registry {
    /// The entities, in order of first mention.
    pub entities: Vec<Entity>,
    by_full: HashMap<String, EntityId>,
    by_surname: HashMap<String, Vec<EntityId>>,
    by_first: HashMap<String, Vec<EntityId>>,
    by_initials: HashMap<String, EntityId>,
    by_lead: HashMap<String, Vec<EntityId>>,
}

/// The form used as a key: lower case, curly apostrophes straightened.
pub(super) fn key(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.chars().map(|c| if c == '’' { '\'' } else { c }).flat_map(char::to_lowercase).collect()
}

fn is_suffix(word: &str) -> bool {
    matches!(word.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV" | "Jnr" | "Snr")
}

fn is_initial(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    bare.chars().count() == 1
}

/// The surname of a person's name: its last word before any suffix.
fn surname(words: &[String]) -> Option<&String> {
    words.iter().rev().find(|w| !is_suffix(w))
}

/// Whether two first names are one ("Josh" and "Joshua"): equal, or one a
/// short form that starts the other.
fn same_first_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || short.len() >= 3 && !is_initial(short) && long.starts_with(short)
}

/// Initials of an organisation's capitalised words ("Foundation for Defense of
/// Democracies" → "fdd").
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Registry {
    /// Adds a name of two or more words (or an organisation's name) and
    /// returns its entity, merging it with an entity it extends.
    pub fn add(&mut self, words: &[&str], kind: SpeakerKind, block: BlockId, seen: usize) -> EntityId {
        let mut full = String::new();
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                full.push(' ');
            }
            full.push_str(&key(word));
        }
        if let Some(&id) = self.by_full.get(&full) {
            self.touch(id, seen);
            return id;
        }
        let owned: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
        let found = match kind {
            SpeakerKind::Person => self.person_match(&owned).or_else(|| {
                self.org_match(&owned).filter(|&id| self.entities[id].kind == SpeakerKind::Organisation)
            }),
            SpeakerKind::Organisation => self.org_match(&owned),
        };
        let id = if let Some(id) = found {
            let entity = &mut self.entities[id];
            let form = owned.join(" ");
            if owned.len() > entity.words.len() {
                let old = std::mem::replace(&mut entity.words, owned.clone());
                entity.forms.push(old.join(" "));
            } else if !entity.forms.contains(&form) {
                entity.forms.push(form);
            }
            if kind == SpeakerKind::Organisation {
                entity.kind = kind;
                entity.kind_known = true;
            }
            id
        } else {
            self.entities.push(Entity {
                words: owned.clone(),
                forms: Vec::new(),
                kind,
                kind_known: kind == SpeakerKind::Organisation,
                gender: None,
                descriptions: Vec::new(),
                title: None,
                age: None,
                first_block: block,
                speaks: false,
                person: false,
                last_seen: seen,
            });
            self.entities.len() - 1
        };
        self.index(id, full, &owned, kind);
        self.touch(id, seen);
        id
    }

    /// Indexes entity `id` under `full` (the [`key`] of the name just added)
    /// and under its lead word, surname, first name or initials.
    fn index(&mut self, id: EntityId, full: String, words: &[String], kind: SpeakerKind) {
        self.by_full.insert(full, id);
        if let Some(lead) = words.first() {
            let ids = self.by_lead.entry(key(lead)).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if kind == SpeakerKind::Organisation {
            let initials = initials(words);
            if initials.len() >= 2 {
                self.by_initials.entry(initials).or_insert(id);
            }
            return;
        }
        if let Some(last) = surname(words) {
            let ids = self.by_surname.entry(key(last)).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if words.len() > 1 && !is_initial(&words[0]) {
            let ids = self.by_first.entry(key(&words[0])).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    /// A person entity this fuller name belongs to: the same first name and
    /// surname, or a surname-only entity.
    fn person_match(&self, words: &[String]) -> Option<EntityId> {
        let last = key(surname(words)?);
        let ids = self.by_surname.get(&last)?;
        let first = key(&words[0]);
        let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
        ids.iter().copied().find(|&id| {
            let entity = &self.entities[id];
            let theirs: Vec<String> = entity.words.iter().map(|w| key(w)).collect();
            entity.kind == SpeakerKind::Person
                && (entity.words.len() == 1
                    || same_first_name(&theirs[0], &first)
                    // "Hawk Sawyer", "Bin Laden": the surname of a longer
                    // name, whole, in either order of mention.
                    || theirs.ends_with(&keys)
                    || keys.ends_with(&theirs))
        })
    }

    /// An organisation whose name starts with this one's, or the reverse, or
    /// whose initials this is.
    fn org_match(&self, words: &[String]) -> Option<EntityId> {
        let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
        if keys.len() == 1
            && let Some(&id) = self.by_initials.get(&keys[0])
        {
            return Some(id);
        }
        self.by_lead.get(keys.first()?)?.iter().copied().find(|&id| {
            let e = &self.entities[id];
            let theirs: Vec<String> = e.words.iter().map(|w| key(w)).collect();
            let shorter = theirs.len().min(keys.len());
            theirs[..shorter] == keys[..shorter]
                && (e.kind == SpeakerKind::Organisation || shorter == theirs.len())
        })
    }

    /// The entity a one-word name refers to: a surname (the latest mentioned
    /// of several), else a first name, else an organisation it abbreviates
    /// or (for a speaker, with `org_start`) starts: "Quillon said" is Quillon
    /// Orbital Systems, but "Coastal" is not Coastal Rights Watch.
    pub fn lookup_single(&self, word: &str, org_start: bool) -> Option<EntityId> {
        let k = key(word);
        let latest = |ids: &Vec<EntityId>| ids.iter().copied().max_by_key(|&id| self.entities[id].last_seen);
        if let Some(id) = self.by_surname.get(&k).and_then(latest) {
            return Some(id);
        }
        if let Some(id) = self.by_first.get(&k).filter(|ids| ids.len() == 1).and_then(latest) {
            return Some(id);
        }
        if let Some(&id) = self.by_initials.get(&k) {
            return Some(id);
        }
        if !org_start {
            return None;
        }
        self.by_lead.get(&k)?.iter().copied().find(|&id| self.entities[id].kind == SpeakerKind::Organisation)
    }

    /// Adds a one-word name that matched nothing ("Benny", "Ennahda").
    pub fn add_single(&mut self, word: &str, kind: SpeakerKind, block: BlockId, seen: usize) -> EntityId {
        self.add(&[word], kind, block, seen)
    }

    /// Records a mention at `seen`, keeping the latest position.
    pub fn touch(&mut self, id: EntityId, seen: usize) {
        let entity = &mut self.entities[id];
        entity.last_seen = entity.last_seen.max(seen);
    }

    /// Records another written form of an entity's name (title + name, a
    /// surname alone).
    pub fn add_form(&mut self, id: EntityId, form: &str) {
        let entity = &mut self.entities[id];
        if entity.name() != form && !entity.forms.iter().any(|f| f == form) {
            entity.forms.push(form.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: BlockId = BlockId(0);

    #[test]
    fn surnames_and_first_names_find_the_full_name() {
        let mut registry = Registry::default();
        let ada = registry.add(&["Ada", "Vole"], SpeakerKind::Person, B, 1);
        let kim = registry.add(&["Kim", "Vole"], SpeakerKind::Person, B, 2);
        assert_ne!(ada, kim);
        assert_eq!(registry.lookup_single("Vole", false), Some(kim));
        registry.touch(ada, 3);
        assert_eq!(registry.lookup_single("Vole", false), Some(ada));
        assert_eq!(registry.lookup_single("Kim", false), Some(kim));
        assert_eq!(registry.lookup_single("Nobody", false), None);
    }

    #[test]
    fn a_surname_entity_grows_into_the_full_name() {
        let mut registry = Registry::default();
        let single = registry.add_single("Vole", SpeakerKind::Person, B, 1);
        let full = registry.add(&["Ada", "M.", "Vole"], SpeakerKind::Person, B, 2);
        assert_eq!(single, full);
        assert_eq!(registry.entities[full].name(), "Ada M. Vole");
    }

    #[test]
    fn organisations_merge_by_prefix_and_initials() {
        let mut registry = Registry::default();
        let org = registry.add(&["Lantern", "Policy", "Institute"], SpeakerKind::Organisation, B, 1);
        assert_eq!(registry.add(&["LPI"], SpeakerKind::Organisation, B, 2), org);
        assert_eq!(registry.lookup_single("Lantern", true), Some(org));
    }
}
