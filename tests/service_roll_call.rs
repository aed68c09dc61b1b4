//! Roll calls through the service: who is in one, their order, marks by shift with the
//! WIB boundaries, kabur and its return (and the return from izin or dirujuk), two people
//! marking at once, marking everyone still unmarked, late marks in the grace period,
//! corrections of ended shifts, and the audit trail of all of it.

mod service_support;

use std::sync::Barrier;

use mentas::domain::audit::{AuditAction, RecordRef};
use mentas::domain::roll_call::Presence;
use mentas::domain::shift::Shift;
use mentas::domain::{ClientId, ExitReason, Refusal, Role, Status, StatusDetail};
use mentas::protocol::{Reply, Request};
use service_support::*;

/// Creates residents (admitted 1 Nov, rooms A1.., bed 1) and returns their ids.
fn residents(w: &World, n: usize) -> Vec<ClientId> {
    (0..n)
        .map(|i| {
            let room = format!("A{}", i + 1);
            w.create(resident(&format!("Warga {i:02}"), 1, &room, "1"))
                .id
        })
        .collect()
}

#[test]
fn a_mark_at_0659_belongs_to_last_nights_roll_call() {
    let w = set_up();
    let id = residents(&w, 1)[0];
    w.clock.set(at(2026, 11, 29, 6, 59));
    let night = slot(28, Shift::Night);
    assert_eq!(
        w.today().slot,
        night,
        "06:59 is still the malam of the 28th"
    );
    let (row, _) = w.mark(STAF, night, id, Presence::Present).unwrap();
    assert_eq!(row.mark.unwrap().at, at(2026, 11, 29, 6, 59));
    assert_eq!(
        w.mark(STAF, slot(29, Shift::Morning), id, Presence::Present),
        wrong("date-in-future"),
        "the pagi of the 29th starts at 07:00"
    );
    assert!(w.roll_call(night).rows[0].mark.is_some());
    assert!(w.roll_call(slot(29, Shift::Morning)).rows[0].mark.is_none());

    w.clock.set(at(2026, 11, 29, 7, 0));
    assert_eq!(w.today().slot, slot(29, Shift::Morning));
    assert!(
        !w.roll_call(night).closed,
        "the malam ended at 07:00 but takes late marks until 07:30"
    );
    w.clock.set(at(2026, 11, 29, 7, 30));
    assert!(w.roll_call(night).closed);
    assert!(!w.roll_call(slot(29, Shift::Morning)).closed);
    assert_eq!(
        w.mark(STAF, night, id, Presence::Sick),
        Err(Refusal::NeedsRole(Role::Supervisor)),
        "from 07:30 a change to the malam is a correction"
    );
    w.mark(STAF, slot(29, Shift::Morning), id, Presence::Present)
        .unwrap();
}

#[test]
fn rows_are_ordered_by_room_and_bed_then_name_without_a_room_last() {
    let w = set_up();
    let ids: Vec<(String, ClientId)> = [
        ("Tanpa Kamar", "", ""),
        ("Budi", "A10", "1"),
        ("Cahyo", "A2", "10"),
        ("Agus", "A2", "2"),
        // The same bed written another way: the name settles the order.
        ("Bayu", "A2", "02"),
        ("Dodi", "B1", "1"),
    ]
    .iter()
    .map(|(name, room, bed)| (name.to_string(), w.create(resident(name, 1, room, bed)).id))
    .collect();
    let names: Vec<String> = w
        .roll_call(slot(28, Shift::Morning))
        .rows
        .into_iter()
        .map(|r| w.stored_client(r.client).details.name)
        .collect();
    assert_eq!(
        names,
        ["Agus", "Bayu", "Cahyo", "Budi", "Dodi", "Tanpa Kamar"]
    );
    assert_eq!(ids.len(), 6);
}

#[test]
fn residents_away_by_status_come_pre_marked() {
    let w = set_up();
    let ids = residents(&w, 5);
    let today = day(2026, 11, 28);
    let leave = StatusDetail::Leave {
        expected_return: day(2026, 11, 30),
    };
    w.set_status(STAF, ids[0], leave, today).unwrap();
    w.set_status(STAF, ids[1], StatusDetail::Sick, today)
        .unwrap();
    let referred = StatusDetail::Referred {
        to: "RSUD Bangil".into(),
    };
    w.set_status(STAF, ids[2], referred, today).unwrap();
    let kabur = StatusDetail::Absconded {
        last_seen: at(2026, 11, 27, 20, 0),
    };
    w.set_status(STAF, ids[3], kabur, today).unwrap();

    let rc = w.roll_call(slot(28, Shift::Morning));
    let implied: Vec<Option<Presence>> = rc.rows.iter().map(|r| r.implied).collect();
    assert_eq!(
        implied,
        [
            Some(Presence::Leave),
            Some(Presence::Sick),
            Some(Presence::Referred),
            Some(Presence::Absconded),
            None
        ]
    );
    assert!(rc.rows.iter().all(|r| r.mark.is_none()));
    assert_eq!(rc.marked(), 4);
    // Yesterday's roll call shows the statuses of yesterday: nobody away.
    let before = w.roll_call(slot(27, Shift::Night));
    assert!(before.rows.iter().all(|r| r.implied.is_none()));
}

#[test]
fn a_kabur_mark_changes_the_status_with_history() {
    let w = set_up();
    let id = residents(&w, 1)[0];
    let revision = w.stored_client(id).revision;
    let now_slot = slot(28, Shift::Morning);
    let seen = at(2026, 11, 28, 5, 30);
    let (row, changed) = w
        .mark_with(
            STAF,
            now_slot,
            id,
            Presence::Absconded,
            "tidak ada di asrama",
            Some(seen),
        )
        .unwrap();
    assert!(changed);
    assert_eq!(w.stored_client(row.client).status(), Status::Absconded);
    assert_eq!(row.mark.as_ref().unwrap().presence, Presence::Absconded);
    assert_eq!(row.implied, Some(Presence::Absconded));

    let c = w.stored_client(id);
    assert_eq!(c.revision, revision + 1);
    assert_eq!((c.changed_by.as_str(), c.changed_at), (STAF, start()));
    let last = c.history.last().unwrap();
    assert_eq!(last.detail, StatusDetail::Absconded { last_seen: seen });
    assert_eq!(last.date, day(2026, 11, 28));
    assert_eq!(last.note, "tidak ada di asrama");
    assert_eq!(last.recorded_by, STAF);

    let audit = w.stored_audit();
    let e = audit.last().unwrap();
    assert_eq!(audit.len(), 3, "setup, intake, the mark");
    assert_eq!(
        (e.action, &e.record, e.by.as_str()),
        (AuditAction::RollCallMarked, &RecordRef::Client(id), STAF)
    );
    let field = |name: &str| {
        e.changes
            .iter()
            .find(|c| c.field == name)
            .map(|c| (c.before.clone(), c.after.clone()))
    };
    assert_eq!(
        field("slot"),
        Some(("".into(), "2026-11-28 Morning".into()))
    );
    assert_eq!(field("presence"), Some(("".into(), "Absconded".into())));
    assert_eq!(field("status"), Some(("Active".into(), "Absconded".into())));
    assert_eq!(field("last_seen"), Some(("".into(), seen.to_string())));
    assert_eq!(
        field("note"),
        Some(("".into(), "tidak ada di asrama".into()))
    );

    // Hari ini counts the resident kabur.
    let today = w.today();
    assert_eq!(
        today.headcount.of(mentas::domain::today::Group::Absconded),
        &[id]
    );

    // Kabur again in the next shift changes nothing more.
    w.clock.set(at(2026, 11, 28, 15, 0));
    let (_, again) = w
        .mark(STAF, slot(28, Shift::Afternoon), id, Presence::Absconded)
        .unwrap();
    assert!(!again);
    assert_eq!(w.stored_client(id).history.len(), 2);
}

#[test]
fn without_a_time_last_seen_is_the_moment_of_marking() {
    let w = set_up();
    let id = residents(&w, 1)[0];
    w.mark(STAF, slot(28, Shift::Morning), id, Presence::Absconded)
        .unwrap();
    assert_eq!(
        w.stored_client(id).history.last().unwrap().detail,
        StatusDetail::Absconded { last_seen: start() }
    );
    let id = w.create(resident("Warga 01", 1, "A2", "1")).id;
    assert_eq!(
        w.mark_with(
            STAF,
            slot(28, Shift::Morning),
            id,
            Presence::Absconded,
            "",
            Some(at(2026, 11, 28, 11, 0))
        ),
        wrong("last-seen-in-future")
    );
}

#[test]
fn a_hadir_mark_brings_a_kabur_resident_back() {
    let w = set_up();
    let id = residents(&w, 1)[0];
    w.mark(STAF, slot(28, Shift::Morning), id, Presence::Absconded)
        .unwrap();
    w.clock.set(at(2026, 11, 28, 22, 0));
    let (row, changed) = w
        .mark_with(
            STAF,
            slot(28, Shift::Night),
            id,
            Presence::Present,
            "diantar keluarga",
            None,
        )
        .unwrap();
    assert!(changed);
    assert_eq!(w.stored_client(row.client).status(), Status::Active);
    assert_eq!(row.implied, None);
    let c = w.stored_client(id);
    let last = c.history.last().unwrap();
    assert_eq!(
        (&last.detail, last.date, last.note.as_str()),
        (
            &StatusDetail::Active,
            day(2026, 11, 28),
            "kembali (apel malam): diantar keluarga"
        )
    );
    assert_eq!(
        row.mark.unwrap().note,
        "diantar keluarga",
        "the mark keeps its note as typed"
    );
    assert_eq!(c.history.len(), 3, "aktif, kabur, back");
    let e = w.stored_audit().pop().unwrap();
    assert!(
        e.changes
            .iter()
            .any(|c| c.field == "status" && c.before == "Absconded" && c.after == "Active")
    );
    // Back and present: no longer due.
    assert!(
        !w.today()
            .due
            .iter()
            .any(|d| matches!(d, mentas::domain::today::Due::AbscondedNotBack { .. }))
    );
}

#[test]
fn a_hadir_mark_brings_a_resident_back_from_izin_or_dirujuk() {
    let w = set_up();
    let ids = residents(&w, 2);
    let leave = StatusDetail::Leave {
        expected_return: day(2026, 11, 30),
    };
    w.set_status(STAF, ids[0], leave, day(2026, 11, 25))
        .unwrap();
    let referred = StatusDetail::Referred {
        to: "RSUD Bangil".into(),
    };
    w.set_status(STAF, ids[1], referred, day(2026, 11, 26))
        .unwrap();
    let now_slot = slot(28, Shift::Morning);
    for (id, was) in [(ids[0], "Leave"), (ids[1], "Referred")] {
        let (row, changed) = w.mark(STAF, now_slot, id, Presence::Present).unwrap();
        assert!(changed, "{was}: the return is recorded");
        assert_eq!(
            (row.implied, row.presence()),
            (None, Some(Presence::Present)),
            "{was}: the row no longer shows them away"
        );
        let c = w.stored_client(id);
        assert_eq!(c.status(), Status::Active);
        assert_eq!(c.history.len(), 3, "{was}: aktif, away, back");
        let last = c.history.last().unwrap();
        assert_eq!(
            (&last.detail, last.date, last.note.as_str()),
            (
                &StatusDetail::Active,
                day(2026, 11, 28),
                "kembali (apel pagi)"
            )
        );
        let e = w.stored_audit().pop().unwrap();
        assert!(
            e.changes
                .iter()
                .any(|c| c.field == "status" && c.before == was && c.after == "Active"),
            "{was}: the audit entry names the return"
        );
    }
    // Back: no longer counted away on Hari ini.
    let today = w.today();
    assert!(
        today
            .headcount
            .of(mentas::domain::today::Group::Leave)
            .is_empty()
    );
}

#[test]
fn leave_sick_and_referred_marks_leave_the_status_alone() {
    let w = set_up();
    let ids = residents(&w, 3);
    let now_slot = slot(28, Shift::Morning);
    for (id, presence) in ids
        .iter()
        .zip([Presence::Leave, Presence::Sick, Presence::Referred])
    {
        let (row, changed) = w.mark(STAF, now_slot, *id, presence).unwrap();
        assert!(!changed);
        assert_eq!(w.stored_client(row.client).status(), Status::Active);
        assert_eq!(row.presence(), Some(presence));
        assert_eq!(w.stored_client(*id).revision, 1);
    }
    // A hadir mark for someone sakit records the mark only.
    w.set_status(STAF, ids[1], StatusDetail::Sick, day(2026, 11, 28))
        .unwrap();
    let history = w.stored_client(ids[1]).history.len();
    let (row, changed) = w.mark(STAF, now_slot, ids[1], Presence::Present).unwrap();
    assert!(!changed, "sakit is ill in the facility: hadir is no return");
    assert_eq!(w.stored_client(ids[1]).history.len(), history);
    assert_eq!(
        (
            w.stored_client(row.client).status(),
            row.implied,
            row.presence(),
        ),
        (Status::Sick, Some(Presence::Sick), Some(Presence::Present))
    );
}

#[test]
fn sick_notes_are_kept_in_the_mark_but_masked_in_the_audit_trail() {
    let w = set_up();
    let id = residents(&w, 1)[0];
    let now_slot = slot(28, Shift::Morning);
    let (row, _) = w
        .mark_with(STAF, now_slot, id, Presence::Sick, "demam tinggi", None)
        .unwrap();
    assert_eq!(row.mark.unwrap().note, "demam tinggi");
    let e = w.stored_audit().pop().unwrap();
    let note = e.changes.iter().find(|c| c.field == "note").unwrap();
    assert_eq!((note.before.as_str(), note.after.as_str()), ("", "•••"));

    // Changed to hadir with another note: the sakit note stays hidden.
    w.mark_with(STAF, now_slot, id, Presence::Present, "sudah sehat", None)
        .unwrap();
    let e = w.stored_audit().pop().unwrap();
    let note = e.changes.iter().find(|c| c.field == "note").unwrap();
    assert_eq!((note.before.as_str(), note.after.as_str()), ("•••", "•••"));
    let presence = e.changes.iter().find(|c| c.field == "presence").unwrap();
    assert_eq!(
        (presence.before.as_str(), presence.after.as_str()),
        ("Sick", "Present")
    );
    assert!(
        !w.stored_audit()
            .iter()
            .flat_map(|e| &e.changes)
            .any(|c| c.before.contains("demam") || c.after.contains("demam"))
    );
}

#[test]
fn every_mark_is_audited_but_the_same_mark_again_writes_nothing() {
    let w = set_up();
    let id = residents(&w, 1)[0];
    let now_slot = slot(28, Shift::Morning);
    w.mark(STAF, now_slot, id, Presence::Present).unwrap();
    let n = w.stored_audit().len();
    let (row, _) = w.mark(SUPERVISOR, now_slot, id, Presence::Present).unwrap();
    assert_eq!(w.stored_audit().len(), n, "unchanged: nothing written");
    assert_eq!(row.mark.unwrap().by, STAF, "the first mark stands");
    w.mark(SUPERVISOR, now_slot, id, Presence::Sick).unwrap();
    assert_eq!(w.stored_audit().len(), n + 1);
}

#[test]
fn concurrent_marks_from_two_users_end_in_the_union_of_both() {
    let w = set_up();
    let ids = residents(&w, 40);
    let now_slot = slot(28, Shift::Morning);
    let barrier = Barrier::new(2);
    std::thread::scope(|s| {
        for (user, parity) in [(STAF, 0), (SUPERVISOR, 1)] {
            let (w, ids, barrier) = (&w, &ids, &barrier);
            s.spawn(move || {
                barrier.wait();
                for id in ids.iter().skip(parity).step_by(2) {
                    w.mark(user, now_slot, *id, Presence::Present).unwrap();
                }
            });
        }
    });
    let rc = w.roll_call(now_slot);
    assert_eq!(rc.rows.len(), 40);
    assert_eq!(rc.marked(), 40);
    for (i, row) in rc.rows.iter().enumerate() {
        let by = &row.mark.as_ref().unwrap().by;
        let expected = if ids.iter().position(|id| *id == row.client).unwrap() % 2 == 0 {
            STAF
        } else {
            SUPERVISOR
        };
        assert_eq!(by, expected, "row {i}");
    }
    let marks = w
        .stored_audit()
        .iter()
        .filter(|e| e.action == AuditAction::RollCallMarked)
        .count();
    assert_eq!(marks, 40);
}

#[test]
fn mark_all_present_never_overwrites_a_made_or_implied_mark() {
    let w = set_up();
    let ids = residents(&w, 6);
    let now_slot = slot(28, Shift::Morning);
    // Someone else marked one sakit; one is on leave by status; one is kabur.
    w.mark(SUPERVISOR, now_slot, ids[0], Presence::Sick)
        .unwrap();
    let leave = StatusDetail::Leave {
        expected_return: day(2026, 11, 30),
    };
    w.set_status(STAF, ids[1], leave, day(2026, 11, 27))
        .unwrap();
    let kabur = StatusDetail::Absconded {
        last_seen: at(2026, 11, 27, 20, 0),
    };
    w.set_status(STAF, ids[2], kabur, day(2026, 11, 27))
        .unwrap();
    let audit_before = w.stored_audit().len();

    // The list is what the screen saw as unmarked a moment ago, plus an unknown id.
    let mut listed = ids.clone();
    listed.push(ClientId(999));
    let rc = w.mark_all(STAF, now_slot, listed.clone()).unwrap();
    let presence = |i: usize| rc.row(ids[i]).unwrap().presence();
    assert_eq!(presence(0), Some(Presence::Sick));
    assert_eq!(
        rc.row(ids[0]).unwrap().mark.as_ref().unwrap().by,
        SUPERVISOR
    );
    assert_eq!(presence(1), Some(Presence::Leave));
    assert!(rc.row(ids[1]).unwrap().mark.is_none());
    assert_eq!(presence(2), Some(Presence::Absconded));
    assert_eq!(w.stored_client(ids[2]).status(), Status::Absconded);
    for id in &ids[3..] {
        let mark = rc.row(*id).unwrap().mark.as_ref().unwrap();
        assert_eq!((mark.presence, mark.by.as_str()), (Presence::Present, STAF));
    }
    assert_eq!(rc.marked(), 6);

    let audit = w.stored_audit();
    assert_eq!(audit.len(), audit_before + 1, "one entry for the lot");
    let e = audit.last().unwrap();
    assert_eq!(
        (e.action, &e.record),
        (AuditAction::RollCallMarked, &RecordRef::RollCall(now_slot))
    );
    let count = e
        .changes
        .iter()
        .find(|c| c.field == "marked_present")
        .unwrap();
    assert_eq!(count.after, "3");

    // Again: nobody left to mark, nothing written.
    w.mark_all(STAF, now_slot, listed).unwrap();
    assert_eq!(w.stored_audit().len(), audit_before + 1);
}

#[test]
fn a_staf_cannot_correct_an_ended_shift_but_a_supervisor_can() {
    let w = set_up();
    let ids = residents(&w, 3);
    let yesterday = slot(27, Shift::Afternoon);
    assert!(w.roll_call(yesterday).closed);
    assert_eq!(
        w.mark(STAF, yesterday, ids[0], Presence::Present),
        Err(Refusal::NeedsRole(Role::Supervisor))
    );
    assert_eq!(
        w.mark_all(STAF, yesterday, ids.clone()),
        Err(Refusal::NeedsRole(Role::Supervisor))
    );
    let n = w.stored_audit().len();

    w.mark_with(
        SUPERVISOR,
        yesterday,
        ids[0],
        Presence::Leave,
        "pulang ke Bangil",
        None,
    )
    .unwrap();
    w.mark_with(SUPERVISOR, yesterday, ids[0], Presence::Present, "", None)
        .unwrap();
    let audit = w.stored_audit();
    assert_eq!(audit.len(), n + 2);
    let e = audit.last().unwrap();
    assert_eq!(
        (e.action, &e.record, e.by.as_str()),
        (
            AuditAction::RollCallCorrected,
            &RecordRef::Client(ids[0]),
            SUPERVISOR
        )
    );
    let presence = e.changes.iter().find(|c| c.field == "presence").unwrap();
    assert_eq!(
        (presence.before.as_str(), presence.after.as_str()),
        ("Leave", "Present")
    );
    let note = e.changes.iter().find(|c| c.field == "note").unwrap();
    assert_eq!(
        (note.before.as_str(), note.after.as_str()),
        ("pulang ke Bangil", "")
    );

    let rc = w.mark_all(HEAD, yesterday, ids.clone()).unwrap();
    assert_eq!(rc.marked(), 3);
    let e = w.stored_audit().pop().unwrap();
    assert_eq!(e.action, AuditAction::RollCallCorrected);
}

#[test]
fn an_ended_shift_takes_late_marks_from_staf_for_30_minutes() {
    let w = set_up();
    let ids = residents(&w, 3);
    let siang = slot(28, Shift::Afternoon);
    // The siang shift ends at 21:00; 21:29 is still a mark, not a correction.
    w.clock.set(at(2026, 11, 28, 21, 29));
    assert!(!w.roll_call(siang).closed);
    w.mark(STAF, siang, ids[0], Presence::Present).unwrap();
    assert_eq!(
        w.stored_audit().last().unwrap().action,
        AuditAction::RollCallMarked
    );
    assert_eq!(w.mark_all(STAF, siang, vec![ids[1]]).unwrap().marked(), 2);

    w.clock.set(at(2026, 11, 28, 21, 31));
    assert!(w.roll_call(siang).closed);
    assert_eq!(
        w.mark(STAF, siang, ids[2], Presence::Present),
        Err(Refusal::NeedsRole(Role::Supervisor))
    );
    w.mark(SUPERVISOR, siang, ids[2], Presence::Present)
        .unwrap();
    assert_eq!(
        w.stored_audit().last().unwrap().action,
        AuditAction::RollCallCorrected,
        "after the grace period a supervisor's change is a correction"
    );
}

#[test]
fn a_shift_that_has_not_started_is_refused() {
    let w = set_up();
    let ids = residents(&w, 1);
    let later = slot(28, Shift::Afternoon);
    assert!(!w.roll_call(later).closed);
    assert_eq!(
        w.mark(SUPERVISOR, later, ids[0], Presence::Present),
        wrong("date-in-future")
    );
    assert_eq!(
        w.mark_all(HEAD, slot(29, Shift::Morning), ids),
        wrong("date-in-future")
    );
    assert_eq!(w.stored_audit().len(), 2, "setup and intake only");
}

#[test]
fn a_past_roll_call_lists_who_was_in_residence_then() {
    let w = set_up();
    let stayed = w.create(resident("Tetap", 1, "A1", "1")).id;
    let left = w.create(resident("Keluar", 1, "A1", "2")).id;
    let exit = StatusDetail::Exited {
        reason: ExitReason::ReturnedToFamily,
        destination: "Bangil".into(),
    };
    w.set_status(SUPERVISOR, left, exit, day(2026, 11, 20))
        .unwrap();
    let came = w.create(resident("Baru", 25, "A1", "3")).id;
    let away = w.create(resident("Izin", 1, "A1", "4")).id;
    let leave = StatusDetail::Leave {
        expected_return: day(2026, 11, 30),
    };
    w.set_status(STAF, away, leave, day(2026, 11, 21)).unwrap();

    let ids = |d: u32| -> Vec<ClientId> {
        w.roll_call(slot(d, Shift::Night))
            .rows
            .iter()
            .map(|r| r.client)
            .collect()
    };
    // The exit freed Keluar's bed: without a room now, Keluar is listed last.
    assert_eq!(
        ids(15),
        [stayed, away, left],
        "before the exit, before Baru"
    );
    assert_eq!(
        ids(20),
        [stayed, away],
        "the exit date is the first day away"
    );
    assert_eq!(ids(25), [stayed, came, away]);
    assert_eq!(ids(28), [stayed, came, away]);

    let implied = |d: u32| {
        w.roll_call(slot(d, Shift::Morning))
            .row(away)
            .unwrap()
            .implied
    };
    assert_eq!(implied(20), None, "aktif then");
    assert_eq!(implied(21), Some(Presence::Leave));

    assert_eq!(
        w.mark(
            SUPERVISOR,
            slot(15, Shift::Morning),
            came,
            Presence::Present
        ),
        wrong("not-in-roll-call")
    );
    assert_eq!(
        w.mark(
            SUPERVISOR,
            slot(15, Shift::Morning),
            ClientId(99),
            Presence::Present
        ),
        Err(Refusal::NotFound)
    );
    // A correction for someone who has exited since records the mark only.
    let (_, changed) = w
        .mark(
            SUPERVISOR,
            slot(15, Shift::Morning),
            left,
            Presence::Absconded,
        )
        .unwrap();
    assert!(!changed);
    assert_eq!(w.stored_client(left).status(), Status::Exited);
}

#[test]
fn a_correction_never_rewrites_later_history() {
    let w = set_up();
    let id = residents(&w, 1)[0];
    w.set_status(STAF, id, StatusDetail::Sick, day(2026, 11, 25))
        .unwrap();
    let (_, changed) = w
        .mark(
            SUPERVISOR,
            slot(20, Shift::Morning),
            id,
            Presence::Absconded,
        )
        .unwrap();
    assert!(!changed, "the history moved on after the 20th");
    assert_eq!(w.stored_client(id).status(), Status::Sick);
    assert_eq!(w.stored_client(id).history.len(), 2);
}

#[test]
fn notes_are_limited() {
    let w = set_up();
    let id = residents(&w, 1)[0];
    assert_eq!(
        w.mark_with(
            STAF,
            slot(28, Shift::Morning),
            id,
            Presence::Sick,
            &"x".repeat(2001),
            None
        ),
        wrong("note-too-long")
    );
}

#[test]
fn roll_calls_of_a_range_come_three_a_day_oldest_first() {
    let w = set_up();
    let id = residents(&w, 1)[0];
    w.mark(SUPERVISOR, slot(26, Shift::Night), id, Presence::Sick)
        .unwrap();
    w.mark(STAF, slot(28, Shift::Morning), id, Presence::Present)
        .unwrap();
    let reply = w
        .call(
            STAF,
            Request::RollCalls {
                from: day(2026, 11, 26),
                to: day(2026, 11, 30),
            },
        )
        .unwrap();
    let Reply::RollCalls(all) = reply else {
        panic!("expected RollCalls");
    };
    let slots: Vec<_> = all.iter().map(|rc| rc.slot).collect();
    assert_eq!(
        slots,
        [
            slot(26, Shift::Morning),
            slot(26, Shift::Afternoon),
            slot(26, Shift::Night),
            slot(27, Shift::Morning),
            slot(27, Shift::Afternoon),
            slot(27, Shift::Night),
            slot(28, Shift::Morning),
        ],
        "up to the shift now running"
    );
    let presence = |i: usize| all[i].rows[0].presence();
    assert_eq!(presence(2), Some(Presence::Sick));
    assert_eq!(presence(6), Some(Presence::Present));
    assert_eq!(all.iter().filter(|rc| rc.marked() == 1).count(), 2);
    assert!(all[..6].iter().all(|rc| rc.closed));
    assert!(!all[6].closed);
    for (i, rc) in all.iter().enumerate() {
        assert_eq!(
            rc,
            &w.roll_call(rc.slot),
            "roll call {i} reads the same alone"
        );
    }

    let range = |from, to| w.call(STAF, Request::RollCalls { from, to });
    assert!(
        range(day(2025, 11, 28), day(2026, 11, 28)).is_ok(),
        "366 days"
    );
    assert_eq!(
        range(day(2025, 11, 27), day(2026, 11, 28)),
        wrong("range-too-long")
    );
    assert_eq!(
        range(day(2026, 11, 28), day(2026, 11, 27)),
        wrong("range-reversed")
    );
}

#[test]
fn any_mark_but_kabur_brings_a_kabur_resident_back_with_that_mark() {
    let w = set_up();
    let ids = residents(&w, 3);
    for id in &ids {
        w.mark(STAF, slot(28, Shift::Morning), *id, Presence::Absconded)
            .unwrap();
    }
    w.clock.set(at(2026, 11, 28, 22, 0));
    let night = slot(28, Shift::Night);
    for (id, presence) in ids
        .iter()
        .zip([Presence::Sick, Presence::Leave, Presence::Referred])
    {
        let (row, changed) = w
            .mark_with(STAF, night, *id, presence, "ditemukan di pasar", None)
            .unwrap();
        assert!(changed, "{presence:?}: the return is recorded");
        let c = w.stored_client(*id);
        assert_eq!(c.status(), Status::Active, "{presence:?}");
        let last = c.history.last().unwrap();
        assert_eq!(
            (&last.detail, last.note.as_str()),
            (
                &StatusDetail::Active,
                "kembali (apel malam): ditemukan di pasar"
            )
        );
        assert_eq!(row.presence(), Some(presence), "and the mark itself");
        assert_eq!(row.status, Some(Status::Active));
    }
}

#[test]
fn a_roll_call_row_carries_the_status_on_its_date() {
    let w = set_up();
    let id = residents(&w, 1)[0];
    let leave = StatusDetail::Leave {
        expected_return: day(2026, 11, 30),
    };
    w.set_status(STAF, id, leave, day(2026, 11, 21)).unwrap();
    let status = |d: u32| w.roll_call(slot(d, Shift::Morning)).row(id).unwrap().status;
    assert_eq!(status(20), Some(Status::Active), "aktif on the 20th");
    assert_eq!(status(21), Some(Status::Leave), "izin from the 21st");
    // Back today: today's roll call says aktif, the 21st's still izin.
    w.mark(STAF, slot(28, Shift::Morning), id, Presence::Present)
        .unwrap();
    assert_eq!(status(28), Some(Status::Active));
    assert_eq!(status(21), Some(Status::Leave));
}
