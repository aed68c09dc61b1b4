//! The facility's shift times (kepala only, see `roles`).

use super::Act;
use super::audit::{change, entry};
use crate::domain::audit::{AuditAction, FieldChange, RecordRef};
use crate::domain::reasons::SHIFT_TIMES_ORDER;
use crate::domain::shift::{Shift, ShiftTimes};
use crate::domain::{Facility, Refusal};

fn start_of(times: &ShiftTimes, shift: Shift) -> String {
    let t = match shift {
        Shift::Morning => times.morning,
        Shift::Afternoon => times.afternoon,
        Shift::Night => times.night,
    };
    t.format("%H:%M").to_string()
}

fn key(shift: Shift) -> &'static str {
    match shift {
        Shift::Morning => "shift_morning",
        Shift::Afternoon => "shift_afternoon",
        Shift::Night => "shift_night",
    }
}

/// The shift starts that differ, as audit changes.
fn differences(before: &ShiftTimes, after: &ShiftTimes) -> Vec<FieldChange> {
    Shift::ALL
        .iter()
        .map(|&s| (s, start_of(before, s), start_of(after, s)))
        .filter(|(_, a, b)| a != b)
        .map(|(s, a, b)| change(key(s), a, b))
        .collect()
}

/// Sets when pagi, siang and malam start; they must be in that order within one day.
/// Unchanged times write nothing and return the facility as stored.
pub(super) fn set(act: &Act<'_>, times: ShiftTimes) -> Result<Facility, Refusal> {
    if !times.is_valid() {
        return Err(Refusal::WrongState(SHIFT_TIMES_ORDER.to_string()));
    }
    let by = act.me.username.as_str();
    act.store.transact(|tx| {
        let current = tx.facility()?.ok_or(Refusal::NotSetUp)?;
        if current.shifts == times {
            return Ok(current);
        }
        let next = Facility {
            shifts: times,
            revision: current.revision + 1,
            ..current.clone()
        };
        tx.put_facility(&next)?;
        tx.append_audit(&entry(
            act.now,
            by,
            RecordRef::Facility,
            AuditAction::Updated,
            differences(&current.shifts, &times),
        ))?;
        Ok(next)
    })
}
