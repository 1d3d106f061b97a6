//! The command line: clap arguments → validated options → dispatch. Errors get
//! their context here (anyhow) and become one line on stderr and an exit code.

use std::io::{IsTerminal, Write};
use std::panic::UnwindSafe;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use clap::{Parser, Subcommand, ValueEnum};

use crate::extract::SourceKind;
use crate::output::Format;
use crate::source::{self, LoadLimits, SourceSpec};
use crate::{pipeline, tui};

/// Exit status: an article was found (or the reader ran and quit).
pub const EXIT_OK: u8 = 0;
/// Exit status: the input was read but holds no article text.
pub const EXIT_NO_ARTICLE: u8 = 1;
/// Exit status: usage error, unreadable, binary or undecodable input.
pub const EXIT_ERROR: u8 = 2;

/// A terminal reader for long articles: the article alone, with its sections,
/// speakers and quotes beside it.
#[derive(Debug, Parser)]
#[command(name = "byline", version, about, long_about = None, args_conflicts_with_subcommands = true)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Article to open: a file, `-` for stdin (read when piped), or a URL.
    source: Option<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
struct Common {
    /// Treat the input as this kind instead of sniffing it.
    #[arg(long, value_enum, global = true)]
    from: Option<FromArg>,
    /// Refuse inputs larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = source::DEFAULT_MAX_INPUT_MB, global = true)]
    max_input_mb: u64,
    /// Configuration file (default: $`XDG_CONFIG_HOME/byline/config.toml`).
    #[arg(long, value_name = "PATH", global = true)]
    config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the article without the reader.
    Extract {
        /// A file, `-` for stdin, or a URL.
        source: String,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FromArg {
    Html,
    Text,
    Markdown,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Json,
    Text,
    Markdown,
}

impl From<FromArg> for SourceKind {
    fn from(arg: FromArg) -> Self {
        match arg {
            FromArg::Html => Self::Html,
            FromArg::Text => Self::Text,
            FromArg::Markdown => Self::Markdown,
        }
    }
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Self {
        match arg {
            FormatArg::Json => Self::Json,
            FormatArg::Text => Self::Text,
            FormatArg::Markdown => Self::Markdown,
        }
    }
}

/// Runs byline with the process's arguments and returns its exit code.
#[must_use]
pub fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(error) => {
            // --help and --version are "errors" that print to stdout and exit 0.
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { EXIT_ERROR } else { EXIT_OK });
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

/// One line on stderr: "byline: <source>: <cause>".
fn report(error: &anyhow::Error) {
    let mut line = format!("byline: {error}");
    for cause in error.chain().skip(1) {
        line.push_str(&format!(": {cause}"));
    }
    let line = crate::model::sanitize::collapse_whitespace(&crate::model::sanitize::clean(&line));
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn run(args: Args) -> anyhow::Result<u8> {
    let limits = LoadLimits { max_input_bytes: args.common.max_input_mb.saturating_mul(1_000_000) };
    let forced = args.common.from.map(SourceKind::from);
    match args.command {
        Some(Command::Extract { source, format }) => {
            extract(&SourceSpec::parse(&source), limits, forced, format.into())
        }
        None => {
            let spec = match args.source {
                Some(source) => SourceSpec::parse(&source),
                None if !std::io::stdin().is_terminal() => SourceSpec::Stdin,
                None => anyhow::bail!("no article given: byline FILE, byline -, or pipe one in (see --help)"),
            };
            let config = crate::config::load(args.common.config.as_deref())?;
            let loaded = source::load(&spec, limits)?;
            tui::run(loaded, forced, &config)?;
            Ok(EXIT_OK)
        }
    }
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
    limits: LoadLimits,
    forced: Option<SourceKind>,
    format: Format,
) -> anyhow::Result<u8> {
    let loaded = source::load(spec, limits)?;
    let name = spec.display_name();
    let article = contain_panic(&name, move || pipeline::build_owned(loaded, forced))??;
    // Written as it is rendered: a large article's JSON is never held whole.
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let written = contain_panic(
        &name,
        std::panic::AssertUnwindSafe(|| {
            crate::output::write(&article, format, &mut stdout).and_then(|()| stdout.flush())
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
