//! Marking a roll call: one resident at a time, or everyone still unmarked hadir at once.
//!
//! A shift that has not started cannot be marked; one that has ended stays open to staf
//! for a grace period (`LATE_MARK_GRACE_MINUTES`), after which it can be corrected by a
//! supervisor. A kabur mark also records the status change (with history), and a hadir
//! mark for someone kabur, izin or dirujuk records their return (sakit is ill in the
//! facility: hadir leaves that status alone); so does any other mark for someone kabur,
//! who was seen after all. Every mark is audited: who marked whom is
//! what a head asks. The note of a sakit mark is health information and is masked in the
//! audit entry (it is kept as typed in the mark itself).

use std::collections::HashSet;

use chrono::NaiveDateTime;

use super::Act;
use super::audit::{change, entry, masked_if, slot_label, status_facts};
use super::limits::MAX_NOTE;
use super::roles::require;
use super::roll_call::{facility, is_closed};
use crate::domain::audit::{AuditAction, FieldChange, RecordRef};
use crate::domain::reasons::{
    DATE_IN_FUTURE, LAST_SEEN_IN_FUTURE, NOT_IN_ROLL_CALL, NOTE_TOO_LONG,
};
use crate::domain::roll_call::{
    Mark, Presence, RollCallRow, in_residence_on, return_note, status_on,
};
use crate::domain::shift::{ShiftSlot, ShiftTimes};
use crate::domain::{Client, ClientId, Refusal, Role, Status, StatusChange, StatusDetail};

fn wrong(code: &str) -> Refusal {
    Refusal::WrongState(code.to_string())
}

/// What `Mark` asks for.
pub(super) struct MarkInput<'a> {
    pub slot: ShiftSlot,
    pub client: ClientId,
    pub presence: Presence,
    pub note: &'a str,
    pub last_seen: Option<NaiveDateTime>,
}

/// A saved mark: the row as it now stands, and whether the resident's status changed.
pub(super) struct Marked {
    pub row: RollCallRow,
    pub status_changed: bool,
}

/// Refuses a shift that has not started (`date-in-future`); a shift that has ended and
/// whose grace period has passed may only be corrected by a supervisor. Returns whether
/// this is a correction.
fn check_slot(act: &Act<'_>, shifts: &ShiftTimes, slot: ShiftSlot) -> Result<bool, Refusal> {
    if shifts.start(slot) > act.now {
        return Err(wrong(DATE_IN_FUTURE));
    }
    let closed = is_closed(shifts, slot, act.now);
    if closed {
        require(&act.me, Role::Supervisor)?;
    }
    Ok(closed)
}

fn action(closed: bool) -> AuditAction {
    if closed {
        AuditAction::RollCallCorrected
    } else {
        AuditAction::RollCallMarked
    }
}

/// The status change a mark brings, if any: kabur for someone not already kabur (or
/// keluar), the return (aktif) for someone kabur, izin or dirujuk marked hadir, or for
/// someone kabur given any other mark (izin, sakit, dirujuk: they were seen). Only
/// when nothing in the history is dated after the slot: a correction of an older roll
/// call records the mark but never rewrites the status history that followed it.
fn status_effect(
    client: &Client,
    presence: Presence,
    slot: ShiftSlot,
    last_seen: NaiveDateTime,
) -> Option<StatusDetail> {
    let settled = client.history.last().is_none_or(|c| c.date <= slot.date);
    let status = client.status();
    match presence {
        Presence::Absconded if settled && !matches!(status, Status::Absconded | Status::Exited) => {
            Some(StatusDetail::Absconded { last_seen })
        }
        Presence::Present if settled && Presence::hadir_returns_from(status) => {
            Some(StatusDetail::Active)
        }
        // Seen at the roll call, whatever the mark: someone kabur is back.
        Presence::Leave | Presence::Sick | Presence::Referred
            if settled && status == Status::Absconded =>
        {
            Some(StatusDetail::Active)
        }
        _ => None,
    }
}

/// The row of a resident in a roll call, from their record and mark.
fn row_of(client: &Client, slot: ShiftSlot, mark: Option<Mark>) -> RollCallRow {
    let status = status_on(client, slot.date);
    RollCallRow {
        client: client.id,
        mark,
        implied: status.and_then(Presence::implied_by),
        status,
    }
}

/// The audit changes of one mark: the slot, presence before and after, the note (masked
/// when either side is sakit) and any status change.
fn mark_changes(
    slot: ShiftSlot,
    before: Option<&Mark>,
    after: &Mark,
    status: Option<(Status, &StatusChange)>,
) -> Vec<FieldChange> {
    let presence = |m: Option<&Mark>| m.map(|m| format!("{:?}", m.presence)).unwrap_or_default();
    let mut changes = vec![
        change("slot", "", slot_label(slot)),
        change("presence", presence(before), presence(Some(after))),
    ];
    let before_note = before.map_or("", |m| m.note.as_str());
    if !before_note.is_empty() || !after.note.is_empty() {
        let sick = after.presence == Presence::Sick
            || before.is_some_and(|m| m.presence == Presence::Sick);
        changes.push(change(
            "note",
            masked_if(sick, before_note),
            masked_if(sick, &after.note),
        ));
    }
    if let Some((was, recorded)) = status {
        changes.push(change(
            "status",
            format!("{was:?}"),
            format!("{:?}", recorded.detail.status()),
        ));
        changes.push(change("status_date", "", recorded.date.to_string()));
        changes.extend(status_facts(&recorded.detail));
    }
    changes
}

/// Marks one resident in one roll call (see the module doc for the rules).
pub(super) fn mark(act: &Act<'_>, input: &MarkInput<'_>) -> Result<Marked, Refusal> {
    if input.note.chars().count() > MAX_NOTE {
        return Err(wrong(NOTE_TOO_LONG));
    }
    if input.presence == Presence::Absconded && input.last_seen.is_some_and(|t| t > act.now) {
        return Err(wrong(LAST_SEEN_IN_FUTURE));
    }
    let shifts = facility(act)?.shifts;
    let slot = input.slot;
    let closed = check_slot(act, &shifts, slot)?;
    // Last seen defaults to now, or for a correction to the end of the shift corrected.
    let last_seen = input.last_seen.unwrap_or(act.now.min(shifts.end(slot)));
    let by = act.me.username.as_str();
    act.store.transact(|tx| {
        let current = tx.client(input.client)?.ok_or(Refusal::NotFound)?;
        if !in_residence_on(&current, slot.date) {
            return Err(wrong(NOT_IN_ROLL_CALL).into());
        }
        let before = tx.mark(slot, input.client)?;
        let effect = status_effect(&current, input.presence, slot, last_seen);
        let same = before
            .as_ref()
            .is_some_and(|m| m.presence == input.presence && m.note == input.note);
        if same && effect.is_none() {
            return Ok(Marked {
                row: row_of(&current, slot, before),
                status_changed: false,
            });
        }
        let mark = Mark {
            slot,
            client: input.client,
            presence: input.presence,
            note: input.note.to_string(),
            by: by.into(),
            at: act.now,
        };
        tx.put_mark(&mark)?;
        let mut client = current.clone();
        if let Some(detail) = &effect {
            // A return says so in the history; a kabur mark keeps its note as typed.
            let note = match detail {
                StatusDetail::Active => return_note(slot, input.note),
                _ => input.note.to_string(),
            };
            client.history.push(StatusChange {
                detail: detail.clone(),
                date: slot.date,
                note,
                recorded_by: by.to_string(),
                recorded_at: act.now,
            });
            client.record_change(by, act.now);
            tx.put_client(&client)?;
        }
        let recorded = effect
            .as_ref()
            .and_then(|_| client.history.last())
            .map(|c| (current.status(), c));
        tx.append_audit(&entry(
            act.now,
            by,
            RecordRef::Client(input.client),
            action(closed),
            mark_changes(slot, before.as_ref(), &mark, recorded),
        ))?;
        Ok(Marked {
            row: row_of(&client, slot, Some(mark)),
            status_changed: effect.is_some(),
        })
    })
}

/// Marks hadir every listed resident who is in the roll call and has neither a mark nor
/// an implied one when the transaction runs, so a mark someone else just made is never
/// overwritten. One audit entry for the lot; nothing is written if nobody qualifies.
/// Returns how many were marked.
pub(super) fn mark_all_present(
    act: &Act<'_>,
    slot: ShiftSlot,
    clients: &[ClientId],
) -> Result<usize, Refusal> {
    let shifts = facility(act)?.shifts;
    let closed = check_slot(act, &shifts, slot)?;
    let by = act.me.username.as_str();
    let mut seen = HashSet::new();
    let listed: Vec<ClientId> = clients
        .iter()
        .copied()
        .filter(|c| seen.insert(*c))
        .collect();
    act.store.transact(|tx| {
        let mut marked = Vec::new();
        for &id in &listed {
            let Some(client) = tx.client(id)? else {
                continue;
            };
            let implied = status_on(&client, slot.date).and_then(Presence::implied_by);
            if !in_residence_on(&client, slot.date)
                || implied.is_some()
                || tx.mark(slot, id)?.is_some()
            {
                continue;
            }
            tx.put_mark(&Mark {
                slot,
                client: id,
                presence: Presence::Present,
                note: String::new(),
                by: by.into(),
                at: act.now,
            })?;
            marked.push(id);
        }
        if marked.is_empty() {
            return Ok(0);
        }
        let ids: Vec<String> = marked.iter().map(|id| format!("#{}", id.0)).collect();
        tx.append_audit(&entry(
            act.now,
            by,
            RecordRef::RollCall(slot),
            action(closed),
            vec![
                change("slot", "", slot_label(slot)),
                change("marked_present", "", marked.len().to_string()),
                change("clients", "", ids.join(" ")),
            ],
        ))?;
        Ok(marked.len())
    })
}
