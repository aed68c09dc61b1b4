//! Hari ini tells the head when the last backup was made, in the due list's bottom border:
//! quietly when it is recent, as a warning when it is over two days old or never was.
//! Other staff do not see it.

mod support;

use std::sync::Arc;

use chrono::Duration;
use mentas::client::LocalConnection;
use mentas::clock::{Clock, FixedClock};
use mentas::domain::Role;
use mentas::protocol::{Reply, Request};
use mentas::service::Service;
use mentas::store::Store;
use mentas::ui::app::App;
use mentas::ui::text::Lang;
use mentas::ui::theme::Theme;
use support::*;

/// A demo store in `dir`, backed up at `backed_up` (if given) by a server whose clock
/// said so, then served with the tests' clock.
fn service_backed_up_at(
    dir: &tempfile::TempDir,
    backed_up: Option<chrono::NaiveDateTime>,
) -> Arc<Service> {
    let then: Arc<dyn Clock> = Arc::new(FixedClock(backed_up.unwrap_or_else(now)));
    let service = Service::new(Store::open(dir.path()).unwrap(), then);
    let data = mentas::demo::generate(mentas::demo::SEED, now().date(), 40, USER);
    service.load_demo(&data).unwrap();
    if backed_up.is_some() {
        let path = dir.path().join("backups").join("x.bak");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let reply = service.dispatch(USER, Request::Backup { path }).unwrap();
        assert!(matches!(reply, Reply::BackedUp(_)));
    }
    drop(service);
    Arc::new(Service::new(Store::open(dir.path()).unwrap(), clock()))
}

fn app_as(service: Arc<Service>, user: &str, lang: Lang) -> App {
    App::new(
        Box::new(LocalConnection::new(service, user)),
        lang,
        Theme::colour(),
        clock(),
    )
    .unwrap()
}

/// The last line of the due list's box (the row above the notice line and footer).
fn bottom_border(app: &App) -> (String, ratatui::style::Style) {
    let buf = render(app, 80, 24);
    let lines = lines(&buf);
    let row = lines.len() - 3;
    let line = lines[row].clone();
    let x = line.chars().position(|c| c.is_alphabetic()).unwrap_or(0) as u16;
    (line, buf[(x, row as u16)].style())
}

#[test]
fn the_head_sees_a_recent_backup_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let at = now() - Duration::hours(12);
    let app = app_as(service_backed_up_at(&dir, Some(at)), USER, Lang::Id);
    let (line, style) = bottom_border(&app);
    assert!(line.starts_with('└') && line.ends_with('┘'), "{line}");
    assert!(
        line.ends_with("─Cadangan terakhir: 28 Nov 2026 02:32┘"),
        "{line}"
    );
    assert_eq!(style.fg, Theme::colour().dim.fg, "{line}");
    let app = app_as(
        service_backed_up_at(&tempfile::tempdir().unwrap(), Some(at)),
        USER,
        Lang::En,
    );
    assert!(
        bottom_border(&app)
            .0
            .ends_with("─Last backup: 28 Nov 2026 02:32┘")
    );
}

#[test]
fn an_old_backup_or_none_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let at = now() - Duration::days(3);
    let app = app_as(service_backed_up_at(&dir, Some(at)), USER, Lang::Id);
    let (line, style) = bottom_border(&app);
    assert!(
        line.contains("Cadangan terakhir: 25 Nov 2026 14:32 — sudah lebih dari 2 hari"),
        "{line}"
    );
    assert_eq!(style.fg, Theme::colour().warning.fg);

    let dir = tempfile::tempdir().unwrap();
    let app = app_as(service_backed_up_at(&dir, None), USER, Lang::Id);
    let (line, style) = bottom_border(&app);
    assert!(line.contains("Belum pernah dicadangkan"), "{line}");
    assert_eq!(style.fg, Theme::colour().warning.fg);
}

#[test]
fn only_the_head_sees_it() {
    let dir = tempfile::tempdir().unwrap();
    let service = service_backed_up_at(&dir, None);
    let staff = service.store().all_staff().unwrap();
    for role in [Role::Staff, Role::Supervisor] {
        let who = staff.iter().find(|s| s.role == role && s.active).unwrap();
        let app = app_as(service.clone(), &who.username, Lang::Id);
        let screen = text(&render(&app, 80, 24));
        assert!(screen.contains("Perlu ditindaklanjuti"), "{screen}");
        assert!(
            !screen.contains("dicadangkan") && !screen.contains("Cadangan"),
            "{screen}"
        );
    }
}
