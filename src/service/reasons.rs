//! Reason codes carried by `Refusal::WrongState`: short, stable English strings the UI
//! maps to messages in the user's language.

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

/// Longest short text (names, "referred to", destination), as in the resident form.
pub(super) const MAX_TEXT: usize = 120;
/// Longest status note, as the resident form's notes.
pub(super) const MAX_NOTE: usize = 2000;
