//! What a client may ask and what it gets back: the request, reply and notice types that
//! the TUI and the server share, and the messages and framing that carry them over the
//! Unix socket (`wire`, `frame`).

pub mod frame;
pub mod wire;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::audit::{AuditEntry, RecordRef};
use crate::domain::duplicates::DuplicateMatch;
use crate::domain::{
    Client, ClientDraft, ClientId, ClientRow, Facility, ReferralSource, Role, Staff, StatusDetail,
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
    /// Every staff account (kepala only).
    ListStaff,
    /// Adds an account for an OS user (kepala only).
    AddStaff {
        username: String,
        display_name: String,
        role: Role,
    },
    /// Changes an account's name, role or active flag (kepala only); the last active
    /// head cannot be demoted or disabled.
    UpdateStaff {
        username: String,
        base_revision: u64,
        display_name: String,
        role: Role,
        active: bool,
    },
    /// Audit entries matching the filter, newest first (kepala only).
    ListAudit(AuditFilter),
}

/// Which audit entries to list; `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// OS user name of the staff member who made the change.
    pub by: Option<String>,
    /// First day included (WIB).
    pub from: Option<NaiveDate>,
    /// Last day included (WIB).
    pub to: Option<NaiveDate>,
    pub record: Option<RecordRef>,
    /// At most this many entries (the newest); 0 means no limit.
    pub limit: u32,
}

/// What changed in the store, pushed to every connected client after a command so each
/// refreshes what it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    /// A resident was added or changed.
    Client(ClientId),
    /// Staff accounts changed.
    Staff,
    /// The facility's settings changed (e.g. first-run setup).
    Facility,
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
    /// Display names of the active heads: who can add an account for someone without one.
    pub heads: Vec<String>,
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
    Staff(Vec<Staff>),
    /// A staff account as now stored.
    StaffSaved(Staff),
    Audit(Vec<AuditEntry>),
}

impl Reply {
    /// What a successful reply to `request` changed, for the notice to other clients.
    pub fn change(&self) -> Option<Notice> {
        match self {
            Reply::Saved(client) => Some(Notice::Client(client.id)),
            Reply::SetUp(_) => Some(Notice::Facility),
            Reply::StaffSaved(_) => Some(Notice::Staff),
            Reply::Hello(_) | Reply::Clients(_) | Reply::Client(_) | Reply::Duplicates(_) => None,
            Reply::Staff(_) | Reply::Audit(_) => None,
        }
    }
}
