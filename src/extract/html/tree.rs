//! The parsed page as a flat list: one pre-order pass over the parsed
//! [`Dom`] turns it into a list of open/text/close items plus one record per element
//! (tag, hints, parent, where it opens and closes). Every later stage walks
//! this list with a loop: no recursion, so 100,000 levels of nesting cost no
//! stack, and a subtree is skipped by jumping to its close item.

use super::dom::{Data, Dom, Element, Step};
use super::hints::{self, Hints};
use super::tag::Tag;

/// Index of an element in [`Tree::els`].
pub type ElId = u32;

/// One step of the pre-order walk.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    /// An element starts.
    Open(ElId),
    /// A text node.
    Text(&'a str),
    /// An element ends.
    Close(ElId),
}

/// One element, with what extraction needs to know about it.
#[derive(Debug, Clone)]
pub struct El<'a> {
    /// The parsed element (for its attributes).
    pub element: &'a Element,
    /// What kind of element it is.
    pub tag: Tag,
    /// What its class, id, role and visibility say.
    pub hints: Hints,
    /// `href` (read here once: every later rule about links needs it).
    pub href: Option<&'a str>,
    /// The enclosing element; the root element is its own parent.
    pub parent: ElId,
    /// Index of its `Open` item.
    pub open: u32,
    /// Index of its `Close` item.
    pub close: u32,
    /// Bytes of text in the page before it opens, and before it closes:
    /// their difference bounds its text without reading it.
    pub text_span: (u32, u32),
}

/// The page, flattened.
#[derive(Debug, Default)]
pub struct Tree<'a> {
    /// Open/text/close items in document order.
    pub items: Vec<Item<'a>>,
    /// Elements in document order (an element's id is its position here).
    pub els: Vec<El<'a>>,
}

impl<'a> Tree<'a> {
    /// Flattens a parsed page.
    #[must_use]
    pub fn build(dom: &'a Dom) -> Self {
        let nodes = dom.len();
        let mut tree = Tree { items: Vec::with_capacity(nodes * 2), els: Vec::with_capacity(nodes) };
        let mut open: Vec<ElId> = Vec::new();
        let mut text_bytes = 0u32;
        dom.walk(|step| match step {
            Step::Open(Data::Element(element)) => {
                let id = tree.els.len() as ElId;
                let tag = Tag::of(element.name());
                let (attrs, href) = attrs_of(element);
                let hints =
                    if matches!(tag, Tag::Html | Tag::Body) { Hints::default() } else { hints::read(&attrs) };
                let parent = open.last().copied().unwrap_or(id);
                let at = tree.items.len() as u32;
                let text_span = (text_bytes, text_bytes);
                tree.els.push(El { element, tag, hints, href, parent, open: at, close: at, text_span });
                tree.items.push(Item::Open(id));
                open.push(id);
            }
            Step::Open(Data::Text(text)) => {
                text_bytes = text_bytes.saturating_add(u32::try_from(text.len()).unwrap_or(u32::MAX));
                tree.items.push(Item::Text(text));
            }
            Step::Close(Data::Element(_)) => {
                if let Some(id) = open.pop() {
                    tree.els[id as usize].close = tree.items.len() as u32;
                    tree.els[id as usize].text_span.1 = text_bytes;
                    tree.items.push(Item::Close(id));
                }
            }
            _ => {}
        });
        tree
    }

    /// The element with this id.
    #[must_use]
    pub fn el(&self, id: ElId) -> &El<'a> {
        &self.els[id as usize]
    }

    /// Bytes of text inside an element (white space and skipped tags
    /// included): an upper bound of what it can hold, at no cost.
    #[must_use]
    pub fn text_bytes(&self, id: ElId) -> u32 {
        let (start, end) = self.el(id).text_span;
        end - start
    }

    /// The text inside an element, whitespace collapsed, skipped tags left out.
    #[must_use]
    pub fn text_of(&self, id: ElId) -> String {
        let el = self.el(id);
        let mut out = String::new();
        let mut at = el.open as usize + 1;
        while at < el.close as usize {
            match self.items[at] {
                Item::Open(inner) if self.el(inner).tag.is_skipped() => {
                    at = self.el(inner).close as usize;
                }
                Item::Text(text) => {
                    for word in text.split_whitespace() {
                        if !out.is_empty() {
                            out.push(' ');
                        }
                        out.push_str(word);
                    }
                }
                _ => {}
            }
            at += 1;
        }
        out
    }

    /// The raw text inside an element (for `<script>` contents).
    #[must_use]
    pub fn raw_text_of(&self, id: ElId) -> String {
        let el = self.el(id);
        let mut out = String::new();
        for item in &self.items[el.open as usize..el.close as usize] {
            if let Item::Text(text) = item {
                out.push_str(text);
            }
        }
        out
    }
}

/// The element's attributes that hints are read from, and its `href`, in one
/// pass over them (`Element::attr` interns its argument on every call).
fn attrs_of(element: &Element) -> (hints::Attrs<'_>, Option<&str>) {
    let mut attrs = hints::Attrs::default();
    let mut href = None;
    for (name, value) in element.attrs() {
        match name {
            "href" => href = Some(value),
            "class" => attrs.class = Some(value),
            "id" => attrs.id = Some(value),
            "role" => attrs.role = Some(value),
            "style" => attrs.style = Some(value),
            "itemprop" => attrs.itemprop = Some(value),
            "rel" => attrs.rel = Some(value),
            "data-component-name" => attrs.component = Some(value),
            "hidden" => attrs.hidden = true,
            "aria-hidden" => attrs.hidden |= value.trim().eq_ignore_ascii_case("true"),
            _ => {}
        }
    }
    (attrs, href)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_nest_and_text_is_collected() {
        let dom = Dom::parse("<div class=share><p>One <b>two</b></p><script>x</script></div>");
        let tree = Tree::build(&dom);
        let div = tree.els.iter().position(|e| e.tag == Tag::Div).unwrap() as ElId;
        assert!(tree.el(div).hints.has(hints::CHROME));
        assert_eq!(tree.text_of(div), "One two");
        let p = tree.els.iter().position(|e| e.tag == Tag::P).unwrap() as ElId;
        assert_eq!(tree.el(p).parent, div);
        assert!(tree.el(div).open < tree.el(p).open && tree.el(p).close < tree.el(div).close);
    }

    #[test]
    fn deep_pages_flatten_with_their_text() {
        let depth = 20_000;
        let html = format!("{}<p>deep</p>{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let dom = Dom::parse(&html);
        let tree = Tree::build(&dom);
        assert!(tree.els.len() > super::super::depth::MAX_DEPTH);
        assert_eq!(tree.text_of(0), "deep");
    }
}
