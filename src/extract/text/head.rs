//! The head of an article in plain text: its title (the heading-shaped line
//! nearest above the main text, preferring one followed by an author or a
//! date, set apart in a dump's heading column, or repeated elsewhere on the
//! page), the byline ("By X", or a name beside the date as newsletters print
//! it) and the publication date.

use super::classify::{Chrome, Info, Role};
use super::date;
use super::units::{Layout, Unit, UnitKind};

/// How far above the main text the title is looked for, in units.
const WINDOW: usize = 40;
/// How far into the main text an author or date line is still taken.
const META_INTO_BODY: usize = 8;
/// How far above the title a date is still taken, in units.
const DATE_ABOVE: usize = 15;

/// What the head gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// The unit holding the title.
    pub title: Option<usize>,
    /// The title text.
    pub title_text: Option<String>,
    /// The author(s).
    pub byline: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Units read into the metadata, not to be shown as body text.
    pub used: Vec<usize>,
}

/// Reads title, byline and date above the main text starting at `body`.
#[must_use]
pub fn read(units: &[Unit], infos: &[Info], body: usize, layout: Layout) -> Head {
    let from = body.saturating_sub(WINDOW);
    let authors = author_units(units, infos, from, (body + META_INTO_BODY).min(units.len()));
    let title = (from..body)
        .filter(|&i| is_title_shaped(units, infos, i, layout) && !authors.contains(&i))
        .max_by_key(|&i| (title_score(units, infos, i, body, &authors, layout), i))
        .or_else(|| headline_opening(units, infos, body));
    let mut head = Head { title, ..Head::default() };
    let start = title.map_or(from, |t| t + 1);
    if let Some(t) = title {
        head.title_text = Some(units[t].text.clone());
        head.used.push(t);
    }
    // Captions may come before the author line: look a little into the body.
    let end = (body + META_INTO_BODY).min(units.len());
    for i in start..end {
        if i >= body && !matches!(infos[i].role, Role::Short | Role::LinkItem | Role::Chrome(Chrome::Menu)) {
            continue;
        }
        if let Some(name) = byline_of(units, i, infos) {
            if head.byline.is_none() {
                head.byline = Some(name);
            }
            head.used.push(i);
        } else if authors.contains(&i) {
            if head.byline.is_none() {
                head.byline = Some(units[i].text.clone());
            }
            head.used.push(i);
        } else if head.byline.as_deref() == Some(units[i].text.as_str())
            || head.title_text.as_deref() == Some(units[i].text.as_str())
        {
            head.used.push(i);
        }
        if let Some(date) = &infos[i].date {
            head.published.get_or_insert_with(|| date.clone());
            head.used.push(i);
        }
    }
    // The author's name printed again near the top (an author box).
    if let Some(name) = &head.byline {
        head.used.extend((start..end).filter(|&i| units[i].text == *name));
    }
    if head.published.is_none() {
        let above = title.unwrap_or(from);
        head.published = (above.saturating_sub(DATE_ABOVE)..above).find_map(|i| infos[i].date.clone());
    }
    head.used.sort_unstable();
    head.used.dedup();
    head
}

/// With nothing title-shaped above the main text, a headline right above
/// it at the body's own indent, set apart by blank lines.
fn headline_opening(units: &[Unit], infos: &[Info], body: usize) -> Option<usize> {
    let at = (body.saturating_sub(2)..body).rev().find(|&i| !matches!(infos[i].role, Role::Chrome(_)))?;
    let unit = &units[at];
    let followed = infos.get(body).is_some_and(|next| next.role == Role::Prose);
    let shaped = infos[at].role == Role::Short
        && unit.kind == UnitKind::Text
        && (3..=30).contains(&unit.words())
        && unit.lines <= 3
        && unit.blank_before
        && unit.blank_after
        && infos[at].date.is_none()
        && !unit.text.ends_with(['.', ',', ';', ':'])
        && unit.text.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| !c.is_lowercase())
        && !is_credit_label(&unit.text)
        && byline_of(units, at, infos).is_none();
    (shaped && followed).then_some(at)
}

/// A picture's credit ("Photograph: Ann Lee", "PHOTO: AP", "Image by …"),
/// which is never a title.
fn is_credit_label(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    [
        "photo",
        "photograph",
        "photos",
        "image",
        "picture",
        "illustration",
        "credit",
        "source",
        "video",
        "graphic",
    ]
    .iter()
    .any(|label| {
        lower.strip_prefix(label).is_some_and(|rest| {
            rest.starts_with([':', '/']) || rest.starts_with(" by ") || rest.starts_with(" credit")
        })
    }) || lower.ends_with("/getty images")
        || lower.ends_with("getty images")
}

fn is_title_shaped(units: &[Unit], infos: &[Info], i: usize, layout: Layout) -> bool {
    let (unit, info) = (&units[i], &infos[i]);
    let words = unit.words();
    // A headline pasted among menu lines ends the run.
    let ends_run = units
        .get(i + 1)
        .is_none_or(|next| next.blank_before || !matches!(infos[i + 1].role, Role::Chrome(_)));
    let role_ok = match info.role {
        Role::Short | Role::Marked => true,
        Role::Chrome(Chrome::Menu) => words >= 4 && ends_run,
        Role::Chrome(Chrome::Label) => {
            words >= 3 && info.repeats >= 2 && super::chrome::furniture(&unit.text).is_none()
        }
        _ => false,
    };
    let kind_ok = match unit.kind {
        UnitKind::Text => true,
        UnitKind::Marked { level } => level <= 2,
        _ => false,
    };
    let first = unit.text.chars().find(|c| c.is_alphanumeric());
    role_ok
        && kind_ok
        && (1..=30).contains(&words)
        && unit.lines <= 3
        && info.date.is_none()
        && !unit.text.ends_with(['.', ',', ';', ':'])
        && first.is_some_and(|c| !c.is_lowercase())
        && !unit.text.to_lowercase().starts_with("by ")
        && !is_credit_label(&unit.text)
        && byline_of(units, i, infos).is_none()
        && (layout.body_indent == 0 || unit.kind != UnitKind::Text || apart_from_body(unit, layout))
}

/// In a dump, headings stand left of the body text, or centred.
fn apart_from_body(unit: &Unit, layout: Layout) -> bool {
    unit.indent < layout.body_indent
        || unit.indent >= layout.body_indent + 8 && unit.blank_before && unit.blank_after
}

fn title_score(
    units: &[Unit],
    infos: &[Info],
    i: usize,
    body: usize,
    authors: &[usize],
    layout: Layout,
) -> i64 {
    let unit = &units[i];
    let words = unit.words();
    let between = (i + 1..body).filter(|&j| !matches!(infos[j].role, Role::Chrome(_))).count();
    let between = i64::try_from(between).unwrap_or(i64::MAX);
    // An author or a date right below (a standfirst may come between).
    let followed_by_meta = (i + 1..body)
        .filter(|&j| !matches!(infos[j].role, Role::Chrome(_)))
        .take(2)
        .take_while(|&j| !is_title_shaped(units, infos, j, layout) || authors.contains(&j))
        .any(|j| infos[j].date.is_some() || authors.contains(&j) || byline_of(units, j, infos).is_some());
    let mut score = -between;
    score += match words {
        1 => -3,
        2 => -1,
        _ => 3,
    };
    if followed_by_meta {
        score += 4;
    }
    if infos[i].repeats >= 2 {
        score += 2;
    }
    if matches!(unit.kind, UnitKind::Marked { level: 1 }) {
        score += 4;
    }
    if layout.body_indent > 0 && apart_from_body(unit, layout) {
        score += 2;
    }
    score
}

/// Name-shaped lines standing next to a dated line: the author line of a
/// newsletter ("Ann Lee" above "Feb 05, 2026").
fn author_units(units: &[Unit], infos: &[Info], from: usize, body: usize) -> Vec<usize> {
    (from..body)
        .filter(|&i| {
            let beside_date =
                (i > 0 && infos[i - 1].date.is_some()) || infos.get(i + 1).is_some_and(|n| n.date.is_some());
            infos[i].role == Role::Short && infos[i].date.is_none() && beside_date && is_name(&units[i].text)
        })
        .collect()
}

/// The byline a unit gives: "By Ann Lee", "by Ann Lee — May 3, 2024",
/// "5:45 AM 11/19/2019 by Ann Lee", or a lone "By" above the name.
fn byline_of(units: &[Unit], i: usize, infos: &[Info]) -> Option<String> {
    let unit = &units[i];
    if !matches!(infos[i].role, Role::Short | Role::Chrome(Chrome::Menu)) || unit.words() > 16 {
        return None;
    }
    let text = unit.text.as_str();
    let lower = text.to_lowercase();
    if lower == "by" {
        return units.get(i + 1).filter(|next| is_name(&next.text)).map(|next| next.text.clone());
    }
    if text.contains('@') {
        // "Ann Lee @annlee": a name with its handle.
        let (handles, name): (Vec<&str>, Vec<&str>) =
            text.split_whitespace().partition(|w| w.starts_with('@'));
        let handle = handles.concat().to_lowercase();
        let own = name.iter().any(|w| w.chars().count() >= 3 && handle.contains(&w.to_lowercase()));
        let name = name.join(" ");
        if handles.len() == 1 && own && is_name(&name) {
            return Some(name);
        }
    }
    let rest = if lower.starts_with("by ") {
        &text[3..]
    } else if infos[i].date.is_some() {
        let at = lower.rfind(" by ")?;
        &text[at + 4..]
    } else {
        return None;
    };
    names(rest)
}

/// The author a "By Ann Lee, May 3" line names.
#[must_use]
pub fn by_line(text: &str) -> Option<String> {
    let rest = text.get(..3).filter(|by| by.eq_ignore_ascii_case("by ")).map(|_| &text[3..])?;
    names(rest)
}

/// Particles that stay lower-case inside names.
const PARTICLES: &[&str] =
    &["de", "van", "von", "der", "den", "ben", "bin", "al", "da", "di", "du", "la", "le", "dos", "del", "y"];

fn is_name_word(word: &str) -> bool {
    let first = word.chars().next();
    let letters = word.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
    letters && (first.is_some_and(|c| !c.is_lowercase()) || PARTICLES.contains(&word))
}

/// "Ann Lee", "Jean-Luc de la Cruz": two to five name words, nothing else.
#[must_use]
pub fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && text.chars().count() <= 60
        && words.iter().all(|w| is_name_word(w))
        && words.first().is_some_and(|w| !PARTICLES.contains(w))
}

/// The names at the start of a byline: stops at a date, a separator, a
/// handle or a lower-case word ("Ann Lee and Bo Chen — May 3" → "Ann Lee and Bo Chen").
fn names(rest: &str) -> Option<String> {
    let words: Vec<&str> = rest.split_whitespace().collect();
    let mut kept: Vec<&str> = Vec::new();
    for (n, word) in words.iter().enumerate() {
        let bare = word.trim_end_matches(',');
        let month_day = date::month_number(bare).is_some()
            && words.get(n + 1).is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()));
        let joiner = matches!(bare, "and" | "&");
        if month_day || !(is_name_word(bare) || joiner) {
            break;
        }
        kept.push(word);
        if word.ends_with(',') && words.get(n + 1).is_some_and(|next| !is_name_word(next)) {
            break;
        }
    }
    while kept.last().is_some_and(|w| matches!(*w, "and" | "&")) {
        kept.pop();
    }
    let joined = kept.join(" ");
    let joined = joined.trim_end_matches(',').to_owned();
    (joined.chars().filter(|c| c.is_alphabetic()).count() >= 2).then_some(joined)
}

#[cfg(test)]
mod tests;
