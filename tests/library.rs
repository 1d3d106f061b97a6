//! The library's commands as users run them, each test on a library of its
//! own in a temporary folder: save (files, stdin, errors), list, search
//! with `speaker:` and `quote:`, tag, rm, export, import of folders,
//! Substack exports and feeds, reextract, backup, and where the library is.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const HTML_SAMPLE: &str = "assets/samples/harbor-compact.html";
const TEXT_SAMPLE: &str = "assets/samples/borderline-budget.txt";
const MARKDOWN_SAMPLE: &str = "assets/samples/quiet-diplomacy.md";

/// A library in a temporary folder.
struct Lib {
    dir: tempfile::TempDir,
}

impl Lib {
    fn new() -> Self {
        Self { dir: tempfile::tempdir().unwrap() }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("library.db")
    }

    fn byline(&self) -> Command {
        let mut command = Command::cargo_bin("byline").unwrap();
        command.env("BYLINE_LIBRARY", self.path()).env("XDG_CONFIG_HOME", self.dir.path().join("config"));
        command
    }

    /// Runs byline with `args`; asserts success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let output = self.byline().args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    fn list(&self) -> Vec<Value> {
        self.json(&["list", "--json"]).as_array().unwrap().clone()
    }

    fn saved_samples(&self) -> Vec<Value> {
        self.ok(&["save", HTML_SAMPLE, TEXT_SAMPLE, MARKDOWN_SAMPLE]);
        self.list()
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }
}

fn ids(items: &[Value]) -> Vec<i64> {
    items.iter().map(|item| item["id"].as_i64().unwrap()).collect()
}

#[test]
fn save_then_list_as_json_with_every_field() {
    let lib = Lib::new();
    let out = lib.ok(&["save", HTML_SAMPLE, MARKDOWN_SAMPLE]);
    assert_eq!(
        out,
        "added         1  Why the Harbor Compact talks stalled\nadded         2  Quiet diplomacy in the Selka Strait\n"
    );
    let list = lib.list();
    assert_eq!(ids(&list), [2, 1], "newest first");
    for field in [
        "id",
        "title",
        "byline",
        "site",
        "published",
        "saved_at",
        "opened_at",
        "url",
        "source",
        "read",
        "progress",
        "tags",
    ] {
        assert!(list[0].get(field).is_some(), "missing {field}");
    }
    assert_eq!(list[1]["title"], "Why the Harbor Compact talks stalled");
    assert_eq!(list[1]["site"], "Crosscurrents");
    assert_eq!(list[1]["published"], "2026-03-12");
    let saved_at = list[1]["saved_at"].as_str().unwrap();
    assert!(saved_at.len() == 20 && saved_at.ends_with('Z') && &saved_at[10..11] == "T", "{saved_at}");
    assert_eq!(list[1]["read"], false);
    // Saving again is not a copy.
    assert!(lib.ok(&["save", HTML_SAMPLE]).starts_with("unchanged     1"));
    assert_eq!(lib.list().len(), 2);
    let text = lib.ok(&["list"]);
    assert!(
        text.contains("    1 ● 2026-03-12   0%  Why the Harbor Compact talks stalled — Crosscurrents"),
        "{text}"
    );
}

#[test]
fn save_from_stdin_and_failures_per_source() {
    let lib = Lib::new();
    let article = std::fs::read_to_string(MARKDOWN_SAMPLE).unwrap();
    let output = lib.byline().args(["save", "--json", "-"]).write_stdin(article).output().unwrap();
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report[0]["source"], "stdin");
    assert_eq!(report[0]["status"], "added");
    // One source missing: the others are saved, one line says why, exit 2.
    let output = lib.byline().args(["save", "/nonexistent/a.html", TEXT_SAMPLE]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("byline: /nonexistent/a.html: "), "{stderr}");
    assert_eq!(lib.list().len(), 2);
    // A page with no article text is not saved: exit 1.
    let output = lib.byline().args(["save", "-"]).write_stdin("   \n\n").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stderr).unwrap().contains("no article text found; nothing saved"));
    assert_eq!(lib.list().len(), 2);
}

#[test]
fn search_ranks_and_narrows_by_speaker_and_quote() {
    let lib = Lib::new();
    let list = lib.saved_samples();
    let harbor = list.iter().find(|a| a["title"] == "Why the Harbor Compact talks stalled").unwrap();
    let hits = lib.json(&["search", "--json", "harbor"]);
    let hits = hits.as_array().unwrap();
    assert_eq!(hits[0]["id"], harbor["id"], "the title match first");
    let snippet = &hits[0]["snippet"];
    let text: Vec<char> = snippet["text"].as_str().unwrap().chars().collect();
    let [start, end] = [0, 1].map(|i| snippet["highlights"][0][i].as_u64().unwrap() as usize);
    assert_eq!(text[start..end].iter().collect::<String>().to_lowercase(), "harbor");
    // Two people quoted in the harbor sample: the quote must be the speaker's own.
    let raman = lib.json(&["search", "--json", "speaker:Raman"]);
    assert_eq!(raman[0]["id"], harbor["id"]);
    assert_eq!(raman[0]["quote"]["speaker"], "Priya Raman");
    let found = lib.json(&["search", "--json", "speaker:Raman quote:\"call the drought\""]);
    assert_eq!(found.as_array().unwrap().len(), 1);
    let quote = &found[0]["quote"];
    let text: Vec<char> = quote["text"].as_str().unwrap().chars().collect();
    let [start, end] = [0, 1].map(|i| quote["highlights"][0][i].as_u64().unwrap() as usize);
    assert_eq!(text[start..end].iter().collect::<String>(), "call the drought", "a phrase is one match");
    let wrong = lib.json(&["search", "--json", "speaker:Albrecht quote:\"call the drought\""]);
    assert!(wrong.as_array().unwrap().is_empty(), "Albrecht did not say it");
    let text = lib.ok(&["search", "harbor"]);
    assert!(text.contains("[Harbor]") || text.contains("[harbor]"), "{text}");
    let output = lib.byline().args(["search"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "a query is required");
}

#[test]
fn tags_filter_and_removal() {
    let lib = Lib::new();
    let list = lib.saved_samples();
    let id = list[0]["id"].to_string();
    assert_eq!(lib.ok(&["tag", &id, "Policy", "#islands"]), format!("{id}: islands, policy\n"));
    assert_eq!(lib.ok(&["tag", &id, "islands", "--remove"]), format!("{id}: policy\n"));
    let tagged = lib.json(&["list", "--json", "--tag", "policy"]);
    assert_eq!(ids(tagged.as_array().unwrap()), [list[0]["id"].as_i64().unwrap()]);
    assert_eq!(lib.json(&["search", "--json", "tag:policy"]).as_array().unwrap().len(), 1);
    let output = lib.byline().args(["tag", "999", "x"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("no article 999 in the library"));
}

#[test]
fn rm_removes_and_names_what_it_did_not_find() {
    let lib = Lib::new();
    let list = lib.saved_samples();
    let first = list[0]["id"].to_string();
    let output = lib.byline().args(["rm", &first, "77"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "removed 1 article\n");
    assert!(String::from_utf8(output.stderr).unwrap().contains("no article 77 in the library"));
    assert_eq!(lib.list().len(), 2);
}

#[test]
fn export_in_every_format() {
    let lib = Lib::new();
    lib.ok(&["save", HTML_SAMPLE]);
    let markdown = lib.ok(&["export", "1"]);
    assert!(markdown.starts_with("# Why the Harbor Compact talks stalled\n"), "{markdown}");
    let json: Value = serde_json::from_str(&lib.ok(&["export", "1", "--format", "json"])).unwrap();
    assert_eq!(json["schema"], 1);
    assert!(!json["quotes"].as_array().unwrap().is_empty());
    let html = lib.ok(&["export", "1", "-f", "html"]);
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("<h1>Why the Harbor Compact talks stalled</h1>")
    );
    let original = lib.byline().args(["export", "1", "--format", "original"]).output().unwrap();
    assert_eq!(original.stdout, std::fs::read(HTML_SAMPLE).unwrap(), "the bytes as saved");
    let file = lib.dir.path().join("out.md");
    lib.ok(&["export", "1", "-o", file.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(file).unwrap(), markdown);
    let output = lib.byline().args(["export", "42"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

fn posts_csv() -> &'static str {
    "post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url\n\
     11.ferry,2025-11-02T09:30:00.000Z,true,,,newsletter,everyone,\"Ferry fight, part one\",Why it matters,\n\
     12.tolls,2025-10-01T07:00:00.000Z,true,,,newsletter,everyone,Bridge tolls,,\n\
     13.draft,,false,,,newsletter,everyone,Unfinished,,\n"
}

const FERRY: &str = "<p>The ferry between the islands has run on one timetable since 2011. \"The late boat carries \
                     the nurses home,\" said Maren Holt, a councillor on the outer island.</p>";
const TOLLS: &str = "<p>The toll on the old bridge rises in May, the council decided after a long meeting about \
                     the state of the road and the money it would take to mend it.</p>";

#[test]
fn import_a_substack_export_zip_then_its_folder() {
    let lib = Lib::new();
    let zip_path = lib.dir.path().join("export.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    for (name, text) in
        [("posts.csv", posts_csv()), ("posts/11.ferry.html", FERRY), ("posts/12.tolls.html", TOLLS)]
    {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    let output = lib.byline().args(["import", "--json", zip_path.to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "a skipped draft is no failure: {output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["kind"], "Substack export");
    assert_eq!(
        (report["counts"]["added"].as_i64(), report["counts"]["skipped"].as_i64()),
        (Some(2), Some(1))
    );
    let items = report["items"].as_array().unwrap();
    assert_eq!(items[0]["item"], "posts/11.ferry.html");
    assert_eq!(items[0]["status"], "added");
    assert_eq!(items[0]["title"], "Ferry fight, part one");
    assert_eq!(items[2]["status"], "skipped");
    assert_eq!(items[2]["reason"], "a draft (not published)");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("imported 2 from Substack export"), "{stderr}");
    let list = lib.list();
    let ferry = list.iter().find(|a| a["title"] == "Ferry fight, part one").unwrap();
    assert_eq!(ferry["published"], "2025-11-02");
    // The unpacked folder is the same posts: nothing is added twice.
    for (name, text) in
        [("posts.csv", posts_csv()), ("posts/11.ferry.html", FERRY), ("posts/12.tolls.html", TOLLS)]
    {
        lib.write(&format!("unpacked/{name}"), text);
    }
    let output =
        lib.byline().args(["import", lib.dir.path().join("unpacked").to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("2 unchanged, 1 skipped"), "{stderr}");
    assert_eq!(lib.list().len(), 2);
}

#[test]
fn import_a_folder_reports_each_item_and_goes_on_after_a_bad_one() {
    let lib = Lib::new();
    lib.write("posts/one.md", "# One\n\nThe harbor compact stalled again this week, the council said.\n");
    lib.write("posts/two.txt", "Two\n\nThe bridge toll rises in May after a long meeting of the council.\n");
    std::fs::write(lib.dir.path().join("posts/three.html"), b"\x00\x01\x02binary\xff\xfe").unwrap();
    let folder = lib.dir.path().join("posts");
    let output =
        lib.byline().args(["import", "--json", "--tag", "notes", folder.to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let statuses: Vec<(&str, &str)> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["item"].as_str().unwrap(), i["status"].as_str().unwrap()))
        .collect();
    assert_eq!(statuses, [("one.md", "added"), ("three.html", "failed"), ("two.txt", "added")]);
    assert!(report["items"][1]["reason"].as_str().unwrap().contains("not a text or HTML document"));
    assert_eq!(lib.json(&["list", "--json", "--tag", "notes"]).as_array().unwrap().len(), 2);
    // Without --json: one line per failure and the summary, on stderr.
    let output = lib.byline().args(["import", folder.to_str().unwrap()]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("three.html: ") && stderr.contains("2 unchanged, 1 failed"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn import_a_feed_file() {
    let lib = Lib::new();
    let feed = lib.write(
        "feed.xml",
        &format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
             <channel><title>Island Notes</title><item><title>Ferry fight</title>\
             <link>https://islandnotes.example/p/ferry</link><guid>ferry-1</guid>\
             <pubDate>Sun, 02 Nov 2025 09:30:00 GMT</pubDate><content:encoded><![CDATA[{FERRY}]]></content:encoded>\
             </item></channel></rss>"
        ),
    );
    let report: Value = serde_json::from_str(&lib.ok(&["import", "--json", feed.to_str().unwrap()])).unwrap();
    assert_eq!(report["kind"], "feed");
    assert_eq!(report["items"][0]["url"], "https://islandnotes.example/p/ferry");
    let list = lib.list();
    assert_eq!(list[0]["site"], "Island Notes");
    assert_eq!(list[0]["url"], "https://islandnotes.example/p/ferry");
    assert_eq!(lib.json(&["search", "--json", "speaker:Holt"]).as_array().unwrap().len(), 1);
}

#[test]
fn reextract_rebuilds_stale_articles_and_keeps_their_place() {
    let lib = Lib::new();
    lib.saved_samples();
    let conn = rusqlite::Connection::open(lib.path()).unwrap();
    let position = "{\"fingerprint\":1,\"offset\":5,\"block_hint\":2}";
    conn.execute(
        "UPDATE articles SET extractor_version = 0, position = ?1, progress = 40 WHERE id = 2",
        [position],
    )
    .unwrap();
    conn.execute("UPDATE documents SET json = '{}' WHERE article_id = 2", []).unwrap();
    drop(conn);
    let report = lib.json(&["reextract", "--json"]);
    let report = report.as_array().unwrap();
    assert_eq!(report.len(), 1, "only the stale one");
    assert_eq!((report[0]["id"].as_i64(), report[0]["status"].as_str()), (Some(2), Some("updated")));
    assert!(lib.json(&["reextract", "--json"]).as_array().unwrap().is_empty(), "nothing stale now");
    assert_eq!(lib.json(&["reextract", "--json", "--all"]).as_array().unwrap().len(), 3);
    let conn = rusqlite::Connection::open(lib.path()).unwrap();
    let (version, progress): (i64, i64) = conn
        .query_row("SELECT extractor_version, progress FROM articles WHERE id = 2", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .unwrap();
    assert_eq!((version, progress), (i64::from(byline::pipeline::EXTRACTOR_VERSION), 40));
    assert!(lib.ok(&["export", "2"]).contains("ferries"), "the document is whole again");
}

#[test]
fn backup_is_a_library_of_its_own() {
    let lib = Lib::new();
    lib.saved_samples();
    let copy = lib.dir.path().join("copy.db");
    assert_eq!(
        lib.ok(&["backup", copy.to_str().unwrap()]),
        format!("copied 3 articles to {}\n", copy.display())
    );
    let listed = Command::cargo_bin("byline")
        .unwrap()
        .args(["list", "--library", copy.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(listed.stdout).unwrap().lines().count(), 3);
    let output = lib.byline().args(["backup", copy.to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "never overwrites");
}

#[test]
fn the_library_flag_wins_over_the_environment_and_errors_are_clear() {
    let lib = Lib::new();
    let other = lib.dir.path().join("other.db");
    lib.ok(&["save", "--library", other.to_str().unwrap(), MARKDOWN_SAMPLE]);
    assert!(other.exists());
    assert!(lib.list().is_empty(), "BYLINE_LIBRARY's library is another");
    let file = lib.write("plain.txt", "not a database");
    let output =
        lib.byline().args(["list", "--library", &format!("{}/library.db", file.display())]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("byline: library ") && stderr.contains("cannot create its directory"),
        "{stderr}"
    );
    let output = lib.byline().args(["list", "--library", file.to_str().unwrap()]).output().unwrap();
    assert!(String::from_utf8(output.stderr).unwrap().contains("not a byline library"));
    let output = lib.byline().args(["open", "5"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("no article 5 in the library"));
}

#[test]
fn the_config_file_can_name_the_library() {
    let lib = Lib::new();
    let configured = lib.dir.path().join("configured.db");
    lib.write("config/byline/config.toml", &format!("library = \"{}\"\n", configured.display()));
    let output = Command::cargo_bin("byline")
        .unwrap()
        .env_remove("BYLINE_LIBRARY")
        .env("XDG_CONFIG_HOME", lib.dir.path().join("config"))
        .args(["save", MARKDOWN_SAMPLE])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(configured.exists());
    assert!(Path::new(&configured).metadata().unwrap().len() > 0);
}
