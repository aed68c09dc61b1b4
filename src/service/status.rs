//! Where a resident is now: status changes (keluar closes the stay) and readmission.

use chrono::NaiveDate;

use super::Act;
use super::audit::{change as field_change, entry, masked_if, status_facts};
use super::clients::bed_holder;
use super::limits::{MAX_NOTE, MAX_TEXT};
use super::roles::check_revision;
use crate::domain::audit::{AuditAction, RecordRef};
use crate::domain::reasons::{
    ALREADY_EXITED, CHANGE_NOT_TODAY, DATE_BEFORE_ADMISSION, DATE_BEFORE_EXIT,
    DATE_BEFORE_LAST_CHANGE, DATE_IN_FUTURE, LAST_SEEN_IN_FUTURE, LEAVE_RETURN_BEFORE_DATE,
    NOT_EXITED, NOT_LAST_CHANGE, NOTE_TOO_LONG, NOTHING_TO_UNDO, TEXT_TOO_LONG,
};
use crate::domain::{
    Client, ClientId, ReferralSource, Refusal, Stage, Status, StatusChange, StatusDetail, Stay,
};
use crate::protocol::StatusInput;

fn wrong(code: &str) -> Refusal {
    Refusal::WrongState(code.to_string())
}

/// Checks a status change that needs no stored record: texts, dates against today.
fn check_input(act: &Act<'_>, input: &StatusInput) -> Result<(), Refusal> {
    if input.note.chars().count() > MAX_NOTE {
        return Err(wrong(NOTE_TOO_LONG));
    }
    if input.date > act.today {
        return Err(wrong(DATE_IN_FUTURE));
    }
    match &input.detail {
        StatusDetail::Leave { expected_return } if *expected_return < input.date => {
            Err(wrong(LEAVE_RETURN_BEFORE_DATE))
        }
        StatusDetail::Absconded { last_seen } if *last_seen > act.now => {
            Err(wrong(LAST_SEEN_IN_FUTURE))
        }
        StatusDetail::Referred { to: text }
        | StatusDetail::Exited {
            destination: text, ..
        } if text.chars().count() > MAX_TEXT => Err(wrong(TEXT_TOO_LONG)),
        _ => Ok(()),
    }
}

/// Checks a status change against the resident's record.
fn check_against(client: &Client, input: &StatusInput) -> Result<(), Refusal> {
    if client.status() == Status::Exited {
        return Err(wrong(ALREADY_EXITED));
    }
    if input.date < client.admitted() {
        return Err(wrong(DATE_BEFORE_ADMISSION));
    }
    if client
        .history
        .last()
        .is_some_and(|last| input.date < last.date)
    {
        return Err(wrong(DATE_BEFORE_LAST_CHANGE));
    }
    Ok(())
}

/// Records a status change. Keluar (exit) closes the current stay and frees the room and
/// bed (and needs a supervisor, see `roles`); an exited resident changes only through
/// readmission. A sakit note is health information: the audit entry masks it (the
/// status history, the record itself, keeps it).
pub(super) fn change(
    act: &Act<'_>,
    id: ClientId,
    base_revision: u64,
    input: &StatusInput,
) -> Result<Client, Refusal> {
    let exit = input.detail.status() == Status::Exited;
    check_input(act, input)?;
    let by = act.me.username.as_str();
    act.store.transact(|tx| {
        let current = tx.client(id)?.ok_or(Refusal::NotFound)?;
        // This same change, sent again after a timeout although it went through.
        let resent = current.revision != base_revision
            && current.history.last().is_some_and(|last| {
                last.recorded_by == by
                    && last.detail == input.detail
                    && last.date == input.date
                    && last.note == input.note
            });
        if resent {
            return Ok(current);
        }
        check_revision(tx, &current, base_revision)?;
        check_against(&current, input)?;
        let mut client = current.clone();
        client.history.push(StatusChange {
            detail: input.detail.clone(),
            date: input.date,
            note: input.note.clone(),
            recorded_by: by.to_string(),
            recorded_at: act.now,
        });
        if exit {
            if let Some(stay) = client.stays.last_mut() {
                stay.exited = Some(input.date);
            }
            client.details.room = String::new();
            client.details.bed = String::new();
        }
        client.record_change(by, act.now);
        tx.put_client(&client)?;
        let mut changes = vec![
            field_change(
                "status",
                format!("{:?}", current.status()),
                format!("{:?}", client.status()),
            ),
            field_change("status_date", "", input.date.to_string()),
        ];
        changes.extend(status_facts(&input.detail));
        if !input.note.is_empty() {
            let sick = input.detail.status() == Status::Sick;
            changes.push(field_change("note", "", masked_if(sick, &input.note)));
        }
        // Recorded so that undoing the exit can give the same room and bed back.
        let before = &current.details;
        for (field, was) in [("room", &before.room), ("bed", &before.bed)] {
            if exit && !was.is_empty() {
                changes.push(field_change(field, was.clone(), ""));
            }
        }
        tx.append_audit(&entry(
            act.now,
            by,
            RecordRef::Client(id),
            AuditAction::StatusChanged,
            changes,
        ))?;
        Ok(client)
    })
}

/// The value `field` had before the change `changes` describe (the room an exit freed).
fn room_before(changes: &[crate::domain::audit::FieldChange], field: &str) -> Option<String> {
    changes
        .iter()
        .find(|c| c.field == field)
        .map(|c| c.before.clone())
}

/// Undoes the resident's last status change, `index` in the history, if it was recorded
/// today (WIB): the status before it is current again. An undone exit reopens the stay
/// and gives back the room and bed the exit freed (from its audit entry), if nobody
/// else holds that bed now; otherwise it is undone without them (audited as
/// `bed_taken_by`). The status a
/// stay began with (admission, readmission) is not undone here. Audited as `StatusUndone`.
pub(super) fn undo(
    act: &Act<'_>,
    id: ClientId,
    base_revision: u64,
    index: u32,
) -> Result<Client, Refusal> {
    let by = act.me.username.as_str();
    // When an exit is undone, the exit's own audit entry says which room and bed it freed
    // (read only then: it means walking back through the trail). Commands that write run
    // one at a time, so nothing changes between these reads and the transaction.
    let undoing_exit = act
        .store
        .client(id)?
        .is_some_and(|c| c.status() == Status::Exited);
    let exit_entry = undoing_exit
        .then(|| {
            act.store
                .audit_entries_rev()
                .filter_map(Result::ok)
                .find(|e| {
                    e.record == RecordRef::Client(id)
                        && e.action == AuditAction::StatusChanged
                        && e.changes
                            .iter()
                            .any(|c| c.field == "status" && c.after == "Exited")
                })
        })
        .flatten();
    // Who holds the bed the exit freed, if anyone does now.
    let freed_place = |field| {
        exit_entry
            .as_ref()
            .and_then(|e| room_before(&e.changes, field))
            .unwrap_or_default()
    };
    let holder = bed_holder(act, &freed_place("room"), &freed_place("bed"), Some(id))?;
    act.store.transact(|tx| {
        let current = tx.client(id)?.ok_or(Refusal::NotFound)?;
        check_revision(tx, &current, base_revision)?;
        let last = current.history.len().saturating_sub(1);
        if usize::try_from(index).ok() != Some(last) {
            return Err(wrong(NOT_LAST_CHANGE).into());
        }
        let Some(undone) = current.history.last() else {
            return Err(wrong(NOTHING_TO_UNDO).into());
        };
        let readmission = last > 0
            && undone.detail == StatusDetail::Active
            && current.history[last - 1].detail.status() == Status::Exited;
        if last == 0 || readmission {
            return Err(wrong(NOTHING_TO_UNDO).into());
        }
        if undone.recorded_at.date() != act.today {
            return Err(wrong(CHANGE_NOT_TODAY).into());
        }
        let mut client = current.clone();
        client.history.pop();
        let mut changes = vec![
            field_change(
                "status",
                format!("{:?}", current.status()),
                format!("{:?}", client.status()),
            ),
            field_change("status_date", undone.date.to_string(), ""),
            field_change(
                "recorded",
                format!("{} {}", undone.recorded_by, undone.recorded_at),
                "",
            ),
        ];
        if undone.detail.status() == Status::Exited {
            if let Some(stay) = client.stays.last_mut() {
                stay.exited = None;
            }
            let (mut room, mut bed) = (freed_place("room"), freed_place("bed"));
            // Someone else took the bed meanwhile: the exit is undone without it.
            if let Some(holder) = &holder {
                changes.push(field_change(
                    "bed_taken_by",
                    format!("{} {}/{}", holder.reg_no, room, bed),
                    "",
                ));
                (room, bed) = (String::new(), String::new());
            }
            if client.details.room.is_empty() && !room.is_empty() {
                changes.push(field_change("room", "", room.clone()));
                client.details.room = room;
            }
            if client.details.bed.is_empty() && !bed.is_empty() {
                changes.push(field_change("bed", "", bed.clone()));
                client.details.bed = bed;
            }
        }
        client.record_change(by, act.now);
        tx.put_client(&client)?;
        tx.append_audit(&entry(
            act.now,
            by,
            RecordRef::Client(id),
            AuditAction::StatusUndone,
            changes,
        ))?;
        Ok(client)
    })
}

/// Starts a new stay for a resident who had exited: status aktif from `admitted`, stage
/// back to intake. Earlier stays are kept.
pub(super) fn readmit(
    act: &Act<'_>,
    id: ClientId,
    base_revision: u64,
    admitted: NaiveDate,
    referral: ReferralSource,
) -> Result<Client, Refusal> {
    if admitted > act.today {
        return Err(wrong(DATE_IN_FUTURE));
    }
    let by = act.me.username.as_str();
    act.store.transact(|tx| {
        let current = tx.client(id)?.ok_or(Refusal::NotFound)?;
        check_revision(tx, &current, base_revision)?;
        if current.status() != Status::Exited {
            return Err(wrong(NOT_EXITED).into());
        }
        let last_exit = current.stays.last().and_then(|s| s.exited);
        if last_exit.is_some_and(|exit| admitted < exit) {
            return Err(wrong(DATE_BEFORE_EXIT).into());
        }
        let mut client = current.clone();
        client.stays.push(Stay {
            admitted,
            referral,
            exited: None,
        });
        client.history.push(StatusChange {
            detail: StatusDetail::Active,
            date: admitted,
            note: String::new(),
            recorded_by: by.to_string(),
            recorded_at: act.now,
        });
        client.details.admitted = admitted;
        client.details.referral = referral;
        client.details.stage = Stage::Intake;
        client.record_change(by, act.now);
        tx.put_client(&client)?;
        let before = &current.details;
        let mut changes = vec![
            field_change("status", format!("{:?}", current.status()), "Active"),
            field_change(
                "admitted",
                before.admitted.to_string(),
                admitted.to_string(),
            ),
            field_change(
                "referral",
                format!("{:?}", before.referral),
                format!("{referral:?}"),
            ),
        ];
        if before.stage != Stage::Intake {
            changes.push(field_change(
                "stage",
                format!("{:?}", before.stage),
                "Intake",
            ));
        }
        changes.push(field_change(
            "stays",
            current.stays.len().to_string(),
            client.stays.len().to_string(),
        ));
        tx.append_audit(&entry(
            act.now,
            by,
            RecordRef::Client(id),
            AuditAction::Readmitted,
            changes,
        ))?;
        Ok(client)
    })
}
