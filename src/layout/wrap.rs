//! Wrapping one block into display lines: words are found by the Unicode line
//! breaking rules (textwrap; running text whose only breaks are after its
//! spaces is split there directly, with the same result), may also break
//! after a soft hyphen or a hyphen
//! between letters, and a word wider than the line is cut between grapheme
//! clusters, so that a wide character or a cluster is never split. Each line
//! remembers the byte range of the text it shows, which is how jumps, search
//! highlights and quotes find their way to the screen.

use std::borrow::Cow;
use std::ops::Range;

use textwrap::WordSeparator;
use unicode_segmentation::UnicodeSegmentation;

use super::text::{SOFT_HYPHEN, display_width, grapheme_width};
use crate::model::{Block, BlockKind};

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A heading of this level (1–6).
    Heading(u8),
    /// Running text: a paragraph.
    Body,
    /// An item of a list.
    ListItem,
    /// A blockquote.
    Quote,
    /// The attribution under a blockquote; its range indexes the attribution.
    Attribution,
    /// Preformatted text or a table: wrapped by characters, not words.
    Code,
    /// A caption.
    Caption,
    /// A figure's alt text.
    Figure,
    /// A footnote.
    Footnote,
    /// A thematic break.
    Rule,
}

/// One display line of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte range of the block's text shown (of the attribution for
    /// [`LineKind::Attribution`] lines); always on character boundaries.
    pub range: Range<usize>,
    /// How to draw it.
    pub kind: LineKind,
    /// Whether this is the first line of its part (it gets the bullet, label
    /// or dash; later lines get blanks of the same width).
    pub first: bool,
    /// Whether the line ends where a soft hyphen broke a word: draw `-` after it.
    pub hyphen: bool,
}

/// What to draw before a line's text (bullets, quote bars, labels).
#[must_use]
pub fn prefix(kind: &BlockKind, line: &Line) -> Cow<'static, str> {
    let marker = marker(kind, line.kind == LineKind::Attribution);
    if line.first || marker.is_empty() {
        return marker;
    }
    match kind {
        BlockKind::Blockquote { .. } if line.kind == LineKind::Attribution => Cow::Borrowed("│   "),
        BlockKind::Blockquote { .. } => Cow::Borrowed("│ "),
        _ => Cow::Owned(" ".repeat(display_width(&marker))),
    }
}

fn marker(kind: &BlockKind, attribution: bool) -> Cow<'static, str> {
    match kind {
        BlockKind::Blockquote { .. } if attribution => Cow::Borrowed("│ — "),
        BlockKind::Blockquote { .. } => Cow::Borrowed("│ "),
        BlockKind::ListItem { depth, ordered, number } => {
            let indent = "  ".repeat(usize::from((*depth).min(8)));
            match number {
                Some(number) => Cow::Owned(format!("{indent}{number}. ")),
                None if *depth == 0 => Cow::Borrowed(if *ordered { "· " } else { "• " }),
                None => Cow::Owned(format!("{indent}{}", if *ordered { "· " } else { "• " })),
            }
        }
        BlockKind::Figure { .. } => Cow::Borrowed("[image] "),
        BlockKind::Footnote { label: Some(label) } => Cow::Owned(format!("[{label}] ")),
        _ => Cow::Borrowed(""),
    }
}

/// Whether a block shows at least one line at any width.
#[must_use]
pub fn has_lines(block: &Block) -> bool {
    !block.text().is_empty()
        || matches!(
            block.kind(),
            BlockKind::Rule | BlockKind::Figure { .. } | BlockKind::Blockquote { attribution: Some(_) }
        )
}

/// Wraps `block` to `width_cols` columns (at least 1).
#[must_use]
pub fn wrap_block(block: &Block, width_cols: usize) -> Vec<Line> {
    let width_cols = width_cols.max(1);
    let kind = match block.kind() {
        BlockKind::Heading { level } => LineKind::Heading(*level),
        BlockKind::Paragraph => LineKind::Body,
        BlockKind::ListItem { .. } => LineKind::ListItem,
        BlockKind::Blockquote { .. } => LineKind::Quote,
        BlockKind::Preformatted | BlockKind::Table { .. } => LineKind::Code,
        BlockKind::Caption => LineKind::Caption,
        BlockKind::Figure { .. } => LineKind::Figure,
        BlockKind::Footnote { .. } => LineKind::Footnote,
        BlockKind::Rule => {
            return vec![Line { range: 0..0, kind: LineKind::Rule, first: true, hyphen: false }];
        }
    };
    let mut lines = Vec::new();
    let avail = width_cols.saturating_sub(display_width(&marker(block.kind(), false))).max(1);
    let text = block.text();
    let mut pieces = Vec::new();
    if kind == LineKind::Code {
        char_lines(text, avail, &mut pieces);
    } else {
        word_lines(text, avail, &mut pieces);
    }
    if text.is_empty() && kind == LineKind::Figure {
        pieces.push((0..0, false));
    }
    push_lines(&mut lines, pieces, kind);
    if let BlockKind::Blockquote { attribution: Some(attribution) } = block.kind() {
        let avail = width_cols.saturating_sub(display_width(&marker(block.kind(), true))).max(1);
        let mut pieces = Vec::new();
        word_lines(attribution, avail, &mut pieces);
        push_lines(&mut lines, pieces, LineKind::Attribution);
    }
    lines
}

fn push_lines(lines: &mut Vec<Line>, pieces: Vec<(Range<usize>, bool)>, kind: LineKind) {
    for (index, (range, hyphen)) in pieces.into_iter().enumerate() {
        lines.push(Line { range, kind, first: index == 0, hyphen });
    }
}

/// A piece of a word: where it is, how wide, and the spaces after it.
#[derive(Debug, Clone, Copy)]
struct Fragment {
    start: usize,
    end: usize,
    width: usize,
    space_cols: usize,
    soft_hyphen: bool,
}

/// Word-wraps `text` (hard line breaks kept) into byte ranges of at most
/// `avail` columns, each with whether it ends at a soft hyphen. Empty text
/// gives nothing; an empty hard line gives one empty range.
pub(super) fn word_lines(text: &str, avail: usize, out: &mut Vec<(Range<usize>, bool)>) {
    if text.is_empty() {
        return;
    }
    let mut base = 0;
    for hard in text.split('\n') {
        let mut fragments = Vec::new();
        fragments_of(hard, base, &mut fragments);
        let before = out.len();
        fill(hard, base, &fragments, avail, out);
        if out.len() == before {
            out.push((base..base, false));
        }
        base += hard.len() + 1;
    }
}

fn fragments_of(line: &str, base: usize, out: &mut Vec<Fragment>) {
    let origin = line.as_ptr() as usize;
    let mut push = |text: &str, whitespace: usize| {
        let start = text.as_ptr() as usize - origin;
        let mut cut = 0;
        for split in split_points(text) {
            out.push(fragment(text, base + start, cut..split, 0));
            cut = split;
        }
        out.push(fragment(text, base + start, cut..text.len(), whitespace));
    };
    if let Some(words) = words_between_spaces(line) {
        words.for_each(|(word, whitespace)| push(word, whitespace.len()));
    } else {
        for word in WordSeparator::UnicodeBreakProperties.find_words(line) {
            push(word.word, word.whitespace.len());
        }
    }
}

/// The words of `line` (each with the spaces after it) when the Unicode line
/// breaking rules can only break it after its spaces, as in most running
/// text: letters, digits, spaces and the common punctuation, where no space
/// comes right after an opening quote, or right before a closing quote, a
/// comma, a stop or a colon (the rules join those across the space). `None`
/// otherwise: the caller then asks textwrap, whose segmenter costs several
/// times as much per character.
fn words_between_spaces(line: &str) -> Option<impl Iterator<Item = (&str, &str)>> {
    // textwrap drops the break at the end of a line ending in a hyphen, and
    // with it, the last break before (its final word takes in the one
    // before): a quirk best left to textwrap itself.
    if line.ends_with('-') {
        return None;
    }
    let mut previous = ' ';
    for c in line.chars() {
        let plain = match c {
            // Opening quotes are checked below, on the space after them.
            'a'..='z' | 'A'..='Z' | '0'..='9' | ' ' | '-' | '\'' | '"' | '“' | '‘' => true,
            // No break before these, even after a space.
            ',' | '.' | ';' | ':' | '”' | '’' => previous != ' ',
            _ => false,
        };
        if !plain || matches!(previous, '“' | '‘') && c == ' ' {
            return None;
        }
        previous = c;
    }
    let mut rest = line;
    Some(std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(' ').unwrap_or(rest.len());
        let spaces = rest[end..].bytes().take_while(|b| *b == b' ').count();
        let (word, whitespace) = (&rest[..end], &rest[end..end + spaces]);
        rest = &rest[end + spaces..];
        Some((word, whitespace))
    }))
}

fn fragment(word: &str, offset: usize, range: Range<usize>, space_cols: usize) -> Fragment {
    let piece = &word[range.clone()];
    Fragment {
        start: offset + range.start,
        end: offset + range.end,
        width: display_width(piece),
        space_cols,
        soft_hyphen: piece.ends_with(SOFT_HYPHEN),
    }
}

/// Where a word may break inside: after a soft hyphen, or after a hyphen
/// between two letters or digits.
fn split_points(word: &str) -> Vec<usize> {
    let mut points = Vec::new();
    let mut previous: Option<char> = None;
    let mut chars = word.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let next = chars.peek().map(|(_, next)| *next);
        let after = index + c.len_utf8();
        let breaks = match c {
            SOFT_HYPHEN => next.is_some(),
            '-' => previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric),
            _ => false,
        };
        if breaks {
            points.push(after);
        }
        previous = Some(c);
    }
    points
}

/// First-fit filling of fragments into lines.
fn fill(line: &str, base: usize, fragments: &[Fragment], avail: usize, out: &mut Vec<(Range<usize>, bool)>) {
    let mut current: Option<Fragment> = None;
    let mut gap = 0;
    for fragment in fragments {
        let needed = fragment.width + usize::from(fragment.soft_hyphen);
        if needed > avail {
            if let Some(done) = current.take() {
                out.push((done.start..done.end, done.soft_hyphen));
            }
            let word = &line[fragment.start - base..fragment.end - base];
            let mut pieces = Vec::new();
            // Leave room for the hyphen a soft hyphen at the end will show.
            let room = avail.saturating_sub(usize::from(fragment.soft_hyphen)).max(1);
            char_pieces(word, fragment.start, room, &mut pieces);
            if let Some((last, _)) = pieces.pop() {
                out.extend(pieces);
                let width = display_width(&line[last.start - base..last.end - base]);
                current = Some(Fragment { start: last.start, end: last.end, width, ..*fragment });
            }
        } else if let Some(open) = current.as_mut().filter(|open| open.width + gap + needed <= avail) {
            open.end = fragment.end;
            open.width += gap + fragment.width;
            open.soft_hyphen = fragment.soft_hyphen;
        } else {
            if let Some(done) = current.take() {
                out.push((done.start..done.end, done.soft_hyphen));
            }
            current = Some(*fragment);
        }
        gap = fragment.space_cols;
    }
    if let Some(done) = current {
        out.push((done.start..done.end, done.soft_hyphen));
    }
}

/// Wraps `text` by grapheme clusters (for preformatted text and tables).
fn char_lines(text: &str, avail: usize, out: &mut Vec<(Range<usize>, bool)>) {
    if text.is_empty() {
        return;
    }
    let mut base = 0;
    for hard in text.split('\n') {
        let before = out.len();
        char_pieces(hard, base, avail, out);
        if out.len() == before {
            out.push((base..base, false));
        }
        base += hard.len() + 1;
    }
}

/// Cuts `text` (found at `offset`) into pieces of at most `avail` columns,
/// between grapheme clusters; a cluster wider than `avail` gets a piece
/// alone. A cluster wider than any real character (a run of spacing marks
/// such as Thai "ำำำ…" is one cluster, however long) is cut between its
/// characters, so that no line overflows.
fn char_pieces(text: &str, offset: usize, avail: usize, out: &mut Vec<(Range<usize>, bool)>) {
    let mut start = 0;
    let mut used = 0;
    let mut cell = |index: usize, width: usize| {
        if used + width > avail && index > start {
            out.push((offset + start..offset + index, false));
            start = index;
            used = 0;
        }
        used += width;
    };
    for (index, grapheme) in text.grapheme_indices(true) {
        let width = grapheme_width(grapheme);
        if width > 2 {
            for (at, c) in grapheme.char_indices() {
                cell(index + at, display_width(c.encode_utf8(&mut [0; 4])));
            }
        } else {
            cell(index, width);
        }
    }
    if start < text.len() {
        out.push((offset + start..offset + text.len(), false));
    }
}

#[cfg(test)]
mod tests;
