//! Peak memory of the TUI: connects to the running server of a data dir as `mentas` does,
//! opens the app, draws its first frame, then Klien, a search and Apel, and prints this
//! process's peak resident set (VmHWM).
//!
//! ```sh
//! cargo build --release --example rss_tui
//! target/release/examples/rss_tui DIR
//! ```
//!
//! `tests/perf_memory.rs` runs it against a server with 10,000 residents.

use std::path::PathBuf;
use std::sync::Arc;

use mentas::client::SocketConnection;
use mentas::clock::SystemClock;
use mentas::ui::app::{App, AppEvent};
use mentas::ui::text::Lang;
use mentas::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A line of `/proc/self/status`, in kB.
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: rss_tui DIR (the data dir of a running mentas server)");
        std::process::exit(2);
    };
    // As `mentas` does first thing.
    mentas::allocator::use_one_arena();
    let show = |what: &str| println!("{what:<14} VmHWM {:>6} kB", status_kb("VmHWM"));
    show("before");
    let conn = match SocketConnection::connect(dir, None) {
        Ok(conn) => conn,
        Err(e) => {
            eprintln!("rss_tui: {e}");
            std::process::exit(1);
        }
    };
    let mut app = App::new(
        Box::new(conn),
        Lang::Id,
        Theme::colour(),
        Arc::new(SystemClock),
    )
    .expect("the app opens");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut draw = |app: &App| terminal.draw(|f| app.render(f)).map(|_| ()).unwrap();
    draw(&app);
    let first = status_kb("VmHWM");
    let mut press = |app: &mut App, code| {
        app.handle(AppEvent::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        draw(app);
    };
    show("first frame");
    press(&mut app, KeyCode::F(6));
    show("Klien");
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Char('a'));
    show("search \"a\"");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(7));
    show("Apel");
    for _ in 0..30 {
        press(&mut app, KeyCode::Down);
    }
    println!("rows {}", app.roster.rows().len());
    println!("first frame VmHWM {first} kB");
    println!("VmHWM {} kB", status_kb("VmHWM"));
    println!("VmRSS {} kB", status_kb("VmRSS"));
}
