//! Bytes on the wire: what a key costs over a slow SSH link, measured by rendering to a
//! crossterm backend over a `Vec<u8>`. Deterministic, not a timing.
//!
//! `cargo test --test byte_budget -- --nocapture` also prints the table README's
//! "Performance" section quotes.

mod support;

use mentas::ui::app::{App, AppEvent, Screen};
use mentas::ui::terminal::draw;
use mentas::ui::text::Lang;
use mentas::ui::theme::Theme;
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

/// The table's first row on screen, on the roster or the roll call.
fn view_offset(app: &App) -> usize {
    match &app.screen {
        Screen::RollCall(rc) => rc.offset(),
        _ => app.roster.offset(),
    }
}

/// What each press of a key cost, split by whether the table kept its place (only the
/// highlight moved) or its view moved.
#[derive(Default)]
struct Tally {
    in_page: Vec<usize>,
    moved: Vec<usize>,
}

impl Tally {
    fn average(&self) -> usize {
        let all = self.in_page.len() + self.moved.len();
        (self.in_page.iter().sum::<usize>() + self.moved.iter().sum::<usize>()) / all
    }
}

fn mean(v: &[usize]) -> usize {
    if v.is_empty() {
        0
    } else {
        v.iter().sum::<usize>() / v.len()
    }
}

/// Presses `code` `keys` times, drawing after each.
fn traverse(terminal: &mut Wire, app: &mut App, code: KeyCode, keys: usize) -> Tally {
    let mut tally = Tally::default();
    for _ in 0..keys {
        let before = view_offset(app);
        let bytes = cost(terminal, app, code);
        if view_offset(app) == before {
            tally.in_page.push(bytes);
        } else {
            tally.moved.push(bytes);
        }
    }
    tally
}

/// An app on the roster with 120 residents in residence (so 100 Downs all move), drawn
/// once at `w`×`h` in `theme`.
fn roster(w: u16, h: u16, theme: Theme) -> (App, Wire, tempfile::TempDir) {
    let (mut app, dir) = demo_app(120, Lang::Id);
    app.theme = theme;
    let mut terminal = wire(w, h);
    draw(&mut terminal, &app).unwrap();
    (app, terminal, dir)
}

fn selected_index(app: &App) -> usize {
    let id = app.roster.selected_id().unwrap();
    app.roster.visible().position(|r| r.id == id).unwrap()
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
    app.theme = Theme::colour();
    let mut terminal = wire(120, 40);
    draw(&mut terminal, &app).unwrap();
    let bytes = cost(&mut terminal, &mut app, KeyCode::Down);
    assert!(bytes <= 700, "Down at 120×40 wrote {bytes} bytes");
}

#[test]
fn down_across_100_rows_of_the_roster_averages_at_most_400_bytes_at_80x24() {
    // In colour, the default (NO_COLOR writes a little less).
    let (mut app, mut terminal, _dir) = roster(80, 24, Theme::colour());
    let tally = traverse(&mut terminal, &mut app, KeyCode::Down, 100);
    assert_eq!(selected_index(&app), 100, "every Down moved one row");
    assert!(!tally.moved.is_empty(), "the traversal scrolled");
    let average = tally.average();
    assert!(
        average <= 400,
        "Down averaged {average} bytes over 100 rows (within a page {}, scrolling {})",
        mean(&tally.in_page),
        mean(&tally.moved)
    );
    // Coming back up costs the same.
    let up = traverse(&mut terminal, &mut app, KeyCode::Up, 100);
    assert_eq!(selected_index(&app), 0);
    assert!(up.average() <= 400, "Up averaged {} bytes", up.average());
}

#[test]
fn scrolling_keeps_the_rows_just_passed_in_view() {
    let (mut app, mut terminal, _dir) = roster(80, 24, Theme::mono());
    while view_offset(&app) == 0 {
        cost(&mut terminal, &mut app, KeyCode::Down);
    }
    // The view jumped and the highlight with it, up the screen; the row just left is
    // still on screen right above it, a few rows from the top: nobody loses their place.
    let buffer = render(&app, 80, 24);
    let now = reversed_rows(&buffer).into_iter().find(|&y| y > 0).unwrap() as usize;
    let index = selected_index(&app);
    let previous = app.roster.visible().nth(index - 1).unwrap();
    let lines = lines(&buffer);
    assert!(
        lines[now - 1].contains(previous.reg_no.as_str()),
        "the row above the highlight is the one just left:\n{}",
        lines.join("\n")
    );
    assert!(
        (4..10).contains(&now),
        "a few rows of context above the highlight (it is on row {now})"
    );
    // The next Downs only move the highlight.
    let tally = traverse(&mut terminal, &mut app, KeyCode::Down, 10);
    assert!(tally.moved.is_empty());
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

/// One size and theme's figures, printed for README.
fn report_at(w: u16, h: u16) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let (mut app, mut terminal, _dir) = roster(w, h, Theme::colour());
    out.push((
        "first frame (Klien)".into(),
        terminal.backend().writer().len(),
    ));
    let down = traverse(&mut terminal, &mut app, KeyCode::Down, 100);
    out.push(("Down within a page".into(), mean(&down.in_page)));
    out.push((
        format!("Down that moves the view ({} of 100)", down.moved.len()),
        mean(&down.moved),
    ));
    out.push(("Down, average over 100 rows".into(), down.average()));
    out.push((
        "opening a detail (Enter)".into(),
        cost(&mut terminal, &mut app, KeyCode::Enter),
    ));
    assert!(matches!(app.screen, Screen::Detail(_)));
    out.push((
        "back to Klien (Esc)".into(),
        cost(&mut terminal, &mut app, KeyCode::Esc),
    ));
    out.push((
        "to Apel (3)".into(),
        cost(&mut terminal, &mut app, KeyCode::Char('3')),
    ));
    assert!(matches!(app.screen, Screen::RollCall(_)));
    let roll_down = traverse(&mut terminal, &mut app, KeyCode::Down, 100);
    assert!(!roll_down.moved.is_empty(), "the roll call scrolled");
    out.push((
        "Apel: Down, average over 100 rows".into(),
        roll_down.average(),
    ));
    cost(&mut terminal, &mut app, KeyCode::Home);
    let marks = traverse(&mut terminal, &mut app, KeyCode::Char('h'), 100);
    out.push((
        "Apel: a mark (h) within a page".into(),
        mean(&marks.in_page),
    ));
    out.push((
        "Apel: a mark, average over 100 rows".into(),
        marks.average(),
    ));
    println!("\nbytes per key at {w}×{h}, in colour");
    for (what, bytes) in &out {
        println!("  {what:<44} {bytes:>6} bytes");
    }
    out
}

/// The figures README quotes; at 80×24 a Down in the roll call and a mark are held to
/// the roster's 400 bytes too.
#[test]
fn report_bytes_per_key() {
    for (w, h) in [(80, 24), (120, 40)] {
        let figures = report_at(w, h);
        let limit = if w == 80 { 400 } else { 600 };
        for (what, bytes) in figures.iter().filter(|(what, _)| what.contains("average")) {
            assert!(*bytes <= limit, "{what}: {bytes} bytes at {w}×{h}");
        }
    }
}
