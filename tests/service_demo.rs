//! Demo data goes into an empty store in one bulk import, with counters set past it:
//! residents, staff, roll-call marks and handover notes.

mod service_support;

use std::time::Instant;

use mentas::demo::DemoData;
use mentas::domain::audit::AuditAction;
use mentas::domain::handover::HandoverNote;
use mentas::domain::roll_call::{Mark, Presence};
use mentas::domain::shift::{Shift, ShiftSlot, ShiftTimes};
use mentas::domain::{
    Client, ClientDraft, ClientId, Facility, Nik, Refusal, Role, Staff, StatusChange, StatusDetail,
    Stay,
};
use mentas::protocol::{Reply, Request};
use service_support::*;

/// A facility with `n` residents admitted in 2025 and 2026, every third without a NIK.
fn demo(n: u64) -> DemoData {
    let clients = (1..=n)
        .map(|id| {
            let year = if id % 2 == 0 { 2026 } else { 2025 };
            let admitted = day(year, 1 + (id % 12) as u32, 1 + (id % 28) as u32);
            let nik = (id % 3 != 0)
                .then(|| {
                    Nik::parse(&format!(
                        "3514{:02}0101{:02}{:04}",
                        1 + id % 90,
                        50 + id % 50,
                        id % 9999 + 1
                    ))
                })
                .and_then(Result::ok);
            Client {
                id: ClientId(id),
                revision: 1,
                reg_no: format!("{year}/{:04}", id.div_ceil(2)),
                details: ClientDraft {
                    name: format!("Warga {id}"),
                    nik,
                    notes: "catatan ".repeat(20),
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
                    recorded_by: "demo".into(),
                    recorded_at: start(),
                }],
                changed_by: "demo".into(),
                changed_at: start(),
            }
        })
        .collect();
    let staff = |username: &str, role| Staff {
        username: username.into(),
        display_name: format!("Demo {username}"),
        role,
        active: true,
        revision: 1,
    };
    DemoData {
        facility: Facility {
            name: "UPT RSBK Demo".into(),
            capacity: 110,
            shifts: ShiftTimes::default(),
            revision: 1,
        },
        staff: vec![staff(HEAD, Role::Head), staff(STAF, Role::Staff)],
        clients,
        marks: Vec::new(),
        handovers: Vec::new(),
    }
}

#[test]
fn ten_thousand_residents_load_in_seconds() {
    let w = empty();
    let data = demo(10_000);
    let started = Instant::now();
    w.service.load_demo(&data).unwrap();
    let took = started.elapsed();
    // Not a timing assertion: a generous bound that only a pathological import breaks.
    assert!(took.as_secs() < 30, "import took {took:?}");
    eprintln!("10,000 residents imported in {took:?}");

    let store = w.service.store();
    assert_eq!(store.clients().unwrap().len(), 10_000);
    assert_eq!(store.facility().unwrap(), Some(data.facility.clone()));
    let with_nik = data
        .clients
        .iter()
        .find(|c| c.details.nik.is_some())
        .unwrap();
    assert_eq!(
        store
            .client_id_by_nik(with_nik.details.nik.as_ref().unwrap())
            .unwrap(),
        Some(with_nik.id)
    );
    let audit = store.audit_entries().unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, AuditAction::DemoLoaded);
    assert_eq!(audit[0].by, HEAD);
}

#[test]
fn counters_continue_after_the_demo() {
    let w = empty();
    w.service.load_demo(&demo(10)).unwrap();
    // Demo 2026 serials run 1..=5; the next is 6. Ids run 1..=10.
    let c = w.create(draft("Baru"));
    assert_eq!(c.id, ClientId(11));
    assert_eq!(c.reg_no, "2026/0006");
    assert_eq!(w.service.store().audit_entries().unwrap().len(), 2);
    let Reply::Clients(rows) = w.call(STAF, Request::ListClients).unwrap() else {
        panic!("expected Clients");
    };
    assert_eq!(rows.len(), 11);
}

#[test]
fn demo_data_goes_only_into_a_store_not_yet_set_up() {
    let w = set_up();
    assert_eq!(w.service.load_demo(&demo(3)), Err(Refusal::AlreadySetUp));
    assert!(w.service.store().clients().unwrap().is_empty());

    let w = empty();
    w.service.load_demo(&demo(3)).unwrap();
    assert_eq!(w.service.load_demo(&demo(3)), Err(Refusal::AlreadySetUp));
}

#[test]
fn demo_data_with_a_nik_twice_is_refused_whole() {
    let w = empty();
    let mut data = demo(3);
    data.clients[1].details.nik = data.clients[0].details.nik.clone();
    assert!(matches!(
        w.service.load_demo(&data),
        Err(Refusal::Storage(_))
    ));
    assert!(w.service.store().is_empty());
}

/// A roll-call history and handover notes for `demo(n)`: every resident hadir in each
/// shift of 26–27 Nov, resident 1 sakit in the last one; notes 1–3.
fn with_history(mut data: DemoData) -> DemoData {
    let mut slot = ShiftSlot {
        date: day(2026, 11, 26),
        shift: Shift::Morning,
    };
    while slot.date < day(2026, 11, 28) {
        for c in &data.clients {
            data.marks.push(Mark {
                slot,
                client: c.id,
                presence: Presence::Present,
                note: String::new(),
                by: STAF.into(),
                at: at(2026, 11, 26, 8, 0),
            });
        }
        slot = slot.next();
    }
    if let Some(last) = data.marks.last_mut() {
        last.presence = Presence::Sick;
    }
    data.handovers = (1..=3)
        .map(|id| HandoverNote {
            id,
            slot: ShiftSlot {
                date: day(2026, 11, 27),
                shift: Shift::Night,
            },
            text: format!("Serah terima {id}"),
            by: STAF.into(),
            by_name: "Demo budi".into(),
            at: at(2026, 11, 28, 6, 50),
        })
        .collect();
    data
}

#[test]
fn demo_roll_calls_and_handover_notes_load() {
    let w = empty();
    let data = with_history(demo(4));
    w.service.load_demo(&data).unwrap();
    let all = match w
        .call(
            STAF,
            Request::RollCalls {
                from: day(2026, 11, 26),
                to: day(2026, 11, 27),
            },
        )
        .unwrap()
    {
        Reply::RollCalls(all) => all,
        other => panic!("expected RollCalls, got {other:?}"),
    };
    assert_eq!(all.len(), 6);
    assert!(all.iter().all(|rc| rc.marked() == 4 && rc.closed));
    assert_eq!(all[5].count(Presence::Sick), 1);
    let marks: usize = all
        .iter()
        .flat_map(|rc| &rc.rows)
        .filter(|r| r.mark.is_some())
        .count();
    assert_eq!(marks, data.marks.len());

    assert_eq!(
        w.handovers(None, 0),
        data.handovers.iter().rev().cloned().collect::<Vec<_>>()
    );
    assert_eq!(w.add_handover(STAF, "Baru").unwrap().id, 4, "ids continue");
    let audit = w.stored_audit();
    assert_eq!(audit.len(), 2, "the import and the new note");
    assert!(
        audit[0]
            .changes
            .iter()
            .any(|c| c.field == "marks" && c.after == "24")
    );
}

#[test]
fn demo_marks_of_unknown_residents_or_twice_are_refused_whole() {
    let w = empty();
    let mut data = with_history(demo(3));
    data.marks[0].client = ClientId(99);
    assert!(matches!(
        w.service.load_demo(&data),
        Err(Refusal::Storage(_))
    ));
    assert!(w.service.store().is_empty());

    let mut data = with_history(demo(3));
    let again = data.marks[0].clone();
    data.marks.push(again);
    assert!(matches!(
        w.service.load_demo(&data),
        Err(Refusal::Storage(_))
    ));

    let mut data = with_history(demo(3));
    data.handovers[1].id = 1;
    assert!(matches!(
        w.service.load_demo(&data),
        Err(Refusal::Storage(_))
    ));
    assert!(w.service.store().is_empty());
}
