//! What the terminal is known to do beyond writing cells: scroll regions
//! (DECSTBM) moved with scroll up/down (SU/SD) or insert/delete line
//! (IL/DL), and left and right margins (DECLRMM, DECSLRM).
//!
//! byline asks the terminal nothing, so this comes from the user's setting,
//! else from `TERM` and the terminal's own variables, and leans towards
//! doing less: a wrong guess corrupts the screen, a missed one only costs
//! bytes. Margins above all: most emulators that call themselves `xterm`
//! ignore DECSLRM, and a scroll they ignore the margins of would move the
//! panels too, so `auto` uses them only in a real xterm run directly
//! (its `XTERM_VERSION`, set by xterm alone and not passed on by ssh, with
//! no other terminal or multiplexer in between).

use crate::config::ScrollSetting;

/// How the seam may move text on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scrolling {
    /// Only the cells that changed are sent.
    #[default]
    Off,
    /// A scroll region, moved with delete/insert line at its top (VT102).
    Lines,
    /// A scroll region, moved with scroll up/down (ECMA-48, xterm).
    Rows,
    /// Scroll regions with left and right margins too (VT420, xterm).
    Margins,
}

impl Scrolling {
    /// Whether any scrolling is used.
    #[must_use]
    pub fn is_on(self) -> bool {
        self != Self::Off
    }
}

/// The variables that tell terminals apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermEnv {
    /// `TERM`.
    pub term: Option<String>,
    /// `XTERM_VERSION` is set (xterm sets it for its shell).
    pub xterm_version: bool,
    /// A variable another terminal or a multiplexer sets for its shell is
    /// set too (then `XTERM_VERSION` may be inherited from an xterm that
    /// started it, and says nothing about the terminal byline is on).
    pub other_terminal: bool,
}

/// Variables set by terminals other than xterm, and by multiplexers, for
/// the programs they run.
const OTHER_TERMINALS: [&str; 12] = [
    "TMUX",
    "STY",
    "VTE_VERSION",
    "KONSOLE_VERSION",
    "KITTY_WINDOW_ID",
    "ALACRITTY_WINDOW_ID",
    "WEZTERM_PANE",
    "TERM_PROGRAM",
    "WT_SESSION",
    "TERMINATOR_UUID",
    "TILIX_ID",
    "ZELLIJ",
];

impl TermEnv {
    /// Reads the process environment.
    #[must_use]
    pub fn from_process() -> Self {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        Self {
            term: std::env::var("TERM").ok(),
            xterm_version: set("XTERM_VERSION"),
            other_terminal: OTHER_TERMINALS.iter().any(|name| set(name)),
        }
    }

    /// What `auto` picks in this environment.
    #[must_use]
    pub fn scrolling(&self) -> Scrolling {
        let Some(term) = self.term.as_deref().map(str::to_ascii_lowercase) else {
            return Scrolling::Off;
        };
        let family = |prefixes: &[&str]| prefixes.iter().any(|p| term.starts_with(p));
        if term.starts_with("xterm") && self.xterm_version && !self.other_terminal {
            Scrolling::Margins
        } else if family(&[
            "xterm",
            "screen",
            "tmux",
            "rxvt",
            "alacritty",
            "foot",
            "wezterm",
            "kitty",
            "konsole",
            "gnome",
            "vte",
            "putty",
            "mintty",
            "iterm",
            "contour",
            "ms-terminal",
            "mlterm",
            "st-",
        ]) || term == "st"
        {
            Scrolling::Rows
        } else if family(&["linux", "vt102", "vt220", "vt320", "vt420", "vt520", "cygwin"]) {
            // The Linux console has no scroll up/down, but has insert and
            // delete line; so has every VT from the VT102 on.
            Scrolling::Lines
        } else {
            Scrolling::Off
        }
    }
}

/// The scrolling to use for a setting in an environment.
#[must_use]
pub fn choose(setting: ScrollSetting, env: &TermEnv) -> Scrolling {
    match setting {
        ScrollSetting::Auto => env.scrolling(),
        ScrollSetting::Off => Scrolling::Off,
        ScrollSetting::Lines => Scrolling::Lines,
        ScrollSetting::Rows => Scrolling::Rows,
        ScrollSetting::Margins => Scrolling::Margins,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(term: Option<&str>, xterm_version: bool, other_terminal: bool) -> TermEnv {
        TermEnv { term: term.map(str::to_owned), xterm_version, other_terminal }
    }

    #[test]
    fn auto_is_conservative() {
        let cases = [
            (None, false, false, Scrolling::Off),
            (Some("dumb"), false, false, Scrolling::Off),
            (Some(""), false, false, Scrolling::Off),
            (Some("vt100"), false, false, Scrolling::Off),
            (Some("wyse60"), false, false, Scrolling::Off),
            (Some("xterm-256color"), false, false, Scrolling::Rows),
            (Some("xterm-kitty"), false, false, Scrolling::Rows),
            (Some("screen.xterm-256color"), false, false, Scrolling::Rows),
            (Some("tmux-256color"), true, true, Scrolling::Rows),
            (Some("alacritty"), false, false, Scrolling::Rows),
            (Some("st-256color"), false, false, Scrolling::Rows),
            (Some("st"), false, false, Scrolling::Rows),
            (Some("linux"), false, false, Scrolling::Lines),
            (Some("vt220"), false, false, Scrolling::Lines),
            (Some("xterm-256color"), true, false, Scrolling::Margins),
            (Some("XTERM"), true, false, Scrolling::Margins),
            (Some("xterm-256color"), true, true, Scrolling::Rows),
            (Some("screen-256color"), true, false, Scrolling::Rows),
        ];
        for (term, xterm_version, other, expected) in cases {
            assert_eq!(
                env(term, xterm_version, other).scrolling(),
                expected,
                "{term:?} {xterm_version} {other}"
            );
        }
    }

    #[test]
    fn the_setting_wins_over_the_environment() {
        let unknown = env(Some("dumb"), false, false);
        assert_eq!(choose(ScrollSetting::Margins, &unknown), Scrolling::Margins);
        assert_eq!(choose(ScrollSetting::Lines, &unknown), Scrolling::Lines);
        let xterm = env(Some("xterm"), true, false);
        assert_eq!(choose(ScrollSetting::Off, &xterm), Scrolling::Off);
        assert_eq!(choose(ScrollSetting::Rows, &xterm), Scrolling::Rows);
        assert_eq!(choose(ScrollSetting::Auto, &xterm), Scrolling::Margins);
    }
}
