//! Finding the article: readability-style scoring picks the element that
//! holds the densest run of paragraphs; the choice then grows to the
//! ancestor that also holds the article's other pieces (articles split by
//! figures, ads or "read more" boxes), and [`Selection::drops`] prunes what
//! inside it is not article (link lists, bylines, share bars, forms).
//!
//! Everything here reads the per-element [`Stats`]; no pass re-reads text.

use super::hints;
use super::site::Site;
use super::stats::{self, Stats};
use super::tag::Tag;
use super::tree::{ElId, Item, Tree};

/// A selection with less good text than this is retried with relaxed rules.
const MIN_ARTICLE_CHARS: u32 = 250;
/// How many ancestors above the best element the article may extend to.
const MAX_EXPANSION_LEVELS: usize = 4;

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
}

/// Picks the article's container.
#[must_use]
pub fn select(tree: &Tree<'_>, site: &Site) -> Option<Selection> {
    if tree.els.is_empty() {
        return None;
    }
    let strict = stats::measure(tree, site, true);
    let first = choose(tree, strict, true);
    if let Some(selection) = &first
        && selection.stats[selection.root as usize].good >= MIN_ARTICLE_CHARS
    {
        return first;
    }
    let relaxed = stats::measure(tree, site, false);
    let second = choose(tree, relaxed, false);
    let good = |s: &Option<Selection>| s.as_ref().map_or(0, |s| s.stats[s.root as usize].good);
    let chosen = if good(&second) > good(&first) { second } else { first };
    // The relaxed pass counts footers and menus too: on a page with no
    // article (a paywall, an error page) it would present the footer as one.
    chosen.or_else(|| Some(whole_page(tree, site))).filter(|s| !in_page_furniture(tree, s.root))
}

/// Whether `id` is, or sits inside, a footer, menu or aside.
fn in_page_furniture(tree: &Tree<'_>, mut id: ElId) -> bool {
    loop {
        let el = tree.el(id);
        if matches!(el.tag, Tag::Nav | Tag::Aside | Tag::Footer) {
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
    Selection { root, top: root, stats: stats::measure(tree, site, false), strict: false }
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
    let base = st.score + tag_bonus(el.tag) + f32::from(el.hints.weight);
    Some(base * (1.0 - st.link_density()))
}

fn choose(tree: &Tree<'_>, stats: Vec<Stats>, strict: bool) -> Option<Selection> {
    let mut ranked: Vec<(ElId, f32)> = (0..tree.els.len() as ElId)
        .filter_map(|id| final_score(tree, &stats, id).map(|score| (id, score)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let &(mut top, top_score) = ranked.first()?;
    if top_score <= 0.0 {
        return None;
    }
    top = shared_ancestor(tree, &ranked, top);
    top = through_only_children(tree, top);
    let root = expand(tree, &stats, top);
    Some(Selection { root, top, stats, strict })
}

fn contains(tree: &Tree<'_>, outer: ElId, inner: ElId) -> bool {
    let (outer, inner) = (tree.el(outer), tree.el(inner));
    outer.open <= inner.open && inner.close <= outer.close
}

fn is_top_level(tree: &Tree<'_>, id: ElId) -> bool {
    matches!(tree.el(id).tag, Tag::Body | Tag::Html) || tree.el(id).parent == id
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
            && extra_good * 10 >= base.good
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

/// Where the converter is when it asks about an element.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// Inside a `<figure>`.
    pub in_figure: bool,
    /// Inside a `<figcaption>` or a table `<caption>`.
    pub in_caption: bool,
    /// Inside a quotation (whose `<footer>` names its source).
    pub in_quote: bool,
}

impl Selection {
    /// Whether the element (inside the root) is left out of the article.
    #[must_use]
    pub fn drops(&self, tree: &Tree<'_>, id: ElId, context: Context) -> bool {
        let el = tree.el(id);
        if el.tag.is_skipped() {
            return true;
        }
        if id == self.root || contains(tree, id, self.top) || el.tag == Tag::Footer && context.in_quote {
            return false;
        }
        let st = &self.stats[id as usize];
        // After a relaxed retry, chrome without paragraphs still goes: the
        // retry was for the misnamed wrapper that holds the article.
        if st.excluded || stats::is_excluded(tree, id, true) && (self.strict || st.paras == 0) {
            return true;
        }
        if el.hints.has(hints::META) && st.paras == 0 {
            return true;
        }
        if el.hints.has(hints::CREDIT) && st.paras <= 1 {
            return true;
        }
        // Caption boxes are mostly agency captions repeated around pictures;
        // inside a `<figcaption>` a caption name marks that caption's text.
        if el.hints.has(hints::CAPTION)
            && !context.in_caption
            && !matches!(el.tag, Tag::Figure | Tag::Figcaption)
            && st.paras <= 1
        {
            return true;
        }
        if matches!(el.tag, Tag::Heading(_)) {
            return el.hints.weight < 0 && st.link_density() > 0.5;
        }
        self.cleans_conditionally(tree, id, context.in_figure)
    }

    /// Readability's conditional cleaning of boxes that look like page
    /// furniture: link lists, image galleries, forms, embeds.
    fn cleans_conditionally(&self, tree: &Tree<'_>, id: ElId, in_figure: bool) -> bool {
        let el = tree.el(id);
        if !matches!(
            el.tag,
            Tag::Div
                | Tag::Section
                | Tag::Ul
                | Tag::Ol
                | Tag::Table
                | Tag::Form
                | Tag::Aside
                | Tag::Header
                | Tag::Footer
                | Tag::Dl
                | Tag::Block
                | Tag::Nav
        ) {
            return false;
        }
        let st = &self.stats[id as usize];
        let weight = f32::from(el.hints.weight);
        if weight + st.score < 0.0 {
            return true;
        }
        if st.commas >= 10 {
            return false;
        }
        let is_list = matches!(el.tag, Tag::Ul | Tag::Ol) || st.lis > 0 && st.paras <= st.lis;
        let link_density = st.link_density();
        let p = st.p_count as f32;
        let chars = st.chars;
        let heading_share = if chars == 0 { 0.0 } else { st.heading_chars as f32 / chars as f32 };
        (st.imgs > 1 && p / (st.imgs as f32) < 0.5 && !in_figure)
            || (!is_list && st.lis as f32 > p + 100.0)
            || (st.inputs as f32 > (p / 3.0).floor() && st.inputs > 0)
            || (!is_list
                && heading_share < 0.9
                && chars < 25
                && (st.imgs == 0 || st.imgs > 2)
                && link_density > 0.0)
            || (!is_list && weight < 25.0 && link_density > 0.2 && st.paras == 0)
            || (weight >= 25.0 && link_density > 0.5)
            || ((st.embeds == 1 && chars < 75) || st.embeds > 1)
            || (is_list && link_density > 0.5 && st.good == 0 && st.internal_link_chars * 2 > st.link_chars)
    }
}

#[cfg(test)]
mod tests;
