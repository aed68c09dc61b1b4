//! The roster, roll calls and Hari ini are answered from every resident's facts kept in
//! memory (`Store::with_client_facts`) instead of from the full records: after every kind
//! of write, and after a refused one, those facts equal what the records on disk say.

mod service_support;

use mentas::domain::roll_call::Presence;
use mentas::domain::shift::Shift;
use mentas::domain::{ClientFacts, ClientRow, ExitReason, ReferralSource, StatusDetail};
use mentas::protocol::{Reply, Request};
use mentas::store::Store;
use service_support::*;

/// The facts the store answers with, and the facts its records give.
fn facts_and_records(store: &Store) -> (Vec<ClientFacts>, Vec<ClientFacts>) {
    let kept = store.with_client_facts(<[ClientFacts]>::to_vec).unwrap();
    let from_records = store
        .clients()
        .unwrap()
        .iter()
        .map(ClientFacts::of)
        .collect();
    (kept, from_records)
}

fn assert_in_step(w: &World, after: &str) {
    let (kept, from_records) = facts_and_records(w.service.store());
    assert_eq!(kept, from_records, "after {after}");
    let listed = match w.call(STAF, Request::ListClients).unwrap() {
        Reply::Clients(rows) => rows,
        other => panic!("expected Clients, got {other:?}"),
    };
    let rows: Vec<ClientRow> = from_records.into_iter().map(|f| f.row).collect();
    assert_eq!(listed, rows, "the roster after {after}");
}

#[test]
fn every_write_keeps_the_facts_in_step_with_the_records() {
    let w = set_up();
    let a = w.create(resident("Slamet", 1, "A1", "1"));
    let b = w.create(resident("Paijo", 2, "A2", "1"));
    assert_in_step(&w, "two intakes");

    let c = w.create(resident("Ngatini", 3, "B1", "1"));
    assert_in_step(&w, "an intake once the facts were read");

    let mut renamed = resident("Slamet Riyadi", 1, "A3", "2");
    renamed.nickname = "Met".into();
    w.saved(
        STAF,
        Request::UpdateClient {
            id: a.id,
            base_revision: a.revision,
            draft: renamed.clone(),
        },
    )
    .unwrap();
    assert_in_step(&w, "an edit");

    // Refused: based on a revision that has moved on. Nothing changes.
    let stale = w.saved(
        STAF,
        Request::UpdateClient {
            id: a.id,
            base_revision: a.revision,
            draft: resident("Bukan Slamet", 1, "Z9", "9"),
        },
    );
    assert!(stale.is_err());
    assert_in_step(&w, "a refused edit");

    let expected_return = day(2026, 11, 27);
    w.set_status(
        STAF,
        b.id,
        StatusDetail::Leave { expected_return },
        day(2026, 11, 20),
    )
    .unwrap();
    assert_in_step(&w, "izin");
    assert!(w.today().due.iter().any(|d| matches!(
        d,
        mentas::domain::today::Due::LeaveOverdue { client, expected }
            if *client == b.id && *expected == expected_return
    )));

    let now = slot(28, Shift::Morning);
    w.mark_with(
        STAF,
        now,
        c.id,
        Presence::Absconded,
        "",
        Some(at(2026, 11, 28, 9, 0)),
    )
    .unwrap();
    assert_in_step(&w, "a kabur mark");
    w.mark(STAF, now, c.id, Presence::Present).unwrap();
    assert_in_step(&w, "back from kabur");

    let gone = w
        .set_status(
            SUPERVISOR,
            c.id,
            StatusDetail::Exited {
                reason: ExitReason::ReturnedToFamily,
                destination: "Bangil".into(),
            },
            day(2026, 11, 28),
        )
        .unwrap();
    assert_in_step(&w, "an exit");
    w.saved(
        STAF,
        Request::Readmit {
            id: gone.id,
            base_revision: gone.revision,
            admitted: day(2026, 11, 28),
            referral: ReferralSource::SocialOffice,
        },
    )
    .unwrap();
    assert_in_step(&w, "a readmission");
    let (kept, _) = facts_and_records(w.service.store());
    assert_eq!(kept.last().unwrap().stays.len(), 2);
    assert_eq!(kept[0].row.name, renamed.name);
}

#[test]
fn a_demo_import_replaces_facts_read_before_it() {
    let w = empty();
    let store = w.service.store();
    assert_eq!(store.with_client_facts(|f| f.len()).unwrap(), 0);
    let demo = mentas::demo::generate(mentas::demo::SEED, day(2026, 11, 28), 30, HEAD);
    w.service.load_demo(&demo).unwrap();
    let (kept, from_records) = facts_and_records(store);
    assert_eq!(kept, from_records);
    assert_eq!(kept.len(), demo.clients.len());
}
