//! The library under stress, with the real binary: an import killed with
//! SIGKILL half-way loses nothing it had committed and leaves a database
//! that passes `PRAGMA integrity_check` (and a second import completes it
//! without copies); two imports into one library at once both finish, with
//! every article in.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

/// Writes `count` small articles, each with two attributed quotes.
fn write_posts(dir: &Path, prefix: &str, count: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for index in 0..count {
        let text = format!(
            "# {prefix} report {index}\n\nThe council met again about the harbor compact, meeting {index} of the \
             season. \"We will not sign this agreement until the fishermen are heard,\" said Ada Vole, an engineer \
             at the Lantern Policy Institute.\n\n## The money\n\n\"The budget is simply empty this year,\" Tomas \
             Brevik, a fisherman, said after meeting {index}.\n"
        );
        std::fs::write(dir.join(format!("{prefix}-{index:04}.md")), text).unwrap();
    }
}

fn byline(library: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_byline"));
    command.env("BYLINE_LIBRARY", library).env_remove("XDG_CONFIG_HOME");
    command
}

fn read_only(library: &Path) -> Option<Connection> {
    Connection::open_with_flags(library, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()
}

/// (id, title) of every article, or nothing while the library is not made.
fn articles(library: &Path) -> Vec<(i64, String)> {
    let Some(conn) = read_only(library) else { return Vec::new() };
    let Ok(mut statement) = conn.prepare("SELECT id, title FROM articles ORDER BY id") else {
        return Vec::new();
    };
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)));
    rows.map(|rows| rows.filter_map(Result::ok).collect()).unwrap_or_default()
}

fn integrity(library: &Path) -> String {
    let conn = Connection::open(library).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap()
}

/// Every article is whole: its bytes, its document, its index row.
fn assert_whole(library: &Path) {
    let conn = Connection::open(library).unwrap();
    let broken: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id)
               OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.article_id = a.id)
               OR NOT EXISTS (SELECT 1 FROM article_fts f WHERE f.rowid = a.id)
               OR (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) != 2",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(broken, 0, "half-written articles");
    let (articles, indexed): (i64, i64) = conn
        .query_row("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_fts)", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .unwrap();
    assert_eq!(articles, indexed);
}

#[test]
fn an_import_killed_half_way_keeps_what_it_committed() {
    const POSTS: usize = 1000;
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("posts");
    write_posts(&posts, "harbor", POSTS);
    let library: PathBuf = dir.path().join("library.db");
    let mut child = byline(&library)
        .arg("import")
        .arg(&posts)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let before_kill = loop {
        let seen = articles(&library);
        if seen.len() >= 50 {
            break seen;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "the import did not start");
        std::thread::sleep(Duration::from_millis(2));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    let after = articles(&library);
    assert!(
        after.len() < POSTS,
        "killed before the end ({} of {POSTS}): make the import longer",
        after.len()
    );
    assert_eq!(integrity(&library), "ok");
    for article in &before_kill {
        assert!(after.contains(article), "{article:?} was committed before the kill and is gone");
    }
    assert_whole(&library);
    // The same import again finishes the job, with no copies.
    let output = byline(&library).arg("import").arg(&posts).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let added = POSTS - after.len();
    assert!(stderr.contains(&format!("{added} added, {} unchanged", after.len())), "{stderr}");
    assert_eq!(articles(&library).len(), POSTS);
    assert_whole(&library);
}

#[test]
fn two_imports_at_once_both_finish_with_every_article() {
    const EACH: usize = 300;
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.db");
    let folders = ["ferry", "bridge"].map(|name| {
        let folder = dir.path().join(name);
        write_posts(&folder, name, EACH);
        folder
    });
    let children: Vec<_> = folders
        .iter()
        .map(|folder| {
            byline(&library)
                .arg("import")
                .arg(folder)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    // Meanwhile a third process reads and writes too.
    let mut tagged = 0;
    while tagged < 20 {
        if let Some((id, _)) = articles(&library).first() {
            let status =
                byline(&library).args(["tag", &id.to_string(), &format!("t{tagged}")]).status().unwrap();
            assert!(status.success());
            tagged += 1;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    for child in children {
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(output.status.success(), "{stderr}");
        assert!(stderr.contains(&format!("{EACH} added")), "{stderr}");
    }
    assert_eq!(articles(&library).len(), 2 * EACH);
    assert_eq!(integrity(&library), "ok");
    assert_whole(&library);
    let conn = Connection::open(&library).unwrap();
    let tags: i64 = conn.query_row("SELECT count(*) FROM tags", [], |row| row.get(0)).unwrap();
    assert_eq!(tags, 20, "no write was lost");
}
