//! What a client may ask and what it gets back: the request, reply and notice types that
//! the TUI and the server share, and the messages and framing that carry them over the
//! Unix socket (`wire`, `frame`).

mod exact;
pub mod frame;
pub mod wire;

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::audit::{AuditEntry, RecordRef};
use crate::domain::duplicates::DuplicateMatch;
use crate::domain::handover::HandoverNote;
use crate::domain::roll_call::{Presence, RollCall, RollCallRow};
use crate::domain::shift::{ShiftSlot, ShiftTimes};
use crate::domain::today::{Due, Headcount};
use crate::domain::{
    Client, ClientDraft, ClientId, ClientRow, Facility, ReferralSource, Role, Staff, StatusDetail,
};

/// Bumped whenever a request, reply or notice changes shape.
/// 3: `Backup`, `Check`, `TodayView::last_backup`, `Notice::Backup`.
/// 4: a roll call row names its resident by id.
/// 5: `AddHandover` names the shift it is written for; `Online` gives display names.
///    `UndoStatus`, `AuditFilter::kind`.
/// 6: `StaffNames`; `SessionInfo::disabled`.
///    Hari ini: `TodayView::handovers`, `Headcount::marks`, `Due::RollCallUnfinished`.
pub const PROTOCOL_VERSION: u32 = 6;

/// A status change as the user enters it; who and when are added by the service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusInput {
    pub detail: StatusDetail,
    /// The date the status takes effect.
    pub date: NaiveDate,
    pub note: String,
}

/// Everything a client can ask of the service. Its variant name (`IntoStaticStr`) is what
/// the server logs: never the fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, strum::IntoStaticStr)]
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
    /// Undoes the resident's last status change (`index` in the history) if it was
    /// recorded today (supervisor): the status before it returns, and an undone exit
    /// reopens the stay with its room and bed.
    UndoStatus {
        id: ClientId,
        base_revision: u64,
        index: u32,
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
    /// What the Hari ini screen shows, as of now.
    Today,
    /// The staff connected right now, by display name (answered by the server, not the
    /// store).
    Online,
    /// The roll call of one shift.
    RollCall(ShiftSlot),
    /// Marks one resident in one roll call; kabur also changes their status (with
    /// `last_seen`), and hadir for a kabur resident records the return. Marking a shift
    /// that has ended is a correction and needs a supervisor.
    Mark {
        slot: ShiftSlot,
        client: ClientId,
        presence: Presence,
        note: String,
        last_seen: Option<NaiveDateTime>,
    },
    /// Marks hadir every listed resident who has no mark (made or implied) yet.
    MarkAllPresent {
        slot: ShiftSlot,
        clients: Vec<ClientId>,
    },
    /// Adds a handover note for `slot` (the shift the editor was opened in): the current
    /// shift, or the one before for a while after it ended; `None` is the current shift.
    /// Notes are never overwritten.
    AddHandover {
        text: String,
        slot: Option<ShiftSlot>,
    },
    /// Handover notes, newest first, older than `before` (an id) if given.
    Handovers { before: Option<u64>, limit: u32 },
    /// Every roll call from `from` to `to` inclusive, oldest first (for export).
    RollCalls { from: NaiveDate, to: NaiveDate },
    /// Changes the shift start times (kepala only).
    SetShiftTimes(ShiftTimes),
    /// Writes a consistent snapshot of the whole store to `path`, an absolute path the
    /// server's OS user may write (kepala only). No command runs meanwhile.
    Backup { path: PathBuf },
    /// Checks that every record decodes and the indexes and counters agree (kepala only).
    Check,
    /// Every staff account's login and display name (any staff role): how the TUI names
    /// who did something in the audit trail, a status history or a roll call.
    StaffNames,
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
    /// Only entries about records of this kind (all staff accounts, say).
    pub kind: Option<RecordKind>,
    /// At most this many entries (the newest); 0 means no limit.
    pub limit: u32,
}

/// A kind of record the audit trail can be filtered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecordKind {
    Client,
    Staff,
    Facility,
    RollCall,
    Handover,
}

impl RecordKind {
    /// Whether `record` is of this kind.
    pub fn holds(self, record: &RecordRef) -> bool {
        matches!(
            (self, record),
            (RecordKind::Client, RecordRef::Client(_))
                | (RecordKind::Staff, RecordRef::Staff(_))
                | (RecordKind::Facility, RecordRef::Facility)
                | (RecordKind::RollCall, RecordRef::RollCall(_))
                | (RecordKind::Handover, RecordRef::Handover(_))
        )
    }
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
    /// A roll call changed (a mark, or marks, were made).
    RollCall(ShiftSlot),
    /// A handover note was added.
    Handover,
    /// A backup was written (Hari ini shows when).
    Backup,
}

/// What the Hari ini screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TodayView {
    pub now: NaiveDateTime,
    /// The current shift, and when it starts and ends (from the facility's shift times).
    pub slot: ShiftSlot,
    pub shift_start: NaiveDateTime,
    pub shift_end: NaiveDateTime,
    pub headcount: Headcount,
    /// This shift's roll call progress: marked (made or implied) of total.
    pub marked: usize,
    pub total: usize,
    pub due: Vec<Due>,
    pub last_handover: Option<HandoverNote>,
    /// Every note of the latest shift that has notes, newest first (the first is
    /// `last_handover`).
    pub handovers: Vec<HandoverNote>,
    /// When the last backup was written (WIB); `None` if never.
    pub last_backup: Option<NaiveDateTime>,
}

/// How many key/value pairs one sled tree held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeCount {
    pub name: String,
    pub pairs: u64,
}

/// A backup as written (or read back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupSummary {
    pub path: PathBuf,
    /// Size of the file.
    pub bytes: u64,
    /// Key/value pairs over all trees: records, index entries and settings.
    pub records: u64,
    pub trees: Vec<TreeCount>,
    /// When the snapshot was taken (WIB).
    pub created_at: NaiveDateTime,
    /// The mentas version that wrote it.
    pub mentas_version: String,
    /// A leftover `FILE.partial` of an interrupted backup was there and has been replaced.
    pub replaced_partial: bool,
}

/// What `mentas check` found. Problems name ids and keys, never personal data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    pub trees: u32,
    /// Key/value pairs over all trees.
    pub records: u64,
    pub clients: u64,
    pub staff: u64,
    pub marks: u64,
    pub handovers: u64,
    pub audit: u64,
    /// The first problems found, one line each.
    pub problems: Vec<String>,
    /// Problems found beyond those listed.
    pub more_problems: u64,
}

impl CheckReport {
    /// Whether nothing is wrong.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.more_problems == 0
    }

    /// Every problem found, listed or not.
    pub fn problem_count(&self) -> u64 {
        self.problems.len() as u64 + self.more_problems
    }
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
    /// The caller has an account, but it is disabled (`me` is `None` then).
    pub disabled: bool,
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
    Clients(#[serde(deserialize_with = "exact::vec")] Vec<ClientRow>),
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
    Today(Box<TodayView>),
    /// Display names of the staff connected now (the user name where none is known).
    Online(Vec<String>),
    RollCall(RollCall),
    /// A mark was saved; `status_changed` when it also changed the resident's status.
    Marked {
        slot: ShiftSlot,
        row: Box<RollCallRow>,
        status_changed: bool,
    },
    /// Marks were saved; the roll call as it now stands.
    MarkedAll(RollCall),
    Handover(HandoverNote),
    Handovers(Vec<HandoverNote>),
    RollCalls(Vec<RollCall>),
    /// The facility's settings as now stored.
    FacilitySaved(Facility),
    /// A backup was written and is on disk.
    BackedUp(BackupSummary),
    Checked(CheckReport),
    /// Login and display name of every staff account, inactive ones included.
    StaffNames(Vec<StaffName>),
}

/// A staff account's login and the name shown for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffName {
    pub username: String,
    pub display_name: String,
}

impl Reply {
    /// What a successful reply changed, for the notices to other clients.
    pub fn changes(&self) -> Vec<Notice> {
        match self {
            Reply::Saved(client) => vec![Notice::Client(client.id)],
            Reply::SetUp(_) | Reply::FacilitySaved(_) => vec![Notice::Facility],
            Reply::StaffSaved(_) => vec![Notice::Staff],
            Reply::Marked {
                slot,
                row,
                status_changed,
            } => {
                let mut out = vec![Notice::RollCall(*slot)];
                if *status_changed {
                    out.push(Notice::Client(row.client));
                }
                out
            }
            Reply::MarkedAll(roll_call) => vec![Notice::RollCall(roll_call.slot)],
            Reply::Handover(_) => vec![Notice::Handover],
            Reply::BackedUp(_) => vec![Notice::Backup],
            Reply::Checked(_) | Reply::StaffNames(_) => Vec::new(),
            Reply::Hello(_) | Reply::Clients(_) | Reply::Client(_) | Reply::Duplicates(_) => {
                Vec::new()
            }
            Reply::Staff(_) | Reply::Audit(_) | Reply::Today(_) | Reply::Online(_) => Vec::new(),
            Reply::RollCall(_) | Reply::RollCalls(_) | Reply::Handovers(_) => Vec::new(),
        }
    }
}
