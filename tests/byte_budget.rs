//! Bytes on the wire: what a key costs over a slow SSH link, measured by rendering to a
//! crossterm backend over a `Vec<u8>`. Deterministic, not a timing.

mod support;

use mentas::ui::app::{App, AppEvent};
use mentas::ui::terminal::draw;
use mentas::ui::text::Lang;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use support::*;

type Wire = Terminal<CrosstermBackend<Vec<u8>>>;

fn wire(w: u16, h: u16) -> Wire {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    Terminal::with_options(CrosstermBackend::new(Vec::new()), options).unwrap()
}

/// Bytes written by one key and the redraw after it.
fn cost(terminal: &mut Wire, app: &mut App, code: KeyCode) -> usize {
    terminal.backend_mut().writer_mut().clear();
    key(app, code);
    draw(terminal, app).unwrap();
    terminal.backend().writer().len()
}

#[test]
fn one_down_within_a_page_costs_at_most_400_bytes_at_80x24() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    let mut terminal = wire(80, 24);
    draw(&mut terminal, &app).unwrap();
    let first = terminal.backend().writer().len();
    assert!(
        first > 1000,
        "the first frame draws the whole screen ({first} bytes)"
    );
    for step in 0..10 {
        let bytes = cost(&mut terminal, &mut app, KeyCode::Down);
        assert!(bytes <= 400, "Down #{step} wrote {bytes} bytes");
    }
}

#[test]
fn one_down_within_a_page_at_120x40_and_in_colour_stays_small() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    app.theme = mentas::ui::theme::Theme::colour();
    let mut terminal = wire(120, 40);
    draw(&mut terminal, &app).unwrap();
    let bytes = cost(&mut terminal, &mut app, KeyCode::Down);
    assert!(bytes <= 700, "Down at 120×40 wrote {bytes} bytes");
}

#[test]
fn idle_writes_nothing_and_the_clock_redraws_only_when_the_minute_changes() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    // The clock is fixed, so a minute tick finds the same minute: nothing to draw.
    assert!(!app.handle(AppEvent::Minute));
    let mut terminal = wire(80, 24);
    draw(&mut terminal, &app).unwrap();
    terminal.backend_mut().writer_mut().clear();
    // Drawing the same state again writes only the synchronized-update markers and a
    // style reset: no cell is rewritten.
    draw(&mut terminal, &app).unwrap();
    let bytes = terminal.backend().writer().len();
    assert!(bytes <= 48, "{bytes} bytes");
}
