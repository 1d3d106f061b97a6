//! Quotations: a closing `<cite>`, `<footer>` or "— Name" line becomes the
//! attribution of the quote instead of a block of its own.

use super::Converter;
use crate::model::BlockKind;

/// A quotation being converted: where its blocks start, and which block (if
/// any) came from its `<cite>` or `<footer>`.
pub(super) struct QuoteScope {
    pub(super) start: usize,
    pub(super) cite_at: Option<usize>,
}

/// An attribution line is short; a longer closing line is part of the quote.
const MAX_ATTRIBUTION_CHARS: usize = 160;

impl Converter<'_> {
    pub(super) fn open_quote(&mut self) {
        self.flush();
        self.quotes.push(QuoteScope { start: self.blocks.len(), cite_at: None });
    }

    /// Ends a quotation; its closing `<cite>`, `<footer>` or "— Name" line
    /// becomes the attribution of its blocks.
    pub(super) fn close_quote(&mut self) {
        self.flush();
        let Some(scope) = self.quotes.pop() else { return };
        let end = self.blocks.len();
        if end < scope.start + 2 {
            return;
        }
        let last = &self.blocks[end - 1];
        let dashed = last.text().starts_with(['—', '–', '―']) || last.text().starts_with("-- ");
        let is_attribution = matches!(last.kind(), BlockKind::Blockquote { .. })
            && (scope.cite_at == Some(end - 1) || dashed)
            && last.text().chars().count() <= MAX_ATTRIBUTION_CHARS;
        if !is_attribution {
            return;
        }
        let attribution = last.text().trim_start_matches(['—', '–', '―', '-']).trim().to_owned();
        self.blocks.pop();
        // The attribution goes on the quote's last block, where it is shown.
        if let Some(quoted) = self.blocks.pop() {
            let quoted = match quoted.kind() {
                BlockKind::Blockquote { .. } => {
                    quoted.with_kind(BlockKind::Blockquote { attribution: Some(attribution) })
                }
                _ => quoted,
            };
            self.blocks.push(quoted);
        }
    }
}
