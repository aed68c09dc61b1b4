//! Reason codes carried by `Refusal::WrongState`: short, stable English strings the UI
//! maps to messages in the user's language. They live in `domain` so the UI can match on
//! them without importing the service layer.

/// The resident has exited; only a readmission applies.
pub const ALREADY_EXITED: &str = "already-exited";
/// Readmission is only for a resident who has exited.
pub const NOT_EXITED: &str = "not-exited";
/// The date is after today.
pub const DATE_IN_FUTURE: &str = "date-in-future";
/// A status date before the current stay's admission.
pub const DATE_BEFORE_ADMISSION: &str = "date-before-admission";
/// A status date before the latest entry of the status history.
pub const DATE_BEFORE_LAST_CHANGE: &str = "date-before-last-change";
/// A readmission dated before the last exit.
pub const DATE_BEFORE_EXIT: &str = "date-before-exit";
/// Leave whose expected return is before the leave starts.
pub const LEAVE_RETURN_BEFORE_DATE: &str = "leave-return-before-date";
/// An absconded resident "last seen" after now.
pub const LAST_SEEN_IN_FUTURE: &str = "last-seen-in-future";
/// An edited admission date before the previous stay's exit.
pub const ADMITTED_BEFORE_PREVIOUS_EXIT: &str = "admitted-before-previous-exit";
/// An edited admission date after the current stay's exit.
pub const ADMITTED_AFTER_EXIT: &str = "admitted-after-exit";
/// A status note longer than the limit.
pub const NOTE_TOO_LONG: &str = "note-too-long";
/// A short text (referred to, destination, names) longer than the limit.
pub const TEXT_TOO_LONG: &str = "text-too-long";
/// Setup without a facility name.
pub const FACILITY_NAME_REQUIRED: &str = "facility-name-required";
/// Setup without the head's name.
pub const HEAD_NAME_REQUIRED: &str = "head-name-required";
/// Setup with a capacity of zero beds.
pub const CAPACITY_REQUIRED: &str = "capacity-required";
/// A new staff account for a user name that already has one (even an inactive one).
pub const STAFF_EXISTS: &str = "staff-exists";
/// The change would leave the facility without an active head.
pub const LAST_HEAD: &str = "last-head";
/// A staff user name that is not an OS user name (1–32 of `a-z 0-9 _ -`, not starting
/// with a digit or `-`, optionally ending in `$`).
pub const BAD_USERNAME: &str = "bad-username";
/// A staff account without a display name.
pub const NAME_REQUIRED: &str = "name-required";

/// Shift start times not in the order pagi < siang < malam within one day.
pub const SHIFT_TIMES_ORDER: &str = "shift-times-order";
/// A mark for a resident who is not in that roll call (not in residence on its date).
pub const NOT_IN_ROLL_CALL: &str = "not-in-roll-call";
/// A date range of roll calls longer than a year (366 days).
pub const RANGE_TOO_LONG: &str = "range-too-long";
/// A date range whose end is before its start.
pub const RANGE_REVERSED: &str = "range-reversed";
/// A handover note with nothing in it but spaces.
pub const HANDOVER_EMPTY: &str = "handover-empty";
/// A handover note for a shift that ended more than `roll_call::LATE_MARK_GRACE_MINUTES` ago.
pub const HANDOVER_SHIFT_OVER: &str = "handover-shift-over";
/// Undo of a status change that is not the resident's last one.
pub const NOT_LAST_CHANGE: &str = "not-last-change";
/// Undo of a status change recorded before today.
pub const CHANGE_NOT_TODAY: &str = "change-not-today";
/// Undo of the status a stay began with (nothing before it to go back to), a
/// readmission included: that is undone by editing or exiting again.
pub const NOTHING_TO_UNDO: &str = "nothing-to-undo";

/// Every code above, for tests and for checking that the UI words each one.
pub const ALL: [&str; 28] = [
    ALREADY_EXITED,
    NOT_EXITED,
    DATE_IN_FUTURE,
    DATE_BEFORE_ADMISSION,
    DATE_BEFORE_LAST_CHANGE,
    DATE_BEFORE_EXIT,
    LEAVE_RETURN_BEFORE_DATE,
    LAST_SEEN_IN_FUTURE,
    ADMITTED_BEFORE_PREVIOUS_EXIT,
    ADMITTED_AFTER_EXIT,
    NOTE_TOO_LONG,
    TEXT_TOO_LONG,
    FACILITY_NAME_REQUIRED,
    HEAD_NAME_REQUIRED,
    CAPACITY_REQUIRED,
    STAFF_EXISTS,
    LAST_HEAD,
    BAD_USERNAME,
    NAME_REQUIRED,
    SHIFT_TIMES_ORDER,
    NOT_IN_ROLL_CALL,
    RANGE_TOO_LONG,
    RANGE_REVERSED,
    HANDOVER_EMPTY,
    HANDOVER_SHIFT_OVER,
    NOT_LAST_CHANGE,
    CHANGE_NOT_TODAY,
    NOTHING_TO_UNDO,
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    #[test]
    fn codes_are_distinct_lowercase_words() {
        let unique: HashSet<&str> = super::ALL.iter().copied().collect();
        assert_eq!(unique.len(), super::ALL.len());
        for code in super::ALL {
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{code}"
            );
        }
    }
}
