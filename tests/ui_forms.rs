//! The resident form driven with keys: validation next to the field, warnings that can be
//! accepted, duplicates at intake, and a save that survives reopening the store.

mod support;

use std::sync::Arc;

use mentas::client::{Connection, LocalConnection};
use mentas::domain::{Client, ClientId, Field, Status};
use mentas::service::Service;
use mentas::store::Store;
use mentas::ui::text::Lang;
use ratatui::crossterm::event::KeyCode;
use support::*;

/// Moves focus to `field` with Tab, from wherever it is.
fn go_to(app: &mut mentas::ui::app::App, field: Field) {
    let target = Field::ALL.iter().position(|f| *f == field).unwrap();
    for _ in 0..Field::ALL.len() {
        let Some(mentas::ui::popups::Popup::ClientForm(form)) = app.popups.last() else {
            panic!("no resident form")
        };
        if form.fields.focus == target {
            return;
        }
        key(app, KeyCode::Tab);
    }
    panic!("{field:?} not reached");
}

/// A connection of its own, to read whole records as stored.
fn stored(service: &Arc<Service>, id: ClientId) -> Client {
    let mut conn: Box<dyn Connection> = Box::new(LocalConnection::new(service.clone(), USER));
    conn.get_client(id).unwrap().client
}

/// The screen's text inside the form's frame, rows joined by spaces, so a sentence that
/// wraps onto the next row reads whole.
fn joined(app: &mentas::ui::app::App, w: u16, h: u16) -> String {
    let rows: Vec<String> = lines(&render(app, w, h))
        .iter()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' ').to_string())
        .collect();
    rows.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
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
    go_to(&mut app, Field::Sex);
    type_text(&mut app, "laki");
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
    key(&mut app, KeyCode::Tab); // KK
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "laki"); // sex
    key(&mut app, KeyCode::Tab); // birth place
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "17-05-1981");
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("! NIK menyebut lahir 17 Mei 1980"),
        "the NIK's date reads like every other date: {screen}"
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
    go_to(&mut app, Field::Nik);
    type_text(&mut app, holder.nik.as_ref().unwrap().as_str());
    go_to(&mut app, Field::Sex);
    type_text(&mut app, "laki");
    ctrl(&mut app, 's');
    ctrl(&mut app, 's'); // accept any birth/sex warning
    // Same NIK: the list says whose it is and offers only opening them or going back.
    let screen = text(&render(&app, 80, 24));
    let flat = joined(&app, 80, 24);
    let name = mentas::domain::names::display_name(&holder.name, &holder.nickname);
    assert!(screen.contains("Mungkin orang yang sama"), "{screen}");
    assert!(screen.contains("NIK sama"));
    assert!(
        flat.contains(&format!("NIK ini sudah dipakai {name} ({})", holder.reg_no)),
        "{flat}"
    );
    assert!(!screen.contains("lanjut sebagai orang baru"), "{screen}");
    let rows = app.roster.rows().len();
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.roster.rows().len(), rows, "c does not create anyone");
    assert!(text(&render(&app, 80, 24)).contains("Mungkin orang yang sama"));
    // Esc goes back to the form with everything typed, to fix the NIK.
    key(&mut app, KeyCode::Esc);
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Orang Lain Sekali"), "{screen}");
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
    let typed_name = exited.name.replacen("mm", "m", 1);
    type_text(&mut app, &typed_name);
    let year = exited.birth.year();
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, mentas::ui::text::sex(Lang::Id, exited.sex));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
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
    if typed_name != exited.name {
        // The spelling differs from the record: the recorded one stays, the typed one is
        // shown to choose; saving keeps the record's.
        let screen = text(&render(&app, 80, 24));
        assert!(screen.contains("Masuk kembali"), "{screen}");
        assert!(
            screen.contains(&format!("! diketik: {typed_name}")),
            "{screen}"
        );
        ctrl(&mut app, 's');
    }
    let row = app
        .roster
        .rows()
        .iter()
        .find(|r| r.id == exited.id)
        .unwrap();
    assert_eq!(row.name, exited.name);
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
    type_text(&mut app, "laki"); // sex: Laki-laki, chosen by typing
    key(&mut app, KeyCode::Tab);
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
    type_text(&mut app, "Z5");
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
    assert_eq!((again.room.as_str(), again.bed.as_str()), ("Z5", "4"));
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

/// Two sessions with the same resident's form open (the roster's first row).
fn two_editors(service: &Arc<Service>) -> (mentas::ui::app::App, mentas::ui::app::App) {
    let mut first = app_on(service.clone(), Lang::Id);
    let mut second = app_on(service.clone(), Lang::Id);
    key(&mut first, KeyCode::Char('e'));
    key(&mut second, KeyCode::Char('e'));
    (first, second)
}

/// Empties the focused text field and types `text`.
fn retype(app: &mut mentas::ui::app::App, text: &str) {
    key(app, KeyCode::End);
    for _ in 0..80 {
        key(app, KeyCode::Backspace);
    }
    type_text(app, text);
}

#[test]
fn after_a_conflict_their_change_to_a_field_i_did_not_touch_survives_keep_mine() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 20);
    let id = app_on(service.clone(), Lang::Id)
        .roster
        .selected_row()
        .unwrap()
        .id;
    let (mut first, mut second) = two_editors(&service);
    go_to(&mut first, Field::Nickname);
    retype(&mut first, "Dulah");
    ctrl(&mut first, 's');
    go_to(&mut second, Field::Name);
    retype(&mut second, "Abdullah Syukur");
    ctrl(&mut second, 's');
    let screen = text(&render(&second, 100, 40));
    assert!(screen.contains("Diubah oleh"), "{screen}");
    // Only the nickname is theirs: marked, and already in the form. My name is not marked.
    assert!(screen.contains("Dulah"), "{screen}");
    assert!(screen.contains("! diubah oleh"), "{screen}");
    assert_eq!(
        screen.matches("! ").count(),
        1,
        "one field marked: {screen}"
    );
    assert!(screen.contains("Abdullah Syukur"), "my input kept");
    ctrl(&mut second, 's');
    assert!(text(&render(&second, 100, 40)).contains("Perubahan tersimpan"));
    let saved = stored(&service, id);
    assert_eq!(saved.details.name, "Abdullah Syukur", "mine");
    assert_eq!(saved.details.nickname, "Dulah", "theirs, not undone");
}

#[test]
fn a_field_both_changed_shows_both_and_keep_mine_wins() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 20);
    let id = app_on(service.clone(), Lang::Id)
        .roster
        .selected_row()
        .unwrap()
        .id;
    let (mut first, mut second) = two_editors(&service);
    go_to(&mut first, Field::Room);
    retype(&mut first, "Z9");
    ctrl(&mut first, 's');
    go_to(&mut second, Field::Room);
    retype(&mut second, "Z7");
    ctrl(&mut second, 's');
    let screen = text(&render(&second, 100, 40));
    assert!(
        screen.contains("juga mengubah ini: Z9"),
        "theirs shown: {screen}"
    );
    assert!(screen.contains("Z7"), "mine kept: {screen}");
    ctrl(&mut second, 's');
    assert_eq!(stored(&service, id).details.room, "Z7");
}

#[test]
fn a_conflict_can_take_the_other_version() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 20);
    let (mut first, mut second) = two_editors(&service);
    go_to(&mut first, Field::Room);
    retype(&mut first, "Z9");
    ctrl(&mut first, 's');
    go_to(&mut second, Field::Notes);
    type_text(&mut second, " kedua");
    ctrl(&mut second, 's');
    let screen = text(&render(&second, 100, 40));
    assert!(screen.contains("Ctrl-T ambil versi mereka"), "{screen}");
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

#[test]
fn a_conflict_from_a_status_change_says_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 20);
    let (mut first, mut second) = two_editors(&service);
    key(&mut first, KeyCode::Esc);
    key(&mut first, KeyCode::Char('s'));
    type_text(&mut first, "sakit");
    ctrl(&mut first, 's');
    assert!(text(&render(&first, 100, 40)).contains("Status sakit tersimpan"));
    go_to(&mut second, Field::Notes);
    type_text(&mut second, " kedua");
    ctrl(&mut second, 's');
    let screen = joined(&second, 100, 40);
    assert!(
        screen.contains("Status diubah oleh") && screen.contains("→ sakit"),
        "{screen}"
    );
}

#[test]
fn both_nik_warnings_show_whole_at_80x24() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Paimin Suroso");
    go_to(&mut app, Field::Nik);
    type_text(&mut app, "3514021705800099"); // a man born 17-05-80
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "perempuan");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "09-10-1981");
    ctrl(&mut app, 's');
    let screen = joined(&app, 80, 24);
    assert!(
        screen.contains("! NIK menyebut lahir 17 Mei 1980, tidak sama dengan tanggal lahir"),
        "{screen}"
    );
    assert!(
        screen.contains("! NIK menyebut laki-laki, tidak sama dengan jenis kelamin"),
        "{screen}"
    );
}

#[test]
fn sex_starts_unset_and_must_be_chosen() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    let before = app.roster.rows().len();
    key(&mut app, KeyCode::Char('n'));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Jenis kelamin   — pilih —"), "{screen}");
    type_text(&mut app, "Sulastri");
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("⚠ Wajib dipilih"),
        "next to the field: {screen}"
    );
    assert!(screen.contains("Ada 1 isian"), "{screen}");
    assert_eq!(app.roster.rows().len(), before, "nothing saved");
    type_text(&mut app, "perem"); // focus is on the sex field
    ctrl(&mut app, 's');
    assert_eq!(app.roster.rows().len(), before + 1);
    let row = app.roster.selected_row().unwrap();
    assert_eq!(row.sex, mentas::domain::Sex::Female);
    // Editing someone keeps their recorded sex.
    key(&mut app, KeyCode::Char('e'));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Jenis kelamin   Perempuan"), "{screen}");
}

#[test]
fn the_whole_form_fits_at_80x24_and_the_focused_field_stays_in_view() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    key(&mut app, KeyCode::Char('n'));
    let screen = text(&render(&app, 80, 24));
    for label in ["Nama lengkap", "Jenis kelamin", "Tempat tidur", "Catatan"] {
        assert!(screen.contains(label), "{label} off screen: {screen}");
    }
    assert!(
        screen.contains("Tab/Enter berikut/simpan") && screen.contains("Ctrl-S simpan"),
        "{screen}"
    );
    // Enter moves on; a problem at the top and focus at the bottom both show.
    go_to(&mut app, Field::Notes);
    type_text(&mut app, "kambuh");
    ctrl(&mut app, 's'); // no name, no sex: focus goes to the first problem
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("⚠ Nama lengkap"), "{screen}");
    for _ in 0..20 {
        key(&mut app, KeyCode::Enter);
        let screen = text(&render(&app, 80, 24));
        let Some(mentas::ui::popups::Popup::ClientForm(form)) = app.popups.last() else {
            panic!("Enter does not save")
        };
        let label = &form.fields.items[form.fields.focus].label;
        assert!(
            screen.contains(label.as_str()),
            "{label} not in view: {screen}"
        );
    }
}

#[test]
fn a_returning_resident_keeps_what_was_typed_about_this_stay() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 100);
    let mut app = app_on(service.clone(), Lang::Id);
    let exited = app
        .roster
        .rows()
        .iter()
        .find(|r| r.status == Status::Exited && !r.name.is_empty())
        .unwrap()
        .clone();
    let old = stored(&service, exited.id);
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, &old.details.name);
    go_to(&mut app, Field::Sex);
    type_text(&mut app, mentas::ui::text::sex(Lang::Id, old.details.sex));
    if old.details.kk.is_none() {
        go_to(&mut app, Field::Kk);
        type_text(&mut app, "3514020101090001");
    }
    go_to(&mut app, Field::Origin);
    type_text(
        &mut app,
        &mentas::ui::text::origin(Lang::Id, old.details.origin),
    );
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "Bu Siti (kakak) 0812-3333-4444");
    go_to(&mut app, Field::Room);
    type_text(&mut app, "C3");
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "2");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "kambuh, diantar keluarga");
    ctrl(&mut app, 's');
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
    let detail = text(&render(&app, 100, 60));
    assert!(detail.contains("Tinggal baru dimulai"), "{detail}");
    let now = stored(&service, exited.id);
    assert_eq!(now.status(), Status::Active);
    assert_eq!(now.stays.len(), old.stays.len() + 1);
    let d = &now.details;
    assert_eq!((d.room.as_str(), d.bed.as_str()), ("C3", "2"));
    assert_eq!(d.family_contact, "Bu Siti (kakak) 0812-3333-4444");
    assert_eq!(d.notes, "kambuh, diantar keluarga");
    assert_eq!(d.stage, mentas::domain::Stage::Intake);
    assert_eq!(
        d.birth, old.details.birth,
        "nothing typed there: the record's"
    );
    if old.details.kk.is_none() {
        assert_eq!(
            d.kk.as_ref().unwrap().as_str(),
            "3514020101090001",
            "filled in"
        );
    } else {
        assert_eq!(d.kk, old.details.kk);
    }
}

#[test]
fn a_returning_resident_whose_record_disagrees_is_asked_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 100);
    let mut app = app_on(service.clone(), Lang::Id);
    let rows: Vec<_> = app.roster.rows().to_vec();
    let old = rows
        .iter()
        .filter(|r| r.status == Status::Exited && !r.name.is_empty())
        .map(|r| stored(&service, r.id))
        .find(|c| !c.details.birth_place.is_empty())
        .expect("an exited resident with a birth place");
    let typed_place = "Kota Antah Berantah";
    let intake = |app: &mut mentas::ui::app::App| {
        key(app, KeyCode::Char('n'));
        type_text(app, &old.details.name);
        go_to(app, Field::Sex);
        type_text(app, mentas::ui::text::sex(Lang::Id, old.details.sex));
        key(app, KeyCode::Tab);
        type_text(app, typed_place);
        go_to(app, Field::Origin);
        type_text(app, &mentas::ui::text::origin(Lang::Id, old.details.origin));
    };
    let open_existing = |app: &mut mentas::ui::app::App| {
        ctrl(app, 's');
        let Some(mentas::ui::popups::Popup::Duplicates(dups)) = app.popups.last() else {
            panic!("no duplicates popup")
        };
        let at = dups.found.iter().position(|m| m.row.id == old.id).unwrap();
        for _ in 0..at {
            key(app, KeyCode::Down);
        }
        key(app, KeyCode::Enter);
    };
    intake(&mut app);
    open_existing(&mut app);
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Masuk kembali"), "{screen}");
    assert!(
        screen.contains(&old.details.birth_place),
        "the record's value in the field"
    );
    assert!(
        screen.contains(&format!("! diketik: {typed_place}")),
        "the typed one marked: {screen}"
    );
    assert_eq!(
        stored(&service, old.id).status(),
        Status::Exited,
        "nothing saved yet"
    );
    // Esc goes back to the intake form with everything typed.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('y'));
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Klien baru") && screen.contains(typed_place),
        "{screen}"
    );
    // Again, this time choosing the typed value with Ctrl-T and saving.
    open_existing(&mut app);
    ctrl(&mut app, 't');
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains(&format!("! tercatat: {}", old.details.birth_place)),
        "{screen}"
    );
    ctrl(&mut app, 's');
    let now = stored(&service, old.id);
    assert_eq!(now.status(), Status::Active);
    assert_eq!(now.stays.len(), old.stays.len() + 1);
    assert_eq!(now.details.birth_place, typed_place);
    assert!(text(&render(&app, 100, 60)).contains("Tinggal baru dimulai"));
}

#[test]
fn a_bed_held_by_someone_else_is_refused_next_to_the_room_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 100);
    let mut app = app_on(service.clone(), Lang::Id);
    let me = app.roster.selected_row().unwrap().clone();
    // Someone away on leave still holds their bed.
    let holder = app
        .roster
        .rows()
        .iter()
        .find(|r| r.id != me.id && r.status == Status::Leave && !r.bed.is_empty())
        .expect("a resident on izin with a bed in the demo")
        .clone();
    key(&mut app, KeyCode::Char('e'));
    go_to(&mut app, Field::Room);
    retype(&mut app, &holder.room);
    key(&mut app, KeyCode::Tab);
    retype(&mut app, &holder.bed);
    ctrl(&mut app, 's');
    let flat = joined(&app, 80, 24);
    let name = mentas::domain::names::display_name(&holder.name, &holder.nickname);
    assert!(
        flat.contains(&format!(
            "⚠ Kamar dan bed ini masih ditempati {name} ({})",
            holder.reg_no
        )),
        "{flat}"
    );
    assert!(!flat.contains("Perubahan tersimpan"), "{flat}");
    // What was typed stays, and nothing was saved.
    let form = text(&render(&app, 80, 24));
    assert!(form.contains("Kamar"), "{form}");
    assert_eq!(stored(&service, me.id).details.bed, me.bed.as_str());
}

#[test]
fn enter_on_the_last_field_saves_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 20);
    let mut app = app_on(service.clone(), Lang::Id);
    let id = app.roster.selected_row().unwrap().id;
    key(&mut app, KeyCode::Char('e'));
    go_to(&mut app, Field::Notes);
    type_text(&mut app, " (kambuh)");
    key(&mut app, KeyCode::Enter);
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Perubahan tersimpan"), "{screen}");
    assert!(stored(&service, id).details.notes.ends_with(" (kambuh)"));
    // On any other field Enter only moves on.
    key(&mut app, KeyCode::Char('e'));
    go_to(&mut app, Field::Name);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.popups.last(),
        Some(mentas::ui::popups::Popup::ClientForm(f)) if f.fields.focus == 1
    ));
}

#[test]
fn text_typed_into_a_choice_shows_and_picks_nothing_it_does_not_match() {
    let (mut app, _dir) = demo_app(20, Lang::Id);
    key(&mut app, KeyCode::Char('n'));
    go_to(&mut app, Field::Religion);
    let before = text(&render(&app, 80, 24));
    type_text(&mut app, "pasuruan");
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("\"pasuruan\" ✗"), "{screen}");
    assert!(
        !screen.contains("Kristen"),
        "no religion picked by it: {screen}"
    );
    assert!(
        before.contains("Agama           ◀ tidak diketahui ▶"),
        "{before}"
    );
    assert!(
        screen.contains("Agama           ◀ tidak diketahui ▶  \"pasuruan\" ✗"),
        "the value did not change: {screen}"
    );
    // A name it matches is found, and shown as typed.
    for _ in 0.."pasuruan".len() {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "hin");
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("◀ Hindu ▶  \"hin\""), "{screen}");
}
