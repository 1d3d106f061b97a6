//! Capping element nesting between html5ever's tokenizer and tree builder.
//!
//! The tree builder walks its stack of open elements for scope checks and
//! formatting reconstruction, so 100,000 nested (or never-closed) elements
//! cost it minutes. Browsers cap the tree depth (Blink at 512); we do the
//! same on the token stream: [`DepthCap`] tracks an approximate stack of open
//! elements and drops the start tags beyond [`MAX_DEPTH`] (and their end
//! tags). Text is never dropped. Sitting on tokens, it sees tag names already
//! lower-cased and never mistakes script text or attribute values for tags,
//! and it costs no pass over the page of its own.

use std::cell::RefCell;

use html5ever::LocalName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};

/// Deepest element nesting kept; deeper start tags are dropped (their text
/// stays, inside the element at the cap).
pub const MAX_DEPTH: usize = 512;

/// A token sink that forwards to `inner` with nesting capped.
pub struct DepthCap<S> {
    /// The sink the kept tokens go to (the tree builder).
    pub inner: S,
    state: RefCell<Stack>,
}

#[derive(Default)]
struct Stack {
    open: Vec<LocalName>,
    /// Names of dropped start tags whose end tags are still to come.
    dropped: Vec<LocalName>,
    /// How many open elements a later start tag may close implicitly: most
    /// tags find none and skip the walk down the stack.
    closable: usize,
}

/// What to do with one tag.
enum Verdict {
    Keep,
    /// Leave the tag out; `true` when it separated blocks of text, which then
    /// get a space between them instead.
    Drop(bool),
}

impl<S> DepthCap<S> {
    /// Wraps a token sink.
    pub fn new(inner: S) -> Self {
        DepthCap { inner, state: RefCell::new(Stack::default()) }
    }
}

impl<S: TokenSink> TokenSink for DepthCap<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token {
            let verdict = self.state.borrow_mut().judge(tag);
            if let Verdict::Drop(block) = verdict {
                if block {
                    return self
                        .inner
                        .process_token(Token::CharacterTokens(StrTendril::from_char(' ')), line_number);
                }
                return TokenSinkResult::Continue;
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

impl Stack {
    fn judge(&mut self, tag: &Tag) -> Verdict {
        let name = &tag.name;
        match tag.kind {
            TagKind::StartTag => {
                if tag.self_closing || is_void(name) {
                    return Verdict::Keep;
                }
                self.close_implied(name);
                if self.open.len() >= MAX_DEPTH {
                    self.dropped.push(name.clone());
                    return Verdict::Drop(closes_p(name));
                }
                self.closable += usize::from(is_closable(name));
                self.open.push(name.clone());
                Verdict::Keep
            }
            TagKind::EndTag => {
                if self.dropped.last() == Some(name) {
                    self.dropped.pop();
                    return Verdict::Drop(closes_p(name));
                }
                if let Some(index) = self.open.iter().rposition(|open| open == name) {
                    self.truncate(index);
                }
                Verdict::Keep
            }
        }
    }

    /// Pops the elements a start tag closes implicitly (`<p>` after `<p>`,
    /// `<li>` after `<li>` …), so that pages written with omitted end tags are
    /// not mistaken for deep ones.
    fn close_implied(&mut self, name: &LocalName) {
        if self.closable == 0 {
            return;
        }
        let found = match &**name {
            "li" => self.pop_to(&["li"], &["ul", "ol", "table", "td", "th"]),
            "dt" | "dd" => self.pop_to(&["dt", "dd"], &["dl", "table"]),
            "tr" => self.pop_to(&["tr"], &["table"]),
            "td" | "th" => self.pop_to(&["td", "th"], &["tr", "table"]),
            "option" => self.pop_to(&["option"], &["select"]),
            _ => None,
        };
        if let Some(index) = found {
            self.truncate(index);
        }
        if closes_p(name)
            && let Some(index) = self.pop_to(&["p"], &["table", "td", "th", "button", "object"])
        {
            self.truncate(index);
        }
    }

    /// Closes the element at `index` and everything opened inside it.
    fn truncate(&mut self, index: usize) {
        for closed in self.open.drain(index..) {
            self.closable -= usize::from(is_closable(&closed));
        }
    }

    /// The index of the innermost open element named in `targets`, unless one
    /// named in `boundaries` comes first.
    fn pop_to(&self, targets: &[&str], boundaries: &[&str]) -> Option<usize> {
        for (index, element) in self.open.iter().enumerate().rev() {
            if targets.contains(&&**element) {
                return Some(index);
            }
            if boundaries.contains(&&**element) {
                return None;
            }
        }
        None
    }
}

/// Elements that a later start tag may close without an end tag.
fn is_closable(name: &str) -> bool {
    matches!(name, "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option")
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
    )
}

/// Start tags that close an open `<p>` (the HTML standard's list, abridged):
/// the block-level ones.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dd"
            | "dt"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "blockquote"
            | "pre"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "address"
            | "center"
            | "details"
            | "dialog"
            | "hr"
            | "menu"
            | "hgroup"
            | "dir"
    )
}

#[cfg(test)]
mod tests {
    use super::super::dom::{Data, Dom, Step};
    use super::*;

    /// Deepest element nesting of a parsed page, and its text.
    fn depth_and_text(html: &str) -> (usize, String) {
        let dom = Dom::parse(html);
        let (mut depth, mut deepest, mut text) = (0usize, 0usize, String::new());
        dom.walk(|step| match step {
            Step::Open(Data::Element(_)) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Step::Close(Data::Element(_)) => depth -= 1,
            Step::Open(Data::Text(run)) => text.push_str(run),
            _ => {}
        });
        (deepest, text)
    }

    #[test]
    fn omitted_end_tags_do_not_count_as_depth() {
        let page = "<p>para".repeat(MAX_DEPTH * 3) + &"<li>item".repeat(MAX_DEPTH * 3);
        let (deepest, text) = depth_and_text(&page);
        assert!(deepest < 10, "{deepest}");
        assert_eq!(text.matches("para").count(), MAX_DEPTH * 3);
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        let depth = MAX_DEPTH * 4;
        let page =
            format!("{}<p>bottom</p>{}<p>after</p>", "<div><b>".repeat(depth), "</b></div>".repeat(depth));
        let (deepest, text) = depth_and_text(&page);
        assert!(deepest <= MAX_DEPTH + 4, "{deepest}");
        assert!(text.contains("bottom") && text.contains("after"));
    }

    #[test]
    fn unclosed_nesting_is_capped() {
        let page = "<div><font><span>".repeat(MAX_DEPTH * 2) + "end";
        let (deepest, text) = depth_and_text(&page);
        assert!(deepest <= MAX_DEPTH + 4, "{deepest}");
        assert!(text.ends_with("end"));
    }

    #[test]
    fn dropped_block_tags_leave_a_space() {
        let page = format!("{}<div>one</div><div>two</div>", "<span>".repeat(MAX_DEPTH + 5));
        let (_, text) = depth_and_text(&page);
        assert_eq!(text.split_whitespace().collect::<Vec<_>>(), ["one", "two"], "{text}");
    }

    #[test]
    fn script_text_is_not_mistaken_for_tags() {
        let page = "<div><script>var s = '<div><div><div>';</script></div>".repeat(MAX_DEPTH + 10);
        let (deepest, text) = depth_and_text(&page);
        assert!(deepest < 10, "{deepest}");
        assert!(text.contains("var s = '<div><div><div>';"));
    }
}
