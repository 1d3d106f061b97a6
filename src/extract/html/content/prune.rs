//! Pruning inside the chosen container: what is left out of the article
//! (chrome, bylines, credits, caption boxes) and readability's conditional
//! cleaning of boxes that look like furniture (link lists, galleries,
//! forms, embeds), weighed against how much of the article a box holds.

use super::super::hints;
use super::super::stats;
use super::super::tag::Tag;
use super::super::tree::{ElId, Tree};
use super::Selection;
use super::grow::contains;

/// More unlinked text than this is no byline, date or tag line.
const MAX_META_CHARS: u32 = 200;

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
        if self.lenient {
            return false;
        }
        // A byline or a dateline is a line: a "byline" span around
        // hundreds of characters of running text is a misnamed wrapper.
        if el.hints.has(hints::META)
            && st.paras == 0
            && st.chars.saturating_sub(st.link_chars) < MAX_META_CHARS
        {
            return true;
        }
        // A box that holds most of the article's good text is its body,
        // whatever its name, embeds or comment form say; so is a box named
        // as one (a list of links can be an article: a roundup).
        if st.good * 2 > self.stats[self.root as usize].good || el.hints.has(hints::BODY) {
            return false;
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
        // Paragraphs written as `<div>` runs or `<br>` breaks count as
        // much as `<p>` ones against images and inputs.
        let p = st.p_count.max(st.paras) as f32;
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
