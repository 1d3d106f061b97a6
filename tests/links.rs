//! Links: unsafe schemes never reach an output, and in the reader a link
//! opens as a new document on the stack (Backspace returns to the same
//! place) without ever freezing the screen while it loads.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/pty.rs"]
mod pty;
#[path = "support/server.rs"]
mod server;

use std::path::Path;
use std::time::Duration;

use expectrl::Expect;
use pty::{assert_restored, byline_command, drain, exit_code, screen, settle, spawn, wait_for};
use server::{Pace, Reply, Server};

const QUIET: Duration = Duration::from_millis(250);

#[test]
fn unsafe_link_schemes_never_reach_json_or_markdown() {
    let page = "<html><head><base href=\"https://news.example/politics/\"></head><body><article>\
        <p>The ministry published <a href=\"java&#9;script:alert(1)\">its plan</a>, a \
        <a href=\"JaVaScRiPt:alert(2)\">summary</a>, a <a href=\"vbscript:msgbox(3)\">memo</a>, a \
        <a href=\"data:text/html,&lt;script&gt;alert(4)&lt;/script&gt;\">copy</a> and a \
        <a href=\" &#1;javascript:alert(5)\">letter</a>, but only the \
        <a href=\"budget/annex.html\">annex</a> and the <a href=\"mailto:desk@news.example\">desk</a> \
        are real links in this paragraph, which runs long enough to be the article.</p>\
        <p><img src=\"javascript:alert(6)\" alt=\"chart\"></p></article></body></html>";
    let markdown = "# Plan\n\nSee [the plan](javascript:alert(1)), [the memo](vbscript:x) and \
        [the annex](annex.md) for the details that matter to the budget this year.\n";
    for (input, name) in [(page, "page.html"), (markdown, "plan.md")] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, input).unwrap();
        for format in ["json", "markdown", "text"] {
            let output = assert_cmd::Command::cargo_bin("byline")
                .unwrap()
                .args(["extract", "--format", format])
                .arg(&path)
                .output()
                .unwrap();
            assert!(output.status.success(), "{name} {format}");
            let out = String::from_utf8(output.stdout).unwrap().to_ascii_lowercase();
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(!out.contains(scheme), "{name} {format}: {scheme} in {out}");
            }
            if format == "json" {
                let json: serde_json::Value = serde_json::from_str(&out).unwrap();
                let hrefs: Vec<&str> =
                    json["links"].as_array().unwrap().iter().map(|l| l["href"].as_str().unwrap()).collect();
                if name == "page.html" {
                    assert_eq!(
                        hrefs,
                        ["https://news.example/politics/budget/annex.html", "mailto:desk@news.example"]
                    );
                } else {
                    assert_eq!(hrefs, ["annex.md"]);
                }
            }
        }
    }
}

/// A page of numbered paragraphs, long enough to scroll, with `links`
/// (text, href) in its last paragraph.
fn page(title: &str, links: &[(&str, &str)]) -> String {
    let mut html = format!("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>");
    for n in 1..=40 {
        html.push_str(&format!(
            "<p>{title} paragraph {n:02}: the board met again on the harbor plan and went over \
             the figures line by line until the clerk called time.</p>"
        ));
    }
    html.push_str("<p>Read more:");
    for (text, href) in links {
        html.push_str(&format!(" <a href=\"{href}\">{text}</a>,"));
    }
    html.push_str(" and nothing else.</p></article></body></html>");
    html
}

fn article_top(output: &[u8]) -> String {
    screen(output, 24, 80)[1].clone()
}

#[test]
fn pty_a_numbered_link_opens_on_the_stack_and_backspace_returns_to_the_same_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("first.html"),
        page(
            "First page",
            &[("elsewhere", "https://example.invalid/"), ("the second page", "notes/second.html")],
        ),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("notes")).unwrap();
    std::fs::write(dir.path().join("notes/second.html"), page("Second page", &[])).unwrap();
    let first = dir.path().join("first.html");
    let mut session = spawn(byline_command(&[first.to_str().unwrap()]));
    let mut seen = Vec::new();
    wait_for(&mut session, "paragraph 01", &mut seen);
    session.send("7j").unwrap();
    settle(&mut session, &mut seen, QUIET);
    let before = article_top(&seen);
    assert!(!before.is_empty() && !before.contains("paragraph 01"), "scrolled: {before}");
    session.send("L").unwrap();
    wait_for(&mut session, "Links 2", &mut seen);
    session.send("2").unwrap();
    session.send("\r").unwrap();
    wait_for(&mut session, "Second page paragraph 01", &mut seen);
    session.send("\x7f").unwrap();
    settle(&mut session, &mut seen, QUIET);
    assert_eq!(article_top(&seen), before, "back at the same line");
    session.send("q").unwrap();
    let output = drain(&mut session, seen);
    assert_eq!(exit_code(&session), 0);
    assert_restored(&output);
}

#[test]
fn pty_a_slow_page_never_freezes_the_screen_and_esc_stops_it() {
    let held = Reply::html(&page("Held page", &[])).pace(Pace::Hold(1_000));
    let server = Server::start(vec![("/held", held)]);
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/held");
    std::fs::write(dir.path().join("first.html"), page("First page", &[("a slow page", &url)])).unwrap();
    let first = dir.path().join("first.html");
    let mut session = spawn(byline_command(&[first.to_str().unwrap()]));
    let mut seen = Vec::new();
    wait_for(&mut session, "paragraph 01", &mut seen);
    session.send("L").unwrap();
    wait_for(&mut session, "Links 1", &mut seen);
    session.send("\r").unwrap();
    wait_for(&mut session, "loading http://127.0.0.1", &mut seen);
    settle(&mut session, &mut seen, QUIET);
    let top = article_top(&seen);
    // The page is still loading, and keys still work on this one.
    session.send(" ").unwrap();
    wait_for(&mut session, "paragraph 1", &mut seen);
    settle(&mut session, &mut seen, QUIET);
    let rows = screen(&seen, 24, 80);
    assert_ne!(rows[1], top, "Space scrolled while the page loaded");
    assert!(rows[23].contains("loading http://127.0.0.1"), "{}", rows[23]);
    session.send("\x1b").unwrap();
    wait_for(&mut session, "stopped loading", &mut seen);
    settle(&mut session, &mut seen, QUIET);
    assert!(screen(&seen, 24, 80)[0].contains("First page"));
    session.send("q").unwrap();
    let output = drain(&mut session, seen);
    assert_eq!(exit_code(&session), 0);
    assert_restored(&output);
    assert!(server.hits().contains(&"/held".to_owned()));
}

#[test]
fn pty_a_failed_link_keeps_the_document_and_says_why() {
    let server = Server::start(vec![]);
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/gone");
    std::fs::write(dir.path().join("first.html"), page("First page", &[("a dead link", &url)])).unwrap();
    let first = dir.path().join("first.html");
    let mut session = spawn(byline_command(&[first.to_str().unwrap()]));
    let mut seen = Vec::new();
    wait_for(&mut session, "paragraph 01", &mut seen);
    session.send("L").unwrap();
    wait_for(&mut session, "Links 1", &mut seen);
    session.send("\r").unwrap();
    wait_for(&mut session, "HTTP 404 Not Found", &mut seen);
    settle(&mut session, &mut seen, QUIET);
    assert!(screen(&seen, 24, 80)[0].starts_with("First page"));
    session.send("q").unwrap();
    drain(&mut session, seen);
    assert_eq!(exit_code(&session), 0);
}

#[test]
fn pty_o_hands_the_link_to_the_browser_or_copies_it_over_ssh() {
    let dir = tempfile::tempdir().unwrap();
    let target = "https://example.invalid/report";
    std::fs::write(dir.path().join("first.html"), page("First page", &[("the report", target)])).unwrap();
    let first = dir.path().join("first.html");
    let log = dir.path().join("browser.log");
    let browser = dir.path().join("browser.sh");
    std::fs::write(&browser, format!("#!/bin/sh\necho \"$1\" >> '{}'\n", log.display())).unwrap();
    std::fs::set_permissions(&browser, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let mut command = byline_command(&[first.to_str().unwrap()]);
    command.env("BROWSER", &browser);
    let mut session = spawn(command);
    let mut seen = Vec::new();
    wait_for(&mut session, "paragraph 01", &mut seen);
    session.send("L").unwrap();
    wait_for(&mut session, "Links 1", &mut seen);
    session.send("o").unwrap();
    wait_for(&mut session, "opened with", &mut seen);
    session.send("q").unwrap();
    drain(&mut session, seen);
    assert_eq!(std::fs::read_to_string(&log).unwrap().trim(), target);

    let mut command = byline_command(&[first.to_str().unwrap()]);
    command.env("BROWSER", &browser).env("SSH_CONNECTION", "10.0.0.1 5555 10.0.0.2 22");
    let mut session = spawn(command);
    let mut seen = Vec::new();
    wait_for(&mut session, "paragraph 01", &mut seen);
    session.send("L").unwrap();
    wait_for(&mut session, "Links 1", &mut seen);
    session.send("o").unwrap();
    wait_for(&mut session, "over SSH: copied", &mut seen);
    session.send("q").unwrap();
    let output = drain(&mut session, seen);
    let osc = format!("\x1b]52;c;{}\x07", base64(target));
    assert!(String::from_utf8_lossy(&output).contains(&osc), "the OSC 52 sequence carries the link");
    assert_eq!(std::fs::read_to_string(&log).unwrap().lines().count(), 1, "no browser over SSH");
    assert!(Path::new(&log).exists());
}

fn base64(text: &str) -> String {
    byline::tui::clipboard::base64(text.as_bytes())
}
