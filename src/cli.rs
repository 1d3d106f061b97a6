//! The command line: clap arguments → validated options → dispatch. Errors get
//! their context here (anyhow) and become one line on stderr and an exit code.
//! The arguments are declared in `cli/args.rs`; the library's commands live
//! in `cli/library.rs` and `cli/import.rs`.

mod args;
mod docs;
mod import;
mod library;
mod quotes;

use std::io::{IsTerminal, Write};
use std::panic::UnwindSafe;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use args::{Args, Command, Common, ConfigAction, FormatArg};
use clap::Parser;

use crate::config::Config;
use crate::extract::SourceKind;
use crate::extract::site::SiteRules;
use crate::output::Format;
use crate::source::{self, FetchSettings, LoadLimits, Loaded, Loader, SourceSpec};
use crate::{pipeline, tui};

/// Exit status: an article was found (or the reader ran and quit).
pub const EXIT_OK: u8 = 0;
/// Exit status: the input was read but holds no article text.
pub const EXIT_NO_ARTICLE: u8 = 1;
/// Exit status: usage error, unreadable, binary or undecodable input.
pub const EXIT_ERROR: u8 = 2;

/// Runs byline with the process's arguments and returns its exit code.
#[must_use]
pub fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(error) => {
            let (text, is_error) = refusal(&error);
            if is_error {
                let _ = write!(std::io::stderr(), "{text}");
                return ExitCode::from(EXIT_ERROR);
            }
            let _ = write!(std::io::stdout(), "{text}");
            return ExitCode::from(EXIT_OK);
        }
    };
    match run(args) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            report(&error);
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// What byline prints for these command-line arguments when it cannot run
/// them, and whether that is an error (on stderr) rather than `--help` or
/// `--version` (on stdout); `None` when they parse. For tests and fuzzing:
/// nothing is printed.
pub fn argument_message<I, T>(args: I) -> Option<(String, bool)>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    Args::try_parse_from(args).err().map(|error| refusal(&error))
}

/// The text of a parse failure: printed plain and sanitised, never raw,
/// since it echoes what was typed, which may hold escape sequences (a file
/// named with one, an argument pasted with one).
fn refusal(error: &clap::Error) -> (String, bool) {
    (clean_lines(&error.render().to_string()), error.use_stderr())
}

/// One line on stderr: "byline: <source>: <cause>". A cause is added only
/// when the message does not already carry it (errors that name their
/// source also display it).
fn report(error: &anyhow::Error) {
    let mut line = format!("byline: {error}");
    for cause in error.chain().skip(1) {
        let cause = cause.to_string();
        if !line.contains(&cause) {
            line.push_str(&format!(": {cause}"));
        }
    }
    say(&line);
}

/// What the command reads an article for.
enum Reading {
    /// `extract [SOURCE]` in this format (with "Who said what" or not).
    Extract(Option<String>, Format, bool),
    /// The reader on SOURCE (stdin when none and it is piped; the library
    /// screen when neither).
    Reader(Option<String>),
    /// One of the library's commands.
    Library(library::LibraryCommand),
}

/// `byline config path|default`.
fn config_command(action: &ConfigAction, explicit: Option<&std::path::Path>) -> anyhow::Result<u8> {
    match action {
        ConfigAction::Default => {
            print_with(|out| out.write_all(crate::config::DEFAULT_FILE.as_bytes()).unwrap_or(()))
        }
        ConfigAction::Path => {
            let line = match crate::config::chosen_path(explicit) {
                Some((path, _)) if path.is_file() => path.display().to_string(),
                Some((path, _)) => format!("{} (not there: the defaults apply)", path.display()),
                None => "no configuration directory: the defaults apply".to_owned(),
            };
            print_with(|out| writeln!(out, "{line}").unwrap_or(()))
        }
    }
}

/// Writes what `write` produces to stdout; a closed pipe is not an error.
fn print_with(write: impl FnOnce(&mut dyn Write)) -> anyhow::Result<u8> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write(&mut out);
    match out.flush() {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(crate::Error::Output(error).into())
        }
        _ => Ok(EXIT_OK),
    }
}

/// `text` with every control character made harmless, line breaks kept.
fn clean_lines(text: &str) -> String {
    text.split('\n')
        .map(|line| crate::model::sanitize::clean(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Writes one sanitised line to stderr.
fn say(line: &str) {
    let line = crate::model::sanitize::collapse_whitespace(&crate::model::sanitize::clean(line));
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// The loader for these options: flags win over the config file, which
/// wins over the defaults.
fn loader(common: &Common, config: &Config) -> Loader {
    let limits = LoadLimits { max_input_bytes: common.max_input_mb.saturating_mul(1_000_000) };
    let defaults = FetchSettings::default();
    let seconds = |flag: Option<f64>, file: Option<f64>, default: Duration| {
        flag.or(file).map_or(default, Duration::from_secs_f64)
    };
    let fetch = FetchSettings {
        connect_timeout: seconds(
            common.connect_timeout,
            config.fetch.connect_timeout,
            defaults.connect_timeout,
        ),
        timeout: seconds(common.timeout, config.fetch.timeout, defaults.timeout),
        max_redirects: common.max_redirects.or(config.fetch.max_redirects).unwrap_or(defaults.max_redirects),
        max_body_bytes: common
            .max_download_mb
            .or(config.fetch.max_download_mb)
            .map_or(defaults.max_body_bytes, |mb| mb.saturating_mul(1_000_000)),
        offline: common.offline || config.fetch.offline.unwrap_or(false),
    };
    Loader::new(limits, fetch)
}

fn run(args: Args) -> anyhow::Result<u8> {
    let source = match args.command {
        // These need no configuration: `config default` is how a broken
        // one gets mended.
        Some(Command::Completions { shell }) => return print_with(|out| docs::completions(shell, out)),
        Some(Command::Man) => return print_with(|out| docs::man(out).unwrap_or(())),
        Some(Command::Config { action }) => return config_command(&action, args.common.config.as_deref()),
        Some(Command::Extract { source, format, with_quotes }) => {
            if with_quotes && !matches!(format, FormatArg::Markdown) {
                anyhow::bail!("--with-quotes goes with --format markdown");
            }
            Reading::Extract(source, format.into(), with_quotes)
        }
        Some(Command::Library(command)) => Reading::Library(command),
        None => Reading::Reader(args.source),
    };
    crate::log::init(args.common.log_level.as_deref(), crate::log::default_path())?;
    let config = crate::config::load(args.common.config.as_deref())?;
    // Saved pages are read from the library (see `source`'s story of a URL).
    let library_path = crate::library::locate(library_flag(&args.common), config.library.as_deref()).ok();
    let mut sources = loader(&args.common, &config);
    if let Some(path) = &library_path {
        sources = sources.with_saved(Arc::new(crate::library::SavedIn::new(path.clone())));
    }
    let sites = match &config.path {
        Some(path) if !config.sites.is_empty() => SiteRules::with_user(config.sites.clone(), path)?,
        _ => SiteRules::builtin(),
    };
    let forced = args.common.from.map(SourceKind::from);
    // The whole file is checked whatever the command: a mistake in the
    // key bindings is reported by `extract` too, not only by the reader
    // (which loads them on a thread of its own at start-up).
    let reader = matches!(source, Reading::Reader(_)) && std::io::stdout().is_terminal();
    if !reader {
        tui::keymap::Keymap::load(&config)?;
    }
    match source {
        Reading::Extract(source, format, with_quotes) => {
            let spec = match source {
                Some(source) => SourceSpec::parse(&source),
                None if !std::io::stdin().is_terminal() => SourceSpec::Stdin,
                None => anyhow::bail!("no article given: byline extract FILE|URL|-, or pipe one in"),
            };
            extract(&spec, &sources, &sites, forced, (format, with_quotes))
        }
        Reading::Library(command) => {
            let tools = tui::jobs::Tools { loader: Arc::new(sources), sites: Arc::new(sites) };
            library::run(command, &library_context(&args.common, config, tools, forced)?)
        }
        Reading::Reader(source) => {
            let spec = match source {
                Some(source) => SourceSpec::parse(&source),
                None if !std::io::stdin().is_terminal() => SourceSpec::Stdin,
                // No article and nothing piped: the library.
                None => {
                    let tools = tui::jobs::Tools { loader: Arc::new(sources), sites: Arc::new(sites) };
                    return library::screen(&library_context(&args.common, config, tools, forced)?, None);
                }
            };
            // Into a file or a pipe, the reader would write escape sequences
            // nobody sees: print the article as text instead, as less does.
            if !std::io::stdout().is_terminal() {
                return extract(&spec, &sources, &sites, forced, (Format::Text, false));
            }
            if spec == SourceSpec::Stdin && std::io::stdin().is_terminal() {
                say(
                    "byline: reading the article from the terminal; end it with Ctrl-D (or give a FILE or URL)",
                );
            }
            // A saved page opens in the library, where the reader stopped.
            if let (SourceSpec::Url(url), Some(path)) = (&spec, &library_path)
                && let Some(id) = library::saved_id(path, url)
            {
                let tools = tui::jobs::Tools { loader: Arc::new(sources), sites: Arc::new(sites) };
                return library::screen(&library_context(&args.common, config, tools, forced)?, Some(id));
            }
            let loaded = fetch_with_progress(&sources, &spec)?;
            let tools = tui::jobs::Tools { loader: Arc::new(sources), sites: Arc::new(sites) };
            // Where `S` saves; without a home directory it says so then.
            let mut config = config;
            config.library = library_path;
            match tui::run(loaded, forced, &config, tools)? {
                // Ended by a signal: 128 + its number, as shells expect.
                Some(signal) => Ok(u8::try_from(128 + signal).unwrap_or(EXIT_ERROR)),
                None => Ok(EXIT_OK),
            }
        }
    }
}

/// Loads the reader's first article. A page from the network shows how
/// many bytes have arrived on stderr while it loads (when stderr is a
/// terminal and the fetch takes long enough to wonder); Ctrl-c stops it.
fn fetch_with_progress(sources: &Loader, spec: &SourceSpec) -> anyhow::Result<Loaded> {
    let SourceSpec::Url(url) = spec else { return Ok(sources.load(spec)?) };
    let started = std::time::Instant::now();
    let mut last_shown = started;
    let mut shown = false;
    let terminal = std::io::stderr().is_terminal();
    let name = crate::model::sanitize::collapse_whitespace(&crate::model::sanitize::clean(url));
    let mut progress = |bytes: u64| {
        let now = std::time::Instant::now();
        if terminal
            && now.duration_since(started).as_millis() >= 300
            && now.duration_since(last_shown).as_millis() >= 100
        {
            last_shown = now;
            shown = true;
            let _ = write!(
                std::io::stderr(),
                "\rbyline: loading {name} · {} \x1b[K",
                crate::output::human_bytes(bytes)
            );
        }
    };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let result = sources.load_watched(
        spec,
        source::ARTICLE_TYPES,
        Some(&mut source::Watch { cancel: &cancel, progress: &mut progress }),
    );
    if shown {
        let _ = write!(std::io::stderr(), "\r\x1b[K");
    }
    let loaded = result?;
    if let Some(note) = &loaded.note {
        say(&format!("byline: {url}: {note}"));
    }
    Ok(loaded)
}

/// What the library's commands need: its file, the loader and site rules
/// articles are read with, and the configuration.
fn library_context(
    common: &Common,
    config: Config,
    tools: tui::jobs::Tools,
    forced: Option<SourceKind>,
) -> anyhow::Result<library::Context> {
    let path = crate::library::locate(library_flag(common), config.library.as_deref())?;
    Ok(library::Context { path, tools, forced, config, library_given: common.library.is_some() })
}

/// The file `--library` names (none when the flag is given bare).
fn library_flag(common: &Common) -> Option<&std::path::Path> {
    common.library.as_ref().and_then(Option::as_deref)
}

/// Runs `work`, turning a panic (a bug, never an expected outcome) into one
/// error line naming the source instead of a backtrace: hostile input must
/// still get a one-line answer, and the exit code stays 2.
fn contain_panic<T>(source_name: &str, work: impl FnOnce() -> T + UnwindSafe) -> anyhow::Result<T> {
    let message = Arc::new(Mutex::new(String::new()));
    let slot = Arc::clone(&message);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let location = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        if let Ok(mut slot) = slot.lock() {
            *slot = format!("{payload}{location}");
        }
    }));
    let result = std::panic::catch_unwind(work);
    std::panic::set_hook(previous);
    result.map_err(|_| {
        let message = message.lock().map(|m| m.clone()).unwrap_or_default();
        anyhow::anyhow!("{source_name}: internal error, please report it: {message}")
    })
}

fn extract(
    spec: &SourceSpec,
    sources: &Loader,
    sites: &SiteRules,
    forced: Option<SourceKind>,
    (format, with_quotes): (Format, bool),
) -> anyhow::Result<u8> {
    let loaded = sources.load(spec)?;
    let name = spec.display_name();
    if let Some(note) = &loaded.note {
        say(&format!("byline: {name}: {note}"));
    }
    let article = contain_panic(&name, move || pipeline::build_owned_with(loaded, forced, sites))??;
    // Written as it is rendered: a large article's JSON is never held whole.
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let written = contain_panic(
        &name,
        std::panic::AssertUnwindSafe(|| {
            crate::output::write(&article, format, &mut stdout)
                .and_then(|()| match crate::output::markdown::who_said_what(&article) {
                    quotes if with_quotes && !quotes.is_empty() => write!(stdout, "\n{quotes}"),
                    _ => Ok(()),
                })
                .and_then(|()| stdout.flush())
        }),
    );
    if written.is_err() {
        // A panic while rendering: what is still buffered is not printed.
        drop(stdout.into_parts());
    }
    match written? {
        Ok(()) => {}
        // `byline extract … | head` closes the pipe early: not an error.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => return Ok(EXIT_OK),
        Err(error) => return Err(crate::Error::Output(error).into()),
    }
    Ok(if article.document.has_text() { EXIT_OK } else { EXIT_NO_ARTICLE })
}
