//! The one interface the TUI uses to reach the service, and its typed calls.
//!
//! `Connection` is implemented in-process by `LocalConnection` (tests, and until the
//! shared server lands) and, with issue #3, over the Unix socket. Screens never see which.

mod local;

pub use local::LocalConnection;

use crate::domain::duplicates::DuplicateMatch;
use crate::domain::{Client, ClientDraft, ClientId, ClientRow, ReferralSource, Refusal};
use crate::protocol::{ClientView, Reply, Request, SessionInfo, StatusInput};

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

/// Sends a request and waits for its reply.
pub trait Connection: Send {
    fn call(&mut self, request: Request) -> Result<Reply, CallError>;
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
}
