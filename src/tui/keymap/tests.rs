use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::config::{Config, KeyOverride};

fn key(text: &str) -> Key {
    parse_key(text).unwrap()
}

fn resolve_all(keymap: &Keymap, mode: Mode, keys: &[&str]) -> Resolution {
    let mut pending = Pending::default();
    let mut last = Resolution::Nothing;
    for k in keys {
        last = keymap.resolve(mode, pending, key(k));
        pending = match last {
            Resolution::Pending(p) => p,
            _ => Pending::default(),
        };
    }
    last
}

fn action_of(resolution: Resolution) -> Option<Action> {
    match resolution {
        Resolution::Command(c) => Some(c.action),
        _ => None,
    }
}

#[test]
fn the_default_keymap_parses_without_conflicts() {
    let keymap = Keymap::defaults().unwrap();
    for mode in Mode::ALL {
        assert!(!keymap.entries(mode).is_empty(), "{mode:?} has bindings");
        for entry in keymap.entries(mode) {
            assert!(
                !keymap.keys_for(mode, entry.action).is_empty(),
                "{:?} in {mode:?} has keys",
                entry.action
            );
            assert!(!entry.description.is_empty());
        }
    }
}

#[test]
fn table_of_keys_and_actions() {
    let keymap = Keymap::defaults().unwrap();
    let table: &[(Mode, &[&str], Action)] = &[
        (Mode::Reader, &["j"], Action::Down),
        (Mode::Reader, &["Down"], Action::Down),
        (Mode::Reader, &["C-e"], Action::Down),
        (Mode::Reader, &["C-y"], Action::Up),
        (Mode::Reader, &["Space"], Action::PageDown),
        (Mode::Reader, &["C-b"], Action::PageUp),
        (Mode::Reader, &["C-d"], Action::HalfPageDown),
        (Mode::Reader, &["u"], Action::HalfPageUp),
        (Mode::Reader, &["G"], Action::Bottom),
        (Mode::Reader, &["Home"], Action::Top),
        (Mode::Reader, &["5", "0", "%"], Action::Percent),
        (Mode::Reader, &["]"], Action::NextSection),
        (Mode::Reader, &["{"], Action::PrevQuote),
        (Mode::Reader, &[")"], Action::NextSpeakerQuote),
        (Mode::Reader, &["Tab"], Action::FocusNext),
        (Mode::Reader, &["S-Tab"], Action::FocusPrev),
        (Mode::Reader, &["/"], Action::Search),
        (Mode::Reader, &["N"], Action::SearchPrev),
        (Mode::Reader, &["C-o"], Action::JumpOlder),
        (Mode::Reader, &["C-t"], Action::JumpNewer),
        (Mode::Reader, &["'", "'"], Action::GotoMark),
        (Mode::Reader, &["m", "a"], Action::SetMark),
        (Mode::Reader, &["C-l"], Action::Redraw),
        (Mode::Reader, &["C-z"], Action::Suspend),
        (Mode::Reader, &["?"], Action::Help),
        (Mode::Reader, &["F1"], Action::Help),
        (Mode::Reader, &["Esc"], Action::Cancel),
        (Mode::Reader, &["q"], Action::Quit),
        (Mode::Panel, &["j"], Action::Down),
        (Mode::Panel, &["Enter"], Action::Select),
        (Mode::Panel, &["]"], Action::NextSection),
        (Mode::Search, &["Enter"], Action::Confirm),
        (Mode::Search, &["Backspace"], Action::DeleteChar),
        (Mode::Help, &["q"], Action::Cancel),
        (Mode::Reader, &["S"], Action::Save),
        (Mode::Library, &["Enter"], Action::Select),
        (Mode::Library, &["/"], Action::Search),
        (Mode::Library, &["d"], Action::Delete),
        (Mode::Library, &["t"], Action::Tag),
        (Mode::Library, &["u"], Action::ToggleRead),
        (Mode::Library, &["3", "g"], Action::Top),
        (Mode::Confirm, &["y"], Action::Confirm),
        (Mode::Confirm, &["Esc"], Action::Cancel),
    ];
    for (mode, keys, action) in table {
        assert_eq!(action_of(resolve_all(&keymap, *mode, keys)), Some(*action), "{mode:?} {keys:?}");
    }
}

#[test]
fn counts_and_arguments_come_with_the_command() {
    let keymap = Keymap::defaults().unwrap();
    match resolve_all(&keymap, Mode::Reader, &["1", "2", "j"]) {
        Resolution::Command(c) => assert_eq!((c.action, c.count), (Action::Down, Some(12))),
        other => panic!("{other:?}"),
    }
    match resolve_all(&keymap, Mode::Reader, &["m", "x"]) {
        Resolution::Command(c) => assert_eq!((c.action, c.arg), (Action::SetMark, Some('x'))),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        resolve_all(&keymap, Mode::Reader, &["0"]),
        Resolution::Nothing,
        "a count does not start at 0"
    );
    assert_eq!(resolve_all(&keymap, Mode::Search, &["j"]), Resolution::Insert('j'));
    assert_eq!(resolve_all(&keymap, Mode::Search, &["5"]), Resolution::Insert('5'));
    match resolve_all(&keymap, Mode::Panel, &["e"]) {
        Resolution::Command(c) => assert_eq!((c.action, c.scope), (Action::Down, Mode::Reader), "falls back"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn shifted_characters_match_whatever_modifiers_come_with_them() {
    let keymap = Keymap::defaults().unwrap();
    for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
        for (c, action) in
            [('G', Action::Bottom), ('N', Action::SearchPrev), ('}', Action::NextQuote), ('?', Action::Help)]
        {
            let pressed = Key::from(KeyEvent::new(KeyCode::Char(c), modifiers));
            assert_eq!(action_of(keymap.resolve(Mode::Reader, Pending::default(), pressed)), Some(action));
        }
    }
    let back_tab = Key::from(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(back_tab, key("BackTab"));
    let ctrl_upper =
        Key::from(KeyEvent::new(KeyCode::Char('F'), KeyModifiers::CONTROL | KeyModifiers::SHIFT));
    assert_eq!(ctrl_upper, key("C-f"));
}

#[test]
fn ctrl_i_m_and_bracket_are_tab_enter_and_esc() {
    assert_eq!(key("C-i"), key("Tab"));
    assert_eq!(key("C-m"), key("Enter"));
    assert_eq!(key("C-["), key("Esc"));
    let entry = |action, line, keys| DefaultEntry {
        mode: Mode::Reader,
        action,
        line,
        keys,
        description: "d",
        group: "g",
    };
    let conflict = [entry("down", 3, &[("Tab", 4)]), entry("up", 8, &[("k", 9), ("C-i", 9)])];
    let message = Keymap::from_entries(&conflict, Path::new("k.toml")).unwrap_err().to_string();
    assert!(
        message.starts_with("k.toml: line 9: key Tab in [reader] is bound to both `down` (line 4) and `up`"),
        "{message}"
    );
}

#[test]
fn an_unknown_action_or_key_names_its_line() {
    let entry = |action, line, keys| DefaultEntry {
        mode: Mode::Help,
        action,
        line,
        keys,
        description: "d",
        group: "g",
    };
    let message =
        Keymap::from_entries(&[entry("fly", 5, &[("x", 6)])], Path::new("k.toml")).unwrap_err().to_string();
    assert!(message.starts_with("k.toml: line 5: unknown action `fly`"), "{message}");
    let message = Keymap::from_entries(&[entry("quit", 5, &[("C-Nope", 7)])], Path::new("k.toml"))
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("k.toml: line 7: "), "{message}");
}

fn config(overrides: &[(&str, &str, &str)]) -> Config {
    Config {
        path: Some("/home/u/.config/byline/config.toml".into()),
        keys: overrides
            .iter()
            .enumerate()
            .map(|(line, (mode, key, action))| KeyOverride {
                mode: (*mode).into(),
                key: (*key).into(),
                action: (*action).into(),
                line: line + 3,
            })
            .collect(),
        ..Config::default()
    }
}

#[test]
fn overrides_replace_keys_and_none_unbinds() {
    let keymap =
        Keymap::load(&config(&[("reader", "x", "quit"), ("reader", "j", "none"), ("reader", "G", "top")]))
            .unwrap();
    assert_eq!(action_of(resolve_all(&keymap, Mode::Reader, &["x"])), Some(Action::Quit));
    assert_eq!(resolve_all(&keymap, Mode::Reader, &["j"]), Resolution::Nothing);
    assert_eq!(action_of(resolve_all(&keymap, Mode::Reader, &["G"])), Some(Action::Top));
    assert_eq!(
        action_of(resolve_all(&keymap, Mode::Reader, &["End"])),
        Some(Action::Bottom),
        "other keys stay"
    );
    assert!(!keymap.keys_for(Mode::Reader, Action::Down).contains(&key("j")));
    assert!(keymap.keys_for(Mode::Reader, Action::Quit).contains(&key("x")));
    let rows = crate::tui::view::help::rows(&keymap, 76, Mode::Reader);
    assert!(
        rows.iter().any(
            |r| matches!(r, crate::tui::view::help::HelpRow::Binding { keys, .. } if keys.contains('x'))
        )
    );
}

#[test]
fn bad_overrides_name_the_file_and_line() {
    let message =
        Keymap::load(&config(&[("reader", "x", "quit"), ("reader", "y", "fly")])).unwrap_err().to_string();
    assert!(
        message.starts_with("/home/u/.config/byline/config.toml: line 4: unknown action `fly`"),
        "{message}"
    );
    let message = Keymap::load(&config(&[("reader", "Ctrl-Shift-Bogus", "quit")])).unwrap_err().to_string();
    assert!(message.contains("line 3: unknown key `Ctrl-Shift-Bogus`"), "{message}");
    let message = Keymap::load(&config(&[("reader", "Tab", "quit"), ("reader", "C-i", "help")]))
        .unwrap_err()
        .to_string();
    assert!(message.contains("line 4: `C-i` is the same key as the one on line 3 (Tab)"), "{message}");
}

#[test]
fn key_names_read_back() {
    for (text, name) in [
        ("C-f", "Ctrl-f"),
        ("PgDn", "PgDn"),
        ("Space", "Space"),
        ("S-Tab", "Shift-Tab"),
        ("M-v", "Alt-v"),
        ("F12", "F12"),
        ("Down", "↓"),
    ] {
        assert_eq!(key(text).name(), name);
    }
    assert!(parse_key("F13").is_err());
    assert!(parse_key("").is_err());
    assert_eq!(key("-"), Key::plain(KeyCode::Char('-')));
    assert_eq!(key("S-g"), key("G"));
}
