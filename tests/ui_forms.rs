//! The resident form driven with keys: validation next to the field, warnings that can be
//! accepted, duplicates at intake, and a save that survives reopening the store.

mod support;

use std::sync::Arc;

use mentas::domain::{Field, Status};
use mentas::service::Service;
use mentas::store::Store;
use mentas::ui::text::Lang;
use ratatui::crossterm::event::KeyCode;
use support::*;

/// Moves focus to `field` from the top of a fresh form.
fn go_to(app: &mut mentas::ui::app::App, field: Field) {
    let steps = Field::ALL.iter().position(|f| *f == field).unwrap();
    for _ in 0..steps {
        key(app, KeyCode::Tab);
    }
}

#[test]
fn a_short_nik_is_refused_next_to_the_field_and_nothing_typed_is_lost() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Sukirno Wijaya");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Kirno");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "351402170580003");
    ctrl(&mut app, 's');
    let buf = render(&app, 80, 24);
    let screen = text(&buf);
    insta::assert_snapshot!("form_nik_error", screen);
    assert!(
        screen.contains("⚠ Harus 16 angka (tertulis 15)"),
        "{screen}"
    );
    assert!(
        screen.contains("Sukirno Wijaya")
            && screen.contains("Kirno")
            && screen.contains("351402170580003")
    );
    assert!(screen.contains("Ada 1 isian yang perlu diperbaiki"));
    let rows_before = app.roster.rows().len();
    assert_eq!(app.roster.rows().len(), rows_before, "nothing saved");
    // Fixing it saves.
    type_text(&mut app, "3");
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    // The NIK says 17-05-80 and no birth date was given: no warning, no duplicate.
    assert!(
        screen.contains("Tersimpan: Sukirno Wijaya (2026/"),
        "{screen}"
    );
    assert_eq!(app.roster.rows().len(), rows_before + 1);
}

#[test]
fn impossible_nik_date_is_refused_in_english_too() {
    let (mut app, _dir) = demo_app(20, Lang::En);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Test Person");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "3514023205800003");
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("⚠ Digits 7–12 (birth date) are not a real date"),
        "{screen}"
    );
    assert!(screen.contains("3514023205800003"), "input kept");
}

#[test]
fn nik_disagreeing_with_birth_date_is_a_warning_that_can_be_accepted() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Paimin Suroso");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "3514021705800099");
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab); // KK, sex, birth place, birth date
    }
    type_text(&mut app, "17-05-1981");
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("! NIK menyebut lahir 17-05-..80"),
        "{screen}"
    );
    assert!(screen.contains("Tekan Ctrl-S lagi untuk tetap menyimpan"));
    let before = app.roster.rows().len();
    ctrl(&mut app, 's');
    assert_eq!(
        app.roster.rows().len(),
        before + 1,
        "second save accepts the warning"
    );
}

#[test]
fn a_nik_held_by_someone_else_is_refused_naming_them() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    let holder = app
        .roster
        .rows()
        .iter()
        .find(|r| r.nik.is_some())
        .unwrap()
        .clone();
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Orang Lain Sekali");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, holder.nik.as_ref().unwrap().as_str());
    ctrl(&mut app, 's');
    ctrl(&mut app, 's'); // accept any birth/sex warning
    // Same NIK is a likely duplicate first: continue as a new person to reach the refusal.
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Mungkin orang yang sama"), "{screen}");
    assert!(screen.contains("NIK sama"));
    key(&mut app, KeyCode::Char('c'));
    let screen = text(&render(&app, 80, 24));
    let name = mentas::domain::names::display_name(&holder.name, &holder.nickname);
    assert!(
        screen.contains(&format!("NIK ini sudah dipakai {name} ({})", holder.reg_no)),
        "{screen}"
    );
}

#[test]
fn a_returning_person_is_found_and_gets_a_new_stay() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    let exited = app
        .roster
        .rows()
        .iter()
        .find(|r| r.status == Status::Exited && !r.name.is_empty())
        .unwrap()
        .clone();
    key(&mut app, KeyCode::Char('n'));
    // A spelling variant: drop one doubled letter if any, else the same name.
    type_text(&mut app, &exited.name.replacen("mm", "m", 1));
    let year = exited.birth.year();
    for _ in 0..6 {
        key(&mut app, KeyCode::Tab);
    }
    if let Some(y) = year {
        type_text(&mut app, &y.to_string());
    }
    // Origin: same as before (typing its name in the choice).
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    let origin = mentas::ui::text::origin(Lang::Id, exited.origin);
    type_text(&mut app, &origin);
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("duplicates", screen);
    assert!(screen.contains(exited.reg_no.as_str()), "{screen}");
    assert!(screen.contains("sudah keluar: membuka berarti memulai tinggal baru"));
    // Put the exited person under the highlight, then open them.
    let Some(mentas::ui::popups::Popup::Duplicates(dups)) = app.popups.last() else {
        panic!("no duplicates popup")
    };
    let at = dups
        .found
        .iter()
        .position(|m| m.row.id == exited.id)
        .unwrap();
    for _ in 0..at {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    let row = app
        .roster
        .rows()
        .iter()
        .find(|r| r.id == exited.id)
        .unwrap();
    assert_eq!(row.status, Status::Active);
    assert_eq!(row.stays, exited.stays + 1);
    let detail = text(&render(&app, 100, 60));
    assert!(detail.contains("Tinggal baru dimulai"), "{detail}");
    assert!(
        detail.contains(&format!(
            "Tinggal ke-{}: 28 Nov 2026 – sekarang",
            exited.stays + 1
        )),
        "{detail}"
    );
    assert!(
        detail.contains("Tinggal ke-1:"),
        "earlier stays stay visible"
    );
}

#[test]
fn the_whole_path_with_keys_only_survives_reopening_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 30);
    let mut app = app_on(service.clone(), Lang::Id);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Bambang Eko Prasetyo");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Eko");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab); // NIK unknown
    key(&mut app, KeyCode::Tab); // KK unknown
    key(&mut app, KeyCode::Tab); // sex: Laki-laki
    type_text(&mut app, "Bangil");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "1971");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right); // Islam
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "SD");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Kab. Pasuruan");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Bu Tini (adik) 0812-0000-1111");
    key(&mut app, KeyCode::Tab); // admission date stays today
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Razia");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "B2");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "4");
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Tersimpan: Bambang Eko Prasetyo (2026/"),
        "{screen}"
    );
    let row = app.roster.selected_row().unwrap().clone();
    assert_eq!(row.name, "Bambang Eko Prasetyo");
    assert!(
        screen.contains("Bambang Eko Prasetyo"),
        "the row is on screen"
    );
    drop(app);
    drop(service);
    // Reopen the store from disk: still there, every field as typed.
    let store = Store::open(dir.path()).unwrap();
    let service = Arc::new(Service::new(store, clock()));
    let app = app_on(service, Lang::Id);
    let again = app.roster.rows().iter().find(|r| r.id == row.id).unwrap();
    assert_eq!(again.name, "Bambang Eko Prasetyo");
    assert_eq!(again.nickname, "Eko");
    assert_eq!(again.birth, mentas::domain::BirthDate::ApproxYear(1971));
    assert_eq!(again.origin, mentas::domain::Origin::Regency(3514));
    assert_eq!((again.room.as_str(), again.bed.as_str()), ("B2", "4"));
    assert_eq!(again.status, Status::Active);
}

#[test]
fn a_stale_edit_is_refused_naming_who_changed_it_and_keeps_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 20);
    let mut first = app_on(service.clone(), Lang::Id);
    let mut second = app_on(service, Lang::Id);
    key(&mut first, KeyCode::Char('e'));
    key(&mut second, KeyCode::Char('e'));
    go_to(&mut first, Field::Notes);
    type_text(&mut first, " catatan pertama");
    ctrl(&mut first, 's');
    go_to(&mut second, Field::Notes);
    type_text(&mut second, " catatan kedua");
    ctrl(&mut second, 's');
    let screen = text(&render(&second, 100, 30));
    assert!(screen.contains("Diubah oleh"), "{screen}");
    assert!(screen.contains("14:32"));
    assert!(screen.contains("catatan kedua"), "input kept");
    ctrl(&mut second, 's');
    assert!(text(&render(&second, 100, 30)).contains("Perubahan tersimpan"));
}

#[test]
fn a_conflict_shows_what_differs_and_can_take_the_other_version() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 20);
    let mut first = app_on(service.clone(), Lang::Id);
    let mut second = app_on(service, Lang::Id);
    key(&mut first, KeyCode::Char('e'));
    key(&mut second, KeyCode::Char('e'));
    go_to(&mut first, Field::Room);
    for _ in 0..5 {
        key(&mut first, KeyCode::Backspace);
    }
    type_text(&mut first, "Z9");
    ctrl(&mut first, 's');
    go_to(&mut second, Field::Notes);
    type_text(&mut second, " kedua");
    ctrl(&mut second, 's');
    let screen = text(&render(&second, 100, 40));
    assert!(screen.contains("! versi lain: Z9"), "{screen}");
    assert!(screen.contains("Ctrl-T ambil versi lain"), "{screen}");
    ctrl(&mut second, 't');
    let screen = text(&render(&second, 100, 40));
    assert!(screen.contains("Versi terbaru dimuat"), "{screen}");
    assert!(
        screen.contains("Z9") && !screen.contains(" kedua"),
        "their version replaced the input"
    );
    ctrl(&mut second, 's');
    assert!(text(&render(&second, 100, 40)).contains("Tidak ada yang berubah"));
}
