//! What the roster, roll calls, the headcount and the due list need to know about a
//! resident, without the rest of the record: the server keeps these for every resident in
//! memory instead of decoding every full record for each screen.

use chrono::NaiveDate;
use smallvec::SmallVec;

use super::client::{Client, ClientRow};
use super::status::{Status, StatusDetail};

/// A resident in short: the roster row, the dates of every stay, when each status began,
/// and the current status in detail.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientFacts {
    pub row: ClientRow,
    /// Admission and exit date of every stay, oldest first (most have one).
    pub stays: SmallVec<[(NaiveDate, Option<NaiveDate>); 1]>,
    /// The date and status of every status change, oldest first (most have a few).
    pub statuses: SmallVec<[(NaiveDate, Status); 2]>,
    /// The latest status change's detail (when a leave ends, when kabur was last seen).
    pub current: StatusDetail,
}

impl ClientFacts {
    pub fn of(client: &Client) -> ClientFacts {
        ClientFacts {
            row: client.row(),
            stays: client
                .stays
                .iter()
                .map(|s| (s.admitted, s.exited))
                .collect(),
            statuses: client
                .history
                .iter()
                .map(|c| (c.date, c.detail.status()))
                .collect(),
            current: client
                .history
                .last()
                .map_or(StatusDetail::Active, |c| c.detail.clone()),
        }
    }

    /// True while the resident is counted as living in the facility (not exited).
    pub fn in_residence(&self) -> bool {
        self.row.status != Status::Exited
    }

    /// True if one of the stays covers `date` (see [`stays_cover`]).
    pub fn in_residence_on(&self, date: NaiveDate) -> bool {
        stays_cover(self.stays.iter().copied(), date)
    }

    /// The status in effect on `date` (see [`status_among`]).
    pub fn status_on(&self, date: NaiveDate) -> Option<Status> {
        status_among(self.statuses.iter().rev().copied(), date)
    }
}

/// True if one of the stays, `(admitted, exited)`, covers `date`: admitted on or before
/// it and not exited on or before it. The exit date is the first day a resident is no
/// longer counted, as the status history has them keluar from that date.
pub fn stays_cover(
    mut stays: impl Iterator<Item = (NaiveDate, Option<NaiveDate>)>,
    date: NaiveDate,
) -> bool {
    stays.any(|(admitted, exited)| admitted <= date && exited.is_none_or(|exit| exit > date))
}

/// The status in effect on `date` among status changes given newest first: the first one
/// dated on or before it.
pub fn status_among(
    mut newest_first: impl Iterator<Item = (NaiveDate, Status)>,
    date: NaiveDate,
) -> Option<Status> {
    newest_first
        .find(|(since, _)| *since <= date)
        .map(|(_, status)| status)
}
