//! What goes into audit entries: field-by-field differences with English keys, personal
//! numbers masked.

use chrono::NaiveDateTime;

use crate::domain::audit::{AuditAction, AuditEntry, FieldChange, RecordRef};
use crate::domain::shift::ShiftSlot;
use crate::domain::{BirthDate, ClientDraft, Field, Origin, StatusDetail};

/// The audit key of a resident form field.
pub fn field_key(field: Field) -> &'static str {
    match field {
        Field::Name => "name",
        Field::Nickname => "nickname",
        Field::Nik => "nik",
        Field::Kk => "kk",
        Field::Sex => "sex",
        Field::BirthPlace => "birth_place",
        Field::BirthDate => "birth_date",
        Field::Religion => "religion",
        Field::Education => "education",
        Field::Origin => "origin",
        Field::FamilyContact => "family_contact",
        Field::Admitted => "admitted",
        Field::Referral => "referral",
        Field::Room => "room",
        Field::Bed => "bed",
        Field::Stage => "stage",
        Field::Notes => "notes",
    }
}

/// An enum's name, or "" for its unknown value (so it counts as empty).
fn known<T: std::fmt::Debug>(value: T) -> String {
    let name = format!("{value:?}");
    if name == "Unknown" {
        String::new()
    } else {
        name
    }
}

/// A field's value as the audit shows it, and whether it differs between two drafts.
/// NIK and KK are compared whole but shown masked. Drafts reach here validated, so
/// their numbers are 16 digits and `masked` cannot slice out of range.
fn shown(d: &ClientDraft, field: Field) -> String {
    match field {
        Field::Name => d.name.clone(),
        Field::Nickname => d.nickname.clone(),
        Field::Nik => d.nik.as_ref().map(|n| n.masked()).unwrap_or_default(),
        Field::Kk => d.kk.as_ref().map(|k| k.masked()).unwrap_or_default(),
        Field::Sex => format!("{:?}", d.sex),
        Field::BirthPlace => d.birth_place.clone(),
        Field::BirthDate => match d.birth {
            BirthDate::Exact(date) => date.to_string(),
            BirthDate::ApproxYear(y) => format!("~{y}"),
            BirthDate::Unknown => String::new(),
        },
        Field::Religion => known(d.religion),
        Field::Education => known(d.education),
        Field::Origin => match d.origin {
            Origin::Regency(code) => code.to_string(),
            other => known(other),
        },
        Field::FamilyContact => d.family_contact.clone(),
        Field::Admitted => d.admitted.to_string(),
        Field::Referral => known(d.referral),
        Field::Room => d.room.clone(),
        Field::Bed => d.bed.clone(),
        Field::Stage => format!("{:?}", d.stage),
        Field::Notes => d.notes.clone(),
    }
}

fn same(a: &ClientDraft, b: &ClientDraft, field: Field) -> bool {
    match field {
        Field::Nik => a.nik == b.nik,
        Field::Kk => a.kk == b.kk,
        other => shown(a, other) == shown(b, other),
    }
}

/// Every non-empty field of a new resident, as changes from "".
pub(super) fn created(draft: &ClientDraft) -> Vec<FieldChange> {
    Field::ALL
        .iter()
        .map(|&f| change(field_key(f), String::new(), shown(draft, f)))
        .filter(|c| !c.after.is_empty())
        .collect()
}

/// Only the fields that differ between two versions of a resident's details.
pub(super) fn updated(before: &ClientDraft, after: &ClientDraft) -> Vec<FieldChange> {
    Field::ALL
        .iter()
        .filter(|&&f| !same(before, after, f))
        .map(|&f| change(field_key(f), shown(before, f), shown(after, f)))
        .collect()
}

/// One field's change.
pub(super) fn change(
    field: &str,
    before: impl Into<String>,
    after: impl Into<String>,
) -> FieldChange {
    FieldChange {
        field: field.to_string(),
        before: before.into(),
        after: after.into(),
    }
}

/// The facts a status carries, as audit changes from "".
pub(super) fn status_facts(detail: &StatusDetail) -> Vec<FieldChange> {
    match detail {
        StatusDetail::Active | StatusDetail::Sick => Vec::new(),
        StatusDetail::Leave { expected_return } => {
            vec![change("expected_return", "", expected_return.to_string())]
        }
        StatusDetail::Referred { to } => vec![change("referred_to", "", to.clone())],
        StatusDetail::Absconded { last_seen } => {
            vec![change("last_seen", "", last_seen.to_string())]
        }
        StatusDetail::Exited {
            reason,
            destination,
        } => vec![
            change("exit_reason", "", format!("{reason:?}")),
            change("destination", "", destination.clone()),
        ],
    }
}

/// An audit entry made now by `by`.
pub(super) fn entry(
    at: NaiveDateTime,
    by: &str,
    record: RecordRef,
    action: AuditAction,
    changes: Vec<FieldChange>,
) -> AuditEntry {
    AuditEntry {
        at,
        by: by.to_string(),
        record,
        action,
        changes,
    }
}

/// How a shift is named in audit entries: `2026-11-28 Morning`.
pub(super) fn slot_label(slot: ShiftSlot) -> String {
    format!("{} {:?}", slot.date, slot.shift)
}

/// What stands in the audit trail for a text that must not be in it (a sakit mark's
/// note is health information); empty stays empty, so "no note" is still visible.
pub(super) const MASK: &str = "•••";

/// `text`, or `MASK` in its place when `hide` and there is something to hide.
pub(super) fn masked_if(hide: bool, text: &str) -> String {
    if hide && !text.is_empty() {
        MASK.to_string()
    } else {
        text.to_string()
    }
}
