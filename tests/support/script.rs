//! Scripted key input for tests that drive the reader's event loop.
#![allow(dead_code)]

use std::collections::VecDeque;

use byline::tui::event::Event;
use byline::tui::keymap::parse_key;
use byline::tui::terminal::Screen;
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

/// The test screen's text: a line per row, trailing blanks trimmed.
pub fn screen_text(screen: &Screen<ratatui::backend::TestBackend>) -> String {
    let buffer = screen.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        for x in 0..buffer.area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}
