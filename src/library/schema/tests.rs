//! Every migration from every earlier version, with data: the articles a
//! byline of that version would have stored come through whole, and what
//! the later steps derive from them is filled in.

use rusqlite::{Connection, params};

use super::*;
use crate::library::tests::prepared;
use crate::library::{Library, ListFilter, SearchOptions};

const ARTICLE: &str = "---
title: Ferry timetable fight
date: 2025-11-02
---

The regional office wants to cut the late crossing. \"The late boat carries the nurses home,\" said Maren Holt, \
a councillor on the outer island.

## What the office proposed

\"An on-demand taxi is not a ferry,\" Holt said.
";

/// Rows as schema 1 stored them, written with schema 1's SQL.
fn store_as_version_1(conn: &Connection) -> i64 {
    let item = prepared("ferry.md", ARTICLE);
    let meta = item.article.meta();
    conn.execute(
        "INSERT INTO articles (source, origin, url, url_key, source_hash, title, byline, site, published, lang,
         words, extractor_version, saved_at, updated_at, read, progress, position, marks)
         VALUES ('ferry.md', 'file:ferry.md', NULL, NULL, ?1, ?2, NULL, NULL, ?3, NULL, 40, 1, 1700000000,
                 1700000000, 0, 35, '{\"fingerprint\":7,\"offset\":3,\"block_hint\":1}', '{}')",
        params![item.article.identity.source_hash, meta.title, meta.published],
    )
    .unwrap();
    let id = conn.last_insert_rowid();
    let json = serde_json::to_string(&item.article).unwrap();
    let recipe = serde_json::to_string(&item.recipe).unwrap();
    conn.execute("INSERT INTO documents (article_id, json) VALUES (?1, ?2)", params![id, json]).unwrap();
    conn.execute(
        "INSERT INTO sources (article_id, recipe, bytes) VALUES (?1, ?2, ?3)",
        params![id, recipe, item.bytes],
    )
    .unwrap();
    conn.execute("INSERT INTO tags (article_id, tag) VALUES (?1, 'islands')", [id]).unwrap();
    id
}

#[test]
fn every_version_migrates_to_the_latest_with_its_data() {
    for start in 0..LATEST {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        let id = if start == 0 {
            None
        } else {
            migrate_to(&mut conn, 1).unwrap();
            let id = store_as_version_1(&conn);
            migrate_to(&mut conn, start).unwrap();
            Some(id)
        };
        assert_eq!(version(&conn).unwrap(), start);
        let mut library = Library::configure(conn, ":memory:".into()).unwrap();
        assert_eq!(version(&library.conn).unwrap(), LATEST, "from {start}");
        library.check_integrity().unwrap();
        if let Some(id) = id {
            let summary = library.summary(id).unwrap();
            assert_eq!(summary.title.as_deref(), Some("Ferry timetable fight"), "from {start}");
            assert_eq!((summary.tags.as_slice(), summary.progress), (&["islands".to_owned()][..], 35));
            assert_eq!(library.reading_state(id).unwrap().position.map(|p| p.offset), Some(3));
            let options = SearchOptions::default();
            let found = |query: &str| library.search(query, &options).unwrap().len();
            assert_eq!(found("nurses"), 1, "the text index is filled, from {start}");
            assert_eq!(found("speaker:Holt quote:taxi"), 1, "the quotes index is filled, from {start}");
            let speakers = library.speakers().unwrap();
            assert_eq!(speakers.len(), 1, "from {start}");
            assert_eq!(speakers[0].quote_count, 2);
        }
        // And the migrated library works like a new one.
        library.save(&prepared("other.md", &ARTICLE.replace("Ferry", "Bus")), &[]).unwrap();
        assert_eq!(library.list(&ListFilter::default()).unwrap().len(), usize::from(id.is_some()) + 1);
        migrate(&mut library.conn).unwrap();
        assert_eq!(version(&library.conn).unwrap(), LATEST);
    }
}

#[test]
fn an_unreadable_article_does_not_stop_a_migration() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate_to(&mut conn, 1).unwrap();
    let id = store_as_version_1(&conn);
    conn.execute("UPDATE documents SET json = '{broken' WHERE article_id = ?1", [id]).unwrap();
    migrate(&mut conn).unwrap();
    assert_eq!(version(&conn).unwrap(), LATEST);
}

#[test]
fn a_newer_library_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", LATEST + 1).unwrap();
    drop(conn);
    let error = Library::open(&path).unwrap_err().to_string();
    assert!(error.contains(&format!("written by a newer byline (schema {}", LATEST + 1)), "{error}");
}

#[test]
fn two_processes_opening_a_new_library_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    let openers: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || Library::open(&path).map(|l| version(&l.conn).unwrap()))
        })
        .collect();
    for opener in openers {
        assert_eq!(opener.join().unwrap().unwrap(), LATEST);
    }
}
