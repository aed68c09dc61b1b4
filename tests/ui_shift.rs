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
    expect("Di panti", in_residence);
    assert!(screen.contains(&format!("{in_residence} / 110")));
    expect("ada (aktif)", count(&app, Status::Active));
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
    press(&mut app, KeyCode::Char('H'));
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
    assert!(screen.contains("selesai"), "{screen}");
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
