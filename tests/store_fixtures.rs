//! Stored bytes from earlier versions still open: committed envelopes of each Client and
//! Facility layout decode into today's types, and the current layouts of the facility,
//! roll-call marks and handover notes are pinned by fixtures.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use mentas::domain::handover::HandoverNote;
use mentas::domain::roll_call::{Mark, Presence};
use mentas::domain::shift::{Shift, ShiftSlot, ShiftTimes};
use mentas::domain::{
    BirthDate, Client, ClientDraft, ClientId, Education, ExitReason, Facility, KkNumber, Nik,
    Origin, ReferralSource, Religion, Sex, Stage, StatusChange, StatusDetail, Stay,
};
use mentas::store::Store;
use mentas::store::codec::{decode, encode};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn time(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    date(y, m, d).and_hms_opt(h, min, 0).unwrap()
}

/// What `client_v1.bin` (written by `store::migrate::client_v1`'s generator) holds, as
/// today's type: no KK and no family contact.
fn v1_migrated() -> Client {
    let at = time(2026, 3, 2, 9, 15);
    Client {
        id: ClientId(7),
        revision: 3,
        reg_no: "2026/0007".into(),
        details: ClientDraft {
            name: "Slamet Riyadi".into(),
            nickname: "Met".into(),
            nik: Some(Nik::parse("3514021705800003").unwrap()),
            kk: None,
            sex: Sex::Male,
            birth_place: "Pasuruan".into(),
            birth: BirthDate::Exact(date(1980, 5, 17)),
            religion: Religion::Islam,
            education: Education::Primary,
            origin: Origin::Regency(3514),
            family_contact: String::new(),
            admitted: date(2026, 3, 1),
            referral: ReferralSource::Raid,
            room: "A2".into(),
            bed: "4".into(),
            stage: Stage::Assessment,
            notes: "Datang dari razia Satpol PP.".into(),
        },
        stays: vec![Stay {
            admitted: date(2026, 3, 1),
            referral: ReferralSource::Raid,
            exited: None,
        }],
        history: vec![
            StatusChange {
                detail: StatusDetail::Active,
                date: date(2026, 3, 1),
                note: String::new(),
                recorded_by: "budi".into(),
                recorded_at: at,
            },
            StatusChange {
                detail: StatusDetail::Leave {
                    expected_return: date(2026, 3, 5),
                },
                date: date(2026, 3, 2),
                note: "kunjungan keluarga".into(),
                recorded_by: "budi".into(),
                recorded_at: at,
            },
        ],
        changed_by: "budi".into(),
        changed_at: at,
    }
}

/// What `client_v2.bin` holds: every field filled, two stays, every status kind.
fn v2_sample() -> Client {
    let mut c = v1_migrated();
    c.id = ClientId(12);
    c.revision = 9;
    c.reg_no = "2025/0031".into();
    c.details.kk = Some(KkNumber::parse("3514 0101 2000 0007").unwrap());
    c.details.family_contact = "Bu Sumini (kakak), 0812-3456-7890, Bangil".into();
    c.details.sex = Sex::Female;
    c.details.nik = Some(Nik::parse("3575045708750002").unwrap());
    c.details.birth = BirthDate::ApproxYear(1975);
    c.details.origin = Origin::OutsideEastJava;
    c.details.admitted = date(2026, 2, 10);
    c.details.referral = ReferralSource::SocialOffice;
    c.details.stage = Stage::Intake;
    let by = |who: &str, detail, on| StatusChange {
        detail,
        date: on,
        note: format!("dicatat oleh {who}"),
        recorded_by: who.into(),
        recorded_at: time(2026, 2, 10, 8, 0),
    };
    c.stays = vec![
        Stay {
            admitted: date(2025, 6, 1),
            referral: ReferralSource::Raid,
            exited: Some(date(2025, 12, 20)),
        },
        Stay {
            admitted: date(2026, 2, 10),
            referral: ReferralSource::SocialOffice,
            exited: None,
        },
    ];
    c.history = vec![
        by("budi", StatusDetail::Active, date(2025, 6, 1)),
        by("budi", StatusDetail::Sick, date(2025, 7, 1)),
        by(
            "budi",
            StatusDetail::Referred {
                to: "RSUD Bangil".into(),
            },
            date(2025, 7, 3),
        ),
        by(
            "budi",
            StatusDetail::Absconded {
                last_seen: time(2025, 9, 1, 21, 30),
            },
            date(2025, 9, 2),
        ),
        by(
            "sari",
            StatusDetail::Exited {
                reason: ExitReason::ReturnedToFamily,
                destination: "Bangil".into(),
            },
            date(2025, 12, 20),
        ),
        by("budi", StatusDetail::Active, date(2026, 2, 10)),
    ];
    c
}

#[test]
fn client_v1_fixture_migrates_to_todays_client() {
    let bytes = std::fs::read(fixture("client_v1.bin")).unwrap();
    assert_eq!(bytes[0], 1, "the fixture is a version-1 envelope");
    let client: Client = decode(&bytes, "fixture").unwrap();
    assert_eq!(client, v1_migrated());
    assert_eq!(client.details.kk, None);
    assert_eq!(client.details.family_contact, "");
}

#[test]
fn client_v1_record_in_a_store_reads_as_todays_client() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path()).unwrap();
        let bytes = std::fs::read(fixture("client_v1.bin")).unwrap();
        db.open_tree("clients")
            .unwrap()
            .insert(7u64.to_be_bytes(), bytes)
            .unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.client(ClientId(7)).unwrap(), Some(v1_migrated()));
    assert_eq!(store.clients().unwrap(), vec![v1_migrated()]);
}

#[test]
fn client_v2_fixture_decodes() {
    let bytes = std::fs::read(fixture("client_v2.bin")).unwrap();
    assert_eq!(bytes[0], 2);
    let client: Client = decode(&bytes, "fixture").unwrap();
    assert_eq!(client, v2_sample());
}

/// Fails when `Client` (or anything inside it) changes shape: that needs a new version
/// and a migration from this one, not an edit of the fixture.
#[test]
fn client_v2_layout_is_unchanged() {
    let bytes = std::fs::read(fixture("client_v2.bin")).unwrap();
    assert_eq!(encode(&v2_sample()).unwrap(), bytes);
}

/// Writes `client_v2.bin`; run once with `cargo test --test store_fixtures -- --ignored`.
#[test]
#[ignore]
fn write_client_v2_fixture() {
    std::fs::write(fixture("client_v2.bin"), encode(&v2_sample()).unwrap()).unwrap();
}

/// What `facility_v1.bin` (written by `store::migrate::facility_v1`'s generator) holds,
/// as today's type: the default shift times.
fn facility_v1_migrated() -> Facility {
    Facility {
        name: "UPT Rehabilitasi Sosial Bina Karya Pasuruan".into(),
        capacity: 110,
        shifts: ShiftTimes::default(),
        revision: 3,
    }
}

#[test]
fn facility_v1_fixture_migrates_to_the_default_shift_times() {
    let bytes = std::fs::read(fixture("facility_v1.bin")).unwrap();
    assert_eq!(bytes[0], 1, "the fixture is a version-1 envelope");
    let facility: Facility = decode(&bytes, "fixture").unwrap();
    assert_eq!(facility, facility_v1_migrated());
    assert_eq!(
        facility.shifts.slot_at(time(2026, 11, 29, 6, 59)).date,
        date(2026, 11, 28),
        "pagi starts at 07:00"
    );
}

#[test]
fn a_store_of_format_1_with_a_v1_facility_opens() {
    let dir = tempfile::tempdir().unwrap();
    {
        let db = sled::open(dir.path()).unwrap();
        let meta = db.open_tree("meta").unwrap();
        meta.insert("format", &[1u8]).unwrap();
        let bytes = std::fs::read(fixture("facility_v1.bin")).unwrap();
        meta.insert("facility", bytes).unwrap();
        let bytes = std::fs::read(fixture("client_v1.bin")).unwrap();
        db.open_tree("clients")
            .unwrap()
            .insert(7u64.to_be_bytes(), bytes)
            .unwrap();
        db.flush().unwrap();
    }
    {
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.facility().unwrap(), Some(facility_v1_migrated()));
        assert_eq!(store.clients().unwrap(), vec![v1_migrated()]);
        assert_eq!(store.last_handover().unwrap(), None);
    }
    // Opened once by this binary, the store says its format (3): an older binary refuses
    // it instead of misreading the records it does not know.
    let db = (0..40)
        .find_map(|_| {
            sled::open(dir.path())
                .inspect_err(|_| std::thread::sleep(std::time::Duration::from_millis(25)))
                .ok()
        })
        .expect("sled opens");
    let format = db.open_tree("meta").unwrap().get("format").unwrap();
    assert_eq!(format.as_deref(), Some(&[3u8][..]));
}

/// What `facility_v2.bin` holds: shift times that are not the defaults.
fn facility_v2_sample() -> Facility {
    let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    Facility {
        name: "UPT RSBK Pasuruan".into(),
        capacity: 96,
        shifts: ShiftTimes {
            morning: at(6, 30),
            afternoon: at(14, 0),
            night: at(21, 30),
        },
        revision: 5,
    }
}

/// What `mark_v1.bin` holds.
fn mark_v1_sample() -> Mark {
    Mark {
        slot: ShiftSlot {
            date: date(2026, 11, 28),
            shift: Shift::Night,
        },
        client: ClientId(42),
        presence: Presence::Absconded,
        note: "tidak ada di asrama sejak apel siang".into(),
        by: "sari".into(),
        at: time(2026, 11, 29, 6, 45),
    }
}

/// What `handover_v1.bin` holds.
fn handover_v1_sample() -> HandoverNote {
    HandoverNote {
        id: 17,
        slot: ShiftSlot {
            date: date(2026, 11, 28),
            shift: Shift::Afternoon,
        },
        text: "Pak Slamet demam, sudah ke puskesmas.\nKunci gudang di pos jaga.".into(),
        by: "budi".into(),
        by_name: "Budi Santoso".into(),
        at: time(2026, 11, 28, 20, 50),
    }
}

/// Fails when `Facility`, `Mark` or `HandoverNote` changes shape: that needs a new
/// version and a migration from this one, not an edit of the fixture.
#[test]
fn facility_v2_mark_v1_and_handover_v1_layouts_are_unchanged() {
    let bytes = std::fs::read(fixture("facility_v2.bin")).unwrap();
    assert_eq!(bytes[0], 2);
    assert_eq!(
        decode::<Facility>(&bytes, "f").unwrap(),
        facility_v2_sample()
    );
    assert_eq!(encode(&facility_v2_sample()).unwrap(), bytes);

    let bytes = std::fs::read(fixture("mark_v1.bin")).unwrap();
    assert_eq!(bytes[0], 1);
    assert_eq!(decode::<Mark>(&bytes, "m").unwrap(), mark_v1_sample());
    assert_eq!(encode(&mark_v1_sample()).unwrap(), bytes);

    let bytes = std::fs::read(fixture("handover_v1.bin")).unwrap();
    assert_eq!(bytes[0], 1);
    assert_eq!(
        decode::<HandoverNote>(&bytes, "h").unwrap(),
        handover_v1_sample()
    );
    assert_eq!(encode(&handover_v1_sample()).unwrap(), bytes);
}

/// Writes `facility_v2.bin`, `mark_v1.bin` and `handover_v1.bin`; run once with
/// `cargo test --test store_fixtures write_shift_fixtures -- --ignored`.
#[test]
#[ignore]
fn write_shift_fixtures() {
    let write = |name: &str, bytes: Vec<u8>| std::fs::write(fixture(name), bytes).unwrap();
    write("facility_v2.bin", encode(&facility_v2_sample()).unwrap());
    write("mark_v1.bin", encode(&mark_v1_sample()).unwrap());
    write("handover_v1.bin", encode(&handover_v1_sample()).unwrap());
}
