//! Handover notes (serah terima piket): what one shift tells the next. Notes are only ever
//! added, so two people writing at once both keep their text.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::shift::ShiftSlot;

/// Longest handover note, in characters.
pub const MAX_HANDOVER: usize = 4000;

/// One handover note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverNote {
    pub id: u64,
    /// The shift it was written in.
    pub slot: ShiftSlot,
    pub text: String,
    /// Staff user name and display name of the author.
    pub by: String,
    pub by_name: String,
    pub at: NaiveDateTime,
}
