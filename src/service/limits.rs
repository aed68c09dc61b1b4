//! Length limits the service enforces on free text, matching the resident form.

/// Longest short text (names, "referred to", destination), as in the resident form.
pub(super) const MAX_TEXT: usize = 120;
/// Longest status note, as the resident form's notes.
pub(super) const MAX_NOTE: usize = 2000;
