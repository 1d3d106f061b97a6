//! What each unit is for the article: running text, a short line, a list
//! item, a link-list entry, or chrome (by its words, by being a menu run, a
//! repeated label, a copy of earlier text). Each role carries a score; the
//! main text is the run of units with the highest total (see `span`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::chrome::{self, Furniture};
use super::date;
use super::units::{Layout, Unit, UnitKind};

/// Shortest run of consecutive short lines read as a menu.
const MENU_RUN: usize = 3;
/// Times a short line must occur to be a repeated label ("Advertising").
const REPEATS: usize = 3;
/// Words per shingle when looking for copied text.
const SHINGLE_WORDS: usize = 5;
/// Share of a unit's shingles seen before that makes it a copy.
const COPY_SHARE: f64 = 0.6;
/// Shingles sampled per unit at most, so huge paragraphs stay cheap.
const MAX_SHINGLES: usize = 4096;

/// Why a unit is chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chrome {
    /// Removed by the line rules (widgets, placeholders).
    Line,
    /// A widget label or a short line repeated across the page.
    Label,
    /// One of three or more short lines in a row.
    Menu,
    /// Furniture by its words (footer, newsletter, cookie notice).
    Words,
    /// The heading of a related-links box ("Most read").
    Links,
    /// A copy of text that came earlier.
    Copy,
}

/// The role of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Sentences.
    Prose,
    /// A short line that is not a sentence: heading, name, credit, date.
    Short,
    /// A list item with sentences in it.
    Item,
    /// A list item shaped like a link (a menu or related-links entry).
    LinkItem,
    /// A thematic break.
    Rule,
    /// A heading marked in the text (`##`, underlined).
    Marked,
    /// Not the article's.
    Chrome(Chrome),
}

/// A unit's role, score and the features later rules need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Info {
    /// What the unit is.
    pub role: Role,
    /// Its weight in choosing the main text.
    pub score: i64,
    /// A publication date, when the unit is a short dated line.
    pub date: Option<String>,
    /// Times the unit's exact text occurs in the document.
    pub repeats: usize,
    /// Whether later units copy this one (a caption printed again).
    pub copied: bool,
}

/// Whether `text` ends a sentence (closing quotes and brackets skipped).
#[must_use]
pub fn ends_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', '_', ' ']);
    core.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

fn ends_with_period(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']).ends_with(['.', '…', '。'])
}

/// Running text: a sentence of three words or more, or too long for a label.
/// A caption's closing credit ("… pier. (Photo: Ann Lee)") does not count.
#[must_use]
pub fn is_prose(text: &str, words: usize) -> bool {
    let sentence = ends_sentence(text) || ends_sentence(without_credit(text));
    words >= 3 && sentence || words >= 30 || words >= 8 && has_sentence_break(text)
}

fn without_credit(text: &str) -> &str {
    let trimmed = text.trim_end();
    if !trimmed.ends_with(')') {
        return trimmed;
    }
    trimmed.rfind('(').map_or(trimmed, |open| trimmed[..open].trim_end())
}

fn has_sentence_break(text: &str) -> bool {
    text.match_indices(". ").any(|(i, _)| text[i + 2..].starts_with(char::is_uppercase))
}

/// Units of furniture (widget lines, labels, footer words) that make a text
/// a page dump; below this it is a document of its own, kept whole.
const DUMP_EVIDENCE: usize = 2;

/// Classifies every unit; also says whether the text is a page dump (its
/// furniture shows), in which case menus are looked for too.
#[must_use]
pub fn classify(units: &[Unit], layout: Layout) -> (Vec<Info>, bool) {
    let repeats = count_repeats(units);
    let mut infos: Vec<Info> = units
        .iter()
        .zip(&repeats)
        .map(|(unit, &repeats)| Info {
            role: first_role(unit, layout),
            score: 0,
            date: None,
            repeats,
            copied: false,
        })
        .collect();
    for (unit, info) in units.iter().zip(infos.iter_mut()) {
        if matches!(info.role, Role::Short | Role::LinkItem | Role::Item) && unit.words() <= 14 {
            info.date = date::find_date(&unit.text);
        }
    }
    // Only furniture known by its words shows a page dump: repetition and
    // short lines are also how poems, refrains, minutes and lists are
    // written, and a document of its own keeps all of its text.
    let evidence = infos.iter().filter(|info| matches!(info.role, Role::Chrome(_))).count();
    let dump = evidence >= DUMP_EVIDENCE;
    // A blurb is known by the furniture line above it.
    mark_blurbs(units, &mut infos);
    if dump {
        mark_labels(units, &mut infos);
        mark_menus(units, &mut infos);
        mark_copies(units, &mut infos);
    }
    for (unit, info) in units.iter().zip(infos.iter_mut()) {
        info.score = score(unit, info, layout);
    }
    (infos, dump)
}

fn first_role(unit: &Unit, layout: Layout) -> Role {
    let words = unit.words();
    // A dump prints headings left of the body text; a question there is a
    // headline, not a sentence of the article.
    let heading_column = layout.body_indent > 0 && unit.indent < layout.body_indent;
    let headline = heading_column && unit.lines <= 2 && words <= 25 && !ends_with_period(&unit.text);
    match &unit.kind {
        UnitKind::Chrome => Role::Chrome(Chrome::Line),
        UnitKind::Rule => Role::Rule,
        UnitKind::Marked { .. } => Role::Marked,
        _ if unit.text.is_empty() => Role::Chrome(Chrome::Words),
        _ if let Some(furniture) = chrome::furniture(&unit.text) => Role::Chrome(match furniture {
            Furniture::Label => Chrome::Label,
            Furniture::ListHeading => Chrome::Links,
            Furniture::Words => Chrome::Words,
        }),
        UnitKind::Item { .. } => {
            let link_dense = unit.links > 0 && words <= unit.links * 5;
            if !link_dense && is_prose(&unit.text, words) { Role::Item } else { Role::LinkItem }
        }
        UnitKind::Text => {
            let link_dense = unit.links > 0 && words <= unit.links * 5;
            if link_dense || is_menu_paragraph(unit, words) {
                Role::Chrome(Chrome::Menu)
            } else if is_prose(&unit.text, words) && !headline {
                Role::Prose
            } else {
                Role::Short
            }
        }
    }
}

/// Fewest words of a menu printed as one paragraph.
const MENU_PARAGRAPH_WORDS: usize = 12;

/// A site's menu printed as one run of words ("Home News Politics Business
/// Sport Culture Opinion …"): no punctuation that prose has, and almost
/// every word capitalised.
fn is_menu_paragraph(unit: &Unit, words: usize) -> bool {
    let text = &unit.text;
    // A title-case headline is shorter, and on one or two lines.
    let long = words >= 2 * MENU_PARAGRAPH_WORDS || unit.lines >= 3;
    if words < MENU_PARAGRAPH_WORDS || !long || text.contains(['.', ',', ';', '?', '!', '"', '“', '”']) {
        return false;
    }
    let capitalised = text.split_whitespace().filter(|w| w.starts_with(char::is_uppercase)).count();
    capitalised * 3 >= words * 2
}

/// How often each unit's words (lower-cased, punctuation aside) occur as a
/// whole unit in the document; long units count once.
fn count_repeats(units: &[Unit]) -> Vec<usize> {
    let keys: Vec<Option<u64>> = units
        .iter()
        .map(|u| {
            (u.words() <= 30 && !u.text.is_empty()).then(|| {
                let keys: Vec<u64> = u.text.split_whitespace().filter_map(word_key).collect();
                combine(&keys)
            })
        })
        .collect();
    let mut counts: HashMap<u64, usize, BuildHasherDefault<KeyHasher>> = HashMap::default();
    for key in keys.iter().flatten() {
        *counts.entry(*key).or_insert(0) += 1;
    }
    keys.iter().map(|key| key.and_then(|k| counts.get(&k).copied()).unwrap_or(1)).collect()
}

/// A short line printed again and again, glued to its neighbours
/// ("Advertising" after paragraphs), is a label; one standing apart each
/// time is a recurring heading ("Breakfast", "Lunch").
fn mark_labels(units: &[Unit], infos: &mut [Info]) {
    for (unit, info) in units.iter().zip(infos.iter_mut()) {
        let glued = !unit.blank_before || !unit.blank_after;
        let short = matches!(info.role, Role::Short | Role::LinkItem) && unit.words() <= 8;
        if short && info.repeats >= REPEATS && glued {
            info.role = Role::Chrome(Chrome::Label);
        }
    }
}

/// Three or more short lines in a row, with no blank line between them, are
/// a menu or a tag list; dated lines and the like break the run.
fn mark_menus(units: &[Unit], infos: &mut [Info]) {
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, infos: &mut [Info]| {
        if run.len() >= MENU_RUN {
            for &j in run.iter() {
                infos[j].role = Role::Chrome(Chrome::Menu);
            }
        }
        run.clear();
    };
    for (i, unit) in units.iter().enumerate() {
        let glued = !unit.blank_before;
        let tiny = infos[i].role == Role::Short
            && infos[i].date.is_none()
            && unit.words() <= 12
            && !is_data_row(&unit.text)
            && !is_by_line(&unit.text);
        if tiny && glued && !run.is_empty() {
            run.push(i);
        } else if matches!(infos[i].role, Role::Chrome(_)) && glued && !run.is_empty() {
            // A label inside a menu neither counts nor breaks it.
        } else {
            flush(&mut run, infos);
            if tiny {
                run.push(i);
            }
        }
    }
    flush(&mut run, infos);
}

/// A recommendation under a chrome line ("Cross-posted by …"): a quoted
/// sentence and a "- Name" line. It praises the post; it is not the post.
fn mark_blurbs(units: &[Unit], infos: &mut [Info]) {
    for i in 1..units.len().saturating_sub(1) {
        let text = units[i].text.trim();
        let quoted = text.starts_with(['"', '“', '«']) && text.ends_with(['"', '”', '»']);
        let signed =
            matches!(units[i + 1].kind, UnitKind::Item { .. }) && super::head::is_name(&units[i + 1].text);
        if quoted && signed && matches!(infos[i - 1].role, Role::Chrome(_)) && units[i].words() <= 40 {
            infos[i].role = Role::Chrome(Chrome::Words);
            infos[i + 1].role = Role::Chrome(Chrome::Words);
        }
    }
}

/// A row of a table printed as text ("3 Ann Lee 5033 4 6 15"): numbers,
/// which menus do not have.
fn is_data_row(text: &str) -> bool {
    text.split_whitespace().filter(|w| w.starts_with(|c: char| c.is_ascii_digit())).nth(2).is_some()
}

fn is_by_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower == "by" || lower.starts_with("by ")
}

/// Paragraphs whose word sequences mostly occurred earlier are copies (a
/// page's metadata dump, a caption printed twice, a teaser repeating a
/// headline): the first stays, and is marked as copied.
fn mark_copies(units: &[Unit], infos: &mut [Info]) {
    let candidates = units.iter().zip(infos.iter());
    let bound: usize = candidates
        .filter(|(_, info)| matches!(info.role, Role::Prose | Role::Item | Role::Short))
        .map(|(unit, _)| shingle_count(unit.text.split_whitespace().count()))
        .sum();
    // Reserved once: growing a table of millions of hashes would hold the
    // old and the new table at once, half again the memory at the peak.
    let mut owners: HashMap<u64, usize, BuildHasherDefault<KeyHasher>> =
        HashMap::with_capacity_and_hasher(bound, BuildHasherDefault::default());
    for i in 0..units.len() {
        let role = infos[i].role;
        if !matches!(role, Role::Prose | Role::Item | Role::Short) {
            continue;
        }
        let hashes = shingles(&units[i].text);
        let known: Vec<usize> = hashes.iter().filter_map(|h| owners.get(h).copied()).collect();
        let copy = matches!(role, Role::Prose | Role::Item)
            && !hashes.is_empty()
            && known.len() as f64 >= COPY_SHARE * hashes.len() as f64;
        if copy {
            infos[i].role = Role::Chrome(Chrome::Copy);
            // A caption printed again marks its first print too; a dump of
            // the whole page's text does not mark every paragraph.
            let words = units[i].words();
            for owner in known {
                if 2 * words < 3 * units[owner].words() {
                    infos[owner].copied = true;
                }
            }
        }
        for hash in hashes {
            owners.entry(hash).or_insert(i);
        }
    }
}

/// How many hashes [`shingles`] gives at most for a text of `words` words.
fn shingle_count(words: usize) -> usize {
    if words < 2 * SHINGLE_WORDS {
        return usize::from(words > SHINGLE_WORDS);
    }
    let windows = words - SHINGLE_WORDS + 1;
    windows.div_ceil(windows.div_ceil(MAX_SHINGLES))
}

/// Hashes of the unit's overlapping word sequences (a sample of them for
/// very long units); one hash of all its words when it is short. Words are
/// compared lower-cased without punctuation, so "Headline…" matches "Headline".
fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 * SHINGLE_WORDS {
        let keys: Vec<u64> = words.iter().filter_map(|w| word_key(w)).collect();
        return if keys.len() > SHINGLE_WORDS { vec![combine(&keys)] } else { Vec::new() };
    }
    let windows = words.len() - SHINGLE_WORDS + 1;
    let step = windows.div_ceil(MAX_SHINGLES);
    if step == 1 {
        let keys: Vec<u64> = words.iter().map(|w| word_key(w).unwrap_or(0)).collect();
        return keys.windows(SHINGLE_WORDS).map(combine).collect();
    }
    // Only the sampled windows are hashed: a 10 MB paragraph costs one split.
    let mut keys = [0u64; SHINGLE_WORDS];
    (0..windows)
        .step_by(step)
        .map(|i| {
            for (key, word) in keys.iter_mut().zip(&words[i..i + SHINGLE_WORDS]) {
                *key = word_key(word).unwrap_or(0);
            }
            combine(&keys)
        })
        .collect()
}

/// FNV-1a over the word's lower-cased letters and digits; `None` for a word
/// of punctuation only.
fn word_key(word: &str) -> Option<u64> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut any = false;
    let mut eat = |c: char| {
        any = true;
        hash = (hash ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
    };
    for c in word.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                eat(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            c.to_lowercase().for_each(&mut eat);
        }
    }
    any.then_some(hash)
}

/// The keys of `mark_copies` are hashes already: no need to hash them again.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).rotate_left(5);
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

fn combine(keys: &[u64]) -> u64 {
    keys.iter().fold(0x9e37_79b9_7f4a_7c15, |acc: u64, &k| {
        (acc.rotate_left(23) ^ k).wrapping_mul(0xff51_afd7_ed55_8ccd)
    })
}

fn score(unit: &Unit, info: &Info, layout: Layout) -> i64 {
    let chars = i64::try_from(unit.text.chars().count()).unwrap_or(i64::MAX);
    // Text indented deeper than the body is a list or teaser box in a dump.
    let nested = unit.indent > layout.body_indent + 2 && layout.body_indent > 0;
    match info.role {
        Role::Prose if nested => 0,
        Role::Prose => chars,
        Role::Item => chars / 2,
        // A copy is dropped but does not break the text around it: the same
        // list of ingredients may well be printed twice in one article.
        Role::Short | Role::Rule | Role::Marked | Role::Chrome(Chrome::Copy) => 0,
        Role::Chrome(Chrome::Words | Chrome::Links) => -40,
        Role::LinkItem | Role::Chrome(_) => -25,
    }
}

#[cfg(test)]
mod tests;
