//! The library's commands: `save`, `list`, `search`, `open`, `rm`, `tag`,
//! `export`, `backup` (`import` and `reextract`, which report progress,
//! are in `cli/import.rs`), and the library screen that `byline` with no
//! argument opens. Their arguments are defined here and flattened into the
//! CLI's command list.

mod show;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};

use super::{EXIT_ERROR, EXIT_NO_ARTICLE, EXIT_OK};
use crate::config::Config;
use crate::error::Error;
use crate::extract::SourceKind;
use crate::library::{self, Library, ListFilter, SearchOptions};
use crate::output::Format;
use crate::source::SourceSpec;
use crate::tui::jobs::Tools;

/// The library's subcommands.
#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Save articles to the library: files, URLs, or `-` for stdin (read
    /// when piped and no source is given).
    Save {
        /// Files, URLs, or `-`.
        sources: Vec<String>,
        /// Tag them (repeat for more tags).
        #[arg(long = "tag", short = 't', value_name = "TAG")]
        tags: Vec<String>,
        /// Report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the saved articles, newest first.
    List {
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
        /// Only articles not marked read.
        #[arg(long)]
        unread: bool,
        /// Only articles with this tag.
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        /// At most this many.
        #[arg(long, short = 'n', value_name = "N")]
        limit: Option<usize>,
    },
    /// Search the library: words and "phrases" (all must match), narrowed
    /// by speaker:NAME, quote:"WORDS" (both on one quote), title:, byline:,
    /// site:, tag:; a word ending in * is a prefix.
    Search {
        /// The query (several arguments are joined with spaces).
        #[arg(required = true)]
        query: Vec<String>,
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, short = 'n', value_name = "N", default_value_t = 20)]
        limit: usize,
        /// Only articles not marked read.
        #[arg(long)]
        unread: bool,
    },
    /// Open a saved article in the reader where you stopped (Backspace:
    /// the library).
    Open {
        /// The article's id (see `byline list`).
        id: i64,
    },
    /// Remove articles from the library.
    Rm {
        /// Their ids.
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Tag an article (or take tags away with --remove).
    Tag {
        /// The article's id.
        id: i64,
        /// The tags.
        #[arg(required = true)]
        tags: Vec<String>,
        /// Take these tags away instead.
        #[arg(long)]
        remove: bool,
    },
    /// Print a saved article, or write it to a file.
    Export {
        /// The article's id.
        id: i64,
        /// Output format (`original`: the bytes as they were saved).
        #[arg(long, short, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write to this file instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Import a folder of saved posts, a Substack export (.zip or its
    /// folder), or an RSS/Atom feed (a file or a URL).
    Import {
        /// A folder, a .zip, a feed file, or a URL.
        source: String,
        /// Tag every article imported (repeat for more tags).
        #[arg(long = "tag", short = 't', value_name = "TAG")]
        tags: Vec<String>,
        /// Report every item as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Extract saved articles again from their original bytes: those made
    /// by an older byline, the ones given, or all with --all. Reading
    /// positions are kept.
    Reextract {
        /// Only these articles.
        ids: Vec<i64>,
        /// Every article, whichever byline extracted it.
        #[arg(long, conflicts_with = "ids")]
        all: bool,
        /// Report every article as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every quote of the articles given (or, with --library or no
    /// SOURCE, of every saved article): speaker, description, quote,
    /// section, title, site, published, url.
    Quotes {
        /// Files, URLs, or `-`.
        sources: Vec<String>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = QuotesFormat::Csv)]
        format: QuotesFormat,
        /// Only this speaker's quotes: a full name, an alias or a surname.
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
    },
    /// Everyone quoted in the saved articles, one row per person (merged
    /// across articles by name and alias): quotes, articles, descriptions,
    /// first and last date.
    People {
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// Write a consistent copy of the library to a new file (safe while
    /// another byline uses it).
    Backup {
        /// The copy to write.
        file: PathBuf,
    },
}

/// Formats of `byline quotes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuotesFormat {
    /// RFC 4180: a header row, fields quoted when they must be, CRLF.
    Csv,
    /// An array of objects.
    Json,
    /// A blockquote per quote with its attribution.
    Markdown,
}

/// Formats of `byline export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown.
    Markdown,
    /// The JSON contract of `byline extract`.
    Json,
    /// A standalone HTML page.
    Html,
    /// Plain text.
    Text,
    /// The original bytes.
    Original,
}

/// What every library command needs.
#[derive(Debug)]
pub struct Context {
    /// The library file.
    pub path: PathBuf,
    /// What sources are loaded with (limits, fetch settings, offline
    /// copies) and extracted with (site rules).
    pub tools: Tools,
    /// The kind forced with `--from`.
    pub forced: Option<SourceKind>,
    /// The configuration (for the screen).
    pub config: Config,
    /// Whether `--library` was given (`quotes` then reads the library).
    pub library_given: bool,
}

impl Context {
    /// The library, opened (created if needed).
    pub fn open(&self) -> Result<Library, Error> {
        Library::open(&self.path)
    }
}

/// Runs a library command.
pub fn run(command: LibraryCommand, ctx: &Context) -> anyhow::Result<u8> {
    match command {
        LibraryCommand::Save { sources, tags, json } => save(ctx, &sources, &tags, json),
        LibraryCommand::List { json, unread, tag, limit } => {
            let summaries = ctx.open()?.list(&ListFilter { unread, tag, limit })?;
            if json {
                let items: Vec<ArticleJson<'_>> = summaries.iter().map(ArticleJson::from).collect();
                print_json(&items)
            } else {
                let mut lines = String::new();
                for summary in &summaries {
                    lines.push_str(&list_line(summary));
                    lines.push('\n');
                }
                print(lines.as_bytes())
            }
        }
        LibraryCommand::Search { query, json, limit, unread } => {
            let options = SearchOptions { limit: Some(limit), snippets: true, unread, prefix_last: false };
            let hits = ctx.open()?.search(&query.join(" "), &options)?;
            if json {
                print_json(&hits.iter().map(HitJson::from).collect::<Vec<_>>())
            } else {
                print(hits.iter().map(hit_text).collect::<String>().as_bytes())
            }
        }
        LibraryCommand::Open { id } => {
            // Refuse an unknown id before the terminal is taken over.
            ctx.open()?.summary(id)?;
            screen(ctx, Some(id))
        }
        LibraryCommand::Rm { ids } => {
            let mut library = ctx.open()?;
            let found = library.existing(&ids)?;
            let removed = library.remove(&found)?;
            let missing: Vec<String> =
                ids.iter().filter(|id| !found.contains(id)).map(ToString::to_string).collect();
            print(format!("removed {removed} article{}\n", plural(removed)).as_bytes())?;
            if missing.is_empty() {
                Ok(EXIT_OK)
            } else {
                anyhow::bail!("no article {} in the library (see byline list)", missing.join(", "))
            }
        }
        LibraryCommand::Tag { id, tags, remove } => {
            let tags = ctx.open()?.tag(id, &tags, remove)?;
            print(
                format!("{id}: {}\n", if tags.is_empty() { "no tags".to_owned() } else { tags.join(", ") })
                    .as_bytes(),
            )
        }
        LibraryCommand::Export { id, format, output } => export(ctx, id, format, output.as_deref()),
        LibraryCommand::Import { source, tags, json } => super::import::import(ctx, &source, tags, json),
        LibraryCommand::Reextract { ids, all, json } => super::import::reextract(ctx, &ids, all, json),
        LibraryCommand::Quotes { sources, format, speaker } => {
            super::quotes::quotes(ctx, &sources, format, speaker.as_deref())
        }
        LibraryCommand::People { json } => super::quotes::people(ctx, json),
        LibraryCommand::Backup { file } => {
            let library = ctx.open()?;
            library.backup(&file)?;
            let count = library.count()?;
            print(format!("copied {count} article{} to {}\n", plural(count), file.display()).as_bytes())
        }
    }
}

/// The library screen, opened on article `open` when given; into a file
/// or a pipe (where a screen is no use), the list as `byline list` prints it.
pub fn screen(ctx: &Context, open: Option<i64>) -> anyhow::Result<u8> {
    if !std::io::stdout().is_terminal() {
        let list = LibraryCommand::List { json: false, unread: false, tag: None, limit: None };
        return run(list, ctx);
    }
    match crate::tui::run_library(&ctx.path, open, &ctx.config, ctx.tools.clone())? {
        // Ended by a signal: 128 + its number, as shells expect.
        Some(signal) => Ok(u8::try_from(128 + signal).unwrap_or(EXIT_ERROR)),
        None => Ok(EXIT_OK),
    }
}

fn save(ctx: &Context, sources: &[String], tags: &[String], json: bool) -> anyhow::Result<u8> {
    let specs: Vec<SourceSpec> = if sources.is_empty() {
        if std::io::stdin().is_terminal() {
            anyhow::bail!("nothing to save: byline save FILE|URL|- (or pipe an article in)");
        }
        vec![SourceSpec::Stdin]
    } else {
        sources.iter().map(|s| SourceSpec::parse(s)).collect()
    };
    let mut library = ctx.open()?;
    let mut reports = Vec::new();
    let mut code = EXIT_OK;
    for spec in specs {
        let name = spec.display_name();
        // Saving a URL again fetches it afresh: that is how a saved page
        // is refreshed (elsewhere a saved page is read from the library).
        let saved = ctx
            .tools
            .loader
            .load_fresh(&spec)
            .and_then(|loaded| library::prepare(loaded, ctx.forced, None, library::Hints::default()))
            .and_then(|prepared| library.save(&prepared, tags).map(|saved| (saved, prepared)));
        match saved {
            Ok((saved, prepared)) => {
                // The library holds the page now: the cache's copy goes.
                if let SourceSpec::Url(url) = &spec {
                    ctx.tools.loader.forget_cached(url);
                    if let Some(fetched) = prepared.recipe.url.as_deref().filter(|f| f != url) {
                        ctx.tools.loader.forget_cached(fetched);
                    }
                }
                let title = library.summary(saved.id).ok().and_then(|s| s.title);
                if !json {
                    let title = title.as_deref().unwrap_or("(untitled)");
                    print(format!("{:<9} {:>5}  {title}\n", saved.outcome.name(), saved.id).as_bytes())?;
                }
                reports.push(SaveJson {
                    source: name,
                    status: saved.outcome.name(),
                    id: Some(saved.id),
                    title,
                    url: prepared.article.meta().url.clone(),
                    error: None,
                });
            }
            // The library itself failing (a full disk) fails every source after.
            Err(error @ Error::Library { .. }) => return Err(error.into()),
            Err(error) => {
                code = code.max(if matches!(error, Error::NoArticle { .. }) {
                    EXIT_NO_ARTICLE
                } else {
                    EXIT_ERROR
                });
                let message = error.to_string();
                if !json {
                    super::report(&anyhow::anyhow!("{message}"));
                }
                reports.push(SaveJson {
                    source: name,
                    status: "failed",
                    id: None,
                    title: None,
                    url: None,
                    error: Some(message),
                });
            }
        }
    }
    if json {
        print_json(&reports)?;
    }
    Ok(code)
}

fn export(ctx: &Context, id: i64, format: ExportFormat, output: Option<&Path>) -> anyhow::Result<u8> {
    let mut library = ctx.open()?;
    let rendered = match format {
        ExportFormat::Original => None,
        ExportFormat::Json => Some(Format::Json),
        ExportFormat::Html => Some(Format::Html),
        ExportFormat::Text => Some(Format::Text),
        ExportFormat::Markdown => Some(Format::Markdown),
    };
    let bytes = match rendered {
        Some(format) => crate::output::render(&library.stored_article(id)?, format).into_bytes(),
        None => library.original(id)?.0,
    };
    match output {
        Some(path) => {
            std::fs::write(path, bytes)
                .map_err(|cause| Error::Read { source_name: path.display().to_string(), cause })?;
            Ok(EXIT_OK)
        }
        None => print(&bytes),
    }
}

/// The id of the article saved for `url` in the library at `path`, if the
/// library is there and has it (a lookup never creates a library; one that
/// cannot be read is left for the network to answer).
pub fn saved_id(path: &Path, url: &str) -> Option<i64> {
    if !path.is_file() {
        return None;
    }
    Library::open(path).and_then(|library| library.find_url(url)).ok().flatten()
}

use show::{ArticleJson, HitJson, SaveJson, hit_text, list_line, plural};
pub(crate) use show::{print, print_json};
