//! Random input: long random key sequences and resizes fed to the app, starting on every
//! screen (Hari ini, Klien, Apel, a resident's detail, the forms, staff, audit, help), on
//! demo data through the in-process connection. Nothing panics, drawing at any size (1×1
//! included) never panics, and what the app shows agrees with the records:
//!
//! - the roster's selection is one of the rows in view (none only when none is in view),
//!   and at a usable size exactly that one row is drawn highlighted;
//! - the roster holds exactly the residents the store holds, as they are stored;
//! - an open roll call counts as marked exactly the rows with a mark made or implied, and
//!   its rows are the store's roll call of that shift;
//! - Hari ini's counts and a resident's detail are those of the store.
//!
//! Quitting (q, Ctrl-C) is part of the alphabet: a quit app is made anew, as a user would
//! start mentas again. Export (which writes a file) is the one key left out.
//!
//! The default run is a few seconds; `PROPTEST_CASES=N` runs N cases per start screen, and
//! the ignored test runs longer sequences.

mod support;

use std::fs;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use mentas::client::LocalConnection;
use mentas::demo;
use mentas::protocol::{Reply, Request};
use mentas::service::Service;
use mentas::store::Store;
use mentas::ui::action::Action;
use mentas::ui::app::{App, AppEvent, Screen};
use mentas::ui::keymap::{self, Context};
use mentas::ui::text::Lang;
use mentas::ui::theme::Theme;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::{USER, clock, render, reversed_rows};
use tempfile::TempDir;

/// Residents in the demo store: enough to scroll at every size, small enough to be quick.
const RESIDENTS: usize = 40;

/// One thing a user does.
#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode, KeyModifiers),
    /// The terminal is resized to this many columns and rows.
    Resize(u16, u16),
}

/// Where a sequence starts: its name, the keys that lead there from Hari ini, and where
/// keys then go.
const STARTS: &[(&str, &[KeyCode], Context)] = &[
    ("Hari ini", &[], Context::Today),
    ("Klien", &[KeyCode::Char('2')], Context::Roster),
    ("Apel", &[KeyCode::Char('3')], Context::RollCall),
    (
        "detail",
        &[KeyCode::Char('2'), KeyCode::Enter],
        Context::Detail,
    ),
    (
        "resident form",
        &[KeyCode::Char('2'), KeyCode::Char('n')],
        Context::Form,
    ),
    (
        "status form",
        &[KeyCode::Char('2'), KeyCode::Char('s')],
        Context::Form,
    ),
    (
        "mark form",
        &[KeyCode::Char('3'), KeyCode::Char('c')],
        Context::ShortForm,
    ),
    ("staff", &[KeyCode::Char('4')], Context::Staff),
    ("audit", &[KeyCode::Char('5')], Context::Audit),
    ("help", &[KeyCode::Char('?')], Context::Help),
];

fn plain(code: KeyCode) -> Step {
    Step::Key(code, KeyModifiers::NONE)
}

/// Keys as users press them: moving, opening, typing, switching screens, the odd control
/// key and function key, and resizes to any size from 1×1 up.
fn step() -> impl Strategy<Value = Step> {
    let moves = prop::sample::select(vec![
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Delete,
    ])
    .prop_map(plain);
    let chars: Vec<char> =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /?-.,:'é"
            .chars()
            .collect();
    let typed = prop::sample::select(chars).prop_map(|c| plain(KeyCode::Char(c)));
    let screens = (1u8..=5).prop_map(|d| plain(KeyCode::Char(char::from(b'0' + d))));
    let function = (1u8..=12).prop_map(|n| plain(KeyCode::F(n)));
    let control = prop::sample::select("acdeknqsuy".chars().collect::<Vec<_>>())
        .prop_map(|c| Step::Key(KeyCode::Char(c), KeyModifiers::CONTROL));
    let size = prop_oneof![
        (1u16..=12, 1u16..=6),
        (60u16..=100, 14u16..=30),
        (1u16..=250, 1u16..=80),
    ]
    .prop_map(|(w, h)| Step::Resize(w, h));
    prop_oneof![
        8 => moves,
        8 => typed,
        2 => screens,
        1 => function,
        1 => control,
        1 => size,
    ]
}

/// A demo store, loaded once and copied for each case (a copy opens in milliseconds).
fn template() -> &'static Path {
    static TEMPLATE: OnceLock<TempDir> = OnceLock::new();
    TEMPLATE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            {
                let service = Service::new(Store::open(dir.path()).unwrap(), clock());
                let data = demo::generate(demo::SEED, support::now().date(), RESIDENTS, USER);
                service.load_demo(&data).unwrap();
                service.store().flush().unwrap();
            }
            // sled lets go of its files from a background thread; a copy taken while it
            // still writes would be torn, so wait until the store opens again.
            drop(Store::open(dir.path()).unwrap());
            dir
        })
        .path()
}

fn fresh_service() -> (TempDir, Arc<Service>) {
    let dir = tempfile::tempdir().unwrap();
    for entry in walk(template()) {
        let to = dir.path().join(entry.strip_prefix(template()).unwrap());
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(&entry, &to).unwrap();
    }
    let service = Arc::new(Service::new(Store::open(dir.path()).unwrap(), clock()));
    (dir, service)
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

fn new_app(service: &Arc<Service>) -> App {
    App::new(
        Box::new(LocalConnection::new(service.clone(), USER)),
        Lang::Id,
        Theme::mono(),
        clock(),
    )
    .unwrap()
}

fn call(service: &Service, request: Request) -> Reply {
    service.dispatch(USER, request).unwrap()
}

macro_rules! check {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(TestCaseError::fail(format!($($msg)+)));
        }
    };
}

/// The checks that hold after every step.
fn check_invariants(app: &App, service: &Service, size: (u16, u16)) -> Result<(), TestCaseError> {
    // The roster's selection is a row in view.
    let roster = &app.roster;
    let visible: Vec<_> = roster.visible().map(|r| r.id).collect();
    check!(
        visible.len() == roster.visible_count() && visible.len() <= roster.rows().len(),
        "roster: {} in view of {}",
        roster.visible_count(),
        roster.rows().len()
    );
    match roster.selected_id() {
        Some(id) => check!(visible.contains(&id), "roster: selected {id:?} not in view"),
        None => check!(
            visible.is_empty(),
            "roster: nothing selected among {visible:?}"
        ),
    }

    // The roster holds what the store holds.
    let Reply::Clients(mut stored) = call(service, Request::ListClients) else {
        return Err(TestCaseError::fail("ListClients"));
    };
    let mut held = roster.rows().to_vec();
    stored.sort_by_key(|r| r.id);
    held.sort_by_key(|r| r.id);
    check!(
        held == stored,
        "roster rows differ from the store's: {} held, {} stored",
        held.len(),
        stored.len()
    );

    match &app.screen {
        Screen::RollCall(screen) => {
            let roll = &screen.roll;
            let made = roll.rows.iter().filter(|r| r.mark.is_some()).count();
            let implied = roll
                .rows
                .iter()
                .filter(|r| r.mark.is_none() && r.implied.is_some())
                .count();
            check!(
                roll.marked() == made + implied,
                "roll call: {} marked, {made} made + {implied} implied",
                roll.marked()
            );
            let Reply::RollCall(stored) = call(service, Request::RollCall(roll.slot)) else {
                return Err(TestCaseError::fail("RollCall"));
            };
            check!(
                roll.marked() == stored.marked() && roll.rows.len() == stored.rows.len(),
                "roll call: shows {}/{} marked, the store has {}/{}",
                roll.marked(),
                roll.rows.len(),
                stored.marked(),
                stored.rows.len()
            );
            for (shown, stored) in roll.rows.iter().zip(&stored.rows) {
                check!(
                    shown.client == stored.client && shown.presence() == stored.presence(),
                    "roll call row {:?}: shows {:?}, the store has {:?} for {:?}",
                    shown.client,
                    shown.presence(),
                    stored.presence(),
                    stored.client
                );
            }
        }
        Screen::Today(today) => {
            let Reply::Today(stored) = call(service, Request::Today) else {
                return Err(TestCaseError::fail("Today"));
            };
            check!(
                today.view.marked == stored.marked
                    && today.view.total == stored.total
                    && today.view.headcount == stored.headcount,
                "Hari ini: shows {}/{} marked, the store has {}/{}",
                today.view.marked,
                today.view.total,
                stored.marked,
                stored.total
            );
        }
        Screen::Detail(detail) => {
            let id = detail.view.client.id;
            let Reply::Client(stored) = call(service, Request::GetClient(id)) else {
                return Err(TestCaseError::fail("GetClient"));
            };
            check!(
                detail.view.client == stored.client,
                "detail of {id:?}: shows revision {}, the store has {}",
                detail.view.client.revision,
                stored.client.revision
            );
        }
        _ => {}
    }

    // At a usable size the roster draws its selection, and only that, highlighted.
    let on_roster = matches!(app.screen, Screen::Roster) && app.popups.is_empty();
    let (w, h) = size;
    if on_roster && w >= 80 && h >= 16 && !visible.is_empty() {
        let highlighted = reversed_rows(&render(app, w, h));
        // Row 0 is the header bar, drawn reversed in the monochrome theme.
        check!(
            highlighted.len() == 2,
            "roster at {w}×{h}: highlighted rows {highlighted:?}"
        );
    }
    Ok(())
}

/// Whether `key` is let through: everything but export, which writes a file wherever the
/// path typed into its form says.
fn allowed(app: &App, key: &KeyEvent) -> bool {
    keymap::lookup(app.context(), key) != Some(Action::Export)
}

/// A new app on `service`, taken to a start screen.
fn app_at(service: &Arc<Service>, start: &[KeyCode], expected: Context) -> App {
    let mut app = new_app(service);
    for code in start {
        app.handle(AppEvent::Key(KeyEvent::new(*code, KeyModifiers::NONE)));
    }
    assert_eq!(app.context(), expected, "the start keys lead there");
    app
}

fn run_case(start: &[KeyCode], expected: Context, steps: &[Step]) -> Result<(), TestCaseError> {
    let (_dir, service) = fresh_service();
    let mut app = app_at(&service, start, expected);
    let mut size = (80, 24);
    for (n, step) in steps.iter().enumerate() {
        match step {
            Step::Key(code, modifiers) => {
                let key = KeyEvent::new(*code, *modifiers);
                if allowed(&app, &key) {
                    app.handle(AppEvent::Key(key));
                }
            }
            Step::Resize(w, h) => {
                size = (*w, *h);
                app.handle(AppEvent::Resize);
            }
        }
        if app.quit {
            app = new_app(&service);
        }
        // Drawing costs milliseconds in a debug build: after every resize, every few
        // steps and the last; the store comparisons every few steps more.
        let last = n + 1 == steps.len();
        if matches!(step, Step::Resize(..)) || n % 4 == 3 || last {
            render(&app, size.0, size.1);
        }
        if n % 8 == 7 || last {
            check_invariants(&app, &service, size)
                .map_err(|e| TestCaseError::fail(format!("after step {n} ({step:?}): {e}")))?;
        }
    }
    Ok(())
}

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Runs `cases` random sequences of up to `len` steps from every start screen.
fn run_everywhere(cases: u32, len: usize) {
    for (name, start, expected) in STARTS {
        let config = Config {
            cases,
            max_shrink_iters: 256,
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        let steps = prop::collection::vec(step(), len / 2..=len);
        match runner.run(&steps, |steps| run_case(start, *expected, &steps)) {
            Ok(()) => {}
            Err(TestError::Fail(why, steps)) => {
                panic!("starting on {name}: {why}\nsteps: {steps:?}")
            }
            Err(e) => panic!("starting on {name}: {e}"),
        }
    }
}

#[test]
fn random_keys_and_resizes_on_every_screen_break_nothing() {
    run_everywhere(cases(2), 120);
}

#[test]
#[ignore = "long: 10 sequences of up to 1000 steps per start screen, about 4 minutes"]
fn random_keys_and_resizes_on_every_screen_break_nothing_long() {
    run_everywhere(cases(10), 1000);
}

/// Drawing never panics at any small size, 1×1 included, nor at the edges of the
/// smallest usable one, on every start screen.
#[test]
fn every_screen_draws_at_every_small_size() {
    let (_dir, service) = fresh_service();
    let tiny = (1..=24).flat_map(|w| (1..=12).map(move |h| (w, h)));
    let edges = [
        (79, 16),
        (80, 15),
        (80, 16),
        (81, 17),
        (80, 24),
        (120, 40),
        (200, 60),
    ];
    let sizes: Vec<(u16, u16)> = tiny.chain(edges).collect();
    for (name, start, expected) in STARTS {
        let app = app_at(&service, start, *expected);
        for &(w, h) in &sizes {
            let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                render(&app, w, h);
            }));
            assert!(drawn.is_ok(), "{name} at {w}×{h} panicked");
        }
    }
}
