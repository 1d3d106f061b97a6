//! Finding the article: readability-style scoring picks the element that
//! holds the densest run of paragraphs, in a strict pass (furniture names
//! excluded) and a relaxed one (only comment threads excluded); `grow`
//! turns the best element into the article's container, and
//! [`Selection::drops`] (`prune`) says what inside it is not article (link
//! lists, bylines, share bars, forms).
//!
//! Everything here reads the per-element [`Stats`]; no pass re-reads text.

mod fallback;
mod grow;
mod prune;

pub use fallback::{Rescue, fallbacks, too_little};
pub use prune::Context;

use super::hints;
use super::site::Site;
use super::stats::{self, Stats};
use super::tag::Tag;
use super::tree::{ElId, Tree};
use grow::contains;

/// A selection with less good text than this is retried with relaxed rules.
const MIN_ARTICLE_CHARS: u32 = 250;
/// How many times more text the relaxed pass must find, in a box the
/// strict pass did not see, to overrule the names that hid it.
const HIDDEN_ARTICLE_FACTOR: u32 = 5;

/// The article's container and how to prune it.
#[derive(Debug)]
pub struct Selection {
    /// The element whose content is the article.
    pub root: ElId,
    /// The best-scoring element (inside `root`), never pruned nor its ancestors.
    pub top: ElId,
    /// Per-element counts from the pass that chose the root.
    pub stats: Vec<Stats>,
    /// Whether chrome was excluded (false after a relaxed retry).
    pub strict: bool,
    /// Whether only chrome is pruned, not boxes that look like furniture:
    /// the fallback after a selection was pruned to nothing.
    pub lenient: bool,
}

/// Picks the article's container.
#[must_use]
pub fn select(tree: &Tree<'_>, site: &Site) -> Option<Selection> {
    if tree.els.is_empty() {
        return None;
    }
    let strict = stats::measure(tree, site, true);
    let first = choose(tree, strict, true);
    let first_good = first.as_ref().map_or(0, |s| s.stats[s.root as usize].good);
    // The relaxed pass can only find a hidden article in text the strict
    // pass left out and the relaxed one reads: a bound on it, from the
    // text spans, spares the second pass on most pages.
    if first_good >= MIN_ARTICLE_CHARS && !may_hide(tree, first.as_ref(), HIDDEN_ARTICLE_FACTOR * first_good)
    {
        return first;
    }
    let relaxed = stats::measure(tree, site, false);
    let second = choose(tree, relaxed, false);
    // A name is evidence, not a verdict: when the relaxed pass finds an
    // article several times larger than the strict pass's, in a box the
    // strict pass did not see at all, a wrapper named like furniture
    // (`share_wrapper`, `paywall`) held it.
    let hidden = second.as_ref().filter(|s| !in_page_furniture(tree, s.root)).is_some_and(|s| {
        let seen = first.as_ref().map_or(0, |f| f.stats[s.top as usize].good);
        let good = s.stats[s.top as usize].good;
        seen == 0 && good >= HIDDEN_ARTICLE_FACTOR * first_good && good >= 2 * MIN_ARTICLE_CHARS
    });
    if first_good >= MIN_ARTICLE_CHARS && !hidden {
        return first;
    }
    let chosen = match (first, second) {
        // The relaxed root around the strict one adds only what the strict
        // pass left out on purpose (a sidebar, a footer).
        (Some(first), Some(second)) => {
            let better = !contains(tree, second.root, first.root)
                && second_good(&second) > first_good
                && !in_page_furniture(tree, second.root);
            if hidden || better { second } else { first }
        }
        (first, second) => second.or(first).unwrap_or_else(|| whole_page(tree, site)),
    };
    // A page with no article (a paywall, an error page) has only furniture:
    // the relaxed pass would present its footer as one.
    Some(chosen).filter(|s| !in_page_furniture(tree, s.root))
}

/// Whether some element the strict pass left out, and the relaxed pass
/// reads, has at least `bytes` bytes of text.
fn may_hide(tree: &Tree<'_>, first: Option<&Selection>, bytes: u32) -> bool {
    first.is_some_and(|first| {
        (0..tree.els.len() as ElId).any(|id| {
            first.stats[id as usize].excluded
                && tree.text_bytes(id) >= bytes
                && !stats::is_excluded(tree, id, false)
        })
    })
}

fn second_good(selection: &Selection) -> u32 {
    selection.stats[selection.root as usize].good
}

/// Whether `id` is, or sits inside, a footer, menu or aside.
pub(super) fn in_page_furniture(tree: &Tree<'_>, mut id: ElId) -> bool {
    loop {
        let el = tree.el(id);
        // An `<aside class=blogPost>` is a post set aside by its markup, not
        // a sidebar: a name that says article outweighs the tag.
        let named_article = el.hints.has(hints::BODY | hints::POSITIVE);
        if matches!(el.tag, Tag::Nav | Tag::Footer) || el.tag == Tag::Aside && !named_article {
            return true;
        }
        if el.parent == id {
            return false;
        }
        id = el.parent;
    }
}

/// No scored container: the body (or the root element) is the article.
fn whole_page(tree: &Tree<'_>, site: &Site) -> Selection {
    let root = tree.els.iter().position(|el| el.tag == Tag::Body).unwrap_or(0) as ElId;
    Selection { root, top: root, stats: stats::measure(tree, site, false), strict: false, lenient: false }
}

fn tag_bonus(tag: Tag) -> f32 {
    match tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section | Tag::Block => 5.0,
        Tag::Pre | Tag::Cell | Tag::Blockquote => 3.0,
        Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Li | Tag::Form => -3.0,
        Tag::Heading(_) => -5.0,
        _ => 0.0,
    }
}

/// The candidate score: content score plus tag and class bonuses, scaled
/// down by link density. `None` for elements that are no candidates.
fn final_score(tree: &Tree<'_>, stats: &[Stats], id: ElId) -> Option<f32> {
    let el = tree.el(id);
    let st = &stats[id as usize];
    if st.excluded || st.score <= 0.0 || !el.tag.is_container() {
        return None;
    }
    // A name is evidence weighed against the text: a content-like name
    // says nothing of a box with one paragraph (a tab panel named
    // `content` around one blurb), which must not outrank the unnamed box
    // of the article's paragraphs.
    let weight = f32::from(el.hints.weight);
    let name = if weight > 0.0 && st.paras < 2 { 0.0 } else { weight };
    let base = st.score + tag_bonus(el.tag) + name;
    Some(base * (1.0 - st.link_density()))
}

fn choose(tree: &Tree<'_>, stats: Vec<Stats>, strict: bool) -> Option<Selection> {
    let mut ranked: Vec<(ElId, f32)> = (0..tree.els.len() as ElId)
        .filter_map(|id| final_score(tree, &stats, id).map(|score| (id, score)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let &(top, top_score) = ranked.first()?;
    if top_score <= 0.0 {
        return None;
    }
    let (root, top) = grow::container(tree, &stats, &ranked, top);
    Some(Selection { root, top, stats, strict, lenient: false })
}

#[cfg(test)]
mod tests;
