//! Audit entries in the user's words: the English keys and raw values the server records
//! (`family_contact`, `Sick`, `2026-11-28 Morning`) as the form labels, status names,
//! dates and shift names the rest of the UI shows, and a one-line summary of each entry
//! ("pagi 28 Nov: hadir → sakit").

use std::fmt::Debug;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::audit::{AuditAction, AuditEntry, FieldChange, RecordRef};
use crate::domain::handover::slot_from_label;
use crate::domain::roll_call::Presence;
use crate::domain::shift::Shift;
use crate::domain::{
    Education, ExitReason, Origin, ReferralSource, Religion, Role, Sex, Stage, Status,
};
use crate::ui::staff_names::StaffNames;
use crate::ui::text::{self, Lang, Msg};

/// `28 Nov`: a date in a summary, where the year is plain from the entry's time.
pub fn day_month(lang: Lang, d: NaiveDate) -> String {
    let full = text::date(lang, d);
    full.rsplit_once(' ')
        .map_or(full.clone(), |(dm, _)| dm.to_string())
}

/// The label of an audit key, as the form or screen that edits it says it.
pub fn field_label(lang: Lang, record: &RecordRef, key: &str) -> String {
    let shift_start = |s: Shift| lang.f(Msg::AuditFieldShiftStart, &[text::shift(lang, s)]);
    let msg = match key {
        "name" if matches!(record, RecordRef::Staff(_)) => Msg::StaffColName,
        "name" => Msg::FieldName,
        "nickname" => Msg::FieldNickname,
        "nik" => Msg::FieldNik,
        "kk" => Msg::FieldKk,
        "sex" => Msg::FieldSex,
        "birth_place" => Msg::FieldBirthPlace,
        "birth_date" => Msg::FieldBirthDate,
        "religion" => Msg::FieldReligion,
        "education" => Msg::FieldEducation,
        "origin" => Msg::FieldOrigin,
        "family_contact" => Msg::FieldFamilyContact,
        "admitted" => Msg::FieldAdmitted,
        "referral" => Msg::FieldReferral,
        "room" => Msg::FieldRoom,
        "bed" => Msg::FieldBed,
        "stage" => Msg::FieldStage,
        "notes" => Msg::FieldNotes,
        "status" => Msg::AuditFieldStatus,
        "status_date" => Msg::StatusFieldDate,
        "expected_return" => Msg::StatusFieldReturn,
        "referred_to" => Msg::StatusFieldReferredTo,
        "last_seen" => Msg::StatusFieldLastSeen,
        "exit_reason" => Msg::StatusFieldReason,
        "destination" => Msg::StatusFieldDestination,
        "note" => Msg::StatusFieldNote,
        "recorded" => Msg::AuditFieldRecorded,
        "stays" => Msg::AuditFieldStays,
        "bed_taken_by" => Msg::AuditFieldBedTaken,
        "slot" => Msg::RollGoToShift,
        "presence" => Msg::AuditFieldPresence,
        "marked_present" => Msg::AuditFieldMarkedPresent,
        "clients" => Msg::TabRoster,
        "text" => Msg::AuditFieldText,
        "file" => Msg::AuditFieldFile,
        "bytes" => Msg::AuditFieldBytes,
        "records" => Msg::AuditFieldRecords,
        "facility_name" => Msg::AuditFieldFacilityName,
        "capacity" => Msg::AuditFieldCapacity,
        "head" => Msg::AuditFieldHead,
        "staff" => Msg::TabStaff,
        "marks" => Msg::AuditFieldMarks,
        "handovers" => Msg::AuditFieldHandovers,
        "role" => Msg::StaffColRole,
        "active" => Msg::AuditFieldActive,
        "shift_morning" => return shift_start(Shift::Morning),
        "shift_afternoon" => return shift_start(Shift::Afternoon),
        "shift_night" => return shift_start(Shift::Night),
        other => return other.to_string(),
    };
    lang.t(msg).to_string()
}

/// The variant of `all` whose name (as the audit records it, `{:?}`) is `raw`.
fn named<T: Debug + Copy>(all: &[T], raw: &str) -> Option<T> {
    all.iter().copied().find(|v| format!("{v:?}") == raw)
}

fn parse_date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
}

fn parse_date_time(raw: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M"))
        .ok()
}

/// A recorded value as the UI shows it: status, presence and other enum names in the
/// user's language, dates as `28 Nov 2026`, a shift as `pagi 28 Nov 2026`, a login as
/// the staff member's name. What it does not recognise (free text, masked numbers, old
/// records) is shown as recorded; empty stays empty.
pub fn value(lang: Lang, names: &StaffNames, key: &str, raw: &str) -> String {
    if raw.is_empty() {
        return String::new();
    }
    let shown = match key {
        "status" => named(&Status::ALL, raw).map(|s| text::status(lang, s).to_string()),
        "presence" => named(&Presence::ALL, raw).map(|p| text::presence(lang, p).to_string()),
        "sex" => named(&Sex::ALL, raw).map(|s| text::sex(lang, s).to_string()),
        "religion" => named(&Religion::ALL, raw).map(|r| text::religion(lang, r).to_string()),
        "education" => named(&Education::ALL, raw).map(|e| text::education(lang, e).to_string()),
        "referral" => named(&ReferralSource::ALL, raw).map(|r| text::referral(lang, r).to_string()),
        "stage" => named(&Stage::ALL, raw).map(|s| text::stage(lang, s).to_string()),
        "exit_reason" => {
            named(&ExitReason::ALL, raw).map(|r| text::exit_reason(lang, r).to_string())
        }
        "role" => named(&Role::ALL, raw).map(|r| text::role(lang, r).to_string()),
        "origin" => match raw.parse::<u16>() {
            Ok(code) => Some(text::origin(lang, Origin::Regency(code))),
            Err(_) => named(&[Origin::OutsideEastJava], raw).map(|o| text::origin(lang, o)),
        },
        "active" => match raw {
            "true" => Some(lang.t(Msg::StaffActive).to_string()),
            "false" => Some(lang.t(Msg::StaffInactive).to_string()),
            _ => None,
        },
        "birth_date" => match raw.strip_prefix('~') {
            Some(year) => Some(format!("±{year}")),
            None => parse_date(raw).map(|d| text::date(lang, d)),
        },
        "status_date" | "admitted" | "expected_return" => {
            parse_date(raw).map(|d| text::date(lang, d))
        }
        "last_seen" => parse_date_time(raw).map(|t| text::date_time(lang, t)),
        "slot" => slot_from_label(raw).map(|s| {
            format!(
                "{} {}",
                text::shift(lang, s.shift),
                text::date(lang, s.date)
            )
        }),
        // "budi 2026-11-28 10:00:00": who recorded the undone change, and when.
        "recorded" => raw.split_once(' ').map(|(login, at)| {
            let at = parse_date_time(at).map_or(at.to_string(), |t| text::date_time(lang, t));
            format!("{}, {at}", names.full(login))
        }),
        _ => None,
    };
    shown.unwrap_or_else(|| raw.to_string())
}

/// `before → after` in the user's words; just `after` when nothing was before, and
/// `before → —` when a value was removed.
fn arrow(lang: Lang, names: &StaffNames, change: &FieldChange) -> String {
    let before = value(lang, names, &change.field, &change.before);
    let after = value(lang, names, &change.field, &change.after);
    match (before.is_empty(), after.is_empty()) {
        (true, _) => after,
        (false, true) => format!("{before} → —"),
        (false, false) => format!("{before} → {after}"),
    }
}

/// One line saying what an entry changed: for a roll-call mark its shift and the mark
/// ("pagi 28 Nov: hadir → sakit"), for a status change the statuses ("aktif → sakit"),
/// otherwise the labels of the fields that changed.
pub fn summary(lang: Lang, names: &StaffNames, e: &AuditEntry) -> String {
    let get = |key: &str| e.changes.iter().find(|c| c.field == key);
    match e.action {
        AuditAction::RollCallMarked | AuditAction::RollCallCorrected => {
            let slot = get("slot").and_then(|c| slot_from_label(&c.after));
            let what = match (get("presence"), get("marked_present")) {
                (Some(p), _) => arrow(lang, names, p),
                (None, Some(n)) => lang.f(Msg::AuditMarkedAll, &[&n.after]),
                (None, None) => labels(lang, e),
            };
            match slot {
                Some(s) => lang.f(
                    Msg::AuditSummaryLine,
                    &[text::shift(lang, s.shift), &day_month(lang, s.date), &what],
                ),
                None => what,
            }
        }
        AuditAction::StatusChanged | AuditAction::StatusUndone | AuditAction::Readmitted => {
            match get("status") {
                Some(status) => arrow(lang, names, status),
                None => labels(lang, e),
            }
        }
        _ => labels(lang, e),
    }
}

/// The labels of the fields an entry changed, in order.
fn labels(lang: Lang, e: &AuditEntry) -> String {
    e.changes
        .iter()
        .map(|c| field_label(lang, &e.record, &c.field))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ClientId;
    use crate::protocol::StaffName;

    fn names() -> StaffNames {
        StaffNames::new(vec![StaffName {
            username: "budi".into(),
            display_name: "Budiman Santoso".into(),
        }])
    }

    fn change(field: &str, before: &str, after: &str) -> FieldChange {
        FieldChange {
            field: field.into(),
            before: before.into(),
            after: after.into(),
        }
    }

    fn entry(action: AuditAction, changes: Vec<FieldChange>) -> AuditEntry {
        AuditEntry {
            at: NaiveDate::from_ymd_opt(2026, 11, 28)
                .unwrap()
                .and_hms_opt(21, 5, 0)
                .unwrap(),
            by: "budi".into(),
            record: RecordRef::Client(ClientId(62)),
            action,
            changes,
        }
    }

    #[test]
    fn keys_read_as_the_form_labels_in_either_language() {
        let client = RecordRef::Client(ClientId(1));
        assert_eq!(
            field_label(Lang::Id, &client, "family_contact"),
            "Kontak keluarga"
        );
        assert_eq!(field_label(Lang::En, &client, "nickname"), "Nickname");
        assert_eq!(
            field_label(Lang::Id, &client, "status_date"),
            "Berlaku tanggal"
        );
        assert_eq!(field_label(Lang::Id, &client, "slot"), "Piket");
    }

    #[test]
    fn values_read_as_the_ui_shows_them() {
        let n = names();
        assert_eq!(value(Lang::Id, &n, "status", "Sick"), "sakit");
        assert_eq!(value(Lang::En, &n, "status", "Active"), "active");
        assert_eq!(
            value(Lang::Id, &n, "status_date", "2026-11-28"),
            "28 Nov 2026"
        );
        assert_eq!(
            value(Lang::Id, &n, "slot", "2026-11-28 Morning"),
            "pagi 28 Nov 2026"
        );
        assert_eq!(value(Lang::Id, &n, "presence", "Present"), "hadir");
        assert_eq!(
            value(Lang::Id, &n, "recorded", "budi 2026-11-28 10:00:00"),
            "Budiman Santoso, 28 Nov 2026 10:00"
        );
        assert_eq!(value(Lang::Id, &n, "notes", "Sick of it"), "Sick of it");
    }

    #[test]
    fn a_correction_reads_as_its_shift_and_the_mark_before_and_after() {
        let e = entry(
            AuditAction::RollCallCorrected,
            vec![
                change("slot", "", "2026-11-28 Morning"),
                change("presence", "Present", "Sick"),
            ],
        );
        assert_eq!(
            summary(Lang::Id, &names(), &e),
            "pagi 28 Nov: hadir → sakit"
        );
        assert_eq!(
            summary(Lang::En, &names(), &e),
            "morning 28 Nov: present → sick"
        );
    }

    #[test]
    fn a_status_change_reads_as_the_statuses_and_an_edit_as_its_labels() {
        let status = entry(
            AuditAction::StatusChanged,
            vec![
                change("status", "Active", "Sick"),
                change("status_date", "", "2026-11-28"),
            ],
        );
        assert_eq!(summary(Lang::Id, &names(), &status), "aktif → sakit");
        let edit = entry(
            AuditAction::Updated,
            vec![
                change("nickname", "Ali", "Aly"),
                change("family_contact", "", "x"),
            ],
        );
        assert_eq!(
            summary(Lang::Id, &names(), &edit),
            "Nama panggilan, Kontak keluarga"
        );
    }
}
