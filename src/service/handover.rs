//! Handover notes (serah terima piket): each call adds a note for the shift it was
//! written in (the current one, or the one that just ended); nothing is ever overwritten,
//! so two people writing at once both keep their text.

use super::Act;
use super::audit::{change, entry, slot_label};
use super::roll_call::facility;
use crate::domain::Refusal;
use crate::domain::audit::{AuditAction, RecordRef};
use crate::domain::handover::{Filing, HandoverNote, MAX_HANDOVER, filing};
use crate::domain::reasons::{DATE_IN_FUTURE, HANDOVER_EMPTY, HANDOVER_SHIFT_OVER, NOTE_TOO_LONG};
use crate::domain::shift::ShiftSlot;

fn wrong(code: &str) -> Refusal {
    Refusal::WrongState(code.to_string())
}

/// Adds a note (trimmed; not empty, at most `MAX_HANDOVER` characters) for `slot`, signed
/// with the author's user name and display name. `slot` is the shift the editor was
/// opened in: the current shift, or the one before up to `roll_call::LATE_MARK_GRACE_MINUTES` after its end
/// (`handover-shift-over` after that; `date-in-future` for a shift not begun). `None`
/// files it under the current shift.
pub(super) fn add(
    act: &Act<'_>,
    text: &str,
    slot: Option<ShiftSlot>,
) -> Result<HandoverNote, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Err(wrong(HANDOVER_EMPTY));
    }
    if text.chars().count() > MAX_HANDOVER {
        return Err(wrong(NOTE_TOO_LONG));
    }
    let shifts = facility(act)?.shifts;
    let slot = slot.unwrap_or_else(|| shifts.slot_at(act.now));
    match filing(&shifts, slot, act.now) {
        Filing::Open => {}
        Filing::Over => return Err(wrong(HANDOVER_SHIFT_OVER)),
        Filing::NotStarted => return Err(wrong(DATE_IN_FUTURE)),
    }
    let by = act.me.username.as_str();
    act.store.transact(|tx| {
        let note = HandoverNote {
            id: tx.next_handover_id()?,
            slot,
            text: text.to_string(),
            by: by.to_string(),
            by_name: act.me.display_name.clone(),
            at: act.now,
        };
        tx.put_handover(&note)?;
        tx.append_audit(&entry(
            act.now,
            by,
            RecordRef::Handover(note.id),
            AuditAction::HandoverAdded,
            vec![
                change("slot", "", slot_label(slot)),
                change("text", "", note.text.clone()),
            ],
        ))?;
        Ok(note)
    })
}

/// Notes newest first, older than the note `before` if given, at most `limit` (0: all).
pub(super) fn list(
    act: &Act<'_>,
    before: Option<u64>,
    limit: u32,
) -> Result<Vec<HandoverNote>, Refusal> {
    let limit = match limit {
        0 => usize::MAX,
        n => usize::try_from(n).unwrap_or(usize::MAX),
    };
    act.store
        .handovers_rev(before)
        .take(limit)
        .map(|item| item.map_err(Refusal::from))
        .collect()
}
