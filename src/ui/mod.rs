//! The terminal UI: screens, popups, keymap, theme and text, and the event loop that ties
//! them to a terminal.

pub mod action;
pub mod app;
pub mod events;
pub mod keymap;
pub mod popups;
pub mod screens;
pub mod search;
pub mod staff_names;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod widgets;

use std::panic::{AssertUnwindSafe, catch_unwind};
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
    /// A bug: the panic hook has restored the terminal and logged the details.
    #[error("{}", terminal::INTERNAL_ERROR)]
    Panicked,
}

/// Test-only: `MENTAS_TEST_PANIC=1` makes the TUI panic right after its first frame, so a
/// test in a pseudo-terminal can check that a panic restores the terminal and goes to the
/// log. Nothing else reads it; without it the variable has no effect.
const TEST_PANIC: &str = "MENTAS_TEST_PANIC";

/// Runs the TUI on this terminal until the user quits or the session ends.
pub fn run(conn: Box<dyn Connection>, lang: Lang, clock: Arc<dyn Clock>) -> Result<(), UiError> {
    let mut app = App::new(conn, lang, Theme::from_env(), clock)
        .map_err(|e: CallError| UiError::Service(text::call_error(lang, &e)))?;
    let mut terminal = terminal::enter()?;
    let result = catch_unwind(AssertUnwindSafe(|| event_loop(&mut terminal, &mut app)));
    // After a panic the hook has already restored the terminal and logged it.
    terminal::leave(terminal);
    result.unwrap_or(Err(UiError::Panicked))
}

/// Blocks on the channel, applies everything waiting, draws only if something changed.
///
/// A frame that cannot be written means the terminal is gone (SSH drop): the loop ends
/// quietly, with a line in the log. Reporting it on that same terminal could only fail
/// again.
fn event_loop(terminal: &mut terminal::Term, app: &mut App) -> Result<(), UiError> {
    let (tx, rx) = mpsc::channel();
    events::spawn(&tx)?;
    app.subscribe(Box::new(move |event| {
        let _ = tx.send(app::AppEvent::Conn(event));
    }));
    if !draw(terminal, app) {
        return Ok(());
    }
    if std::env::var_os(TEST_PANIC).is_some_and(|v| v == "1") {
        panic!("{TEST_PANIC}=1: a panic asked for by a test");
    }
    while let Ok(event) = rx.recv() {
        let mut redraw = app.handle(event);
        while let Ok(more) = rx.try_recv() {
            redraw |= app.handle(more);
        }
        if app.quit {
            break;
        }
        if redraw && !draw(terminal, app) {
            break;
        }
    }
    Ok(())
}

/// Draws a frame; false if the terminal could not take it.
fn draw(terminal: &mut terminal::Term, app: &App) -> bool {
    match terminal::draw(terminal, app) {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!("stopping: the terminal cannot be written to ({e})");
            false
        }
    }
}
