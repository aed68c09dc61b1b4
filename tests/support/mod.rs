//! Shared by the screen tests: a demo store on a temporary dir, an app on it with a fixed
//! clock, key presses, and frames rendered to text.
#![allow(dead_code)]

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use mentas::client::LocalConnection;
use mentas::clock::{Clock, FixedClock};
use mentas::demo;
use mentas::service::Service;
use mentas::store::Store;
use mentas::ui::app::{App, AppEvent};
use mentas::ui::text::Lang;
use mentas::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

/// The OS user the tests act as; the demo makes this user the head.
pub const USER: &str = "kepala";

/// Saturday 28 November 2026, 14:32 WIB.
pub fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 28)
        .unwrap()
        .and_hms_opt(14, 32, 0)
        .unwrap()
}

pub fn clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock(now()))
}

/// A store on a temporary dir, holding the demo facility with `residents` in residence.
pub fn demo_service(dir: &TempDir, residents: usize) -> Arc<Service> {
    let store = Store::open(dir.path()).unwrap();
    let service = Service::new(store, clock());
    let data = demo::generate(demo::SEED, now().date(), residents, USER);
    service.load_demo(&data).unwrap();
    Arc::new(service)
}

/// An app on a service, as `USER`, in `lang`, monochrome (so highlighting is REVERSED),
/// as it opens: on Hari ini.
pub fn app_opening(service: Arc<Service>, lang: Lang) -> App {
    App::new(
        Box::new(LocalConnection::new(service, USER)),
        lang,
        Theme::mono(),
        clock(),
    )
    .unwrap()
}

/// The same, switched to the roster (Klien, key 2), where most tests start.
pub fn app_on(service: Arc<Service>, lang: Lang) -> App {
    let mut app = app_opening(service, lang);
    key(&mut app, KeyCode::Char('2'));
    app
}

/// A demo app and the dir that holds its store (keep it alive as long as the app).
/// A store holding the demo exactly as `mentas --demo` makes it at `now()`: with today's
/// ended shifts and the current roll call partly taken.
pub fn started_demo_service(dir: &TempDir, residents: usize) -> Arc<Service> {
    let store = Store::open(dir.path()).unwrap();
    let service = Service::new(store, clock());
    let data = demo::generate_at(demo::SEED, now(), residents, USER);
    service.load_demo(&data).unwrap();
    Arc::new(service)
}

pub fn demo_app(residents: usize, lang: Lang) -> (App, TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, residents);
    (app_on(service, lang), dir)
}

pub fn key(app: &mut App, code: KeyCode) {
    app.handle(AppEvent::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle(AppEvent::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// Types each character as a key press.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Renders the app at `w`×`h`.
pub fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| app.render(f)).unwrap();
    terminal.backend().buffer().clone()
}

/// The buffer's text, one line per row, trailing spaces kept off.
pub fn text(buffer: &Buffer) -> String {
    lines(buffer).join("\n")
}

pub fn lines(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            let mut s = String::new();
            for x in 0..area.width {
                s.push_str(buffer[(x, y)].symbol());
            }
            s.trim_end().to_string()
        })
        .collect()
}

/// Rows (by index) whose every cell is drawn reversed: the highlighted row in mono.
pub fn reversed_rows(buffer: &Buffer) -> Vec<u16> {
    use ratatui::style::Modifier;
    let area = buffer.area;
    (0..area.height)
        .filter(|&y| (0..area.width).all(|x| buffer[(x, y)].modifier.contains(Modifier::REVERSED)))
        .collect()
}
