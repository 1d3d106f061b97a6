//! Finding the article's container(s): readability-style scoring of the
//! elements that hold paragraphs, then merging the siblings that belong to the
//! same article. One pass over the tree; no recursion.

use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::hints;

/// Below this many characters a text run is not a paragraph but a label.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// A selection shorter than this is retried with relaxed rules.
const MIN_ARTICLE_CHARS: usize = 250;

/// The containers to convert, in document order, and whether chrome inside
/// them is to be skipped (false after a relaxed retry).
#[derive(Debug, Clone)]
pub struct Selection {
    /// Elements whose content is the article.
    pub roots: Vec<NodeId>,
    /// Whether chrome-classed elements inside the roots are dropped.
    pub skip_chrome: bool,
}

#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    text_chars: usize,
    link_chars: usize,
    inline_chars: usize,
    inline_commas: usize,
}

/// Picks the article's containers.
#[must_use]
pub fn select(dom: &Html) -> Selection {
    for skip_chrome in [true, false] {
        let scored = score(dom, skip_chrome);
        if let Some(roots) = best_roots(dom, &scored) {
            let chars: usize = roots.iter().map(|id| scored.stats.get(id).map_or(0, |s| s.text_chars)).sum();
            if chars >= MIN_ARTICLE_CHARS || !skip_chrome {
                return Selection { roots, skip_chrome };
            }
        }
    }
    Selection { roots: vec![dom.tree.root().id()], skip_chrome: false }
}

struct Scored {
    stats: HashMap<NodeId, Stats>,
    scores: HashMap<NodeId, f64>,
}

fn score(dom: &Html, skip_chrome: bool) -> Scored {
    let mut stats: HashMap<NodeId, Stats> = HashMap::new();
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    // Open elements, innermost last, with what has been counted inside them.
    let mut stack: Vec<(NodeId, Stats)> = Vec::new();
    let mut link_depth = 0usize;
    let mut skipping: Option<NodeId> = None;
    for edge in dom.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        if hints::is_skipped_tag(el.name()) || skip_chrome && hints::is_chrome(el) {
                            skipping = Some(node.id());
                            continue;
                        }
                        if el.name() == "a" {
                            link_depth += 1;
                        }
                        stack.push((node.id(), Stats::default()));
                    }
                    Node::Text(text) => {
                        let chars = text.trim().chars().count();
                        let commas = text.matches([',', '，', '、', '،']).count();
                        if let Some((_, top)) = stack.last_mut() {
                            top.text_chars += chars;
                            top.inline_chars += chars;
                            top.inline_commas += commas;
                            if link_depth > 0 {
                                top.link_chars += chars;
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(skip) = skipping {
                    if skip == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                let Node::Element(el) = node.value() else { continue };
                let Some((id, own)) = stack.pop() else { continue };
                if el.name() == "a" {
                    link_depth = link_depth.saturating_sub(1);
                }
                let is_block = hints::is_block_tag(el.name());
                if let Some((_, parent)) = stack.last_mut() {
                    parent.text_chars += own.text_chars;
                    parent.link_chars += own.link_chars;
                    if !is_block {
                        // Inline children's text belongs to the enclosing paragraph.
                        parent.inline_chars += own.inline_chars;
                        parent.inline_commas += own.inline_commas;
                    }
                }
                if is_block && own.inline_chars >= MIN_PARAGRAPH_CHARS {
                    let points = 1.0 + own.inline_commas as f64 + (own.inline_chars as f64 / 100.0).min(3.0);
                    let ancestors = stack.iter().rev().take(3).enumerate();
                    for (distance, (ancestor, _)) in ancestors {
                        *scores.entry(*ancestor).or_default() += points / (distance as f64 + 1.0);
                    }
                    // A text-holding div is its own candidate too (pages without <p>).
                    if el.name() != "p" {
                        *scores.entry(id).or_default() += points;
                    }
                }
                stats.insert(id, own);
            }
        }
    }
    Scored { stats, scores }
}

fn final_score(dom: &Html, scored: &Scored, id: NodeId) -> Option<f64> {
    let raw = *scored.scores.get(&id)?;
    let node = dom.tree.get(id)?;
    let el = node.value().as_element()?;
    let tag_bonus = match el.name() {
        "article" | "main" => 10.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" | "address" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let stats = scored.stats.get(&id).copied().unwrap_or_default();
    let link_density =
        if stats.text_chars == 0 { 0.0 } else { stats.link_chars as f64 / stats.text_chars as f64 };
    Some((raw + tag_bonus + hints::class_weight(el)) * (1.0 - link_density))
}

fn best_roots(dom: &Html, scored: &Scored) -> Option<Vec<NodeId>> {
    let (top, top_score) = scored
        .scores
        .keys()
        .filter_map(|&id| final_score(dom, scored, id).map(|s| (id, s)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    if top_score <= 0.0 {
        return None;
    }
    let top_node = dom.tree.get(top)?;
    let Some(parent) = top_node.parent() else { return Some(vec![top]) };
    let threshold = (top_score * 0.2).max(10.0);
    let mut roots = Vec::new();
    for sibling in parent.children() {
        if sibling.id() == top {
            roots.push(top);
            continue;
        }
        let Some(el) = sibling.value().as_element() else { continue };
        if hints::is_skipped_tag(el.name()) || hints::is_chrome(el) {
            continue;
        }
        let sibling_score = final_score(dom, scored, sibling.id()).unwrap_or(0.0);
        let stats = scored.stats.get(&sibling.id()).copied().unwrap_or_default();
        let link_density =
            if stats.text_chars == 0 { 1.0 } else { stats.link_chars as f64 / stats.text_chars as f64 };
        let paragraph_like = el.name() == "p" && stats.text_chars > 80 && link_density < 0.25;
        if sibling_score >= threshold || paragraph_like {
            roots.push(sibling.id());
        }
    }
    Some(roots)
}
