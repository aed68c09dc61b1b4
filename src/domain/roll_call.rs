//! The roll call (apel): one per shift, a mark per resident in residence. Marks are stored
//! one record per resident, so two staff marking at once end with the union of both.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::client::{ClientId, ClientRow};
use super::shift::ShiftSlot;
use super::status::Status;

/// What a roll call records about a resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Presence {
    /// hadir
    Present,
    /// izin
    Leave,
    /// sakit
    Sick,
    /// dirujuk
    Referred,
    /// kabur
    Absconded,
}

impl Presence {
    pub const ALL: [Presence; 5] = [
        Presence::Present,
        Presence::Leave,
        Presence::Sick,
        Presence::Referred,
        Presence::Absconded,
    ];

    /// The mark a resident's status implies before anyone marks them: izin, sakit and
    /// dirujuk residents are expected to be away; others must be seen.
    pub fn implied_by(status: Status) -> Option<Presence> {
        match status {
            Status::Leave => Some(Presence::Leave),
            Status::Sick => Some(Presence::Sick),
            Status::Referred => Some(Presence::Referred),
            Status::Active | Status::Absconded | Status::Exited => None,
        }
    }

    /// The next mark when cycling with Space/Enter.
    pub fn next(self) -> Presence {
        let i = Presence::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Presence::ALL[(i + 1) % Presence::ALL.len()]
    }
}

/// One resident's mark in one roll call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub slot: ShiftSlot,
    pub client: ClientId,
    pub presence: Presence,
    /// Why sakit, where dirujuk, when last seen…
    pub note: String,
    /// Staff user name of whoever marked, and when (WIB).
    pub by: String,
    pub at: NaiveDateTime,
}

/// A roll call row: the resident as they were in that shift, their mark if made, and the
/// mark their status implies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RollCallRow {
    pub client: ClientRow,
    pub mark: Option<Mark>,
    pub implied: Option<Presence>,
}

impl RollCallRow {
    /// The mark that counts: the one made, else the one the status implies.
    pub fn presence(&self) -> Option<Presence> {
        self.mark.as_ref().map(|m| m.presence).or(self.implied)
    }
}

/// A whole roll call: every resident in residence during the slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RollCall {
    pub slot: ShiftSlot,
    /// Ordered by room and bed, then name.
    pub rows: Vec<RollCallRow>,
    /// True once the shift has ended: changes are corrections (supervisor).
    pub closed: bool,
}

impl RollCall {
    /// Rows with a mark that counts (made or implied).
    pub fn marked(&self) -> usize {
        self.rows.iter().filter(|r| r.presence().is_some()).count()
    }

    /// Rows with the given presence.
    pub fn count(&self, presence: Presence) -> usize {
        self.rows
            .iter()
            .filter(|r| r.presence() == Some(presence))
            .count()
    }
}
