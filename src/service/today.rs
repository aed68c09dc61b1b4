//! The Hari ini screen as of now: the current shift, headcount, this shift's roll-call
//! progress, the due list and the last handover note.

use super::Act;
use super::roll_call::facility;
use crate::domain::Refusal;
use crate::domain::handover::HandoverNote;
use crate::domain::roll_call::RollCall;
use crate::domain::today::{DueContext, Headcount, due};
use crate::protocol::TodayView;

/// What Hari ini shows, computed from the records now.
pub(super) fn today(act: &Act<'_>) -> Result<TodayView, Refusal> {
    let facility = facility(act)?;
    let shifts = facility.shifts;
    let slot = shifts.slot_at(act.now);
    let marks = act.store.marks_in(slot)?;
    // The previous shift's roll call counts as left unfinished only if it was started
    // (someone marked at least one resident): a shift before mentas was in use is not.
    let prev_marked = act.store.marked_in(slot.prev())?;
    let (roll_call, headcount, due) = act.store.with_client_facts(|clients| {
        // Of the previous roll call only its unmarked count is needed: counted from who has
        // a mark, never built (at 10,000 residents that would cost megabytes at the peak).
        let prev_unmarked = (!prev_marked.is_empty()).then(|| {
            let prev = slot.prev();
            (prev, RollCall::unmarked_count(prev, clients, &prev_marked))
        });
        // The current shift has not ended, by definition of `slot_at`.
        let roll_call = RollCall::build(slot, clients, marks, false);
        let headcount = Headcount::from_records(clients, &roll_call, facility.capacity);
        let due = due(&DueContext {
            now: act.now,
            clients,
            roll_call: &roll_call,
            prev_unmarked,
        });
        (roll_call, headcount, due)
    })?;
    let handovers = shift_notes(act)?;
    Ok(TodayView {
        now: act.now,
        slot,
        shift_start: shifts.start(slot),
        shift_end: shifts.end(slot),
        headcount,
        marked: roll_call.marked(),
        total: roll_call.rows.len(),
        due,
        last_handover: handovers.first().cloned(),
        handovers,
        last_backup: act.store.last_backup()?,
    })
}

/// The most notes of one shift Hari ini shows.
const SHIFT_NOTES_MAX: usize = 20;

/// Every handover note of the latest shift that has notes, newest first.
fn shift_notes(act: &Act<'_>) -> Result<Vec<HandoverNote>, Refusal> {
    let mut out: Vec<HandoverNote> = Vec::new();
    for note in act.store.handovers_rev(None) {
        let note = note?;
        if out.first().is_some_and(|n| n.slot != note.slot) || out.len() == SHIFT_NOTES_MAX {
            break;
        }
        out.push(note);
    }
    Ok(out)
}

impl super::Service {
    /// The display names of the staff accounts of `usernames` (the user name itself where
    /// there is no account), sorted, each once: who is logged in, as Hari ini shows it.
    pub fn display_names(&self, usernames: &[String]) -> Vec<String> {
        let mut names: Vec<String> = usernames
            .iter()
            .map(|u| super::roles::display_name(&self.store, u).unwrap_or_else(|_| u.clone()))
            .collect();
        names.sort();
        names.dedup();
        names
    }
}
