//! Where a resident is now (aktif, izin, sakit, dirujuk, kabur, keluar) and its history.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// The six statuses of DOMAIN.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    /// aktif: in residence, taking part.
    Active,
    /// izin: on permitted leave, expected back on a date.
    Leave,
    /// sakit: ill in the facility.
    Sick,
    /// dirujuk: referred out for a while.
    Referred,
    /// kabur: left without permission; counts against headcount.
    Absconded,
    /// keluar: exited; the record stays for follow-up.
    Exited,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Active,
        Status::Leave,
        Status::Sick,
        Status::Referred,
        Status::Absconded,
        Status::Exited,
    ];
}

/// Why a resident exited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExitReason {
    ReturnedToFamily,
    Work,
    OwnBusiness,
    Referred,
    Absconded,
    Died,
    Other,
}

impl ExitReason {
    pub const ALL: [ExitReason; 7] = [
        ExitReason::ReturnedToFamily,
        ExitReason::Work,
        ExitReason::OwnBusiness,
        ExitReason::Referred,
        ExitReason::Absconded,
        ExitReason::Died,
        ExitReason::Other,
    ];
}

/// A status with the facts that belong to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusDetail {
    Active,
    Leave {
        expected_return: NaiveDate,
    },
    Sick,
    Referred {
        to: String,
    },
    Absconded {
        last_seen: NaiveDateTime,
    },
    Exited {
        reason: ExitReason,
        destination: String,
    },
}

impl StatusDetail {
    pub fn status(&self) -> Status {
        match self {
            StatusDetail::Active => Status::Active,
            StatusDetail::Leave { .. } => Status::Leave,
            StatusDetail::Sick => Status::Sick,
            StatusDetail::Referred { .. } => Status::Referred,
            StatusDetail::Absconded { .. } => Status::Absconded,
            StatusDetail::Exited { .. } => Status::Exited,
        }
    }
}

/// One entry of the status history: what, from which date, why, and who recorded it when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub detail: StatusDetail,
    /// The date the status took effect.
    pub date: NaiveDate,
    pub note: String,
    /// Staff user name of whoever recorded it.
    pub recorded_by: String,
    /// When it was recorded (WIB).
    pub recorded_at: NaiveDateTime,
}
