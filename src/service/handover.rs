//! Handover notes (serah terima piket): each call adds a note for the current shift;
//! nothing is ever overwritten, so two people writing at once both keep their text.

use super::Act;
use super::audit::{change, entry, slot_label};
use super::roll_call::facility;
use crate::domain::Refusal;
use crate::domain::audit::{AuditAction, RecordRef};
use crate::domain::handover::{HandoverNote, MAX_HANDOVER};
use crate::domain::reasons::{HANDOVER_EMPTY, NOTE_TOO_LONG};

fn wrong(code: &str) -> Refusal {
    Refusal::WrongState(code.to_string())
}

/// Adds a note (trimmed; not empty, at most `MAX_HANDOVER` characters) in the current
/// shift, signed with the author's user name and display name.
pub(super) fn add(act: &Act<'_>, text: &str) -> Result<HandoverNote, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Err(wrong(HANDOVER_EMPTY));
    }
    if text.chars().count() > MAX_HANDOVER {
        return Err(wrong(NOTE_TOO_LONG));
    }
    let slot = facility(act)?.shifts.slot_at(act.now);
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
