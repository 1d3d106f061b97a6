//! The user's configuration file: reader settings (theme, colours, reading
//! width, mouse) and key binding overrides. Read once at start-up from
//! `--config PATH` or `$XDG_CONFIG_HOME/byline/config.toml` (via etcetera, so
//! `~/.config` on macOS too); a missing default file means defaults.
//!
//! Every error names the file and, when it can be known, the line. Key names
//! and action names are checked by the reader's keymap (`tui::keymap`), which
//! gets the line of each override from here; this module knows no terminal
//! types.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result};
use crate::extract::site::RuleSpec;

/// Default reading width, in columns.
pub const DEFAULT_READING_WIDTH_COLS: u16 = 88;

/// Which colours to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeName {
    /// Dark unless `COLORFGBG` says the background is light; monochrome
    /// when `NO_COLOR` is set.
    #[default]
    Auto,
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
    /// No colours at all: bold, italics, underline and reverse video only.
    Mono,
}

/// How many colours the terminal has. Never asked of the terminal (byline
/// sends no queries): taken from the config, else from `TERM`/`COLORTERM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColorDepth {
    /// Guess from the environment.
    #[default]
    Auto,
    /// The 16 ANSI colours (the user's palette).
    #[serde(rename = "16")]
    Ansi16,
    /// The 256-colour palette.
    #[serde(rename = "256")]
    Ansi256,
}

/// How the reader may ask the terminal to move text when it scrolls.
/// Never asked of the terminal (byline sends no queries): `auto` decides
/// from `TERM` and the terminal's own variables, conservatively.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScrollSetting {
    /// Guess from the environment; unknown terminals get `off`.
    #[default]
    Auto,
    /// Redraw what changed, cell by cell (any terminal).
    Off,
    /// Scroll regions moved with insert/delete line (VT102 and later).
    Lines,
    /// Scroll regions moved with scroll up/down (xterm and most emulators).
    Rows,
    /// Scroll regions with left and right margins too (xterm, VT420), so
    /// that the article scrolls beside the panels without touching them.
    Margins,
}

/// One key binding override from the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// The mode table it is in (`reader`, `panel`, `search`, `help`).
    pub mode: String,
    /// The key as written.
    pub key: String,
    /// The action name, or `none` to unbind the key.
    pub action: String,
    /// The line it is on (1-based).
    pub line: usize,
}

/// The `[fetch]` table: how pages are fetched (command-line flags win).
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FetchConfig {
    /// Seconds allowed for a whole request.
    pub timeout: Option<f64>,
    /// Seconds allowed to connect.
    pub connect_timeout: Option<f64>,
    /// Redirects followed.
    pub max_redirects: Option<usize>,
    /// Largest body accepted after decompression, in megabytes.
    pub max_download_mb: Option<u64>,
    /// Never touch the network.
    pub offline: Option<bool>,
}

/// How `y` and `Y` copy to the clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyMethod {
    /// An OSC 52 sequence: the terminal sets its own clipboard, over SSH
    /// and through tmux too.
    #[default]
    Osc52,
    /// The `[clipboard] command`, given the text on its standard input.
    Command,
    /// Not at all (a terminal that shows the sequence, or a policy).
    Off,
}

/// The `[clipboard]` table: how `y` and `Y` copy.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClipboardConfig {
    /// The method.
    #[serde(default)]
    pub copy: CopyMethod,
    /// With [`CopyMethod::Command`]: the program and its arguments, run
    /// without a shell (`["wl-copy"]`, `["xclip", "-selection", "clipboard"]`).
    #[serde(default)]
    pub command: Vec<String>,
}

/// Everything the config file can set.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The file it was read from, if any.
    pub path: Option<PathBuf>,
    /// The colour theme.
    pub theme: ThemeName,
    /// The colour depth.
    pub colors: ColorDepth,
    /// Widest the article's text gets, in columns.
    pub reading_width_cols: u16,
    /// Whether the mouse wheel and clicks are captured (off by default, so
    /// that selecting text in the terminal works).
    pub mouse: bool,
    /// How scrolling is sent to the terminal.
    pub scrolling: ScrollSetting,
    /// Key binding overrides, in file order.
    pub keys: Vec<KeyOverride>,
    /// How pages are fetched.
    pub fetch: FetchConfig,
    /// How `y` and `Y` copy.
    pub clipboard: ClipboardConfig,
    /// Site rules (`[[sites]]`), each with its line; checked when the rules
    /// are compiled (`extract::site`).
    pub sites: Vec<(RuleSpec, usize)>,
    /// The library file (`library = "~/notes/byline.db"`); `--library`
    /// and `$BYLINE_LIBRARY` come first.
    pub library: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            path: None,
            theme: ThemeName::Auto,
            colors: ColorDepth::Auto,
            reading_width_cols: DEFAULT_READING_WIDTH_COLS,
            mouse: false,
            scrolling: ScrollSetting::Auto,
            keys: Vec::new(),
            fetch: FetchConfig::default(),
            clipboard: ClipboardConfig::default(),
            sites: Vec::new(),
            library: None,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<ThemeName>,
    colors: Option<ColorDepth>,
    reading_width: Option<Spanned<u16>>,
    mouse: Option<bool>,
    scrolling: Option<ScrollSetting>,
    library: Option<String>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<String>>>,
    fetch: Option<Spanned<FetchConfig>>,
    clipboard: Option<Spanned<ClipboardConfig>>,
    #[serde(default)]
    sites: Vec<Spanned<RuleSpec>>,
}

/// The modes a `[keys.MODE]` table may name.
pub const KEY_MODES: [&str; 7] = ["reader", "panel", "search", "help", "links", "library", "confirm"];

/// The default config file: `$XDG_CONFIG_HOME/byline/config.toml`.
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join("byline").join("config.toml"))
}

/// The environment variable naming the config file (`--config` wins).
pub const CONFIG_ENV: &str = "BYLINE_CONFIG";

/// The commented default configuration (`byline config default`): every
/// setting with its default value.
pub const DEFAULT_FILE: &str = include_str!("../assets/config.toml");

/// Which file the configuration comes from: `explicit`, else
/// `BYLINE_CONFIG`, else the default path; and whether it must exist (a
/// file named by the user must; the default one may be missing).
#[must_use]
pub fn chosen_path(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(path) = explicit {
        return Some((path.to_path_buf(), true));
    }
    if let Some(path) = std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(path), true));
    }
    default_path().map(|path| (path, false))
}

/// Loads the configuration: from `explicit` or `BYLINE_CONFIG` (which must
/// exist), else from the default file if there is one, else defaults.
pub fn load(explicit: Option<&Path>) -> Result<Config> {
    let path = match chosen_path(explicit) {
        Some((path, true)) => path,
        Some((path, false)) if path.is_file() => path,
        _ => return Ok(Config::default()),
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|cause| Error::Config { path: path.clone(), message: format!("cannot read: {cause}") })?;
    parse(&text, &path)
}

/// Parses a config file's text; `path` is for messages.
pub fn parse(text: &str, path: &Path) -> Result<Config> {
    let error = |span: Option<std::ops::Range<usize>>, message: &str| {
        let message = match span {
            Some(span) => format!("line {}: {message}", line_of(text, span.start)),
            None => message.to_owned(),
        };
        Error::Config { path: path.to_path_buf(), message }
    };
    let raw: RawConfig =
        toml::from_str(text).map_err(|e| error(e.span(), e.message().trim_end_matches('\n')))?;
    let mut config = Config { path: Some(path.to_path_buf()), ..Config::default() };
    config.theme = raw.theme.unwrap_or_default();
    config.colors = raw.colors.unwrap_or_default();
    config.mouse = raw.mouse.unwrap_or(false);
    config.scrolling = raw.scrolling.unwrap_or_default();
    config.library = raw.library.filter(|path| !path.is_empty()).map(|path| expand_home(&path));
    if let Some(width) = raw.reading_width {
        if !(20..=1000).contains(width.get_ref()) {
            return Err(error(Some(width.span()), "reading_width must be between 20 and 1000 columns"));
        }
        config.reading_width_cols = *width.get_ref();
    }
    if let Some(fetch) = raw.fetch {
        let span = fetch.span();
        config.fetch = fetch.into_inner();
        let positive = |value: Option<f64>| value.is_none_or(|v| v.is_finite() && v > 0.0);
        if !positive(config.fetch.timeout) || !positive(config.fetch.connect_timeout) {
            return Err(error(Some(span), "[fetch] timeouts must be a positive number of seconds"));
        }
        if config.fetch.max_download_mb == Some(0) {
            return Err(error(Some(span), "[fetch] max_download_mb must be at least 1"));
        }
    }
    if let Some(clipboard) = raw.clipboard {
        let span = clipboard.span();
        config.clipboard = clipboard.into_inner();
        let program = config.clipboard.command.first().map(|p| p.trim());
        if config.clipboard.copy == CopyMethod::Command && program.is_none_or(str::is_empty) {
            return Err(error(
                Some(span),
                "[clipboard] copy = \"command\" needs a command, e.g. command = [\"wl-copy\"]",
            ));
        }
        if !config.clipboard.command.is_empty() && program.is_none_or(str::is_empty) {
            return Err(error(Some(span), "[clipboard] command must start with a program's name"));
        }
    }
    config.sites = raw
        .sites
        .into_iter()
        .map(|rule| {
            let line = line_of(text, rule.span().start);
            (rule.into_inner(), line)
        })
        .collect();
    for (mode, table) in raw.keys {
        if !KEY_MODES.contains(&mode.get_ref().as_str()) {
            let message =
                format!("unknown key mode `{}` (expected one of {})", mode.get_ref(), KEY_MODES.join(", "));
            return Err(error(Some(mode.span()), &message));
        }
        for (key, action) in table {
            config.keys.push(KeyOverride {
                mode: mode.get_ref().clone(),
                key: key.get_ref().clone(),
                action: action.get_ref().clone(),
                line: line_of(text, key.span().start),
            });
        }
    }
    config.keys.sort_by_key(|o| o.line);
    Ok(config)
}

/// `~/x` as `$HOME/x` (a config file is not read by a shell).
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// The 1-based line of byte `offset` in `text`.
#[must_use]
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|b| **b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Config {
        parse(text, Path::new("/tmp/c.toml")).unwrap()
    }

    fn parse_err(text: &str) -> String {
        parse(text, Path::new("/tmp/c.toml")).unwrap_err().to_string()
    }

    #[test]
    fn everything_can_be_set() {
        let config = parse_ok(
            "theme = \"light\"\ncolors = \"16\"\nreading_width = 72\nmouse = true\nscrolling = \"margins\"\nlibrary = \"/srv/b.db\"\n[keys.reader]\n\"x\" = \"quit\"\n\"j\" = \"none\"\n",
        );
        assert_eq!(config.scrolling, ScrollSetting::Margins);
        assert_eq!(config.library.as_deref(), Some(Path::new("/srv/b.db")));
        assert_eq!(config.theme, ThemeName::Light);
        assert_eq!(config.colors, ColorDepth::Ansi16);
        assert_eq!(config.reading_width_cols, 72);
        assert!(config.mouse);
        assert_eq!(config.keys.len(), 2);
        assert_eq!(config.keys[0].key, "x");
        assert_eq!(config.keys[0].line, 8);
        assert_eq!(config.keys[1].action, "none");
    }

    #[test]
    fn the_fetch_table_is_read_and_checked() {
        let config = parse_ok(
            "[fetch]\ntimeout = 5.5\nconnect_timeout = 2\nmax_redirects = 3\nmax_download_mb = 7\noffline = true\n",
        );
        assert_eq!(config.fetch.timeout, Some(5.5));
        assert_eq!(config.fetch.connect_timeout, Some(2.0));
        assert_eq!(config.fetch.max_redirects, Some(3));
        assert_eq!(config.fetch.max_download_mb, Some(7));
        assert_eq!(config.fetch.offline, Some(true));
        let message = parse_err("\n[fetch]\ntimeout = -1\n");
        assert!(message.contains("line 2") && message.contains("timeouts"), "{message}");
        let message = parse_err("[fetch]\ntimout = 3\n");
        assert!(message.contains("line 2") && message.contains("timout"), "{message}");
    }

    #[test]
    fn the_clipboard_table_is_read_and_checked() {
        assert_eq!(parse_ok("").clipboard, ClipboardConfig { copy: CopyMethod::Osc52, command: Vec::new() });
        assert_eq!(parse_ok("[clipboard]\ncopy = \"off\"\n").clipboard.copy, CopyMethod::Off);
        let config = parse_ok(
            "[clipboard]\ncopy = \"command\"\ncommand = [\"xclip\", \"-selection\", \"clipboard\"]\n",
        );
        assert_eq!(config.clipboard.copy, CopyMethod::Command);
        assert_eq!(config.clipboard.command, ["xclip", "-selection", "clipboard"]);
        // A command kept while OSC 52 is chosen is allowed (switched back
        // and forth by changing one line).
        let config = parse_ok("[clipboard]\ncopy = \"osc52\"\ncommand = [\"pbcopy\"]\n");
        assert_eq!(config.clipboard.copy, CopyMethod::Osc52);
        let cases = [
            ("\n[clipboard]\ncopy = \"command\"\n", "line 2", "needs a command"),
            ("[clipboard]\ncopy = \"command\"\ncommand = []\n", "line 1", "needs a command"),
            ("[clipboard]\ncopy = \"command\"\ncommand = [\" \", \"x\"]\n", "line 1", "needs a command"),
            ("[clipboard]\ncommand = [\"\"]\n", "line 1", "must start with a program"),
            ("[clipboard]\ncopy = \"wl-copy\"\n", "line 2", "`osc52`, `command`, `off`"),
            ("[clipboard]\ncommand = \"wl-copy\"\n", "line 2", "a sequence"),
            ("[clipboard]\nprogram = [\"x\"]\n", "line 2", "expected `copy` or `command`"),
        ];
        for (text, line, expected) in cases {
            let message = parse_err(text);
            assert!(message.starts_with(&format!("/tmp/c.toml: {line}")), "{text:?}: {message}");
            assert!(message.contains(expected), "{text:?}: {message}");
        }
    }

    #[test]
    fn site_rules_are_read_with_their_lines() {
        let config = parse_ok(
            "mouse = true\n\n[[sites]]\nname = \"Pier\"\nhosts = [\"pier.example\"]\nbody = \"div.story\"\ndrop = [\".promo\"]\n",
        );
        assert_eq!(config.sites.len(), 1);
        let (rule, line) = &config.sites[0];
        assert_eq!((rule.name.as_str(), rule.body.as_str(), *line), ("Pier", "div.story", 3));
        let message = parse_err("[[sites]]\nname = \"Pier\"\nbody = \"x\"\nbodies = 3\n");
        assert!(message.contains("line 4") && message.contains("bodies"), "{message}");
    }

    /// The fields a table accepts, as serde lists them when it refuses an
    /// unknown one: the default file must show each of them.
    fn accepted_fields(table: &str) -> Vec<String> {
        let message = parse_err(&format!("{table}\nnot_a_key_at_all = 1\n"));
        let list = message.split("expected").nth(1).unwrap_or_else(|| panic!("{message}"));
        let list = list.trim_start().trim_start_matches("one of");
        list.split([',', ' '])
            .map(|f| f.trim().trim_matches('`').to_owned())
            .filter(|f| !f.is_empty() && f != "or")
            .collect()
    }

    #[test]
    fn the_default_file_shows_every_setting_and_loads_back_as_the_defaults() {
        let loaded = parse(DEFAULT_FILE, Path::new("default.toml")).unwrap();
        let expected = Config {
            path: Some("default.toml".into()),
            fetch: FetchConfig {
                timeout: Some(crate::source::DEFAULT_TIMEOUT_SECS),
                connect_timeout: Some(crate::source::DEFAULT_CONNECT_TIMEOUT_SECS),
                max_redirects: Some(crate::source::DEFAULT_MAX_REDIRECTS),
                max_download_mb: Some(crate::source::DEFAULT_MAX_DOWNLOAD_MB),
                offline: Some(false),
            },
            ..Config::default()
        };
        assert_eq!(loaded, expected);
        for field in accepted_fields("") {
            let shown = match field.as_str() {
                "keys" => DEFAULT_FILE.contains("# [keys.reader]"),
                "sites" => DEFAULT_FILE.contains("# [[sites]]"),
                table @ ("fetch" | "clipboard") => DEFAULT_FILE.lines().any(|l| l == format!("[{table}]")),
                key => DEFAULT_FILE.lines().any(|l| l.starts_with(&format!("{key} = "))),
            };
            assert!(shown, "the default file shows `{field}`");
        }
        for field in accepted_fields("[fetch]") {
            assert!(DEFAULT_FILE.lines().any(|l| l.starts_with(&format!("{field} = "))), "[fetch] {field}");
        }
        for field in accepted_fields("[clipboard]") {
            assert!(
                DEFAULT_FILE.lines().any(|l| l.starts_with(&format!("{field} = "))),
                "[clipboard] {field}"
            );
        }
    }

    #[test]
    fn each_kind_of_mistake_names_the_file_line_and_choices() {
        let cases = [
            ("colour = 3\n", "line 1", "expected one of `theme`"),
            ("theme = \"purple\"\n", "line 1", "`auto`, `dark`, `light`, `mono`"),
            ("colors = \"8\"\n", "line 1", "`auto`, `16`, `256`"),
            ("mouse = \"yes\"\n", "line 1", "a boolean"),
            ("\nreading_width = 5000\n", "line 2", "between 20 and 1000"),
            ("[fetch]\ntimeout = 0\n", "line 1", "positive number of seconds"),
            ("[fetch]\nretries = 3\n", "line 2", "expected one of `timeout`"),
            ("[keys.reeder]\nx = \"quit\"\n", "line 1", "reader, panel, search, help, links"),
            ("[[sites]]\nbody = \"x\"\n", "line 1", "missing field `name`"),
        ];
        for (text, line, choices) in cases {
            let message = parse_err(text);
            assert!(message.starts_with(&format!("/tmp/c.toml: {line}")), "{text:?}: {message}");
            assert!(message.contains(choices), "{text:?}: {message}");
        }
    }

    #[test]
    fn defaults_when_empty() {
        let config = parse_ok("");
        assert_eq!(config.reading_width_cols, DEFAULT_READING_WIDTH_COLS);
        assert!(!config.mouse);
        assert_eq!(config.theme, ThemeName::Auto);
        assert_eq!(config.scrolling, ScrollSetting::Auto);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let message = parse_err("mouse = true\ntheme = \"purple\"\n");
        assert!(message.starts_with("/tmp/c.toml: line 2: "), "{message}");
        let message = parse_err("\n\nreading_width = 5\n");
        assert!(message.starts_with("/tmp/c.toml: line 3: reading_width"), "{message}");
        let message = parse_err("[keys.reeder]\nx = \"quit\"\n");
        assert!(message.contains("line 1: unknown key mode `reeder`"), "{message}");
        let message = parse_err("colour = 3\n");
        assert!(message.contains("line 1:") && message.contains("colour"), "{message}");
        let message = parse_err("mouse = false\nscrolling = \"fast\"\n");
        assert!(message.starts_with("/tmp/c.toml: line 2: "), "{message}");
        let message = parse_err("theme = \n");
        assert!(message.contains("line 1"), "{message}");
    }

    #[test]
    fn a_missing_explicit_file_is_an_error() {
        let message = load(Some(Path::new("/nonexistent/byline.toml"))).unwrap_err().to_string();
        assert!(message.starts_with("/nonexistent/byline.toml: cannot read"), "{message}");
    }

    #[test]
    fn line_of_counts_newlines() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }
}
