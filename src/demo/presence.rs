//! What a resident's stays and status history say about a past roll call: whether they
//! were in residence on the slot's date, and where their status put them at the moment
//! the roll call reached them.
//!
//! The rules, which the demo's roll calls follow and its tests check:
//! - in residence on a date: a stay began on or before it and had not ended by it (the
//!   exit date itself is no longer in residence);
//! - the status on a date is the last history entry dated on or before it;
//! - kabur counts from the moment last seen: a resident last seen at 15:10 is present at
//!   the morning roll call and missing from the first roll call taken after 15:10.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::{Client, StatusChange, StatusDetail};

/// Where the status history puts a resident at a roll call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expected<'a> {
    /// aktif: to be seen at the roll call.
    Present,
    /// izin, expected back on the date.
    Leave { expected_return: NaiveDate },
    /// sakit, with the note of the status change.
    Sick { note: &'a str },
    /// dirujuk, and where to.
    Referred { to: &'a str },
    /// kabur since `last_seen`.
    Absconded { last_seen: NaiveDateTime },
}

/// Where a resident in residence on `date` (`domain::roll_call::in_residence_on`) was at a roll call of
/// that date that reached them at `at`.
pub(super) fn expected(client: &Client, date: NaiveDate, at: NaiveDateTime) -> Expected<'_> {
    let h = &client.history;
    // The history is in date order: the entries in force are those dated up to `date`.
    let upto = h.partition_point(|e| e.date <= date);
    // Gone since a moment before the roll call, recorded (dated) the day after.
    if let Some(StatusChange {
        detail: StatusDetail::Absconded { last_seen },
        ..
    }) = h.get(upto)
        && *last_seen < at
    {
        return Expected::Absconded {
            last_seen: *last_seen,
        };
    }
    let Some(current) = upto.checked_sub(1).map(|i| &h[i]) else {
        return Expected::Present;
    };
    match &current.detail {
        StatusDetail::Active | StatusDetail::Exited { .. } => Expected::Present,
        StatusDetail::Leave { expected_return } => Expected::Leave {
            expected_return: *expected_return,
        },
        StatusDetail::Sick => Expected::Sick {
            note: &current.note,
        },
        StatusDetail::Referred { to } => Expected::Referred { to },
        StatusDetail::Absconded { last_seen } => Expected::Absconded {
            last_seen: *last_seen,
        },
    }
}
