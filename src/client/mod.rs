//! The one interface the TUI uses to reach the service, and its typed calls.
//!
//! `Connection` is implemented over the Unix socket by `SocketConnection` (the app) and
//! in-process by `LocalConnection` (tests). Screens never see which.

pub mod autostart;
pub mod export;
mod local;
pub mod socket;

pub use local::LocalConnection;
pub use socket::SocketConnection;

use crate::domain::Staff;
use crate::domain::audit::AuditEntry;
use crate::domain::duplicates::DuplicateMatch;
use crate::domain::handover::HandoverNote;
use crate::domain::roll_call::{Presence, RollCall, RollCallRow};
use crate::domain::shift::ShiftSlot;
use crate::domain::{Client, ClientDraft, ClientId, ClientRow, ReferralSource, Refusal};
use crate::protocol::{
    AuditFilter, BackupSummary, CheckReport, ClientView, Notice, Reply, Request, SessionInfo,
    StatusInput, TodayView,
};

/// Why a call did not succeed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CallError {
    /// The service refused; nothing was written.
    #[error("{0}")]
    Refused(Refusal),
    /// The service could not be reached or went away; the text says what happened.
    #[error("connection: {0}")]
    Lost(String),
    /// The reply did not fit the request (a client and server of different versions).
    #[error("unexpected reply")]
    Unexpected,
}

/// What a connection reports without being asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnEvent {
    /// Another session changed something.
    Notice(Notice),
    /// The server went away; the connection keeps trying to come back.
    Lost(String),
    /// Connected again: everything shown should be reloaded.
    Restored,
    /// Reconnecting found a server of another protocol version (upgraded under this
    /// session): nothing works until one of the two is restarted. An `auto_started`
    /// server may be asked to exit, so that this version starts its own.
    Mismatch { auto_started: bool },
    /// Reconnecting to a server this connection may not start (a service) has failed for
    /// a while: the service is probably stopped. Reconnecting goes on.
    ServiceDown,
}

/// Where a connection delivers its events (the UI's event channel).
pub type EventSink = Box<dyn Fn(ConnEvent) + Send + Sync>;

/// Sends a request and waits for its reply.
pub trait Connection: Send {
    fn call(&mut self, request: Request) -> Result<Reply, CallError>;

    /// Starts delivering events to `sink`. Connections without a server to hear from
    /// (in-process) deliver none.
    fn subscribe(&mut self, sink: EventSink) {
        let _ = sink;
    }

    /// Asks an auto-started server of another version to exit, so the reconnecting
    /// connection starts one of this version; false if there is none to ask.
    fn restart_server(&mut self) -> bool {
        false
    }

    /// The protocol version of the server of another version last found while
    /// reconnecting; `None` if unknown.
    fn server_version(&self) -> Option<u32> {
        None
    }
}

macro_rules! expect {
    ($reply:expr, $pat:pat => $out:expr) => {
        match $reply? {
            $pat => Ok($out),
            _ => Err(CallError::Unexpected),
        }
    };
}

/// Typed calls, so screens never match on `Reply` themselves.
impl dyn Connection + '_ {
    pub fn hello(&mut self) -> Result<SessionInfo, CallError> {
        expect!(self.call(Request::Hello), Reply::Hello(info) => info)
    }

    pub fn setup(
        &mut self,
        facility_name: String,
        capacity: u32,
        head_name: String,
    ) -> Result<SessionInfo, CallError> {
        let req = Request::Setup {
            facility_name,
            capacity,
            head_name,
        };
        expect!(self.call(req), Reply::SetUp(info) => info)
    }

    pub fn list_clients(&mut self) -> Result<Vec<ClientRow>, CallError> {
        expect!(self.call(Request::ListClients), Reply::Clients(rows) => rows)
    }

    pub fn get_client(&mut self, id: ClientId) -> Result<ClientView, CallError> {
        expect!(self.call(Request::GetClient(id)), Reply::Client(view) => *view)
    }

    pub fn check_duplicates(
        &mut self,
        draft: ClientDraft,
        editing: Option<ClientId>,
    ) -> Result<Vec<DuplicateMatch>, CallError> {
        let req = Request::CheckDuplicates { draft, editing };
        expect!(self.call(req), Reply::Duplicates(found) => found)
    }

    pub fn create_client(&mut self, draft: ClientDraft) -> Result<Client, CallError> {
        expect!(self.call(Request::CreateClient(draft)), Reply::Saved(c) => *c)
    }

    pub fn update_client(
        &mut self,
        id: ClientId,
        base_revision: u64,
        draft: ClientDraft,
    ) -> Result<Client, CallError> {
        let req = Request::UpdateClient {
            id,
            base_revision,
            draft,
        };
        expect!(self.call(req), Reply::Saved(c) => *c)
    }

    pub fn change_status(
        &mut self,
        id: ClientId,
        base_revision: u64,
        change: StatusInput,
    ) -> Result<Client, CallError> {
        let req = Request::ChangeStatus {
            id,
            base_revision,
            change,
        };
        expect!(self.call(req), Reply::Saved(c) => *c)
    }

    pub fn readmit(
        &mut self,
        id: ClientId,
        base_revision: u64,
        admitted: chrono::NaiveDate,
        referral: ReferralSource,
    ) -> Result<Client, CallError> {
        let req = Request::Readmit {
            id,
            base_revision,
            admitted,
            referral,
        };
        expect!(self.call(req), Reply::Saved(c) => *c)
    }

    pub fn list_staff(&mut self) -> Result<Vec<Staff>, CallError> {
        expect!(self.call(Request::ListStaff), Reply::Staff(rows) => rows)
    }

    /// Sends `AddStaff` or `UpdateStaff`.
    pub fn save_staff(&mut self, request: Request) -> Result<Staff, CallError> {
        expect!(self.call(request), Reply::StaffSaved(s) => s)
    }

    pub fn list_audit(&mut self, filter: AuditFilter) -> Result<Vec<AuditEntry>, CallError> {
        expect!(self.call(Request::ListAudit(filter)), Reply::Audit(entries) => entries)
    }

    pub fn today(&mut self) -> Result<TodayView, CallError> {
        expect!(self.call(Request::Today), Reply::Today(view) => *view)
    }

    pub fn online(&mut self) -> Result<Vec<String>, CallError> {
        expect!(self.call(Request::Online), Reply::Online(names) => names)
    }

    pub fn roll_call(&mut self, slot: ShiftSlot) -> Result<RollCall, CallError> {
        expect!(self.call(Request::RollCall(slot)), Reply::RollCall(rc) => rc)
    }

    /// Marks one resident; the row as now stored, and whether the resident's status
    /// changed with it (kabur, or back from kabur).
    pub fn mark(
        &mut self,
        slot: ShiftSlot,
        client: ClientId,
        presence: Presence,
        note: String,
        last_seen: Option<chrono::NaiveDateTime>,
    ) -> Result<(RollCallRow, bool), CallError> {
        let req = Request::Mark {
            slot,
            client,
            presence,
            note,
            last_seen,
        };
        expect!(self.call(req), Reply::Marked { row, status_changed, .. } => (*row, status_changed))
    }

    pub fn mark_all_present(
        &mut self,
        slot: ShiftSlot,
        clients: Vec<ClientId>,
    ) -> Result<RollCall, CallError> {
        expect!(self.call(Request::MarkAllPresent { slot, clients }), Reply::MarkedAll(rc) => rc)
    }

    /// Adds a handover note for `slot`, the shift the note was written in.
    pub fn add_handover(
        &mut self,
        text: String,
        slot: ShiftSlot,
    ) -> Result<HandoverNote, CallError> {
        let slot = Some(slot);
        expect!(self.call(Request::AddHandover { text, slot }), Reply::Handover(note) => note)
    }

    pub fn handovers(
        &mut self,
        before: Option<u64>,
        limit: u32,
    ) -> Result<Vec<HandoverNote>, CallError> {
        expect!(self.call(Request::Handovers { before, limit }), Reply::Handovers(notes) => notes)
    }

    pub fn roll_calls(
        &mut self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<RollCall>, CallError> {
        expect!(self.call(Request::RollCalls { from, to }), Reply::RollCalls(all) => all)
    }

    /// Has the server write a backup to `path` (absolute, writable by the server's user).
    pub fn backup(&mut self, path: std::path::PathBuf) -> Result<BackupSummary, CallError> {
        expect!(self.call(Request::Backup { path }), Reply::BackedUp(summary) => summary)
    }

    pub fn check(&mut self) -> Result<CheckReport, CallError> {
        expect!(self.call(Request::Check), Reply::Checked(report) => report)
    }
}
