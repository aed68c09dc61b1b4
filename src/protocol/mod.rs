//! What a client may ask and what it gets back: the request, reply and notice types that
//! the TUI and the server share. Plain data; the wire framing joins it with issue #3.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::duplicates::DuplicateMatch;
use crate::domain::{
    Client, ClientDraft, ClientId, ClientRow, Facility, ReferralSource, Staff, StatusDetail,
};

/// Bumped whenever a request, reply or notice changes shape.
pub const PROTOCOL_VERSION: u32 = 1;

/// A status change as the user enters it; who and when are added by the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusInput {
    pub detail: StatusDetail,
    /// The date the status takes effect.
    pub date: NaiveDate,
    pub note: String,
}

/// Everything a client can ask of the service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Who am I and which facility is this; the first request of every session.
    Hello,
    /// First run on an empty store: names the facility and makes the caller its head.
    Setup {
        facility_name: String,
        capacity: u32,
        head_name: String,
    },
    /// Every resident as a roster row, in id order.
    ListClients,
    /// One resident in full, with stays and status history.
    GetClient(ClientId),
    /// Residents who look like the person in `draft` (same NIK, similar name).
    CheckDuplicates {
        draft: ClientDraft,
        editing: Option<ClientId>,
    },
    /// Adds a resident with a first stay starting on `draft.admitted`, status aktif.
    CreateClient(ClientDraft),
    /// Replaces a resident's details; refused if the record moved past `base_revision`.
    UpdateClient {
        id: ClientId,
        base_revision: u64,
        draft: ClientDraft,
    },
    /// Records a status change (with history); `keluar` closes the current stay.
    ChangeStatus {
        id: ClientId,
        base_revision: u64,
        change: StatusInput,
    },
    /// Starts a new stay for a returning resident who had exited.
    Readmit {
        id: ClientId,
        base_revision: u64,
        admitted: NaiveDate,
        referral: ReferralSource,
    },
}

/// Who the caller is and where: the answer to `Hello`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// The OS user name the service sees.
    pub username: String,
    /// `None` until first-run setup.
    pub facility: Option<Facility>,
    /// The caller's staff account, `None` if they have none.
    pub me: Option<Staff>,
}

/// A resident in full, as the detail screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientView {
    pub client: Client,
    /// Display name of whoever last changed the record.
    pub changed_by_name: String,
}

/// The service's answer to a request that was not refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Hello(SessionInfo),
    Clients(Vec<ClientRow>),
    Client(Box<ClientView>),
    Duplicates(Vec<DuplicateMatch>),
    /// A command succeeded and is on disk; holds the resident as now stored.
    Saved(Box<Client>),
    /// Setup succeeded and is on disk.
    SetUp(SessionInfo),
}
