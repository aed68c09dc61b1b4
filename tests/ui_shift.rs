//! The shift supervisor's screens on demo data: Hari ini, the roll call (keys counted),
//! handover notes; numbers checked against the records.

mod support;

use mentas::client::ConnEvent;
use mentas::domain::Status;
use mentas::domain::roll_call::Presence;
use mentas::protocol::Notice;
use mentas::ui::app::{AppEvent, Screen};
use mentas::ui::text::Lang;
use ratatui::crossterm::event::KeyCode;
use support::*;

fn count(app: &mentas::ui::app::App, status: Status) -> usize {
    app.roster
        .rows()
        .iter()
        .filter(|r| r.status == status)
        .count()
}

#[test]
fn today_shows_the_headcount_roll_call_progress_handover_and_due_list_from_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_opening(demo_service(&dir, 100), Lang::Id);
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("today_80x24", screen);
    let lines = lines(&render(&app, 80, 24));
    assert!(lines[1].contains("1 Hari ini"), "{}", lines[1]);
    assert!(
        lines[2].contains("Sab 28 Nov 2026") && lines[2].contains("piket siang (14:00–21:00)"),
        "{}",
        lines[2]
    );
    let in_residence = app
        .roster
        .rows()
        .iter()
        .filter(|r| r.status != Status::Exited)
        .count();
    let expect = |label: &str, n: usize| {
        assert!(
            lines
                .iter()
                .any(|l| l.contains(label) && l.contains(&format!(" {n}"))),
            "{label} {n} not on screen:\n{screen}"
        );
    };
    // Registered (kabur included: they keep their place) against capacity.
    expect("Terdaftar", in_residence);
    assert!(screen.contains(&format!("{in_residence} / 110")));
    expect("aktif / hadir", count(&app, Status::Active));
    expect("izin", count(&app, Status::Leave));
    expect("sakit", count(&app, Status::Sick));
    expect("dirujuk", count(&app, Status::Referred));
    expect("kabur", count(&app, Status::Absconded));
    // Today's roll call is not taken yet: only the marks the statuses imply (izin, sakit,
    // dirujuk, and kabur: nobody expects to see them).
    let implied = count(&app, Status::Leave)
        + count(&app, Status::Sick)
        + count(&app, Status::Referred)
        + count(&app, Status::Absconded);
    assert!(
        screen.contains(&format!(
            "Apel siang: {implied} dari {in_residence} ditandai"
        )),
        "{screen}"
    );
    assert!(screen.contains("Serah terima terakhir"));
    assert!(screen.contains("Perlu ditindaklanjuti"));
    assert!(
        screen.contains("kabur sejak"),
        "absconded residents are due: {screen}"
    );
    // Who is logged in, by name; the due lines that do not fit are counted.
    assert!(screen.contains("masuk: Hartono, S.Sos"), "{screen}");
    let due_lines = lines
        .iter()
        .filter(|l| l.starts_with("│· ") || l.starts_with("│! "))
        .count();
    assert!(
        screen.contains(&format!("Perlu ditindaklanjuti ({})", due_lines + 4))
            && screen.contains("│↓ 4 lagi"),
        "{screen}"
    );
}

#[test]
fn every_number_opens_the_residents_behind_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 100), Lang::Id);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down); // izin
    key(&mut app, KeyCode::Enter);
    let Some(mentas::ui::popups::Popup::People(people)) = app.popups.last() else {
        panic!("no list")
    };
    let expected: Vec<_> = app
        .roster
        .rows()
        .iter()
        .filter(|r| r.status == Status::Leave)
        .map(|r| r.id)
        .collect();
    let mut shown: Vec<_> = people.rows.iter().map(|r| r.id).collect();
    shown.sort();
    assert_eq!(shown, expected);
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains(&format!("izin ({})", expected.len())),
        "{screen}"
    );
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen, Screen::Detail(_)),
        "Enter opens the resident"
    );
    key(&mut app, KeyCode::Esc);
    assert!(
        matches!(app.screen, Screen::Today(_)),
        "Esc goes back to Hari ini"
    );
}

#[test]
fn a_full_roll_call_of_100_with_5_exceptions_takes_at_most_20_keys() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 100);
    let mut app = app_opening(service, Lang::Id);
    let keys = std::cell::Cell::new(0);
    let press = |app: &mut mentas::ui::app::App, code: KeyCode| {
        keys.set(keys.get() + 1);
        key(app, code);
    };
    press(&mut app, KeyCode::Char('3'));
    let Screen::RollCall(screen) = &app.screen else {
        panic!("not on the roll call")
    };
    let total = screen.roll.rows.len();
    // Five residents now aktif (no implied mark) become exceptions: 3 sakit, 1 izin, 1 kabur.
    let picks: Vec<(usize, mentas::domain::ClientId)> = screen
        .roll
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.presence().is_none())
        .map(|(i, r)| (i + 1, r.client))
        .filter(|(n, _)| *n >= 10)
        .step_by(17)
        .take(5)
        .collect();
    assert_eq!(picks.len(), 5);
    let marks = ['s', 's', 's', 'i', 'k'];
    for ((number, _), mark) in picks.iter().zip(marks) {
        for digit in number.to_string().chars() {
            press(&mut app, KeyCode::Char(digit));
        }
        press(&mut app, KeyCode::Char(mark));
        if mark == 'k' {
            // Last seen defaults to now; Ctrl-S accepts it.
            keys.set(keys.get() + 1);
            ctrl(&mut app, 's');
        }
    }
    // H asks first (one slip must not mark fifty rows); y marks the rest hadir.
    press(&mut app, KeyCode::Char('H'));
    press(&mut app, KeyCode::Char('y'));
    let Screen::RollCall(screen) = &app.screen else {
        panic!("left the roll call")
    };
    assert_eq!(screen.roll.marked(), total, "every resident marked");
    let presence = |id| {
        screen
            .roll
            .rows
            .iter()
            .find(|r| r.client == id)
            .and_then(|r| r.presence())
    };
    let expected = [
        Presence::Sick,
        Presence::Sick,
        Presence::Sick,
        Presence::Leave,
        Presence::Absconded,
    ];
    for ((_, id), want) in picks.iter().zip(expected) {
        assert_eq!(presence(*id), Some(want));
    }
    let kabur = app
        .roster
        .rows()
        .iter()
        .find(|r| r.id == picks[4].1)
        .unwrap();
    assert_eq!(
        kabur.status,
        Status::Absconded,
        "a kabur mark changes the status"
    );
    let keys = keys.get();
    println!("roll call of {total} residents with 5 exceptions: {keys} keys");
    assert!(keys <= 20, "{keys} keys");
}

#[test]
fn a_half_done_roll_call_shows_its_progress() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 100), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    let Screen::RollCall(rc) = &app.screen else {
        panic!()
    };
    let first_open = rc.roll.rows.iter().position(|r| r.presence().is_none());
    assert!(first_open > Some(0), "the demo's first row is pre-marked");
    assert_eq!(
        rc.selected_row().map(|r| r.client),
        first_open.map(|i| rc.roll.rows[i].client),
        "the roll call opens on the first row still to be marked"
    );
    for _ in 0..40 {
        key(&mut app, KeyCode::Char('h'));
    }
    let screen = text(&render(&app, 80, 24));
    insta::assert_snapshot!("roll_call_half_done", screen);
    let Screen::RollCall(rc) = &app.screen else {
        panic!()
    };
    let (marked, total) = (rc.roll.marked(), rc.roll.rows.len());
    assert!(marked >= 40 && marked < total);
    // Forty h marked forty rows that needed a mark: rows pre-marked from a status (izin,
    // sakit, dirujuk, kabur) were stepped over, not overwritten.
    assert_eq!(rc.roll.count(Presence::Present), 40);
    let implied = rc
        .roll
        .rows
        .iter()
        .filter(|r| r.mark.is_none() && r.implied.is_some());
    assert_eq!(marked, 40 + implied.count());
    assert!(
        screen.contains(&format!("{marked} dari {total} ditandai")),
        "{screen}"
    );
    assert!(
        screen.contains("ditandai · berlangsung\n"),
        "the shift is running: {screen}"
    );
    // Unmarked only, then a name jump.
    key(&mut app, KeyCode::Char('u'));
    let Screen::RollCall(rc) = &app.screen else {
        panic!()
    };
    assert!(rc.selected_row().unwrap().presence().is_none());
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Today(_)));
    assert!(text(&render(&app, 80, 24)).contains(&format!("Apel siang: {marked} dari {total}")));
}

#[test]
fn marks_by_two_staff_at_once_end_in_the_union_of_both() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 60);
    let mut a = app_opening(service.clone(), Lang::Id);
    let mut b = app_opening(service, Lang::Id);
    key(&mut a, KeyCode::Char('3'));
    key(&mut b, KeyCode::Char('3'));
    // b starts half-way down (row 31); each mark moves both on to their next unmarked row.
    key(&mut b, KeyCode::Char('3'));
    key(&mut b, KeyCode::Char('1'));
    for _ in 0..10 {
        key(&mut a, KeyCode::Char('h'));
        key(&mut b, KeyCode::Char('s'));
    }
    let Screen::RollCall(rc) = &a.screen else {
        panic!()
    };
    let slot = rc.roll.slot;
    a.handle(AppEvent::Conn(ConnEvent::Notice(Notice::RollCall(slot))));
    let Screen::RollCall(rc) = &a.screen else {
        panic!()
    };
    assert_eq!(rc.roll.count(Presence::Present), 10, "a's marks");
    assert!(
        rc.roll
            .rows
            .iter()
            .filter(|r| r
                .mark
                .as_ref()
                .is_some_and(|m| m.presence == Presence::Sick))
            .count()
            >= 10,
        "b's marks arrived"
    );
}

#[test]
fn handover_notes_are_written_and_never_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 20);
    let mut a = app_opening(service.clone(), Lang::Id);
    let mut b = app_opening(service, Lang::Id);
    key(&mut a, KeyCode::Char('n'));
    key(&mut b, KeyCode::Char('n'));
    type_text(&mut a, "Pak Slamet demam,");
    key(&mut a, KeyCode::Enter);
    type_text(&mut a, "sudah diberi obat.");
    type_text(&mut b, "Air PDAM mati sore ini.");
    let editor = text(&render(&a, 80, 24));
    insta::assert_snapshot!("handover_editor", editor);
    assert!(editor.contains("Serah terima piket siang"));
    ctrl(&mut a, 's');
    ctrl(&mut b, 's');
    let screen = text(&render(&b, 80, 24));
    assert!(
        screen.contains("Catatan serah terima tersimpan"),
        "{screen}"
    );
    assert!(
        screen.contains("Air PDAM mati sore ini."),
        "b's note is the last one: {screen}"
    );
    key(&mut b, KeyCode::Char('h'));
    let list = text(&render(&b, 80, 40));
    assert!(
        list.contains("Air PDAM mati sore ini.") && list.contains("sudah diberi obat."),
        "{list}"
    );
}

#[test]
fn an_earlier_roll_call_is_browsable_and_a_staf_cannot_correct_it() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 30);
    let mut app = app_opening(service.clone(), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('['));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Apel pagi · Sab 28 Nov 2026"), "{screen}");
    assert!(
        screen.contains("perubahan = koreksi (supervisor)"),
        "{screen}"
    );
    // The demo head may correct; a staf may not.
    let mut staf = mentas::ui::app::App::new(
        Box::new(mentas::client::LocalConnection::new(service, "agus")),
        Lang::Id,
        mentas::ui::theme::Theme::mono(),
        clock(),
    )
    .unwrap();
    key(&mut staf, KeyCode::Char('3'));
    key(&mut staf, KeyCode::Char('['));
    key(&mut staf, KeyCode::Char('s'));
    let screen = text(&render(&staf, 80, 24));
    assert!(screen.contains("Perlu peran supervisor"), "{screen}");
    key(&mut app, KeyCode::Char('s'));
    assert!(!text(&render(&app, 80, 24)).contains("Perlu peran"));
}

/// The roll call on screen.
fn apel(app: &mentas::ui::app::App) -> &mentas::ui::screens::roll_call::RollCallScreen {
    match &app.screen {
        Screen::RollCall(rc) => rc,
        _ => panic!("not on the roll call"),
    }
}

/// Types a row number (1-based, as in the No column).
fn go_to_row(app: &mut mentas::ui::app::App, number: usize) {
    type_text(app, &number.to_string());
}

/// The first row (number, resident) whose row matches.
fn first_row(
    app: &mentas::ui::app::App,
    want: impl Fn(&mentas::domain::roll_call::RollCallRow) -> bool,
) -> (usize, mentas::domain::ClientId) {
    let (i, row) = apel(app)
        .roll
        .rows
        .iter()
        .enumerate()
        .find(|(_, r)| want(r))
        .expect("no such row");
    (i + 1, row.client)
}

fn row_of(app: &mentas::ui::app::App, id: mentas::domain::ClientId) -> mentas::domain::ClientRow {
    app.roster
        .rows()
        .iter()
        .find(|r| r.id == id)
        .unwrap()
        .clone()
}

fn name_of(app: &mentas::ui::app::App, id: mentas::domain::ClientId) -> String {
    let r = row_of(app, id);
    mentas::domain::names::display_name(&r.name, &r.nickname)
}

fn mark_of(app: &mentas::ui::app::App, id: mentas::domain::ClientId) -> Option<Presence> {
    apel(app).roll.row(id).and_then(|r| r.presence())
}

#[test]
fn space_cycles_the_selected_row_in_place_each_press_saved_never_to_kabur() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 60);
    let mut app = app_opening(service.clone(), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    let id = apel(&app).selected_row().unwrap().client;
    let slot = apel(&app).roll.slot;
    let expected = [
        Presence::Present,
        Presence::Leave,
        Presence::Sick,
        Presence::Referred,
        Presence::Present,
        Presence::Leave,
    ];
    for (i, want) in expected.into_iter().enumerate() {
        let code = if i % 2 == 0 {
            KeyCode::Char(' ')
        } else {
            KeyCode::Enter
        };
        key(&mut app, code);
        assert_eq!(
            apel(&app).selected_row().map(|r| r.client),
            Some(id),
            "press {i}: the selection stays on the row"
        );
        assert_eq!(mark_of(&app, id), Some(want), "press {i}");
        // Saved as it is made: another session reads the same mark.
        let mut other = app_opening(service.clone(), Lang::Id);
        key(&mut other, KeyCode::Char('3'));
        assert_eq!(apel(&other).roll.slot, slot);
        assert_eq!(mark_of(&other, id), Some(want), "press {i} saved");
    }
    assert_eq!(
        row_of(&app, id).status,
        Status::Active,
        "cycling past hadir and izin changed nothing in the status"
    );
    // In the unmarked-only view the row being cycled stays until the selection leaves it.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('u'));
    let id = apel(&app).selected_row().unwrap().client;
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(apel(&app).selected_row().map(|r| r.client), Some(id));
    assert_eq!(mark_of(&app, id), Some(Presence::Leave));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains(&name_of(&app, id)), "{screen}");
}

#[test]
fn a_kabur_resident_is_recorded_back_only_after_y() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 100), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    let (number, id) = first_row(&app, |r| r.implied == Some(Presence::Absconded));
    let name = name_of(&app, id);
    for (answer, code) in [("n", KeyCode::Char('n')), ("Esc", KeyCode::Esc)] {
        go_to_row(&mut app, number);
        key(&mut app, KeyCode::Char('h'));
        let screen = text(&render(&app, 80, 24));
        assert!(
            screen.contains(&format!("Catat {name} sudah kembali? y/n")),
            "{screen}"
        );
        key(&mut app, code);
        assert!(matches!(app.screen, Screen::RollCall(_)), "{answer} stays");
        assert_eq!(mark_of(&app, id), Some(Presence::Absconded), "{answer}");
        assert_eq!(row_of(&app, id).status, Status::Absconded, "{answer}");
        assert!(!text(&render(&app, 80, 24)).contains("sudah kembali?"));
    }
    // Space asks the same, and y records the return (the row stays selected).
    go_to_row(&mut app, number);
    key(&mut app, KeyCode::Char(' '));
    assert!(text(&render(&app, 80, 24)).contains("sudah kembali? y/n"));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(mark_of(&app, id), Some(Presence::Present));
    assert_eq!(row_of(&app, id).status, Status::Active);
    assert_eq!(apel(&app).selected_row().map(|r| r.client), Some(id));
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains(&format!("{name}: kembali dari kabur")),
        "{screen}"
    );
}

#[test]
fn hadir_for_someone_on_izin_records_the_return_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 100), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    let (number, id) = first_row(&app, |r| r.implied == Some(Presence::Leave));
    assert_eq!(row_of(&app, id).status, Status::Leave);
    go_to_row(&mut app, number);
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(row_of(&app, id).status, Status::Active, "back from izin");
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains(&format!("{}: kembali dari izin", name_of(&app, id))),
        "{screen}"
    );
    // Sakit is ill in the facility: hadir changes nothing in the status.
    let (number, id) = first_row(&app, |r| r.implied == Some(Presence::Sick));
    go_to_row(&mut app, number);
    key(&mut app, KeyCode::Char('h'));
    assert_eq!(mark_of(&app, id), Some(Presence::Present));
    assert_eq!(row_of(&app, id).status, Status::Sick);
    assert!(!text(&render(&app, 80, 24)).contains("kembali dari"));
}

#[test]
fn c_right_after_a_mark_notes_the_resident_just_marked() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 60), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('u'));
    let id = apel(&app).selected_row().unwrap().client;
    let name = name_of(&app, id);
    key(&mut app, KeyCode::Char('s'));
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains(&format!("c: catatan untuk {name}")),
        "{screen}"
    );
    assert_ne!(
        apel(&app).selected_row().map(|r| r.client),
        Some(id),
        "the marked row left the unmarked-only view"
    );
    key(&mut app, KeyCode::Char('c'));
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains(&format!("Catatan tanda: {name}")),
        "{screen}"
    );
    // A form of one field: Enter saves, and the footer says so.
    let footer = lines(&render(&app, 80, 24))[23].clone();
    assert!(footer.starts_with("Enter simpan  Esc batal"), "{footer}");
    type_text(&mut app, "demam");
    key(&mut app, KeyCode::Enter);
    assert!(app.popups.is_empty());
    let mark = apel(&app).roll.row(id).unwrap().mark.clone().unwrap();
    assert_eq!(
        (mark.presence, mark.note.as_str()),
        (Presence::Sick, "demam")
    );
    // With another key in between, c is for the selected row.
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Down);
    let selected = apel(&app).selected_row().unwrap().client;
    key(&mut app, KeyCode::Char('c'));
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains(&format!("Catatan tanda: {}", name_of(&app, selected))),
        "{screen}"
    );
}

#[test]
fn typed_text_in_the_kabur_or_note_form_is_not_thrown_away_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 30), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('k'));
    assert!(
        !app.has_unsaved_input(),
        "the default last-seen time is not input"
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.popups.is_empty(), "nothing typed: Esc just closes");
    for opener in ['k', 'c'] {
        key(&mut app, KeyCode::Char(opener));
        if opener == 'k' {
            key(&mut app, KeyCode::Tab);
        }
        type_text(&mut app, "dicari di pasar");
        assert!(app.has_unsaved_input(), "{opener}");
        key(&mut app, KeyCode::Esc);
        let screen = text(&render(&app, 80, 24));
        assert!(
            screen.contains("Buang isian yang belum disimpan?"),
            "{opener}: {screen}"
        );
        key(&mut app, KeyCode::Char('n'));
        assert!(
            text(&render(&app, 80, 24)).contains("dicari di pasar"),
            "{opener}: the text is still there"
        );
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Char('y'));
        assert!(app.popups.is_empty(), "{opener}");
    }
}

#[test]
fn g_opens_the_roll_call_of_a_typed_date_and_shift() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 30), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    let retype = |app: &mut mentas::ui::app::App, date: &str| {
        for _ in 0..12 {
            key(app, KeyCode::Backspace);
        }
        type_text(app, date);
        ctrl(app, 's');
    };
    key(&mut app, KeyCode::Char('g'));
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Buka apel") && screen.contains("28-11-2026"),
        "{screen}"
    );
    // Refused with the reason, the input kept.
    retype(&mut app, "29-11-2026");
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Tanggal itu belum tiba"), "{screen}");
    assert!(screen.contains("29-11-2026"), "{screen}");
    retype(&mut app, "01/01/2020");
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Belum ada catatan sebelum"), "{screen}");
    assert!(screen.contains("01/01/2020"), "{screen}");
    // Today's malam has not started at 14:32.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::BackTab);
    retype(&mut app, "28-11-2026");
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Piket malam hari ini belum mulai"),
        "{screen}"
    );
    // Four weeks back, the pagi shift: typed with slashes, the shift by its name.
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "pagi");
    key(&mut app, KeyCode::BackTab);
    retype(&mut app, "31/10/2026");
    assert!(app.popups.is_empty());
    let slot = apel(&app).roll.slot;
    assert_eq!(
        (slot.date.to_string(), slot.shift),
        (
            "2026-10-31".to_string(),
            mentas::domain::shift::Shift::Morning
        )
    );
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Apel pagi · Sab 31 Okt 2026"), "{screen}");
}

#[test]
fn on_apel_the_tabs_and_help_name_the_f_keys_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 20);
    for lang in [Lang::Id, Lang::En] {
        let mut app = app_opening(service.clone(), lang);
        assert!(lines(&render(&app, 80, 24))[1].contains(" 1 "));
        key(&mut app, KeyCode::Char('3'));
        let tabs = &lines(&render(&app, 80, 24))[1];
        let (today, apel) = match lang {
            Lang::Id => ("F5 Hari ini", "F7 Apel"),
            Lang::En => ("F5 Today", "F7 Roll call"),
        };
        assert!(tabs.contains(today) && tabs.contains(apel), "{tabs}");
        assert!(!tabs.contains(" 1 "), "{tabs}");
        // F6 opens the roster; the digit 2 jumps to row 2 instead.
        key(&mut app, KeyCode::Char('2'));
        assert!(matches!(app.screen, Screen::RollCall(_)));
        key(&mut app, KeyCode::Char('?'));
        let help = text(&render(&app, 100, 40));
        assert!(help.contains("F5–F9"), "{help}");
        assert!(!help.contains("1 2 3 4 5"), "{help}");
        match lang {
            Lang::Id => assert!(help.contains("Spasi"), "{help}"),
            Lang::En => {
                assert!(!help.contains("Spasi"), "{help}");
                assert!(help.contains("Space"), "{help}");
            }
        }
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::F(6));
        assert!(matches!(app.screen, Screen::Roster));
    }
}

/// A clock the test moves.
struct MovingClock(std::sync::Mutex<chrono::NaiveDateTime>);

impl mentas::clock::Clock for MovingClock {
    fn now(&self) -> chrono::NaiveDateTime {
        *self.0.lock().unwrap()
    }
}

#[test]
fn the_apel_header_follows_the_clock_through_the_grace_period_at_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 100);
    for lang in [Lang::Id, Lang::En] {
        let clock = std::sync::Arc::new(MovingClock(std::sync::Mutex::new(now())));
        let mut app = mentas::ui::app::App::new(
            Box::new(mentas::client::LocalConnection::new(service.clone(), USER)),
            lang,
            mentas::ui::theme::Theme::mono(),
            clock.clone(),
        )
        .unwrap();
        key(&mut app, KeyCode::Char('3'));
        key(&mut app, KeyCode::Char('u'));
        // Closed with rows nobody marked: how many, not "finished".
        let rc = &apel(&app).roll;
        let unmarked = rc.rows.len() - rc.marked();
        assert!(unmarked >= 10, "{unmarked}");
        let closed = match lang {
            Lang::Id => {
                format!("ditutup: {unmarked} belum ditandai; perubahan = koreksi (supervisor)")
            }
            Lang::En => {
                format!("closed: {unmarked} unmarked; changes are corrections (supervisor)")
            }
        };
        let states = match lang {
            Lang::Id => [
                "berlangsung",
                "berakhir 21:00 — masih bisa ditandai s.d. 21:30",
                closed.as_str(),
            ],
            Lang::En => [
                "in progress",
                "ended 21:00 — can still be marked until 21:30",
                closed.as_str(),
            ],
        };
        let modes = match lang {
            Lang::Id => ["hanya yang belum"],
            Lang::En => ["unmarked only"],
        };
        for (time, state) in [
            (14 * 60 + 32, states[0]),
            (21 * 60 + 10, states[1]),
            (21 * 60 + 31, states[2]),
        ] {
            let t = now().date().and_hms_opt(time / 60, time % 60, 0).unwrap();
            *clock.0.lock().unwrap() = t;
            app.handle(AppEvent::Minute);
            let screen = lines(&render(&app, 80, 24));
            let line = screen.iter().find(|l| l.contains(state));
            let line = line.unwrap_or_else(|| panic!("{state} not whole:\n{}", screen.join("\n")));
            // The mode follows the state, or the title when the state is long.
            for mode in modes {
                assert!(
                    line.contains(mode) || screen[2].contains(mode),
                    "{mode} cut: {line}"
                );
            }
            let title = match lang {
                Lang::Id => "Apel siang · Sab 28 Nov 2026 · ",
                Lang::En => "Roll call · afternoon shift · Sat 28 Nov 2026 · ",
            };
            assert!(
                screen.iter().any(|l| l.starts_with(title)),
                "{}",
                screen.join("\n")
            );
        }
        // The counts line shows whole items only.
        let screen = lines(&render(&app, 80, 24));
        let counts = &screen[4];
        assert!(!counts.ends_with('·'), "{counts}");
    }
}

#[test]
fn the_head_changes_the_shift_times_and_hari_ini_follows() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 20), Lang::Id);
    key(&mut app, KeyCode::Char('p'));
    key(&mut app, KeyCode::Tab);
    for _ in 0..5 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "15:00");
    ctrl(&mut app, 's');
    // 14:32 moves from siang to pagi: asked first, nothing saved yet.
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("Piket sekarang menjadi pagi (07:00–15:00)"),
        "{screen}"
    );
    assert!(!screen.contains("Jam piket tersimpan"), "{screen}");
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Jam piket tersimpan"), "{screen}");
    // 14:32 now belongs to the pagi shift, which runs until 15:00.
    assert!(screen.contains("piket pagi (07:00–15:00)"), "{screen}");
    // Out of order is refused next to the field.
    key(&mut app, KeyCode::Char('p'));
    for _ in 0..5 {
        key(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "23:00");
    ctrl(&mut app, 's');
    assert!(text(&render(&app, 80, 24)).contains("harus berurutan"));
}

// ---- Hari ini and handover notes (review of issue 4) ----

/// A clock the test moves, shared by the service and the app.
struct ShiftClock(std::sync::Mutex<chrono::NaiveDateTime>);

impl mentas::clock::Clock for ShiftClock {
    fn now(&self) -> chrono::NaiveDateTime {
        *self.0.lock().unwrap()
    }
}

impl ShiftClock {
    fn set(&self, h: u32, m: u32) {
        self.set_on(28, h, m);
    }

    fn set_on(&self, day: u32, h: u32, m: u32) {
        *self.0.lock().unwrap() = chrono::NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap();
    }
}

/// An in-process connection that counts the `Today` requests it carries.
struct Counting {
    inner: mentas::client::LocalConnection,
    todays: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl mentas::client::Connection for Counting {
    fn call(
        &mut self,
        request: mentas::protocol::Request,
    ) -> Result<mentas::protocol::Reply, mentas::client::CallError> {
        if request == mentas::protocol::Request::Today {
            self.todays
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        self.inner.call(request)
    }
}

struct Moving {
    app: mentas::ui::app::App,
    clock: std::sync::Arc<ShiftClock>,
    service: std::sync::Arc<mentas::service::Service>,
    todays: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    _dir: tempfile::TempDir,
}

/// The demo of 28 Nov with `residents`, an app on Hari ini, both on a clock set to `h:m`.
fn moving(residents: usize, h: u32, m: u32) -> Moving {
    let dir = tempfile::tempdir().unwrap();
    let clock = std::sync::Arc::new(ShiftClock(std::sync::Mutex::new(now())));
    clock.set(h, m);
    let store = mentas::store::Store::open(dir.path()).unwrap();
    let service = std::sync::Arc::new(mentas::service::Service::new(store, clock.clone()));
    let data = mentas::demo::generate(mentas::demo::SEED, now().date(), residents, USER);
    service.load_demo(&data).unwrap();
    let todays = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let conn = Counting {
        inner: mentas::client::LocalConnection::new(service.clone(), USER),
        todays: todays.clone(),
    };
    let app = mentas::ui::app::App::new(
        Box::new(conn),
        Lang::Id,
        mentas::ui::theme::Theme::mono(),
        clock.clone(),
    )
    .unwrap();
    Moving {
        app,
        clock,
        service,
        todays,
        _dir: dir,
    }
}

impl Moving {
    fn todays(&self) -> usize {
        self.todays.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn screen(&self) -> String {
        text(&render(&self.app, 80, 24))
    }
}

#[test]
fn hari_ini_moves_to_the_next_shift_by_itself_with_one_request_per_change() {
    let mut m = moving(30, 20, 58);
    assert!(m.screen().contains("piket siang (14:00–21:00)"));
    let before = m.todays();
    m.clock.set(20, 59);
    assert!(m.app.handle(AppEvent::Minute), "the clock on screen moved");
    assert_eq!(m.todays(), before, "same shift: no request");
    m.clock.set(21, 0);
    assert!(m.app.handle(AppEvent::Minute));
    let screen = m.screen();
    assert!(screen.contains("piket malam (21:00–07:00)"), "{screen}");
    assert!(screen.contains("apel malam belum selesai"), "{screen}");
    assert!(screen.contains("Apel malam: "), "{screen}");
    assert_eq!(m.todays(), before + 1, "one request for the change");
    for minute in 1..5 {
        m.clock.set(21, minute);
        m.app.handle(AppEvent::Minute);
    }
    assert_eq!(m.todays(), before + 1, "not one per minute");
    // Midnight: the same malam shift, but a new date on screen.
    m.clock.set_on(29, 0, 0);
    m.app.handle(AppEvent::Minute);
    assert!(m.screen().contains("Min 29 Nov 2026"), "{}", m.screen());
    assert_eq!(m.todays(), before + 2);
}

#[test]
fn a_note_begun_before_21_00_is_filed_under_siang_and_one_left_too_long_moves_on() {
    let mut m = moving(20, 20, 55);
    key(&mut m.app, KeyCode::Char('n'));
    assert!(m.screen().contains("Serah terima piket siang"));
    type_text(&mut m.app, "Pak Slamet demam.");
    m.clock.set(21, 2);
    m.app.handle(AppEvent::Minute);
    ctrl(&mut m.app, 's');
    let notes = match m
        .service
        .dispatch(
            USER,
            mentas::protocol::Request::Handovers {
                before: None,
                limit: 1,
            },
        )
        .unwrap()
    {
        mentas::protocol::Reply::Handovers(notes) => notes,
        other => panic!("{other:?}"),
    };
    assert_eq!(notes[0].text, "Pak Slamet demam.");
    assert_eq!(notes[0].slot.shift, mentas::domain::shift::Shift::Afternoon);
    assert!(
        m.screen().contains("· siang 28 Nov 2026 ·"),
        "the note says siang"
    );

    // Opened at 21:02 would be malam; one opened at 20:55 and saved at 21:31 is moved.
    m.clock.set(20, 55);
    key(&mut m.app, KeyCode::Char('1'));
    key(&mut m.app, KeyCode::Char('n'));
    type_text(&mut m.app, "Lampu B4 mati.");
    m.clock.set(21, 31);
    ctrl(&mut m.app, 's');
    let screen = m.screen();
    assert!(
        screen.contains("Piket siang berakhir lebih dari 30 menit lalu"),
        "{screen}"
    );
    assert!(screen.contains("Serah terima piket malam"), "{screen}");
    assert!(
        screen.contains("Lampu B4 mati."),
        "the text is kept: {screen}"
    );
    ctrl(&mut m.app, 's');
    assert!(m.screen().contains("Catatan serah terima tersimpan"));
}

#[test]
fn the_last_handover_keeps_its_lines_and_a_long_one_ends_in_an_ellipsis() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 20), Lang::Id);
    key(&mut app, KeyCode::Char('n'));
    for (i, line) in ["Baris satu.", "Baris dua.", "Baris tiga."]
        .iter()
        .enumerate()
    {
        if i > 0 {
            key(&mut app, KeyCode::Enter);
        }
        type_text(&mut app, line);
    }
    ctrl(&mut app, 's');
    let rows = lines(&render(&app, 80, 24));
    let row = |t: &str| rows.iter().position(|l| l.contains(t));
    let (one, two, three) = (row("Baris satu."), row("Baris dua."), row("Baris tiga."));
    assert!(one.is_some(), "{rows:#?}");
    assert_eq!(two, one.map(|r| r + 1), "each line on its own row");
    assert_eq!(three, one.map(|r| r + 2));

    // Twelve lines do not fit in the panel at 80×24: cut, with "…".
    key(&mut app, KeyCode::Char('n'));
    for i in 1..=12 {
        if i > 1 {
            key(&mut app, KeyCode::Enter);
        }
        type_text(&mut app, &format!("Catatan ke-{i}."));
    }
    ctrl(&mut app, 's');
    let small = text(&render(&app, 80, 24));
    assert!(small.contains("Catatan ke-1."), "{small}");
    assert!(!small.contains("Catatan ke-12."), "{small}");
    assert!(small.contains('…'), "{small}");
    // A taller terminal shows all of it, the panel growing to hold it.
    for (w, h) in [(120, 40), (200, 60)] {
        let tall = text(&render(&app, w, h));
        assert!(
            tall.contains("Catatan ke-12.") && !tall.contains('…'),
            "{tall}"
        );
        assert!(tall.contains("Perlu ditindaklanjuti"), "{tall}");
    }
}

#[test]
fn the_handover_editor_wraps_a_long_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 20), Lang::Id);
    key(&mut app, KeyCode::Char('n'));
    let words: Vec<String> = (1..=30).map(|i| format!("kata{i}")).collect();
    type_text(&mut app, &words.join(" "));
    let screen = text(&render(&app, 80, 24));
    // Both ends of the one long line are on screen, on different rows.
    let rows = lines(&render(&app, 80, 24));
    let first = rows.iter().position(|l| l.contains("kata1 kata2 "));
    let last = rows.iter().position(|l| l.contains("kata30"));
    assert!(first.is_some() && last > first, "{screen}");
}

#[test]
fn esc_from_a_resident_opened_from_a_list_returns_to_the_same_list_and_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 100), Lang::Id);
    key(&mut app, KeyCode::Down); // aktif / hadir
    key(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    let Some(mentas::ui::popups::Popup::People(list)) = app.popups.last() else {
        panic!("no list")
    };
    let (title, third) = (list.title.clone(), list.rows[3].id);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Detail(_)));
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Today(_)));
    let Some(mentas::ui::popups::Popup::People(list)) = app.popups.last() else {
        panic!("the list is gone")
    };
    assert_eq!(list.title, title);
    assert_eq!(
        list.chosen().map(|r| r.id),
        Some(third),
        "same row selected"
    );
    // The next resident is one key away.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Detail(_)));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert!(app.popups.is_empty(), "Esc on the list closes it");
}

#[test]
fn earlier_handovers_are_headed_by_their_shift_and_move_by_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 60), Lang::Id);
    key(&mut app, KeyCode::Char('h'));
    let screen = text(&render(&app, 80, 24));
    let footer = screen.lines().last().unwrap().to_string();
    assert!(
        !footer.contains("Enter"),
        "Enter does nothing here: {footer}"
    );
    assert!(
        footer.contains("Esc tutup") && footer.contains("PgUp/PgDn"),
        "{footer}"
    );
    let Some(mentas::ui::popups::Popup::HandoverList(list)) = app.popups.last() else {
        panic!("no list")
    };
    let newest = list.notes[0].clone();
    let head = format!(
        "Piket {} · {}",
        mentas::ui::text::shift(Lang::Id, newest.slot.shift),
        mentas::ui::text::date_with_day(Lang::Id, newest.slot.date)
    );
    assert!(screen.contains(&head), "{head}\n{screen}");
    assert!(
        screen.contains(&format!("{}, ditulis", newest.by_name)),
        "{screen}"
    );
    // PgDn: the first note of the day before.
    key(&mut app, KeyCode::PageDown);
    let Some(mentas::ui::popups::Popup::HandoverList(list)) = app.popups.last() else {
        panic!()
    };
    let top = &list.notes[list.first];
    assert_eq!(top.slot.date, newest.slot.date - chrono::Days::new(1));
    assert!(
        list.notes[..list.first]
            .iter()
            .all(|n| n.slot.date == newest.slot.date)
    );
    // End loads and shows the oldest, Home the newest; Enter leaves it open.
    key(&mut app, KeyCode::End);
    let Some(mentas::ui::popups::Popup::HandoverList(list)) = app.popups.last() else {
        panic!()
    };
    assert_eq!(list.first + 1, list.notes.len());
    assert!(!list.more);
    assert!(
        list.notes.len() > 60,
        "every note loaded: {}",
        list.notes.len()
    );
    key(&mut app, KeyCode::PageUp);
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Enter);
    let Some(mentas::ui::popups::Popup::HandoverList(list)) = app.popups.last() else {
        panic!("Enter closed the list")
    };
    assert_eq!(list.first, 0);
    key(&mut app, KeyCode::Esc);
    assert!(app.popups.is_empty());
}

#[test]
fn in_english_at_80x24_nothing_is_cut_and_bigger_terminals_show_more() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_opening(demo_service(&dir, 100), Lang::En);
    let Screen::Today(today) = &app.screen else {
        panic!()
    };
    let v = today.view.clone();
    let roll = format!("afternoon roll call: {} of {} marked", v.marked, v.total);
    let absconded = v
        .headcount
        .of(mentas::domain::today::Group::Absconded)
        .len();
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let rows = lines(&render(&app, w, h));
        let screen = rows.join("\n");
        assert!(screen.contains(&roll), "{w}×{h}:\n{screen}");
        assert!(
            rows.iter()
                .any(|l| l.contains("absconded ") && l.contains(&format!(" {absconded} "))),
            "{w}×{h}:\n{screen}"
        );
        assert!(screen.contains("active / present"), "{screen}");
        // Both columns whole, numbers included: by status and by this shift's marks.
        let group = mentas::domain::today::Group::InResidence;
        let registered = format!(
            "{} / {} ",
            v.headcount.of(group).len(),
            v.headcount.capacity
        );
        let line = rows.iter().find(|l| l.contains("Registered")).unwrap();
        let after = line.split(&registered).nth(1).unwrap_or_default();
        let marks = v.headcount.marked_as(group).len().to_string();
        assert!(
            after.split_whitespace().next() == Some(marks.as_str()),
            "{w}×{h}: {line}"
        );
        assert!(screen.contains("status  marks"), "{w}×{h}:\n{screen}");
    }
    // The due list: what does not fit is counted, and a taller terminal shows it all.
    let shown = |s: &str| {
        s.lines()
            .filter(|l| l.starts_with("│· ") || l.starts_with("│! "))
            .count()
    };
    let small = text(&render(&app, 80, 24));
    // Lines of the due list, as its title counts them (many of a kind share one).
    let due: usize = small
        .split("To follow up (")
        .nth(1)
        .and_then(|t| t.split(')').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    let hidden = due - shown(&small);
    assert!(hidden > 0, "the demo's due list is longer than 80×24 shows");
    assert!(small.contains(&format!("│↓ {hidden} more")), "{small}");
    for (w, h) in [(120, 40), (200, 60)] {
        let big = text(&render(&app, w, h));
        assert_eq!(shown(&big), due, "{big}");
        assert!(!big.contains(" more "), "{big}");
    }
}

#[test]
fn logged_in_shows_staff_names_and_the_audit_names_a_handover_by_its_shift() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 20), Lang::Id);
    let head = app.session.me.clone().unwrap().display_name;
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains(&format!("masuk: {head}")), "{screen}");
    assert!(!screen.contains(&format!("masuk: {USER}")), "{screen}");
    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Aman.");
    ctrl(&mut app, 's');
    key(&mut app, KeyCode::Char('5'));
    let screen = text(&render(&app, 100, 30));
    assert!(screen.contains("Serah terima siang 28 Nov"), "{screen}");
    assert!(!screen.contains("terakhir #"), "{screen}");
}

/// The footer line of a screen drawn at 80×24.
fn footer(app: &mentas::ui::app::App) -> String {
    lines(&render(app, 80, 24))[23].clone()
}

#[test]
fn any_mark_for_someone_kabur_asks_if_they_are_back_and_y_records_it_with_the_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 100), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    let (number, id) = first_row(&app, |r| r.implied == Some(Presence::Absconded));
    let name = name_of(&app, id);
    for mark in ['s', 'i', 'r'] {
        go_to_row(&mut app, number);
        key(&mut app, KeyCode::Char(mark));
        let screen = text(&render(&app, 80, 24));
        assert!(
            screen.contains(&format!("Catat {name} sudah kembali? y/n")),
            "{mark}: {screen}"
        );
        // Only y and n work now, and only they show: a mark key does nothing.
        let line = footer(&app);
        assert!(line.starts_with("y ya  n tidak"), "{line}");
        assert!(!line.contains("hadir") && !line.contains("izin"), "{line}");
        key(&mut app, KeyCode::Char('h'));
        assert!(text(&render(&app, 80, 24)).contains("sudah kembali? y/n"));
        key(&mut app, KeyCode::Char('n'));
        assert_eq!(mark_of(&app, id), Some(Presence::Absconded), "{mark}");
        assert_eq!(row_of(&app, id).status, Status::Absconded, "{mark}");
    }
    go_to_row(&mut app, number);
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(mark_of(&app, id), Some(Presence::Sick));
    assert_eq!(
        row_of(&app, id).status,
        Status::Active,
        "Apel and Hari ini agree: back"
    );
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains(&format!("{name}: kembali dari kabur")),
        "{screen}"
    );
}

#[test]
fn h_for_someone_on_izin_asks_naming_the_end_of_the_leave_and_n_marks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir, 100);
    let mut app = app_opening(service.clone(), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    let (number, id) = first_row(&app, |r| {
        r.implied == Some(Presence::Leave) && r.mark.is_none()
    });
    let name = name_of(&app, id);
    let mut conn: Box<dyn mentas::client::Connection> =
        Box::new(mentas::client::LocalConnection::new(service, USER));
    let until = match conn
        .get_client(id)
        .map(|v| v.client.history.last().unwrap().detail.clone())
    {
        Ok(mentas::domain::StatusDetail::Leave { expected_return }) => expected_return,
        other => panic!("{other:?}"),
    };
    go_to_row(&mut app, number);
    key(&mut app, KeyCode::Char('h'));
    let screen = text(&render(&app, 80, 24));
    let asked = format!(
        "{name} sedang izin s.d. {}; catat sudah kembali? y/n",
        mentas::ui::text::date(Lang::Id, until)
    );
    assert!(screen.contains(&asked), "{screen}");
    key(&mut app, KeyCode::Char('n'));
    assert!(
        apel(&app).roll.row(id).unwrap().mark.is_none(),
        "nothing marked"
    );
    assert_eq!(row_of(&app, id).status, Status::Leave);
    assert_eq!(
        apel(&app).selected_row().map(|r| r.client),
        Some(id),
        "still on the row"
    );
}

#[test]
fn space_keeps_the_rows_note_through_the_cycle() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 60), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    let id = apel(&app).selected_row().unwrap().client;
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "demam tinggi");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Up);
    assert_eq!(apel(&app).selected_row().map(|r| r.client), Some(id));
    for want in [Presence::Referred, Presence::Present, Presence::Leave] {
        key(&mut app, KeyCode::Char(' '));
        let mark = apel(&app).roll.row(id).unwrap().mark.clone().unwrap();
        assert_eq!((mark.presence, mark.note.as_str()), (want, "demam tinggi"));
    }
}

#[test]
fn shift_h_asks_how_many_it_will_mark_before_marking_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 60), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    let rc = &apel(&app).roll;
    let unmarked = rc.rows.len() - rc.marked();
    assert!(unmarked > 20);
    key(&mut app, KeyCode::Char('H'));
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains(&format!("Tandai {unmarked} yang belum ditandai hadir? y/n")),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        apel(&app).roll.rows.len() - apel(&app).roll.marked(),
        unmarked
    );
    key(&mut app, KeyCode::Char('H'));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(apel(&app).roll.marked(), apel(&app).roll.rows.len());
    assert!(text(&render(&app, 80, 24)).contains(&format!("{unmarked} ditandai hadir")));
}

#[test]
fn an_ended_roll_call_with_gaps_says_closed_and_how_many_nobody_marked() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 60), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    key(&mut app, KeyCode::Char('['));
    let rc = &apel(&app).roll;
    let unmarked = rc.rows.len() - rc.marked();
    let screen = text(&render(&app, 80, 24));
    if unmarked > 0 {
        assert!(
            screen.contains(&format!(
                "ditutup: {unmarked} belum ditandai; perubahan = koreksi (supervisor)"
            )),
            "{screen}"
        );
        assert!(!screen.contains("selesai"), "{screen}");
        // The head corrects the gaps; then it is finished.
        key(&mut app, KeyCode::Char('H'));
        key(&mut app, KeyCode::Char('y'));
    }
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("selesai: perubahan = koreksi (supervisor)"),
        "{screen}"
    );
    assert!(unmarked > 0, "the demo's pagi roll call has gaps to show");
}

#[test]
fn u_on_a_marked_row_lands_on_the_next_unmarked_row_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 100), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    for _ in 0..30 {
        key(&mut app, KeyCode::Char('h'));
    }
    go_to_row(&mut app, 22);
    assert!(apel(&app).selected_row().unwrap().presence().is_some());
    key(&mut app, KeyCode::Char('u'));
    let rows = &apel(&app).roll.rows;
    let next = (21..rows.len())
        .find(|&i| rows[i].presence().is_none())
        .unwrap();
    let id = rows[next].client;
    assert_eq!(apel(&app).selected_row().map(|r| r.client), Some(id));
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains(&name_of(&app, id)), "{screen}");
}

#[test]
fn a_slash_after_a_digit_starts_the_name_jump_and_marks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 60), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    let marked = apel(&app).roll.marked();
    let (_, id) = first_row(&app, |r| r.presence().is_none());
    let last = apel(&app)
        .roll
        .rows
        .iter()
        .rev()
        .find(|r| r.presence().is_none())
        .unwrap()
        .client;
    let name = row_of(&app, last).name.to_string();
    key(&mut app, KeyCode::Char('2'));
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, &name);
    let screen = text(&render(&app, 80, 24));
    assert!(!screen.contains("baris 2"), "{screen}");
    assert!(screen.contains(&format!("Lompat ke: {name}")), "{screen}");
    assert_eq!(apel(&app).roll.marked(), marked, "nothing marked");
    assert_eq!(apel(&app).selected_row().map(|r| r.client), Some(last));
    let _ = id;
}

#[test]
fn a_past_roll_call_shows_each_status_as_it_was_then() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 100), Lang::Id);
    key(&mut app, KeyCode::Char('3'));
    // Someone on izin today is recorded back; yesterday's roll call still says izin.
    let (number, id) = first_row(&app, |r| r.implied == Some(Presence::Leave));
    go_to_row(&mut app, number);
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('y'));
    assert_eq!(row_of(&app, id).status, Status::Active);
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('['));
    }
    let row = apel(&app)
        .roll
        .row(id)
        .expect("in yesterday's roll call")
        .clone();
    assert_eq!(row.status, Some(Status::Leave));
    let name = name_of(&app, id);
    let number = apel(&app)
        .roll
        .rows
        .iter()
        .position(|r| r.client == id)
        .unwrap()
        + 1;
    go_to_row(&mut app, number);
    let line = lines(&render(&app, 80, 24))
        .into_iter()
        .find(|l| l.contains(&name))
        .unwrap();
    assert!(line.contains(" izin ") && !line.contains("aktif"), "{line}");
}

#[test]
fn columns_fit_their_longest_words_and_a_cut_note_ends_in_an_ellipsis() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 100), Lang::En);
    key(&mut app, KeyCode::Char('3'));
    let (number, id) = first_row(&app, |r| r.implied == Some(Presence::Absconded));
    go_to_row(&mut app, number);
    let name: String = name_of(&app, id).chars().take(12).collect();
    let find = |app: &mentas::ui::app::App, w: u16| {
        lines(&render(app, w, 24))
            .into_iter()
            .find(|l| l.contains(&name))
            .unwrap()
    };
    assert!(find(&app, 80).contains("absconded "), "{}", find(&app, 80));
    // A long note: cut with "…" at 80 columns, and the spare width of 120 goes to it.
    let (number, id) = first_row(&app, |r| r.presence().is_none());
    key(&mut app, KeyCode::Home);
    go_to_row(&mut app, number);
    key(&mut app, KeyCode::Char('s'));
    key(&mut app, KeyCode::Char('c'));
    let note = "demam tinggi sejak semalam, sudah diberi parasetamol, dipantau tiap dua jam";
    type_text(&mut app, note);
    key(&mut app, KeyCode::Enter);
    // At 80 columns a long name is cut: look for its start.
    let name: String = name_of(&app, id).chars().take(12).collect();
    let find = |w: u16| {
        lines(&render(&app, w, 24))
            .into_iter()
            .find(|l| l.contains(&name))
            .unwrap()
    };
    let (narrow, wide) = (find(80), find(120));
    assert!(
        narrow.contains("demam tinggi") && narrow.contains('…'),
        "{narrow}"
    );
    let shown = |l: &str| {
        l.split("demam")
            .nth(1)
            .unwrap()
            .split('…')
            .next()
            .unwrap()
            .len()
    };
    assert!(shown(&wide) >= shown(&narrow) + 35, "{narrow}\n{wide}");
}

#[test]
fn the_apel_footer_at_80x24_shows_every_mark_key_and_h_in_both_languages() {
    for (lang, want) in [
        (
            Lang::Id,
            "h hadir  i izin  s sakit  r rujuk  k kabur  H sisa hadir",
        ),
        (
            Lang::En,
            "h present  i leave  s sick  r refer  k abscond  H rest present",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_opening(demo_service(&dir, 30), lang);
        key(&mut app, KeyCode::Char('3'));
        let line = footer(&app);
        assert!(line.starts_with(want), "{line}");
        assert!(!line.contains('…'), "{line}");
    }
}

// ---- Hari ini, second review of issue 4 ----

#[test]
fn hari_ini_counts_by_status_and_by_this_shifts_marks_each_number_opening_its_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 100), Lang::Id);
    let Screen::Today(today) = &app.screen else {
        panic!()
    };
    let h = today.view.headcount.clone();
    use mentas::domain::today::Group;
    let rows = lines(&render(&app, 80, 24));
    let sick = rows.iter().find(|l| l.contains("│  sakit")).unwrap();
    assert!(
        sick.contains(&format!(
            " {}     {} ",
            h.of(Group::Sick).len(),
            h.marked_as(Group::Sick).len()
        )),
        "{sick}"
    );
    let unmarked = rows.iter().find(|l| l.contains("belum diabsen")).unwrap();
    assert!(
        unmarked.contains(&format!(" {} ", h.marked_as(Group::Unmarked).len())),
        "{unmarked}"
    );
    // → picks the roll-call column: sakit there opens those marked sakit this shift.
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Enter);
    let Some(mentas::ui::popups::Popup::People(people)) = app.popups.last() else {
        panic!("no list")
    };
    assert_eq!(people.title, "Apel siang: sakit");
    let mut shown: Vec<_> = people.rows.iter().map(|r| r.id).collect();
    shown.sort();
    let mut expected = h.marked_as(Group::Sick).to_vec();
    expected.sort();
    assert_eq!(shown, expected);
    // ← back to the status column.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Enter);
    let Some(mentas::ui::popups::Popup::People(people)) = app.popups.last() else {
        panic!("no list")
    };
    assert_eq!(people.title, "sakit");
}

#[test]
fn every_note_of_the_last_shift_shows_and_a_cut_one_points_to_h() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 20), Lang::Id);
    for note in ["Lampu blok C mati.", "Sapari demam tinggi, cek tiap jam."] {
        key(&mut app, KeyCode::Char('n'));
        type_text(&mut app, note);
        ctrl(&mut app, 's');
    }
    let screen = text(&render(&app, 80, 24));
    let rows = lines(&render(&app, 80, 24));
    let at = |t: &str| rows.iter().position(|l| l.contains(t)).unwrap();
    assert!(
        at("Sapari demam") < at("Lampu blok C"),
        "newest first: {screen}"
    );
    // A long note is cut with the key that reads all of it; n and h lead the footer.
    key(&mut app, KeyCode::Char('n'));
    for i in 1..=12 {
        if i > 1 {
            key(&mut app, KeyCode::Enter);
        }
        type_text(&mut app, &format!("Catatan ke-{i}."));
    }
    ctrl(&mut app, 's');
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("… (h: baca semua)"), "{screen}");
    assert!(
        footer(&app).starts_with("n tulis serah terima  h serah terima sebelumnya"),
        "{}",
        footer(&app)
    );
}

#[test]
fn after_midnight_hari_ini_names_the_night_shifts_dates() {
    let mut m = moving(20, 23, 0);
    m.clock.set_on(29, 0, 30);
    m.app.handle(AppEvent::Minute);
    let screen = m.screen();
    assert!(
        screen.contains("Sab 28 Nov → Min 29 Nov 2026 · piket malam (21:00–07:00)"),
        "{screen}"
    );
}

#[test]
fn the_due_list_says_on_which_side_items_are_hidden_and_esc_returns_to_the_item() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_opening(demo_service(&dir, 100), Lang::Id);
    assert!(text(&render(&app, 80, 24)).contains("│↓ 4 lagi"));
    key(&mut app, KeyCode::End);
    let screen = text(&render(&app, 80, 24));
    assert!(
        screen.contains("│↑ 4 lagi") && !screen.contains("↓"),
        "{screen}"
    );
    // A due item opens its resident; Esc comes back to that item, not to the top.
    key(&mut app, KeyCode::Home);
    for _ in 0..9 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    let Screen::Detail(d) = &app.screen else {
        panic!("no resident")
    };
    let first = d.view.client.id;
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Today(_)));
    key(&mut app, KeyCode::Enter);
    let Screen::Detail(d) = &app.screen else {
        panic!("Enter after Esc opened no resident")
    };
    assert_eq!(d.view.client.id, first, "the same due item is selected");
}

#[test]
fn a_change_of_shift_times_elsewhere_reaches_this_session_at_once() {
    let mut m = moving(20, 14, 32);
    assert!(m.screen().contains("piket siang (14:00–21:00)"));
    let times = mentas::domain::shift::ShiftTimes {
        afternoon: chrono::NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
        ..Default::default()
    };
    m.service
        .dispatch(USER, mentas::protocol::Request::SetShiftTimes(times))
        .unwrap();
    m.app
        .handle(AppEvent::Conn(ConnEvent::Notice(Notice::Facility)));
    let screen = m.screen();
    assert!(screen.contains("piket pagi (07:00–15:00)"), "{screen}");
}
