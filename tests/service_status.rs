//! Where a resident is now, through the service: status changes and their history, exit
//! closing the stay (supervisors only), and readmission opening another.

mod service_support;

use chrono::NaiveDate;
use mentas::domain::audit::AuditAction;
use mentas::domain::{
    Client, ClientId, ExitReason, ReferralSource, Refusal, Role, Stage, Status, StatusDetail,
};
use mentas::protocol::{Reply, Request, StatusInput};
use service_support::*;

fn status(
    w: &World,
    user: &str,
    c: &Client,
    detail: StatusDetail,
    date: NaiveDate,
) -> Result<Client, Refusal> {
    w.saved(
        user,
        Request::ChangeStatus {
            id: c.id,
            base_revision: c.revision,
            change: StatusInput {
                detail,
                date,
                note: "catatan".into(),
            },
        },
    )
}

fn exit_detail() -> StatusDetail {
    StatusDetail::Exited {
        reason: ExitReason::ReturnedToFamily,
        destination: "Bangil".into(),
    }
}

fn readmit(w: &World, c: &Client, admitted: NaiveDate) -> Result<Client, Refusal> {
    w.saved(
        STAF,
        Request::Readmit {
            id: c.id,
            base_revision: c.revision,
            admitted,
            referral: ReferralSource::SocialOffice,
        },
    )
}

fn wrong(code: &str) -> Result<Client, Refusal> {
    Err(Refusal::WrongState(code.into()))
}

#[test]
fn status_changes_grow_the_history() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    let sick = status(&w, STAF, &c, StatusDetail::Sick, day(2026, 11, 5)).unwrap();
    let leave = StatusDetail::Leave {
        expected_return: day(2026, 11, 30),
    };
    let away = status(&w, STAF, &sick, leave.clone(), day(2026, 11, 20)).unwrap();
    assert_eq!(away.revision, 3);
    assert_eq!(away.status(), Status::Leave);
    assert_eq!(away.history.len(), 3);
    let last = away.history.last().unwrap();
    assert_eq!(last.detail, leave);
    assert_eq!(last.date, day(2026, 11, 20));
    assert_eq!(last.note, "catatan");
    assert_eq!(
        (last.recorded_by.as_str(), last.recorded_at),
        (STAF, start())
    );
    assert_eq!(away.stays[0].exited, None);

    let audit = w.service.store().audit_entries().unwrap();
    let entry = audit.last().unwrap();
    assert_eq!(entry.action, AuditAction::StatusChanged);
    let status_change = &entry.changes[0];
    assert_eq!(
        (
            status_change.field.as_str(),
            status_change.before.as_str(),
            status_change.after.as_str()
        ),
        ("status", "Sick", "Leave")
    );
}

#[test]
fn a_staff_member_may_not_exit_a_resident() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    assert_eq!(
        status(&w, STAF, &c, exit_detail(), day(2026, 11, 20)),
        Err(Refusal::NeedsRole(Role::Supervisor))
    );
    assert_eq!(w.service.store().client(c.id).unwrap(), Some(c));
}

#[test]
fn exit_closes_the_stay() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    let out = status(&w, SUPERVISOR, &c, exit_detail(), day(2026, 11, 20)).unwrap();
    assert_eq!(out.status(), Status::Exited);
    assert!(!out.in_residence());
    assert_eq!(out.stays.len(), 1);
    assert_eq!(out.stays[0].exited, Some(day(2026, 11, 20)));
    // The head may exit too.
    let c2 = w.create(draft("Paijo"));
    assert!(status(&w, HEAD, &c2, exit_detail(), day(2026, 11, 20)).is_ok());
}

#[test]
fn an_exited_resident_changes_only_by_readmission() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    let out = status(&w, SUPERVISOR, &c, exit_detail(), day(2026, 11, 20)).unwrap();
    assert_eq!(
        status(&w, STAF, &out, StatusDetail::Sick, day(2026, 11, 21)),
        wrong("already-exited")
    );
    assert_eq!(
        status(&w, SUPERVISOR, &out, exit_detail(), day(2026, 11, 21)),
        wrong("already-exited")
    );
}

#[test]
fn status_dates_must_fit_the_stay_and_today() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    assert_eq!(
        status(&w, STAF, &c, StatusDetail::Sick, day(2026, 11, 29)),
        wrong("date-in-future")
    );
    assert_eq!(
        status(&w, STAF, &c, StatusDetail::Sick, day(2026, 10, 31)),
        wrong("date-before-admission")
    );
    assert_eq!(
        status(
            &w,
            STAF,
            &c,
            StatusDetail::Leave {
                expected_return: day(2026, 11, 19)
            },
            day(2026, 11, 20)
        ),
        wrong("leave-return-before-date")
    );
    assert_eq!(
        status(
            &w,
            STAF,
            &c,
            StatusDetail::Absconded {
                last_seen: at(2026, 11, 28, 23, 0)
            },
            day(2026, 11, 28)
        ),
        wrong("last-seen-in-future")
    );
    let sick = status(&w, STAF, &c, StatusDetail::Sick, day(2026, 11, 20)).unwrap();
    assert_eq!(
        status(&w, STAF, &sick, StatusDetail::Active, day(2026, 11, 19)),
        wrong("date-before-last-change")
    );
    assert_eq!(
        status(
            &w,
            STAF,
            &sick,
            StatusDetail::Referred {
                to: "x".repeat(121)
            },
            day(2026, 11, 21)
        ),
        wrong("text-too-long")
    );
}

#[test]
fn a_status_change_on_a_stale_revision_conflicts() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    w.clock.set(at(2026, 11, 28, 14, 0));
    status(&w, SUPERVISOR, &c, StatusDetail::Sick, day(2026, 11, 27)).unwrap();
    match status(&w, STAF, &c, StatusDetail::Sick, day(2026, 11, 28)) {
        Err(Refusal::Conflict {
            by_name, at: when, ..
        }) => {
            assert_eq!(by_name, "Sari Wulandari");
            assert_eq!(when, at(2026, 11, 28, 14, 0));
        }
        other => panic!("expected Conflict, got {other:?}"),
    }
}

#[test]
fn unknown_residents_are_not_found() {
    let w = set_up();
    let ghost = Client {
        id: ClientId(42),
        ..w.create(draft("Slamet"))
    };
    assert_eq!(
        status(&w, STAF, &ghost, StatusDetail::Sick, day(2026, 11, 20)),
        Err(Refusal::NotFound)
    );
    assert_eq!(
        readmit(&w, &ghost, day(2026, 11, 20)),
        Err(Refusal::NotFound)
    );
}

#[test]
fn only_an_exited_resident_is_readmitted() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    assert_eq!(readmit(&w, &c, day(2026, 11, 20)), wrong("not-exited"));
}

#[test]
fn readmission_dates_follow_the_exit_and_today() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    let out = status(&w, SUPERVISOR, &c, exit_detail(), day(2026, 11, 10)).unwrap();
    assert_eq!(
        readmit(&w, &out, day(2026, 11, 9)),
        wrong("date-before-exit")
    );
    assert_eq!(
        readmit(&w, &out, day(2026, 11, 29)),
        wrong("date-in-future")
    );
    assert!(
        readmit(&w, &out, day(2026, 11, 10)).is_ok(),
        "same day is fine"
    );
}

#[test]
fn readmission_opens_a_second_stay_and_keeps_the_first() {
    let w = set_up();
    let c = w.create(mentas::domain::ClientDraft {
        stage: Stage::Intervention,
        ..draft("Slamet")
    });
    let out = status(&w, SUPERVISOR, &c, exit_detail(), day(2026, 11, 10)).unwrap();
    let back = readmit(&w, &out, day(2026, 11, 25)).unwrap();
    assert_eq!(back.status(), Status::Active);
    assert_eq!(back.stays.len(), 2);
    assert_eq!(back.stays[0].admitted, day(2026, 11, 1));
    assert_eq!(back.stays[0].exited, Some(day(2026, 11, 10)));
    assert_eq!(back.stays[1].admitted, day(2026, 11, 25));
    assert_eq!(back.stays[1].referral, ReferralSource::SocialOffice);
    assert_eq!(back.stays[1].exited, None);
    assert_eq!(back.admitted(), day(2026, 11, 25));
    assert_eq!(back.details.admitted, day(2026, 11, 25));
    assert_eq!(back.details.stage, Stage::Intake);
    assert_eq!(back.history.len(), 3);
    assert_eq!(back.history[2].detail, StatusDetail::Active);
    assert_eq!(back.history[2].date, day(2026, 11, 25));
    assert_eq!(back.reg_no, c.reg_no);

    // Both stays stay visible in the roster and the detail view.
    let Reply::Clients(rows) = w.call(STAF, Request::ListClients).unwrap() else {
        panic!("expected Clients");
    };
    assert_eq!(rows[0].stays, 2);
    let Reply::Client(view) = w.call(STAF, Request::GetClient(c.id)).unwrap() else {
        panic!("expected Client");
    };
    assert_eq!(view.client.stays, back.stays);

    let audit = w.service.store().audit_entries().unwrap();
    assert_eq!(audit.last().unwrap().action, AuditAction::Readmitted);

    // A status change in the new stay may not go back into the old one.
    assert_eq!(
        status(&w, STAF, &back, StatusDetail::Sick, day(2026, 11, 20)),
        wrong("date-before-admission")
    );
}

fn undo(w: &World, user: &str, c: &Client, index: usize) -> Result<Client, Refusal> {
    w.saved(
        user,
        Request::UndoStatus {
            id: c.id,
            base_revision: c.revision,
            index: index as u32,
        },
    )
}

#[test]
fn exit_frees_the_room_and_bed() {
    let w = set_up();
    let c = w.create(resident("Slamet", 2, "B4", "2"));
    let out = status(&w, SUPERVISOR, &c, exit_detail(), day(2026, 11, 20)).unwrap();
    assert_eq!(
        (out.details.room.as_str(), out.details.bed.as_str()),
        ("", "")
    );
    assert_eq!(w.stored_client(c.id).details.room, "");
    // The roster row shows no room either: the bed is free for someone else.
    assert_eq!(out.row().room, "");
    let entry = w.stored_audit().pop().unwrap();
    let room = entry.changes.iter().find(|ch| ch.field == "room").unwrap();
    assert_eq!((room.before.as_str(), room.after.as_str()), ("B4", ""));
}

#[test]
fn demo_exits_hold_no_room_or_bed() {
    let data = mentas::demo::generate(mentas::demo::SEED, start().date(), 100, HEAD);
    let exited: Vec<_> = data
        .clients
        .iter()
        .filter(|c| c.status() == Status::Exited)
        .collect();
    assert!(!exited.is_empty());
    for c in exited {
        assert_eq!(
            (c.details.room.as_str(), c.details.bed.as_str()),
            ("", ""),
            "{}",
            c.reg_no
        );
    }
}

#[test]
fn a_supervisor_undoes_an_exit_made_today() {
    let w = set_up();
    let c = w.create(resident("Slamet", 2, "B4", "2"));
    let sick = status(&w, STAF, &c, StatusDetail::Sick, day(2026, 11, 10)).unwrap();
    let out = status(&w, SUPERVISOR, &sick, exit_detail(), day(2026, 11, 20)).unwrap();
    let back = undo(&w, SUPERVISOR, &out, 2).unwrap();
    assert_eq!(back.status(), Status::Sick, "the status before the exit");
    assert_eq!(back.history.len(), 2);
    assert_eq!(back.stays.len(), 1);
    assert_eq!(back.stays[0].exited, None, "the stay is open again");
    assert!(back.in_residence());
    assert_eq!(
        (back.details.room.as_str(), back.details.bed.as_str()),
        ("B4", "2")
    );
    assert_eq!(w.stored_client(c.id), back);
    let entry = w.stored_audit().pop().unwrap();
    assert_eq!(entry.action, AuditAction::StatusUndone);
    assert_eq!(entry.by, SUPERVISOR);
    let s = &entry.changes[0];
    assert_eq!(
        (s.field.as_str(), s.before.as_str(), s.after.as_str()),
        ("status", "Exited", "Sick")
    );
    // A plain change is undone too (by the head as well).
    let again = undo(&w, HEAD, &back, 1).unwrap();
    assert_eq!(again.status(), Status::Active);
}

#[test]
fn undo_is_refused_to_staf_for_an_older_change_and_for_a_change_of_another_day() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    let sick = status(&w, STAF, &c, StatusDetail::Sick, day(2026, 11, 10)).unwrap();
    let leave = StatusDetail::Leave {
        expected_return: day(2026, 11, 30),
    };
    let away = status(&w, STAF, &sick, leave, day(2026, 11, 20)).unwrap();
    // Staf may not undo, not even their own change.
    assert_eq!(
        undo(&w, STAF, &away, 2),
        Err(Refusal::NeedsRole(Role::Supervisor))
    );
    // Only the last change.
    assert_eq!(undo(&w, SUPERVISOR, &away, 1), wrong("not-last-change"));
    // Never the admission itself.
    let new = w.create(draft("Paijo"));
    assert_eq!(undo(&w, SUPERVISOR, &new, 0), wrong("nothing-to-undo"));
    // Only on the day it was recorded (WIB).
    w.clock.set(start() + chrono::Duration::days(1));
    assert_eq!(undo(&w, SUPERVISOR, &away, 2), wrong("change-not-today"));
    assert_eq!(w.stored_client(c.id), away, "nothing changed");
}

#[test]
fn a_readmission_is_not_undone() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    let out = status(&w, SUPERVISOR, &c, exit_detail(), day(2026, 11, 10)).unwrap();
    let back = readmit(&w, &out, day(2026, 11, 20)).unwrap();
    assert_eq!(
        undo(&w, SUPERVISOR, &back, back.history.len() - 1),
        wrong("nothing-to-undo")
    );
}

#[test]
fn an_undone_exit_gives_the_bed_back_only_if_it_is_still_free() {
    let w = set_up();
    let c = w.create(resident("Slamet", 2, "B4", "2"));
    let out = status(&w, SUPERVISOR, &c, exit_detail(), day(2026, 11, 20)).unwrap();
    // Meanwhile someone else is given B4-2.
    let other = w.create(resident("Paijo", 21, "B4", "2"));
    let back = undo(&w, SUPERVISOR, &out, 1).unwrap();
    assert_eq!(back.status(), Status::Active, "the exit is undone");
    assert_eq!(
        (back.details.room.as_str(), back.details.bed.as_str()),
        ("", ""),
        "but without the bed Paijo holds now"
    );
    let entry = w.stored_audit().pop().unwrap();
    let taken = entry
        .changes
        .iter()
        .find(|ch| ch.field == "bed_taken_by")
        .expect("the audit says why the bed was not given back");
    assert_eq!(taken.before, format!("{} B4/2", other.reg_no));
    assert_eq!(w.stored_client(other.id).details.bed, "2");
}

#[test]
fn the_same_status_change_sent_again_after_a_timeout_counts_as_saved() {
    let w = set_up();
    let c = w.create(resident("Slamet", 2, "B4", "2"));
    let sick = status(&w, STAF, &c, StatusDetail::Sick, day(2026, 11, 10)).unwrap();
    // The reply was lost: the same change again, from the old revision.
    let again = status(&w, STAF, &c, StatusDetail::Sick, day(2026, 11, 10)).unwrap();
    assert_eq!(again, sick);
    assert_eq!(again.history.len(), 2, "recorded once");
    // Another change from the old revision still conflicts.
    assert!(matches!(
        status(&w, STAF, &c, StatusDetail::Active, day(2026, 11, 10)),
        Err(Refusal::Conflict { .. })
    ));
}
