use crate::extract::text::extract;
use crate::model::BlockKind;

fn outline(text: &str) -> Vec<(String, String)> {
    extract(text)
        .blocks()
        .iter()
        .map(|b| {
            let kind = match b.kind() {
                BlockKind::Heading { level } => format!("h{level}"),
                BlockKind::ListItem { depth, ordered, number } => {
                    let number = number.map(|n| n.to_string()).unwrap_or_default();
                    format!("li{depth}{}{number}", if *ordered { "o" } else { "" })
                }
                other => other.name().to_owned(),
            };
            (kind, b.text().to_owned())
        })
        .collect()
}

fn headings(text: &str) -> Vec<String> {
    outline(text).into_iter().filter(|(k, _)| k.starts_with('h')).map(|(_, t)| t).collect()
}

#[test]
fn a_short_line_between_paragraphs_is_a_heading() {
    let text = "Title of the piece\n\nFirst paragraph, a sentence.\n\nWhat comes next\n\nSecond paragraph, a sentence.\n";
    assert_eq!(
        outline(text),
        [
            ("paragraph".into(), "First paragraph, a sentence.".into()),
            ("h2".into(), "What comes next".into()),
            ("paragraph".into(), "Second paragraph, a sentence.".into()),
        ]
    );
}

#[test]
fn questions_credits_and_lines_before_lists_of_links_are_not_headings() {
    let text = "\
Title of the piece

First paragraph, a sentence of the article.

Why does this matter?

Second paragraph, a sentence of the article.

Photo by Ann Lee

Third paragraph, a sentence of the article.

Sign in

Share
";
    assert!(headings(text).is_empty(), "{:?}", outline(text));
}

#[test]
fn a_heading_needs_text_below_it() {
    let text = "\
Title of the piece

First paragraph, a sentence of the article.

Most read

* Another story entirely
* And one more story
* A third story here

Last paragraph, a sentence of the article.

Share

Subscribe
";
    let got = outline(text);
    assert!(headings(text).is_empty(), "{got:?}");
    assert!(!got.iter().any(|(_, t)| t == "Another story entirely"), "{got:?}");
}

#[test]
fn numbered_standalone_lines_are_headings_and_runs_are_lists() {
    let text = "\
Steps to take

An introduction, a sentence of the article.

1. Take stock

Paragraph under the first step, a sentence.

2. Make a plan

Paragraph under the second step, a sentence.

1. Buy a ticket.
2. Board the ferry.
";
    let got = outline(text);
    assert_eq!(headings(text), ["1. Take stock", "2. Make a plan"]);
    assert_eq!(got[got.len() - 2], ("li0o1".into(), "Buy a ticket.".into()));
    assert_eq!(got[got.len() - 1], ("li0o2".into(), "Board the ferry.".into()));
}

#[test]
fn nesting_levels() {
    let text = "\
Report

Opening paragraph, a sentence.

1.2 Costs in detail

The costs paragraph, a sentence.

## Marked heading

The marked paragraph, a sentence.

* Top item.
    * Nested item.
* Top again.
";
    let got = outline(text);
    assert!(got.contains(&("h3".into(), "1.2 Costs in detail".into())), "{got:?}");
    assert!(got.contains(&("h2".into(), "Marked heading".into())));
    let items: Vec<&str> = got.iter().filter(|(k, _)| k.starts_with("li")).map(|(k, _)| k.as_str()).collect();
    assert_eq!(items, ["li0", "li1", "li0"]);
}

#[test]
fn rules_only_between_text() {
    let text = "Title here\n\nA paragraph, a sentence.\n\n* * *\n\nAnother paragraph, a sentence.\n\n* * *\n";
    let kinds: Vec<String> = outline(text).into_iter().map(|(k, _)| k).collect();
    assert_eq!(kinds, ["paragraph", "rule", "paragraph"]);
}
