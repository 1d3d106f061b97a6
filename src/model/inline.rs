//! Inline styling inside a block's text, and the builder that keeps it aligned
//! with sanitised text.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::{link, sanitize};

/// How a run of a block's text is styled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "style")]
pub enum InlineStyle {
    /// Italic or otherwise emphasised text (`<em>`, `*x*`).
    Emphasis,
    /// Bold text (`<strong>`, `**x**`).
    Strong,
    /// Inline code.
    Code,
    /// A hyperlink; `href` is absolute when the source gave a base URL.
    Link {
        /// Link target, sanitised like all document text.
        href: String,
    },
}

/// A styled run: `range` is a byte range into the owning block's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inline {
    /// Byte range into the block text; always on character boundaries.
    pub range: Range<usize>,
    /// The style of that run.
    pub style: InlineStyle,
}

/// Accumulates a block's text and inline runs, sanitising every piece as it is
/// pushed, so that the recorded byte ranges always index the final text.
#[derive(Debug, Default, Clone)]
pub struct TextBuilder {
    text: String,
    inlines: Vec<Inline>,
    /// Runs opened and not yet closed; `None` for a link whose target was
    /// refused (its text stays, unlinked).
    open: Vec<(usize, Option<InlineStyle>)>,
}

impl TextBuilder {
    /// An empty builder.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `piece` after sanitising it.
    pub fn push_str(&mut self, piece: &str) {
        self.text.push_str(&sanitize::clean(piece));
    }

    /// Appends text, collapsing whitespace runs (HTML's rule for normal flow):
    /// no run of spaces, and no leading space at the start of the block.
    pub fn push_collapsed(&mut self, piece: &str) {
        let cleaned = sanitize::clean(piece);
        for c in cleaned.chars() {
            if c.is_whitespace() && c != '\u{a0}' || c == '\n' {
                if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
            }
        }
    }

    /// Appends a hard line break (`<br>`), replacing a trailing space.
    pub fn push_line_break(&mut self) {
        if self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// Starts a styled run at the current end of the text. A link keeps
    /// its target only if [`link::safe_href`] accepts it (extractors resolve
    /// relative targets first; this is the check nothing gets past).
    pub fn open(&mut self, style: InlineStyle) {
        let style = match style {
            InlineStyle::Link { href } => link::safe_href(&href, None).map(|href| InlineStyle::Link {
                href: sanitize::collapse_whitespace(&sanitize::clean(&href)),
            }),
            other => Some(other),
        };
        self.open.push((self.text.len(), style));
    }

    /// Ends the most recently opened run; empty runs are dropped.
    pub fn close(&mut self) {
        if let Some((start, Some(style))) = self.open.pop() {
            let end = self.text.len();
            if end > start {
                self.inlines.push(Inline { range: start..end, style });
            }
        }
    }

    /// The text so far.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether nothing but whitespace has been pushed.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Finishes: closes open runs, trims surrounding whitespace and shifts the
    /// runs to match, and returns the text with runs sorted by start.
    #[must_use]
    pub fn finish(mut self) -> (String, Vec<Inline>) {
        while !self.open.is_empty() {
            self.close();
        }
        let lead = self.text.len() - self.text.trim_start().len();
        let keep_end = self.text.trim_end().len();
        let text = self.text[lead..keep_end.max(lead)].to_owned();
        let mut inlines: Vec<Inline> = self
            .inlines
            .into_iter()
            .filter_map(|inline| {
                let start = inline.range.start.clamp(lead, keep_end) - lead;
                let end = inline.range.end.clamp(lead, keep_end) - lead;
                let run = &text[start..end];
                let start = start + (run.len() - run.trim_start().len());
                let end = start + run.trim().len();
                (end > start).then_some(Inline { range: start..end, style: inline.style })
            })
            .collect();
        inlines.sort_by_key(|inline| (inline.range.start, std::cmp::Reverse(inline.range.end)));
        (text, inlines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_index_the_sanitised_text() {
        let mut b = TextBuilder::new();
        b.push_str("a\u{202e}b ");
        b.open(InlineStyle::Link { href: "https://x/\u{1b}y".into() });
        b.push_str("link");
        b.close();
        let (text, inlines) = b.finish();
        assert_eq!(text, "ab link");
        assert_eq!(&text[inlines[0].range.clone()], "link");
        assert_eq!(inlines[0].style, InlineStyle::Link { href: "https://x/y".into() });
    }

    #[test]
    fn an_unsafe_link_keeps_its_text_and_loses_its_target() {
        let mut b = TextBuilder::new();
        b.open(InlineStyle::Link { href: "java\tscript:alert(1)".into() });
        b.push_str("click");
        b.close();
        b.open(InlineStyle::Emphasis);
        b.push_str(" here");
        b.close();
        let (text, inlines) = b.finish();
        assert_eq!(text, "click here");
        assert_eq!(inlines.len(), 1);
        assert_eq!(inlines[0].style, InlineStyle::Emphasis);
    }

    #[test]
    fn collapsing_and_trimming_shift_ranges() {
        let mut b = TextBuilder::new();
        b.push_collapsed("  \n one   ");
        b.open(InlineStyle::Emphasis);
        b.push_collapsed(" two ");
        b.close();
        let (text, inlines) = b.finish();
        assert_eq!(text, "one two");
        assert_eq!(&text[inlines[0].range.clone()], "two");
    }

    #[test]
    fn empty_runs_are_dropped() {
        let mut b = TextBuilder::new();
        b.open(InlineStyle::Strong);
        b.close();
        b.push_str("x");
        assert!(b.finish().1.is_empty());
    }
}
