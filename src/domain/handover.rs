//! Handover notes (serah terima piket): what one shift tells the next. Notes are only ever
//! added, so two people writing at once both keep their text.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::roll_call::Phase;
use super::shift::{Shift, ShiftSlot, ShiftTimes};

/// Longest handover note, in characters.
pub const MAX_HANDOVER: usize = 4000;

/// Whether a note for `slot` may be filed at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filing {
    /// The current shift, or the one before while its roll call is still in its grace
    /// period ([`LATE_MARK_GRACE_MINUTES`](super::roll_call::LATE_MARK_GRACE_MINUTES)): a note begun at 20:55 in the siang shift and
    /// saved at 21:02 belongs to siang.
    Open,
    /// A shift that ended longer ago.
    Over,
    /// A shift that has not started.
    NotStarted,
}

/// Decides whether a note written for `slot` may be saved at `now`: by the same phases
/// as the shift's roll call.
pub fn filing(times: &ShiftTimes, slot: ShiftSlot, now: NaiveDateTime) -> Filing {
    match Phase::of(times, slot, now) {
        Phase::NotStarted => Filing::NotStarted,
        Phase::Running | Phase::Grace { .. } => Filing::Open,
        Phase::Closed => Filing::Over,
    }
}

/// One handover note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoverNote {
    pub id: u64,
    /// The shift it was written for (the shift of the moment the editor opened).
    pub slot: ShiftSlot,
    pub text: String,
    /// Staff user name and display name of the author.
    pub by: String,
    pub by_name: String,
    pub at: NaiveDateTime,
}

/// Reads back a shift as the audit trail records it (`2026-11-28 Afternoon`), so the
/// trail can name a note by its shift.
pub fn slot_from_label(label: &str) -> Option<ShiftSlot> {
    let (date, shift) = label.split_once(' ')?;
    let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let shift = Shift::ALL.into_iter().find(|s| format!("{s:?}") == shift)?;
    Some(ShiftSlot { date, shift })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 28)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn a_note_may_be_filed_under_the_shift_just_ended_for_half_an_hour() {
        let times = ShiftTimes::default();
        let date = at(0, 0).date();
        let siang = ShiftSlot {
            date,
            shift: Shift::Afternoon,
        };
        assert_eq!(filing(&times, siang, at(20, 55)), Filing::Open);
        assert_eq!(filing(&times, siang, at(21, 2)), Filing::Open);
        assert_eq!(filing(&times, siang, at(21, 29)), Filing::Open);
        assert_eq!(filing(&times, siang, at(21, 30)), Filing::Over);
        assert_eq!(filing(&times, siang.prev(), at(14, 10)), Filing::Open);
        assert_eq!(
            filing(&times, siang.prev().prev(), at(14, 10)),
            Filing::Over
        );
        assert_eq!(filing(&times, siang.next(), at(20, 55)), Filing::NotStarted);
    }

    #[test]
    fn a_slot_label_reads_back() {
        let slot = ShiftSlot {
            date: at(0, 0).date(),
            shift: Shift::Night,
        };
        assert_eq!(slot_from_label("2026-11-28 Night"), Some(slot));
        assert_eq!(slot_from_label("28-11-2026 Night"), None);
        assert_eq!(slot_from_label("2026-11-28 Evening"), None);
    }
}
