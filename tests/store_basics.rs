//! The store on a temporary sled: what is written reads back after reopening, indexes
//! and counters follow the records, and damaged or newer data fails clearly.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use mentas::domain::audit::{AuditAction, AuditEntry, RecordRef};
use mentas::domain::shift::ShiftTimes;
use mentas::domain::{
    Client, ClientDraft, ClientId, Facility, Nik, Refusal, Role, Staff, StatusChange, StatusDetail,
    Stay,
};
use mentas::store::codec::{decode, encode};
use mentas::store::{Store, StoreError};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 28)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap()
}

fn nik(digits: &str) -> Nik {
    Nik::parse(digits).unwrap()
}

fn client(id: u64, name: &str, nik: Option<Nik>) -> Client {
    let admitted = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    Client {
        id: ClientId(id),
        revision: 1,
        reg_no: format!("2026/{id:04}"),
        details: ClientDraft {
            name: name.into(),
            nik,
            ..ClientDraft::new(admitted)
        },
        stays: vec![Stay {
            admitted,
            referral: mentas::domain::ReferralSource::Raid,
            exited: None,
        }],
        history: vec![StatusChange {
            detail: StatusDetail::Active,
            date: admitted,
            note: String::new(),
            recorded_by: "budi".into(),
            recorded_at: now(),
        }],
        changed_by: "budi".into(),
        changed_at: now(),
    }
}

fn staff(username: &str) -> Staff {
    Staff {
        username: username.into(),
        display_name: format!("Pak {username}"),
        role: Role::Staff,
        active: true,
        revision: 1,
    }
}

fn audit(n: u32) -> AuditEntry {
    AuditEntry {
        at: now(),
        by: format!("user{n}"),
        record: RecordRef::Client(ClientId(u64::from(n))),
        action: AuditAction::Updated,
        changes: Vec::new(),
    }
}

/// Writes raw bytes into a tree, as an older or damaged program would have. Retries the
/// open: sled releases a dropped store's lock from a background thread.
fn write_raw(dir: &Path, tree: &str, key: &[u8], value: &[u8]) {
    let db = (0..40)
        .find_map(|_| {
            sled::open(dir)
                .inspect_err(|_| std::thread::sleep(std::time::Duration::from_millis(25)))
                .ok()
        })
        .expect("sled opens");
    db.open_tree(tree).unwrap().insert(key, value).unwrap();
    db.flush().unwrap();
}

#[test]
fn written_records_read_back_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let facility = Facility {
        name: "UPT RSBK".into(),
        capacity: 100,
        shifts: ShiftTimes::default(),
        revision: 1,
    };
    {
        let store = Store::open(dir.path()).unwrap();
        assert!(store.is_empty());
        store
            .transact(|tx| {
                tx.put_facility(&facility)?;
                tx.put_staff(&staff("budi"))?;
                tx.put_staff(&staff("ani"))?;
                tx.put_client(&client(1, "Slamet", Some(nik("3514021705800003"))))?;
                tx.put_client(&client(2, "Paijo", None))?;
                tx.append_audit(&audit(1))?;
                Ok(())
            })
            .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert!(!store.is_empty());
    assert_eq!(store.facility().unwrap(), Some(facility));
    assert_eq!(store.staff("budi").unwrap(), Some(staff("budi")));
    assert_eq!(store.staff("nobody").unwrap(), None);
    let names: Vec<String> = store
        .all_staff()
        .unwrap()
        .into_iter()
        .map(|s| s.username)
        .collect();
    assert_eq!(names, ["ani", "budi"]);
    assert_eq!(
        store.client(ClientId(1)).unwrap(),
        Some(client(1, "Slamet", Some(nik("3514021705800003"))))
    );
    assert_eq!(store.client(ClientId(3)).unwrap(), None);
    let ids: Vec<u64> = store.clients().unwrap().iter().map(|c| c.id.0).collect();
    assert_eq!(ids, [1, 2]);
    assert_eq!(
        store.client_id_by_nik(&nik("3514021705800003")).unwrap(),
        Some(ClientId(1))
    );
    assert_eq!(store.audit_entries().unwrap(), vec![audit(1)]);
}

#[test]
fn clients_iterate_in_id_order_past_255() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store
        .transact(|tx| {
            for id in [300, 2, 256, 1, 255] {
                tx.put_client(&client(id, "X", None))?;
            }
            Ok(())
        })
        .unwrap();
    let ids: Vec<u64> = store.clients().unwrap().iter().map(|c| c.id.0).collect();
    assert_eq!(ids, [1, 2, 255, 256, 300]);
}

#[test]
fn nik_index_follows_nik_changes() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (a, b) = (nik("3514021705800003"), nik("3575045708750002"));
    let put = |c: Client| store.transact(|tx| tx.put_client(&c)).unwrap();

    put(client(1, "Slamet", Some(a.clone())));
    assert_eq!(store.client_id_by_nik(&a).unwrap(), Some(ClientId(1)));

    put(client(1, "Slamet", Some(b.clone())));
    assert_eq!(store.client_id_by_nik(&a).unwrap(), None);
    assert_eq!(store.client_id_by_nik(&b).unwrap(), Some(ClientId(1)));

    put(client(1, "Slamet", None));
    assert_eq!(store.client_id_by_nik(&b).unwrap(), None);

    // Freed, the NIK may go to someone else.
    put(client(2, "Paijo", Some(b.clone())));
    assert_eq!(store.client_id_by_nik(&b).unwrap(), Some(ClientId(2)));
}

#[test]
fn a_nik_held_by_another_record_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let a = nik("3514021705800003");
    store
        .transact(|tx| tx.put_client(&client(1, "Slamet", Some(a.clone()))))
        .unwrap();
    let err = store
        .transact(|tx| tx.put_client(&client(2, "Paijo", Some(a.clone()))))
        .unwrap_err();
    assert!(matches!(err, Refusal::Storage(_)));
    assert_eq!(store.client_id_by_nik(&a).unwrap(), Some(ClientId(1)));
    assert_eq!(store.client(ClientId(2)).unwrap(), None);
}

#[test]
fn audit_entries_are_appended_in_order() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        for n in 1..=3 {
            let seq = store.transact(|tx| tx.append_audit(&audit(n))).unwrap();
            assert_eq!(seq, u64::from(n));
        }
    }
    let store = Store::open(dir.path()).unwrap();
    store
        .transact(|tx| {
            tx.append_audit(&audit(4))?;
            tx.append_audit(&audit(5))
        })
        .unwrap();
    let by: Vec<String> = store
        .audit_entries()
        .unwrap()
        .into_iter()
        .map(|e| e.by)
        .collect();
    assert_eq!(by, ["user1", "user2", "user3", "user4", "user5"]);
}

#[test]
fn audit_entries_read_newest_first_and_lazily() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        // Past 256, so the key order crosses a byte boundary.
        store
            .transact(|tx| {
                for n in 1..=300 {
                    tx.append_audit(&audit(n))?;
                }
                Ok(())
            })
            .unwrap();
    }
    // A damaged oldest entry: a reader that stops early never decodes it.
    write_raw(dir.path(), "audit", &1u64.to_be_bytes(), &[1, 0xff]);
    let store = Store::open(dir.path()).unwrap();
    let newest: Vec<String> = store
        .audit_entries_rev()
        .take(3)
        .map(|e| e.unwrap().by)
        .collect();
    assert_eq!(newest, ["user300", "user299", "user298"]);
    let all: Vec<_> = store.audit_entries_rev().collect();
    assert_eq!(all.len(), 300);
    assert!(matches!(all[299], Err(StoreError::Corrupt { .. })));
    assert_eq!(all[298].as_ref().unwrap().by, "user2");
    assert!(
        store.audit_entries().is_err(),
        "the whole trail fails clearly"
    );
}

#[test]
fn counters_run_on_across_reopening_and_per_year() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        let taken = store
            .transact(|tx| {
                Ok((
                    tx.next_client_id()?,
                    tx.next_client_id()?,
                    tx.next_reg_serial(2026)?,
                    tx.next_reg_serial(2026)?,
                    tx.next_reg_serial(2025)?,
                ))
            })
            .unwrap();
        assert_eq!(taken, (ClientId(1), ClientId(2), 1, 2, 1));
    }
    let store = Store::open(dir.path()).unwrap();
    let taken = store
        .transact(|tx| Ok((tx.next_client_id()?, tx.next_reg_serial(2026)?)))
        .unwrap();
    assert_eq!(taken, (ClientId(3), 3));
}

#[test]
fn an_aborted_transaction_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let err = store
        .transact(|tx| {
            let id = tx.next_client_id()?;
            tx.put_client(&client(id.0, "Slamet", Some(nik("3514021705800003"))))?;
            tx.append_audit(&audit(1))?;
            Err::<(), _>(Refusal::NotFound.into())
        })
        .unwrap_err();
    assert_eq!(err, Refusal::NotFound);
    assert!(store.clients().unwrap().is_empty());
    assert!(store.audit_entries().unwrap().is_empty());
    assert_eq!(
        store.client_id_by_nik(&nik("3514021705800003")).unwrap(),
        None
    );
    let id = store.transact(|tx| tx.next_client_id()).unwrap();
    assert_eq!(id, ClientId(1));
}

#[test]
fn a_newer_record_version_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = encode(&client(5, "Slamet", None)).unwrap();
    bytes[0] = 3;
    write_raw(dir.path(), "clients", &5u64.to_be_bytes(), &bytes);

    let store = Store::open(dir.path()).unwrap();
    let err = store.client(ClientId(5)).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::NewerVersion {
                record: "client",
                found: 3,
                known: 2
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("newer mentas"));
    assert!(matches!(
        store.clients().unwrap_err(),
        StoreError::NewerVersion { .. }
    ));
    // Inside a command it becomes a storage refusal.
    let refusal = store.transact(|tx| tx.client(ClientId(5))).unwrap_err();
    assert!(matches!(&refusal, Refusal::Storage(t) if t.contains("newer mentas")));
}

#[test]
fn a_garbage_payload_is_corrupt_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    write_raw(
        dir.path(),
        "clients",
        &5u64.to_be_bytes(),
        &[2, 0xff, 0xff, 0x07],
    );
    write_raw(dir.path(), "staff", b"budi", &[]);
    let store = Store::open(dir.path()).unwrap();
    match store.client(ClientId(5)).unwrap_err() {
        StoreError::Corrupt { record, key } => {
            assert_eq!(record, "client");
            assert_eq!(key, "5");
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert!(matches!(
        store.staff("budi").unwrap_err(),
        StoreError::Corrupt {
            record: "staff",
            ..
        }
    ));
}

#[test]
fn truncated_and_overlong_payloads_are_corrupt() {
    let whole = encode(&client(1, "Slamet", Some(nik("3514021705800003")))).unwrap();
    let cut = &whole[..whole.len() - 3];
    assert!(matches!(
        decode::<Client>(cut, 1),
        Err(StoreError::Corrupt { .. })
    ));
    let mut longer = whole.clone();
    longer.push(0);
    assert!(matches!(
        decode::<Client>(&longer, 1),
        Err(StoreError::Corrupt { .. })
    ));
    // Version 0 was never written.
    let mut zero = whole;
    zero[0] = 0;
    assert!(matches!(
        decode::<Client>(&zero, 1),
        Err(StoreError::Corrupt { .. })
    ));
}

#[test]
fn every_record_type_round_trips_through_its_envelope() {
    let s = staff("budi");
    assert_eq!(encode(&s).unwrap()[0], 1);
    assert_eq!(decode::<Staff>(&encode(&s).unwrap(), "budi").unwrap(), s);
    let f = Facility {
        name: "UPT".into(),
        capacity: 9,
        shifts: ShiftTimes::default(),
        revision: 4,
    };
    assert_eq!(decode::<Facility>(&encode(&f).unwrap(), "f").unwrap(), f);
    assert_eq!(
        decode::<AuditEntry>(&encode(&audit(7)).unwrap(), 7).unwrap(),
        audit(7)
    );
    assert!(matches!(
        decode::<Staff>(&[2, 0], "x"),
        Err(StoreError::NewerVersion {
            record: "staff",
            found: 2,
            known: 1
        })
    ));
}

#[test]
fn a_store_of_a_newer_format_does_not_open() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    write_raw(dir.path(), "meta", b"format", &[9]);
    match Store::open(dir.path()) {
        Err(StoreError::NewerVersion {
            record: "store",
            found: 9,
            ..
        }) => {}
        Err(other) => panic!("expected NewerVersion, got {other:?}"),
        Ok(_) => panic!("a newer store opened"),
    }
}

#[test]
fn a_second_open_of_a_live_store_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let _first = Store::open(dir.path()).unwrap();
    assert!(matches!(Store::open(dir.path()), Err(StoreError::InUse)));
}
