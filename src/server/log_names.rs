//! Names of requests and refusals for the log: the kind only, never a field value, so no
//! personal data reaches the log.

use crate::domain::Refusal;
use crate::protocol::Request;

/// The kind of `request`, e.g. `CreateClient`.
pub(super) fn request(request: &Request) -> &'static str {
    #[allow(unreachable_patterns)]
    match request {
        Request::Hello => "Hello",
        Request::Setup { .. } => "Setup",
        Request::ListClients => "ListClients",
        Request::GetClient(_) => "GetClient",
        Request::CheckDuplicates { .. } => "CheckDuplicates",
        Request::CreateClient(_) => "CreateClient",
        Request::UpdateClient { .. } => "UpdateClient",
        Request::ChangeStatus { .. } => "ChangeStatus",
        Request::Readmit { .. } => "Readmit",
        Request::ListStaff => "ListStaff",
        Request::AddStaff { .. } => "AddStaff",
        Request::UpdateStaff { .. } => "UpdateStaff",
        Request::ListAudit(_) => "ListAudit",
        // A request added later is still logged, just without its name.
        _ => "request",
    }
}

/// The kind of `refusal`, e.g. `Conflict`.
pub(super) fn refusal(refusal: &Refusal) -> &'static str {
    #[allow(unreachable_patterns)]
    match refusal {
        Refusal::Invalid(_) => "Invalid",
        Refusal::Conflict { .. } => "Conflict",
        Refusal::NeedsRole(_) => "NeedsRole",
        Refusal::NoAccount(_) => "NoAccount",
        Refusal::NotSetUp => "NotSetUp",
        Refusal::AlreadySetUp => "AlreadySetUp",
        Refusal::NotFound => "NotFound",
        Refusal::WrongState(_) => "WrongState",
        Refusal::Storage(_) => "Storage",
        _ => "refusal",
    }
}
