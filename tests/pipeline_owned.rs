//! `pipeline::build_owned` (which frees the source as it goes, for large
//! inputs) builds exactly the article `pipeline::build` does, for every
//! fixture and for inputs in other encodings; the text output is the title
//! lines followed by the article's plain text.
// Test helpers panic on failure by design: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use byline::extract::SourceKind;
use byline::output::{self, Format, json, text};
use byline::pipeline;
use byline::source::{Loaded, SourceSpec};

fn both(name: &str, bytes: &[u8], forced: Option<SourceKind>) {
    let loaded = Loaded::from_bytes(bytes.to_vec(), SourceSpec::File(PathBuf::from(name)));
    let borrowed = pipeline::build(&loaded, forced).map(|a| json::render(&a));
    let owned = pipeline::build_owned(loaded, forced).map(|a| json::render(&a));
    match (borrowed, owned) {
        (Ok(borrowed), Ok(owned)) => assert_eq!(borrowed, owned, "{name}"),
        (Err(borrowed), Err(owned)) => assert_eq!(borrowed.to_string(), owned.to_string(), "{name}"),
        (borrowed, owned) => panic!("{name}: {borrowed:?} vs {owned:?}"),
    }
}

#[test]
fn owned_build_matches_for_every_fixture() {
    let mut seen = 0;
    for dir in ["tests/fixtures/html", "tests/fixtures/html/posts", "tests/fixtures/text"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() && !path.to_string_lossy().ends_with(".json") {
                both(&path.display().to_string(), &std::fs::read(&path).unwrap(), None);
                seen += 1;
            }
        }
    }
    assert!(seen >= 8, "only {seen} fixtures");
}

#[test]
fn owned_build_matches_in_other_encodings_and_for_refusals() {
    let latin = b"<html><head><meta charset=\"windows-1252\"><title>T\xe9</title></head>\
        <body><p>\x93A caf\xe9 opened,\x94 said Ada Vole. It was busy all week long.</p></body></html>";
    both("latin.html", latin, None);
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("Title\n\n“We stay,” said Kim Lund.\n".encode_utf16().flat_map(u16::to_le_bytes));
    both("utf16.txt", &utf16, None);
    both("bom.txt", b"\xef\xbb\xbfA title\n\nA paragraph of text here.\n", None);
    both("broken.txt", b"A title\n\nBroken \xff bytes \xe2\x80 here.\n", Some(SourceKind::Text));
    both("binary.bin", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", None);
    both("page", b"<!doctype html><p>Sniffed as HTML, with no extension at all.</p>", None);
}

#[test]
fn text_output_is_header_then_plain_text() {
    let page = b"<html><head><title>Harbor news</title></head><body><article><h1>Harbor news</h1>\
        <p>The first paragraph of the story.</p><blockquote><p>Quoted words.</p></blockquote>\
        <p>The last paragraph.</p></article></body></html>";
    let loaded = Loaded::from_bytes(page.to_vec(), SourceSpec::File(PathBuf::from("a.html")));
    let article = pipeline::build_owned(loaded, None).unwrap();
    let rendered = text::render(&article);
    let body = article.plain_text();
    assert!(!body.is_empty());
    assert!(rendered.ends_with(&format!("\n\n{body}\n")), "{rendered:?}");
    assert!(rendered.starts_with("Harbor news\n"), "{rendered:?}");
}

#[test]
fn written_output_is_the_rendered_output() {
    for dir in ["tests/fixtures/html", "tests/fixtures/text"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if !path.is_file() || path.to_string_lossy().ends_with(".json") {
                continue;
            }
            let loaded = Loaded::from_bytes(std::fs::read(&path).unwrap(), SourceSpec::File(path.clone()));
            let Ok(article) = pipeline::build_owned(loaded, None) else { continue };
            for format in [Format::Json, Format::Text, Format::Markdown] {
                let mut written = Vec::new();
                output::write(&article, format, &mut written).unwrap();
                assert_eq!(String::from_utf8(written).unwrap(), output::render(&article, format), "{path:?}");
            }
        }
    }
}
