//! Lines grouped into units: paragraphs, list items, marked headings, rules
//! and chrome lines. Hard-wrapped lines are rejoined only when the document
//! is hard-wrapped and the break is where a wrap would fall; short separate
//! lines stay separate.

use super::lines::Line;
use super::words::count_words;

/// Fewest prose lines needed to judge whether a document is hard-wrapped.
const MIN_SAMPLE_LINES: usize = 3;
/// Narrowest and widest wrap widths taken for hard wrapping; outside them
/// the lines are paragraphs of their own.
const WRAP_COLS: std::ops::RangeInclusive<usize> = 40..=200;
/// Columns of slack when deciding that the next word would not have fit.
const WRAP_SLACK: usize = 2;
/// Columns within which the ends of wrapped lines fall.
const WRAP_BAND: usize = 15;
/// Words a line needs to count as running text when measuring the layout.
const PROSE_LINE_WORDS: usize = 5;
/// Columns a line must reach to be read as wrapped when the wrap width is
/// unknown.
const MIN_WRAPPED_COLS: usize = 40;

/// How the document is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    /// The column lines were wrapped at, if the text is hard-wrapped.
    pub wrap_cols: Option<usize>,
    /// The indentation of running text (3 in a lynx dump, 0 mostly).
    pub body_indent: usize,
    /// Whether paragraphs are separated by blank lines (then a heading has
    /// one below it too).
    pub gapped: bool,
}

/// What a unit is by its markers alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitKind {
    /// Running text: a paragraph or a short standalone line.
    Text,
    /// A bulleted or numbered item; `label` is the number as written ("2.").
    Item {
        /// Column of the marker.
        marker_col: usize,
        /// `Some("2.")` for a numbered item.
        label: Option<String>,
    },
    /// A heading marked as such (`## x`, or underlined with `===`/`---`).
    Marked {
        /// 1–6.
        level: u8,
    },
    /// `* * *`, `----`, a line of underscores.
    Rule,
    /// A line of site furniture removed by the line rules.
    Chrome,
}

/// A run of lines read as one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The text, lines rejoined, marker removed.
    pub text: String,
    /// Indentation of the first line (of the marker for items).
    pub indent: usize,
    /// Physical lines the unit spans.
    pub lines: usize,
    /// What its markers say it is.
    pub kind: UnitKind,
    /// Whether a blank line (or the start) precedes it.
    pub blank_before: bool,
    /// Whether a blank line (or the end) follows it.
    pub blank_after: bool,
    /// Numbered-link marks removed from its lines.
    pub links: usize,
    /// Number of words, counted once.
    word_count: usize,
}

impl Unit {
    /// Number of words.
    #[must_use]
    pub fn words(&self) -> usize {
        self.word_count
    }
}

/// Measures the wrap width and the body indentation: the usual indent of
/// paragraphs that open after a blank line (teaser boxes and lists glued to
/// their headings do not count), or of any running line when no paragraph
/// has a blank line before it.
#[must_use]
pub fn measure(lines: &[Line]) -> Layout {
    let is_prose_line = |l: &Line| {
        !l.chrome && count_words(&l.text) >= PROSE_LINE_WORDS && bullet(&l.text, l.indent).is_none()
    };
    // Each paragraph that opens after a blank line votes for its indent with
    // its number of lines, so that one-line headlines and teasers weigh less.
    let mut votes: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut paragraphs = 0;
    let mut i = 1;
    while i < lines.len() {
        if !(lines[i - 1].is_blank() && is_prose_line(&lines[i])) {
            i += 1;
            continue;
        }
        let indent = lines[i].indent;
        let run = lines[i..].iter().take_while(|l| !l.is_blank() && !l.chrome && l.indent == indent).count();
        *votes.entry(indent).or_insert(0) += run;
        paragraphs += 1;
        i += run.max(1);
    }
    let gapped = paragraphs >= 2;
    let body_indent = votes
        .into_iter()
        .max_by_key(|&(indent, n)| (n, std::cmp::Reverse(indent)))
        .map(|(indent, _)| indent)
        .or_else(|| mode(lines.iter().filter(|l| is_prose_line(l)).map(|l| l.indent)))
        .unwrap_or(0);
    Layout { wrap_cols: wrap_width(lines), body_indent, gapped }
}

fn mode(values: impl Iterator<Item = usize>) -> Option<usize> {
    let mut counts = std::collections::HashMap::new();
    for v in values {
        *counts.entry(v).or_insert(0usize) += 1;
    }
    counts.into_iter().max_by_key(|&(v, n)| (n, std::cmp::Reverse(v))).map(|(v, _)| v)
}

/// The wrap column when most lines followed by another line end near the
/// same column, as hard-wrapped text does; `None` for one-line paragraphs.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    // (end column, whether the line ends a sentence) of running lines that
    // another line follows: where a wrap may have happened.
    let mut ends: Vec<(usize, bool)> = lines
        .windows(2)
        .filter(|pair| {
            let (line, next) = (&pair[0], &pair[1]);
            !line.chrome
                && !next.is_blank()
                && !next.chrome
                && line.end_col() >= *WRAP_COLS.start()
                && count_words(&line.text) >= PROSE_LINE_WORDS
        })
        .map(|pair| (pair[0].end_col(), pair[0].text.ends_with(['.', '!', '?', '"', '”'])))
        .collect();
    ends.sort_unstable();
    // The densest band of line ends, WRAP_BAND columns wide: wrapped lines
    // end just short of the wrap column.
    let mut best: Option<(usize, usize, usize)> = None;
    let mut low = 0;
    for high in 0..ends.len() {
        while ends[high].0 - ends[low].0 > WRAP_BAND {
            low += 1;
        }
        let count = high - low + 1;
        if best.is_none_or(|(top, _, _)| count >= top) {
            best = Some((count, low, high));
        }
    }
    let (count, low, high) = best?;
    let sentences = |ends: &[(usize, bool)]| ends.iter().filter(|(_, sentence)| *sentence).count();
    let width = ends[high].0;
    // Lines that are each a paragraph mostly end a sentence; wrapped lines
    // mostly break inside one, and mostly end near the wrap column.
    let wrapped = count >= MIN_SAMPLE_LINES
        && count * 3 >= ends.len()
        && sentences(&ends[low..=high]) * 2 <= count
        && sentences(&ends) * 2 <= ends.len();
    (wrapped && WRAP_COLS.contains(&width)).then_some(width)
}

/// The marker of a bulleted or numbered line: (text start in bytes, label).
#[must_use]
pub fn bullet(text: &str, indent: usize) -> Option<(usize, Option<String>)> {
    let first = text.chars().next()?;
    let deep = indent >= 6;
    if matches!(first, '*' | '-' | '•' | '+' | '◦' | '▪' | '‣' | '·' | '–')
        || deep && matches!(first, 'o' | '#' | '@')
    {
        let rest = &text[first.len_utf8()..];
        if rest.is_empty() {
            return Some((text.len(), None));
        }
        return rest.starts_with(' ').then(|| (text.len() - rest.trim_start().len(), None));
    }
    numbered(text)
}

/// "2. ", "2) ", "1.3 ": a number of at most three digits per part.
fn numbered(text: &str) -> Option<(usize, Option<String>)> {
    let mut end = 0;
    let mut parts = 0;
    loop {
        let digits = text[end..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        end += digits;
        parts += 1;
        let rest = &text[end..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            end += 1;
            break;
        }
        if rest.starts_with(' ') && parts > 1 {
            break;
        }
        if !rest.starts_with('.') {
            return None;
        }
        end += 1;
    }
    let label = text[..end].to_owned();
    let body = text[end..].trim_start();
    (!body.is_empty()).then(|| (text.len() - body.len(), Some(label)))
}

/// `* * *`, `---`, `___`, `===`: a line of one repeated mark.
#[must_use]
pub fn is_rule(text: &str) -> bool {
    let mut marks = text.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else { return false };
    matches!(first, '*' | '-' | '_' | '=' | '~' | '•' | '─' | '━' | '═')
        && marks.clone().count() >= 1
        && marks.all(|c| c == first)
}

fn atx(text: &str) -> Option<(u8, &str)> {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    let rest = &text[hashes..];
    ((1..=6).contains(&hashes) && rest.starts_with(' ')).then(|| {
        let title = rest.trim().trim_end_matches('#').trim_end();
        (hashes as u8, title)
    })
}

fn first_word_cols(text: &str) -> usize {
    text.split_whitespace().next().map_or(0, unicode_width::UnicodeWidthStr::width)
}

/// Groups lines into units.
#[must_use]
pub fn group(lines: &[Line], layout: Layout) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut blank_before = true;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() {
            if let Some(last) = units.last_mut() {
                last.blank_after = true;
            }
            blank_before = true;
            i += 1;
            continue;
        }
        let mut unit = Unit {
            text: String::new(),
            indent: line.indent,
            lines: 1,
            kind: UnitKind::Text,
            blank_before,
            blank_after: false,
            links: line.links,
            word_count: 0,
        };
        blank_before = false;
        i += 1;
        if line.chrome {
            unit.kind = UnitKind::Chrome;
            unit.text.clone_from(&line.text);
            units.push(unit);
            continue;
        }
        if is_rule(&line.text) {
            unit.kind = UnitKind::Rule;
            units.push(unit);
            continue;
        }
        if let Some((level, title)) = atx(&line.text) {
            unit.kind = UnitKind::Marked { level };
            title.clone_into(&mut unit.text);
            units.push(unit);
            continue;
        }
        if let Some(level) = lines.get(i).and_then(|next| underline_level(line, next)) {
            unit.kind = UnitKind::Marked { level };
            unit.text.clone_from(&line.text);
            unit.lines = 2;
            i += 1;
            units.push(unit);
            continue;
        }
        let mut text_col = line.indent;
        if let Some((start, label)) = bullet(&line.text, line.indent) {
            unit.kind = UnitKind::Item { marker_col: line.indent, label };
            text_col = line.indent + line.text[..start].chars().count();
            unit.text.push_str(&line.text[start..]);
        } else {
            unit.text.push_str(&line.text);
        }
        let mut previous = line;
        while let Some(next) = lines.get(i) {
            if !continues(previous, next, text_col, &unit.kind, layout) {
                break;
            }
            join_into(&mut unit.text, &next.text);
            unit.lines += 1;
            unit.links += next.links;
            previous = next;
            i += 1;
        }
        units.push(unit);
    }
    if let Some(last) = units.last_mut() {
        last.blank_after = true;
    }
    for unit in &mut units {
        unit.word_count = count_words(&unit.text);
    }
    units
}

fn underline_level(line: &Line, next: &Line) -> Option<u8> {
    let mark = next.text.chars().next()?;
    let words = line.text.split_whitespace().count();
    let plain = !line.text.ends_with(['.', ',', ';', ':']) && bullet(&line.text, line.indent).is_none();
    (matches!(mark, '=' | '-')
        && next.text.len() >= 3
        && next.text.chars().all(|c| c == mark)
        && (1..=12).contains(&words)
        && plain)
        .then_some(if mark == '=' { 1 } else { 2 })
}

/// Whether `next` continues the unit whose last line is `previous`.
fn continues(previous: &Line, next: &Line, text_col: usize, kind: &UnitKind, layout: Layout) -> bool {
    if next.is_blank() || next.chrome || is_rule(&next.text) || atx(&next.text).is_some() {
        return false;
    }
    let Some(width) = layout.wrap_cols else { return unwrapped_continues(previous, next, kind, layout) };
    // A dump may count a non-ASCII letter as two columns: a little slack.
    let full = previous.end_col() + 1 + first_word_cols(&next.text) + WRAP_SLACK > width;
    if let Some((_, label)) = bullet(&next.text, next.indent) {
        // "43. He said" wrapped into a paragraph is no list item, nor is a
        // dash wrapped to the start of a line mid-sentence ("every last /
        // - and I mean every last - plank").
        let in_text = *kind == UnitKind::Text && next.indent == previous.indent && full;
        let dash = label.is_none() && next.text.starts_with(['-', '–']) && !ends_sentence(&previous.text);
        if !(in_text && (label.is_some() || dash)) {
            return false;
        }
    }
    let aligned = match kind {
        UnitKind::Item { .. } => next.indent + 1 >= text_col && next.indent <= text_col + 1,
        _ => next.indent.abs_diff(previous.indent) <= 1,
    };
    aligned && full
}

/// Whether `next` continues a paragraph of a text whose wrap width could
/// not be measured (too few lines, or most of them ending a sentence): in
/// a text whose paragraphs are set apart by blank lines, a long line that
/// stops mid-word-run (a lower-case word or a comma) goes on in the next
/// line of the same indent.
fn unwrapped_continues(previous: &Line, next: &Line, kind: &UnitKind, layout: Layout) -> bool {
    layout.gapped
        && *kind == UnitKind::Text
        && next.indent == previous.indent
        && previous.end_col() >= MIN_WRAPPED_COLS
        && count_words(&previous.text) >= PROSE_LINE_WORDS
        && previous.text.ends_with(|c: char| c.is_lowercase() || matches!(c, ',' | ';'))
        && (bullet(&next.text, next.indent).is_none() || next.text.starts_with(['-', '–']))
}

/// Whether a line ends a sentence (closing quotes and brackets skipped).
fn ends_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    core.ends_with(['.', '!', '?', '…', ':'])
}

/// Appends a wrapped line. A break after a hyphen inside a word ("long-" /
/// "term") joins without a space and keeps the hyphen: dumps and e-mail wrap
/// compounds there, and never hyphenate syllables.
fn join_into(text: &mut String, line: &str) {
    let hyphenated = text.ends_with('-')
        && text[..text.len() - 1].chars().next_back().is_some_and(char::is_alphabetic)
        && line.starts_with(char::is_alphabetic);
    if !hyphenated && !text.is_empty() {
        text.push(' ');
    }
    text.push_str(line);
}

#[cfg(test)]
mod tests;
