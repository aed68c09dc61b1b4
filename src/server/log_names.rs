//! Names of requests and refusals for the log: the kind only, never a field value, so no
//! personal data reaches the log.

use crate::domain::Refusal;
use crate::protocol::Request;

/// The kind of `request`, e.g. `CreateClient`.
pub(super) fn request(request: &Request) -> &'static str {
    request.into()
}

/// The kind of `refusal`, e.g. `Conflict`.
pub(super) fn refusal(refusal: &Refusal) -> &'static str {
    refusal.into()
}
