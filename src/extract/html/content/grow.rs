//! From the best-scoring element to the article's container: up to a
//! container the page names as the body (and its sibling parts), into one
//! inside the best element, or, without such names, to the ancestor that
//! also holds the article's other pieces (readability's shared ancestor,
//! then near ancestors whose extra content is mostly paragraphs).

use super::super::hints;
use super::super::stats::Stats;
use super::super::tag::Tag;
use super::super::tree::{ElId, Item, Tree};

/// How many ancestors above the best element the article may extend to.
const MAX_EXPANSION_LEVELS: usize = 4;

/// The article's container and the element inside it never pruned, from
/// the best-scoring element `best`.
pub(super) fn container(
    tree: &Tree<'_>,
    stats: &[Stats],
    ranked: &[(ElId, f32)],
    best: ElId,
) -> (ElId, ElId) {
    let top = body_within(tree, stats, best).unwrap_or(best);
    if let Some(body) = body_container(tree, stats, top) {
        return (split_body(tree, stats, body), body);
    }
    let top = through_only_children(tree, shared_ancestor(tree, ranked, top));
    (expand(tree, stats, top), top)
}

/// Whether `outer` is `inner` or one of its ancestors.
pub(super) fn contains(tree: &Tree<'_>, outer: ElId, inner: ElId) -> bool {
    let (outer, inner) = (tree.el(outer), tree.el(inner));
    outer.open <= inner.open && inner.close <= outer.close
}

pub(super) fn is_top_level(tree: &Tree<'_>, id: ElId) -> bool {
    matches!(tree.el(id).tag, Tag::Body | Tag::Html) || tree.el(id).parent == id
}

/// How far above the best candidate a body container is looked for.
const MAX_BODY_LEVELS: usize = 5;

/// A container named as an article body (`entry-content`, `articleBody`)
/// at or a little above the best candidate: the CMS says where the article
/// is, and no guess from the text says it better. The highest such
/// container within reach wins (`post-body` around `entry-content`); one
/// that is mostly links or other text is a page wrapper misnamed.
fn body_container(tree: &Tree<'_>, stats: &[Stats], top: ElId) -> Option<ElId> {
    let mut found = None;
    let mut at = top;
    for _ in 0..=MAX_BODY_LEVELS {
        let (el, st) = (tree.el(at), &stats[at as usize]);
        if el.hints.has(hints::BODY) && st.link_density() < 0.35 && st.good * 2 >= st.chars {
            found = Some(at);
        }
        if is_top_level(tree, el.parent) {
            break;
        }
        at = el.parent;
    }
    found
}

/// A body container with a sibling body container (the article split
/// around an advert, each part named as the body): their parent holds the
/// article. Otherwise the body container itself.
fn split_body(tree: &Tree<'_>, stats: &[Stats], body: ElId) -> ElId {
    let parent = tree.el(body).parent;
    if parent == body || is_top_level(tree, parent) {
        return body;
    }
    let mut at = tree.el(parent).open as usize + 1;
    while at < tree.el(parent).close as usize {
        if let Item::Open(child) = tree.items[at] {
            let st = &stats[child as usize];
            if child != body && tree.el(child).hints.has(hints::BODY) && !st.excluded && st.paras > 0 {
                return parent;
            }
            at = tree.el(child).close as usize;
        }
        at += 1;
    }
    body
}

/// A container named as an article body inside the best candidate that
/// holds most of its text: the candidate is the post around it (headline,
/// byline, share bar, tags), the body is the article. The outermost such
/// container, so that a body split in nested boxes stays whole.
fn body_within(tree: &Tree<'_>, stats: &[Stats], top: ElId) -> Option<ElId> {
    let top_good = stats[top as usize].good;
    let close = tree.el(top).close;
    ((top + 1) as usize..tree.els.len())
        .take_while(|&id| tree.els[id].open < close)
        .map(|id| id as ElId)
        .find(|&id| {
            let st = &stats[id as usize];
            tree.el(id).hints.has(hints::BODY) && !st.excluded && st.good * 10 >= top_good * 6
        })
}

/// Readability: when three of the best candidates score nearly as well as
/// the best and share an ancestor with it, the ancestor holds the article.
fn shared_ancestor(tree: &Tree<'_>, ranked: &[(ElId, f32)], top: ElId) -> ElId {
    let top_score = ranked[0].1;
    let close: Vec<ElId> =
        ranked.iter().skip(1).take(4).filter(|(_, s)| *s >= top_score * 0.75).map(|(id, _)| *id).collect();
    if close.len() < 3 {
        return top;
    }
    let mut ancestor = tree.el(top).parent;
    while !is_top_level(tree, ancestor) {
        if close.iter().filter(|&&id| contains(tree, ancestor, id)).count() >= 3 {
            return ancestor;
        }
        ancestor = tree.el(ancestor).parent;
    }
    top
}

/// An element alone in its parent says no more than the parent: climb.
fn through_only_children(tree: &Tree<'_>, mut top: ElId) -> ElId {
    loop {
        let parent = tree.el(top).parent;
        if is_top_level(tree, parent) || !is_only_child(tree, parent, top) {
            return top;
        }
        top = parent;
    }
}

fn is_only_child(tree: &Tree<'_>, parent: ElId, child: ElId) -> bool {
    let mut at = tree.el(parent).open as usize + 1;
    let end = tree.el(parent).close as usize;
    let mut seen = false;
    while at < end {
        match tree.items[at] {
            Item::Open(id) if id == child => {
                seen = true;
                at = tree.el(id).close as usize;
            }
            Item::Open(_) => return false,
            Item::Text(text) if !text.trim().is_empty() => return false,
            _ => {}
        }
        at += 1;
    }
    seen
}

/// Grows the choice to the highest near ancestor whose extra content is
/// mostly good paragraphs: the other pieces of a split article.
fn expand(tree: &Tree<'_>, stats: &[Stats], top: ElId) -> ElId {
    let base = stats[top as usize];
    let junk = |s: &Stats| s.chars.saturating_sub(s.good);
    let mut best = top;
    let mut ancestor = top;
    for _ in 0..MAX_EXPANSION_LEVELS {
        let parent = tree.el(ancestor).parent;
        if parent == ancestor || tree.el(parent).tag == Tag::Html {
            break;
        }
        ancestor = parent;
        let st = &stats[ancestor as usize];
        let extra_good = st.good.saturating_sub(base.good);
        let extra_junk = junk(st).saturating_sub(junk(&base));
        let extra_links = st.link_chars.saturating_sub(base.link_chars);
        // Two paragraphs at least: a lone one beside the article is its
        // standfirst or a caption, not a piece of the body.
        let extra_paras = st.paras.saturating_sub(base.paras);
        if extra_good >= 3 * extra_junk
            && extra_good * 3 >= base.good
            && extra_links * 5 <= extra_good
            && extra_paras >= 2
        {
            best = ancestor;
        }
        if tree.el(ancestor).tag == Tag::Body {
            break;
        }
    }
    best
}
