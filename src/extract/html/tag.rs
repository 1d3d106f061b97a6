//! Element names, read once per element into a small enum so that every later
//! rule is a cheap comparison instead of a string match.

/// The elements extraction treats specially; everything else is `Inline`
/// (`span`, `font`, unknown names) or `Block` (other flow containers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Html,
    Body,
    Head,
    Title,
    Meta,
    Link,
    Base,
    Script,
    /// Never article text: style, template, svg, forms and their controls, media.
    Skip,
    P,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Aside,
    Nav,
    Heading(u8),
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Figure,
    Figcaption,
    Table,
    /// `thead`, `tbody`, `tfoot`, `colgroup`, `col`.
    TablePart,
    Tr,
    Cell,
    Caption,
    Hr,
    Br,
    Img,
    A,
    Emphasis,
    Strong,
    Code,
    Time,
    Form,
    /// `math`: its text is kept (formulas read as text), its markup is not.
    Math,
    /// Other block-level containers (address, center, details, fieldset…).
    Block,
    /// Inline elements without a style of their own (span, font, small…).
    Inline,
}

impl Tag {
    /// The tag of an element named `name` (html5ever gives lower-case names).
    #[must_use]
    pub fn of(name: &str) -> Self {
        match name {
            "p" => Self::P,
            "div" => Self::Div,
            "a" => Self::A,
            "em" | "i" | "cite" | "dfn" | "var" => Self::Emphasis,
            "strong" | "b" => Self::Strong,
            "code" | "kbd" | "samp" | "tt" => Self::Code,
            "li" => Self::Li,
            "ul" => Self::Ul,
            "ol" => Self::Ol,
            "br" => Self::Br,
            "img" => Self::Img,
            "h1" => Self::Heading(1),
            "h2" => Self::Heading(2),
            "h3" => Self::Heading(3),
            "h4" => Self::Heading(4),
            "h5" => Self::Heading(5),
            "h6" => Self::Heading(6),
            "section" => Self::Section,
            "article" => Self::Article,
            "main" => Self::Main,
            "header" | "hgroup" => Self::Header,
            "footer" => Self::Footer,
            "aside" => Self::Aside,
            "nav" | "menu" => Self::Nav,
            "dl" => Self::Dl,
            "dt" => Self::Dt,
            "dd" => Self::Dd,
            "blockquote" => Self::Blockquote,
            "pre" | "listing" | "xmp" | "plaintext" => Self::Pre,
            "figure" => Self::Figure,
            "figcaption" => Self::Figcaption,
            "table" => Self::Table,
            "tr" => Self::Tr,
            "td" | "th" => Self::Cell,
            "caption" => Self::Caption,
            "hr" => Self::Hr,
            "time" => Self::Time,
            "form" => Self::Form,
            "math" => Self::Math,
            "html" => Self::Html,
            "body" => Self::Body,
            "head" => Self::Head,
            "title" => Self::Title,
            "meta" => Self::Meta,
            "link" => Self::Link,
            "base" => Self::Base,
            "script" => Self::Script,
            "style" | "noscript" | "template" | "svg" | "iframe" | "object" | "embed" | "canvas"
            | "video" | "audio" | "source" | "track" | "map" | "area" | "button" | "input" | "select"
            | "textarea" | "option" | "optgroup" | "label" | "dialog" | "applet" | "frame" | "frameset"
            | "noembed" | "noframes" | "param" | "datalist" | "output" | "progress" | "meter" => Self::Skip,
            "thead" | "tbody" | "tfoot" | "colgroup" | "col" => Self::TablePart,
            "address" | "center" | "details" | "summary" | "fieldset" | "legend" | "search" => Self::Block,
            // span, font, small, sub, sup, abbr, custom elements…
            _ => Self::Inline,
        }
    }

    /// Whether nothing inside the element is ever article text.
    #[must_use]
    pub fn is_skipped(self) -> bool {
        matches!(
            self,
            Self::Head | Self::Title | Self::Meta | Self::Link | Self::Base | Self::Script | Self::Skip
        )
    }

    /// Whether the element ends the paragraph around it and starts a new one.
    #[must_use]
    pub fn is_block(self) -> bool {
        !matches!(
            self,
            Self::A
                | Self::Emphasis
                | Self::Strong
                | Self::Code
                | Self::Inline
                | Self::Br
                | Self::Img
                | Self::Time
                | Self::Math
        ) && !self.is_skipped()
    }

    /// Boxes that may hold a whole article (candidates for the main content).
    #[must_use]
    pub fn is_container(self) -> bool {
        matches!(
            self,
            Self::Div
                | Self::Section
                | Self::Article
                | Self::Main
                | Self::Body
                | Self::Cell
                | Self::Block
                | Self::Blockquote
                | Self::Pre
                | Self::Dd
                | Self::Li
                | Self::Ul
                | Self::Ol
                | Self::Dl
                | Self::Form
                | Self::Header
                | Self::Footer
                | Self::Aside
                | Self::Nav
                | Self::Table
                | Self::Tr
                | Self::Figure
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_map_to_kinds() {
        assert_eq!(Tag::of("h3"), Tag::Heading(3));
        assert_eq!(Tag::of("b"), Tag::Strong);
        // Custom elements wrap inline runs (citations, tooltips) as often as blocks.
        assert_eq!(Tag::of("custom-element"), Tag::Inline);
        assert!(Tag::of("script").is_skipped());
        assert!(Tag::of("button").is_skipped());
        assert!(!Tag::of("span").is_block());
        assert!(Tag::of("li").is_block());
        assert!(Tag::of("tbody").is_block());
        assert!(Tag::of("article").is_container());
        assert!(!Tag::of("p").is_container());
    }
}
