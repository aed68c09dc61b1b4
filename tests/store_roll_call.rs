//! Roll-call marks and handover notes in the store: one record per (slot, resident), read
//! back after reopening by roll call or by date range in slot order, and handover notes
//! newest first with ids that continue after a reopen.

use chrono::{NaiveDate, NaiveDateTime};
use mentas::domain::ClientId;
use mentas::domain::handover::HandoverNote;
use mentas::domain::roll_call::{Mark, Presence};
use mentas::domain::shift::{Shift, ShiftSlot};
use mentas::store::Store;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn now() -> NaiveDateTime {
    date(2026, 11, 28).and_hms_opt(10, 0, 0).unwrap()
}

fn slot(y: i32, m: u32, d: u32, shift: Shift) -> ShiftSlot {
    ShiftSlot {
        date: date(y, m, d),
        shift,
    }
}

fn mark(slot: ShiftSlot, client: u64, presence: Presence) -> Mark {
    Mark {
        slot,
        client: ClientId(client),
        presence,
        note: String::new(),
        by: "budi".into(),
        at: now(),
    }
}

fn put(store: &Store, marks: &[Mark]) {
    store
        .transact(|tx| {
            for m in marks {
                tx.put_mark(m)?;
            }
            Ok(())
        })
        .unwrap();
}

/// Opens a store, retrying while sled releases the previous handle's lock.
fn reopen(dir: &std::path::Path) -> Store {
    (0..40)
        .find_map(|_| {
            Store::open(dir)
                .inspect_err(|_| std::thread::sleep(std::time::Duration::from_millis(25)))
                .ok()
        })
        .expect("store opens")
}

#[test]
fn one_roll_call_reads_back_in_resident_order_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let morning = slot(2026, 11, 28, Shift::Morning);
    {
        let store = Store::open(dir.path()).unwrap();
        put(
            &store,
            &[
                mark(morning, 300, Presence::Sick),
                mark(morning, 2, Presence::Present),
                mark(morning.next(), 1, Presence::Present),
                mark(morning.prev(), 1, Presence::Leave),
            ],
        );
        // The same resident in the same roll call again: replaces, never adds.
        put(&store, &[mark(morning, 2, Presence::Absconded)]);
    }
    let store = reopen(dir.path());
    let marks = store.marks_in(morning).unwrap();
    let got: Vec<(u64, Presence)> = marks.iter().map(|m| (m.client.0, m.presence)).collect();
    assert_eq!(got, [(2, Presence::Absconded), (300, Presence::Sick)]);
    assert_eq!(
        store.mark(morning, ClientId(300)).unwrap(),
        Some(mark(morning, 300, Presence::Sick))
    );
    assert_eq!(store.mark(morning, ClientId(1)).unwrap(), None);
    assert!(
        store
            .marks_in(slot(2026, 11, 29, Shift::Morning))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_date_range_reads_its_roll_calls_in_slot_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let marks = [
        mark(slot(2026, 11, 30, Shift::Morning), 1, Presence::Present),
        mark(slot(2026, 11, 27, Shift::Night), 1, Presence::Present),
        mark(slot(2026, 11, 28, Shift::Night), 1, Presence::Present),
        mark(slot(2026, 11, 28, Shift::Morning), 5, Presence::Present),
        mark(slot(2026, 11, 28, Shift::Morning), 4, Presence::Present),
        mark(slot(2026, 11, 29, Shift::Afternoon), 9, Presence::Present),
        mark(slot(1969, 12, 31, Shift::Night), 1, Presence::Present),
    ];
    put(&store, &marks);
    let got: Vec<(ShiftSlot, u64)> = store
        .marks_between(date(2026, 11, 28), date(2026, 11, 29))
        .unwrap()
        .into_iter()
        .map(|m| (m.slot, m.client.0))
        .collect();
    assert_eq!(
        got,
        [
            (slot(2026, 11, 28, Shift::Morning), 4),
            (slot(2026, 11, 28, Shift::Morning), 5),
            (slot(2026, 11, 28, Shift::Night), 1),
            (slot(2026, 11, 29, Shift::Afternoon), 9),
        ]
    );
    let all = store
        .marks_between(date(1900, 1, 1), date(2100, 1, 1))
        .unwrap();
    assert_eq!(all.len(), marks.len());
    assert_eq!(
        all[0].slot,
        slot(1969, 12, 31, Shift::Night),
        "before 1970 too"
    );
}

fn note(id: u64, text: &str) -> HandoverNote {
    HandoverNote {
        id,
        slot: slot(2026, 11, 28, Shift::Morning),
        text: text.into(),
        by: "budi".into(),
        by_name: "Budi Santoso".into(),
        at: now(),
    }
}

#[test]
fn handover_notes_read_newest_first_and_ids_continue_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.last_handover().unwrap(), None);
        for text in ["satu", "dua", "tiga"] {
            store
                .transact(|tx| {
                    let id = tx.next_handover_id()?;
                    tx.put_handover(&note(id, text))
                })
                .unwrap();
        }
    }
    let store = reopen(dir.path());
    let texts = |before| -> Vec<String> {
        store
            .handovers_rev(before)
            .map(|n| n.unwrap().text)
            .collect()
    };
    assert_eq!(texts(None), ["tiga", "dua", "satu"]);
    assert_eq!(texts(Some(3)), ["dua", "satu"]);
    assert_eq!(texts(Some(1)), Vec::<String>::new());
    assert_eq!(store.last_handover().unwrap(), Some(note(3, "tiga")));
    let id = store.transact(|tx| tx.next_handover_id()).unwrap();
    assert_eq!(id, 4);
}
