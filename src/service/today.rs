//! The Hari ini screen as of now: the current shift, headcount, this shift's roll-call
//! progress, the due list and the last handover note.

use super::Act;
use super::roll_call::facility;
use crate::domain::Refusal;
use crate::domain::roll_call::RollCall;
use crate::domain::today::{DueContext, Headcount, due};
use crate::protocol::TodayView;

/// What Hari ini shows, computed from the records now.
pub(super) fn today(act: &Act<'_>) -> Result<TodayView, Refusal> {
    let facility = facility(act)?;
    let shifts = facility.shifts;
    let slot = shifts.slot_at(act.now);
    let clients = act.store.clients()?;
    // The current shift has not ended, by definition of `slot_at`.
    let roll_call = RollCall::build(slot, &clients, act.store.marks_in(slot)?, false);
    let headcount = Headcount::from_records(&clients, &roll_call, facility.capacity);
    let due = due(&DueContext {
        now: act.now,
        clients: &clients,
        roll_call: &roll_call,
    });
    Ok(TodayView {
        now: act.now,
        slot,
        shift_start: shifts.start(slot),
        shift_end: shifts.end(slot),
        headcount,
        marked: roll_call.marked(),
        total: roll_call.rows.len(),
        due,
        last_handover: act.store.last_handover()?,
        last_backup: act.store.last_backup()?,
    })
}
