//! Plain text and Markdown extraction on our own fixtures, one per style of
//! input: a lynx dump with numbered links, a w3m dump, text copied out of a
//! browser, a newsletter e-mail, Markdown with and without front matter.
//! Each `NAME.txt` / `NAME.md` has `NAME.expected.json`: the whole document
//! (metadata and blocks) as the model serialises it. Run with
//! `BYLINE_BLESS=1` to rewrite the expected files after a deliberate change.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use byline::extract::{markdown, text};
use byline::model::{Block, BlockKind, Document};
use serde_json::Value;

const FIXTURES: &str = "tests/fixtures/text";

fn extract(path: &Path) -> Document {
    let source = fs::read_to_string(path).unwrap();
    if path.extension().is_some_and(|e| e == "md") {
        markdown::extract(&source)
    } else {
        text::extract(&source)
    }
}

fn fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(FIXTURES)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn every_fixture_matches_its_expected_document() {
    let bless = std::env::var_os("BYLINE_BLESS").is_some();
    let mut failures = Vec::new();
    for path in fixtures() {
        let got = serde_json::to_value(extract(&path)).unwrap();
        let expected_path = path.with_extension("expected.json");
        if bless {
            fs::write(&expected_path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let expected: Value = serde_json::from_str(&fs::read_to_string(&expected_path).unwrap()).unwrap();
        if got != expected {
            failures.push(format!(
                "{}:\n--- expected\n{}\n--- got\n{}",
                path.display(),
                serde_json::to_string_pretty(&expected).unwrap(),
                serde_json::to_string_pretty(&got).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn doc(name: &str) -> Document {
    extract(&Path::new(FIXTURES).join(name))
}

fn sections(doc: &Document) -> Vec<&str> {
    doc.blocks().iter().filter(|b| b.heading_level().is_some()).map(Block::text).collect()
}

fn all_text(doc: &Document) -> String {
    doc.blocks().iter().map(Block::text).collect::<Vec<_>>().join("\n")
}

/// Words of the sites' frames that must not reach the article text.
const CHROME: &[&str] = &[
    "Skip to",
    "Subscribe",
    "Sign in",
    "Share",
    "©",
    "Copyright",
    "Related",
    "Most popular",
    "Most read",
    "References",
    "https://",
    "[IMG]",
    "Unsubscribe",
    "View this post",
    "Comments",
    "Advertisement",
    "Like  Comment",
    "Privacy",
];

#[test]
fn dumps_lose_their_frames() {
    for name in ["lynx-links.txt", "w3m-dump.txt", "browser-copy.txt", "newsletter-email.txt"] {
        let text = all_text(&doc(name));
        for chrome in CHROME {
            assert!(!text.contains(chrome), "{name}: {chrome:?} in\n{text}");
        }
    }
}

#[test]
fn lynx_dump_with_numbered_links() {
    let doc = doc("lynx-links.txt");
    assert_eq!(doc.meta().title.as_deref(), Some("Ferry operator warns of cuts as council delays vote"));
    assert_eq!(doc.meta().byline.as_deref(), Some("Ann Okafor"));
    assert_eq!(doc.meta().published.as_deref(), Some("2026-03-03"));
    assert_eq!(sections(&doc), ["What happens next"]);
    let text = all_text(&doc);
    assert!(
        text.contains("said Mira Halvorsen, the operator's chief executive"),
        "link number removed: {text}"
    );
    assert!(!text.contains('['), "no link numbers or placeholders: {text}");
}

#[test]
fn w3m_dump_keeps_its_list() {
    let doc = doc("w3m-dump.txt");
    assert_eq!(doc.meta().byline.as_deref(), Some("Peter Lindqvist"));
    assert_eq!(doc.meta().published.as_deref(), Some("2025-05-12"));
    assert_eq!(sections(&doc), ["Who pays", "Key dates"]);
    let items = doc.blocks().iter().filter(|b| matches!(b.kind(), BlockKind::ListItem { .. })).count();
    assert_eq!(items, 3);
}

#[test]
fn browser_copy_without_blank_lines() {
    let doc = doc("browser-copy.txt");
    assert_eq!(doc.meta().title.as_deref(), Some("Assembly passes rail bill after all-night session"));
    assert_eq!(doc.meta().byline.as_deref(), Some("Sofia Marchetti"));
    assert_eq!(doc.meta().published.as_deref(), Some("2024-06-14"));
    assert_eq!(sections(&doc), ["What the bill does"]);
    assert!(doc.blocks().first().unwrap().text().starts_with("The vote ends"), "the standfirst is body text");
}

#[test]
fn newsletter_email() {
    let doc = doc("newsletter-email.txt");
    assert_eq!(doc.meta().title.as_deref(), Some("The grain terminal deal is a bet on one tenant"));
    assert_eq!(doc.meta().byline.as_deref(), Some("Theo Marsh"));
    assert_eq!(doc.meta().published.as_deref(), Some("2025-04-22"));
    assert_eq!(sections(&doc), ["The catch in the lease"]);
    assert!(doc.blocks().last().unwrap().text().ends_with("he said."));
}

#[test]
fn markdown_with_and_without_front_matter() {
    let front = doc("front-matter.md");
    assert_eq!(front.meta().byline.as_deref(), Some("Ann Okafor, Bo Lindqvist"));
    assert_eq!(front.meta().site.as_deref(), Some("The Valley Courier"));
    assert_eq!(sections(&front), ["What changes", "The fine print"]);
    let plain = doc("plain.md");
    assert_eq!(plain.meta().title.as_deref(), Some("Harbour mains to be replaced"));
    assert_eq!(plain.meta().byline.as_deref(), Some("Peter Lindqvist"));
    assert_eq!(plain.meta().published.as_deref(), Some("2025-05-12"));
    assert_eq!(sections(&plain), ["Who pays"]);
}

/// Every word of a text that is a document of its own comes out: repeated
/// paragraphs, identical lines, short lines between paragraphs and
/// refrains are the author's (issue 22's cases, in our own words).
#[test]
fn plain_text_keeps_all_of_its_own_text() {
    let intro = "The council met on Tuesday to discuss the budget, and the debate ran late.\n\n";
    let numbered = (0..40)
        .map(|i| format!("Item {i}: the council approved the grant for branch {i}.\n\n"))
        .collect::<Vec<_>>();
    let refrain = "Oh the river runs, the river runs\nand carries us home again\n\n";
    let verses = (0..4)
        .map(|i| format!("Verse {i} tells of the harvest and the long walk home.\n\n{refrain}"))
        .collect::<Vec<_>>();
    let cases = [
        format!("{intro}{}The meeting closed at nine.\n", numbered.concat()),
        format!(
            "{intro}{}\nThe last line of the file.\n",
            "All work and no play makes a dull day.\n".repeat(50)
        ),
        format!(
            "{}Yes.\nNo.\nMaybe.\n\n{}",
            intro.repeat(3),
            "The findings were long and detailed.\n\n".repeat(5)
        ),
        format!("A song of the valley\n\n{}", verses.concat()),
    ];
    for text in cases {
        let document = text::extract(&text);
        let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        let mut kept: Vec<String> = document.meta().title.as_deref().map(words).unwrap_or_default();
        kept.extend(document.blocks().iter().flat_map(|block| words(block.text())));
        assert_eq!(kept, words(&text), "{text}");
    }
}
