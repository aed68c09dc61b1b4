//! The shell around the screens: detail, help, too-small terminals, quitting.

mod support;

use mentas::domain::Status;
use mentas::ui::text::Lang;
use ratatui::crossterm::event::KeyCode;
use support::*;

#[test]
fn detail_shows_every_field_with_the_whole_nik_and_the_history() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    // Pick a resident with a NIK and more than one stay if the demo has one.
    let target = app
        .roster
        .visible()
        .filter(|r| r.nik.is_some())
        .max_by_key(|r| r.stays)
        .unwrap()
        .clone();
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, &target.reg_no);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    let buf = render(&app, 80, 24);
    let screen = text(&buf);
    insta::assert_snapshot!("detail_80x24", screen);
    assert!(
        screen.contains(target.nik.as_ref().unwrap().as_str()),
        "whole NIK on the detail screen"
    );
    assert!(screen.contains(target.reg_no.as_str()));
    for label in [
        "Identitas",
        "NIK",
        "No. KK",
        "Jenis kelamin",
        "Tempat lahir",
        "Tanggal lahir",
        "Agama",
        "Pendidikan",
        "Asal daerah",
    ] {
        assert!(screen.contains(label), "{label} missing");
    }
    // Who changed the record last is on the first page, under the name.
    assert!(
        screen.contains("Terakhir diubah oleh"),
        "last changed by: {screen}"
    );
    key(&mut app, KeyCode::End);
    let tall = text(&render(&app, 100, 60));
    assert!(tall.contains(&format!("Tinggal ke-{}", target.stays)));
    assert!(tall.contains("Riwayat status"));
    key(&mut app, KeyCode::Esc);
    assert!(
        text(&render(&app, 80, 24)).contains("No. Reg"),
        "Esc goes back to the roster"
    );
}

#[test]
fn help_lists_the_keys_of_this_screen_and_everywhere() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    key(&mut app, KeyCode::Char('?'));
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("help_roster", screen);
    for expected in [
        "Tombol",
        "Di layar ini",
        "Di mana saja",
        "cari",
        "baru",
        "filter status",
        "1–5 F5–F9",
        "? F1",
        "q Ctrl-C/Ctrl-Q keluar",
    ] {
        assert!(
            screen.contains(expected),
            "{expected} missing from help: {screen}"
        );
    }
    key(&mut app, KeyCode::Esc);
    assert!(!text(&render(&app, 80, 24)).contains("Di layar ini"));
}

#[test]
fn help_longer_than_the_popup_scrolls_and_says_so() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    key(&mut app, KeyCode::Char('?'));
    let screen = text(&render(&app, 80, 16));
    assert!(screen.contains("↑/↓ menggulir ▼"), "{screen}");
    assert!(
        !screen.contains("Home End"),
        "the last keys are below: {screen}"
    );
    for _ in 0..30 {
        key(&mut app, KeyCode::Down);
    }
    let screen = text(&render(&app, 80, 16));
    assert!(screen.contains("Home End"), "scrolled to the end: {screen}");
    assert!(screen.contains("menggulir ▲"), "{screen}");
    key(&mut app, KeyCode::Up);
    assert!(
        text(&render(&app, 80, 16)).contains("▲▼"),
        "one step back moves at once"
    );
}

#[test]
fn f1_opens_help_inside_a_form_and_question_mark_is_text_there() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Apa?");
    let form = text(&render(&app, 80, 24));
    assert!(form.contains("Apa?"), "? typed as text: {form}");
    assert!(form.contains("F1 bantuan"), "the footer names F1: {form}");
    key(&mut app, KeyCode::F(1));
    let help = text(&render(&app, 80, 24));
    for expected in [
        "Tab/Enter",
        "berikut/simpan",
        "S-Tab/↑",
        "Ctrl-S",
        "simpan",
        "Esc",
        "←/→",
        "Ctrl-C",
        "keluar",
    ] {
        assert!(help.contains(expected), "{expected} missing: {help}");
    }
    key(&mut app, KeyCode::F(1));
    let back = text(&render(&app, 80, 24));
    assert!(
        back.contains("Apa?") && !back.contains("Di layar ini"),
        "{back}"
    );
}

#[test]
fn the_roster_footer_says_when_more_keys_exist() {
    let (app, _dir) = demo_app(20, Lang::Id);
    let narrow = lines(&render(&app, 80, 24));
    let footer = narrow.last().unwrap();
    assert!(footer.contains("… ? semua tombol"), "{footer}");
    assert!(footer.contains("q keluar"), "{footer}");
    let wide = lines(&render(&app, 200, 24));
    let footer = wide.last().unwrap();
    for key in ["f filter status", "t ", "x ", "o ", "? bantuan"] {
        assert!(
            footer.contains(key),
            "{key} missing at 200 columns: {footer}"
        );
    }
    assert!(!footer.contains("semua tombol"), "{footer}");
}

#[test]
fn ctrl_c_quits_from_the_roster_too() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    ctrl(&mut app, 'c');
    assert!(app.quit);
}

#[test]
fn too_small_says_so_and_no_size_panics() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    let screen = text(&render(&app, 60, 20));
    insta::assert_snapshot!("too_small", screen);
    assert!(screen.contains("Jendela terlalu kecil"));
    assert!(screen.contains("80×16"));
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 30),
        (79, 24),
        (80, 15),
        (80, 16),
        (200, 60),
        (300, 5),
    ] {
        render(&app, w, h);
    }
    // Every popup at the smallest supported size and tiny ones.
    key(&mut app, KeyCode::Char('n'));
    for (w, h) in [(1, 1), (80, 16), (80, 24)] {
        render(&app, w, h);
    }
}

#[test]
fn quit_asks_first_only_when_a_form_holds_input() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Paijo");
    ctrl(&mut app, 'c');
    assert!(!app.quit, "a form holds input: ask first");
    assert!(text(&render(&app, 80, 24)).contains("Tetap keluar?"));
    key(&mut app, KeyCode::Char('n'));
    assert!(!app.quit);
    assert!(
        text(&render(&app, 80, 24)).contains("Paijo"),
        "input kept after saying no"
    );
    key(&mut app, KeyCode::Esc); // cancel form -> asks to discard
    key(&mut app, KeyCode::Char('y'));
    key(&mut app, KeyCode::Char('q'));
    assert!(app.quit, "nothing unsaved: q quits at once");
}

#[test]
fn status_change_updates_the_row_at_once_and_keeps_history() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    key(&mut app, KeyCode::Char('f')); // aktif only
    let target = app.roster.selected_row().unwrap().clone();
    key(&mut app, KeyCode::Char('s'));
    let form = text(&render(&app, 80, 24));
    assert!(form.contains("Ubah status"), "{form}");
    assert!(form.contains("Status sekarang: aktif"));
    // Suggested izin; the expected return date is needed.
    ctrl(&mut app, 's');
    let refused = text(&render(&app, 80, 24));
    assert!(refused.contains("Wajib diisi"), "{refused}");
    type_text(&mut app, "01-12-2026");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Menjenguk ibu di Bangil");
    ctrl(&mut app, 's');
    let after = text(&render(&app, 80, 24));
    assert!(after.contains("Status izin tersimpan"), "{after}");
    let row = app
        .roster
        .rows()
        .iter()
        .find(|r| r.id == target.id)
        .unwrap();
    assert_eq!(row.status, Status::Leave);
    // The aktif filter no longer shows them; the detail has the history.
    assert!(app.roster.visible().all(|r| r.id != target.id));
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, &target.reg_no);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::End);
    let detail = text(&render(&app, 100, 60));
    assert!(
        detail.contains("kembali 1 Des 2026 — Menjenguk ibu di Bangil"),
        "{detail}"
    );
    assert!(detail.contains("oleh Hartono, S.Sos"), "by name: {detail}");
}

#[test]
fn exit_requires_a_reason_and_closes_the_stay() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    let target = app.roster.selected_row().unwrap().clone();
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('s'));
    // Choose keluar by typing its name in the status choice.
    type_text(&mut app, "keluar");
    let form = text(&render(&app, 80, 24));
    assert!(form.contains("Alasan keluar"), "{form}");
    ctrl(&mut app, 's');
    // An exit is asked first, naming the resident and saying the bed is freed; at 80
    // columns the options stand on a line of their own, never cut in the middle.
    let ask = text(&render(&app, 80, 24));
    assert!(ask.contains("dari panti?"), "{ask}");
    assert!(ask.contains("bednya menjadi kosong"), "{ask}");
    let options = ask
        .lines()
        .find(|l| l.contains("y = ya"))
        .expect("the options line");
    assert!(options.contains("│y = ya   n = tidak "), "{ask}");
    assert!(!options.contains("panti"), "{ask}");
    key(&mut app, KeyCode::Char('y'));
    let detail = text(&render(&app, 100, 60));
    assert!(detail.contains("keluar"), "{detail}");
    let row = app
        .roster
        .rows()
        .iter()
        .find(|r| r.id == target.id)
        .unwrap();
    assert_eq!(row.status, Status::Exited);
    assert!(
        detail.contains("– 28 Nov 2026"),
        "the stay is closed today: {detail}"
    );
}

#[test]
fn enter_moves_on_in_first_run_setup_and_saves_on_the_last_field_as_in_every_form() {
    let dir = tempfile::tempdir().unwrap();
    let store = mentas::store::Store::open(dir.path()).unwrap();
    let service = std::sync::Arc::new(mentas::service::Service::new(store, clock()));
    let mut app = app_opening(service, Lang::Id);
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Penyiapan pertama"), "{screen}");
    assert!(
        screen.contains("Ctrl-S simpan") && screen.contains("Tab/Enter berikut/simpan"),
        "the footer says how: {screen}"
    );
    type_text(&mut app, "Panti Sejahtera");
    key(&mut app, KeyCode::Enter);
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Penyiapan pertama") && screen.contains("Panti Sejahtera"),
        "Enter on the first field moves on: {screen}"
    );
    key(&mut app, KeyCode::Enter); // capacity stays 100
    type_text(&mut app, "Bu Ratna");
    key(&mut app, KeyCode::Enter); // the last field: saves
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Penyiapan selesai"), "{screen}");
}

#[test]
fn a_second_first_run_setup_says_who_did_it_and_shows_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let store = mentas::store::Store::open(dir.path()).unwrap();
    let service = std::sync::Arc::new(mentas::service::Service::new(store, clock()));
    // Two sessions open on the empty store; the first finishes setup.
    let mut first = app_opening(service.clone(), Lang::Id);
    let mut second = app_opening(service, Lang::Id);
    type_text(&mut first, "Panti Sejahtera");
    key(&mut first, KeyCode::Enter);
    key(&mut first, KeyCode::Enter);
    type_text(&mut first, "Bu Ratna");
    ctrl(&mut first, 's');
    type_text(&mut second, "UPT Bangil");
    key(&mut second, KeyCode::Enter);
    key(&mut second, KeyCode::Enter);
    type_text(&mut second, "Pak Budi");
    ctrl(&mut second, 's');
    let words: String = lines(&render(&second, 80, 24))
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        words.contains("Penyiapan sudah dilakukan oleh Bu Ratna"),
        "{words}"
    );
    assert!(
        words.contains("UPT Bangil") && words.contains("Pak Budi"),
        "what was typed is in the words: {words}"
    );
}

#[test]
fn staf_hears_an_exit_or_undo_needs_a_supervisor_before_being_asked() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 100);
    let as_staf = |service| {
        let conn = mentas::client::LocalConnection::new(service, "dewi");
        let mut app = mentas::ui::app::App::new(
            Box::new(conn),
            Lang::Id,
            mentas::ui::theme::Theme::mono(),
            clock(),
        )
        .unwrap();
        key(&mut app, KeyCode::Char('2'));
        app
    };
    let mut app = as_staf(service.clone());
    assert_eq!(app.role(), Some(mentas::domain::Role::Staff));
    let target = app.roster.selected_row().unwrap().clone();
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('s'));
    type_text(&mut app, "keluar");
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Perlu peran supervisor"), "{screen}");
    assert!(!screen.contains("dari panti?"), "not asked: {screen}");
    assert!(screen.contains("Alasan keluar"), "the form stays: {screen}");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y')); // discard what was chosen
    // Undo: a change the head made today, then u as staf.
    let mut conn: Box<dyn mentas::client::Connection> =
        Box::new(mentas::client::LocalConnection::new(service.clone(), USER));
    let sick = mentas::protocol::StatusInput {
        detail: mentas::domain::StatusDetail::Sick,
        date: now().date(),
        note: String::new(),
    };
    let base = conn.get_client(target.id).unwrap().client.revision;
    conn.change_status(target.id, base, sick).unwrap();
    let mut app = as_staf(service);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, &target.reg_no);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('u'));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Perlu peran supervisor"), "{screen}");
    assert!(
        !screen.contains("Batalkan perubahan terakhir"),
        "not asked: {screen}"
    );
}

#[test]
fn an_undone_exit_whose_bed_was_taken_says_it_came_back_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 100);
    let mut conn: Box<dyn mentas::client::Connection> =
        Box::new(mentas::client::LocalConnection::new(service.clone(), USER));
    let mut app = app_on(service, Lang::Id);
    let target = app
        .roster
        .visible()
        .find(|r| r.status == Status::Active && !r.bed.is_empty())
        .unwrap()
        .clone();
    // The exit, through the app.
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, &target.reg_no);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('s'));
    type_text(&mut app, "keluar");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Char('y'));
    // Meanwhile a newcomer gets the freed bed.
    let newcomer = mentas::domain::ClientDraft {
        name: "Pendatang Baru".into(),
        room: target.room.to_string(),
        bed: target.bed.to_string(),
        ..mentas::domain::ClientDraft::new(now().date())
    };
    conn.create_client(newcomer).unwrap();
    key(&mut app, KeyCode::Char('u'));
    key(&mut app, KeyCode::Char('y'));
    let words = lines(&render(&app, 120, 30)).join(" ");
    assert!(words.contains("Dibatalkan:"), "{words}");
    assert!(
        words.contains("Tanpa kamar/bed: bed sebelumnya sudah ditempati orang lain"),
        "{words}"
    );
}
