//! Hari ini through the service: the current shift from the facility's times, the
//! headcount and its arithmetic, roll-call progress, every due rule (each with a case that
//! is due and one that is not), the last handover note, and changing the shift times.

mod service_support;

use mentas::domain::audit::{AuditAction, RecordRef};
use mentas::domain::roll_call::Presence;
use mentas::domain::shift::{Shift, ShiftTimes};
use mentas::domain::today::{Due, Group};
use mentas::domain::{ClientId, ExitReason, Refusal, Role, Stage, StatusDetail};
use mentas::protocol::{Reply, Request};
use service_support::*;

/// A resident with a NIK (so the identity rule stays quiet) admitted on 1 Nov and
/// assessed (so the assessment rule stays quiet).
fn quiet(w: &World, name: &str, serial: u32) -> ClientId {
    let mut d = draft_with_nik(name, &format!("351402170580{:04}", serial + 1));
    d.stage = Stage::Assessment;
    w.create(d).id
}

fn set_times(
    w: &World,
    user: &str,
    times: ShiftTimes,
) -> Result<mentas::domain::Facility, Refusal> {
    match w.call(user, Request::SetShiftTimes(times))? {
        Reply::FacilitySaved(f) => Ok(f),
        other => panic!("expected FacilitySaved, got {other:?}"),
    }
}

#[test]
fn today_names_the_current_shift_and_its_times() {
    let w = set_up();
    let view = w.today();
    assert_eq!(view.now, start());
    assert_eq!(view.slot, slot(28, Shift::Morning));
    assert_eq!(view.shift_start, at(2026, 11, 28, 7, 0));
    assert_eq!(view.shift_end, at(2026, 11, 28, 14, 0));
    assert_eq!(view.headcount.capacity, 110);
    assert_eq!((view.marked, view.total), (0, 0));
    assert_eq!(view.last_handover, None);

    w.clock.set(at(2026, 11, 29, 6, 59));
    let view = w.today();
    assert_eq!(view.slot, slot(28, Shift::Night));
    assert_eq!(
        (view.shift_start, view.shift_end),
        (at(2026, 11, 28, 21, 0), at(2026, 11, 29, 7, 0))
    );
}

#[test]
fn headcount_groups_add_up() {
    let w = set_up();
    let ids: Vec<ClientId> = (0..8)
        .map(|i| quiet(&w, &format!("Warga {i}"), i))
        .collect();
    let on = day(2026, 11, 27);
    let statuses = [
        StatusDetail::Leave {
            expected_return: day(2026, 11, 30),
        },
        StatusDetail::Sick,
        StatusDetail::Referred { to: "RSUD".into() },
        StatusDetail::Absconded {
            last_seen: at(2026, 11, 27, 8, 0),
        },
        StatusDetail::Exited {
            reason: ExitReason::Work,
            destination: "Surabaya".into(),
        },
    ];
    for (id, detail) in ids.iter().zip(statuses) {
        w.set_status(SUPERVISOR, *id, detail, on).unwrap();
    }
    w.mark(STAF, slot(28, Shift::Morning), ids[5], Presence::Present)
        .unwrap();

    let view = w.today();
    let h = &view.headcount;
    let n = |g: Group| h.of(g).len();
    assert_eq!(n(Group::InResidence), 7, "everyone but the one who exited");
    assert_eq!(
        (
            n(Group::Present),
            n(Group::Leave),
            n(Group::Sick),
            n(Group::Referred),
            n(Group::Absconded)
        ),
        (3, 1, 1, 1, 1)
    );
    assert_eq!(
        n(Group::InResidence),
        n(Group::Present)
            + n(Group::Leave)
            + n(Group::Sick)
            + n(Group::Referred)
            + n(Group::Absconded)
    );
    assert!(!h.of(Group::InResidence).contains(&ids[4]));
    assert_eq!(h.of(Group::Sick), &[ids[1]]);
    // The roll call: 7 rows, 4 implied away, one marked, two still to see.
    assert_eq!((view.marked, view.total), (5, 7));
    assert_eq!(h.of(Group::Unmarked), &[ids[6], ids[7]]);
    assert_eq!(view.total, n(Group::InResidence));
}

fn due(w: &World) -> Vec<Due> {
    w.today().due
}

#[test]
fn leave_past_its_expected_return_is_due() {
    let w = set_up();
    let late = quiet(&w, "Terlambat", 1);
    let on_time = quiet(&w, "Tepat", 2);
    let leave = |d| StatusDetail::Leave {
        expected_return: day(2026, 11, d),
    };
    w.set_status(STAF, late, leave(27), day(2026, 11, 20))
        .unwrap();
    w.set_status(STAF, on_time, leave(28), day(2026, 11, 20))
        .unwrap();
    let found: Vec<Due> = due(&w)
        .into_iter()
        .filter(|d| matches!(d, Due::LeaveOverdue { .. }))
        .collect();
    assert_eq!(
        found,
        [Due::LeaveOverdue {
            client: late,
            expected: day(2026, 11, 27)
        }],
        "back today is not overdue yet"
    );
}

#[test]
fn kabur_residents_are_due_until_they_are_back() {
    let w = set_up();
    let gone = quiet(&w, "Kabur", 1);
    quiet(&w, "Ada", 2);
    let since = at(2026, 11, 27, 21, 30);
    w.set_status(
        STAF,
        gone,
        StatusDetail::Absconded { last_seen: since },
        day(2026, 11, 27),
    )
    .unwrap();
    assert!(due(&w).contains(&Due::AbscondedNotBack {
        client: gone,
        since
    }));
    w.mark(STAF, slot(28, Shift::Morning), gone, Presence::Present)
        .unwrap();
    assert!(
        !due(&w)
            .iter()
            .any(|d| matches!(d, Due::AbscondedNotBack { .. }))
    );
}

#[test]
fn an_unfinished_roll_call_is_due_until_everyone_is_marked() {
    let w = set_up();
    let ids: Vec<ClientId> = (0..3).map(|i| quiet(&w, &format!("W{i}"), i)).collect();
    w.mark(STAF, slot(28, Shift::Morning), ids[0], Presence::Sick)
        .unwrap();
    assert_eq!(
        due(&w),
        [Due::RollCallOpen {
            slot: slot(28, Shift::Morning),
            marked: 1,
            total: 3
        }]
    );
    w.mark_all(STAF, slot(28, Shift::Morning), ids).unwrap();
    assert_eq!(due(&w), []);
    // The next shift starts unmarked again.
    w.clock.set(at(2026, 11, 28, 14, 0));
    assert!(matches!(
        due(&w).as_slice(),
        [Due::RollCallOpen {
            marked: 0,
            total: 3,
            ..
        }]
    ));
}

#[test]
fn residents_still_at_intake_after_seven_days_are_due() {
    let w = set_up();
    let intake = |name: &str, admitted: u32, serial: u32| {
        let mut d = draft_with_nik(name, &format!("351402170580{:04}", serial + 1));
        d.admitted = day(2026, 11, admitted);
        w.create(d).id
    };
    let week = intake("Seminggu", 21, 1);
    intake("Enam Hari", 22, 2);
    let assessed = quiet(&w, "Sudah Asesmen", 3);
    let found: Vec<Due> = due(&w)
        .into_iter()
        .filter(|d| matches!(d, Due::NoAssessment { .. }))
        .collect();
    assert_eq!(
        found,
        [Due::NoAssessment {
            client: week,
            days: 7
        }]
    );
    assert_ne!(week, assessed);
}

#[test]
fn residents_without_nik_are_due() {
    let w = set_up();
    let mut d = draft("Tanpa NIK");
    d.stage = Stage::Assessment;
    let without = w.create(d).id;
    quiet(&w, "Dengan NIK", 1);
    let found: Vec<Due> = due(&w)
        .into_iter()
        .filter(|d| matches!(d, Due::NoNik { .. }))
        .collect();
    assert_eq!(found, [Due::NoNik { client: without }]);
    // An exited resident without NIK is no longer due.
    let exit = StatusDetail::Exited {
        reason: ExitReason::Work,
        destination: String::new(),
    };
    w.set_status(SUPERVISOR, without, exit, day(2026, 11, 28))
        .unwrap();
    assert!(!due(&w).iter().any(|d| matches!(d, Due::NoNik { .. })));
}

#[test]
fn the_last_handover_note_is_the_newest() {
    let w = set_up();
    w.add_handover(STAF, "Pertama").unwrap();
    let second = w.add_handover(SUPERVISOR, "Kedua").unwrap();
    assert_eq!(w.today().last_handover, Some(second));
}

#[test]
fn the_head_sets_the_shift_times() {
    let w = set_up();
    let before = w.service.store().facility().unwrap().unwrap();
    assert_eq!(before.shifts, ShiftTimes::default());
    let times = shift_times(6, 14, 22);
    for user in [STAF, SUPERVISOR] {
        assert_eq!(
            set_times(&w, user, times),
            Err(Refusal::NeedsRole(Role::Head))
        );
    }
    let saved = set_times(&w, HEAD, times).unwrap();
    assert_eq!(saved.shifts, times);
    assert_eq!(saved.revision, before.revision + 1);
    assert_eq!(w.service.store().facility().unwrap(), Some(saved.clone()));

    let e = w.stored_audit().pop().unwrap();
    assert_eq!(
        (e.action, &e.record, e.by.as_str()),
        (AuditAction::Updated, &RecordRef::Facility, HEAD)
    );
    let changes: Vec<(&str, &str, &str)> = e
        .changes
        .iter()
        .map(|c| (c.field.as_str(), c.before.as_str(), c.after.as_str()))
        .collect();
    assert_eq!(
        changes,
        [
            ("shift_morning", "07:00", "06:00"),
            ("shift_night", "21:00", "22:00")
        ]
    );

    // The shifts follow: 06:30 is pagi now, 21:30 still siang.
    w.clock.set(at(2026, 11, 28, 6, 30));
    assert_eq!(w.today().slot, slot(28, Shift::Morning));
    w.clock.set(at(2026, 11, 28, 21, 30));
    assert_eq!(w.today().slot, slot(28, Shift::Afternoon));
    assert!(!w.roll_call(slot(28, Shift::Afternoon)).closed);

    // The same times again write nothing.
    let n = w.stored_audit().len();
    assert_eq!(set_times(&w, HEAD, times).unwrap(), saved);
    assert_eq!(w.stored_audit().len(), n);
}

#[test]
fn shift_times_out_of_order_are_refused() {
    let w = set_up();
    for times in [
        shift_times(14, 7, 21),
        shift_times(7, 21, 14),
        shift_times(7, 7, 21),
    ] {
        assert_eq!(set_times(&w, HEAD, times), wrong("shift-times-order"));
    }
    assert_eq!(w.stored_audit().len(), 1, "setup only");
}

#[test]
fn online_in_process_is_the_caller() {
    let w = set_up();
    assert_eq!(
        w.call(STAF, Request::Online),
        Ok(Reply::Online(vec!["Budi Santoso".to_string()]))
    );
}

#[test]
fn online_names_are_staff_display_names_or_the_login_without_an_account() {
    let w = set_up();
    let names = w
        .service
        .display_names(&[SUPERVISOR.to_string(), "root".into(), STAF.to_string()]);
    assert_eq!(names, ["Budi Santoso", "Sari Wulandari", "root"]);
}

fn add_for(
    w: &World,
    text: &str,
    slot: Option<mentas::domain::shift::ShiftSlot>,
) -> Result<mentas::domain::handover::HandoverNote, Refusal> {
    match w.call(
        STAF,
        Request::AddHandover {
            text: text.into(),
            slot,
        },
    )? {
        Reply::Handover(note) => Ok(note),
        other => panic!("expected Handover, got {other:?}"),
    }
}

#[test]
fn a_note_begun_in_the_siang_shift_and_saved_after_21_00_stays_siang() {
    let w = set_up();
    // Opened at 20:55 (siang), saved at 21:02: filed under siang, as the editor said.
    w.clock.set(at(2026, 11, 28, 21, 2));
    let siang = slot(28, Shift::Afternoon);
    let note = add_for(&w, "Air PDAM mati.", Some(siang)).unwrap();
    assert_eq!(note.slot, siang);
    assert_eq!(note.at, at(2026, 11, 28, 21, 2));
    assert_eq!(w.today().last_handover.map(|n| n.slot), Some(siang));
    // Without a shift named, the current one (malam).
    let now = add_for(&w, "Malam dimulai.", None).unwrap();
    assert_eq!(now.slot, slot(28, Shift::Night));
}

#[test]
fn a_note_for_a_shift_ended_over_30_minutes_ago_is_refused_and_nothing_is_stored() {
    let w = set_up();
    w.clock.set(at(2026, 11, 28, 21, 30));
    let siang = slot(28, Shift::Afternoon);
    assert_eq!(
        add_for(&w, "Terlambat.", Some(siang)),
        wrong("handover-shift-over")
    );
    // Two shifts back is over too; a shift not begun is in the future.
    w.clock.set(at(2026, 11, 28, 14, 10));
    assert_eq!(
        add_for(&w, "Kemarin.", Some(slot(27, Shift::Night))),
        wrong("handover-shift-over")
    );
    assert_eq!(
        add_for(&w, "Besok.", Some(slot(28, Shift::Night))),
        wrong("date-in-future")
    );
    assert!(w.handovers(None, 0).is_empty());
    // The pagi shift ended ten minutes ago: still accepted.
    let pagi = slot(28, Shift::Morning);
    assert_eq!(add_for(&w, "Pagi aman.", Some(pagi)).unwrap().slot, pagi);
}

// ---- Hari ini, second review: counts by mark, every note of a shift, unfinished apel ----

#[test]
fn the_headcount_also_counts_this_shifts_roll_call_marks() {
    let w = set_up();
    let ids: Vec<ClientId> = (0..5)
        .map(|i| quiet(&w, &format!("Warga {i}"), i))
        .collect();
    let pagi = slot(28, Shift::Morning);
    // All five are aktif by status; the roll call finds one sick and one on leave.
    w.mark(STAF, pagi, ids[0], Presence::Present).unwrap();
    w.mark(STAF, pagi, ids[1], Presence::Present).unwrap();
    w.mark(STAF, pagi, ids[2], Presence::Sick).unwrap();
    w.mark(STAF, pagi, ids[3], Presence::Leave).unwrap();
    let h = w.today().headcount;
    assert_eq!(h.of(Group::Present).len(), 5, "by status all are aktif");
    assert!(h.of(Group::Sick).is_empty());
    assert_eq!(
        h.marked_as(Group::InResidence).len(),
        5,
        "all on the roll call"
    );
    assert_eq!(h.marked_as(Group::Present), &ids[..2]);
    assert_eq!(h.marked_as(Group::Sick), &[ids[2]]);
    assert_eq!(h.marked_as(Group::Leave), &[ids[3]]);
    assert_eq!(h.marked_as(Group::Unmarked), &[ids[4]]);
}

#[test]
fn every_note_of_the_last_shift_with_notes_is_on_hari_ini_newest_first() {
    let w = set_up();
    w.clock.set(at(2026, 11, 28, 13, 0));
    add_for(&w, "Pagi: dapur bersih.", None).unwrap();
    w.clock.set(at(2026, 11, 28, 20, 50));
    let first = add_for(&w, "Lampu blok C mati.", None).unwrap();
    let second = add_for(&w, "Sapari demam tinggi, cek tiap jam.", None).unwrap();
    let view = w.today();
    assert_eq!(view.handovers, vec![second.clone(), first]);
    assert_eq!(view.last_handover, Some(second));
}

#[test]
fn a_roll_call_left_unfinished_is_due_in_the_next_shift_only() {
    let w = set_up();
    let ids: Vec<ClientId> = (0..3)
        .map(|i| quiet(&w, &format!("Warga {i}"), i))
        .collect();
    let pagi = slot(28, Shift::Morning);
    w.mark(STAF, pagi, ids[0], Presence::Present).unwrap();
    w.clock.set(at(2026, 11, 28, 14, 40));
    let unfinished = |w: &World| {
        due(w)
            .into_iter()
            .filter(|d| matches!(d, Due::RollCallUnfinished { .. }))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        unfinished(&w),
        vec![Due::RollCallUnfinished {
            slot: pagi,
            unmarked: 2
        }]
    );
    // Corrected by a supervisor: no longer due.
    w.mark(SUPERVISOR, pagi, ids[1], Presence::Present).unwrap();
    w.mark(SUPERVISOR, pagi, ids[2], Presence::Sick).unwrap();
    assert!(unfinished(&w).is_empty());
    // A siang roll call nobody started is not "left unfinished" in the malam shift.
    w.clock.set(at(2026, 11, 28, 21, 40));
    assert!(unfinished(&w).is_empty());
}
