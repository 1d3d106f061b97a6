//! The tree builder's side of parsing: html5ever builds the page into the
//! arena through [`Sink`], with the nesting cap between its tokenizer and
//! tree builder.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{
    ElemName, ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, LocalName, Namespace, QualName, TokenizerResult, local_name, ns};

use super::super::depth::DepthCap;
use super::{Data, Dom, Element, NONE, Node, NodeId};

/// Parses `html` into a [`Dom`]: see [`Dom::parse`].
pub(super) fn parse(html: &str) -> Dom {
    let sink = Sink {
        nodes: RefCell::new(vec![Node::new(Data::Container)]),
        placeholder: QualName::new(None, ns!(html), local_name!("div")),
    };
    let builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
    let tokenizer = Tokenizer::new(DepthCap::new(builder), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    // The tokenizer pauses after each script and at a `<meta charset>`:
    // there is nothing to run, and the text is decoded already.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.inner.sink.finish()
}

/// The tree builder's view of the arena while parsing.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Answered for a handle that is not an element, which the tree builder
    /// never asks about: a wrong answer is better than a panic.
    placeholder: QualName,
}

impl Sink {
    fn push(&self, data: Data) -> NodeId {
        push(&mut self.nodes.borrow_mut(), data)
    }
}

/// Adds a detached node to the arena.
fn push(nodes: &mut Vec<Node>, data: Data) -> NodeId {
    nodes.push(Node::new(data));
    (nodes.len() - 1) as NodeId
}

/// Text for beside `neighbour`: merged into it when it is a text node (the
/// tree builder wants adjacent text as one node), else a new detached node,
/// returned for the caller to link.
fn text_node(nodes: &mut Vec<Node>, neighbour: NodeId, text: StrTendril) -> Option<NodeId> {
    if neighbour != NONE
        && let Data::Text(existing) = &mut nodes[neighbour as usize].data
    {
        existing.push_tendril(&text);
        return None;
    }
    Some(push(nodes, Data::Text(text)))
}

/// An element's name as the tree builder asks for it.
#[derive(Debug)]
enum Name<'a> {
    Element(Ref<'a, QualName>),
    Placeholder(&'a QualName),
}

impl Name<'_> {
    fn qual(&self) -> &QualName {
        match self {
            Name::Element(name) => name,
            Name::Placeholder(name) => name,
        }
    }
}

impl ElemName for Name<'_> {
    fn ns(&self) -> &Namespace {
        &self.qual().ns
    }

    fn local_name(&self) -> &LocalName {
        &self.qual().local
    }
}

/// Unlinks a node from its parent and siblings.
fn detach(nodes: &mut [Node], id: NodeId) {
    let (parent, prev, next) = {
        let node = &nodes[id as usize];
        (node.parent, node.prev, node.next)
    };
    if parent == NONE {
        return;
    }
    if prev == NONE {
        nodes[parent as usize].first_child = next;
    } else {
        nodes[prev as usize].next = next;
    }
    if next == NONE {
        nodes[parent as usize].last_child = prev;
    } else {
        nodes[next as usize].prev = prev;
    }
    let node = &mut nodes[id as usize];
    node.parent = NONE;
    node.prev = NONE;
    node.next = NONE;
}

/// Links a detached node as the last child of `parent`.
fn append_node(nodes: &mut [Node], parent: NodeId, id: NodeId) {
    let last = nodes[parent as usize].last_child;
    {
        let node = &mut nodes[id as usize];
        node.parent = parent;
        node.prev = last;
        node.next = NONE;
    }
    if last == NONE {
        nodes[parent as usize].first_child = id;
    } else {
        nodes[last as usize].next = id;
    }
    nodes[parent as usize].last_child = id;
}

/// Links a detached node just before `sibling`, which has a parent.
fn insert_before(nodes: &mut [Node], sibling: NodeId, id: NodeId) {
    let (parent, prev) = {
        let node = &nodes[sibling as usize];
        (node.parent, node.prev)
    };
    {
        let node = &mut nodes[id as usize];
        node.parent = parent;
        node.prev = prev;
        node.next = sibling;
    }
    nodes[sibling as usize].prev = id;
    if prev == NONE {
        nodes[parent as usize].first_child = id;
    } else {
        nodes[prev as usize].next = id;
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Dom {
        Dom { nodes: self.nodes.into_inner() }
    }

    // Parse errors are how every real page looks; nothing to report.
    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name<'a> {
        Ref::filter_map(self.nodes.borrow(), |nodes| {
            match nodes.get(*target as usize).map(|node| &node.data) {
                Some(Data::Element(element)) => Some(&element.name),
                _ => None,
            }
        })
        .map_or(Name::Placeholder(&self.placeholder), Name::Element)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> NodeId {
        let template = name.ns == ns!(html) && name.local == local_name!("template");
        let id = self.push(Data::Element(Element { name, attrs }));
        if template {
            // The template's contents live in a container of their own,
            // linked under it so that a walk reads them in place.
            let contents = self.push(Data::Container);
            append_node(&mut self.nodes.borrow_mut(), id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(Data::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => {
                detach(&mut nodes, id);
                append_node(&mut nodes, *parent, id);
            }
            NodeOrText::AppendText(text) => {
                let last = nodes[*parent as usize].last_child;
                if let Some(id) = text_node(&mut nodes, last, text) {
                    append_node(&mut nodes, *parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow()[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let nodes = self.nodes.borrow();
        match nodes.get(*target as usize) {
            Some(node) if node.first_child != NONE => node.first_child,
            // Not a template (the tree builder never asks): its own children.
            _ => *target,
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeOrText::AppendNode(id) = &new_node {
            detach(&mut nodes, *id);
        }
        if nodes[*sibling as usize].parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => insert_before(&mut nodes, *sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = nodes[*sibling as usize].prev;
                if let Some(id) = text_node(&mut nodes, prev, text) {
                    insert_before(&mut nodes, *sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Node { data: Data::Element(element), .. }) = nodes.get_mut(*target as usize) {
            for attr in attrs {
                if !element.attrs.iter().any(|have| have.name == attr.name) {
                    element.attrs.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node as usize].first_child;
        while child != NONE {
            let next = nodes[child as usize].next;
            detach(&mut nodes, child);
            append_node(&mut nodes, *new_parent, child);
            child = next;
        }
    }
}
