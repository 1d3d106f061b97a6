//! `byline quotes` and `byline people`: who said what, as rows to take
//! elsewhere. `quotes` reads the articles given (through the same pipeline
//! as `extract`) or every saved one; `people` merges the library's speakers
//! into one row per person. The writers are pure functions of the rows so
//! that each format is tested on its own (`quotes/tests.rs`).

use std::fmt::Write as _;
use std::io::IsTerminal;

use serde::Serialize;

use super::library::{Context, QuotesFormat, print, print_json};
use super::{EXIT_ERROR, EXIT_OK};
use crate::library::{self, Person, QuoteFilter, QuoteRow, merge_people};
use crate::source::SourceSpec;

/// One quote as every format gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteLine {
    /// The speakers' names, joined with " & " (empty: unattributed).
    pub speaker: String,
    /// The first speaker's description, as the article gives it.
    pub description: Option<String>,
    /// The quote, without its quotation marks.
    pub quote: String,
    /// The section it is in.
    pub section: Option<String>,
    /// The article's title.
    pub title: Option<String>,
    /// The article's site.
    pub site: Option<String>,
    /// The article's date, as written.
    pub published: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
}

impl From<QuoteRow> for QuoteLine {
    fn from(row: QuoteRow) -> Self {
        Self {
            speaker: row.speakers.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>().join(" & "),
            description: row.speakers.iter().find_map(|(_, description)| description.clone()),
            quote: row.text,
            section: row.section,
            title: row.title,
            site: row.site,
            published: row.published,
            url: row.url,
        }
    }
}

/// `byline quotes`.
pub fn quotes(
    ctx: &Context,
    sources: &[String],
    format: QuotesFormat,
    speaker: Option<&str>,
) -> anyhow::Result<u8> {
    let from_library = ctx.library_given || (sources.is_empty() && std::io::stdin().is_terminal());
    if from_library && !sources.is_empty() {
        anyhow::bail!("give SOURCE… or --library, not both");
    }
    let mut lines = Vec::new();
    let mut code = EXIT_OK;
    if from_library {
        let filter = QuoteFilter { speaker: speaker.map(str::to_owned), article: None };
        lines.extend(ctx.open()?.quotes(&filter)?.into_iter().map(QuoteLine::from));
    } else {
        let specs: Vec<SourceSpec> = if sources.is_empty() {
            vec![SourceSpec::Stdin]
        } else {
            sources.iter().map(|s| SourceSpec::parse(s)).collect()
        };
        for spec in specs {
            let built =
                ctx.tools.loader.load(&spec).and_then(|loaded| {
                    crate::pipeline::build_owned_with(loaded, ctx.forced, &ctx.tools.sites)
                });
            match built {
                Ok(article) => {
                    lines.extend(library::article_quotes(&article, speaker).into_iter().map(QuoteLine::from));
                }
                // One unreadable source is reported; the others still count.
                Err(error) => {
                    super::report(&anyhow::anyhow!("{error}"));
                    code = EXIT_ERROR;
                }
            }
        }
    }
    let text = match format {
        QuotesFormat::Csv => csv(&lines),
        QuotesFormat::Json => {
            let mut text =
                serde_json::to_string_pretty(&lines).map_err(|e| crate::Error::Output(e.into()))?;
            text.push('\n');
            text
        }
        QuotesFormat::Markdown => markdown(&lines),
    };
    print(text.as_bytes())?;
    Ok(code)
}

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 8] =
    ["speaker", "description", "quote", "section", "title", "site", "published", "url"];

/// RFC 4180: a header, then one record per quote; a field is quoted when
/// it holds a comma, a quotation mark, a line break or edge spaces, with
/// its quotation marks doubled; records end with CRLF.
#[must_use]
pub fn csv(lines: &[QuoteLine]) -> String {
    let mut out = String::new();
    record(&mut out, CSV_HEADER.iter().copied());
    for line in lines {
        let fields = [
            Some(line.speaker.as_str()),
            line.description.as_deref(),
            Some(line.quote.as_str()),
            line.section.as_deref(),
            line.title.as_deref(),
            line.site.as_deref(),
            line.published.as_deref(),
            line.url.as_deref(),
        ];
        record(&mut out, fields.into_iter().map(|field| field.unwrap_or("")));
    }
    out
}

fn record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (at, field) in fields.enumerate() {
        if at > 0 {
            out.push(',');
        }
        let quoted = field.contains([',', '"', '\n', '\r']) || field.trim() != field;
        if quoted {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

/// A blockquote per quote, then its attribution: "— Name, description ·
/// *Title*, Site, date · URL".
#[must_use]
pub fn markdown(lines: &[QuoteLine]) -> String {
    let mut out = String::new();
    for line in lines {
        for paragraph in line.quote.lines() {
            let _ = writeln!(out, "> {}", escape_markdown(paragraph));
        }
        out.push_str(">\n> — ");
        out.push_str(&escape_markdown(if line.speaker.is_empty() { "unattributed" } else { &line.speaker }));
        if let Some(description) = &line.description {
            let _ = write!(out, ", {}", escape_markdown(description));
        }
        let mut source = Vec::new();
        if let Some(title) = &line.title {
            source.push(format!("*{}*", escape_markdown(title)));
        }
        source.extend([&line.site, &line.published].into_iter().flatten().map(|s| escape_markdown(s)));
        if let Some(url) = &line.url {
            source.push(format!("<{url}>"));
        }
        if !source.is_empty() {
            let _ = write!(out, " · {}", source.join(", "));
        }
        out.push_str("\n\n");
    }
    out
}

/// `text` with the characters Markdown would act on escaped.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One person as `people --json` gives it.
#[derive(Debug, Serialize)]
struct PersonJson<'a> {
    name: &'a str,
    aliases: &'a [String],
    kind: &'static str,
    quotes: usize,
    articles: usize,
    article_ids: &'a [i64],
    descriptions: &'a [String],
    first: Option<&'a str>,
    last: Option<&'a str>,
}

impl<'a> From<&'a Person> for PersonJson<'a> {
    fn from(person: &'a Person) -> Self {
        Self {
            name: &person.name,
            aliases: &person.aliases,
            kind: match person.kind {
                crate::model::SpeakerKind::Person => "person",
                crate::model::SpeakerKind::Organisation => "organisation",
            },
            quotes: person.quotes,
            articles: person.articles.len(),
            article_ids: &person.articles,
            descriptions: &person.descriptions,
            first: person.first.as_deref(),
            last: person.last.as_deref(),
        }
    }
}

/// `byline people`.
pub fn people(ctx: &Context, json: bool) -> anyhow::Result<u8> {
    let people = merge_people(&ctx.open()?.speakers()?);
    if json {
        return print_json(&people.iter().map(PersonJson::from).collect::<Vec<_>>());
    }
    print(people_text(&people).as_bytes())
}

/// One line per person: quotes, articles, the dates, the name, the
/// descriptions.
#[must_use]
pub fn people_text(people: &[Person]) -> String {
    let mut out = String::new();
    for person in people {
        let dates = match (&person.first, &person.last) {
            (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
            (Some(first), _) => first.clone(),
            _ => String::new(),
        };
        let _ = write!(
            out,
            "{:>5} quotes {:>4} articles  {dates:<23}  {}",
            person.quotes,
            person.articles.len(),
            person.name
        );
        if !person.descriptions.is_empty() {
            let _ = write!(out, " — {}", person.descriptions.join("; "));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
