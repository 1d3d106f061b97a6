//! The command line's arguments as clap parses them: the bare form, the
//! options every form shares (global, so they go before or after a
//! subcommand), the subcommands, and their conversions to the crate's types.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::extract::SourceKind;
use crate::output::Format;
use crate::source;

/// A terminal reader for long articles: the article alone, with its sections,
/// speakers and quotes beside it.
#[derive(Debug, Parser)]
#[command(name = "byline", version, about, long_about = None, subcommand_negates_reqs = true)]
pub(super) struct Args {
    #[command(subcommand)]
    pub(super) command: Option<Command>,
    /// Article to open: a file, `-` for stdin (read when piped), or a URL.
    pub(super) source: Option<String>,
    #[command(flatten)]
    pub(super) common: Common,
}

#[derive(Debug, clap::Args)]
pub(super) struct Common {
    /// Treat the input as this kind instead of sniffing it.
    #[arg(long, value_enum, global = true)]
    pub(super) from: Option<FromArg>,
    /// Refuse files and stdin larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = source::DEFAULT_MAX_INPUT_MB, global = true)]
    pub(super) max_input_mb: u64,
    #[arg(
        long,
        value_name = "PATH",
        global = true,
        help = "Configuration file (default: ~/.config/byline/config.toml, under $XDG_CONFIG_HOME when set)"
    )]
    pub(super) config: Option<PathBuf>,
    /// Never use the network: open the copies kept of pages fetched before.
    #[arg(long, global = true)]
    pub(super) offline: bool,
    /// Seconds allowed for a whole request, body included [default: 30].
    #[arg(long, value_name = "SECS", global = true, value_parser = positive_seconds)]
    pub(super) timeout: Option<f64>,
    /// Seconds allowed to connect to a server [default: 10].
    #[arg(long, value_name = "SECS", global = true, value_parser = positive_seconds)]
    pub(super) connect_timeout: Option<f64>,
    /// Redirects followed before giving up [default: 10].
    #[arg(long, value_name = "N", global = true)]
    pub(super) max_redirects: Option<usize>,
    /// Refuse pages larger than this many megabytes once decompressed [default: 20].
    #[arg(long, value_name = "MB", global = true, value_parser = clap::value_parser!(u64).range(1..))]
    pub(super) max_download_mb: Option<u64>,
    #[arg(
        long,
        value_name = "LEVEL",
        global = true,
        value_parser = crate::log::LEVELS,
        help = "What goes to the log file [default: warn, or BYLINE_LOG]"
    )]
    pub(super) log_level: Option<String>,
    #[arg(
        long,
        value_name = "PATH",
        global = true,
        help = "The library file (default: $BYLINE_LIBRARY, else the config's library, else \
                $XDG_DATA_HOME/byline/library.db); given bare, quotes reads the library instead of files"
    )]
    #[expect(clippy::option_option, reason = "clap's flag with an optional value: absent, bare, or a PATH")]
    pub(super) library: Option<Option<PathBuf>>,
}

#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// Print the article without the reader.
    Extract {
        /// A file, `-` for stdin (the default when it is piped), or a URL.
        source: Option<String>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
        /// With --format markdown: append a "Who said what" section, the
        /// quotes grouped by speaker.
        #[arg(long)]
        with_quotes: bool,
    },
    /// Print a completion script: byline completions bash > ~/.local/share/bash-completion/completions/byline
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): byline man | man -l -
    Man,
    /// The configuration file: which one is read, and every setting's default.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    #[command(flatten)]
    Library(super::library::LibraryCommand),
}

#[derive(Debug, Subcommand)]
pub(super) enum ConfigAction {
    /// Print the path of the configuration file byline reads (and whether it exists).
    Path,
    /// Print a commented configuration with every setting at its default.
    Default,
}

fn positive_seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(secs) if secs.is_finite() && secs > 0.0 && secs < 1e9 => Ok(secs),
        _ => Err("expected a positive number of seconds, such as 30 or 0.5".to_owned()),
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum FromArg {
    Html,
    Text,
    Markdown,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum FormatArg {
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
