//! The edges of the extracted blocks: the title repeated as a heading, and
//! the link lines a page puts around and between an article's paragraphs
//! ("Related: …", "Follow us on …"). Decided from the blocks' link runs and
//! their targets, never from the words.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::metadata::Page;
use super::site::Site;
use crate::model::{Block, BlockKind, InlineStyle};

/// How many leading blocks are checked for a repeated title.
const TITLE_WINDOW: usize = 6;
/// A paragraph this short that is mostly one link is a pointer elsewhere.
const MAX_LINK_LINE_CHARS: usize = 160;
/// Hosts whose links mark a "follow us" line.
const SOCIAL_HOSTS: &[&str] = &[
    "twitter.com",
    "x.com",
    "facebook.com",
    "instagram.com",
    "youtube.com",
    "linkedin.com",
    "tiktok.com",
    "pinterest.com",
    "t.me",
    "whatsapp.com",
    "threads.net",
];

/// Removes what the page repeats around the article.
#[must_use]
pub fn tidy(mut blocks: Vec<Block>, page: &Page, site: &Site) -> Vec<Block> {
    drop_share_bars(&mut blocks);
    if let Some(title) = page.meta.title.as_deref() {
        let title = normalize(title);
        let repeated = blocks
            .iter()
            .take(TITLE_WINDOW)
            .position(|b| matches!(b.kind(), BlockKind::Heading { .. }) && normalize(b.text()) == title);
        // What comes before the headline is its kicker, section or breadcrumb.
        if let Some(index) = repeated {
            blocks.drain(..=index);
        }
    }
    blocks.retain(|block| !is_link_line(block, site));
    drop_copy(&mut blocks);
    let first_long =
        blocks.iter().position(|b| b.text().len() >= LONG_PARAGRAPH_BYTES).unwrap_or(blocks.len());
    // A caption before the first paragraph is the lead picture's, not the
    // article's (captions further down are kept: they belong to the story).
    // Without a paragraph there is no lead to tell apart: a page of
    // headlines, pictures and list items keeps every caption.
    let first_paragraph =
        blocks.iter().position(|b| matches!(b.kind(), BlockKind::Paragraph) && !is_dateline(b)).unwrap_or(0);
    let mut index = 0;
    blocks.retain(|block| {
        index += 1;
        let lead_caption = index <= first_paragraph && matches!(block.kind(), BlockKind::Caption);
        !(index <= first_long && is_dateline(block) || lead_caption)
    });
    trim_tail(&mut blocks);
    blocks
}

/// A block this long (in bytes) said a second time is the page repeating
/// itself, not the writer.
const MIN_REPEATED_BYTES: usize = 80;

/// Drops a second copy of the article: pages carry its text twice (a
/// teaser variant beside the full one, a copy for another layout). A copy
/// is a run of long blocks repeating, in order, at least half of the long
/// blocks before it; a paragraph repeated alone (a refrain, a recurring
/// step of a plan) is the writer's and stays.
fn drop_copy(blocks: &mut Vec<Block>) {
    let long: Vec<(usize, u64)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, block)| block.text().len() >= MIN_REPEATED_BYTES)
        .map(|(index, block)| {
            let mut hasher = DefaultHasher::new();
            block.text().hash(&mut hasher);
            (index, hasher.finish())
        })
        .collect();
    let mut first_seen = HashMap::new();
    let Some((start, first)) = long
        .iter()
        .enumerate()
        .find_map(|(at, (_, hash))| first_seen.insert(*hash, at).map(|first| (at, first)))
    else {
        return;
    };
    let run = (0..long.len() - start)
        .take_while(|&k| first + k < start && long[first + k].1 == long[start + k].1)
        .count();
    if run >= 2 && run * 2 >= start {
        blocks.drain(long[start].0..=long[start + run - 1].0);
    }
}

/// A share bar's entries are a word or two ("Digg", "Share on Reddit").
const MAX_SHARE_ENTRY_CHARS: usize = 40;
/// Fewer entries in a row than this are a link or two, not a bar.
const MIN_SHARE_RUN: usize = 3;

/// Drops share bars: runs of short entries that are each one link handing
/// a page's address to another site (`…/submit?url=https://…`,
/// `sharer.php?u=https://…`), with the label just before the run ("Share
/// this page"). Told by where the links go, not by their words or by the
/// names of the sites.
fn drop_share_bars(blocks: &mut Vec<Block>) {
    let mut dropped = vec![false; blocks.len()];
    let mut at = 0;
    while at < blocks.len() {
        let run = blocks[at..].iter().take_while(|b| is_share_entry(b)).count();
        if run >= MIN_SHARE_RUN {
            // The bar's other entries ("Email", "Print") link elsewhere.
            let before = blocks[..at].iter().rev().take_while(|b| is_short_link(b)).count();
            let after = blocks[at + run..].iter().take_while(|b| is_short_link(b)).count();
            let (start, end) = (at - before, at + run + after);
            dropped[start..end].fill(true);
            if start > 0 && is_bar_label(&blocks[start - 1]) {
                dropped[start - 1] = true;
            }
            at = end;
            continue;
        }
        at += run.max(1);
    }
    let mut index = 0;
    blocks.retain(|_| {
        index += 1;
        !dropped[index - 1]
    });
}

/// A short list item or paragraph that is all one link passing an address on.
fn is_share_entry(block: &Block) -> bool {
    is_short_link(block) && link_runs(block).all(|(_, href)| passes_an_address(href))
}

/// A short list item or paragraph that is mostly a link.
fn is_short_link(block: &Block) -> bool {
    let text = block.text();
    matches!(block.kind(), BlockKind::Paragraph | BlockKind::ListItem { .. })
        && text.chars().count() <= MAX_SHARE_ENTRY_CHARS
        && link_share(block) * 10 >= text.len() * 7
}

/// Whether a link hands an address to its target in its query: a share
/// or submit form of another site.
fn passes_an_address(href: &str) -> bool {
    let Ok(url) = url::Url::parse(href) else { return false };
    url.query_pairs().any(|(_, value)| value.starts_with("http://") || value.starts_with("https://"))
}

/// "Share this page": a heading or a short line with no link, before a bar.
fn is_bar_label(block: &Block) -> bool {
    let short = block.text().chars().count() <= MAX_SHARE_ENTRY_CHARS;
    let unlinked = link_runs(block).next().is_none();
    short && unlinked && (matches!(block.kind(), BlockKind::Heading { .. }) || is_label(block))
}

/// How many closing blocks may hold a "follow us" line that ends the article.
const FOLLOW_WINDOW: usize = 4;

/// The end of an article is where pages put their calls to action: strip
/// closing headings, link lines, labels, and everything from a closing
/// "follow us" line on.
fn trim_tail(blocks: &mut Vec<Block>) {
    trim_closing_furniture(blocks);
    let window = blocks.len().saturating_sub(FOLLOW_WINDOW);
    // Once only: an article about people's posts links their profiles
    // throughout, and repeating the cut would eat it from the end.
    // A sentence that a paragraph of running text follows is inside the
    // article ("… and they retweeted me." before the closing thoughts).
    let closes = |at: usize| {
        !blocks[at].text().trim_end().ends_with(['.', '!', '?'])
            || !blocks[at + 1..]
                .iter()
                .any(|b| matches!(b.kind(), BlockKind::Paragraph) && b.text().len() >= LONG_PARAGRAPH_BYTES)
    };
    if let Some(offset) = (window..blocks.len()).position(|at| is_follow_line(&blocks[at]) && closes(at))
        && window + offset > 0
    {
        blocks.truncate(window + offset);
        trim_closing_furniture(blocks);
    }
}

/// Pops closing furniture, never the article's first block.
fn trim_closing_furniture(blocks: &mut Vec<Block>) {
    while blocks.len() > 1
        && let Some(last) = blocks.last()
    {
        let furniture = match last.kind() {
            BlockKind::Heading { .. } | BlockKind::Rule | BlockKind::Figure { .. } => true,
            BlockKind::Paragraph => {
                is_dangling_label(last) || is_label(last) || link_share(last) * 10 >= last.text().len() * 7
            }
            _ => false,
        };
        if !furniture {
            return;
        }
        blocks.pop();
    }
}

/// "Advert", "comments": a word or two standing alone, not a sentence.
fn is_label(block: &Block) -> bool {
    let text = block.text();
    text.chars().count() <= 12 && !text.ends_with(['.', '!', '?', '。', '！', '？', '"', '”', '»', '」'])
}

/// Bytes of the block's text inside links.
fn link_share(block: &Block) -> usize {
    link_runs(block).map(|(len, _)| len).sum()
}

/// A paragraph this long (in bytes) is article text: datelines come before it.
const LONG_PARAGRAPH_BYTES: usize = 150;

/// "Updated 5:27 am, November 20, 2019", "08.04.2015 12:46": a short line with
/// a year and a time or day, not a sentence.
fn is_dateline(block: &Block) -> bool {
    let text = block.text();
    if !matches!(block.kind(), BlockKind::Paragraph)
        || text.chars().count() > 90
        || text.ends_with(['.', '!', '?', '。'])
    {
        return false;
    }
    let numbers: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).collect();
    let has_year = numbers.iter().any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
    let small = numbers.iter().filter(|n| n.len() <= 2).count();
    let has_time =
        text.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    has_year && small >= 1 && (has_time || text.split_whitespace().count() <= 6)
}

/// A closing line that introduced something no longer there ("More:").
fn is_dangling_label(block: &Block) -> bool {
    block.text().chars().count() <= 80 && block.text().trim_end().ends_with([':', '：'])
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn link_runs(block: &Block) -> impl Iterator<Item = (usize, &str)> {
    block.inlines().iter().filter_map(|inline| match &inline.style {
        InlineStyle::Link { href } => Some((inline.range.len(), href.as_str())),
        _ => None,
    })
}

/// A short paragraph that is mostly a link to the same site: "Related:
/// <headline>". (A link that leaves the site is a source or a credit.)
fn is_link_line(block: &Block, site: &Site) -> bool {
    if !matches!(block.kind(), BlockKind::Paragraph) || block.text().len() > MAX_LINK_LINE_CHARS {
        return false;
    }
    let linked: usize = link_runs(block).filter(|(_, href)| site.is_internal(href)).map(|(len, _)| len).sum();
    linked * 10 >= block.text().len() * 7
}

/// A short paragraph that points at social-network profiles or a mailbox:
/// "Follow us on …", "Reach the author at …".
fn is_follow_line(block: &Block) -> bool {
    let profiles = link_runs(block).filter(|(_, href)| is_profile(href)).count();
    // One address at the end of a long closing sentence is a signature.
    matches!(block.kind(), BlockKind::Paragraph)
        && block.text().len() <= 300
        && (profiles >= 2 || profiles == 1 && block.text().len() <= 100)
}

/// A mailbox, or a profile on a social network (not one post on it: a
/// quoted post is a source).
fn is_profile(href: &str) -> bool {
    if href.starts_with("mailto:") {
        return true;
    }
    let Ok(url) = url::Url::parse(href) else { return false };
    let Some(host) = url.host_str() else { return false };
    let host = host.trim_start_matches("www.").trim_start_matches("m.");
    let segments = url.path_segments().map_or(0, |s| s.filter(|s| !s.is_empty()).count());
    SOCIAL_HOSTS.contains(&host) && segments <= 2 && !url.path().contains("/status")
}

#[cfg(test)]
mod tests;
