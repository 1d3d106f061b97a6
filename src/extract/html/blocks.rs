//! Converting the selected containers into blocks, in one iterative walk.

use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};

use super::content::Selection;
use super::hints;
use crate::model::{Block, BlockKind, InlineStyle, TextBuilder};

/// A block being filled, with how many of the open inline styles it opened.
struct Open {
    kind: BlockKind,
    text: TextBuilder,
    styles_opened: usize,
}

/// Walk state: the block under construction and the context around it.
struct Converter<'a> {
    base: Option<&'a url::Url>,
    blocks: Vec<Block>,
    current: Option<Open>,
    /// Inline styles open at this point of the walk, outermost first.
    styles: Vec<InlineStyle>,
    /// Open lists: whether each is ordered.
    lists: Vec<bool>,
    quote_depth: usize,
    pre_depth: usize,
    caption_depth: usize,
}

/// Converts the selection's roots into blocks.
#[must_use]
pub fn convert(dom: &Html, selection: &Selection, base: Option<&url::Url>) -> Vec<Block> {
    let mut converter = Converter {
        base,
        blocks: Vec::new(),
        current: None,
        styles: Vec::new(),
        lists: Vec::new(),
        quote_depth: 0,
        pre_depth: 0,
        caption_depth: 0,
    };
    for &root in &selection.roots {
        let Some(root) = dom.tree.get(root) else { continue };
        let mut skipping = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skipping.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Element(el) => {
                            let skip = hints::is_skipped_tag(el.name())
                                || selection.skip_chrome && node.id() != root.id() && hints::is_chrome(el);
                            if skip {
                                skipping = Some(node.id());
                            } else {
                                converter.open(el);
                            }
                        }
                        Node::Text(text) => converter.text(text),
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
                    if let Node::Element(el) = node.value() {
                        converter.close(el);
                    }
                }
            }
        }
        converter.flush();
    }
    converter.blocks
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

fn inline_style(el: &Element, base: Option<&url::Url>) -> Option<InlineStyle> {
    match el.name() {
        "em" | "i" | "cite" | "dfn" => Some(InlineStyle::Emphasis),
        "strong" | "b" => Some(InlineStyle::Strong),
        "code" | "kbd" | "samp" | "tt" => Some(InlineStyle::Code),
        "a" => {
            let href = el.attr("href")?.trim();
            if href.is_empty()
                || href.starts_with('#')
                || href.to_ascii_lowercase().starts_with("javascript:")
            {
                return None;
            }
            let href = base.and_then(|b| b.join(href).ok()).map_or_else(|| href.to_owned(), String::from);
            Some(InlineStyle::Link { href })
        }
        _ => None,
    }
}

impl Converter<'_> {
    /// The kind a paragraph-level run of text gets from its context.
    fn context_kind(&self) -> BlockKind {
        if self.pre_depth > 0 {
            BlockKind::Preformatted
        } else if self.caption_depth > 0 {
            BlockKind::Caption
        } else if self.quote_depth > 0 {
            BlockKind::Blockquote { attribution: None }
        } else {
            BlockKind::Paragraph
        }
    }

    fn start(&mut self, kind: BlockKind) {
        self.flush();
        let mut text = TextBuilder::new();
        for style in &self.styles {
            text.open(style.clone());
        }
        self.current = Some(Open { kind, text, styles_opened: self.styles.len() });
    }

    fn flush(&mut self) {
        if let Some(open) = self.current.take()
            && !open.text.is_blank()
        {
            self.blocks.push(Block::from_builder(open.kind, open.text));
        }
    }

    fn open(&mut self, el: &Element) {
        let name = el.name();
        if let Some(style) = inline_style(el, self.base) {
            if let Some(open) = &mut self.current {
                open.text.open(style.clone());
                open.styles_opened += 1;
            }
            self.styles.push(style);
            return;
        }
        if let Some(level) = heading_level(name) {
            self.start(BlockKind::Heading { level });
            return;
        }
        match name {
            "br" => {
                if let Some(open) = &mut self.current {
                    open.text.push_line_break();
                }
            }
            "hr" => {
                self.flush();
                self.blocks.push(Block::rule());
            }
            "img" => {
                let alt = el.attr("alt").unwrap_or_default();
                if self.current.is_none() && !alt.trim().is_empty() {
                    let src = el.attr("src").map(|src| {
                        self.base.and_then(|b| b.join(src).ok()).map_or_else(|| src.to_owned(), String::from)
                    });
                    self.blocks.push(Block::new(BlockKind::Figure { src }, alt));
                }
            }
            "ul" | "ol" => {
                self.flush();
                self.lists.push(name == "ol");
            }
            "li" => {
                let depth = self.lists.len().saturating_sub(1) as u8;
                let ordered = self.lists.last().copied().unwrap_or(false);
                self.start(BlockKind::ListItem { depth, ordered });
            }
            "blockquote" => {
                self.flush();
                self.quote_depth += 1;
            }
            "pre" => {
                self.start(BlockKind::Preformatted);
                self.pre_depth += 1;
            }
            "figcaption" | "caption" => {
                self.start(BlockKind::Caption);
                self.caption_depth += 1;
            }
            _ if hints::is_block_tag(name) => self.flush(),
            _ => {}
        }
    }

    fn close(&mut self, el: &Element) {
        let name = el.name();
        if inline_style(el, self.base).is_some() {
            self.styles.pop();
            if let Some(open) = &mut self.current
                && open.styles_opened > self.styles.len()
            {
                open.text.close();
                open.styles_opened -= 1;
            }
            return;
        }
        match name {
            "ul" | "ol" => {
                self.flush();
                self.lists.pop();
            }
            "blockquote" => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            "pre" => {
                self.flush();
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
            "figcaption" | "caption" => {
                self.flush();
                self.caption_depth = self.caption_depth.saturating_sub(1);
            }
            _ if hints::is_block_tag(name) || heading_level(name).is_some() => self.flush(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.current.is_none() {
            if text.trim().is_empty() {
                return;
            }
            let kind = self.context_kind();
            self.start(kind);
        }
        let pre = self.pre_depth > 0;
        if let Some(open) = &mut self.current {
            if pre {
                open.text.push_str(text);
            } else {
                open.text.push_collapsed(text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks_of(body: &str) -> Vec<(String, String)> {
        let dom = Html::parse_document(body);
        let selection = Selection { roots: vec![dom.tree.root().id()], skip_chrome: true };
        convert(&dom, &selection, url::Url::parse("https://ex.org/a/").ok().as_ref())
            .into_iter()
            .map(|b| (b.kind().name().to_owned(), b.text().to_owned()))
            .collect()
    }

    #[test]
    fn structure_is_kept() {
        let got = blocks_of(
            "<h2>Head</h2><p>One <em>two</em></p><ul><li>a<ul><li>b</li></ul></li></ul>\
             <blockquote><p>Q</p></blockquote><pre>x\n  y</pre><hr><figure><img src=i.png alt=Alt><figcaption>Cap</figcaption></figure>",
        );
        let kinds: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "heading",
                "paragraph",
                "list_item",
                "list_item",
                "blockquote",
                "preformatted",
                "rule",
                "figure",
                "caption"
            ]
        );
        assert_eq!(got[5].1, "x\n  y");
    }

    #[test]
    fn links_resolve_against_the_base() {
        let dom = Html::parse_document("<p>See <a href='../b'>this <b>page</b></a>.</p>");
        let selection = Selection { roots: vec![dom.tree.root().id()], skip_chrome: true };
        let base = url::Url::parse("https://ex.org/a/c").ok();
        let blocks = convert(&dom, &selection, base.as_ref());
        let link = blocks[0].inlines().iter().find(|i| matches!(i.style, InlineStyle::Link { .. })).unwrap();
        assert_eq!(&blocks[0].text()[link.range.clone()], "this page");
        assert_eq!(link.style, InlineStyle::Link { href: "https://ex.org/b".into() });
    }

    #[test]
    fn scripts_and_chrome_are_skipped() {
        let got = blocks_of("<p>Keep</p><script>var x</script><div class='share-tools'>Share</div>");
        assert_eq!(got, [("paragraph".to_owned(), "Keep".to_owned())]);
    }
}
