//! The reader: state (`app`), intents (`action`), terminal setup (`terminal`)
//! and drawing (`view`). The only module that may use ratatui and crossterm.

mod action;
mod app;
mod terminal;
mod view;

use std::path::Path;

use crossterm::event::{self, Event, KeyEventKind};

use crate::model::Article;

/// Opens the reader on `article` and runs until the user quits.
pub fn run(article: Article, _config: Option<&Path>) -> std::io::Result<()> {
    let mut terminal = terminal::Guard::enter()?;
    let mut app = app::App::new(article);
    loop {
        terminal.draw(|frame| view::draw(frame, &mut app))?;
        let Event::Key(key) = event::read()? else { continue };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        if let Some(action) = action::from_key(key)
            && app.update(action) == app::Flow::Quit
        {
            return Ok(());
        }
    }
}
