//! Physical lines of a plain-text document: every line-ending convention,
//! indentation measured in columns, and the marks that page dumps leave on a
//! line (lynx's `[12]` link numbers, image placeholders, form widgets)
//! removed or flagged. Nothing here looks beyond one line, except the count
//! of link numbers that decides whether they are link numbers at all.

use unicode_width::UnicodeWidthStr;

/// Columns a tab advances to, for measuring indentation (terminal dumps and
/// e-mail clients use 8).
const TAB_COLS: usize = 8;

/// Fewest `[n]` marks before a document is read as a dump with numbered
/// links; below that they are footnote marks and stay.
const MIN_LINK_MARKS: usize = 3;

/// One physical line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// Leading whitespace in columns.
    pub indent: usize,
    /// The text without indentation, trailing space or dump marks; tabs
    /// inside the line become single spaces.
    pub text: String,
    /// A line of site furniture: form fields, buttons, frames, link lists
    /// and lines that held only placeholders. Its text is kept for the
    /// rules that look for where a page's sections start.
    pub chrome: bool,
    /// How many numbered-link marks were removed from the line.
    pub links: usize,
    /// Display columns the line took as written (marks included, wide
    /// characters counting two), which is what the dump wrapped by.
    pub written_cols: usize,
}

impl Line {
    /// Whether the line has no text (a paragraph break), as opposed to a
    /// chrome line whose text was removed.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        self.text.is_empty() && !self.chrome
    }

    /// Column just after the last character as written.
    #[must_use]
    pub fn end_col(&self) -> usize {
        self.indent + self.written_cols
    }
}

/// Splits `text` into lines (CRLF, LF, CR, VT, NEL and U+2028 end a line; FF
/// and U+2029 end a paragraph) and cleans each one.
#[must_use]
pub fn split(text: &str) -> Vec<Line> {
    let raw = raw_lines(text);
    let numbered_links = raw.iter().map(|line| count_link_marks(line)).sum::<usize>() >= MIN_LINK_MARKS;
    let mut lines: Vec<Line> = raw.iter().map(|line| clean_line(line, numbered_links)).collect();
    mark_reference_lists(&mut lines);
    lines
}

fn raw_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let paragraph = matches!(c, '\u{0c}' | '\u{2029}');
        if !(paragraph || matches!(c, '\n' | '\r' | '\u{0b}' | '\u{85}' | '\u{2028}')) {
            continue;
        }
        out.push(&text[start..i]);
        let mut next = i + c.len_utf8();
        if c == '\r' && text[next..].starts_with('\n') {
            chars.next();
            next += 1;
        }
        if paragraph {
            out.push("");
        }
        start = next;
    }
    out.push(&text[start..]);
    out
}

/// Counts `[n]` marks glued to the word they number, as lynx writes them.
fn count_link_marks(line: &str) -> usize {
    let mut count = 0;
    let mut rest = line;
    let mut previous: Option<char> = None;
    while let Some(open) = rest.find('[') {
        let before = rest[..open].chars().next_back().or(previous);
        let after = &rest[open + 1..];
        if let Some(len) = link_mark_len(before, after) {
            count += 1;
            rest = &after[len..];
            previous = Some(']');
        } else {
            rest = after;
            previous = Some('[');
        }
    }
    count
}

/// Length of `digits]` at the start of `after` when `[digits]` is a link mark:
/// not glued to a preceding word (that is a footnote) and followed by text.
fn link_mark_len(before: Option<char>, after: &str) -> Option<usize> {
    if before.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 5 || !after[digits..].starts_with(']') {
        return None;
    }
    let following = after[digits + 1..].chars().next();
    following.is_some_and(|c| !c.is_whitespace()).then_some(digits + 1)
}

fn clean_line(raw: &str, numbered_links: bool) -> Line {
    let mut indent = 0;
    let mut body_start = raw.len();
    for (i, c) in raw.char_indices() {
        match c {
            '\t' => indent += TAB_COLS - indent % TAB_COLS,
            c if c.is_whitespace() => indent += 1,
            _ => {
                body_start = i;
                break;
            }
        }
    }
    let body = raw[body_start..].trim_end();
    let (mut text, links) = strip_marks(body, numbered_links);
    // lynx marks inserted and deleted text as "[INS: … :INS]".
    if text.contains("INS:") || text.contains("DEL:") {
        for mark in ["[INS:", ":INS]", "[DEL:", ":DEL]"] {
            text = text.replace(mark, "");
        }
        text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let had_text = !body.is_empty();
    // A line that is one bracketed word is a placeholder too ("[template]").
    let lone_token = text.starts_with('[') && text.ends_with(']') && !text.contains(' ');
    let chrome = had_text && (text.is_empty() || lone_token || is_widget_line(&text));
    Line { indent, text, chrome, links, written_cols: UnicodeWidthStr::width(body) }
}

/// Removes link numbers and placeholder tokens (`[photo.jpg]`, `[IMG]`,
/// `[ ]`), and turns tabs and space runs inside the line into single spaces.
fn strip_marks(body: &str, numbered_links: bool) -> (String, usize) {
    let mut out = String::with_capacity(body.len());
    let mut links = 0;
    let mut at = 0;
    // The next `]` at or after `at`, found once and reused, so that a line of
    // ten million `[` is still one pass.
    let mut next_close: Option<usize> = None;
    let mut no_more_closes = false;
    while let Some(open) = body[at..].find('[').map(|i| at + i) {
        push_spaced(&mut out, &body[at..open]);
        let after = open + 1;
        let before = out.chars().next_back();
        if numbered_links && let Some(len) = link_mark_len(before, &body[after..]) {
            links += 1;
            at = after + len;
            continue;
        }
        if !no_more_closes && next_close.is_none_or(|close| close < after) {
            next_close = body[after..].find(']').map(|i| after + i);
            no_more_closes = next_close.is_none();
        }
        match next_close {
            Some(close) if is_placeholder(&body[after..close]) => at = close + 1,
            _ => {
                out.push('[');
                at = after;
            }
        }
    }
    push_spaced(&mut out, &body[at..]);
    let trimmed = out.trim();
    if trimmed.len() != out.len() {
        out = trimmed.to_owned();
    }
    (out, links)
}

fn push_spaced(out: &mut String, piece: &str) {
    for c in piece.chars() {
        if c == '\t' || c == ' ' {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// `[photo.jpg]`, `[p?c1=2&…]`, `[IMG]`, `[ ]`, `[#]`: what a text browser
/// prints for an image, a tracking pixel or a checkbox.
fn is_placeholder(inside: &str) -> bool {
    if inside.len() > 300 {
        return false;
    }
    if inside.chars().any(char::is_whitespace) {
        return inside.trim().is_empty();
    }
    inside.is_empty()
        || matches!(
            inside,
            "IMG" | "INLINE" | "LINK" | "BUTTON" | "X" | "x" | "#" | "+" | "-" | "*" | "×" | "•"
        )
        || inside.contains(['.', '/', '?', '=', '&', '%', '+', '_'])
}

/// Form widgets and frames as lynx and w3m print them.
fn is_widget_line(text: &str) -> bool {
    text.contains("(BUTTON)")
        || text.contains("____") && !text.chars().all(|c| c == '_')
        || text.starts_with("IFRAME:")
        || text.starts_with("(*) ")
        || text.starts_with("( ) ")
        || text.starts_with("(submit)")
        || text.starts_with("(Search)")
        || is_link_rel(text)
}

/// lynx prints `<link rel=…>` elements of the page head as `#alternate …`.
fn is_link_rel(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first.strip_prefix('#').is_some_and(|rel| {
        matches!(
            rel,
            "alternate"
                | "publisher"
                | "start"
                | "next"
                | "prev"
                | "search"
                | "author"
                | "index"
                | "home"
                | "canonical"
                | "amphtml"
                | "manifest"
                | "icon"
                | "stylesheet"
                | "edit"
                | "copyright"
        )
    })
}

/// lynx's closing "References" list (`1. https://…`) and the numbered URL
/// lines of its "Visible links" / "Hidden links" lists.
fn mark_reference_lists(lines: &mut [Line]) {
    let is_url_item = |line: &Line| {
        let text = line.text.as_str();
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && text[digits..].starts_with(". ") && text[digits + 2..].contains("://")
    };
    let mut i = 0;
    while i < lines.len() {
        let heading = matches!(lines[i].text.as_str(), "References" | "Visible links" | "Hidden links:");
        let next = lines[i + 1..].iter().find(|line| !line.is_blank());
        if heading && next.is_some_and(is_url_item) || is_url_item(&lines[i]) {
            lines[i].chrome = true;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn every_line_ending() {
        let lines = split("a\r\nb\rc\nd\u{2028}e\u{0c}f");
        assert_eq!(texts(&lines), ["a", "b", "c", "d", "e", "", "f"]);
        let cr = split("one\rtwo\r\rthree\r");
        assert_eq!(texts(&cr), ["one", "two", "", "three", ""]);
    }

    #[test]
    fn indentation_in_columns() {
        let lines = split("\tx\n   y\n  \t z");
        assert_eq!(lines.iter().map(|l| l.indent).collect::<Vec<_>>(), [8, 3, 9]);
        assert_eq!(lines[2].end_col(), 10);
    }

    #[test]
    fn link_numbers_removed_only_in_dumps() {
        let dump = split("   See [1]the report and [2]the data.\n   [3]Home [4]News");
        assert_eq!(texts(&dump), ["See the report and the data.", "Home News"]);
        assert_eq!(dump[0].links, 2);
        let notes = split("A claim[1] and another [2] here.");
        assert_eq!(texts(&notes), ["A claim[1] and another [2] here."]);
    }

    #[test]
    fn placeholders_and_widgets() {
        let lines =
            split("[logo.png]\nText [photo.jpg] here [sic].\n(BUTTON) Close\n____ Search\n#alternate x");
        assert_eq!(texts(&lines)[..2], ["", "Text here [sic]."]);
        assert!(lines[0].chrome && lines[2].chrome && lines[3].chrome && lines[4].chrome);
        assert!(!lines[1].chrome);
    }

    #[test]
    fn references_list_is_chrome() {
        let lines = split("Body.\n\nReferences\n\n   1. https://a.example/\n   2. https://b.example/x");
        assert!(lines[2].chrome && lines[4].chrome && lines[5].chrome);
        assert!(!lines[0].chrome);
    }

    #[test]
    fn long_single_line_is_linear() {
        let long = "word [x.png] ".repeat(200_000);
        let lines = split(&long);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].text.starts_with("word word"));
    }
}
