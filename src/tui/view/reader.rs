//! The article pane: the visible rows of the current flow, each line built
//! from its block's text with the styles that apply to that byte range
//! (inline runs, quotes, attributed speakers' names, search matches, the
//! last jump's target). Everything is computed for the visible rows only.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::layout::text::visible;
use crate::layout::{self, LineKind, Row, RowRef};
use crate::model::{Block, BlockKind, InlineStyle};
use crate::tui::app::{App, Doc, Target};
use crate::tui::theme::Theme;

/// Most speakers whose names are looked for in one block.
const MAX_NAMES: usize = 16;

/// Draws the article's visible rows into `text` (inside `pane`).
pub fn draw(buffer: &mut Buffer, app: &App, pane: Rect, text: Rect) {
    let doc = app.doc();
    let width = usize::from(text.width).max(1);
    let Some(flow) = doc.layout.at_width(width) else { return };
    let blocks = doc.article.blocks();
    if flow.total_rows() == 0 {
        let message = Line::styled("No article text was found in this document.", app.theme.dim);
        super::put_lines(buffer, text, &[message]);
        return;
    }
    let Some(top) = flow.find(blocks, doc.top) else { return };
    let rows: Vec<(RowRef, Row<'_>)> = flow.rows_from(top).take(usize::from(text.height)).collect();
    let mut lines = Vec::with_capacity(rows.len());
    let mut marks: Option<(usize, Vec<Mark>)> = None;
    // Without colour, italics alone would not tell a quote from emphasis:
    // the lines a quote runs through get a mark in the margin.
    let gutter = app.theme.quote_mark.filter(|_| text.x > pane.x);
    for (y, (at, row)) in (text.y..).zip(&rows) {
        let line = match row {
            Row::Line(line) => line,
            Row::Head(head) => {
                lines.push(head_line(app, head));
                continue;
            }
            Row::Gap => {
                lines.push(Line::default());
                continue;
            }
        };
        let Some(block) = blocks.get(at.block) else { continue };
        if marks.as_ref().is_none_or(|(b, _)| *b != at.block) {
            let span = visible_span(&rows, at.block, block);
            marks = Some((at.block, block_marks(app, doc, at.block, block, span)));
        }
        let found = marks.as_ref().map_or(&[][..], |(_, m)| m.as_slice());
        if let Some(mark) = gutter
            && line.kind != LineKind::Attribution
            && found
                .iter()
                .any(|m| m.quote && m.range.start < line.range.end && m.range.end > line.range.start)
        {
            buffer.set_string(text.x - 1, y, mark, app.theme.dim);
        }
        lines.push(build_line(app, doc, at.block, block, line, found, width));
    }
    super::put_lines(buffer, text, &lines);
}

/// A line of the article's head: the title as the title line shows it,
/// the credits and the address dimmed.
fn head_line<'a>(app: &App, head: &'a layout::HeadLine) -> Line<'a> {
    let style = match head.kind {
        layout::HeadKind::Title => app.theme.title,
        layout::HeadKind::Credits | layout::HeadKind::Address => app.theme.dim,
    };
    Line::styled(visible(&head.text), style)
}

/// A style over a byte range of a block's text.
#[derive(Debug, Clone)]
struct Mark {
    range: Range<usize>,
    style: Style,
    /// Whether it marks a quote (the monochrome theme also flags the
    /// quote's lines in the margin).
    quote: bool,
}

/// The byte range of `block`'s text on screen.
fn visible_span(rows: &[(RowRef, Row<'_>)], index: usize, block: &Block) -> Range<usize> {
    let mut span: Option<Range<usize>> = None;
    for (at, row) in rows {
        if let (true, Row::Line(line)) = (at.block == index, row)
            && line.kind != LineKind::Attribution
        {
            let range = line.range.clone();
            span = Some(span.map_or(range.clone(), |s| s.start.min(range.start)..s.end.max(range.end)));
        }
    }
    let len = block.text().len();
    span.map_or(0..0, |s| s.start.min(len)..s.end.min(len))
}

fn block_marks(app: &App, doc: &Doc, index: usize, block: &Block, span: Range<usize>) -> Vec<Mark> {
    let theme = &app.theme;
    let overlaps = |range: &Range<usize>| range.start < span.end && range.end > span.start;
    let mut marks = Vec::new();
    for inline in block.inlines().iter().filter(|i| overlaps(&i.range)) {
        let style = match inline.style {
            InlineStyle::Emphasis => theme.emphasis,
            InlineStyle::Strong => theme.strong,
            InlineStyle::Code => theme.code,
            InlineStyle::Link { .. } => theme.link,
        };
        marks.push(Mark { range: inline.range.clone(), style, quote: false });
    }
    let analysis = &doc.article.analysis;
    // Quotes are sorted and never overlap, so their ends are sorted too: a
    // binary search finds the first one reaching into the span, and only
    // the quotes on screen are read (a paragraph may hold thousands).
    let first = analysis.quotes.partition_point(|q| (q.block.index(), q.range.end) <= (index, span.start));
    let mut names: Vec<usize> = Vec::new();
    let mut quoted = Vec::new();
    for (offset, quote) in analysis.quotes[first..]
        .iter()
        .enumerate()
        .take_while(|(_, q)| q.block.index() == index && q.range.start < span.end.max(span.start + 1))
    {
        quoted.push(quote.range.clone());
        if !overlaps(&quote.range) {
            continue;
        }
        let mut style = theme.quote;
        if doc.target == Some(Target::Quote(first + offset)) {
            style = style.patch(theme.target);
        }
        marks.push(Mark { range: quote.range.clone(), style, quote: true });
        for speaker in &quote.speakers {
            if !names.contains(speaker) && names.len() < MAX_NAMES {
                names.push(*speaker);
            }
        }
    }
    if let Some(Target::Speaker(speaker)) = doc.target
        && !names.contains(&speaker)
    {
        names.push(speaker);
    }
    for speaker in names {
        let mut style = theme.speaker;
        if doc.target == Some(Target::Speaker(speaker)) {
            style = style.patch(theme.target);
        }
        for range in name_ranges(doc, speaker, block.text(), &span, &quoted) {
            marks.push(Mark { range, style, quote: false });
        }
    }
    let matches = &doc.search.matches;
    let first = matches.partition_point(|m| m.block.index() < index);
    let current = doc.search.current.map(|v| v.index);
    for (offset, found) in matches[first..].iter().enumerate().take_while(|(_, m)| m.block.index() == index) {
        if found.range.start >= span.end {
            break;
        }
        if overlaps(&found.range) {
            let style =
                if current == Some(first + offset) { theme.search_current } else { theme.search_match };
            marks.push(Mark { range: found.range.clone(), style, quote: false });
        }
    }
    marks
}

/// Where `speaker`'s name (or an alias) appears in `text` within `span`,
/// as a whole word and outside quotes.
fn name_ranges(
    doc: &Doc,
    speaker: usize,
    text: &str,
    span: &Range<usize>,
    quoted: &[Range<usize>],
) -> Vec<Range<usize>> {
    let Some(found) = doc.article.analysis.speakers.get(speaker) else { return Vec::new() };
    let mut names: Vec<&str> =
        std::iter::once(found.name.as_str()).chain(found.aliases.iter().map(String::as_str)).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut start = span.start.saturating_sub(64);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end + 64).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let window = &text[start..end];
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for name in names.into_iter().filter(|n| !n.is_empty()) {
        for (at, _) in window.match_indices(name) {
            let range = start + at..start + at + name.len();
            let before = text[..range.start].chars().next_back();
            let after = text[range.end..].chars().next();
            let word =
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
            let free = !quoted.iter().any(|q| q.start < range.end && q.end > range.start)
                && !ranges.iter().any(|r| r.start < range.end && r.end > range.start);
            if word && free {
                ranges.push(range);
            }
        }
    }
    ranges
}

fn base_style(theme: &Theme, kind: LineKind) -> Style {
    match kind {
        LineKind::Heading(level) if level <= 2 => theme.heading,
        LineKind::Heading(_) => theme.subheading,
        LineKind::Quote => theme.emphasis,
        LineKind::Code => theme.code,
        LineKind::Caption
        | LineKind::Figure
        | LineKind::Footnote
        | LineKind::Attribution
        | LineKind::Rule => theme.dim,
        LineKind::Body | LineKind::ListItem => Style::new(),
    }
}

fn build_line(
    app: &App,
    doc: &Doc,
    index: usize,
    block: &Block,
    line: &layout::Line,
    marks: &[Mark],
    width: usize,
) -> Line<'static> {
    let theme = &app.theme;
    let mut base = base_style(theme, line.kind);
    if let Some(Target::Section(section)) = doc.target
        && doc.article.analysis.sections.get(section).is_some_and(|s| s.block.index() == index)
    {
        base = base.patch(theme.target);
    }
    if line.kind == LineKind::Rule {
        let rule = "* * *";
        let pad = width.saturating_sub(rule.len()) / 2;
        return Line::from(vec![Span::raw(" ".repeat(pad)), Span::styled(rule, theme.dim)]);
    }
    let mut spans = Vec::new();
    let prefix = layout::prefix(block.kind(), line);
    if !prefix.is_empty() {
        spans.push(Span::styled(prefix.into_owned(), theme.dim));
    }
    let (source, marks): (&str, &[Mark]) = match (line.kind, block.kind()) {
        (LineKind::Attribution, BlockKind::Blockquote { attribution: Some(a) }) => (a.as_str(), &[]),
        (LineKind::Attribution, _) => ("", &[]),
        _ => (block.text(), marks),
    };
    let range = line.range.start.min(source.len())..line.range.end.min(source.len());
    let mut cuts = vec![range.start, range.end];
    for mark in marks {
        for cut in [mark.range.start, mark.range.end] {
            if cut > range.start && cut < range.end && source.is_char_boundary(cut) {
                cuts.push(cut);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let Some(piece) = source.get(start..end) else { continue };
        let style = marks
            .iter()
            .filter(|m| m.range.start <= start && m.range.end >= end)
            .fold(base, |style, mark| style.patch(mark.style));
        spans.push(Span::styled(visible(piece).into_owned(), style));
    }
    if line.hyphen {
        spans.push(Span::styled("-", base));
    }
    Line::from(spans)
}
