//! Terminal hygiene: raw mode and the alternate screen on the way in, everything restored
//! on the way out (normal exit, panic, signal), and frames wrapped in synchronized-update
//! markers through one buffered writer.

use std::io::{self, BufWriter, Stdout, Write};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
    disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute, queue};

use super::app::App;

/// The terminal the TUI draws on.
pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Raw mode, alternate screen, hidden cursor; the panic hook restores them.
pub fn enter() -> io::Result<Term> {
    install_panic_hook();
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        64 * 1024,
        io::stdout(),
    )))
}

/// Leaves the terminal as it was found. Safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    // Best effort: the terminal may already be gone (SSH drop), and nothing else can be done.
    let _ = execute!(
        out,
        EndSynchronizedUpdate,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        tracing::error!("panic: {info}");
        previous(info);
    }));
}

/// Draws one frame, wrapped in synchronized-update markers so the terminal shows it whole.
pub fn draw<W: Write>(terminal: &mut Terminal<CrosstermBackend<W>>, app: &App) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| app.render(frame))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)
}
