//! One row per person across the library: the speakers of every article
//! merged by name and alias, so that "Rubio", "Marco Rubio" and "Secretary
//! of State Marco Rubio" in three articles are one person, while Ann Lee
//! and Tom Lee stay two.
//!
//! Rules, in order: the same full form (a name or an alias of two words or
//! more, or a one-word organisation) is the same person; a name that ends
//! with another's full name of two words or more ("Secretary of State Marco
//! Rubio") is that person with a title in front; a lone surname joins the
//! one person of that surname, and stays a row of its own when two people
//! share it. Pure: no I/O, rows in, rows out.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::index::fold;
use super::people::SpeakerRow;
use super::time;
use crate::model::SpeakerKind;

/// One person (or organisation) quoted across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name shown: the full form used most often.
    pub name: String,
    /// Every other form seen.
    pub aliases: Vec<String>,
    /// Person or organisation.
    pub kind: SpeakerKind,
    /// The descriptions the articles give, most frequent first.
    pub descriptions: Vec<String>,
    /// Quotes attributed, over all articles.
    pub quotes: usize,
    /// The articles quoting them (ids, ascending).
    pub articles: Vec<i64>,
    /// The earliest article date (as written, else the day it was saved).
    pub first: Option<String>,
    /// The latest article date.
    pub last: Option<String>,
}

fn words(form: &str) -> usize {
    form.split(' ').count()
}

/// A tiny union-find over row indices.
struct Groups(Vec<usize>);

impl Groups {
    fn root(&mut self, mut at: usize) -> usize {
        while self.0[at] != at {
            self.0[at] = self.0[self.0[at]];
            at = self.0[at];
        }
        at
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// The full forms of a row: name and aliases, folded; a one-word person
/// form is a surname, not a full form.
fn full_forms(row: &SpeakerRow) -> Vec<String> {
    std::iter::once(&row.name)
        .chain(&row.aliases)
        .map(|form| fold(form))
        .filter(|form| !form.is_empty() && (words(form) >= 2 || row.kind == SpeakerKind::Organisation))
        .collect()
}

/// Merges the speakers of every article into people, most quoted first.
#[must_use]
pub fn merge_people(rows: &[SpeakerRow]) -> Vec<Person> {
    let mut people: Vec<Person> = person_groups(rows)
        .into_iter()
        .map(|group| person(&group.into_iter().map(|at| &rows[at]).collect::<Vec<_>>()))
        .collect();
    people.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
    people
}

/// The rows of each person, as indices into `rows` (ascending), by the
/// rules of [`merge_people`].
#[must_use]
pub fn person_groups(rows: &[SpeakerRow]) -> Vec<Vec<usize>> {
    let mut groups = Groups((0..rows.len()).collect());
    let mut by_form: HashMap<String, usize> = HashMap::new();
    for (at, row) in rows.iter().enumerate() {
        for form in full_forms(row) {
            match by_form.get(&form) {
                Some(&other) => groups.join(at, other),
                None => {
                    by_form.insert(form, at);
                }
            }
        }
    }
    // A title in front: the longest tail of two words or more that is a
    // known full form.
    for (at, row) in rows.iter().enumerate() {
        let name = fold(&row.name);
        let tokens: Vec<&str> = name.split(' ').collect();
        for start in 1..tokens.len().saturating_sub(1) {
            if let Some(&other) = by_form.get(&tokens[start..].join(" ")) {
                groups.join(at, other);
                break;
            }
        }
    }
    // A lone surname: the one person whose full name ends with it.
    let mut by_surname: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for (at, row) in rows.iter().enumerate() {
        if row.kind == SpeakerKind::Person {
            for form in full_forms(row) {
                if let Some(surname) = form.rsplit(' ').next() {
                    let root = groups.root(at);
                    by_surname.entry(surname.to_owned()).or_default().insert(root);
                }
            }
        }
    }
    for (at, row) in rows.iter().enumerate() {
        let name = fold(&row.name);
        if row.kind == SpeakerKind::Person
            && words(&name) == 1
            && let Some(roots) = by_surname.get(&name)
        {
            let roots: BTreeSet<usize> = roots.iter().map(|r| groups.root(*r)).collect();
            if let [only] = roots.into_iter().collect::<Vec<_>>()[..] {
                groups.join(at, only);
            }
        }
    }
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for at in 0..rows.len() {
        members.entry(groups.root(at)).or_default().push(at);
    }
    members.into_values().collect()
}

fn person(rows: &[&SpeakerRow]) -> Person {
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for row in rows {
        *names.entry(row.name.as_str()).or_default() += 1;
    }
    // The most used name of two words or more (a bare surname or a titled
    // form only when there is nothing else), shorter on a tie.
    let name = names
        .iter()
        .max_by_key(|(form, count)| (words(form) >= 2, **count, std::cmp::Reverse(form.len())))
        .map(|(form, _)| (*form).to_owned())
        .unwrap_or_default();
    let mut aliases: BTreeSet<String> = BTreeSet::new();
    for row in rows {
        for form in std::iter::once(&row.name).chain(&row.aliases) {
            if fold(form) != fold(&name) {
                aliases.insert(form.clone());
            }
        }
    }
    let mut descriptions: Vec<(String, usize)> = Vec::new();
    for description in rows.iter().filter_map(|row| row.description.as_ref()) {
        match descriptions.iter_mut().find(|(d, _)| same_description(d, description)) {
            Some((_, count)) => *count += 1,
            None => descriptions.push((description.clone(), 1)),
        }
    }
    descriptions.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    let articles: BTreeSet<i64> = rows.iter().map(|row| row.article_id).collect();
    let dates: BTreeSet<String> =
        rows.iter().map(|row| row.published.clone().unwrap_or_else(|| time::date(row.saved_at))).collect();
    Person {
        name,
        aliases: aliases.into_iter().collect(),
        kind: rows.first().map_or(SpeakerKind::Person, |row| row.kind),
        descriptions: descriptions.into_iter().map(|(d, _)| d).collect(),
        quotes: rows.iter().map(|row| row.quote_count).sum(),
        articles: articles.into_iter().collect(),
        first: dates.first().cloned(),
        last: dates.last().cloned(),
    }
}

/// Whether two descriptions say the same ("the harbour minister",
/// "Harbour Minister"): case and a leading article aside.
fn same_description(a: &str, b: &str) -> bool {
    let key = |text: &str| {
        let text = fold(text);
        ["the ", "a ", "an "]
            .iter()
            .find_map(|article| text.strip_prefix(article).map(str::to_owned))
            .unwrap_or(text)
    };
    key(a) == key(b)
}

#[cfg(test)]
mod tests;
