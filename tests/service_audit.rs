//! Reading the audit trail through the service: only the head may, newest first, filtered
//! by who, by date range and by record, limited; and no entry ever holds a whole NIK.
//! The names behind the logins in it (and in status histories and roll calls) any staff
//! member may read.

mod service_support;

use mentas::domain::audit::{AuditAction, AuditEntry, RecordRef};
use mentas::domain::{ClientDraft, ClientId, KkNumber, Refusal, Role, StatusDetail};
use mentas::protocol::{AuditFilter, Reply, Request, StatusInput};
use service_support::*;

const NIK_A: &str = "3514021705800003";
const NIK_B: &str = "3575045708750002";
const KK: &str = "3514020101090011";

/// A trail over four days, oldest first:
/// 25 Nov 09:00 setup (kepala) · 25 Nov 10:00 ani added (kepala) ·
/// 26 Nov 08:00 Slamet created (budi) · 26 Nov 23:59 Paijo created (budi) ·
/// 27 Nov 00:00 Slamet sick (sari) · 27 Nov 16:00 ani renamed (kepala) ·
/// 28 Nov 07:30 Paijo updated (budi)
fn four_days() -> (World, ClientId, ClientId) {
    let w = empty();
    w.clock.set(at(2026, 11, 25, 9, 0));
    w.call(
        HEAD,
        Request::Setup {
            facility_name: "UPT RSBK Pasuruan".into(),
            capacity: 110,
            head_name: "Ibu Kepala".into(),
        },
    )
    .unwrap();
    w.add_staff(STAF, "Budi Santoso", Role::Staff, true);
    w.add_staff(SUPERVISOR, "Sari Wulandari", Role::Supervisor, true);
    w.clock.set(at(2026, 11, 25, 10, 0));
    let ani = w.add(HEAD, "ani", "Ani", Role::Staff).unwrap();
    w.clock.set(at(2026, 11, 26, 8, 0));
    let slamet = w.create(draft("Slamet"));
    w.clock.set(at(2026, 11, 26, 23, 59));
    let paijo = w.create(draft("Paijo"));
    w.clock.set(at(2026, 11, 27, 0, 0));
    w.saved(
        SUPERVISOR,
        Request::ChangeStatus {
            id: slamet.id,
            base_revision: 1,
            change: StatusInput {
                detail: StatusDetail::Sick,
                date: day(2026, 11, 27),
                note: String::new(),
            },
        },
    )
    .unwrap();
    w.clock.set(at(2026, 11, 27, 16, 0));
    let mut renamed = ani.clone();
    renamed.display_name = "Ani Rahayu".into();
    w.update_staff(HEAD, 1, &renamed).unwrap();
    w.clock.set(at(2026, 11, 28, 7, 30));
    w.saved(
        STAF,
        Request::UpdateClient {
            id: paijo.id,
            base_revision: 1,
            draft: ClientDraft {
                room: "B2".into(),
                ..draft("Paijo")
            },
        },
    )
    .unwrap();
    w.clock.set(start());
    (w, slamet.id, paijo.id)
}

fn times(entries: &[AuditEntry]) -> Vec<String> {
    entries
        .iter()
        .map(|e| e.at.format("%d %H:%M").to_string())
        .collect()
}

fn filter() -> AuditFilter {
    AuditFilter::default()
}

#[test]
fn only_the_head_reads_the_trail() {
    let (w, _, _) = four_days();
    for user in [STAF, SUPERVISOR, "ani"] {
        assert_eq!(
            w.audit(user, filter()),
            Err(Refusal::NeedsRole(Role::Head)),
            "{user}"
        );
    }
    assert_eq!(
        w.audit(STRANGER, filter()),
        Err(Refusal::NoAccount(STRANGER.into()))
    );
}

#[test]
fn everything_newest_first_without_a_filter() {
    let (w, _, _) = four_days();
    let all = w.audit(HEAD, filter()).unwrap();
    let mut stored = w.stored_audit();
    stored.reverse();
    assert_eq!(all, stored);
    assert_eq!(
        times(&all),
        [
            "28 07:30", "27 16:00", "27 00:00", "26 23:59", "26 08:00", "25 10:00", "25 09:00"
        ]
    );
    assert_eq!(all.last().unwrap().action, AuditAction::SetUp);
}

#[test]
fn newest_first_follows_the_order_written_even_if_the_clock_went_back() {
    let (w, slamet, _) = four_days();
    w.clock.set(at(2026, 11, 20, 12, 0));
    let c = w.service.store().client(slamet).unwrap().unwrap();
    w.saved(
        STAF,
        Request::UpdateClient {
            id: slamet,
            base_revision: c.revision,
            draft: ClientDraft {
                bed: "3".into(),
                ..c.details.clone()
            },
        },
    )
    .unwrap();
    let all = w.audit(HEAD, filter()).unwrap();
    assert_eq!(all[0].at, at(2026, 11, 20, 12, 0));
}

#[test]
fn filtered_by_who_made_the_change() {
    let (w, _, _) = four_days();
    let by = |user: &str| {
        w.audit(
            HEAD,
            AuditFilter {
                by: Some(user.into()),
                ..filter()
            },
        )
        .unwrap()
    };
    assert_eq!(times(&by(STAF)), ["28 07:30", "26 23:59", "26 08:00"]);
    assert_eq!(times(&by(SUPERVISOR)), ["27 00:00"]);
    assert_eq!(times(&by(HEAD)), ["27 16:00", "25 10:00", "25 09:00"]);
    assert!(by("ani").is_empty());
    assert!(by(STRANGER).is_empty());
}

#[test]
fn filtered_by_inclusive_date_range() {
    let (w, _, _) = four_days();
    let range = |from: Option<(u32, u32)>, to: Option<(u32, u32)>| {
        let f = AuditFilter {
            from: from.map(|(m, d)| day(2026, m, d)),
            to: to.map(|(m, d)| day(2026, m, d)),
            ..filter()
        };
        times(&w.audit(HEAD, f).unwrap())
    };
    assert_eq!(
        range(Some((11, 26)), Some((11, 27))),
        ["27 16:00", "27 00:00", "26 23:59", "26 08:00"]
    );
    assert_eq!(
        range(Some((11, 27)), Some((11, 27))),
        ["27 16:00", "27 00:00"]
    );
    assert_eq!(range(Some((11, 28)), None), ["28 07:30"]);
    assert_eq!(range(None, Some((11, 25))), ["25 10:00", "25 09:00"]);
    assert!(range(Some((11, 29)), None).is_empty());
    assert!(
        range(Some((11, 27)), Some((11, 26))).is_empty(),
        "an empty range"
    );
}

#[test]
fn filtered_by_record() {
    let (w, slamet, paijo) = four_days();
    let about = |record: RecordRef| {
        w.audit(
            HEAD,
            AuditFilter {
                record: Some(record),
                ..filter()
            },
        )
        .unwrap()
    };
    let s = about(RecordRef::Client(slamet));
    assert_eq!(times(&s), ["27 00:00", "26 08:00"]);
    assert_eq!(
        s.iter().map(|e| e.action).collect::<Vec<_>>(),
        [AuditAction::StatusChanged, AuditAction::Created]
    );
    assert_eq!(
        times(&about(RecordRef::Client(paijo))),
        ["28 07:30", "26 23:59"]
    );
    assert_eq!(
        times(&about(RecordRef::Staff("ani".into()))),
        ["27 16:00", "25 10:00"]
    );
    assert_eq!(times(&about(RecordRef::Facility)), ["25 09:00"]);
    assert!(about(RecordRef::Client(ClientId(99))).is_empty());
}

#[test]
fn limited_to_the_newest() {
    let (w, _, _) = four_days();
    let limited = |limit: u32, by: Option<&str>| {
        let f = AuditFilter {
            limit,
            by: by.map(str::to_string),
            ..filter()
        };
        times(&w.audit(HEAD, f).unwrap())
    };
    assert_eq!(limited(2, None), ["28 07:30", "27 16:00"]);
    assert_eq!(limited(1, None), ["28 07:30"]);
    assert_eq!(limited(0, None).len(), 7, "0 means no limit");
    assert_eq!(limited(100, None).len(), 7);
    assert_eq!(
        limited(2, Some(HEAD)),
        ["27 16:00", "25 10:00"],
        "the limit counts matching entries"
    );
}

#[test]
fn filters_combine() {
    let (w, _, paijo) = four_days();
    let f = AuditFilter {
        by: Some(STAF.into()),
        from: Some(day(2026, 11, 26)),
        to: Some(day(2026, 11, 27)),
        record: Some(RecordRef::Client(paijo)),
        kind: Some(mentas::protocol::RecordKind::Client),
        limit: 5,
    };
    let found = w.audit(HEAD, f).unwrap();
    assert_eq!(times(&found), ["26 23:59"]);
    assert_eq!(found[0].action, AuditAction::Created);
}

#[test]
fn listing_writes_nothing() {
    let (w, _, _) = four_days();
    let before = w.stored_audit();
    w.audit(HEAD, filter()).unwrap();
    assert_eq!(w.stored_audit(), before);
}

#[test]
fn no_entry_ever_holds_a_whole_nik() {
    let w = set_up();
    let c = w.create(ClientDraft {
        kk: Some(KkNumber::parse(KK).unwrap()),
        ..draft_with_nik("Slamet", NIK_A)
    });
    let c = w
        .saved(
            STAF,
            Request::UpdateClient {
                id: c.id,
                base_revision: c.revision,
                draft: ClientDraft {
                    nik: Some(nik(NIK_B)),
                    kk: None,
                    ..c.details.clone()
                },
            },
        )
        .unwrap();
    w.saved(
        STAF,
        Request::UpdateClient {
            id: c.id,
            base_revision: c.revision,
            draft: ClientDraft {
                nik: None,
                ..c.details.clone()
            },
        },
    )
    .unwrap();

    let listed = w.audit(HEAD, filter()).unwrap();
    let Reply::Audit(over_the_wire) = w.call(HEAD, Request::ListAudit(filter())).unwrap() else {
        panic!("expected Audit");
    };
    let mut stored = w.stored_audit();
    stored.reverse();
    assert_eq!(listed, stored);
    assert_eq!(over_the_wire, stored);
    assert_eq!(stored.len(), 4, "setup, intake, two edits");

    let text = format!("{stored:?}");
    for number in [NIK_A, NIK_B, KK] {
        assert!(!text.contains(number), "{number} in the audit trail");
        // Nor its hidden middle, anywhere.
        assert!(!text.contains(&number[4..12]), "middle of {number} leaked");
    }
    // The changes are still there, masked.
    let niks: Vec<(&str, &str)> = stored
        .iter()
        .flat_map(|e| &e.changes)
        .filter(|ch| ch.field == "nik")
        .map(|ch| (ch.before.as_str(), ch.after.as_str()))
        .collect();
    assert_eq!(
        niks,
        [
            ("3575••••••••0002", ""),
            ("3514••••••••0003", "3575••••••••0002"),
            ("", "3514••••••••0003"),
        ]
    );
}

#[test]
fn a_sakit_note_is_masked_in_the_trail_but_kept_in_the_status_history() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    let note = "demam tinggi, TBC suspek";
    let sick = w
        .saved(
            STAF,
            Request::ChangeStatus {
                id: c.id,
                base_revision: c.revision,
                change: StatusInput {
                    detail: StatusDetail::Sick,
                    date: day(2026, 11, 20),
                    note: note.into(),
                },
            },
        )
        .unwrap();
    // Staff reading the resident see the note: the history is the record itself.
    let stored = w.stored_client(c.id);
    assert_eq!(stored.history.last().unwrap().note, note);
    assert_eq!(sick.history.last().unwrap().note, note);
    // The trail says a note was written, but not what it says.
    let entries = w.stored_audit();
    let entry = entries.last().unwrap();
    assert_eq!(entry.action, AuditAction::StatusChanged);
    let written = entry.changes.iter().find(|ch| ch.field == "note").unwrap();
    assert_eq!(written.after, "•••");
    for e in &entries {
        for ch in &e.changes {
            assert!(
                !ch.before.contains("demam") && !ch.after.contains("demam"),
                "{e:?}"
            );
        }
    }
    // A note of another status is not health information and stays readable.
    let back = w
        .saved(
            STAF,
            Request::ChangeStatus {
                id: c.id,
                base_revision: sick.revision,
                change: StatusInput {
                    detail: StatusDetail::Active,
                    date: day(2026, 11, 25),
                    note: "sudah sembuh".into(),
                },
            },
        )
        .unwrap();
    assert_eq!(back.status(), mentas::domain::Status::Active);
    let last = w.stored_audit().pop().unwrap();
    assert!(
        last.changes
            .iter()
            .any(|ch| ch.field == "note" && ch.after == "sudah sembuh")
    );
}

#[test]
fn filtered_by_kind_of_record() {
    let (w, _, _) = four_days();
    let staff_only = w
        .audit(
            HEAD,
            AuditFilter {
                kind: Some(mentas::protocol::RecordKind::Staff),
                ..filter()
            },
        )
        .unwrap();
    assert!(!staff_only.is_empty());
    assert!(
        staff_only
            .iter()
            .all(|e| matches!(e.record, RecordRef::Staff(_)))
    );
    let facility = w
        .audit(
            HEAD,
            AuditFilter {
                kind: Some(mentas::protocol::RecordKind::Facility),
                ..filter()
            },
        )
        .unwrap();
    assert_eq!(facility.len(), 1, "the setup");
    assert_eq!(facility[0].action, AuditAction::SetUp);
}

/// Every screen names who did something by their name: any staff role may read the names
/// of all accounts (an inactive one still signs old entries), and nobody without one.
#[test]
fn any_staff_member_reads_every_account_s_name() {
    let (w, _, _) = four_days();
    w.add_staff(INACTIVE, "Pak Lama", Role::Staff, false);
    for user in [STAF, SUPERVISOR, HEAD] {
        let Ok(Reply::StaffNames(names)) = w.call(user, Request::StaffNames) else {
            panic!("{user} could not read the names");
        };
        let name_of = |login: &str| {
            names
                .iter()
                .find(|n| n.username == login)
                .map(|n| n.display_name.clone())
        };
        assert_eq!(name_of(STAF).as_deref(), Some("Budi Santoso"), "{user}");
        assert_eq!(
            name_of("ani").as_deref(),
            Some("Ani Rahayu"),
            "renamed: {user}"
        );
        assert_eq!(name_of(INACTIVE).as_deref(), Some("Pak Lama"), "{user}");
        assert_eq!(name_of(HEAD).as_deref(), Some("Ibu Kepala"), "{user}");
    }
    assert_eq!(
        w.call(STRANGER, Request::StaffNames),
        Err(Refusal::NoAccount(STRANGER.into()))
    );
    let before = w.audit(HEAD, filter()).unwrap().len();
    let _ = w.call(STAF, Request::StaffNames);
    assert_eq!(
        w.audit(HEAD, filter()).unwrap().len(),
        before,
        "reading writes nothing"
    );
}
