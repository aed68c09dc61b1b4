//! Roll calls as the screens and exports read them: one shift, or every shift of a date
//! range. Who is in a roll call and what their status implies come from
//! `domain::roll_call`; this reads the records and decides whether the roll call has
//! closed (the shift ended and its grace period for late marks passed).

use chrono::NaiveDateTime;

use super::Act;
use crate::domain::reasons::{RANGE_REVERSED, RANGE_TOO_LONG};
use crate::domain::roll_call::{Mark, Phase, RollCall};
use crate::domain::shift::{Shift, ShiftSlot, ShiftTimes};
use crate::domain::{Facility, Refusal};

/// The longest date range `RollCalls` reads, in days (a leap year).
pub(super) const MAX_RANGE_DAYS: i64 = 366;

fn wrong(code: &str) -> Refusal {
    Refusal::WrongState(code.to_string())
}

/// The facility's settings (they exist: `Act` is only made after setup).
pub(super) fn facility(act: &Act<'_>) -> Result<Facility, Refusal> {
    act.store.facility()?.ok_or(Refusal::NotSetUp)
}

/// True once the slot has ended at `now` and its grace period for late marks
/// (`LATE_MARK_GRACE_MINUTES`) has passed: from then on a change is a correction.
pub(super) fn is_closed(shifts: &ShiftTimes, slot: ShiftSlot, now: NaiveDateTime) -> bool {
    Phase::of(shifts, slot, now) == Phase::Closed
}

/// The roll call of one shift as it stands now.
pub(super) fn roll_call(act: &Act<'_>, slot: ShiftSlot) -> Result<RollCall, Refusal> {
    let shifts = facility(act)?.shifts;
    let marks = act.store.marks_in(slot)?;
    let closed = is_closed(&shifts, slot, act.now);
    Ok(act
        .store
        .with_client_facts(|clients| RollCall::build(slot, clients, marks, closed))?)
}

/// Every roll call dated `from` to `to` (inclusive, at most `MAX_RANGE_DAYS` days),
/// three a day, oldest first; shifts that have not started yet are left out.
pub(super) fn roll_calls(
    act: &Act<'_>,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<RollCall>, Refusal> {
    if from > to {
        return Err(wrong(RANGE_REVERSED));
    }
    if (to - from).num_days() >= MAX_RANGE_DAYS {
        return Err(wrong(RANGE_TOO_LONG));
    }
    let shifts = facility(act)?.shifts;
    let mut marks = act.store.marks_between(from, to)?.into_iter().peekable();
    let mut out = Vec::new();
    let mut slot = ShiftSlot {
        date: from,
        shift: Shift::Morning,
    };
    act.store.with_client_facts(|clients| {
        while slot.date <= to && shifts.start(slot) <= act.now {
            // Marks come in slot order, so each roll call takes the run of marks of its slot.
            let mut own: Vec<Mark> = Vec::new();
            while let Some(mark) = marks.next_if(|m| m.slot <= slot) {
                if mark.slot == slot {
                    own.push(mark);
                }
            }
            let closed = is_closed(&shifts, slot, act.now);
            out.push(RollCall::build(slot, clients, own, closed));
            slot = slot.next();
        }
    })?;
    Ok(out)
}
