//! The terminal UI: screens, popups, keymap, theme and text, and the event loop that ties
//! them to a terminal.

pub mod action;
pub mod app;
pub mod events;
pub mod keymap;
pub mod popups;
pub mod screens;
pub mod search;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod widgets;

use std::sync::Arc;
use std::sync::mpsc;

use app::App;

use crate::client::{CallError, Connection};
use crate::clock::Clock;
use text::Lang;
use theme::Theme;

/// Why the TUI stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum UiError {
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
    #[error("{0}")]
    Service(String),
}

/// Runs the TUI on this terminal until the user quits or the session ends.
pub fn run(conn: Box<dyn Connection>, lang: Lang, clock: Arc<dyn Clock>) -> Result<(), UiError> {
    let mut app = App::new(conn, lang, Theme::from_env(), clock)
        .map_err(|e: CallError| UiError::Service(text::call_error(lang, &e)))?;
    let mut terminal = terminal::enter()?;
    let result = event_loop(&mut terminal, &mut app);
    terminal::restore();
    result
}

/// Blocks on the channel, applies everything waiting, draws only if something changed.
fn event_loop(terminal: &mut terminal::Term, app: &mut App) -> Result<(), UiError> {
    let (tx, rx) = mpsc::channel();
    events::spawn(&tx)?;
    app.subscribe(Box::new(move |event| {
        let _ = tx.send(app::AppEvent::Conn(event));
    }));
    terminal::draw(terminal, app)?;
    while let Ok(event) = rx.recv() {
        let mut redraw = app.handle(event);
        while let Ok(more) = rx.try_recv() {
            redraw |= app.handle(more);
        }
        if app.quit {
            break;
        }
        if redraw {
            terminal::draw(terminal, app)?;
        }
    }
    Ok(())
}
