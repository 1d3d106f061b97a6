//! Importing each kind of collection into a library in memory: what is
//! added, updated, skipped and failed, and why.

use std::io::Write;
use std::path::Path;

use super::*;
use crate::library::ListFilter;
use crate::source::LoadLimits;

const POST_A: &str = "<p>The ferry between the islands has run on one timetable since 2011. \"The late boat carries \
                      the nurses home,\" said Maren Holt, a councillor on the outer island.</p>\
                      <h2>What the office proposed</h2><p>An on-demand taxi would replace the late crossing.</p>";
const POST_B: &str = "<p>The toll on the old bridge rises in May, the council decided after a long meeting. Drivers \
                      will pay more for a decade of neglect, according to the report.</p>";
const POST_C: &str = "<h1>A stray post</h1><p>This body is in the export but not in its list of posts, and it should \
                      still be imported under its own title.</p>";

fn posts_csv() -> String {
    "post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url\n\
     101.ferry-fight,2025-11-02T09:30:00.000Z,true,,,newsletter,everyone,\"Ferry fight, part one\",\"Why the late \
     boat matters\",\n\
     102.bridge-tolls,2025-10-01T07:00:00.000Z,true,,,newsletter,everyone,Bridge tolls,,\n\
     103.unfinished,,false,,,newsletter,everyone,Unfinished,,\n"
        .to_owned()
}

fn export_files() -> Vec<(String, String)> {
    vec![
        ("posts.csv".into(), posts_csv()),
        ("posts/101.ferry-fight.html".into(), POST_A.into()),
        ("posts/102.bridge-tolls.html".into(), POST_B.into()),
        ("posts/104.stray.html".into(), POST_C.into()),
    ]
}

fn zip_of(files: &[(String, String)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        writer.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn loader(limits: LoadLimits) -> Arc<Loader> {
    Arc::new(Loader::new(limits, crate::source::FetchSettings::default()))
}

fn import(library: &mut Library, path: &Path, limits: LoadLimits) -> Vec<ItemReport> {
    let options = Options { loader: loader(limits), ..Options::default() };
    let collection = Collection::open(&SourceSpec::File(path.to_path_buf()), &options.loader).unwrap();
    let (reports, fatal) = run(library, collection, &options, |_| {});
    assert!(fatal.is_none(), "{fatal:?}");
    reports
}

fn statuses(reports: &[ItemReport]) -> Vec<(&str, &'static str)> {
    reports.iter().map(|r| (r.name.as_str(), r.status.name())).collect()
}

#[test]
fn a_folder_imports_its_articles_and_again_updates_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("older")).unwrap();
    std::fs::write(
        dir.path().join("a.html"),
        format!("<html><body><article>{POST_A}</article></body></html>"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("older/b.md"),
        "# Bridge tolls\n\nThe toll rises in May, the council decided.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.txt"),
        "Notes on the harbor\n\nThe harbor compact stalled again this week.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join(".hidden.md"), "# Hidden\n\nnot imported\n").unwrap();
    std::fs::write(dir.path().join("photo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::write(dir.path().join("broken.html"), b"\x89PNG\r\n\x1a\n\0\0\0binary").unwrap();
    let mut library = Library::in_memory().unwrap();
    let reports = import(&mut library, dir.path(), LoadLimits::default());
    assert_eq!(
        statuses(&reports),
        [("a.html", "added"), ("broken.html", "failed"), ("c.txt", "added"), ("older/b.md", "added")]
    );
    assert!(
        reports[1].reason.as_deref().unwrap().contains("not a text or HTML document"),
        "{:?}",
        reports[1]
    );
    assert_eq!(reports[3].title.as_deref(), Some("Bridge tolls"));
    let again = import(&mut library, dir.path(), LoadLimits::default());
    assert_eq!(again.iter().filter(|r| r.status == Status::Unchanged).count(), 3);
    std::fs::write(dir.path().join("c.txt"), "Notes on the harbor\n\nThe compact was signed after all.\n")
        .unwrap();
    let edited = import(&mut library, dir.path(), LoadLimits::default());
    assert_eq!(edited[2].status, Status::Updated);
    assert_eq!(edited[2].id, reports[2].id);
    assert_eq!(library.count().unwrap(), 3);
}

#[test]
fn a_substack_zip_takes_titles_and_dates_from_posts_csv() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("export.zip");
    std::fs::write(&zip, zip_of(&export_files())).unwrap();
    let mut library = Library::in_memory().unwrap();
    let collection =
        Collection::open(&SourceSpec::File(zip.clone()), &loader(LoadLimits::default())).unwrap();
    assert_eq!(collection.kind(), "Substack export");
    let reports = import(&mut library, &zip, LoadLimits::default());
    assert_eq!(
        statuses(&reports),
        [
            ("posts/101.ferry-fight.html", "added"),
            ("posts/102.bridge-tolls.html", "added"),
            ("posts/103.unfinished.html", "skipped"),
            ("posts/104.stray.html", "added"),
        ]
    );
    let listed = library.list(&ListFilter::default()).unwrap();
    let ferry = listed.iter().find(|s| Some(s.id) == reports[0].id).unwrap();
    assert_eq!(ferry.title.as_deref(), Some("Ferry fight, part one"));
    assert_eq!(ferry.published.as_deref(), Some("2025-11-02"));
    let stray = listed.iter().find(|s| Some(s.id) == reports[3].id).unwrap();
    assert_eq!(stray.title.as_deref(), Some("A stray post"));
    // The subtitle is searched with the title; the quote's speaker is known.
    let options = crate::library::SearchOptions::default();
    assert_eq!(library.search("title:\"late boat matters\"", &options).unwrap().len(), 1);
    assert_eq!(library.search("speaker:Holt", &options).unwrap().len(), 1);

    // The same export unpacked is the same posts.
    let unpacked = dir.path().join("unpacked");
    for (name, text) in export_files() {
        let path = unpacked.join("export-2025").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let again = import(&mut library, &unpacked, LoadLimits::default());
    assert_eq!(again.iter().filter(|r| r.status == Status::Added).count(), 0, "{again:?}");
    assert_eq!(library.count().unwrap(), 3);
}

#[test]
fn an_archive_entry_over_the_limit_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("bomb.zip");
    let mut files = export_files();
    files.push(("posts/105.huge.html".into(), format!("<p>{}</p>", "a".repeat(3_000_000))));
    std::fs::write(&zip, zip_of(&files)).unwrap();
    assert!(std::fs::metadata(&zip).unwrap().len() < 100_000, "the entry deflates small");
    let mut library = Library::in_memory().unwrap();
    let reports = import(&mut library, &zip, LoadLimits { max_input_bytes: 1_000_000 });
    let huge = reports.iter().find(|r| r.name == "posts/105.huge.html").unwrap();
    assert_eq!(huge.status, Status::Failed);
    assert!(huge.reason.as_deref().unwrap().contains("larger than the 1 MB limit"), "{huge:?}");
    assert_eq!(reports.iter().filter(|r| r.status == Status::Added).count(), 3);
}

#[test]
fn a_zip_without_posts_csv_is_a_set_of_articles() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("saved.zip");
    let files = vec![
        ("saved/one.md".to_owned(), "# One\n\nThe first saved article, about the harbor.\n".to_owned()),
        ("saved/two.html".to_owned(), format!("<article><h1>Two</h1>{POST_B}</article>")),
        ("__MACOSX/saved/._one.md".to_owned(), "junk".to_owned()),
        ("saved/notes.pdf".to_owned(), "%PDF".to_owned()),
    ];
    std::fs::write(&zip, zip_of(&files)).unwrap();
    let mut library = Library::in_memory().unwrap();
    let reports = import(&mut library, &zip, LoadLimits::default());
    assert_eq!(statuses(&reports), [("saved/one.md", "added"), ("saved/two.html", "added")]);
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Island Notes</title><link>https://islandnotes.example</link>
<item><title>Ferry fight</title><link>https://islandnotes.example/p/ferry-fight</link>
<guid>https://islandnotes.example/p/ferry-fight</guid><dc:creator>Lena Sorensen</dc:creator>
<pubDate>Sun, 02 Nov 2025 09:30:00 GMT</pubDate><description>Short teaser</description>
<content:encoded><![CDATA[<p>The ferry between the islands has run on one timetable since 2011. "The late boat carries the nurses home," said Maren Holt, a councillor.</p><p>The office had looked at <a href="/p/older">the timetable of 2011</a> before it proposed anything, the councillor added, and found that the late crossing was the busiest of the winter.</p>]]></content:encoded></item>
<item><title>Only a teaser</title><link>https://islandnotes.example/p/teaser</link>
<guid>teaser-1</guid><description>Read the rest on the site.</description></item>
</channel></rss>"#;

#[test]
fn a_full_content_feed_gives_whole_posts_and_a_summary_needs_its_page() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.xml");
    std::fs::write(&feed, RSS).unwrap();
    let mut library = Library::in_memory().unwrap();
    let collection =
        Collection::open(&SourceSpec::File(feed.clone()), &loader(LoadLimits::default())).unwrap();
    assert_eq!((collection.kind(), collection.len_hint()), ("feed", Some(2)));
    let reports = import(&mut library, &feed, LoadLimits::default());
    assert_eq!(statuses(&reports), [("Ferry fight", "added"), ("Only a teaser", "failed")]);
    assert!(reports[1].reason.as_deref().unwrap().contains("https://islandnotes.example/p/teaser"));
    let id = reports[0].id.unwrap();
    let opened = library.open_article(id).unwrap();
    let meta = opened.article.meta();
    assert_eq!(meta.title.as_deref(), Some("Ferry fight"));
    assert_eq!(meta.byline.as_deref(), Some("Lena Sorensen"));
    assert_eq!(meta.site.as_deref(), Some("Island Notes"));
    assert_eq!(meta.published.as_deref(), Some("2025-11-02"));
    assert_eq!(meta.url.as_deref(), Some("https://islandnotes.example/p/ferry-fight"));
    let link = opened.article.links().next().unwrap();
    assert_eq!(link.href, "https://islandnotes.example/p/older", "relative links resolve against the post");
    assert_eq!(opened.article.analysis.speakers[0].name, "Maren Holt");
    let again = import(&mut library, &feed, LoadLimits::default());
    assert_eq!(again[0].status, Status::Unchanged);
}

#[test]
fn an_atom_feed_is_read_too() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbor Watch</title><id>urn:hw</id><updated>2026-01-05T00:00:00Z</updated>
<author><name>Ruth Okafor</name></author>
<entry><title>Compact signed</title><id>urn:hw:1</id><link href="https://hw.example/compact"/>
<updated>2026-01-05T00:00:00Z</updated>
<content type="html">&lt;p&gt;The harbor compact was signed on Monday after two years of talks between the towns.&lt;/p&gt;</content>
</entry></feed>"#;
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("atom.xml");
    std::fs::write(&feed, atom).unwrap();
    let mut library = Library::in_memory().unwrap();
    let reports = import(&mut library, &feed, LoadLimits::default());
    assert_eq!(statuses(&reports), [("Compact signed", "added")]);
    let summary = library.summary(reports[0].id.unwrap()).unwrap();
    assert_eq!(summary.byline.as_deref(), Some("Ruth Okafor"));
    assert_eq!(summary.published.as_deref(), Some("2026-01-05"));
}

#[test]
fn a_single_file_is_one_article_and_a_broken_feed_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one.md");
    std::fs::write(&file, "# One\n\nA single article about the harbor compact.\n").unwrap();
    let mut library = Library::in_memory().unwrap();
    assert_eq!(
        statuses(&import(&mut library, &file, LoadLimits::default())),
        [(file.to_str().unwrap(), "added")]
    );
    let broken = dir.path().join("broken.xml");
    std::fs::write(&broken, "<?xml version=\"1.0\"?><rss><channel><item><title>x</rss").unwrap();
    let error =
        Collection::open(&SourceSpec::File(broken), &loader(LoadLimits::default())).unwrap_err().to_string();
    assert!(error.contains("not a readable feed"), "{error}");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert_eq!(
        Collection::open(&SourceSpec::File(empty), &loader(LoadLimits::default())).unwrap().len_hint(),
        Some(0)
    );
}

#[test]
fn a_library_that_cannot_be_written_stops_the_import() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a", "b", "c"] {
        std::fs::write(
            dir.path().join(format!("{name}.md")),
            format!("# {name}\n\nText of article {name}.\n"),
        )
        .unwrap();
    }
    let mut library = Library::open(&dir.path().join("library.db")).unwrap();
    library.refuse_writes_for_tests().unwrap();
    let collection =
        Collection::open(&SourceSpec::File(dir.path().to_path_buf()), &loader(LoadLimits::default()))
            .unwrap();
    let (reports, fatal) = run(&mut library, collection, &Options::default(), |_| {});
    assert_eq!(reports.len(), 1, "stopped after the first");
    assert!(fatal.unwrap().to_string().contains("read-only"));
}
