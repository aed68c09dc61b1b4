//! The head's screens (staff accounts, audit trail), the no-account screen, and what the
//! TUI shows when other sessions change things or the server goes away.

mod support;

use mentas::client::{CallError, ConnEvent};
use mentas::domain::{Refusal, Role, Status};
use mentas::protocol::{Notice, Request, StatusInput};
use mentas::ui::app::App;
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
    // Newest first: the status change just made, by the head (by name), today, in words.
    assert!(
        lines[4].contains("28 Nov 14:32")
            && lines[4].contains("Hartono, S.Sos")
            && !lines[4].contains(USER)
            && lines[4].contains("aktif → sakit"),
        "{screen}"
    );
    assert!(screen.contains("2 perubahan"), "{screen}");
    key(&mut app, KeyCode::Enter);
    let entry = text(&render(&app, 100, 30));
    assert!(
        entry.contains("Status") && entry.contains("aktif → sakit"),
        "{entry}"
    );
    assert!(
        entry.contains("Berlaku tanggal") && entry.contains("— → 28 Nov 2026"),
        "{entry}"
    );
    assert!(entry.contains("14:32 · Hartono, S.Sos · status"), "{entry}");
    for raw in ["Active", "Sick", "status_date", "2026-11-28"] {
        assert!(!entry.contains(raw), "{raw} shown raw: {entry}");
    }
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
    assert!(!filtered.contains("28 Nov 14:32"));
    key(&mut app, KeyCode::Char('c'));
    assert!(text(&render(&app, 100, 30)).contains("28 Nov 14:32"));
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
        screen.contains("diubah") && screen.contains("Nama panggilan"),
        "{screen}"
    );
    assert!(!screen.contains("nickname"), "{screen}");
    // One change, not "1 changes".
    app.lang = Lang::En;
    let screen = text(&render(&app, 100, 30));
    assert!(screen.contains("1 change ·"), "{screen}");
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
    assert!(screen.contains("Tersambung lagi; data dimuat ulang"));
    assert!(screen.contains("Sarmini"), "input still kept");
    assert_eq!(app.role(), Some(Role::Head));
}

/// A connection that can be cut (calls fail as over a lost socket) or made to refuse
/// every write as a full disk would.
struct Flaky {
    inner: mentas::client::LocalConnection,
    down: std::sync::Arc<std::sync::atomic::AtomicBool>,
    disk_full: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl mentas::client::Connection for Flaky {
    fn call(&mut self, request: Request) -> Result<mentas::protocol::Reply, CallError> {
        use std::sync::atomic::Ordering::SeqCst;
        if self.down.load(SeqCst) {
            return Err(CallError::Lost("the server went away".into()));
        }
        if self.disk_full.load(SeqCst) && mentas::service::writes(&request) {
            return Err(CallError::Refused(Refusal::Storage(
                "No space left on device".into(),
            )));
        }
        self.inner.call(request)
    }
}

type Switch = std::sync::Arc<std::sync::atomic::AtomicBool>;

fn flaky_app(residents: usize) -> (App, Switch, Switch, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, residents);
    let down = Switch::default();
    let disk_full = Switch::default();
    let conn = Flaky {
        inner: mentas::client::LocalConnection::new(service, USER),
        down: down.clone(),
        disk_full: disk_full.clone(),
    };
    let mut app = App::new(
        Box::new(conn),
        Lang::Id,
        mentas::ui::theme::Theme::mono(),
        clock(),
    )
    .unwrap();
    key(&mut app, KeyCode::Char('2'));
    (app, down, disk_full, dir)
}

fn set(switch: &Switch, on: bool) {
    switch.store(on, std::sync::atomic::Ordering::SeqCst);
}

/// The status form on the selected roster row, its status moved `right` places from the
/// suggestion (izin for a resident who is aktif).
fn status_form(app: &mut App, right: usize) {
    key(app, KeyCode::Char('s'));
    for _ in 0..right {
        key(app, KeyCode::Right);
    }
}

#[test]
fn after_a_reconnect_lost_connection_notices_give_way_and_saving_works_again() {
    let (mut app, down, _, _dir) = flaky_app(20);
    status_form(&mut app, 1); // sakit
    set(&down, true);
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Koneksi terputus: the server went away"),
        "{screen}"
    );
    app.handle(AppEvent::Conn(ConnEvent::Lost(
        "the server went away".into(),
    )));
    set(&down, false);
    app.handle(AppEvent::Conn(ConnEvent::Restored));
    let screen = text(&render(&app, 80, 24));
    assert!(!screen.contains("Koneksi terputus"), "{screen}");
    assert!(
        screen.contains("Tersambung lagi; data dimuat ulang"),
        "{screen}"
    );
    assert!(
        screen.contains("Tersambung lagi; Ctrl-S menyimpan"),
        "the form says so: {screen}"
    );
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Status sakit tersimpan"), "{screen}");
}

#[test]
fn a_storage_refusal_stays_shown_after_a_reconnect() {
    let (mut app, _, disk_full, _dir) = flaky_app(20);
    status_form(&mut app, 1);
    set(&disk_full, true);
    ctrl(&mut app, 's');
    app.handle(AppEvent::Conn(ConnEvent::Lost(
        "the server went away".into(),
    )));
    app.handle(AppEvent::Conn(ConnEvent::Restored));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Gangguan penyimpanan"), "{screen}");
    assert!(!screen.contains("Tersambung lagi"), "{screen}");
}

#[test]
fn a_server_upgraded_under_the_session_is_named_with_what_to_do() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    app.handle(AppEvent::Conn(ConnEvent::Lost("connection closed".into())));
    app.handle(AppEvent::Conn(ConnEvent::Mismatch {
        auto_started: false,
    }));
    let screen = text(&render(&app, 100, 24));
    assert!(screen.contains("Server mentas kini versi lain"), "{screen}");
    assert!(screen.contains("systemctl restart mentas"), "{screen}");
    // An auto-started one: offered a restart, as at startup.
    let (mut app, _dir) = demo_app(20, Lang::Id);
    app.handle(AppEvent::Conn(ConnEvent::Mismatch { auto_started: true }));
    let screen = text(&render(&app, 100, 24));
    assert!(screen.contains("Mulai ulang"), "{screen}");
    assert!(screen.contains("server dengan versi ini?"), "{screen}");
}

/// The rows of `screen` holding `needle`.
fn rows_with(screen: &[String], needle: &str) -> Vec<usize> {
    screen
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn status_form_problems_stand_next_to_their_field() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    status_form(&mut app, 0); // izin
    ctrl(&mut app, 's');
    let screen = lines(&render(&app, 80, 24));
    let field = rows_with(&screen, "Kembali tanggal");
    let required = rows_with(&screen, "Wajib diisi");
    assert_eq!(required.len(), 1, "{screen:#?}");
    assert_eq!(required[0], field[0] + 1, "under the field: {screen:#?}");
    assert!(!screen.iter().any(|l| l.contains("Tulis tanggal seperti")));
    // A return before the leave: the server's refusal goes next to the return date.
    type_text(&mut app, "01-11-2026");
    ctrl(&mut app, 's');
    let screen = lines(&render(&app, 80, 24));
    let field = rows_with(&screen, "Kembali tanggal");
    let refused = rows_with(&screen, "Tanggal kembali sebelum tanggal izin");
    assert_eq!(refused, vec![field[0] + 1], "{screen:#?}");
}

#[test]
fn an_exit_is_confirmed_naming_the_resident_and_a_supervisor_can_undo_it_today() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    let row = app.roster.selected_row().unwrap().clone();
    let name = mentas::domain::names::display_name(&row.name, &row.nickname);
    key(&mut app, KeyCode::Enter);
    status_form(&mut app, 4); // keluar
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains(&format!("Keluarkan {name} dari panti?")),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('n'));
    let stored = app.roster.rows().iter().find(|r| r.id == row.id).unwrap();
    assert_eq!(stored.status, Status::Active, "no means nothing saved");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Char('y'));
    let stored = app.roster.rows().iter().find(|r| r.id == row.id).unwrap();
    assert_eq!(stored.status, Status::Exited);
    assert_eq!(stored.room, "", "the bed is free");
    // The detail offers the undo; u asks, y undoes.
    let screen = text(&render(&app, 80, 40));
    assert!(
        screen.contains("u: batalkan perubahan terakhir"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('u'));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Batalkan perubahan terakhir"), "{screen}");
    key(&mut app, KeyCode::Char('y'));
    let stored = app.roster.rows().iter().find(|r| r.id == row.id).unwrap();
    assert_eq!(stored.status, Status::Active);
    assert_eq!(
        (stored.room.as_str(), stored.bed.as_str()),
        (row.room.as_str(), row.bed.as_str())
    );
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains(&format!("Dibatalkan: {name}")), "{screen}");
}

#[test]
fn the_detail_keeps_its_scroll_when_another_session_changes_the_resident() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 20);
    let mut app = app_on(service.clone(), Lang::Id);
    // The seventh resident's detail is longer than 80×24.
    for _ in 0..6 {
        key(&mut app, KeyCode::Down);
    }
    let row = app.roster.selected_row().unwrap().clone();
    key(&mut app, KeyCode::Enter);
    let top = lines(&render(&app, 80, 24));
    for _ in 0..4 {
        key(&mut app, KeyCode::Down);
    }
    let scrolled = lines(&render(&app, 80, 24));
    assert_ne!(scrolled[3], top[3]);
    service
        .dispatch(
            USER,
            Request::ChangeStatus {
                id: row.id,
                base_revision: row.revision,
                change: StatusInput {
                    detail: mentas::domain::StatusDetail::Sick,
                    date: now().date(),
                    note: String::new(),
                },
            },
        )
        .unwrap();
    app.handle(AppEvent::Conn(ConnEvent::Notice(Notice::Client(row.id))));
    let after = lines(&render(&app, 80, 24));
    assert_eq!(after[3], scrolled[3], "still scrolled as the user left it");
    // The footer shows the change history key where it has room.
    let wide = lines(&render(&app, 120, 40));
    assert!(
        wide.last().unwrap().contains("a riwayat perubahan"),
        "{wide:#?}"
    );
}

#[test]
fn the_audit_screen_follows_changes_and_filters_by_record() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 20);
    let mut app = app_on(service.clone(), Lang::Id);
    let row = app.roster.selected_row().unwrap().clone();
    key(&mut app, KeyCode::Char('5'));
    let count = |app: &App| match &app.screen {
        mentas::ui::app::Screen::Audit(a) => a.entries.len(),
        _ => panic!("not on the audit screen"),
    };
    let before = count(&app);
    service
        .dispatch(
            USER,
            Request::ChangeStatus {
                id: row.id,
                base_revision: row.revision,
                change: StatusInput {
                    detail: mentas::domain::StatusDetail::Sick,
                    date: now().date(),
                    note: String::new(),
                },
            },
        )
        .unwrap();
    app.handle(AppEvent::Conn(ConnEvent::Notice(Notice::Client(row.id))));
    assert_eq!(count(&app), before + 1, "the new change is listed at once");
    // r: the record of the selected entry (the newest: that resident).
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Char('r'));
    let screen = text(&render(&app, 100, 30));
    assert!(
        screen.contains(&format!("data: {}", row.reg_no)),
        "{screen}"
    );
    assert!(screen.contains("(x: hapus)"), "{screen}");
    match &app.screen {
        mentas::ui::app::Screen::Audit(a) => assert!(
            a.entries
                .iter()
                .all(|e| e.record == mentas::domain::audit::RecordRef::Client(row.id))
        ),
        _ => panic!("not on the audit screen"),
    }
    // r again: staff accounts; x clears.
    key(&mut app, KeyCode::Char('r'));
    let screen = text(&render(&app, 100, 30));
    assert!(screen.contains("data: akun staf"), "{screen}");
    key(&mut app, KeyCode::Char('x'));
    let screen = text(&render(&app, 100, 30));
    assert!(screen.contains("data: semua"), "{screen}");
    assert_eq!(count(&app), before + 1);
}

/// The body's lines of a rendered screen: below the header and tabs, above the notice and
/// footer.
fn body(screen: &[String]) -> &[String] {
    &screen[2..screen.len() - 2]
}

#[test]
fn the_detail_s_first_page_shows_who_the_status_and_the_start_of_the_history() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    // The seventh resident has three status changes: more than 80×24 holds.
    for _ in 0..6 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    let screen = lines(&render(&app, 80, 24));
    let page = body(&screen);
    // Who changed the record last stands right under the name, not at the very end.
    assert!(
        page[1].starts_with("Terakhir diubah oleh Siti Nurhayati"),
        "{screen:#?}"
    );
    let history = page
        .iter()
        .position(|l| l.starts_with("Riwayat status"))
        .expect("the status history starts on the first page");
    assert!(
        page[history + 1].contains("9 Sep 2026   aktif")
            && page[history + 2].contains("oleh Siti Nurhayati"),
        "the newest change with who recorded it, by name: {screen:#?}"
    );
    assert!(
        page.iter().any(|l| l.contains("Tinggal ke-1: 16 Agu 2026")),
        "the stays show: {screen:#?}"
    );
    assert!(
        page.last().unwrap().starts_with("▼ lanjut di bawah"),
        "{screen:#?}"
    );
    assert!(screen.last().unwrap().contains("↓/j gulir"), "{screen:#?}");
    // A note longer than the row wraps under its own column, not at column 0.
    let wrapped = page
        .iter()
        .position(|l| l.contains("Izin menghadiri pernikahan"))
        .unwrap_or_else(|| panic!("{screen:#?}"));
    key(&mut app, KeyCode::End);
    let end = lines(&render(&app, 80, 24));
    let end_page = body(&end);
    let continued = end_page
        .iter()
        .position(|l| l.contains("Izin menghadiri pernikahan"))
        .unwrap_or_else(|| panic!("{end:#?}"));
    let _ = wrapped;
    assert_eq!(end_page[continued + 1].trim(), "Pare", "{end:#?}");
    assert!(
        end_page[continued + 1].starts_with(&" ".repeat(15)),
        "under the status column: {end:#?}"
    );
    assert!(
        end_page.last().unwrap().starts_with("▲ di atas"),
        "{end:#?}"
    );
    // A status change made from the end of the page shows at once.
    key(&mut app, KeyCode::Char('s'));
    type_text(&mut app, "sakit");
    ctrl(&mut app, 's');
    let after = lines(&render(&app, 80, 24));
    assert!(
        body(&after)
            .iter()
            .any(|l| l.contains("28 Nov 2026  sakit") && l.contains("oleh Hartono, S.Sos")),
        "the new change is in view, by name: {after:#?}"
    );
    assert!(!after.iter().any(|l| l.contains(&format!("oleh {USER}"))));
}

#[test]
fn a_wide_detail_uses_two_columns_and_offers_no_scrolling_when_it_all_shows() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    for _ in 0..6 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    let screen = lines(&render(&app, 120, 40));
    let page = body(&screen);
    assert!(
        page[0].contains("Nurhadi Sulaksono") && page[0].contains("Terakhir diubah oleh"),
        "who changed it last on the name's line: {screen:#?}"
    );
    assert!(
        page[1].starts_with("Identitas") && page[1].contains("Riwayat tinggal"),
        "fields on the left, stays and history on the right: {screen:#?}"
    );
    assert!(
        page.iter().filter(|l| l.contains(" oleh ")).count() >= 3,
        "{screen:#?}"
    );
    assert!(!screen.iter().any(|l| l.contains('▼')), "{screen:#?}");
    assert!(!screen.last().unwrap().contains("gulir"), "{screen:#?}");
}

#[test]
fn a_roll_call_correction_is_traced_by_name_shift_and_marks() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    // The morning roll call has ended: marks there are corrections (the head may).
    key(&mut app, KeyCode::Char('['));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Char('s'));
    let roll = lines(&render(&app, 80, 24));
    let row = roll
        .iter()
        .find(|l| l.contains("Suhadi Mujib"))
        .unwrap_or_else(|| panic!("{roll:#?}"));
    assert!(
        row.ends_with("Hartono") && !row.contains(USER),
        "Oleh names who marked: {roll:#?}"
    );
    key(&mut app, KeyCode::F(9));
    let screen = lines(&render(&app, 80, 24));
    assert!(
        screen[4].contains("koreksi apel") && screen[4].contains("pagi 28 Nov: hadir → sakit"),
        "{screen:#?}"
    );
    assert!(screen[4].contains("Hartono"), "{screen:#?}");
    key(&mut app, KeyCode::Enter);
    let entry = text(&render(&app, 80, 24));
    assert!(
        entry.contains("Piket") && entry.contains("pagi 28 Nov 2026"),
        "{entry}"
    );
    assert!(
        entry.contains("Kehadiran") && entry.contains("hadir → sakit"),
        "{entry}"
    );
    assert!(
        !entry.contains("Morning") && !entry.contains("Present"),
        "{entry}"
    );
    app.lang = Lang::En;
    let entry = text(&render(&app, 80, 24));
    assert!(entry.contains("morning 28 Nov: present → sick"), "{entry}");
}
