//! Keys as the keymap sees them: a crossterm key code plus Ctrl and Alt, with
//! the terminal's ambiguities folded in. Shift is never part of a key: a
//! shifted character is already that character (`G`), whatever modifiers the
//! terminal reports with it, and Shift-Tab is `BackTab`. Ctrl-i, Ctrl-m and
//! Ctrl-[ are Tab, Enter and Esc, because that is what terminals send.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key press, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl held.
    pub ctrl: bool,
    /// Alt (Meta) held.
    pub alt: bool,
}

impl Key {
    /// A key without modifiers.
    #[must_use]
    pub fn plain(code: KeyCode) -> Self {
        Self::new(code, false, false)
    }

    /// A key with modifiers, normalised.
    #[must_use]
    pub fn new(code: KeyCode, ctrl: bool, alt: bool) -> Self {
        let (code, ctrl) = match code {
            KeyCode::Char(c) if ctrl => match c.to_ascii_lowercase() {
                'i' => (KeyCode::Tab, false),
                'm' => (KeyCode::Enter, false),
                '[' => (KeyCode::Esc, false),
                lower => (KeyCode::Char(lower), true),
            },
            other => (other, ctrl),
        };
        Self { code, ctrl, alt }
    }

    /// The character typed, if this is a character without Ctrl or Alt.
    #[must_use]
    pub fn plain_char(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }

    /// The name shown in help and hints (`Ctrl-f`, `PgDn`, `Shift-Tab`).
    #[must_use]
    pub fn name(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            other => format!("{other:?}"),
        };
        let mut name = String::new();
        if self.ctrl {
            name.push_str("Ctrl-");
        }
        if self.alt {
            name.push_str("Alt-");
        }
        name.push_str(&base);
        name
    }
}

impl From<KeyEvent> for Key {
    fn from(event: KeyEvent) -> Self {
        let code = match event.code {
            KeyCode::BackTab => KeyCode::BackTab,
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            other => other,
        };
        Self::new(
            code,
            event.modifiers.contains(KeyModifiers::CONTROL),
            event.modifiers.contains(KeyModifiers::ALT),
        )
    }
}

/// Parses a key as written in keymap and config files: a character, or a
/// name (`PgDn`, `Enter`, `F1`, …), after optional `C-`/`Ctrl-`, `M-`/`Alt-`
/// and `S-`/`Shift-` prefixes.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let mut rest = text;
    let (mut ctrl, mut alt, mut shift) = (false, false, false);
    loop {
        let lower = rest.to_ascii_lowercase();
        let cut = ["c-", "ctrl-", "ctrl+", "m-", "alt-", "alt+", "s-", "shift-", "shift+"]
            .into_iter()
            .find(|p| lower.starts_with(p) && rest.len() > p.len());
        let Some(prefix) = cut else { break };
        match prefix.as_bytes()[0] {
            b'c' => ctrl = true,
            b'm' | b'a' => alt = true,
            _ => shift = true,
        }
        rest = &rest[prefix.len()..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => {
            if shift && c.is_ascii_alphabetic() {
                KeyCode::Char(c.to_ascii_uppercase())
            } else {
                KeyCode::Char(c)
            }
        }
        _ => named(rest).ok_or_else(|| format!("unknown key `{text}`"))?,
    };
    let code = if shift && code == KeyCode::Tab { KeyCode::BackTab } else { code };
    Ok(Key::new(code, ctrl, alt))
}

fn named(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        _ => {
            let number: u8 = lower.strip_prefix('f')?.parse().ok()?;
            if (1..=12).contains(&number) {
                KeyCode::F(number)
            } else {
                return None;
            }
        }
    })
}
