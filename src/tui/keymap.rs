//! The keymap: data, not code. Defaults come from `assets/keymap.toml`
//! (compiled into a table by the build script), the user's config patches
//! them key by key (a user binding replaces the default for that key; `none`
//! unbinds it), and two spellings of one key in one mode are a load error
//! naming the file and line.
//!
//! [`Keymap::resolve`] is pure: (mode, pending prefix, key) → what to do. The
//! help screen and the status line's hints come from the reverse map
//! ([`Keymap::keys_for`], [`Keymap::entries`]), so they cannot drift.

mod key;

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

pub use key::{Key, parse_key};

use super::action::{Action, Command};
use crate::config::Config;
use crate::error::{Error, Result};

/// What has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The article.
    Reader,
    /// A panel; keys not bound here fall back to the reader's.
    Panel,
    /// The search line; unbound printable keys are typed.
    Search,
    /// The help screen.
    Help,
    /// The links list.
    Links,
    /// The library screen.
    Library,
    /// A yes-or-no question.
    Confirm,
}

impl Mode {
    /// All modes, in help order.
    pub const ALL: [Self; 7] =
        [Self::Reader, Self::Panel, Self::Search, Self::Help, Self::Links, Self::Library, Self::Confirm];

    /// The name used in keymap and config files.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Reader => "reader",
            Self::Panel => "panel",
            Self::Search => "search",
            Self::Help => "help",
            Self::Links => "links",
            Self::Library => "library",
            Self::Confirm => "confirm",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One documented action of a mode, for the help screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The action.
    pub action: Action,
    /// What it does.
    pub description: String,
    /// The help screen's heading it goes under.
    pub group: String,
}

/// Keys typed so far that do not yet make a command: a count, or an action
/// waiting for its argument key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pending {
    /// Digits typed so far.
    pub count: Option<usize>,
    /// An action waiting for its argument (`m` waiting for the mark name).
    pub awaiting: Option<(Action, Mode)>,
}

/// What a key press comes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Run this command.
    Command(Command),
    /// Keep waiting: more keys are needed.
    Pending(Pending),
    /// Type this character (search line).
    Insert(char),
    /// The key means nothing here; any pending prefix is dropped.
    Nothing,
}

/// Largest count accepted; more digits are ignored.
const MAX_COUNT: usize = 1_000_000;

#[derive(Debug, Clone, Default)]
struct ModeMap {
    bindings: Vec<(Key, Action)>,
    lookup: HashMap<Key, Action>,
    entries: Vec<Entry>,
}

impl ModeMap {
    fn bind(&mut self, key: Key, action: Action) {
        self.unbind(key);
        self.bindings.push((key, action));
        self.lookup.insert(key, action);
    }

    fn unbind(&mut self, key: Key) {
        if self.lookup.remove(&key).is_some() {
            self.bindings.retain(|(bound, _)| *bound != key);
        }
    }
}

/// All bindings of all modes.
#[derive(Debug, Clone)]
pub struct Keymap {
    modes: [ModeMap; Mode::ALL.len()],
}

/// One `[[mode]]` entry of a keymap file, as the build script compiles
/// `assets/keymap.toml`: each key with its line in the file.
#[derive(Debug, Clone, Copy)]
pub struct DefaultEntry {
    /// The table it is in.
    pub mode: Mode,
    /// The action's name in the file (`next_section`).
    pub action: &'static str,
    /// The action's line.
    pub line: usize,
    /// The keys as spelled, each with its line.
    pub keys: &'static [(&'static str, usize)],
    /// What it does, for the help screen.
    pub description: &'static str,
    /// The help screen's heading.
    pub group: &'static str,
}

/// The default bindings, compiled from `assets/keymap.toml` by `src/build.rs`.
const DEFAULTS: &[DefaultEntry] = include!(concat!(env!("OUT_DIR"), "/keymap_table.rs"));

impl Keymap {
    /// The built-in bindings.
    pub fn defaults() -> Result<Self> {
        Self::from_entries(DEFAULTS, Path::new("assets/keymap.toml (built in)"))
    }

    /// The built-in bindings with the config's overrides applied.
    pub fn load(config: &Config) -> Result<Self> {
        let mut keymap = Self::defaults()?;
        let path = config.path.clone().unwrap_or_else(|| "config".into());
        keymap.apply(config, &path)?;
        Ok(keymap)
    }

    /// A keymap from the entries of a keymap file; errors name `path` and
    /// the line (an unknown action or key, one key bound twice in a mode).
    pub fn from_entries(entries: &[DefaultEntry], path: &Path) -> Result<Self> {
        let fail = |line: usize, message: String| Error::Config {
            path: path.to_path_buf(),
            message: format!("line {line}: {message}"),
        };
        let mut modes: [ModeMap; Mode::ALL.len()] = Default::default();
        let mut seen: HashMap<(Mode, Key), (Action, usize)> = HashMap::new();
        for entry in entries {
            let action = parse_action(entry.action).map_err(|message| fail(entry.line, message))?;
            let map = &mut modes[entry.mode.index()];
            for &(spelled, line) in entry.keys {
                let key = parse_key(spelled).map_err(|message| fail(line, message))?;
                if let Some((other, other_line)) = seen.insert((entry.mode, key), (action, line)) {
                    return Err(fail(
                        line,
                        format!(
                            "key {} in [{}] is bound to both `{}` (line {other_line}) and `{}`",
                            key.name(),
                            entry.mode.name(),
                            action_name(other),
                            action_name(action)
                        ),
                    ));
                }
                map.bind(key, action);
            }
            map.entries.push(Entry {
                action,
                description: entry.description.to_owned(),
                group: entry.group.to_owned(),
            });
        }
        Ok(Self { modes })
    }

    /// Applies user overrides; errors name `path` and the override's line.
    pub fn apply(&mut self, config: &Config, path: &Path) -> Result<()> {
        let fail = |line: usize, message: String| Error::Config {
            path: path.to_path_buf(),
            message: format!("line {line}: {message}"),
        };
        let mut seen: HashMap<(Mode, Key), usize> = HashMap::new();
        for item in &config.keys {
            let Some(mode) = Mode::ALL.into_iter().find(|m| m.name() == item.mode) else {
                return Err(fail(item.line, format!("unknown key mode `{}`", item.mode)));
            };
            let key = parse_key(&item.key).map_err(|message| fail(item.line, message))?;
            if let Some(first) = seen.insert((mode, key), item.line) {
                return Err(fail(
                    item.line,
                    format!("`{}` is the same key as the one on line {first} ({})", item.key, key.name()),
                ));
            }
            let map = &mut self.modes[mode.index()];
            if item.action == "none" {
                map.unbind(key);
                continue;
            }
            let action = parse_action(&item.action).map_err(|message| fail(item.line, message))?;
            map.bind(key, action);
            if !map.entries.iter().any(|e| e.action == action) {
                map.entries.push(Entry {
                    action,
                    description: action_name(action).replace('_', " "),
                    group: "Your bindings".into(),
                });
            }
        }
        Ok(())
    }

    /// What `key` does in `mode`, given what was typed before it.
    #[must_use]
    pub fn resolve(&self, mode: Mode, pending: Pending, key: Key) -> Resolution {
        if let Some((action, scope)) = pending.awaiting {
            return match key.plain_char() {
                Some(arg) => {
                    Resolution::Command(Command { action, count: pending.count, arg: Some(arg), scope })
                }
                None => Resolution::Nothing,
            };
        }
        let found = self.lookup(mode, key);
        if mode == Mode::Search {
            return match (found, key.plain_char()) {
                (Some((action, scope)), _) => Resolution::Command(Command::new(action, scope)),
                (None, Some(c)) => Resolution::Insert(c),
                (None, None) => Resolution::Nothing,
            };
        }
        if !matches!(mode, Mode::Help | Mode::Confirm)
            && let Some(digit) = key.plain_char().and_then(|c| c.to_digit(10))
            && (found.is_none() || pending.count.is_some())
            && (digit > 0 || pending.count.is_some())
        {
            let count = pending.count.unwrap_or(0).saturating_mul(10).saturating_add(digit as usize);
            return Resolution::Pending(Pending { count: Some(count.min(MAX_COUNT)), awaiting: None });
        }
        match found {
            Some((action, scope)) if action.takes_argument() => {
                Resolution::Pending(Pending { count: pending.count, awaiting: Some((action, scope)) })
            }
            Some((action, scope)) => {
                Resolution::Command(Command { action, count: pending.count, arg: None, scope })
            }
            None => Resolution::Nothing,
        }
    }

    fn lookup(&self, mode: Mode, key: Key) -> Option<(Action, Mode)> {
        let own = self.modes[mode.index()].lookup.get(&key).map(|a| (*a, mode));
        match mode {
            Mode::Panel => own.or_else(|| self.lookup(Mode::Reader, key)),
            _ => own,
        }
    }

    /// The keys bound to `action` in `mode` (its own bindings only), in file
    /// order.
    #[must_use]
    pub fn keys_for(&self, mode: Mode, action: Action) -> Vec<Key> {
        self.modes[mode.index()].bindings.iter().filter(|(_, a)| *a == action).map(|(k, _)| *k).collect()
    }

    /// The documented actions of `mode`, in file order.
    #[must_use]
    pub fn entries(&self, mode: Mode) -> &[Entry] {
        &self.modes[mode.index()].entries
    }
}

/// The file name of an action (`next_section`).
#[must_use]
pub fn action_name(action: Action) -> String {
    let debug = format!("{action:?}");
    let mut out = String::new();
    for (index, c) in debug.chars().enumerate() {
        if c.is_uppercase() && index > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn parse_action(name: &str) -> std::result::Result<Action, String> {
    use serde::de::IntoDeserializer;
    let deserializer: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        name.into_deserializer();
    Action::deserialize(deserializer).map_err(|_| {
        format!("unknown action `{name}` (see assets/keymap.toml for the list, or `none` to unbind)")
    })
}

#[cfg(test)]
mod tests;
