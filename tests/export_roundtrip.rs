//! Roll-call exports read back: the CSV (`;`-separated, or `,` on request) with the csv
//! crate, the XLSX with calamine, both giving the rows that went in; one shift exported
//! alone; and `mentas export rollcall` refusing a format its file name contradicts.

mod support;

use std::collections::HashMap;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::{Days, NaiveDate, NaiveDateTime};
use mentas::client::LocalConnection;
use mentas::client::export::{ExportSpec, roll_calls_to_file};
use mentas::demo::{SEED, generate};
use mentas::domain::roll_call::{Mark, Presence, RollCall, RollCallRow};
use mentas::domain::shift::{Shift, ShiftSlot};
use mentas::domain::{
    BirthDate, Client, ClientId, ClientRow, Origin, Role, Sex, Staff, Stage, Status,
};
use mentas::export::{
    self, Delimiter, Format, HEADINGS, MarkSource, RollCallRecord, SHEET_NAME, name_staff,
    rollcall_rows,
};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    day(d).and_hms_opt(h, m, 0).unwrap()
}

fn client(id: u64, name: &str, nickname: &str, room: &str, status: Status) -> ClientRow {
    ClientRow {
        id: ClientId(id),
        revision: 1,
        reg_no: format!("2026/{id:04}").into(),
        name: name.into(),
        nickname: nickname.into(),
        nik: None,
        sex: Sex::Male,
        birth: BirthDate::Unknown,
        origin: Origin::Unknown,
        admitted: day(1),
        stage: Stage::Intervention,
        status,
        room: room.into(),
        bed: "1".into(),
        stays: 1,
    }
}

fn mark(slot: ShiftSlot, id: u64, presence: Presence, note: &str, when: NaiveDateTime) -> Mark {
    Mark {
        slot,
        client: ClientId(id),
        presence,
        note: note.into(),
        by: "siti".into(),
        at: when,
    }
}

/// The residents of `roll_calls`, in id order.
fn residents() -> Vec<ClientRow> {
    vec![
        client(1, "Slamet \"Gondrong\", Riyadi", "", "A1", Status::Active),
        client(2, "", "Mbah Kromo", "A2", Status::Leave),
        client(3, "Siti Ṣāliḥah", "", "D1", Status::Active),
        client(4, "Paijo", "", "A3", Status::Active),
        client(5, "Ngatini", "", "", Status::Referred),
    ]
}

/// Two roll calls with every kind of row: marked, implied by status, unmarked; a name
/// with a comma and quotes, a nickname only, Javanese names with diacritics, a note that
/// looks like a formula, a night mark after midnight.
fn roll_calls() -> Vec<RollCall> {
    let morning = ShiftSlot {
        date: day(27),
        shift: Shift::Morning,
    };
    let night = ShiftSlot {
        date: day(27),
        shift: Shift::Night,
    };
    let row = |client, mark, implied| RollCallRow {
        client,
        mark,
        implied,
        status: None,
    };
    vec![
        RollCall {
            slot: morning,
            rows: vec![
                row(
                    ClientId(1),
                    Some(mark(morning, 1, Presence::Present, "", at(27, 7, 21))),
                    None,
                ),
                row(ClientId(2), None, Some(Presence::Leave)),
                row(
                    ClientId(3),
                    Some(mark(
                        morning,
                        3,
                        Presence::Sick,
                        "Sakit perut, diperiksa puskesmas",
                        at(27, 7, 25),
                    )),
                    None,
                ),
                row(ClientId(4), None, None),
            ],
            closed: true,
        },
        RollCall {
            slot: night,
            rows: vec![
                row(
                    ClientId(1),
                    Some(mark(
                        night,
                        1,
                        Presence::Absconded,
                        "=tidak ada; cek \"warung\"\nlihat catatan",
                        at(28, 0, 5),
                    )),
                    None,
                ),
                row(
                    ClientId(5),
                    Some(mark(
                        night,
                        5,
                        Presence::Referred,
                        "Di RSUD Bangil",
                        at(27, 21, 30),
                    )),
                    Some(Presence::Referred),
                ),
            ],
            closed: true,
        },
    ]
}

/// What each row should read as in the CSV, column by column.
fn expected_text(r: &RollCallRecord) -> Vec<String> {
    let guard = |s: &str| {
        if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_string()
        }
    };
    vec![
        r.date.format("%d-%m-%Y").to_string(),
        export::shift_label(r.shift).into(),
        r.reg_no.clone(),
        guard(&r.name),
        r.room.clone(),
        r.presence.map(export::presence_label).unwrap_or("").into(),
        export::source_label(r.source).into(),
        guard(&r.note),
        r.marked_by.clone(),
        r.marked_at
            .map(|t| t.format("%d-%m-%Y %H:%M").to_string())
            .unwrap_or_default(),
    ]
}

#[test]
fn rows_follow_the_roll_calls() {
    let rows = rollcall_rows(&roll_calls(), &residents());
    assert_eq!(rows.len(), 6);
    let sources: Vec<MarkSource> = rows.iter().map(|r| r.source).collect();
    use MarkSource::*;
    assert_eq!(sources, [Marked, Implied, Marked, Unmarked, Marked, Marked]);
    let presences: Vec<Option<Presence>> = rows.iter().map(|r| r.presence).collect();
    assert_eq!(
        presences,
        [
            Some(Presence::Present),
            Some(Presence::Leave),
            Some(Presence::Sick),
            None,
            Some(Presence::Absconded),
            Some(Presence::Referred),
        ]
    );
    assert_eq!(
        rows[1].name, "\"Mbah Kromo\"",
        "nickname when the name is unknown"
    );
    assert_eq!(rows[1].marked_by, "");
    assert_eq!(rows[1].marked_at, None);
    assert_eq!(
        rows[4].date,
        day(27),
        "the night belongs to the date it began"
    );
    assert_eq!(rows[4].marked_at, Some(at(28, 0, 5)));
    assert_eq!(
        HEADINGS[..6],
        ["Tanggal", "Piket", "No. Reg", "Nama", "Kamar", "Kehadiran"]
    );
    assert_eq!(HEADINGS[7..], ["Catatan", "Dicatat oleh", "Waktu catat"]);
}

#[test]
fn staff_names_replace_user_names() {
    let mut rows = rollcall_rows(&roll_calls(), &residents());
    let staff = [Staff {
        username: "siti".into(),
        display_name: "Siti Nurhayati".into(),
        role: Role::Staff,
        active: true,
        revision: 1,
    }];
    name_staff(&mut rows, &staff);
    assert_eq!(rows[0].marked_by, "Siti Nurhayati");
    assert_eq!(rows[1].marked_by, "", "nobody marked an implied row");
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    read_csv_with(path, Delimiter::Semicolon)
}

fn read_csv_with(path: &Path, delimiter: Delimiter) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 with a byte-order mark"
    );
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.contains("\r\n"), "CRLF line ends");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter.char() as u8)
        .from_reader(text.as_bytes());
    let headings = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (headings, rows)
}

#[test]
fn csv_reads_back_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("apel.csv");
    let rows = rollcall_rows(&roll_calls(), &residents());
    export::write_csv(&path, &rows, Delimiter::Semicolon).unwrap();
    let (headings, read) = read_csv(&path);
    assert_eq!(headings, HEADINGS);
    let expected: Vec<Vec<String>> = rows.iter().map(expected_text).collect();
    assert_eq!(read, expected);
    // The awkward values, spelled out.
    assert_eq!(read[0][3], "Slamet \"Gondrong\", Riyadi");
    assert_eq!(read[0][0], "27-11-2026");
    assert_eq!(read[0][1], "pagi");
    assert_eq!(read[2][3], "Siti Ṣāliḥah");
    assert_eq!(read[3][5], "", "unmarked: no presence");
    assert_eq!(read[3][6], "belum ditandai");
    assert_eq!(read[1][6], "dari status");
    assert_eq!(read[4][7], "'=tidak ada; cek \"warung\"\nlihat catatan");
    assert_eq!(read[4][9], "28-11-2026 00:05");
    assert_eq!(read[5][1], "malam");
    assert_eq!(read[5][5], "dirujuk");
}

#[test]
fn csv_is_semicolon_separated_with_awkward_fields_quoted() {
    let rows = rollcall_rows(&roll_calls(), &residents());
    let bytes = export::to_bytes(Format::CSV, &rows).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    // What Excel with Indonesian settings splits into columns: the headings, one a cell.
    assert_eq!(
        lines[0],
        "\u{feff}Tanggal;Piket;No. Reg;Nama;Kamar;Kehadiran;Sumber;Catatan;Dicatat oleh;Waktu catat"
    );
    assert_eq!(
        lines[1],
        "27-11-2026;pagi;2026/0001;\"Slamet \"\"Gondrong\"\", Riyadi\";A1-1;hadir;ditandai;;siti;27-11-2026 07:21"
    );
    // A note with a separator, quotes and a line break stays one quoted cell.
    assert!(
        text.contains(";\"'=tidak ada; cek \"\"warung\"\"\nlihat catatan\";"),
        "{text}"
    );
    assert_eq!(
        text.matches("\r\n").count(),
        rows.len() + 1,
        "CRLF after every row"
    );
}

#[test]
fn csv_with_commas_on_request_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("apel.csv");
    let rows = rollcall_rows(&roll_calls(), &residents());
    export::write(&path, Format::Csv(Delimiter::Comma), &rows).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with("\u{feff}Tanggal,Piket,".as_bytes()));
    let (headings, read) = read_csv_with(&path, Delimiter::Comma);
    assert_eq!(headings, HEADINGS);
    let expected: Vec<Vec<String>> = rows.iter().map(expected_text).collect();
    assert_eq!(read, expected);
}

/// A cell as text: strings as they are, dates in the CSV's format, empty as "".
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::DateTime(d) => {
            let t = d.as_datetime().expect("a date");
            if d.as_f64().fract() == 0.0 {
                t.format("%d-%m-%Y").to_string()
            } else {
                t.format("%d-%m-%Y %H:%M").to_string()
            }
        }
        other => panic!("unexpected cell {other:?}"),
    }
}

fn read_xlsx(path: &Path) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    assert_eq!(book.sheet_names(), [SHEET_NAME]);
    let range = book.worksheet_range(SHEET_NAME).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn xlsx_reads_back_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("apel.xlsx");
    let rows = rollcall_rows(&roll_calls(), &residents());
    export::write_xlsx(&path, &rows).unwrap();
    let read = read_xlsx(&path);
    let headings: Vec<String> = read[0].iter().map(cell_text).collect();
    assert_eq!(headings, HEADINGS);
    assert_eq!(read.len(), rows.len() + 1);
    for (r, cells) in rows.iter().zip(&read[1..]) {
        let mut expected = expected_text(r);
        // XLSX cells are typed: text is never taken for a formula, so no apostrophe.
        expected[3] = r.name.clone();
        expected[7] = r.note.clone();
        let mut got: Vec<String> = cells.iter().map(cell_text).collect();
        got.resize(HEADINGS.len(), String::new());
        assert_eq!(got, expected);
        // Dates are real dates, not text.
        assert!(matches!(cells[0], Data::DateTime(_)), "{:?}", cells[0]);
        let date = match &cells[0] {
            Data::DateTime(d) => d.as_datetime().unwrap().date(),
            _ => unreachable!(),
        };
        assert_eq!(date, r.date);
        if let Some(t) = r.marked_at {
            match &cells[9] {
                Data::DateTime(d) => assert_eq!(d.as_datetime(), Some(t)),
                other => panic!("{other:?}"),
            }
        }
    }
}

#[test]
fn xlsx_sheet_is_laid_out_for_reading() {
    let rows = rollcall_rows(&roll_calls(), &residents());
    let bytes = export::to_bytes(Format::Xlsx, &rows).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("apel.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    // The number formats of date cells travel with the file.
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let range = book.worksheet_range(SHEET_NAME).unwrap();
    assert!(matches!(range.get((1, 0)), Some(Data::DateTime(_))));
    assert!(matches!(range.get((1, 9)), Some(Data::DateTime(_))));
}

#[test]
fn formats_by_name_and_extension() {
    assert_eq!(
        "csv".parse::<Format>().unwrap(),
        Format::Csv(Delimiter::Semicolon),
        "; unless asked"
    );
    assert_eq!(" XLSX ".parse::<Format>().unwrap(), Format::Xlsx);
    assert!("xls".parse::<Format>().is_err());
    assert_eq!(Format::from_path(Path::new("apel.CSV")), Some(Format::CSV));
    assert_eq!(
        Format::from_path(Path::new("x/apel.xlsx")),
        Some(Format::Xlsx)
    );
    assert_eq!(Format::from_path(Path::new("apel")), None);
    for f in Format::ALL {
        let named = Format::from_path(Path::new(&format!("a.{}", f.extension()))).unwrap();
        assert_eq!(named.extension(), f.extension());
    }
}

#[test]
fn write_picks_the_format_and_replaces_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let rows = rollcall_rows(&roll_calls(), &residents());
    let csv_path = dir.path().join("apel.csv");
    std::fs::write(&csv_path, "old contents that are much longer than nothing").unwrap();
    export::write(&csv_path, Format::CSV, &rows[..1]).unwrap();
    let (_, read) = read_csv(&csv_path);
    assert_eq!(read.len(), 1);
    let xlsx_path = dir.path().join("apel.xlsx");
    export::write(&xlsx_path, Format::Xlsx, &rows).unwrap();
    assert_eq!(read_xlsx(&xlsx_path).len(), rows.len() + 1);
    // Nothing left behind but the two files.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    // A folder that is not there is an error, not a panic.
    let missing = dir.path().join("no/such/dir/apel.csv");
    assert!(export::write(&missing, Format::CSV, &rows).is_err());
}

/// Roll calls of the demo's last week, built from its marks as the service would.
fn demo_roll_calls() -> (Vec<RollCall>, Vec<ClientRow>) {
    let today = day(28);
    let d = generate(SEED, today, 100, "kepala");
    let from = today - Days::new(7);
    let mut marks: HashMap<(ShiftSlot, ClientId), Mark> = HashMap::new();
    for m in d.marks.iter().filter(|m| m.slot.date >= from) {
        marks.insert((m.slot, m.client), m.clone());
    }
    let in_residence = |c: &Client, date| {
        c.stays
            .iter()
            .any(|s| s.admitted <= date && s.exited.is_none_or(|e| e > date))
    };
    let mut out = Vec::new();
    for ago in (1..=7).rev() {
        let date = today - Days::new(ago);
        for shift in Shift::ALL {
            let slot = ShiftSlot { date, shift };
            let rows = d
                .clients
                .iter()
                .filter(|c| in_residence(c, date))
                .map(|c| RollCallRow {
                    client: c.id,
                    mark: marks.remove(&(slot, c.id)),
                    implied: None,
                    status: None,
                })
                .collect();
            out.push(RollCall {
                slot,
                rows,
                closed: true,
            });
        }
    }
    (out, d.clients.iter().map(|c| c.row()).collect())
}

#[test]
fn a_week_of_demo_roll_calls_round_trips_both_ways() {
    let (roll_calls, residents) = demo_roll_calls();
    let mut rows = rollcall_rows(&roll_calls, &residents);
    name_staff(&mut rows, &generate(SEED, day(28), 10, "kepala").staff);
    assert!(rows.len() > 1_900, "{} rows", rows.len());
    let dir = tempfile::tempdir().unwrap();
    let (csv_path, xlsx_path) = (dir.path().join("a.csv"), dir.path().join("a.xlsx"));
    export::write(&csv_path, Format::CSV, &rows).unwrap();
    export::write(&xlsx_path, Format::Xlsx, &rows).unwrap();
    let expected: Vec<Vec<String>> = rows.iter().map(expected_text).collect();
    let from_csv = read_csv(&csv_path).1;
    assert_eq!(from_csv, expected);
    let read: Vec<Vec<String>> = read_xlsx(&xlsx_path)[1..]
        .iter()
        .map(|cells| {
            let mut v: Vec<String> = cells.iter().map(cell_text).collect();
            v.resize(HEADINGS.len(), String::new());
            v
        })
        .collect();
    assert_eq!(read, expected);
    assert_eq!(
        from_csv, read,
        "the ;-separated CSV and the XLSX hold the same rows"
    );
    let kabur = rows
        .iter()
        .filter(|r| r.presence == Some(Presence::Absconded))
        .count();
    assert!(kabur > 0);
}

/// The rows of the file at `path`, a `;` CSV.
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    read_csv(path).1
}

#[test]
fn one_shift_exports_alone() {
    let dir = tempfile::tempdir().unwrap();
    let service = support::demo_service(&dir, 30);
    let mut conn = LocalConnection::new(service, support::USER);
    let out = tempfile::tempdir().unwrap();
    let (all_path, night_path) = (out.path().join("all.csv"), out.path().join("malam.csv"));
    let all = roll_calls_to_file(&mut conn, day(26), day(27), Format::CSV, &all_path).unwrap();
    let night = ExportSpec {
        format: Format::CSV,
        shift: Some(Shift::Night),
    };
    let nights = roll_calls_to_file(&mut conn, day(26), day(27), night, &night_path).unwrap();
    let (all_rows, night_rows) = (csv_rows(&all_path), csv_rows(&night_path));
    assert_eq!(all_rows.len(), all);
    assert_eq!(night_rows.len(), nights);
    assert!(nights > 0 && nights < all, "{nights} of {all}");
    assert!(
        night_rows.iter().all(|r| r[1] == "malam"),
        "only malam rows"
    );
    let from_all: Vec<&Vec<String>> = all_rows.iter().filter(|r| r[1] == "malam").collect();
    assert_eq!(
        from_all,
        night_rows.iter().collect::<Vec<_>>(),
        "the same malam rows as in the export of every shift"
    );
    let dates: std::collections::BTreeSet<&str> =
        night_rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        dates.into_iter().collect::<Vec<_>>(),
        ["26-11-2026", "27-11-2026"]
    );
}

/// `mentas export rollcall` with `args`, on an empty data dir (a refused command line
/// never reaches it).
fn export_command(args: &[&str]) -> std::process::Output {
    let data = tempfile::tempdir().unwrap();
    std::process::Command::new(env!("CARGO_BIN_EXE_mentas"))
        .args(["export", "rollcall", "--from", "28-11-2026", "--data"])
        .arg(data.path())
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn a_file_name_that_contradicts_the_format_is_refused_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    for (args, says) in [
        (
            vec!["--format", "xlsx", "--out", "a.csv"],
            "--format xlsx does not match --out",
        ),
        (vec!["--out", "apel.txt"], "cannot tell the format of --out"),
    ] {
        let out_arg = dir.path().join(args[args.len() - 1]);
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        *args.last_mut().unwrap() = out_arg.display().to_string();
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = export_command(&refs);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(
            stderr.starts_with("mentas: ") && stderr.contains(says),
            "{stderr}"
        );
        assert!(!out_arg.exists(), "nothing written");
    }
    // Every export option explains itself.
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_mentas"))
        .args(["export", "rollcall", "-h"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    for option in [
        "--from",
        "--to",
        "--shift",
        "--format",
        "--delimiter",
        "--out",
    ] {
        let line = help
            .lines()
            .find(|l| l.trim_start().starts_with(option))
            .unwrap_or_else(|| panic!("{option} missing: {help}"));
        assert!(
            line.split_whitespace().count() > 2,
            "{option} has no help: {help}"
        );
    }
}

#[test]
fn the_export_form_on_the_apel_screen_writes_one_shift_with_semicolons() {
    // The form opens on the roll call on screen: Saturday 28 November, the siang shift.
    use ratatui::crossterm::event::KeyCode;
    let (mut app, _store) = support::demo_app(30, mentas::ui::text::Lang::Id);
    support::key(&mut app, KeyCode::Char('3'));
    support::key(&mut app, KeyCode::Char('x'));
    let screen = support::text(&support::render(&app, 80, 24));
    for shown in [
        "Ekspor apel",
        "Format",
        "Piket",
        "Berkas",
        ".xlsx",
        "28-11-2026",
    ] {
        assert!(screen.contains(shown), "{shown} not shown:\n{screen}");
    }
    let shift_line = screen.lines().find(|l| l.contains("Piket")).unwrap();
    assert!(
        shift_line.contains("siang") && !shift_line.contains("semua"),
        "the roll call's own shift, not every shift: {shift_line}"
    );
    // CSV with ;, then that morning's pagi shift, then a file of our own.
    support::key(&mut app, KeyCode::Right);
    support::key(&mut app, KeyCode::Tab);
    support::key(&mut app, KeyCode::Left);
    let screen = support::text(&support::render(&app, 80, 24));
    assert!(screen.contains("CSV, pemisah titik koma (;)"), "{screen}");
    assert!(screen.contains("pagi"), "{screen}");
    for _ in 0..3 {
        support::key(&mut app, KeyCode::Tab);
    }
    support::ctrl(&mut app, 'u');
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("apel-pagi.csv");
    support::type_text(&mut app, path.to_str().unwrap());
    support::ctrl(&mut app, 's');
    let screen = support::text(&support::render(&app, 80, 24));
    let rows = csv_rows(&path);
    assert!(!rows.is_empty(), "{screen}");
    assert!(
        rows.iter().all(|r| r[0] == "28-11-2026" && r[1] == "pagi"),
        "only that pagi roll call"
    );
    assert!(
        screen.contains(&format!("{} baris ditulis ke", rows.len())),
        "{screen}"
    );
    // Kamar as the Apel screen shows it: room and bed (A1-2), not the room alone.
    let with_bed = rows.iter().filter(|r| r[4].contains('-')).count();
    assert!(with_bed > 0, "{rows:?}");
    for r in &rows {
        let resident = app.roster.rows().iter().find(|c| c.reg_no == r[2]).unwrap();
        assert_eq!(
            r[4],
            mentas::domain::client::room_and_bed(&resident.room, &resident.bed)
        );
    }
}
