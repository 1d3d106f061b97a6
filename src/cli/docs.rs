//! What packagers and shells ask of a command-line tool: completion scripts
//! (`byline completions SHELL`, with `clap_complete`) and a manual page
//! (`byline man`, with `clap_mangen` and `roff`): every subcommand and
//! option from the clap definition itself, every key from the keymap, the
//! files and the environment variables byline reads. Generated, so none of it can drift
//! from what byline does.

use std::io::Write;

use clap::CommandFactory;
use clap_mangen::roff::{Roff, bold, italic, roman};

use super::args::Args;
use crate::tui::keymap::{Keymap, Mode};

/// Writes the completion script for `shell` to `out`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) {
    let mut command = Args::command();
    clap_complete::generate(shell, &mut command, "byline", out);
}

/// The files byline reads and writes, as the manual names them (the page
/// is made once for every machine: no path of this one's).
const FILES: &[(&str, &str)] = &[
    (
        "~/.config/byline/config.toml",
        "the configuration, under $XDG_CONFIG_HOME when set (byline config default prints one with every setting; --config or BYLINE_CONFIG name another)",
    ),
    (
        "~/.local/share/byline/library.db",
        "the library: saved articles with their original bytes, reading places and tags, one SQLite file (byline backup copies it), under $XDG_DATA_HOME when set (--library or BYLINE_LIBRARY name another); a saved page is read from here, online or not",
    ),
    (
        "~/.cache/byline/pages/",
        "copies of the pages fetched and not saved, for --offline and a failed network, under $XDG_CACHE_HOME when set (at most 256 MB: the least recently read go first)",
    ),
    ("~/.local/state/byline/byline.log", "the log, under $XDG_STATE_HOME when set (--log-level, BYLINE_LOG)"),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    ("BYLINE_CONFIG", "the configuration file, when --config is not given"),
    ("BYLINE_LIBRARY", "the library file, when --library is not given"),
    ("BYLINE_LOG", "the log level (off, error, warn, info, debug, trace) or target=level pairs"),
    (
        "XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME, XDG_STATE_HOME",
        "where the configuration, the library, the kept pages and the log live",
    ),
    ("HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY", "proxies for fetching pages"),
    ("BROWSER", "the browser o hands a link to (commands separated by :, %s for the address)"),
    (
        "SSH_CONNECTION",
        "set over SSH: o copies a link to your clipboard (OSC 52) instead of starting a browser",
    ),
    ("TMUX", "set inside tmux: the clipboard sequence is wrapped for tmux's passthrough"),
    ("NO_COLOR", "no colours (the mono theme), unless the configuration names a theme"),
    ("TERM, COLORTERM, COLORFGBG", "how many colours, and whether the background is light"),
];

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "an article was found and printed, or the reader ran and you quit"),
    ("1", "the input was read but holds no article text"),
    ("2", "a usage, input, network or configuration error (one line on stderr)"),
    ("128+N", "the reader was ended by signal N (SIGHUP, SIGINT, SIGTERM, SIGQUIT)"),
];

/// Writes the manual page (roff) to `out`.
pub fn man(out: &mut dyn Write) -> std::io::Result<()> {
    let command = Args::command();
    let man = clap_mangen::Man::new(command.clone()).section("1").manual("byline manual");
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    let mut roff = Roff::new();
    roff.control("SH", ["SUBCOMMANDS"]);
    for sub in command.get_subcommands() {
        subcommand(&mut roff, &format!("byline {}", sub.get_name()), sub);
    }
    keys(&mut roff);
    roff.control("SH", ["FILES"]);
    for (path, what) in FILES {
        roff.control("TP", []).text([italic(*path)]).text([roman(*what)]);
    }
    table(&mut roff, "ENVIRONMENT", ENVIRONMENT);
    table(&mut roff, "EXIT STATUS", EXIT_STATUS);
    roff.control("SH", ["SEE ALSO"]).text([roman("less(1), lynx(1), w3m(1)")]);
    roff.to_writer(out)?;
    man.render_version_section(out)
}

fn subcommand(roff: &mut Roff, path: &str, command: &clap::Command) {
    let positionals: Vec<String> = command
        .get_positionals()
        .map(|arg| {
            format!(
                "[{}]",
                arg.get_value_names()
                    .and_then(|n| n.first())
                    .map_or_else(|| arg.get_id().to_string(), ToString::to_string)
            )
        })
        .collect();
    let sub = if command.has_subcommands() { " COMMAND" } else { "" };
    let heading = format!("{path} [OPTIONS]{sub} {}", positionals.join(" "));
    roff.control("SS", [heading.trim_end()]);
    if let Some(about) = command.get_long_about().or_else(|| command.get_about()) {
        roff.text([roman(about.to_string())]);
    }
    for arg in command.get_arguments().filter(|a| !a.is_global_set() && !a.is_positional()) {
        let mut flag = Vec::new();
        if let Some(short) = arg.get_short() {
            flag.push(format!("-{short}"));
        }
        if let Some(long) = arg.get_long() {
            flag.push(format!("--{long}"));
        }
        if flag.is_empty() || arg.get_id() == "help" {
            continue;
        }
        let values: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_owned()).collect();
        let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        if !values.is_empty() {
            help.push_str(&format!(" [{}]", values.join(", ")));
        }
        roff.control("TP", []).text([bold(flag.join(", "))]).text([roman(help)]);
    }
    for arg in command.get_positionals() {
        if let Some(help) = arg.get_help() {
            roff.control("TP", [])
                .text([italic(arg.get_id().to_string().to_uppercase())])
                .text([roman(help.to_string())]);
        }
    }
    for sub in command.get_subcommands() {
        subcommand(roff, &format!("{path} {}", sub.get_name()), sub);
    }
}

fn keys(roff: &mut Roff) {
    roff.control("SH", ["KEYS"]);
    roff.text([roman("The reader works like less and vim; ? shows every binding. A count typed before a key repeats it or gives its target (5j, 3], 50%). Bindings can be changed in the configuration ([keys.MODE] tables).")]);
    let Ok(keymap) = Keymap::defaults() else { return };
    for mode in Mode::ALL {
        let heading = format!("In the {} mode", mode.name());
        roff.control("SS", [heading.as_str()]);
        for entry in keymap.entries(mode) {
            let bound: Vec<String> = keymap.keys_for(mode, entry.action).iter().map(|k| k.name()).collect();
            if bound.is_empty() {
                continue;
            }
            roff.control("TP", []).text([bold(bound.join(", "))]).text([roman(entry.description.clone())]);
        }
    }
}

fn table(roff: &mut Roff, title: &str, rows: &[(&str, &str)]) {
    roff.control("SH", [title]);
    for (name, what) in rows {
        roff.control("TP", []).text([bold(*name)]).text([roman(*what)]);
    }
}
