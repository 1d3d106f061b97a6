//! `byline quotes` and `byline people` as users run them, on invented
//! articles (tests/fixtures/people): every format, `--speaker` by a
//! surname, the library's quotes, and one person under three forms in
//! three articles merged while two people sharing a surname stay apart.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use serde_json::Value;

const ONE: &str = "tests/fixtures/people/ferry-one.md";
const TWO: &str = "tests/fixtures/people/ferry-two.md";
const THREE: &str = "tests/fixtures/people/ferry-three.md";

fn byline(dir: &tempfile::TempDir) -> Command {
    let mut command = Command::cargo_bin("byline").unwrap();
    command
        .env("BYLINE_LIBRARY", dir.path().join("library.db"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_CACHE_HOME", dir.path().join("cache"));
    command
}

fn ok(dir: &tempfile::TempDir, args: &[&str]) -> String {
    let output = byline(dir).args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn csv_reads_back_with_a_csv_reader_one_row_per_quote() {
    let dir = tempfile::tempdir().unwrap();
    let text = ok(&dir, &["quotes", ONE, TWO]);
    let rows = byline::import::csv::parse(&text);
    assert_eq!(rows[0], ["speaker", "description", "quote", "section", "title", "site", "published", "url"]);
    assert_eq!(rows.len(), 5, "{rows:?}");
    assert!(rows.iter().skip(1).all(|row| row.len() == 8));
    assert_eq!(rows[1][0], "Ilse Marwick");
    assert_eq!(rows[1][1], "the harbour minister");
    assert!(rows[1][2].starts_with("We will not leave the islands without a boat, whatever"));
    assert_eq!(rows[1][4], "Ferry subsidy survives a late vote");
    assert_eq!((rows[1][5].as_str(), rows[1][6].as_str()), ("Tide Times", "2026-01-12"));
    assert!(text.contains("\"We will not leave"), "a field with a comma is quoted");
}

#[test]
fn speaker_takes_a_surname_and_json_and_markdown_carry_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let json: Value =
        serde_json::from_str(&ok(&dir, &["quotes", ONE, TWO, "--speaker", "marwick", "-f", "json"])).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 2, "{json:#}");
    assert!(rows.iter().all(|row| row["speaker"] == "Ilse Marwick"));
    let full = ok(&dir, &["quotes", ONE, TWO, "--speaker", "Ilse  Marwick", "-f", "json"]);
    assert_eq!(serde_json::from_str::<Value>(&full).unwrap(), json);
    let markdown = ok(&dir, &["quotes", TWO, "--speaker", "Brandt", "--format", "markdown"]);
    assert!(markdown.starts_with("> We will keep writing until somebody answers with a date"), "{markdown}");
    assert!(markdown.contains("> — Eva Brandt"), "{markdown}");
    assert!(markdown.contains("*Islands ask for a second boat*, Tide Times, 2026-02-03"), "{markdown}");
    let none = ok(&dir, &["quotes", ONE, "--speaker", "Nobody", "-f", "json"]);
    assert_eq!(none.trim(), "[]");
}

#[test]
fn the_library_quotes_and_people_merge_forms_but_not_shared_surnames() {
    let dir = tempfile::tempdir().unwrap();
    ok(&dir, &["save", ONE, TWO, THREE]);
    let rows = byline::import::csv::parse(&ok(&dir, &["quotes", "--library", "--speaker", "Marwick"]));
    assert_eq!(rows.len(), 4, "three articles' quotes: {rows:?}");
    let people: Value = serde_json::from_str(&ok(&dir, &["people", "--json"])).unwrap();
    let people = people.as_array().unwrap();
    let marwick: Vec<&Value> =
        people.iter().filter(|p| p["name"].as_str().unwrap().contains("Marwick")).collect();
    assert_eq!(marwick.len(), 1, "{people:#?}");
    assert_eq!(marwick[0]["name"], "Ilse Marwick");
    assert_eq!((marwick[0]["quotes"].as_u64(), marwick[0]["articles"].as_u64()), (Some(3), Some(3)));
    assert_eq!(
        (marwick[0]["first"].as_str(), marwick[0]["last"].as_str()),
        (Some("2026-01-12"), Some("2026-03-20"))
    );
    let brandts: Vec<&str> =
        people.iter().filter_map(|p| p["name"].as_str()).filter(|name| name.contains("Brandt")).collect();
    assert_eq!(brandts.len(), 2, "{brandts:?}");
    let text = ok(&dir, &["people"]);
    assert!(text.lines().next().unwrap().contains("Ilse Marwick"), "{text}");
}

#[test]
fn extract_with_quotes_appends_who_said_what_grouped_by_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let plain = ok(&dir, &["extract", ONE, "--format", "markdown"]);
    let text = ok(&dir, &["extract", ONE, "--format", "markdown", "--with-quotes"]);
    let (article, appended) = text.split_once("\n## Who said what\n\n").unwrap();
    assert_eq!(article, plain, "the article itself is unchanged");
    let marwick = appended.find("### Ilse Marwick\n\n*the harbour minister*\n\n> We will not leave").unwrap();
    let brandt = appended.find("### Tom Brandt").unwrap();
    assert!(marwick < brandt, "in the order they are first quoted: {appended}");
    assert!(appended.contains("> I have heard promises like this"), "{appended}");
    let output = byline(&dir).args(["extract", ONE, "--with-quotes"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--with-quotes goes with --format markdown"));
}
