//! Finding a query in an article: smart case (an upper-case letter in the
//! query makes it case-sensitive), whitespace runs (line breaks included)
//! match any whitespace run, and soft hyphens and zero-width characters are
//! ignored on both sides. Blocks are searched whole, so a match can run across
//! wrapped lines. A query that starts with `\v` is a regular expression (as
//! vim's "very magic"), with the same smart case: an upper-case letter that
//! is not part of an escape (`\W`, `\S`) makes it case-sensitive. Pure and
//! linear; runs on the job worker.

use std::ops::Range;

use crate::layout::text::is_invisible;
use crate::model::{Article, BlockId};

/// Most matches kept: enough to count and walk, bounded in memory.
pub const MAX_MATCHES: usize = 200_000;

/// A match: a byte range of one block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The block.
    pub block: BlockId,
    /// Byte range of the block's text.
    pub range: Range<usize>,
}

/// The prefix that makes a query a regular expression.
pub const REGEX_PREFIX: &str = "\\v";

/// Whether `query` is matched case-sensitively (it has an upper-case letter).
#[must_use]
pub fn is_case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

/// Whether a pattern is matched case-sensitively: it has an upper-case
/// letter outside an escape (`\W`, `\S`, `\B` are not letters of text).
fn pattern_is_case_sensitive(pattern: &str) -> bool {
    let mut escaped = false;
    pattern.chars().any(|c| {
        let upper = c.is_uppercase() && !escaped;
        escaped = c == '\\' && !escaped;
        upper
    })
}

/// Every non-overlapping match of `query` in reading order.
///
/// # Errors
///
/// A regular expression (`\v…`) that does not parse, as a message.
pub fn find_all(article: &Article, query: &str) -> Result<Vec<Match>, String> {
    if let Some(pattern) = query.strip_prefix(REGEX_PREFIX) {
        return find_pattern(article, pattern);
    }
    let exact = is_case_sensitive(query);
    let needle = Folded::new(query, !exact).text;
    if needle.is_empty() || needle == " " {
        return Ok(Vec::new());
    }
    Ok(collect(article, exact, |folded| {
        folded.match_indices(needle.as_str()).map(|(start, piece)| start..start + piece.len()).collect()
    }))
}

fn find_pattern(article: &Article, pattern: &str) -> Result<Vec<Match>, String> {
    if pattern.trim().is_empty() {
        return Ok(Vec::new());
    }
    let exact = pattern_is_case_sensitive(pattern);
    // The text is folded (lower case, whitespace runs as one space) before
    // matching, so the pattern is folded the same way: no (?i) needed, and
    // Unicode letters fold as they do in plain searches.
    let folded = if exact {
        pattern.to_owned()
    } else {
        // Escapes keep their case: `\W` is not `\w`.
        let mut escaped = false;
        pattern
            .chars()
            .map(|c| {
                let out = if escaped { c } else { lower_one(c) };
                escaped = c == '\\' && !escaped;
                out
            })
            .collect()
    };
    let regex = regex_lite::Regex::new(&folded).map_err(|error| format!("bad pattern: {error}"))?;
    Ok(collect(article, exact, |text| {
        regex.find_iter(text).filter(|m| !m.is_empty()).map(|m| m.range()).collect()
    }))
}

/// The matches `find` reports in each block's folded text, mapped back to
/// the source, up to [`MAX_MATCHES`].
fn collect(article: &Article, exact: bool, find: impl Fn(&str) -> Vec<Range<usize>>) -> Vec<Match> {
    let mut found = Vec::new();
    for (index, block) in article.blocks().iter().enumerate() {
        let text = block.text();
        let folded = Folded::new(text, !exact);
        for range in find(&folded.text) {
            let range = folded.source(range.start)..folded.source_end(range.end, text);
            found.push(Match { block: BlockId(index as u32), range });
            if found.len() >= MAX_MATCHES {
                return found;
            }
        }
    }
    found
}

/// Text folded for matching, with a sparse map back to the source: a mark
/// is kept only where the offset between the two changes.
struct Folded {
    text: String,
    marks: Vec<(usize, usize)>,
}

impl Folded {
    fn new(source: &str, lower: bool) -> Self {
        let mut text = String::with_capacity(source.len());
        let mut marks = vec![(0, 0)];
        let mut in_space = false;
        for (at, c) in source.char_indices() {
            if is_invisible(c) {
                continue;
            }
            let out = if c.is_whitespace() {
                if in_space {
                    continue;
                }
                ' '
            } else if lower {
                lower_one(c)
            } else {
                c
            };
            in_space = c.is_whitespace();
            let (folded, original) = marks[marks.len() - 1];
            if text.len() - folded != at - original {
                marks.push((text.len(), at));
            }
            text.push(out);
        }
        Self { text, marks }
    }

    /// The source offset of folded offset `at` (a character start).
    fn source(&self, at: usize) -> usize {
        let index = self.marks.partition_point(|(folded, _)| *folded <= at).saturating_sub(1);
        let (folded, original) = self.marks[index];
        original + (at - folded)
    }

    /// The source offset where a match ending at folded offset `end` ends:
    /// after the last matched character, on a character boundary.
    fn source_end(&self, end: usize, source: &str) -> usize {
        let Some(last) = self.text[..end].chars().next_back() else { return self.source(end) };
        let start = self.source(end - last.len_utf8());
        let mut stop = (start + 1).min(source.len());
        while !source.is_char_boundary(stop) {
            stop += 1;
        }
        stop
    }
}

/// The lower case of `c` when it is a single character (the rare
/// multi-character lower cases keep the character as it is, so that every
/// folded character stands for exactly one source character).
fn lower_one(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(one), None) => one,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Analysis, Block, BlockKind, Document, Identity, Metadata};

    fn article(texts: &[&str]) -> Article {
        let blocks = texts.iter().map(|t| Block::new(BlockKind::Paragraph, t)).collect();
        Article {
            identity: Identity::default(),
            document: Document::new(Metadata::default(), blocks),
            analysis: Analysis::default(),
        }
    }

    fn find_all_ok(article: &Article, query: &str) -> Vec<Match> {
        find_all(article, query).unwrap()
    }

    fn shown(article: &Article, found: &[Match]) -> Vec<String> {
        found.iter().map(|m| article.blocks()[m.block.index()].text()[m.range.clone()].to_owned()).collect()
    }

    #[test]
    fn smart_case() {
        let a = article(&["Ferry ferry FERRY"]);
        assert_eq!(find_all_ok(&a, "ferry").len(), 3);
        assert_eq!(shown(&a, &find_all_ok(&a, "Ferry")), ["Ferry"]);
    }

    #[test]
    fn soft_hyphens_zero_width_and_line_breaks_are_ignored() {
        let a = article(&["the ex\u{ad}tra\u{200b}ordinary\nharbour  deal", "other"]);
        assert_eq!(
            shown(&a, &find_all_ok(&a, "extraordinary harbour")),
            ["ex\u{ad}tra\u{200b}ordinary\nharbour"]
        );
        assert_eq!(shown(&a, &find_all_ok(&a, "harbour deal")), ["harbour  deal"]);
    }

    #[test]
    fn ranges_stay_on_character_boundaries() {
        let a = article(&["Ça coûte 5 € — ÉTÉ été", "日本語の日本"]);
        assert_eq!(shown(&a, &find_all_ok(&a, "été")), ["ÉTÉ", "été"]);
        assert_eq!(shown(&a, &find_all_ok(&a, "日本")), ["日本", "日本"]);
        assert_eq!(shown(&a, &find_all_ok(&a, "€")), ["€"]);
        let kelvin = article(&["\u{212a}elvin and İstanbul"]);
        assert_eq!(shown(&kelvin, &find_all_ok(&kelvin, "kelvin")), ["\u{212a}elvin"]);
        assert_eq!(shown(&kelvin, &find_all_ok(&kelvin, "stanbul")), ["stanbul"]);
    }

    #[test]
    fn empty_and_blank_queries_find_nothing() {
        let a = article(&["text"]);
        assert!(find_all_ok(&a, "").is_empty());
        assert!(find_all_ok(&a, "  ").is_empty());
        assert!(find_all_ok(&a, "\u{ad}").is_empty());
    }

    #[test]
    fn regular_expressions_with_smart_case() {
        let a =
            article(&["The 2024 budget, the 2025 Budget and the BUDGET line", "cost: 5 €, 12 € or 140 €"]);
        assert_eq!(shown(&a, &find_all_ok(&a, "\\v20\\d\\d budget")), ["2024 budget", "2025 Budget"]);
        assert_eq!(shown(&a, &find_all_ok(&a, "\\vB\\w+")), ["Budget", "BUDGET"]);
        assert_eq!(shown(&a, &find_all_ok(&a, "\\v\\d+ €")), ["5 €", "12 €", "140 €"]);
        assert_eq!(
            shown(&a, &find_all_ok(&a, "\\vbudget\\W+\\w+")),
            ["budget, the", "Budget and", "BUDGET line"]
        );
        assert!(find_all(&a, "\\v(budget").unwrap_err().starts_with("bad pattern"));
        assert!(find_all_ok(&a, "\\v").is_empty());
        assert!(find_all_ok(&a, "\\vx*").is_empty(), "empty matches are not matches");
    }
}
