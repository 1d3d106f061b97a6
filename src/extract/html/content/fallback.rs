//! The safety net: when the chosen container comes out of pruning and
//! tidying with nothing (or far less than it held), the article is taken
//! again with fewer rules: the same container pruned of chrome only, then
//! the page's main text found by density (the smallest box that holds most
//! of its paragraphs). A page whose only text is menus and footers still
//! has no article.

use super::super::site::Site;
use super::super::stats;
use super::super::tag::Tag;
use super::super::tree::{ElId, Item, Tree};
use super::{Selection, in_page_furniture};
use crate::model::Block;

/// Share of a box's paragraph text its article must at least keep.
const MIN_KEPT_SHARE: usize = 4;
/// Share of the page's paragraph text (in tenths) the main-text box holds.
const MAIN_TEXT_TENTHS: u32 = 8;

/// Whether the blocks made from `selection` are too little of what it
/// held: none, or under a quarter of its best element's paragraph text.
#[must_use]
pub fn too_little(blocks: &[Block], selection: Option<&Selection>) -> bool {
    let kept: usize = blocks.iter().map(|b| b.text().len()).sum();
    let held = selection.map_or(0, |s| s.stats[s.top as usize].good as usize);
    kept == 0 || kept * MIN_KEPT_SHARE < held
}

/// Which net caught the article when the chosen container came out too
/// little (logged with the extraction's other decisions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rescue {
    /// The same container, pruned of chrome only.
    Lenient,
    /// The page's main text, found by density.
    MainText,
}

/// The selections to try, in order, after `failed` came out too little.
#[must_use]
pub fn fallbacks(tree: &Tree<'_>, site: &Site, failed: Option<&Selection>) -> Vec<(Rescue, Selection)> {
    let mut out = Vec::new();
    if let Some(failed) = failed {
        let lenient = Selection {
            root: failed.root,
            top: failed.top,
            stats: failed.stats.clone(),
            strict: failed.strict,
            lenient: true,
        };
        out.push((Rescue::Lenient, lenient));
    }
    if let Some(main) = main_text(tree, site) {
        out.push((Rescue::MainText, main));
    }
    out
}

/// The page's main text by density: from the body down, the child that
/// still holds most of the paragraph text, as deep as one does. Comment
/// threads are left out (as in any relaxed pass), and so is furniture.
fn main_text(tree: &Tree<'_>, site: &Site) -> Option<Selection> {
    let stats = stats::measure(tree, site, false);
    let body = tree.els.iter().position(|el| el.tag == Tag::Body).unwrap_or(0) as ElId;
    let total = stats.get(body as usize)?.good;
    if total == 0 {
        return None;
    }
    let mut root = body;
    'down: loop {
        let el = tree.el(root);
        let mut at = el.open as usize + 1;
        while at < el.close as usize {
            if let Item::Open(child) = tree.items[at] {
                if stats[child as usize].good * 10 >= total * MAIN_TEXT_TENTHS {
                    root = child;
                    continue 'down;
                }
                at = tree.el(child).close as usize;
            }
            at += 1;
        }
        break;
    }
    (!in_page_furniture(tree, root)).then_some(Selection {
        root,
        top: root,
        stats,
        strict: false,
        lenient: true,
    })
}

#[cfg(test)]
mod tests;
