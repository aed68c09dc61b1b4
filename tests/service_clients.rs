//! Resident records through the service: intake, edits, conflicts, the roster, one
//! resident in full, likely duplicates, and the audit entries they write.

mod service_support;

use mentas::domain::audit::{AuditAction, FieldChange, RecordRef};
use mentas::domain::{
    BirthDate, ClientId, Field, FieldProblem, Nik, NikError, Origin, Problem, ReferralSource,
    Refusal, Stage, Status, StatusDetail,
};
use mentas::protocol::{Reply, Request};
use service_support::*;

const NIK_A: &str = "3514021705800003";
const NIK_B: &str = "3575045708750002";

fn update(
    w: &World,
    user: &str,
    id: ClientId,
    base: u64,
    d: mentas::domain::ClientDraft,
) -> Result<mentas::domain::Client, Refusal> {
    w.saved(
        user,
        Request::UpdateClient {
            id,
            base_revision: base,
            draft: d,
        },
    )
}

fn change<'a>(changes: &'a [FieldChange], field: &str) -> Option<&'a FieldChange> {
    changes.iter().find(|c| c.field == field)
}

/// A NIK that never went through `Nik::parse`, as one could arrive over the wire.
fn unchecked_nik(digits: &str) -> Nik {
    let config = bincode::config::standard();
    let bytes = bincode::serde::encode_to_vec(digits, config).unwrap();
    bincode::serde::decode_from_slice(&bytes, config).unwrap().0
}

#[test]
fn intake_numbers_residents_per_year_of_admission() {
    let w = set_up();
    let first = w.create(draft("Slamet"));
    let second = w.create(draft("Paijo"));
    let last_year = w.create(mentas::domain::ClientDraft {
        admitted: day(2025, 12, 30),
        ..draft("Tukiman")
    });
    let third = w.create(draft("Sutrisno"));
    assert_eq!(first.reg_no, "2026/0001");
    assert_eq!(second.reg_no, "2026/0002");
    assert_eq!(last_year.reg_no, "2025/0001");
    assert_eq!(third.reg_no, "2026/0003");
    let ids: Vec<u64> = [&first, &second, &last_year, &third]
        .iter()
        .map(|c| c.id.0)
        .collect();
    assert_eq!(ids, [1, 2, 3, 4]);
}

#[test]
fn intake_opens_a_stay_and_an_active_history() {
    let w = set_up();
    let c = w.create(mentas::domain::ClientDraft {
        referral: ReferralSource::Raid,
        ..draft("Slamet")
    });
    assert_eq!(c.revision, 1);
    assert_eq!(c.stays.len(), 1);
    assert_eq!(c.stays[0].admitted, day(2026, 11, 1));
    assert_eq!(c.stays[0].referral, ReferralSource::Raid);
    assert_eq!(c.stays[0].exited, None);
    assert_eq!(c.history.len(), 1);
    assert_eq!(c.history[0].detail, StatusDetail::Active);
    assert_eq!(c.history[0].date, day(2026, 11, 1));
    assert_eq!(c.history[0].recorded_by, STAF);
    assert_eq!(c.history[0].recorded_at, start());
    assert_eq!((c.changed_by.as_str(), c.changed_at), (STAF, start()));
    assert_eq!(c.status(), Status::Active);
    // On disk, as returned.
    assert_eq!(w.service.store().client(c.id).unwrap(), Some(c));
}

#[test]
fn intake_is_audited_with_every_filled_field_and_the_nik_masked() {
    let w = set_up();
    let c = w.create(mentas::domain::ClientDraft {
        nickname: "Met".into(),
        origin: Origin::Regency(3514),
        ..draft_with_nik("Slamet", NIK_A)
    });
    let audit = w.service.store().audit_entries().unwrap();
    let entry = audit.last().unwrap();
    assert_eq!(entry.action, AuditAction::Created);
    assert_eq!(entry.record, RecordRef::Client(c.id));
    assert_eq!(entry.by, STAF);
    let fields: Vec<&str> = entry.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "name", "nickname", "nik", "sex", "origin", "admitted", "stage"
        ]
    );
    assert!(entry.changes.iter().all(|c| c.before.is_empty()));
    assert_eq!(
        change(&entry.changes, "nik").unwrap().after,
        "3514••••••••0003"
    );
    assert!(!format!("{audit:?}").contains(NIK_A));
}

#[test]
fn intake_without_a_name_is_invalid() {
    let w = set_up();
    let refused = w.call(STAF, Request::CreateClient(draft("  ")));
    assert_eq!(
        refused,
        Err(Refusal::Invalid(vec![FieldProblem {
            field: Field::Name,
            problem: Problem::NameOrNicknameRequired,
        }]))
    );
    assert!(w.service.store().clients().unwrap().is_empty());
}

#[test]
fn a_nik_of_the_wrong_length_is_a_number_problem() {
    let w = set_up();
    let d = mentas::domain::ClientDraft {
        nik: Some(unchecked_nik("351")),
        ..draft("Slamet")
    };
    assert_eq!(
        w.call(STAF, Request::CreateClient(d)),
        Err(Refusal::Invalid(vec![FieldProblem {
            field: Field::Nik,
            problem: Problem::Number(NikError::WrongLength(3)),
        }]))
    );
}

#[test]
fn a_taken_nik_names_its_holder_with_the_other_problems() {
    let w = set_up();
    let holder = w.create(draft_with_nik("Slamet Riyadi", NIK_A));
    let d = mentas::domain::ClientDraft {
        birth: BirthDate::Exact(day(2030, 1, 1)),
        ..draft_with_nik("Slamet R.", NIK_A)
    };
    assert_eq!(
        w.call(STAF, Request::CreateClient(d)),
        Err(Refusal::Invalid(vec![
            FieldProblem {
                field: Field::BirthDate,
                problem: Problem::InFuture,
            },
            FieldProblem {
                field: Field::Nik,
                problem: Problem::NikTaken {
                    name: "Slamet Riyadi".into(),
                    reg_no: holder.reg_no.clone(),
                },
            },
        ]))
    );
    // Editing the holder itself with its own NIK is fine; another may not take it.
    let other = w.create(draft("Paijo"));
    assert!(
        update(
            &w,
            STAF,
            holder.id,
            1,
            draft_with_nik("Slamet Riyadi", NIK_A)
        )
        .is_ok()
    );
    assert_eq!(
        update(&w, STAF, other.id, 1, draft_with_nik("Paijo", NIK_A)),
        Err(Refusal::Invalid(vec![FieldProblem {
            field: Field::Nik,
            problem: Problem::NikTaken {
                name: "Slamet Riyadi".into(),
                reg_no: holder.reg_no,
            },
        }]))
    );
}

#[test]
fn an_update_replaces_the_details_and_audits_only_what_changed() {
    let w = set_up();
    let c = w.create(draft_with_nik("Slamet", NIK_A));
    w.clock.set(at(2026, 11, 28, 11, 30));
    let edited = mentas::domain::ClientDraft {
        room: "B1".into(),
        admitted: day(2026, 10, 30),
        referral: ReferralSource::Police,
        ..draft_with_nik("Slamet", NIK_B)
    };
    let saved = update(&w, SUPERVISOR, c.id, 1, edited.clone()).unwrap();
    assert_eq!(saved.revision, 2);
    assert_eq!(saved.details, edited);
    assert_eq!(saved.stays.len(), 1);
    assert_eq!(saved.stays[0].admitted, day(2026, 10, 30));
    assert_eq!(saved.stays[0].referral, ReferralSource::Police);
    assert_eq!(saved.changed_by, SUPERVISOR);
    assert_eq!(saved.changed_at, at(2026, 11, 28, 11, 30));
    assert_eq!(
        saved.reg_no, c.reg_no,
        "the registration number never changes"
    );

    let store = w.service.store();
    assert_eq!(store.client_id_by_nik(&nik(NIK_A)).unwrap(), None);
    assert_eq!(store.client_id_by_nik(&nik(NIK_B)).unwrap(), Some(c.id));

    let audit = store.audit_entries().unwrap();
    let entry = audit.last().unwrap();
    assert_eq!(entry.action, AuditAction::Updated);
    assert_eq!(entry.by, SUPERVISOR);
    let fields: Vec<&str> = entry.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["nik", "admitted", "referral", "room"]);
    let nik_change = change(&entry.changes, "nik").unwrap();
    assert_eq!(
        (nik_change.before.as_str(), nik_change.after.as_str()),
        ("3514••••••••0003", "3575••••••••0002")
    );
    let text = format!("{audit:?}");
    assert!(!text.contains(NIK_A) && !text.contains(NIK_B));
}

#[test]
fn a_nik_change_hidden_by_the_mask_is_still_audited() {
    let w = set_up();
    let c = w.create(draft_with_nik("Slamet", NIK_A));
    // Same region and serial, different birth date: the masked forms are equal.
    update(
        &w,
        STAF,
        c.id,
        1,
        draft_with_nik("Slamet", "3514021805800003"),
    )
    .unwrap();
    let audit = w.service.store().audit_entries().unwrap();
    let fields: Vec<&str> = audit
        .last()
        .unwrap()
        .changes
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(fields, ["nik"]);
}

#[test]
fn an_unchanged_update_writes_nothing() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    let entries = w.service.store().audit_entries().unwrap().len();
    w.clock.set(at(2026, 11, 28, 12, 0));
    let same = update(&w, SUPERVISOR, c.id, 1, draft("Slamet")).unwrap();
    assert_eq!(same, c);
    assert_eq!(w.service.store().audit_entries().unwrap().len(), entries);
}

#[test]
fn two_updates_from_one_revision_conflict_naming_the_other_person() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    w.clock.set(at(2026, 11, 28, 13, 5));
    let first = update(&w, SUPERVISOR, c.id, 1, draft("Slamet Riyadi")).unwrap();
    w.clock.set(at(2026, 11, 28, 13, 7));
    let refused = update(&w, STAF, c.id, 1, draft("Slamet R."));
    match refused {
        Err(Refusal::Conflict {
            by_name,
            at: when,
            current,
        }) => {
            assert_eq!(by_name, "Sari Wulandari");
            assert_eq!(when, at(2026, 11, 28, 13, 5));
            assert_eq!(*current, first);
        }
        other => panic!("expected Conflict, got {other:?}"),
    }
    assert_eq!(
        w.service
            .store()
            .client(c.id)
            .unwrap()
            .unwrap()
            .details
            .name,
        "Slamet Riyadi"
    );
}

#[test]
fn a_change_by_someone_without_an_account_names_the_user() {
    let w = set_up();
    let mut c = w.create(draft("Slamet"));
    // Written by a user who has no account (e.g. an import by the system account).
    c.changed_by = "hantu".into();
    w.service.store().transact(|tx| tx.put_client(&c)).unwrap();
    match update(&w, STAF, c.id, 0, draft("X")) {
        Err(Refusal::Conflict { by_name, .. }) => assert_eq!(by_name, "hantu"),
        other => panic!("expected Conflict, got {other:?}"),
    }
    let Reply::Client(view) = w.call(STAF, Request::GetClient(c.id)).unwrap() else {
        panic!("expected Client");
    };
    assert_eq!(view.changed_by_name, "hantu");
}

#[test]
fn unknown_residents_are_not_found() {
    let w = set_up();
    let missing = ClientId(99);
    assert_eq!(
        w.call(STAF, Request::GetClient(missing)),
        Err(Refusal::NotFound)
    );
    assert_eq!(
        update(&w, STAF, missing, 1, draft("Slamet")),
        Err(Refusal::NotFound)
    );
}

#[test]
fn an_update_may_not_move_admission_across_an_exit() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    let exited = w
        .saved(
            SUPERVISOR,
            Request::ChangeStatus {
                id: c.id,
                base_revision: 1,
                change: mentas::protocol::StatusInput {
                    detail: StatusDetail::Exited {
                        reason: mentas::domain::ExitReason::Work,
                        destination: "Surabaya".into(),
                    },
                    date: day(2026, 11, 10),
                    note: String::new(),
                },
            },
        )
        .unwrap();
    let late = mentas::domain::ClientDraft {
        admitted: day(2026, 11, 12),
        ..exited.details.clone()
    };
    assert_eq!(
        update(&w, STAF, c.id, exited.revision, late),
        Err(Refusal::WrongState("admitted-after-exit".into()))
    );
    let readmitted = w
        .saved(
            STAF,
            Request::Readmit {
                id: c.id,
                base_revision: exited.revision,
                admitted: day(2026, 11, 20),
                referral: ReferralSource::Family,
            },
        )
        .unwrap();
    let early = mentas::domain::ClientDraft {
        admitted: day(2026, 11, 9),
        ..readmitted.details.clone()
    };
    assert_eq!(
        update(&w, STAF, c.id, readmitted.revision, early),
        Err(Refusal::WrongState("admitted-before-previous-exit".into()))
    );
}

#[test]
fn the_roster_lists_everyone_in_id_order() {
    let w = set_up();
    for name in ["Slamet", "Paijo", "Tukiman"] {
        w.create(draft(name));
    }
    let Reply::Clients(rows) = w.call(STAF, Request::ListClients).unwrap() else {
        panic!("expected Clients");
    };
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Slamet", "Paijo", "Tukiman"]);
    assert_eq!(rows[1].reg_no, "2026/0002");
    assert_eq!(rows[1].stage, Stage::Intake);
}

#[test]
fn one_resident_shows_who_changed_it_last() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    let Reply::Client(view) = w.call(HEAD, Request::GetClient(c.id)).unwrap() else {
        panic!("expected Client");
    };
    assert_eq!(view.client, c);
    assert_eq!(view.changed_by_name, "Budi Santoso");
}

#[test]
fn likely_duplicates_are_found_by_nik_and_by_name() {
    let w = set_up();
    let slamet = w.create(mentas::domain::ClientDraft {
        birth: BirthDate::ApproxYear(1980),
        ..draft_with_nik("Slamet Riyadi", NIK_A)
    });
    w.create(draft("Paijo"));
    let check = |d, editing| match w
        .call(STAF, Request::CheckDuplicates { draft: d, editing })
        .unwrap()
    {
        Reply::Duplicates(found) => found,
        other => panic!("expected Duplicates, got {other:?}"),
    };
    let by_nik = check(draft_with_nik("Someone Else", NIK_A), None);
    assert_eq!(by_nik.len(), 1);
    assert!(by_nik[0].same_nik);
    assert_eq!(by_nik[0].row.id, slamet.id);

    let by_name = check(
        mentas::domain::ClientDraft {
            birth: BirthDate::ApproxYear(1980),
            ..draft("Slamet Riyadhi")
        },
        None,
    );
    assert_eq!(by_name.len(), 1);
    assert_eq!(by_name[0].row.id, slamet.id);

    assert!(check(slamet.details.clone(), Some(slamet.id)).is_empty());
}

#[test]
fn concurrent_intake_gives_every_resident_its_own_number() {
    let w = std::sync::Arc::new(set_up());
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let w = w.clone();
            std::thread::spawn(move || {
                for n in 0..10 {
                    w.create(draft(&format!("Warga {t}-{n}")));
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let mut numbers: Vec<String> = w
        .service
        .store()
        .clients()
        .unwrap()
        .into_iter()
        .map(|c| c.reg_no)
        .collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 40);
    assert_eq!(numbers.last().unwrap(), "2026/0040");
}

#[test]
fn a_bed_held_by_a_resident_on_leave_is_refused_naming_them() {
    let w = set_up();
    let kabul = w.create(resident("Kabul Zakaria", 2, "A1", "2"));
    w.set_status(
        STAF,
        kabul.id,
        StatusDetail::Leave {
            expected_return: day(2026, 11, 30),
        },
        day(2026, 11, 20),
    )
    .unwrap();
    let taken = || {
        Err(Refusal::Invalid(vec![FieldProblem {
            field: Field::Room,
            problem: Problem::BedTaken {
                name: "Kabul Zakaria".into(),
                reg_no: kabul.reg_no.clone(),
            },
        }]))
    };
    // Intake into the same bed ("a1" is A1) is refused, next to the room field.
    assert_eq!(
        w.call(
            STAF,
            Request::CreateClient(resident("Paijo", 3, "a1 ", "2"))
        )
        .map(|_| ()),
        taken()
    );
    // So is moving another resident into it; another bed of the room is fine.
    let paijo = w.create(resident("Paijo", 3, "A1", "3"));
    assert_eq!(
        update(&w, STAF, paijo.id, 1, resident("Paijo", 3, "A1", "2")).map(|_| ()),
        taken()
    );
    assert_eq!(w.stored_client(paijo.id).details.bed, "3");
    // Once Kabul has exited, the bed is free.
    let exit = StatusDetail::Exited {
        reason: mentas::domain::ExitReason::Work,
        destination: "Surabaya".into(),
    };
    w.set_status(SUPERVISOR, kabul.id, exit, day(2026, 11, 21))
        .unwrap();
    let moved = update(&w, STAF, paijo.id, 1, resident("Paijo", 3, "A1", "2")).unwrap();
    assert_eq!(moved.details.bed, "2");
}

#[test]
fn the_same_edit_sent_again_after_a_timeout_counts_as_saved() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    let first = update(&w, STAF, c.id, 1, draft("Slamet Riyadi")).unwrap();
    // The reply was lost; the form sends the same draft from the old revision again.
    let again = update(&w, STAF, c.id, 1, draft("Slamet Riyadi")).unwrap();
    assert_eq!(again, first);
    // A different change from the old revision is still a conflict.
    assert!(matches!(
        update(&w, STAF, c.id, 1, draft("Slamet R.")),
        Err(Refusal::Conflict { .. })
    ));
}
