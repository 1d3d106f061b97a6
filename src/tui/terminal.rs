//! Terminal setup and guaranteed restore: raw mode and the alternate screen on
//! entry; on drop and on panic, both undone and the cursor shown.

use std::io::{Stdout, stdout};

use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// Owns the terminal while the reader runs.
pub struct Guard {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(stdout(), terminal::LeaveAlternateScreen, cursor::Show);
}

impl Guard {
    /// Enters raw mode and the alternate screen, and installs a panic hook that
    /// restores the terminal before the panic message is printed.
    pub fn enter() -> std::io::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        terminal::enable_raw_mode()?;
        execute!(stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
        let terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
        Ok(Self { terminal })
    }

    /// Draws one frame.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame<'_>)) -> std::io::Result<()> {
        self.terminal.draw(render).map(|_| ())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}
