//! The edges of the extracted blocks: the title repeated as a heading, and
//! the link lines a page puts around and between an article's paragraphs
//! ("Related: …", "Follow us on …"). Decided from the blocks' link runs and
//! their targets, never from the words.

use super::site::Site;
use crate::model::{Block, BlockKind, InlineStyle, Metadata};

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
pub fn tidy(mut blocks: Vec<Block>, meta: &Metadata, site: &Site) -> Vec<Block> {
    if let Some(title) = meta.title.as_deref() {
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
    let first_long = blocks.iter().position(|b| b.text().len() >= LONG_PARAGRAPH_BYTES).unwrap_or(blocks.len());
    let mut index = 0;
    blocks.retain(|block| {
        index += 1;
        !(index <= first_long && is_dateline(block))
    });
    while blocks.last().is_some_and(|b| is_follow_line(b) || is_dangling_label(b)) {
        blocks.pop();
    }
    blocks
}

/// A paragraph this long (in bytes) is article text: datelines come before it.
const LONG_PARAGRAPH_BYTES: usize = 150;

/// "Updated 5:27 am, November 20, 2019", "08.04.2015 12:46": a short line with
/// a year and a time or day, not a sentence.
fn is_dateline(block: &Block) -> bool {
    let text = block.text();
    if !matches!(block.kind(), BlockKind::Paragraph) || text.chars().count() > 90 || text.ends_with(['.', '!', '?', '。']) {
        return false;
    }
    let numbers: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).collect();
    let has_year = numbers.iter().any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
    let small = numbers.iter().filter(|n| n.len() <= 2).count();
    let has_time = text.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
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

/// A short closing paragraph that points at social networks or a mailbox.
fn is_follow_line(block: &Block) -> bool {
    matches!(block.kind(), BlockKind::Paragraph)
        && block.text().len() <= 300
        && link_runs(block).any(|(_, href)| is_social(href))
}

fn is_social(href: &str) -> bool {
    if href.starts_with("mailto:") {
        return true;
    }
    url::Url::parse(href).ok().and_then(|u| u.host_str().map(str::to_owned)).is_some_and(|host| {
        let host = host.trim_start_matches("www.").trim_start_matches("m.");
        SOCIAL_HOSTS.iter().any(|social| host == *social)
    })
}

#[cfg(test)]
mod tests;
