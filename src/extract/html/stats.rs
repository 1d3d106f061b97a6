//! What each element holds: text, links, paragraphs, images, form controls,
//! and a readability-style content score. One bottom-up pass over the
//! arena's items with a stack of open elements; every figure is a plain sum,
//! so the whole pass is linear in the size of the page.

use super::hints;
use super::site::Site;
use super::tag::Tag;
use super::tree::{ElId, Item, Tree};

/// Below this many characters a run of text is a label, not a paragraph.
pub const MIN_PARAGRAPH_CHARS: u32 = 25;

/// Counts for one element's subtree (all zero for an excluded element).
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    /// Visible characters (whitespace not counted; CJK counted twice, since
    /// one of those characters carries about a word).
    pub chars: u32,
    /// Characters inside links.
    pub link_chars: u32,
    /// Characters inside links to the page's own site.
    pub internal_link_chars: u32,
    /// Characters in good paragraphs (long enough, not mostly links).
    pub good: u32,
    /// Number of good paragraphs.
    pub paras: u32,
    /// Commas (of several scripts).
    pub commas: u32,
    /// `<p>` elements.
    pub p_count: u32,
    /// Images.
    pub imgs: u32,
    /// List items.
    pub lis: u32,
    /// Form controls.
    pub inputs: u32,
    /// Embedded frames, objects and players.
    pub embeds: u32,
    /// Characters inside headings.
    pub heading_chars: u32,
    /// Block containers below (paragraphs, divs, lists, tables, headings…),
    /// which tell a layout table from a data table.
    pub boxes: u32,
    /// Readability content score gathered from paragraphs below.
    pub score: f32,
    /// Whether the element was left out (skipped tag, or chrome when strict).
    pub excluded: bool,
}

impl Stats {
    /// Share of the text that sits in links.
    #[must_use]
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 { 0.0 } else { self.link_chars as f32 / self.chars as f32 }
    }

    fn absorb(&mut self, child: &Self) {
        self.chars += child.chars;
        self.link_chars += child.link_chars;
        self.internal_link_chars += child.internal_link_chars;
        self.good += child.good;
        self.paras += child.paras;
        self.commas += child.commas;
        self.p_count += child.p_count;
        self.imgs += child.imgs;
        self.lis += child.lis;
        self.inputs += child.inputs;
        self.embeds += child.embeds;
        self.heading_chars += child.heading_chars;
        self.boxes += child.boxes;
    }
}

/// An open element while the pass runs: the paragraph text it holds
/// directly (or through inline descendants).
struct Frame {
    id: ElId,
    inline_chars: u32,
    inline_links: u32,
    inline_commas: u32,
    link: Link,
    /// For a block: the inline characters it held at its last `<br>`.
    break_at: Option<u32>,
    /// For a block: whether `<br><br>` has split its text into paragraphs.
    split: bool,
    /// Whether a heading named as furniture came: what follows it here
    /// is that furniture.
    furniture: bool,
}

/// How many inline elements (`font`, `span`) between a `<br>` and its
/// block are looked through: pages nest them, rarely deeply.
const MAX_INLINE_SCAN: usize = 8;

/// Whether text is inside a link, and where the link goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Link {
    None,
    Internal,
    External,
}

/// Whether the pass leaves the element out: skipped tags and comment
/// threads always; other chrome, hidden elements, navigation, asides and
/// footers when `strict`. A chrome name on a link or an emphasis inside
/// running text (`<a class=popup>`) does not make the words chrome.
#[must_use]
pub fn is_excluded(tree: &Tree<'_>, id: ElId, strict: bool) -> bool {
    let el = tree.el(id);
    let in_running_text = matches!(el.tag, Tag::A | Tag::Emphasis | Tag::Strong | Tag::Code);
    el.tag.is_skipped()
        || el.hints.has(hints::STRONG_CHROME) && !in_running_text
        || strict
            && (el.hints.has(hints::HIDDEN)
                || el.hints.has(hints::CHROME) && !in_running_text
                || matches!(el.tag, Tag::Nav | Tag::Aside | Tag::Footer))
}

/// Measures every element of the tree; `site` tells internal links.
#[must_use]
pub fn measure(tree: &Tree<'_>, site: &Site, strict: bool) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); tree.els.len()];
    let mut stack: Vec<Frame> = Vec::new();
    let mut at = 0usize;
    while at < tree.items.len() {
        match tree.items[at] {
            Item::Open(id) => {
                let in_furniture = stack.last().is_some_and(|f| f.furniture);
                let anchored = opens_with_thread_anchor(tree, id);
                if in_furniture || anchored || is_excluded(tree, id, strict) {
                    stats[id as usize].excluded = true;
                    if let Some(parent) = stack.last_mut() {
                        count_control(tree, id, &mut stats[parent.id as usize]);
                        // "Comments", "Related stories": a heading named as
                        // furniture heads the rest of its container.
                        let el = tree.el(id);
                        parent.furniture |=
                            anchored || matches!(el.tag, Tag::Heading(_)) && el.hints.has(hints::CHROME);
                    }
                    at = tree.el(id).close as usize + 1;
                    continue;
                }
                let el = tree.el(id);
                let outer = stack.last().map_or(Link::None, |f| f.link);
                let link = match (outer, el.tag) {
                    (Link::None, Tag::A) => match el.href {
                        Some(href) if site.is_internal(href) => Link::Internal,
                        _ => Link::External,
                    },
                    _ => outer,
                };
                let own = &mut stats[id as usize];
                match el.tag {
                    Tag::P => own.p_count = 1,
                    Tag::Img => own.imgs = 1,
                    Tag::Li => own.lis = 1,
                    _ => {}
                }
                if is_box(el.tag) {
                    own.boxes = 1;
                }
                if el.tag == Tag::Br {
                    line_break(tree, &mut stats, &mut stack);
                }
                stack.push(Frame {
                    id,
                    inline_chars: 0,
                    inline_links: 0,
                    inline_commas: 0,
                    link,
                    break_at: None,
                    split: false,
                    furniture: false,
                });
            }
            Item::Text(text) => {
                if let Some(frame) = stack.last_mut().filter(|f| !f.furniture) {
                    let (chars, commas) = measure_text(text);
                    frame.inline_chars += chars;
                    frame.inline_commas += commas;
                    let own = &mut stats[frame.id as usize];
                    own.chars += chars;
                    own.commas += commas;
                    if frame.link != Link::None {
                        frame.inline_links += chars;
                        own.link_chars += chars;
                    }
                    if frame.link == Link::Internal {
                        own.internal_link_chars += chars;
                    }
                }
            }
            Item::Close(_) => {
                if let Some(frame) = stack.pop() {
                    close(tree, &mut stats, &mut stack, &frame);
                }
            }
        }
        at += 1;
    }
    stats
}

/// Whether `id` is a heading that opens with the anchor blogs put at the
/// top of a comment thread (`<h2><a id=comments></a>Comments</h2>`): the
/// anchor names the heading, which heads the thread.
fn opens_with_thread_anchor(tree: &Tree<'_>, id: ElId) -> bool {
    let el = tree.el(id);
    if !matches!(el.tag, Tag::Heading(_)) {
        return false;
    }
    let first = tree.items[el.open as usize + 1..el.close as usize]
        .iter()
        .find(|item| !matches!(item, Item::Text(text) if text.trim().is_empty()));
    first.is_some_and(|item| match *item {
        Item::Open(child) => {
            let anchor = tree.el(child);
            anchor.tag == Tag::A && anchor.href.is_none() && anchor.hints.has(hints::STRONG_CHROME)
        }
        _ => false,
    })
}

fn count_control(tree: &Tree<'_>, id: ElId, parent: &mut Stats) {
    match tree.el(id).element.name() {
        // Readability counts text inputs only: buttons sit in figures too.
        "input" | "select" | "textarea" => parent.inputs += 1,
        "iframe" | "embed" | "object" | "video" | "audio" => parent.embeds += 1,
        _ => {}
    }
}

/// `<br><br>` inside a block ends a paragraph, as `</p>` would: pages
/// written without `<p>` (a blog post, a layout cell) have their paragraphs
/// counted and scored one by one, for the block that holds them.
fn line_break(tree: &Tree<'_>, stats: &mut [Stats], stack: &mut [Frame]) {
    let Some(block) = stack.iter().rev().take(MAX_INLINE_SCAN + 1).position(|f| tree.el(f.id).tag.is_block())
    else {
        return;
    };
    let block = stack.len() - 1 - block;
    let tag = tree.el(stack[block].id).tag;
    if !scores_paragraphs(tag) {
        return;
    }
    let pending: u32 = stack[block..].iter().map(|f| f.inline_chars).sum();
    if pending == 0 || stack[block].break_at != Some(pending) {
        stack[block].break_at = Some(pending);
        return;
    }
    let (mut links, mut commas) = (0, 0);
    for frame in &mut stack[block..] {
        links += frame.inline_links;
        commas += frame.inline_commas;
        (frame.inline_chars, frame.inline_links, frame.inline_commas) = (0, 0, 0);
    }
    stack[block].break_at = Some(0);
    stack[block].split = true;
    let chain = stack[..=block].iter().rev().map(|f| f.id);
    paragraph(tree, stats, chain, (pending, links, commas));
}

/// Counts a paragraph of `(characters, link characters, commas)`, when it
/// is long enough and not mostly links, for the first block of `chain` (its
/// parent, then the parent's ancestors).
fn paragraph(
    tree: &Tree<'_>,
    stats: &mut [Stats],
    mut chain: impl Iterator<Item = ElId>,
    text: (u32, u32, u32),
) {
    let (chars, links, commas) = text;
    let Some(block) = chain.next() else { return };
    if chars < MIN_PARAGRAPH_CHARS || links * 2 >= chars {
        return;
    }
    stats[block as usize].good += chars;
    stats[block as usize].paras += 1;
    let points = 1.0 + commas as f32 + (chars as f32 / 100.0).min(3.0);
    give_points(tree, stats, std::iter::once(block).chain(chain), points);
}

fn close(tree: &Tree<'_>, stats: &mut [Stats], stack: &mut [Frame], frame: &Frame) {
    let el = tree.el(frame.id);
    let tag = el.tag;
    if let Tag::Heading(_) = tag {
        stats[frame.id as usize].heading_chars += frame.inline_chars;
    }
    if tag.is_block() && frame.split {
        // The text after the last `<br><br>` is one more of its paragraphs.
        let chain = std::iter::once(frame.id).chain(stack.iter().rev().map(|f| f.id));
        paragraph(tree, stats, chain, (frame.inline_chars, frame.inline_links, frame.inline_commas));
    } else if tag.is_block() {
        let n = frame.inline_chars;
        let is_paragraph = n >= MIN_PARAGRAPH_CHARS && !matches!(tag, Tag::Heading(_));
        if is_paragraph && frame.inline_links * 2 < n {
            let own = &mut stats[frame.id as usize];
            own.good += n;
            own.paras += 1;
            if scores_paragraphs(tag) {
                let points = 1.0 + frame.inline_commas as f32 + (n as f32 / 100.0).min(3.0);
                give_points(tree, stats, stack.iter().rev().map(|f| f.id), points);
            }
        }
    } else if let Some(parent) = stack.last_mut() {
        // Inline text belongs to the paragraph of the enclosing block.
        parent.inline_chars += frame.inline_chars;
        parent.inline_links += frame.inline_links;
        parent.inline_commas += frame.inline_commas;
    }
    if let Some(parent) = stack.last() {
        let child = stats[frame.id as usize];
        stats[parent.id as usize].absorb(&child);
    }
}

fn is_box(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P
            | Tag::Div
            | Tag::Section
            | Tag::Article
            | Tag::Main
            | Tag::Ul
            | Tag::Ol
            | Tag::Dl
            | Tag::Table
            | Tag::Blockquote
            | Tag::Pre
            | Tag::Heading(_)
            | Tag::Figure
            | Tag::Block
    )
}

/// How many enclosing elements a paragraph looks through for the five block
/// ancestors it scores.
const MAX_SCORED_ANCESTORS_SCAN: usize = 24;

/// The elements whose own text counts as a paragraph for scoring.
fn scores_paragraphs(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P
            | Tag::Pre
            | Tag::Cell
            | Tag::Div
            | Tag::Section
            | Tag::Article
            | Tag::Main
            | Tag::Block
            | Tag::Blockquote
            | Tag::Dd
            | Tag::Li
    )
}

/// Readability's rule: a paragraph scores for its parent fully, its
/// grandparent half, and three more levels a little.
fn give_points(tree: &Tree<'_>, stats: &mut [Stats], ancestors: impl Iterator<Item = ElId>, points: f32) {
    let mut level = 0usize;
    // Bounded, so that thousands of nested inline elements cost nothing.
    for id in ancestors.take(MAX_SCORED_ANCESTORS_SCAN) {
        let tag = tree.el(id).tag;
        if !tag.is_block() {
            continue;
        }
        let divider = match level {
            0 => 1.0,
            1 => 2.0,
            _ => level as f32 * 3.0,
        };
        stats[id as usize].score += points / divider;
        level += 1;
        if level == 5 {
            break;
        }
    }
}

/// Visible characters and commas of a text node.
fn measure_text(text: &str) -> (u32, u32) {
    let (mut chars, mut commas) = (0u32, 0u32);
    for c in text.chars() {
        if c.is_whitespace() {
            continue;
        }
        chars += if is_wide_script(c) { 2 } else { 1 };
        if matches!(c, ',' | '，' | '、' | '،') {
            commas += 1;
        }
    }
    (chars, commas)
}

/// Han, kana and hangul: scripts written without spaces, one word in about
/// one or two characters.
fn is_wide_script(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

#[cfg(test)]
mod tests {
    use crate::extract::html::dom::Dom;

    use super::*;

    fn stats_of(html: &str, tag: Tag, strict: bool) -> Stats {
        let dom = Dom::parse(html);
        let tree = Tree::build(&dom);
        let stats = measure(&tree, &Site::default(), strict);
        let id = tree.els.iter().position(|e| e.tag == tag).unwrap();
        stats[id]
    }

    #[test]
    fn paragraphs_score_their_ancestors() {
        let text = "A sentence that is long enough to count, with a comma or two, and more.";
        let html = format!("<section><div><p>{text}</p><p>{text}</p></div></section>");
        let div = stats_of(&html, Tag::Div, true);
        let section = stats_of(&html, Tag::Section, true);
        assert_eq!(div.paras, 2);
        assert!(div.score > section.score && section.score > 0.0);
        assert_eq!(div.good, div.chars);
    }

    #[test]
    fn link_lists_are_not_good_text() {
        let html = "<ul><li><a href=/a>A headline of another story on the site</a></li>\
                    <li><a href=/b>Yet another headline of another story</a></li></ul>";
        let ul = stats_of(html, Tag::Ul, true);
        assert_eq!(ul.good, 0);
        assert_eq!(ul.lis, 2);
        assert!(ul.link_density() > 0.99);
    }

    #[test]
    fn chrome_is_excluded_only_when_strict() {
        let html = "<div class=widget-wrap><p>A paragraph that is long enough to be a paragraph.</p></div>";
        assert!(stats_of(html, Tag::Div, true).excluded);
        assert_eq!(stats_of(html, Tag::Div, false).paras, 1);
    }

    #[test]
    fn comment_threads_are_excluded_even_when_relaxed() {
        let html = "<div class=comment-list><p>A comment that is long enough to be a paragraph.</p></div>";
        assert!(stats_of(html, Tag::Div, true).excluded);
        assert!(stats_of(html, Tag::Div, false).excluded);
    }

    #[test]
    fn double_breaks_end_paragraphs_that_score_their_block() {
        let run = "A run of text between breaks, long enough to be a paragraph, with commas, too.";
        let html =
            format!("<section><div class=post>{run}<br><br>{run}<br>\n<br>{run}<br>{run}</div></section>");
        let div = stats_of(&html, Tag::Div, true);
        let section = stats_of(&html, Tag::Section, true);
        // Three paragraphs (a single break only wraps a line), scored for
        // the block that holds them, as `<p>` children would be.
        assert_eq!(div.paras, 3);
        assert_eq!(div.good, div.chars);
        assert!(div.score > section.score && section.score > 0.0, "{div:?} {section:?}");
        let one_run = stats_of(&format!("<section><div>{run}</div></section>"), Tag::Div, true);
        assert_eq!((one_run.paras, one_run.score), (1, 0.0), "a lone run is the paragraph itself");
    }

    #[test]
    fn a_heading_named_as_furniture_heads_the_rest_of_its_container() {
        let text = "A paragraph of the post that is long enough to count, with a comma.";
        let html = format!(
            "<div class=entry><p>{text}</p><h2 id=comments>Comments</h2><div id=c1><p>{text}</p></div>\
             <p class=posted>Posted by a reader</p><div id=c2><p>{text}</p></div></div>"
        );
        for strict in [true, false] {
            let div = stats_of(&html, Tag::Div, strict);
            assert_eq!(div.paras, 1, "strict {strict}");
        }
    }

    #[test]
    fn a_heading_opened_by_a_thread_anchor_heads_the_thread() {
        let text = "A paragraph of the post that is long enough to count, with a comma.";
        let thread = format!(
            "<div class=entry><p>{text}</p><h2><a id=comments></a>Comments</h2><p>{text}</p>\
             <p class=posted>Posted by a reader</p><p>{text}</p></div>"
        );
        // An anchor that names no thread, or a link, leaves the heading alone.
        let section =
            format!("<div class=entry><p>{text}</p><h2><a id=results></a>Results</h2><p>{text}</p></div>");
        let link = format!(
            "<div class=entry><p>{text}</p><h2><a href=/comments>Comments</a></h2><p>{text}</p></div>"
        );
        for strict in [true, false] {
            assert_eq!(stats_of(&thread, Tag::Div, strict).paras, 1, "strict {strict}");
            assert_eq!(stats_of(&section, Tag::Div, strict).paras, 2, "strict {strict}");
            assert_eq!(stats_of(&link, Tag::Div, strict).paras, 2, "strict {strict}");
        }
    }

    #[test]
    fn list_items_of_prose_score_their_list() {
        let item = "Sand the frame, then give it two thin coats of oil, a day apart.";
        let html = format!("<div class=guide><ol>{}</ol></div>", format!("<li>{item}</li>").repeat(4));
        let ol = stats_of(&html, Tag::Ol, true);
        assert_eq!(ol.paras, 4);
        assert!(ol.score > 0.0);
    }

    #[test]
    fn wide_scripts_count_double() {
        assert_eq!(measure_text("日本語 ab,"), (9, 1));
    }
}
