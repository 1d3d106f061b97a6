//! Raw HTML inside Markdown, reduced to the text a reader would see. Tags
//! are never interpreted: they are dropped, and so is what a browser would
//! not show either (comments, `<script>` and `<style>` bodies). The state
//! carries across events, because Markdown hands block HTML over line by
//! line and inline HTML tag by tag.

/// Elements whose content is code, not text.
const HIDDEN: &[&str] = &["script", "style", "template", "noscript"];

/// Where the stripper is between two pieces of raw HTML.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
enum Mode {
    /// In text.
    #[default]
    Text,
    /// Inside `<…>`.
    Tag,
    /// Inside `<!-- … -->`.
    Comment,
    /// Inside an element whose content is hidden, until `</name`.
    Hidden(&'static str),
}

/// Strips tags from successive pieces of raw HTML.
#[derive(Debug, Default, Clone)]
pub struct Stripper {
    mode: Mode,
    tag: String,
}

impl Stripper {
    /// Whether Markdown text arriving now is inside a hidden element (the
    /// text between `<script>` and `</script>` written inline).
    #[must_use]
    pub fn hiding(&self) -> bool {
        matches!(self.mode, Mode::Hidden(_) | Mode::Comment)
    }

    /// The visible text of `html`, with the common character references
    /// decoded.
    pub fn visible(&mut self, html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while !rest.is_empty() {
            match self.mode.clone() {
                Mode::Text => {
                    let Some(open) = rest.find('<') else {
                        out.push_str(rest);
                        break;
                    };
                    out.push_str(&rest[..open]);
                    rest = &rest[open + 1..];
                    if let Some(after) = rest.strip_prefix("!--") {
                        rest = after;
                        self.mode = Mode::Comment;
                    } else {
                        self.tag.clear();
                        self.mode = Mode::Tag;
                    }
                }
                Mode::Tag => {
                    let Some(close) = rest.find('>') else {
                        self.push_tag(rest);
                        break;
                    };
                    self.push_tag(&rest[..close]);
                    rest = &rest[close + 1..];
                    self.mode = self.after_tag();
                }
                Mode::Comment => match rest.find("-->") {
                    Some(close) => {
                        rest = &rest[close + 3..];
                        self.mode = Mode::Text;
                    }
                    None => rest = "",
                },
                Mode::Hidden(name) => match find_end_tag(rest, name) {
                    Some(at) => {
                        rest = &rest[at..];
                        self.mode = Mode::Text;
                    }
                    None => rest = "",
                },
            }
        }
        decode(&out)
    }

    fn push_tag(&mut self, piece: &str) {
        // Only the name matters; a long attribute list is not kept.
        if self.tag.len() < 32 {
            self.tag.extend(piece.chars().take(32));
        }
    }

    fn after_tag(&self) -> Mode {
        let name: String = self
            .tag
            .trim_start()
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase();
        match HIDDEN.iter().find(|&&hidden| hidden == name) {
            Some(hidden) if !self.tag.trim_end().ends_with('/') => Mode::Hidden(hidden),
            _ => Mode::Text,
        }
    }
}

/// Where `</name` starts in `text`, case-insensitively.
fn find_end_tag(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let pattern = format!("</{name}");
    let pattern = pattern.as_bytes();
    bytes.windows(pattern.len()).position(|window| window.eq_ignore_ascii_case(pattern))
}

fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_text_stays() {
        let mut html = Stripper::default();
        assert_eq!(html.visible("<p class=\"x\">Fair &amp; <b>square</b></p>"), "Fair & square");
        assert!(!html.hiding());
    }

    #[test]
    fn hidden_content_and_comments_across_pieces() {
        let mut html = Stripper::default();
        assert_eq!(html.visible("<div>Ad <script>track("), "Ad ");
        assert!(html.hiding());
        assert_eq!(html.visible(")</SCRIPT> after <!-- note"), " after ");
        assert_eq!(html.visible("still note --> shown"), " shown");
        assert_eq!(html.visible("<br/>line"), "line");
    }

    #[test]
    fn escaped_markup_stays_escaped_text() {
        let mut html = Stripper::default();
        assert_eq!(html.visible("&lt;script&gt;"), "<script>");
        assert!(!html.hiding());
    }
}
