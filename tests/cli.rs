//! The `byline` binary as users run it: formats, stdin, exit codes, errors.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const HTML_SAMPLE: &str = "assets/samples/harbor-compact.html";
const TEXT_SAMPLE: &str = "assets/samples/borderline-budget.txt";
const MARKDOWN_SAMPLE: &str = "assets/samples/quiet-diplomacy.md";

fn byline() -> Command {
    Command::cargo_bin("byline").unwrap()
}

fn extract_json(args: &[&str]) -> Value {
    let output = byline().arg("extract").args(args).args(["--format", "json"]).output().unwrap();
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn json_has_every_contract_field() {
    let json = extract_json(&[HTML_SAMPLE]);
    for field in [
        "schema",
        "title",
        "byline",
        "site",
        "published",
        "url",
        "lang",
        "text",
        "blocks",
        "sections",
        "speakers",
        "quotes",
        "links",
    ] {
        assert!(json.get(field).is_some(), "missing {field}");
    }
    assert_eq!(json["schema"], 1);
    assert_eq!(json["title"], "Why the Harbor Compact talks stalled");
    assert_eq!(json["published"], "2026-03-12");
    assert!(!json["text"].as_str().unwrap().starts_with("Why the Harbor"), "text starts with the title");
}

#[test]
fn quote_offsets_are_code_points_into_their_block() {
    let json = extract_json(&[HTML_SAMPLE]);
    let quotes = json["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    for quote in quotes {
        let block = quote["block"].as_u64().unwrap() as usize;
        let text: Vec<char> = json["blocks"][block]["text"].as_str().unwrap().chars().collect();
        let (start, end) =
            (quote["start"].as_u64().unwrap() as usize, quote["end"].as_u64().unwrap() as usize);
        let slice: String = text[start..end].iter().collect();
        assert_eq!(slice, quote["text"].as_str().unwrap());
        if let Some(speaker) = quote["speaker"].as_str() {
            assert_eq!(quote["speakers"][0], speaker);
        }
    }
}

#[test]
fn speakers_point_back_at_their_quotes() {
    let json = extract_json(&[HTML_SAMPLE]);
    for speaker in json["speakers"].as_array().unwrap() {
        for index in speaker["quotes"].as_array().unwrap() {
            let quote = &json["quotes"][index.as_u64().unwrap() as usize];
            assert!(quote["speakers"].as_array().unwrap().contains(&speaker["name"]));
        }
    }
}

#[test]
fn stdin_works_for_every_format() {
    let input = std::fs::read(TEXT_SAMPLE).unwrap();
    for format in ["json", "text", "markdown"] {
        byline()
            .args(["extract", "-", "--format", format])
            .write_stdin(input.clone())
            .assert()
            .success()
            .stdout(predicate::str::contains("ferries"));
    }
}

#[test]
fn text_format_starts_with_title_and_metadata_line() {
    let output = byline().args(["extract", MARKDOWN_SAMPLE, "--format", "text"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("Quiet diplomacy in the Selka Strait"));
    assert_eq!(lines.next(), Some("Ruth Okafor · The Long Table · 2026-05-21"));
    assert_eq!(lines.next(), Some(""));
}

#[test]
fn markdown_format_has_title_headings_and_links() {
    let output = byline().args(["extract", HTML_SAMPLE, "--format", "markdown"]).output().unwrap();
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(markdown.starts_with("# Why the Harbor Compact talks stalled\n"));
    assert!(markdown.contains("\n## A formula nobody will sign\n"));
    assert!(markdown.contains("](https://crosscurrents.example.com/p/calder-flow-data)"));
    assert!(markdown.contains("\n- Technical teams meet again"));
}

#[test]
fn from_overrides_sniffing() {
    let json = extract_json(&["--from", "text", HTML_SAMPLE]);
    assert!(json["text"].as_str().unwrap().contains("<p>"), "HTML read as text keeps its tags");
}

#[test]
fn empty_input_exits_1_with_json() {
    let output = byline().args(["extract", "-", "--format", "json"]).write_stdin("   \n").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["text"], "");
}

#[test]
fn a_page_of_menus_and_footers_exits_1_and_a_pruned_article_does_not() {
    let furniture = "<html><body><nav><a href=/>Home</a> <a href=/world>World, politics and the economy</a></nav>\
                     <footer><p>Copyright 2026 The Tideline Review, all rights reserved, and so on.</p></footer></body></html>";
    let output = byline().args(["extract", "-", "--from", "html"]).write_stdin(furniture).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stdout));
    // Each part of this article carries two players, so readability's
    // cleaning alone would remove all of it: the safety net reads it again.
    let para = "The council met on Tuesday, argued about the ferry timetable, and voted to keep it.";
    let section =
        format!("<div class=part><p>{para}</p><p>{para}</p><iframe></iframe><iframe></iframe></div>");
    let page = format!("<html><body><div class=post>{}</div></body></html>", section.repeat(3));
    let output = byline().args(["extract", "-", "--from", "html"]).write_stdin(page).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout).matches(para).count(), 6);
}

#[test]
fn missing_file_exits_2_with_one_line() {
    let output = byline().args(["extract", "no/such/file.html"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("byline: no/such/file.html: "), "{stderr}");
}

#[test]
fn binary_input_is_refused() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..2000u32).map(|i| (i * 31 % 251) as u8));
    let output = byline().args(["extract", "-"]).write_stdin(png).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8(output.stderr).unwrap().contains("stdin: not a text or HTML document"));
}

#[test]
fn oversized_input_is_refused() {
    let big = "word ".repeat(300_000);
    let output = byline().args(["extract", "-", "--max-input-mb", "1"]).write_stdin(big).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr).unwrap().contains("larger than the 1 MB limit"));
}

/// UTF-16 without a byte order mark and UTF-32 with or without one are
/// read as what they are, from stdin where no name hints at anything.
#[test]
fn wide_encodings_are_recognised_without_a_hint() {
    let text = "A short note.\n\n\u{201c}We will act,\u{201d} said Ada Vole.\n";
    let sixteen_le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let little_endian32: Vec<u8> = text.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect();
    let big_endian32: Vec<u8> = text.chars().flat_map(|c| u32::from(c).to_be_bytes()).collect();
    let cases = [
        ("UTF-16LE", sixteen_le),
        ("UTF-32LE with its mark", [b"\xff\xfe\0\0".as_slice(), &little_endian32].concat()),
        ("UTF-32BE with its mark", [b"\0\0\xfe\xff".as_slice(), &big_endian32].concat()),
        ("UTF-32LE", little_endian32),
    ];
    for (what, bytes) in cases {
        let output = byline().args(["extract", "-", "--format", "json"]).write_stdin(bytes).output().unwrap();
        assert!(output.status.success(), "{what}: {}", String::from_utf8_lossy(&output.stderr));
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(json["quotes"][0]["text"], "We will act", "{what}: {json}");
        assert_eq!(json["quotes"][0]["speaker"], "Ada Vole", "{what}");
    }
}

/// Millions of one-letter blocks would cost hundreds of bytes each: they
/// are counted and refused before anything is built, in every format.
#[test]
fn millions_of_tiny_blocks_are_refused_before_building() {
    let cases = [
        ("text", "x\n\n".repeat(1_600_000)),
        ("markdown", "- x\n".repeat(1_200_000)),
        ("html", format!("<body>{}", "<p>x</p>".repeat(600_000))),
    ];
    for (format, input) in cases {
        let output = byline().args(["extract", "-", "--from", format]).write_stdin(input).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{format}: {stderr}");
        assert!(stderr.starts_with("byline: stdin: "), "{format}: {stderr}");
        assert!(stderr.contains("of memory; byline allows 64 MB for an input of this size"), "{stderr}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    byline().args(["extract", HTML_SAMPLE, "--format", "yaml"]).assert().code(2);
    byline().arg("--help").assert().success().stdout(predicate::str::contains("extract"));
    // Environment variables read as the shell writes them, not as Markdown
    // ("$`XDG_CONFIG_HOME/byline`" came from a doc comment).
    for args in [&["--help"][..], &["extract", "--help"], &["save", "--help"], &["quotes", "--help"]] {
        let stray = predicate::str::contains("$`").or(predicate::str::is_match("`(XDG|BYLINE)_").unwrap());
        byline().args(args).assert().success().stdout(stray.not()).stdout(predicate::str::contains("$XDG_"));
    }
    byline().arg("--version").assert().success().stdout(predicate::str::contains("byline"));
}

#[test]
fn extract_without_source_reads_piped_stdin() {
    let html = std::fs::read(HTML_SAMPLE).unwrap();
    let output = byline().args(["extract", "--format", "json"]).write_stdin(html).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["title"], "Why the Harbor Compact talks stalled");
}

#[test]
fn global_options_work_before_and_after_the_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "theme = \"purple\"\n").unwrap();
    for args in [
        vec!["--config", bad.to_str().unwrap(), "extract", HTML_SAMPLE],
        vec!["extract", HTML_SAMPLE, "--config", bad.to_str().unwrap()],
    ] {
        let output = byline().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains("bad.toml: line 1"), "{args:?}: {stderr}");
    }
    let good = dir.path().join("good.toml");
    std::fs::write(&good, "reading_width = 70\n").unwrap();
    byline().args(["--config", good.to_str().unwrap(), "extract", HTML_SAMPLE]).assert().success();
}

#[test]
fn an_error_cause_is_printed_once() {
    let output = byline().args(["extract", "no/such/file.html"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.matches("No such file or directory").count(), 1, "{stderr}");
    let output = byline().args(["extract", "src"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.trim_end(), "byline: src: is a directory", "{stderr}");
}

/// The README's `[fetch]` and `[[sites]]` examples load, and the site rule's
/// selectors compile.
#[test]
fn the_readme_fetch_and_site_examples_load() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let blocks: Vec<&str> =
        readme.split("```toml\n").skip(1).map(|b| b.split("```").next().unwrap()).collect();
    let fetch = blocks.iter().find(|b| b.starts_with("[fetch]")).unwrap();
    let config = byline::config::parse(fetch, std::path::Path::new("README.md")).unwrap();
    assert_eq!(config.fetch.timeout, Some(30.0));
    let sites = blocks.iter().find(|b| b.starts_with("[[sites]]")).unwrap();
    let config = byline::config::parse(sites, std::path::Path::new("README.md")).unwrap();
    assert_eq!(config.sites.len(), 1);
    byline::extract::site::SiteRules::with_user(config.sites, std::path::Path::new("README.md")).unwrap();
}

#[test]
fn a_user_site_rule_applies_and_a_bad_one_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("story.html");
    std::fs::write(
        &page,
        "<html><head><link rel=canonical href=\"https://harborweekly.example/s/1\"><title>Pier</title></head><body>\
         <div class=story-body><p>The pier reopens in June after a winter of repairs that ran over budget.</p>\
         <p class=newsletter-signup>Sign up for our newsletter today.</p></div>\
         <div class=comments><p>A long comment thread that is not the article, and runs on and on and on.</p></div>\
         </body></html>",
    )
    .unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[[sites]]\nname = \"Harbor Weekly\"\nhosts = [\"harborweekly.example\"]\nbody = \"div.story-body\"\ndrop = [\".newsletter-signup\"]\n",
    )
    .unwrap();
    let output = byline().arg("--config").arg(&config).arg("extract").arg(&page).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("pier reopens") && !text.contains("newsletter") && !text.contains("comment"),
        "{text}"
    );
    std::fs::write(&config, "mouse = false\n\n[[sites]]\nname = \"Bad\"\nbody = \"div[\"\n").unwrap();
    let output = byline().arg("--config").arg(&config).arg("extract").arg(&page).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("config.toml: line 3: site rule `Bad`: invalid CSS selector `div[`"), "{stderr}");
}

/// The reader's form with stdout redirected prints the article as text, as
/// less does: no escape sequence lands in a file or a pipe.
#[test]
fn the_reader_into_a_file_or_a_pipe_prints_text() {
    let expected = byline().args(["extract", TEXT_SAMPLE]).output().unwrap().stdout;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.txt");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg(TEXT_SAMPLE)
        .stdout(std::fs::File::create(&file).unwrap())
        .status()
        .unwrap();
    assert!(status.success());
    let written = std::fs::read(&file).unwrap();
    assert_eq!(written, expected);
    assert!(!written.contains(&0x1b), "no escape sequence in the file");
    // A pipe closed early (`byline FILE | head -5`) ends quietly.
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("'{}' '{TEXT_SAMPLE}' | head -5", env!("CARGO_BIN_EXE_byline")))
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap().lines().count(), 5);
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn arguments_echoed_in_errors_are_sanitised() {
    let output = byline().args(["extract", "x.html", "--format", "\x1b]0;PWN\x07"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("invalid value"), "{stderr}");
    assert!(!stderr.contains('\x1b') && !stderr.contains('\x07'), "{stderr:?}");
    let name = "\x1b]0;PWN\x07.html";
    let output = byline().args(["extract", name]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains('\x1b') && stderr.contains("PWN"), "{stderr:?}");
}
