//! Scripted key input for tests that drive the reader's event loop.
#![allow(dead_code)]

use std::collections::VecDeque;

use byline::tui::event::Event;
use byline::tui::keymap::parse_key;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Key events for a script: characters, and `<Name>` for named keys.
pub fn keys(script: &str) -> VecDeque<Event> {
    let mut events = VecDeque::new();
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        let event = if c == '<' && chars.peek().is_some_and(char::is_ascii_uppercase) {
            let name: String = chars.by_ref().take_while(|c| *c != '>').collect();
            let key = parse_key(&name).unwrap();
            let modifiers = if key.ctrl { KeyModifiers::CONTROL } else { KeyModifiers::NONE };
            KeyEvent::new(key.code, modifiers)
        } else {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
        };
        events.push_back(Event::Input(crossterm::event::Event::Key(event)));
    }
    events
}
