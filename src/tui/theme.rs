//! Colours and text attributes for every role on the screen. Chosen once at
//! start-up from the config and the environment (`NO_COLOR`, `TERM`,
//! `COLORTERM`, `COLORFGBG`): byline never queries the terminal. The
//! monochrome theme uses attributes only, and every role stays
//! distinguishable in it.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{ColorDepth, ThemeName};

/// Styles for each role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The title line.
    pub title: Style,
    /// Headings of level 1 and 2.
    pub heading: Style,
    /// Headings of level 3 and below.
    pub subheading: Style,
    /// Quoted words in the text.
    pub quote: Style,
    /// A speaker's name where a quote is attributed.
    pub speaker: Style,
    /// A speaker's name in the quotes panel (quieter than in the text).
    pub name: Style,
    /// Links (styled text only: no terminal hyperlinks).
    pub link: Style,
    /// A mark in the margin of the lines a quote runs through, where styles
    /// alone cannot set quotes apart (no colours).
    pub quote_mark: Option<&'static str>,
    /// Emphasis.
    pub emphasis: Style,
    /// Strong text.
    pub strong: Style,
    /// Inline code and preformatted text.
    pub code: Style,
    /// Captions, figures, attributions, rules, bullets and bars.
    pub dim: Style,
    /// A search match.
    pub search_match: Style,
    /// The current search match.
    pub search_current: Style,
    /// What the last jump landed on.
    pub target: Style,
    /// The status line.
    pub status: Style,
    /// Key names in the status line and help.
    pub key: Style,
    /// Error messages.
    pub error: Style,
    /// Panel titles.
    pub panel_title: Style,
    /// Rules and borders.
    pub border: Style,
    /// The focused panel's border and title.
    pub border_focused: Style,
    /// The selected row of the focused panel.
    pub selected: Style,
    /// The current entry's marker (the section you are in).
    pub current: Style,
}

/// What the environment says about colours.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColorEnv {
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
    /// `TERM`.
    pub term: Option<String>,
    /// `COLORTERM`.
    pub colorterm: Option<String>,
    /// `COLORFGBG` (`fg;bg`, set by some terminals).
    pub colorfgbg: Option<String>,
}

impl ColorEnv {
    /// Reads the process environment.
    #[must_use]
    pub fn from_process() -> Self {
        let var = |name| std::env::var(name).ok();
        Self {
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            term: var("TERM"),
            colorterm: var("COLORTERM"),
            colorfgbg: var("COLORFGBG"),
        }
    }
}

impl Theme {
    /// The theme for a config choice in an environment. An explicit theme
    /// in the config wins over `NO_COLOR` (as the `NO_COLOR` convention asks).
    #[must_use]
    pub fn select(name: ThemeName, depth: ColorDepth, env: &ColorEnv) -> Self {
        let dumb = env.term.as_deref() == Some("dumb");
        let light = match name {
            ThemeName::Mono => return Self::mono(),
            ThemeName::Auto if env.no_color || dumb => return Self::mono(),
            ThemeName::Light => true,
            ThemeName::Dark => false,
            ThemeName::Auto => env
                .colorfgbg
                .as_deref()
                .and_then(|v| v.rsplit(';').next())
                .is_some_and(|bg| matches!(bg.trim(), "7" | "15")),
        };
        let wide = match depth {
            ColorDepth::Ansi16 => false,
            ColorDepth::Ansi256 => true,
            ColorDepth::Auto => {
                env.colorterm.as_deref().is_some_and(|c| matches!(c, "truecolor" | "24bit"))
                    || env.term.as_deref().is_some_and(|t| t.contains("256color") || t.contains("direct"))
            }
        };
        match (light, wide) {
            (false, true) => Self::dark256(),
            (true, true) => Self::light256(),
            (false, false) => Self::dark16(),
            (true, false) => Self::light16(),
        }
    }

    /// Attributes only.
    #[must_use]
    pub fn mono() -> Self {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reversed = plain.add_modifier(Modifier::REVERSED);
        Self {
            title: bold,
            heading: bold.add_modifier(Modifier::UNDERLINED),
            subheading: bold,
            quote: plain.add_modifier(Modifier::ITALIC),
            speaker: bold,
            name: bold,
            link: plain.add_modifier(Modifier::UNDERLINED),
            quote_mark: Some("▌"),
            emphasis: plain.add_modifier(Modifier::ITALIC),
            strong: bold,
            code: plain,
            dim: plain.add_modifier(Modifier::DIM),
            search_match: reversed,
            search_current: reversed.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            target: plain.add_modifier(Modifier::BOLD | Modifier::ITALIC | Modifier::UNDERLINED),
            status: reversed,
            key: bold,
            error: bold,
            panel_title: bold,
            border: plain.add_modifier(Modifier::DIM),
            border_focused: bold,
            selected: reversed,
            current: bold,
        }
    }

    fn colored(fg: impl Fn(u8, Color) -> Color, light: bool) -> Self {
        let c = |index: u8, basic: Color| Style::new().fg(fg(index, basic));
        let bg = |index: u8, basic: Color| Style::new().bg(fg(index, basic));
        let bold = Modifier::BOLD;
        let black = fg(16, Color::Black);
        let (ink, paper) = if light { (235, 254) } else { (252, 236) };
        Self {
            title: c(ink, Color::Reset).add_modifier(bold),
            heading: c(if light { 130 } else { 214 }, if light { Color::Red } else { Color::LightYellow })
                .add_modifier(bold),
            subheading: c(if light { 94 } else { 179 }, if light { Color::Magenta } else { Color::Yellow })
                .add_modifier(bold),
            quote: c(if light { 94 } else { 222 }, if light { Color::Magenta } else { Color::Yellow }),
            speaker: c(if light { 25 } else { 117 }, if light { Color::Blue } else { Color::LightCyan })
                .add_modifier(bold),
            name: c(if light { 25 } else { 117 }, if light { Color::Blue } else { Color::LightCyan }),
            link: c(if light { 26 } else { 75 }, if light { Color::Blue } else { Color::LightBlue })
                .add_modifier(Modifier::UNDERLINED),
            quote_mark: None,
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            strong: Style::new().add_modifier(bold),
            code: c(if light { 28 } else { 150 }, Color::Green),
            dim: c(if light { 243 } else { 245 }, if light { Color::DarkGray } else { Color::Gray }),
            search_match: bg(if light { 226 } else { 220 }, Color::Yellow).fg(black),
            search_current: bg(208, Color::LightRed).fg(black).add_modifier(bold),
            target: bg(if light { 253 } else { 238 }, if light { Color::Gray } else { Color::DarkGray }),
            status: bg(paper, if light { Color::Gray } else { Color::DarkGray })
                .fg(fg(ink, if light { Color::Black } else { Color::White })),
            key: c(if light { 25 } else { 117 }, if light { Color::Blue } else { Color::LightCyan })
                .add_modifier(bold),
            error: c(if light { 160 } else { 203 }, Color::LightRed).add_modifier(bold),
            panel_title: Style::new().add_modifier(bold),
            border: c(if light { 248 } else { 240 }, Color::DarkGray),
            border_focused: c(
                if light { 25 } else { 117 },
                if light { Color::Blue } else { Color::LightCyan },
            )
            .add_modifier(bold),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            current: c(if light { 130 } else { 214 }, if light { Color::Red } else { Color::LightYellow })
                .add_modifier(bold),
        }
    }

    /// Dark background, 256 colours.
    #[must_use]
    pub fn dark256() -> Self {
        Self::colored(|index, _| Color::Indexed(index), false)
    }

    /// Light background, 256 colours.
    #[must_use]
    pub fn light256() -> Self {
        Self::colored(|index, _| Color::Indexed(index), true)
    }

    /// Dark background, the 16 ANSI colours.
    #[must_use]
    pub fn dark16() -> Self {
        Self::colored(|_, basic| basic, false)
    }

    /// Light background, the 16 ANSI colours.
    #[must_use]
    pub fn light16() -> Self {
        Self::colored(|_, basic| basic, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(no_color: bool, term: &str) -> ColorEnv {
        ColorEnv { no_color, term: Some(term.into()), ..ColorEnv::default() }
    }

    #[test]
    fn no_color_gives_monochrome_unless_the_config_asks() {
        assert_eq!(
            Theme::select(ThemeName::Auto, ColorDepth::Auto, &env(true, "xterm-256color")),
            Theme::mono()
        );
        assert_eq!(
            Theme::select(ThemeName::Dark, ColorDepth::Auto, &env(true, "xterm-256color")),
            Theme::dark256()
        );
        assert_eq!(Theme::select(ThemeName::Auto, ColorDepth::Auto, &env(false, "dumb")), Theme::mono());
    }

    #[test]
    fn depth_and_background_come_from_the_environment() {
        assert_eq!(Theme::select(ThemeName::Auto, ColorDepth::Auto, &env(false, "xterm")), Theme::dark16());
        assert_eq!(
            Theme::select(ThemeName::Auto, ColorDepth::Auto, &env(false, "xterm-256color")),
            Theme::dark256()
        );
        assert_eq!(
            Theme::select(ThemeName::Light, ColorDepth::Ansi16, &env(false, "xterm-256color")),
            Theme::light16()
        );
        let light_bg = ColorEnv { colorfgbg: Some("0;15".into()), ..env(false, "screen-256color") };
        assert_eq!(Theme::select(ThemeName::Auto, ColorDepth::Auto, &light_bg), Theme::light256());
    }

    #[test]
    fn monochrome_uses_no_colour_and_keeps_roles_apart() {
        let mono = Theme::mono();
        let roles =
            [mono.quote, mono.speaker, mono.link, mono.search_match, mono.search_current, mono.target];
        for style in roles {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
        for (i, a) in roles.iter().enumerate() {
            for b in &roles[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
