//! Fetching pages: `byline extract URL` against a server on 127.0.0.1 —
//! redirects, errors, limits, compressed bodies, encodings and offline
//! copies. Every failure is one line naming the URL and the cause, exit 2.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/server.rs"]
mod server;

use std::io::Write;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;
use server::{Pace, Reply, Server};

const PAGE: &str = "<!doctype html><html><head><title>The tram vote</title>\
    <link rel=\"canonical\" href=\"/tram/vote\"></head><body><article><h1>The tram vote</h1>\
    <p>The council voted on Tuesday to fund the eastern tram line, after a debate that ran \
    well past midnight and a list of amendments longer than the plan itself.</p>\
    <p>“We will build it in stages,” said Mara Osei, the transport director, who read the \
    first stage's timetable to the chamber before the vote.</p>\
    <p>The opposition called the cost estimate optimistic and asked for a \
    <a href=\"../audit/report.html\">fresh audit</a> before any contract is signed.</p>\
    </article></body></html>";

/// byline with a cache and a library of its own and no proxy from the
/// environment.
fn byline(cache: &tempfile::TempDir) -> Command {
    let mut command = Command::cargo_bin("byline").unwrap();
    command.env("XDG_CACHE_HOME", cache.path());
    command.env("BYLINE_LIBRARY", cache.path().join("library.db"));
    command.env("XDG_CONFIG_HOME", cache.path().join("config"));
    for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"] {
        command.env_remove(proxy);
    }
    command.env("NO_PROXY", "127.0.0.1");
    command
}

fn json_of(output: &std::process::Output) -> Value {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Runs `extract URL` and checks a failure: exit 2, nothing on stdout, one
/// line on stderr naming the URL and containing `cause`.
fn fails_with(args: &[&str], url: &str, cause: &str) {
    let cache = tempfile::tempdir().unwrap();
    let output = byline(&cache).arg("extract").arg(url).args(args).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with(&format!("byline: {url}: ")), "{stderr}");
    assert!(stderr.contains(cause), "wanted {cause:?} in {stderr}");
}

#[test]
fn a_page_is_fetched_and_extracted() {
    let server = Server::start(vec![("/news/tram", Reply::html(PAGE))]);
    let cache = tempfile::tempdir().unwrap();
    let output =
        byline(&cache).args(["extract", &server.url("/news/tram"), "--format", "json"]).output().unwrap();
    let json = json_of(&output);
    assert_eq!(json["title"], "The tram vote");
    assert!(json["text"].as_str().unwrap().contains("eastern tram line"));
    assert_eq!(json["quotes"][0]["speaker"], "Mara Osei");
    // The canonical link is relative: it resolves against the page's URL.
    assert_eq!(json["url"], server.url("/tram/vote"));
    assert_eq!(json["links"][0]["href"], server.url("/audit/report.html"));
}

#[test]
fn redirects_are_followed_and_links_resolve_against_the_final_url() {
    let page = PAGE.replace("<link rel=\"canonical\" href=\"/tram/vote\">", "");
    let server = Server::start(vec![
        ("/a", Reply::redirect(301, "/b")),
        ("/b", Reply::redirect(302, "/c/")),
        ("/c/", Reply::redirect(302, "/deep/story/page")),
        ("/deep/story/page", Reply::html(&page)),
    ]);
    let cache = tempfile::tempdir().unwrap();
    let json =
        json_of(&byline(&cache).args(["extract", &server.url("/a"), "--format", "json"]).output().unwrap());
    assert_eq!(json["url"], server.url("/deep/story/page"));
    assert_eq!(json["links"][0]["href"], server.url("/deep/audit/report.html"));
    assert_eq!(server.hits(), ["/a", "/b", "/c/", "/deep/story/page"]);
}

#[test]
fn too_many_redirects_and_loops_are_refused() {
    let server = Server::start(vec![
        ("/loop1", Reply::redirect(302, "/loop2")),
        ("/loop2", Reply::redirect(302, "/loop1")),
        ("/r1", Reply::redirect(302, "/r2")),
        ("/r2", Reply::redirect(302, "/r3")),
        ("/r3", Reply::redirect(302, "/r4")),
        ("/r4", Reply::html(PAGE)),
    ]);
    fails_with(&[], &server.url("/loop1"), "redirect loop");
    fails_with(&["--max-redirects", "2"], &server.url("/r1"), "more than 2 redirects (see --max-redirects)");
    let cache = tempfile::tempdir().unwrap();
    byline(&cache).args(["extract", &server.url("/r1"), "--max-redirects", "3"]).assert().success();
}

#[test]
fn http_errors_name_the_status() {
    let server = Server::start(vec![("/broken", Reply::new(500, "text/html", "<p>oops</p>"))]);
    fails_with(&[], &server.url("/missing"), "HTTP 404 Not Found");
    fails_with(&[], &server.url("/broken"), "HTTP 500 Internal Server Error");
}

#[test]
fn a_refused_connection_is_one_line() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    fails_with(&[], &format!("http://127.0.0.1:{port}/x"), "connection refused");
}

#[test]
fn a_slow_response_hits_the_timeout() {
    let slow = Reply::html(PAGE).pace(Pace::Trickle(16, Duration::from_millis(100)));
    let server = Server::start(vec![("/slow", slow), ("/held", Reply::html(PAGE).pace(Pace::Hold(10)))]);
    let started = Instant::now();
    fails_with(&["--timeout", "1"], &server.url("/slow"), "timed out after 1 s (see --timeout)");
    fails_with(&["--timeout", "0.5"], &server.url("/held"), "timed out after 0.5 s (see --timeout)");
    assert!(started.elapsed() < Duration::from_secs(8), "took {:?}", started.elapsed());
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
    encoder.write_all(bytes).unwrap();
    drop(encoder);
    out
}

#[test]
fn gzip_and_brotli_bodies_are_decompressed() {
    let server = Server::start(vec![
        ("/gz", Reply::new(200, "text/html", gzip(PAGE.as_bytes())).header("Content-Encoding", "gzip")),
        ("/br", Reply::new(200, "text/html", brotli(PAGE.as_bytes())).header("Content-Encoding", "br")),
    ]);
    for path in ["/gz", "/br"] {
        let cache = tempfile::tempdir().unwrap();
        let json = json_of(
            &byline(&cache).args(["extract", &server.url(path), "--format", "json"]).output().unwrap(),
        );
        assert_eq!(json["title"], "The tram vote", "{path}");
    }
}

#[test]
fn bodies_over_the_limit_are_refused_gzip_bombs_included() {
    let big = format!("<html><body><p>{}</p></body></html>", "word ".repeat(500_000));
    // 200 MB of zeros, about 200 KB compressed: never inflated whole.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..200 {
        encoder.write_all(&zeros).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    let server = Server::start(vec![
        ("/big", Reply::html(&big)),
        ("/bomb", Reply::new(200, "text/html", bomb).header("Content-Encoding", "gzip")),
    ]);
    fails_with(
        &["--max-download-mb", "1"],
        &server.url("/big"),
        "larger than the 1 MB limit (see --max-download-mb)",
    );
    let started = Instant::now();
    fails_with(&[], &server.url("/bomb"), "larger than the 20 MB limit");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn documents_that_are_not_articles_are_refused() {
    let server = Server::start(vec![
        ("/report.pdf", Reply::new(200, "application/pdf", b"%PDF-1.7 ...".to_vec())),
        ("/photo", Reply::new(200, "image/jpeg", vec![0xff, 0xd8, 0xff, 0xe0])),
    ]);
    fails_with(&[], &server.url("/report.pdf"), "not an article: the server sent application/pdf");
    fails_with(&[], &server.url("/photo"), "not an article: the server sent image/jpeg");
}

#[test]
fn the_charset_in_the_header_decodes_the_page() {
    let mut page = b"<html><head><title>Caf".to_vec();
    page.push(0xe9);
    page.extend_from_slice(b" politics</title></head><body><article><p>The caf");
    page.push(0xe9);
    page.extend_from_slice(
        " owners met the mayor on Monday to talk about the new terrace rules, which \
         they say will cost them a summer of trade and a good part of their staff.</p></article></body></html>"
            .as_bytes(),
    );
    let server = Server::start(vec![("/w", Reply::new(200, "text/html; charset=windows-1252", page))]);
    let cache = tempfile::tempdir().unwrap();
    let json =
        json_of(&byline(&cache).args(["extract", &server.url("/w"), "--format", "json"]).output().unwrap());
    assert_eq!(json["title"], "Café politics");
    assert!(json["text"].as_str().unwrap().starts_with("The café owners"));
}

#[test]
fn markdown_and_text_are_read_as_what_the_server_says() {
    let markdown = "# Notes on the tram\n\nThe *first* stage opens in May, and the \
        [second](second.md) a year later if the audit allows it.\n";
    let server = Server::start(vec![("/notes", Reply::new(200, "text/markdown", markdown))]);
    let cache = tempfile::tempdir().unwrap();
    let json = json_of(
        &byline(&cache).args(["extract", &server.url("/notes"), "--format", "json"]).output().unwrap(),
    );
    assert_eq!(json["title"], "Notes on the tram");
    assert_eq!(json["blocks"][0]["kind"], "paragraph");
}

#[test]
fn offline_opens_the_kept_copy_or_says_there_is_none() {
    let cache = tempfile::tempdir().unwrap();
    let url = {
        let server = Server::start(vec![("/kept", Reply::html(PAGE))]);
        let url = server.url("/kept");
        byline(&cache).args(["extract", &url]).assert().success();
        url
    };
    // The server is gone: --offline opens the copy without trying it.
    let output = byline(&cache).args(["extract", &url, "--offline", "--format", "json"]).output().unwrap();
    let json = json_of(&output);
    assert_eq!(json["title"], "The tram vote");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("offline: the copy kept on"), "{stderr}");
    // Without --offline, the failed fetch falls back to the copy and says so.
    let output = byline(&cache).args(["extract", &url]).output().unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("connection refused; showing the copy kept on"), "{stderr}");
    // A page never fetched has no copy.
    let never = url.replace("/kept", "/never");
    let empty = tempfile::tempdir().unwrap();
    let output = byline(&empty).args(["extract", &never, "--offline"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with(&format!("byline: {never}: no offline copy")), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);
}

/// The page bodies in the cache under `cache`.
fn cached_bodies(cache: &tempfile::TempDir) -> usize {
    std::fs::read_dir(cache.path().join("byline/pages")).map_or(0, |dir| {
        dir.filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "body")).count()
    })
}

#[test]
fn a_saved_page_comes_from_the_library_online_and_offline_and_leaves_the_cache() {
    let cache = tempfile::tempdir().unwrap();
    let server = Server::start(vec![("/news/tram", Reply::html(PAGE)), ("/other", Reply::html(PAGE))]);
    let url = server.url("/news/tram");
    // An unsaved page is kept in the cache; saving it moves it to the library.
    byline(&cache).args(["extract", &url]).assert().success();
    assert_eq!(cached_bodies(&cache), 1);
    let output = byline(&cache).args(["save", &url]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "added         1  The tram vote\n");
    assert_eq!(cached_bodies(&cache), 0, "the library holds it now");
    assert_eq!(server.hits().len(), 2);
    // Online, a saved page is read from the library: no request.
    let output = byline(&cache).args(["extract", &url, "--format", "json"]).output().unwrap();
    assert_eq!(json_of(&output)["title"], "The tram vote");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("from your library: the copy saved on"), "{stderr}");
    assert_eq!(server.hits().len(), 2, "no fetch for a saved page");
    // The article's own (canonical) URL finds it too.
    let output = byline(&cache).args(["extract", &server.url("/tram/vote"), "--offline"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    // Saving again fetches afresh (how a saved page is refreshed).
    let output = byline(&cache).args(["save", &url]).output().unwrap();
    assert!(String::from_utf8(output.stdout).unwrap().starts_with("unchanged"));
    assert_eq!(server.hits().len(), 3);
    assert_eq!(cached_bodies(&cache), 0);
    drop(server);
    // The server is gone: `byline URL` (into a pipe: the text) and
    // `extract --offline` read the library; a page never saved nor
    // opened still has nothing to show.
    let output = byline(&cache).args(["--offline", &url]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8(output.stdout).unwrap().contains("eastern tram line"));
    let output = byline(&cache).args(["extract", &url, "--offline", "--format", "json"]).output().unwrap();
    assert_eq!(json_of(&output)["quotes"][0]["speaker"], "Mara Osei");
    let output = byline(&cache).args(["extract", &url]).output().unwrap();
    assert!(output.status.success(), "no network needed for a saved page");
    let other = url.replace("/news/tram", "/other");
    let output = byline(&cache).args(["extract", &other, "--offline"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("no offline copy"));
}

#[test]
fn the_user_agent_names_byline() {
    let (listener, port) = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        (listener, port)
    };
    let seen = std::thread::spawn(move || {
        use std::io::{BufRead, BufReader};
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut head = Vec::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line == "\r\n" || line.is_empty() {
                break;
            }
            head.push(line);
        }
        let mut out = stream;
        let _ = out.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        head
    });
    let cache = tempfile::tempdir().unwrap();
    byline(&cache).args(["extract", &format!("http://127.0.0.1:{port}/ua")]).assert().code(2);
    let head = seen.join().unwrap();
    let agent = head.iter().find(|l| l.to_ascii_lowercase().starts_with("user-agent:")).unwrap();
    assert_eq!(agent.trim_end(), format!("user-agent: byline/{}", env!("CARGO_PKG_VERSION")));
}
