//! Terminal hygiene: raw mode and the alternate screen on the way in, everything restored
//! on the way out (normal exit, panic, signal), and frames wrapped in synchronized-update
//! markers through one buffered writer.

use std::backtrace::Backtrace;
use std::io::{self, BufWriter, Stdout, Write};
use std::thread;

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

/// Restores the terminal and lets go of `terminal` without dropping it: ratatui's drop
/// would write to the terminal again (and print on stderr, panicking, when the terminal is
/// gone), and a half-drawn frame still buffered after a panic must not reach the restored
/// screen. The process ends soon after; nothing else is held.
pub fn leave(terminal: Term) {
    restore();
    std::mem::forget(terminal);
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

/// What the user is told after a panic, on the restored screen.
pub const INTERNAL_ERROR: &str =
    "an internal error stopped mentas; the details are in the log in the data dir (logs/tui.*)";

/// On a panic: the terminal restored first, then the panic and its backtrace to the log
/// (never over the screen). A panic on the UI thread unwinds to `ui::run`, which reports
/// it; one on another thread (input, connection) ends the process here, since the main
/// loop cannot go on without it on a terminal that is no longer set up.
fn install_panic_hook() {
    let ui_thread = thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        let backtrace = Backtrace::force_capture();
        tracing::error!("panic: {info}\n{backtrace}");
        if thread::current().id() != ui_thread {
            // Not `eprintln!`: it panics when the terminal is gone.
            let _ = writeln!(io::stderr(), "mentas: {INTERNAL_ERROR}");
            std::process::exit(101);
        }
    }));
}

/// Draws one frame, wrapped in synchronized-update markers so the terminal shows it whole.
pub fn draw<W: Write>(terminal: &mut Terminal<CrosstermBackend<W>>, app: &App) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| app.render(frame))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)
}
