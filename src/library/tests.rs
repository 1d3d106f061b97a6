//! The library on temporary files and in memory: saving and updating,
//! search, tags, the reader's state, people, failures (a full disk, a
//! read-only file, a busy writer) and repair of a tampered article.

use std::path::PathBuf;

use super::*;
use crate::model::{Anchor, BlockId};
use crate::source::{Loaded, SourceSpec};

const ARTICLE: &str = "---
title: Harbor vote delayed again
author: Ann Lee
date: 2026-03-01
---

The council met on Tuesday to discuss the harbor compact. \"We will not sign this agreement until the \
fishermen are heard,\" said Ada Vole, an engineer at the Lantern Policy Institute.

## The money

\"The budget is simply empty this year,\" Tomas Brevik, a fisherman, said after the meeting.

Vole added: \"Nobody has asked the islands what they need.\"
";

const OTHER: &str = "---
title: Bridge tolls to rise
date: 2026-02-10
---

Tolls on the old bridge will rise in May. \"Drivers will pay for a decade of neglect,\" said Noor Baptiste, \
a spokeswoman for the council.

Kim Alder, an economist, was blunt: \"The harbor money was spent twice.\"
";

pub(super) fn prepared(name: &str, text: &str) -> Prepared {
    let loaded = Loaded::from_bytes(text.as_bytes().to_vec(), SourceSpec::File(PathBuf::from(name)));
    prepare(loaded, None, None, Hints::default()).unwrap()
}

fn library_with_two() -> (Library, i64, i64) {
    let mut library = Library::in_memory().unwrap();
    let a = library.save(&prepared("harbor.md", ARTICLE), &[]).unwrap();
    let b = library.save(&prepared("bridge.md", OTHER), &["Transport".into()]).unwrap();
    assert_eq!((a.outcome, b.outcome), (Outcome::Added, Outcome::Added));
    (library, a.id, b.id)
}

fn ids(hits: &[Hit]) -> Vec<i64> {
    hits.iter().map(|h| h.summary.id).collect()
}

fn search(library: &Library, query: &str) -> Vec<Hit> {
    library.search(query, &SearchOptions { snippets: true, ..SearchOptions::default() }).unwrap()
}

#[test]
fn saving_again_updates_instead_of_duplicating() {
    let (mut library, a, _) = library_with_two();
    let again = library.save(&prepared("harbor.md", ARTICLE), &["later".into()]).unwrap();
    assert_eq!(again, Saved { id: a, outcome: Outcome::Unchanged });
    let edited = ARTICLE.replace("Tuesday", "Wednesday");
    let edited = library.save(&prepared("harbor.md", &edited), &[]).unwrap();
    assert_eq!(edited, Saved { id: a, outcome: Outcome::Updated });
    // The same bytes under another name are the same article, now known
    // by that name.
    let copy = library.save(&prepared("copy-of-bridge.md", OTHER), &[]).unwrap();
    assert_eq!(copy.outcome, Outcome::Updated);
    assert_eq!(library.summary(copy.id).unwrap().source, "copy-of-bridge.md");
    assert_eq!(library.count().unwrap(), 2);
    let summary = library.summary(a).unwrap();
    assert_eq!(summary.tags, ["later"]);
    assert_eq!(summary.title.as_deref(), Some("Harbor vote delayed again"));
    assert_eq!(search(&library, "wednesday").len(), 1, "the index follows the update");
    assert!(search(&library, "tuesday").is_empty());
}

#[test]
fn the_same_url_is_the_same_article() {
    let mut library = Library::in_memory().unwrap();
    let page = |body: &str| {
        format!(
            "<html><head><title>Ferry</title><link rel=canonical href=\"https://news.example/2026/ferry?utm_source=x\">\
             </head><body><article><h1>Ferry cuts</h1><p>{body}</p><p>More text about the ferry and its timetable.</p>\
             </article></body></html>"
        )
    };
    let first = library.save(&prepared("a.html", &page("The late boat stays.")), &[]).unwrap();
    let second = library.save(&prepared("b.html", &page("The late boat goes.")), &[]).unwrap();
    assert_eq!(second, Saved { id: first.id, outcome: Outcome::Updated });
    // A canonical URL that is a site's front page identifies nothing.
    let home = |body: &str| page(body).replace("/2026/ferry?utm_source=x", "/");
    let c = library.save(&prepared("c.html", &home("One.")), &[]).unwrap();
    let d = library.save(&prepared("d.html", &home("Two.")), &[]).unwrap();
    assert_ne!(c.id, d.id);
}

#[rstest::rstest]
#[case("https://www.news.example/a/b/?utm_source=x&id=3#top", Some("//news.example/a/b?id=3"))]
#[case("http://news.example/a", Some("//news.example/a"))]
#[case("https://news.example/", None)]
#[case("https://news.example", None)]
#[case("ftp://news.example/a", None)]
#[case("not a url", None)]
fn url_keys(#[case] url: &str, #[case] key: Option<&str>) {
    assert_eq!(store::url_key(url).as_deref(), key);
}

#[test]
fn search_ranks_words_and_narrows_by_fields() {
    let (library, a, b) = library_with_two();
    assert_eq!(ids(&search(&library, "harbor")), [a, b], "a title match ranks first");
    assert_eq!(ids(&search(&library, "bridge")), [b]);
    assert_eq!(ids(&search(&library, "harb*")), [a, b]);
    assert_eq!(ids(&search(&library, "title:harbor")), [a]);
    assert_eq!(ids(&search(&library, "\"budget is simply empty\"")), [a]);
    assert!(search(&library, "\"empty budget\"").is_empty());
    assert_eq!(ids(&search(&library, "speaker:Vole")), [a]);
    assert_eq!(ids(&search(&library, "speaker:\"Noor Baptiste\"")), [b]);
    assert_eq!(ids(&search(&library, "quote:\"spent twice\"")), [b]);
    // speaker: and quote: hold for one and the same quote.
    assert_eq!(ids(&search(&library, "speaker:Vole quote:islands")), [a]);
    assert!(search(&library, "speaker:Brevik quote:islands").is_empty());
    assert_eq!(ids(&search(&library, "harbor speaker:Alder")), [b]);
    assert_eq!(ids(&search(&library, "tag:transport")), [b]);
    assert_eq!(ids(&search(&library, "harbor tag:transport")), [b]);
    assert!(search(&library, "site:nowhere").is_empty());
    assert!(search(&library, "\"").is_empty() || search(&library, "\"").len() == 2);
    assert_eq!(search(&library, "").len(), 2, "no words: everything, newest first");
}

#[test]
fn snippets_mark_the_matches() {
    let (library, a, _) = library_with_two();
    let hits = search(&library, "fishermen");
    assert_eq!(ids(&hits), [a]);
    let snippet = hits[0].snippet.as_deref().unwrap();
    let (text, ranges) = highlights(snippet);
    assert_eq!(ranges.len(), 1);
    let found: String = text.chars().skip(ranges[0].start).take(ranges[0].len()).collect();
    assert_eq!(found, "fishermen");
    let hits = search(&library, "speaker:Vole quote:islands");
    let quote = hits[0].quote.as_ref().unwrap();
    assert_eq!(quote.speaker.as_deref(), Some("Ada Vole"));
    assert_eq!(quote.ordinal, 2);
    assert_eq!(mark_matches(&quote.text, "[", "]"), "Nobody has asked the [islands] what they need.");
}

#[test]
fn search_as_you_type_takes_the_last_word_as_a_prefix() {
    let (library, a, b) = library_with_two();
    assert_eq!(library.search_ids("harb").unwrap(), [a, b]);
    assert!(library.search_ids("harb ").unwrap().is_empty(), "a finished word is a word");
    assert_eq!(library.search_ids("speaker:Bapt").unwrap(), [b]);
    assert_eq!(library.search_ids("").unwrap().len(), 2);
}

#[rstest::rstest]
#[case("a b", &[(None, "a", false), (None, "b", false)], &[], &[])]
#[case("title:x \"y z\"", &[(Some("title"), "x", false), (None, "y z", false)], &[], &[])]
#[case("speaker:\"Ada Vole\" quote:“never again”", &[], &["Ada Vole"], &["never again"])]
#[case("who:Vole said:tax*", &[], &["Vole"], &["tax"])]
#[case("foo:bar", &[(None, "foo bar", false)], &[], &[])]
#[case("— … \"\"", &[], &[], &[])]
#[case("a \"b", &[(None, "a", false), (None, "b", false)], &[], &[])]
fn queries_parse(
    #[case] text: &str,
    #[case] article: &[(Option<&str>, &str, bool)],
    #[case] speaker: &[&str],
    #[case] quote: &[&str],
) {
    let query = parse_query(text, false);
    let got: Vec<(Option<&str>, &str, bool)> =
        query.article.iter().map(|(c, t)| (*c, t.words.as_str(), t.prefix)).collect();
    assert_eq!(got, article);
    assert_eq!(query.speaker.iter().map(|t| t.words.as_str()).collect::<Vec<_>>(), speaker);
    assert_eq!(query.quote.iter().map(|t| t.words.as_str()).collect::<Vec<_>>(), quote);
}

#[test]
fn prefix_last_applies_to_the_last_term_only_while_typing() {
    let query = parse_query("harbor spea", true);
    assert_eq!(query.article.iter().map(|(_, t)| t.prefix).collect::<Vec<_>>(), [false, true]);
    assert!(!parse_query("harbor ", true).article[0].1.prefix);
    assert!(!parse_query("\"harbor\"", true).article[0].1.prefix);
    assert!(parse_query("speaker:Vo", true).speaker[0].prefix);
}

#[test]
fn removing_leaves_nothing_behind() {
    let (mut library, a, b) = library_with_two();
    assert_eq!(library.remove(&[a, 999]).unwrap(), 1);
    assert_eq!(library.count().unwrap(), 1);
    assert!(search(&library, "fishermen").is_empty());
    assert!(search(&library, "speaker:Vole").is_empty());
    let left: i64 = library
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM speakers WHERE article_id = ?1) + (SELECT count(*) FROM quotes WHERE article_id = ?1)
             + (SELECT count(*) FROM sources WHERE article_id = ?1) + (SELECT count(*) FROM documents WHERE article_id = ?1)
             + (SELECT count(*) FROM speaker_names n LEFT JOIN speakers s ON s.id = n.speaker_id WHERE s.id IS NULL)
             + (SELECT count(*) FROM quote_fts) - (SELECT count(*) FROM quotes)",
            [a],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
    assert_eq!(library.summary(b).unwrap().id, b);
    assert!(matches!(library.summary(a), Err(Error::NotInLibrary { id }) if id == a));
}

#[test]
fn tags_are_normalised_added_and_removed() {
    let (mut library, a, _) = library_with_two();
    let tags = library.tag(a, &["#Policy".into(), " harbor  towns ".into(), String::new()], false).unwrap();
    assert_eq!(tags, ["harbor towns", "policy"]);
    let tags = library.tag(a, &["POLICY".into()], true).unwrap();
    assert_eq!(tags, ["harbor towns"]);
    assert!(matches!(library.tag(404, &["x".into()], false), Err(Error::NotInLibrary { id: 404 })));
    let filter = ListFilter { tag: Some("Harbor Towns".into()), ..ListFilter::default() };
    assert_eq!(library.list(&filter).unwrap().len(), 1);
}

#[test]
fn the_reading_state_round_trips_and_the_end_marks_read() {
    let (mut library, a, _) = library_with_two();
    let opened = library.open_article(a).unwrap();
    assert_eq!(opened.state, ReadingState::default());
    assert!(opened.summary.opened_at.is_some());
    let blocks = opened.article.blocks();
    let mut state =
        ReadingState { position: Anchor::at(blocks, BlockId(2), 4), progress: 40, ..ReadingState::default() };
    state.marks.insert('a', Anchor::at(blocks, BlockId(1), 0).unwrap());
    library.save_reading(a, &state, false).unwrap();
    assert_eq!(library.reading_state(a).unwrap(), state);
    let unread = ListFilter { unread: true, ..ListFilter::default() };
    assert_eq!(library.list(&unread).unwrap().len(), 2);
    library.save_reading(a, &ReadingState { progress: 100, ..state.clone() }, true).unwrap();
    assert_eq!(library.list(&unread).unwrap().len(), 1);
    library.set_read(a, false).unwrap();
    assert_eq!(library.list(&unread).unwrap().len(), 2);
    assert!(matches!(library.save_reading(77, &state, false), Err(Error::NotInLibrary { id: 77 })));
}

#[test]
fn reextraction_keeps_the_position_on_the_same_text() {
    let (mut library, a, _) = library_with_two();
    let article = library.stored_article(a).unwrap();
    let blocks = article.blocks();
    let target = blocks[2].text().to_owned();
    let state = ReadingState { position: Anchor::at(blocks, BlockId(2), 3), ..ReadingState::default() };
    library.save_reading(a, &state, false).unwrap();
    // A "better extractor" that finds one more block at the start.
    let mut moved: crate::model::Article = article.clone();
    let mut new_blocks =
        vec![crate::model::Block::new(crate::model::BlockKind::Paragraph, "A new first paragraph.")];
    new_blocks.extend(blocks.iter().cloned());
    moved.document = crate::model::Document::new(article.meta().clone(), new_blocks);
    moved.analysis = crate::analysis::analyze(&moved.document);
    library.replace(a, &moved, &Recipe::default()).unwrap();
    let position = library.reading_state(a).unwrap().position.unwrap();
    assert_eq!(position.block_hint, 3, "the hint follows the text");
    let stored = library.stored_article(a).unwrap();
    let (block, offset) = position.resolve(stored.blocks()).unwrap();
    assert_eq!((stored.blocks()[block.index()].text(), offset), (target.as_str(), 3));
}

#[test]
fn a_tampered_article_is_rebuilt_from_its_bytes() {
    let (mut library, a, _) = library_with_two();
    let good = library.stored_article(a).unwrap();
    let json =
        serde_json::to_string(&good).unwrap().replace("The council", "The \\u001b]0;pwned\\u0007council");
    library
        .conn
        .execute("UPDATE documents SET json = ?2 WHERE article_id = ?1", rusqlite::params![a, json])
        .unwrap();
    assert_eq!(library.stored_article(a).unwrap().blocks(), good.blocks());
    library.conn.execute("UPDATE documents SET json = 'not json' WHERE article_id = ?1", [a]).unwrap();
    assert_eq!(library.open_article(a).unwrap().article.blocks(), good.blocks());
}

#[test]
fn people_are_rows_of_their_own() {
    let (library, a, b) = library_with_two();
    let speakers = library.speakers().unwrap();
    let names: Vec<(i64, &str)> = speakers.iter().map(|s| (s.article_id, s.name.as_str())).collect();
    assert_eq!(names, [(a, "Ada Vole"), (a, "Tomas Brevik"), (b, "Noor Baptiste"), (b, "Kim Alder")]);
    assert_eq!(speakers[0].quote_count, 2);
    assert_eq!(speakers[0].aliases, ["Vole"]);
    assert_eq!(speakers[0].published.as_deref(), Some("2026-03-01"));
    for form in ["Ada Vole", "vole", "  ADA   VOLE "] {
        let quotes = library.quotes(&QuoteFilter { speaker: Some(form.into()), article: None }).unwrap();
        assert_eq!(quotes.len(), 2, "{form}");
        assert_eq!(quotes[0].speakers[0].0, "Ada Vole");
    }
    let quotes = library.quotes(&QuoteFilter { speaker: None, article: Some(a) }).unwrap();
    assert_eq!(quotes.len(), 3);
    assert_eq!(quotes[1].section.as_deref(), Some("The money"));
    assert_eq!(quotes[1].text, "The budget is simply empty this year");
    assert_eq!(
        quotes[2].speakers,
        [("Ada Vole".to_owned(), Some("an engineer at the Lantern Policy Institute".to_owned()))]
    );
}

fn temp_library() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("library.db");
    (dir, path)
}

#[test]
fn a_full_disk_is_a_clear_error_and_writes_nothing() {
    let (_dir, path) = temp_library();
    let mut library = Library::open(&path).unwrap();
    library.save(&prepared("small.md", OTHER), &[]).unwrap();
    let pages: i64 = library.conn.query_row("PRAGMA page_count", [], |row| row.get(0)).unwrap();
    library.limit_pages_for_tests(pages as u64 + 2).unwrap();
    let big = format!("{ARTICLE}\n\n{}", "The harbor council argued about the budget again. ".repeat(4000));
    let error = library.save(&prepared("big.md", &big), &[]).unwrap_err().to_string();
    assert!(error.contains("the disk is full; nothing was written"), "{error}");
    assert!(error.contains("library.db"), "{error}");
    assert_eq!(library.count().unwrap(), 1);
    let orphans: i64 = library
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM sources) + (SELECT count(*) FROM documents) + (SELECT count(*) FROM article_fts)",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 3, "one article's rows, none of the failed one's");
    library.check_integrity().unwrap();
}

#[test]
fn a_read_only_library_is_a_clear_error() {
    let (_dir, path) = temp_library();
    let mut library = Library::open(&path).unwrap();
    library.save(&prepared("small.md", OTHER), &[]).unwrap();
    library.refuse_writes_for_tests().unwrap();
    let error = library.save(&prepared("harbor.md", ARTICLE), &[]).unwrap_err().to_string();
    assert!(error.contains("read-only; nothing was written"), "{error}");
    assert_eq!(library.list(&ListFilter::default()).unwrap().len(), 1, "reading still works");
}

#[test]
fn unusable_paths_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a database at all, just some text that is long enough").unwrap();
    let error = Library::open(&file).unwrap_err().to_string();
    assert!(error.contains("not a byline library"), "{error}");
    let error = Library::open(&file.join("library.db")).unwrap_err().to_string();
    assert!(error.contains("cannot create its directory"), "{error}");
    let error = Library::open(dir.path()).unwrap_err().to_string();
    assert!(error.ends_with("is a directory"), "{error}");
}

#[test]
fn a_second_writer_waits_for_the_first() {
    let (_dir, path) = temp_library();
    let mut first = Library::open(&path).unwrap();
    let mut second = Library::open(&path).unwrap();
    let (locked, release) = (std::sync::mpsc::channel(), std::sync::mpsc::channel::<()>());
    let holder = std::thread::spawn(move || {
        let tx = first.conn.transaction_with_behavior(TransactionBehavior::Immediate).unwrap();
        tx.execute("UPDATE articles SET read = 1", []).unwrap();
        locked.0.send(()).unwrap();
        release.1.recv_timeout(std::time::Duration::from_secs(5)).ok();
        std::thread::sleep(std::time::Duration::from_millis(300));
        tx.commit().unwrap();
        first
    });
    locked.1.recv().unwrap();
    release.0.send(()).unwrap();
    let saved = second.save(&prepared("harbor.md", ARTICLE), &[]).unwrap();
    assert_eq!(saved.outcome, Outcome::Added);
    let first = holder.join().unwrap();
    assert_eq!(first.count().unwrap(), 1);
}

#[test]
fn a_backup_is_one_consistent_file() {
    let (dir, path) = temp_library();
    let mut library = Library::open(&path).unwrap();
    library.save(&prepared("harbor.md", ARTICLE), &["kept".into()]).unwrap();
    let copy = dir.path().join("backup.db");
    library.backup(&copy).unwrap();
    assert!(library.backup(&copy).unwrap_err().to_string().contains("already exists"));
    let restored = Library::open(&copy).unwrap();
    assert_eq!(restored.list(&ListFilter::default()).unwrap()[0].tags, ["kept"]);
    assert_eq!(ids(&search(&restored, "speaker:Vole")).len(), 1);
}

#[test]
fn the_library_is_found_where_asked() {
    let explicit = PathBuf::from("/x/explicit.db");
    assert_eq!(locate(Some(&explicit), None).unwrap(), explicit);
    let configured = PathBuf::from("/x/configured.db");
    if std::env::var_os(LIBRARY_ENV).is_none() {
        assert_eq!(locate(None, Some(&configured)).unwrap(), configured);
    }
    assert!(default_path().is_none_or(|p| p.ends_with("byline/library.db")));
}

#[test]
fn a_saved_page_is_found_by_the_url_typed_or_its_own_and_read_back_whole() {
    let page = "<html><head><title>Pier levy</title>\
        <link rel=\"canonical\" href=\"https://www.harbor.example/pier-levy\"></head><body><article>\
        <h1>Pier levy</h1><p>The harbour board agreed on Monday to a levy on pier berths after the storms.</p>\
        </article></body></html>";
    let loaded = Loaded {
        url: Some("https://harbor.example/news/7".into()),
        content_type: Some("text/html; charset=utf-8".into()),
        ..Loaded::from_bytes(page.as_bytes().to_vec(), SourceSpec::Url("https://harbor.example/n/7".into()))
    };
    let mut library = Library::in_memory().unwrap();
    let saved = library.save(&prepare(loaded, None, None, Hints::default()).unwrap(), &[]).unwrap();
    for url in [
        "https://harbor.example/n/7",
        "https://harbor.example/pier-levy",
        "http://www.harbor.example/pier-levy/?utm_source=feed",
    ] {
        assert_eq!(library.find_url(url).unwrap(), Some(saved.id), "{url}");
    }
    assert_eq!(library.find_url("https://harbor.example/other").unwrap(), None);
    assert_eq!(library.find_url("not a url").unwrap(), None);
    let kept = library.saved_page("https://harbor.example/n/7").unwrap().unwrap();
    assert_eq!(kept.bytes, page.as_bytes());
    assert_eq!(kept.final_url, "https://harbor.example/news/7");
    assert_eq!(kept.content_type.as_deref(), Some("text/html; charset=utf-8"));
    assert!(kept.fetched_at > 0);
    assert!(library.saved_page("https://harbor.example/other").unwrap().is_none());
}

#[test]
fn a_library_not_there_is_not_created_by_a_lookup() {
    use crate::source::SavedPages;
    let dir = tempfile::tempdir().unwrap();
    let saved = SavedIn::new(dir.path().join("library.db"));
    assert!(saved.saved_page("https://harbor.example/n/7").is_none());
    assert!(!saved.path().exists());
}
