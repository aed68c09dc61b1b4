//! The head's screens (staff accounts, audit trail), the no-account screen, and what the
//! TUI shows when other sessions change things or the server goes away.

mod support;

use mentas::client::ConnEvent;
use mentas::domain::{Role, Status};
use mentas::protocol::{Notice, Request, StatusInput};
use mentas::ui::app::AppEvent;
use mentas::ui::text::Lang;
use ratatui::crossterm::event::KeyCode;
use support::*;

#[test]
fn the_head_adds_a_staff_account_and_the_new_user_can_work() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 20);
    let mut app = app_on(service.clone(), Lang::Id);
    assert!(
        lines(&render(&app, 80, 24))[1].contains("4 Staf"),
        "the head sees the staff tab"
    );
    key(&mut app, KeyCode::Char('4'));
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("staff_80x24", screen);
    assert!(screen.contains("Pengguna OS") && screen.contains(USER));
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "wati");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Wati Susanti");
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Akun tersimpan: wati"), "{screen}");
    assert!(screen.contains("Wati Susanti") && screen.contains("staf"));
    // wati can now open mentas and sees only the roster tab.
    let wati = mentas::ui::app::App::new(
        Box::new(mentas::client::LocalConnection::new(service, "wati")),
        Lang::Id,
        mentas::ui::theme::Theme::mono(),
        clock(),
    )
    .unwrap();
    let first = lines(&render(&wati, 80, 24));
    assert!(first[0].contains("Wati Susanti (staf)"));
    assert!(
        !first[1].contains("Staf"),
        "no staff tab for staf: {}",
        first[1]
    );
}

#[test]
fn the_last_head_cannot_disable_themselves() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    key(&mut app, KeyCode::Char('4'));
    // Select the head's own row, open it, set "nonaktif".
    let Some(idx) = (match &app.screen {
        mentas::ui::app::Screen::Staff(s) => s.rows.iter().position(|s| s.username == USER),
        _ => None,
    }) else {
        panic!("not on the staff screen")
    };
    for _ in 0..idx {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab); // role
    key(&mut app, KeyCode::Tab); // active
    key(&mut app, KeyCode::Right);
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Kepala terakhir tidak bisa diturunkan atau dinonaktifkan"),
        "{screen}"
    );
}

#[test]
fn the_audit_trail_lists_changes_filters_them_and_shows_before_and_after() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    key(&mut app, KeyCode::Char('s'));
    type_text(&mut app, "sakit");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Char('5'));
    let screen = text(&render(&app, 100, 30));
    insta::assert_snapshot!("audit_100x30", screen);
    let lines = lines(&render(&app, 100, 30));
    // Newest first: the status change just made, by the head, today.
    assert!(
        lines[4].contains("28/11/26 14:32")
            && lines[4].contains(USER)
            && lines[4].contains("status"),
        "{screen}"
    );
    key(&mut app, KeyCode::Enter);
    let entry = text(&render(&app, 100, 30));
    assert!(
        entry.contains("status") && entry.contains("Active → Sick"),
        "{entry}"
    );
    key(&mut app, KeyCode::Esc);
    // Date range: only the day of the demo load (before today) leaves the change out.
    key(&mut app, KeyCode::Char('d'));
    type_text(&mut app, "01-01-2020");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "27-11-2026");
    ctrl(&mut app, 's');
    let filtered = text(&render(&app, 100, 30));
    assert!(
        filtered.contains("tanggal: 1 Jan 2020 – 27 Nov 2026"),
        "{filtered}"
    );
    assert!(!filtered.contains("28/11/26 14:32"));
    key(&mut app, KeyCode::Char('c'));
    assert!(text(&render(&app, 100, 30)).contains("28/11/26 14:32"));
}

#[test]
fn a_resident_s_change_history_opens_from_the_detail() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "X");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('a'));
    let screen = text(&render(&app, 100, 30));
    assert!(screen.contains("1 perubahan"), "{screen}");
    assert!(
        screen.contains("diubah") && screen.contains("nickname"),
        "{screen}"
    );
}

#[test]
fn an_os_user_without_an_account_sees_one_clear_screen() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 5);
    let mut app = mentas::ui::app::App::new(
        Box::new(mentas::client::LocalConnection::new(service, "tamu")),
        Lang::Id,
        mentas::ui::theme::Theme::mono(),
        clock(),
    )
    .unwrap();
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("no_account", screen);
    assert!(screen.contains("Akun OS \"tamu\" belum punya akun staf mentas."));
    assert!(screen.contains("Hartono, S.Sos") && screen.contains("mentas staff add tamu"));
    assert!(!screen.contains("No. Reg"), "nothing else is readable");
    key(&mut app, KeyCode::Char('1'));
    assert!(!text(&render(&app, 80, 24)).contains("No. Reg"));
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn another_session_s_change_appears_without_moving_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 30);
    let mut app = app_on(service.clone(), Lang::Id);
    key(&mut app, KeyCode::Down);
    let selected = app.roster.selected_row().unwrap().id;
    let other = app.roster.visible().next().unwrap().clone();
    // Someone else marks the first resident sick.
    let change = StatusInput {
        detail: mentas::domain::StatusDetail::Sick,
        date: now().date(),
        note: String::new(),
    };
    service
        .dispatch(
            USER,
            Request::ChangeStatus {
                id: other.id,
                base_revision: other.revision,
                change,
            },
        )
        .unwrap();
    assert!(app.handle(AppEvent::Conn(ConnEvent::Notice(Notice::Client(other.id)))));
    let row = app.roster.rows().iter().find(|r| r.id == other.id).unwrap();
    assert_eq!(row.status, Status::Sick);
    assert_eq!(
        app.roster.selected_row().unwrap().id,
        selected,
        "selection stays"
    );
    assert!(lines(&render(&app, 80, 24))[4].contains("sakit"));
}

#[test]
fn a_lost_connection_is_said_in_the_status_line_and_input_is_kept() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Sarmini");
    app.handle(AppEvent::Conn(ConnEvent::Lost("connection closed".into())));
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Koneksi terputus, menyambung ulang"),
        "{screen}"
    );
    assert!(screen.contains("Sarmini"), "input kept");
    app.handle(AppEvent::Conn(ConnEvent::Restored));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Tersambung kembali"));
    assert!(screen.contains("Sarmini"), "input still kept");
    assert_eq!(app.role(), Some(Role::Head));
}
