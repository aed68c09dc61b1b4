//! The roster (Klien) at 80×24 on demo data: what a supervisor sees and does.

mod support;

use mentas::domain::Status;
use mentas::domain::names::fold;
use mentas::ui::text::Lang;
use ratatui::crossterm::event::KeyCode;
use support::*;

/// Header, tab bar and info line above the table; notice line and footer below it.
const TABLE_HEADER_ROW: u16 = 3;
const FIRST_ROW: u16 = 4;
const BODY_ROWS: usize = 24 - 4 - 2;

#[test]
fn roster_shows_residents_in_residence_with_the_first_highlighted() {
    let (app, _dir) = demo_app(100, Lang::Id);
    let buf = render(&app, 80, 24);
    let lines = lines(&buf);
    insta::assert_snapshot!("roster_80x24", text(&buf));
    assert!(
        lines[0].contains("UPT"),
        "facility name in the header: {}",
        lines[0]
    );
    assert!(
        lines[0].contains("Sab 28 Nov 2026 14:32 WIB"),
        "date and time in WIB: {}",
        lines[0]
    );
    assert!(lines[1].contains("2 Klien"));
    assert!(
        lines[2].starts_with("100 dari 100 klien"),
        "count line: {}",
        lines[2]
    );
    let header = &lines[TABLE_HEADER_ROW as usize];
    for col in [
        "No. Reg", "Nama", "JK", "Umur", "Asal", "Masuk", "Tahap", "Status", "Kamar",
    ] {
        assert!(header.contains(col), "column {col} missing: {header}");
    }
    // Only in-residence rows, as many as fit, the first one highlighted.
    let body: Vec<&String> = lines[FIRST_ROW as usize..FIRST_ROW as usize + BODY_ROWS]
        .iter()
        .collect();
    assert!(
        body.iter().all(|l| !l.contains(" keluar")),
        "no exited resident by default"
    );
    assert!(body.iter().all(|l| !l.is_empty()));
    assert_eq!(
        reversed_rows(&buf),
        vec![0, FIRST_ROW],
        "header bar and first row are reversed"
    );
    assert!(
        lines[23].contains("Enter buka"),
        "footer lists keys: {}",
        lines[23]
    );
    // The table agrees with the records: as many rows as residents in residence.
    let in_residence = app
        .roster
        .rows()
        .iter()
        .filter(|r| r.status != Status::Exited)
        .count();
    assert_eq!(app.roster.visible_count(), in_residence);
    assert_eq!(in_residence, 100);
}

#[test]
fn down_moves_the_highlight_and_scrolls_past_the_page() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(reversed_rows(&render(&app, 80, 24)), vec![0, FIRST_ROW + 2]);
    for _ in 0..30 {
        key(&mut app, KeyCode::Down);
    }
    let buf = render(&app, 80, 24);
    // The view jumped rather than crept (each creep would repaint every row): the
    // selection is near the top, the rows just passed above it.
    let row = FIRST_ROW + 3;
    assert_eq!(
        reversed_rows(&buf),
        vec![0, row],
        "selection stays on screen"
    );
    let selected = app.roster.selected_row().unwrap();
    assert!(lines(&buf)[row as usize].contains(selected.reg_no.as_str()));
    key(&mut app, KeyCode::Home);
    assert_eq!(reversed_rows(&render(&app, 80, 24)), vec![0, FIRST_ROW]);
}

#[test]
fn search_tolerates_spelling_variants() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    key(&mut app, KeyCode::Char('x')); // exited residents too
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "muhamad");
    let buf = render(&app, 80, 24);
    insta::assert_snapshot!("roster_search_muhamad", text(&buf));
    let found: Vec<String> = app.roster.visible().map(|r| r.name.to_string()).collect();
    assert!(!found.is_empty());
    assert!(
        found.iter().any(|n| n.contains("Muhammad")),
        "Muhamad finds Muhammad: {found:?}"
    );
    assert!(
        found.iter().all(|n| fold(n).contains("muhamad")),
        "{found:?}"
    );
    assert!(lines(&buf)[2].starts_with("Cari: muhamad"));
    // Enter keeps the results and gives the keys back to the table; Esc clears.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Down);
    assert_eq!(app.roster.visible_count(), found.len());
    key(&mut app, KeyCode::Char('c'));
    assert!(app.roster.visible_count() > found.len());
}

#[test]
fn search_finds_by_registration_number_and_nik() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    let target = app
        .roster
        .rows()
        .iter()
        .find(|r| r.nik.is_some() && r.status != Status::Exited)
        .unwrap()
        .clone();
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, target.nik.as_ref().unwrap().as_str());
    assert_eq!(app.roster.visible().next().unwrap().id, target.id);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, &target.reg_no);
    assert_eq!(app.roster.visible().next().unwrap().id, target.id);
}

#[test]
fn filters_by_status_and_stage_and_shows_exited_on_request() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    let all = app.roster.rows().to_vec();
    key(&mut app, KeyCode::Char('f')); // aktif
    let active = all.iter().filter(|r| r.status == Status::Active).count();
    assert_eq!(app.roster.visible_count(), active);
    assert!(lines(&render(&app, 80, 24))[2].contains("status: aktif"));
    key(&mut app, KeyCode::Char('f')); // izin
    assert!(app.roster.visible().all(|r| r.status == Status::Leave));
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(
        app.roster.visible_count(),
        all.len(),
        "x shows the exited too"
    );
    key(&mut app, KeyCode::Char('t'));
    assert!(
        app.roster
            .visible()
            .all(|r| r.stage == mentas::domain::Stage::Intake)
    );
    assert!(lines(&render(&app, 80, 24))[2].contains("tahap: Pendekatan awal"));
}

#[test]
fn sorting_by_column() {
    let (mut app, _dir) = demo_app(100, Lang::Id);
    let names: Vec<_> = app
        .roster
        .visible()
        .map(mentas::ui::screens::roster::sort_name)
        .collect();
    assert!(
        names.windows(2).all(|w| w[0] <= w[1]),
        "sorted by name: {names:?}"
    );
    key(&mut app, KeyCode::Char('o')); // registration number
    let regs: Vec<String> = app.roster.visible().map(|r| r.reg_no.to_string()).collect();
    assert!(regs.windows(2).all(|w| w[0] <= w[1]));
    key(&mut app, KeyCode::Char('O'));
    let regs: Vec<String> = app.roster.visible().map(|r| r.reg_no.to_string()).collect();
    assert!(regs.windows(2).all(|w| w[0] >= w[1]));
    assert!(lines(&render(&app, 80, 24))[2].contains("urut: No. Reg▼"));
}

#[test]
fn wider_terminals_get_more_columns_and_nik_is_masked() {
    let (app, _dir) = demo_app(100, Lang::Id);
    let buf = render(&app, 140, 40);
    let lines = lines(&buf);
    assert!(lines[TABLE_HEADER_ROW as usize].contains("NIK"));
    assert!(lines[TABLE_HEADER_ROW as usize].contains("Panggilan"));
    let masked = lines.iter().filter(|l| l.contains("••••••••")).count();
    assert!(masked > 0, "NIKs are shown masked");
    for row in app.roster.rows() {
        if let Some(nik) = &row.nik {
            assert!(
                lines.iter().all(|l| !l.contains(nik.as_str())),
                "whole NIK never in the list"
            );
        }
    }
    assert_eq!(lines.len(), 40);
    assert!(app.roster.visible_count() >= 34);
}

#[test]
fn english_labels_with_lang_en() {
    let (app, _dir) = demo_app(100, Lang::En);
    let lines = lines(&render(&app, 80, 24));
    assert!(lines[0].contains("Sat 28 Nov 2026"));
    assert!(lines[1].contains("2 Residents"));
    assert!(lines[2].starts_with("100 of 100 residents"));
    assert!(lines[3].contains("Reg. no") && lines[3].contains("Admitted"));
    assert!(lines[23].contains("Enter open"));
}
