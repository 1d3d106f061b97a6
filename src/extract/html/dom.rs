//! The page as html5ever builds it, kept in an arena of our own.
//!
//! html5ever's tree builder needs a mutable tree while it parses (it moves
//! nodes for misnested tags, tables and templates), so nodes are linked by
//! index: parent, first and last child, previous and next sibling. Only what
//! extraction reads is kept: element names and attributes as html5ever made
//! them, and text; comments, doctypes and processing instructions become
//! empty nodes. No generic DOM (scraper's ego-tree with its per-element
//! selectors state) sits in between, which is most of what parsing cost.

use html5ever::tendril::StrTendril;
use html5ever::{Attribute, QualName};

mod sink;

/// Index of a node in the arena; the document is node 0.
pub type NodeId = u32;

/// "No such node" in a link.
const NONE: NodeId = NodeId::MAX;

/// A parsed page.
#[derive(Debug)]
pub struct Dom {
    nodes: Vec<Node>,
}

/// An element: its name and attributes.
#[derive(Debug)]
pub struct Element {
    name: QualName,
    attrs: Vec<Attribute>,
}

/// What a node is.
#[derive(Debug)]
pub enum Data {
    /// The document, or a template's contents: a container with no tag.
    Container,
    /// An element.
    Element(Element),
    /// A run of text (adjacent runs are merged as they are appended).
    Text(StrTendril),
    /// A comment, doctype or processing instruction: nothing to read.
    Other,
}

#[derive(Debug)]
struct Node {
    parent: NodeId,
    first_child: NodeId,
    last_child: NodeId,
    prev: NodeId,
    next: NodeId,
    data: Data,
}

impl Node {
    fn new(data: Data) -> Self {
        Node { parent: NONE, first_child: NONE, last_child: NONE, prev: NONE, next: NONE, data }
    }
}

/// One step of a pre-order walk over a [`Dom`].
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// A node starts (its children follow, then its `Close`).
    Open(&'a Data),
    /// A node ends.
    Close(&'a Data),
}

impl Dom {
    /// Parses a page (or a body-only fragment) the way a browser would,
    /// except that nesting deeper than 512 elements (`depth::MAX_DEPTH`) is
    /// flattened.
    #[must_use]
    pub fn parse(html: &str) -> Self {
        sink::parse(html)
    }

    /// How many nodes the page has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the page has nothing but its document node.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// Walks the document in order without recursion, calling `visit` as each
    /// node opens and closes.
    pub fn walk<'a>(&'a self, mut visit: impl FnMut(Step<'a>)) {
        let mut at = 0;
        loop {
            let node = &self.nodes[at as usize];
            visit(Step::Open(&node.data));
            if node.first_child != NONE {
                at = node.first_child;
                continue;
            }
            // A leaf: close it, then climb until a node has a next sibling.
            let mut current = at;
            loop {
                let node = &self.nodes[current as usize];
                visit(Step::Close(&node.data));
                if current == 0 {
                    return;
                }
                if node.next != NONE {
                    at = node.next;
                    break;
                }
                current = node.parent;
                if current == NONE {
                    return;
                }
            }
        }
    }
}

impl Element {
    /// The element's local name (`"p"`, `"div"`).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name.local
    }

    /// The value of an attribute, by its local name.
    #[must_use]
    pub fn attr(&self, name: &str) -> Option<&str> {
        debug_assert!(
            super::prescan::READ_ATTRIBUTES.contains(&name)
                && super::prescan::READ_ONLY_ON
                    .iter()
                    .all(|&(only, on)| only != name || on == &*self.name.local),
            "attribute {name} of <{}> is removed before parsing: see prescan's READ lists",
            &*self.name.local
        );
        self.attrs.iter().find(|attr| &*attr.name.local == name).map(|attr| &*attr.value)
    }

    /// Every attribute as (local name, value), in source order.
    pub fn attrs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.attrs.iter().map(|attr| (&*attr.name.local, &*attr.value))
    }
}

#[cfg(test)]
mod tests;
