//! Build script: reads `assets/keymap.toml` and `assets/sites.toml` and
//! compiles them into byline as tables, so that neither costs a TOML parse
//! at start-up (about half a millisecond before the first paint, most of it
//! the parser's code being paged in). A malformed file fails the build with
//! its line; conflicts between keys are checked where the table is read,
//! as for any keymap (`Keymap::from_entries`), and the site rules'
//! selectors by a unit test (`extract::site`).
//!
//! It lives in `src/` because the repository's top level is fixed.

use std::fmt::Write as _;

use serde::Deserialize;
use toml::Spanned;

const KEYMAP: &str = "assets/keymap.toml";
const SITES: &str = "assets/sites.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Site {
    name: String,
    #[serde(default)]
    hosts: Vec<String>,
    #[serde(default)]
    generator: Vec<String>,
    #[serde(default)]
    contains: Vec<String>,
    body: String,
    #[serde(default)]
    drop: Vec<String>,
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sites {
    sites: Vec<Site>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    action: Spanned<String>,
    keys: Vec<Spanned<String>>,
    description: String,
    group: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    reader: Vec<Entry>,
    panel: Vec<Entry>,
    search: Vec<Entry>,
    help: Vec<Entry>,
    links: Vec<Entry>,
    library: Vec<Entry>,
    confirm: Vec<Entry>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(0, |head| head.matches('\n').count()) + 1
}

fn main() {
    println!("cargo::rerun-if-changed={KEYMAP}");
    println!("cargo::rerun-if-changed={SITES}");
    println!("cargo::rerun-if-changed=src/build.rs");
    let Some(out) = std::env::var_os("OUT_DIR").map(std::path::PathBuf::from) else {
        panic!("OUT_DIR is not set: build scripts run under cargo");
    };
    std::fs::write(out.join("keymap_table.rs"), keymap_table())
        .unwrap_or_else(|e| panic!("keymap_table.rs: {e}"));
    std::fs::write(out.join("sites_table.rs"), sites_table())
        .unwrap_or_else(|e| panic!("sites_table.rs: {e}"));
}

fn parse<T: serde::de::DeserializeOwned>(path: &str) -> (String, T) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let parsed = toml::from_str(&text).unwrap_or_else(|e| {
        let line = line_of(&text, e.span().map_or(0, |span| span.start));
        panic!("{path}: line {line}: {}", e.message().trim_end())
    });
    (text, parsed)
}

/// `&["a", "b"]` (`{:?}` of a `str` is a Rust string literal, escapes included).
fn strings(items: &[String]) -> String {
    let mut out = String::from("&[");
    for item in items {
        let _ = write!(out, "{item:?}, ");
    }
    out.push(']');
    out
}

fn sites_table() -> String {
    let (_, file): (String, Sites) = parse(SITES);
    let mut table = String::from("&[\n");
    for site in file.sites {
        let _ = writeln!(
            table,
            "    BuiltinRule {{ name: {:?}, hosts: {}, generator: {}, contains: {}, body: {:?}, drop: {}, \
             title: {:?}, author: {:?}, date: {:?} }},",
            site.name,
            strings(&site.hosts),
            strings(&site.generator),
            strings(&site.contains),
            site.body,
            strings(&site.drop),
            site.title,
            site.author,
            site.date
        );
    }
    table.push_str("]\n");
    table
}

fn keymap_table() -> String {
    let (text, file): (String, File) = parse(KEYMAP);
    // `{:?}` of a `str` is a Rust string literal, escapes included.
    let mut table = String::from("&[\n");
    for (mode, entries) in [
        ("Reader", file.reader),
        ("Panel", file.panel),
        ("Search", file.search),
        ("Help", file.help),
        ("Links", file.links),
        ("Library", file.library),
        ("Confirm", file.confirm),
    ] {
        for entry in entries {
            let mut keys = String::new();
            for key in &entry.keys {
                let _ = write!(keys, "({:?}, {}), ", key.get_ref(), line_of(&text, key.span().start));
            }
            let _ = writeln!(
                table,
                "    DefaultEntry {{ mode: Mode::{mode}, action: {:?}, line: {}, keys: &[{keys}], \
                 description: {:?}, group: {:?} }},",
                entry.action.get_ref(),
                line_of(&text, entry.action.span().start),
                entry.description,
                entry.group
            );
        }
    }
    table.push_str("]\n");
    table
}
