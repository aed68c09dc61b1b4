//! Why a command was refused: the one error type commands return, carried over the wire
//! and worded by the UI in the user's language.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::client::Client;
use super::draft::FieldProblem;
use super::staff::{Role, Staff};

/// A refused command. Nothing was written.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error, strum::IntoStaticStr,
)]
pub enum Refusal {
    /// Input breaks one or more rules; each problem names its field.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldProblem>),
    /// The record moved on since the user loaded it.
    #[error("changed by {by_name} at {at}")]
    Conflict {
        by_name: String,
        at: NaiveDateTime,
        current: Box<Client>,
    },
    /// The acting staff member's role is too low.
    #[error("needs role {0:?}")]
    NeedsRole(Role),
    /// No active staff account for this OS user.
    #[error("no staff account for {0}")]
    NoAccount(String),
    /// The store has not been set up yet (no facility, no head).
    #[error("not set up")]
    NotSetUp,
    /// First-run setup was already done.
    #[error("already set up")]
    AlreadySetUp,
    /// The record does not exist.
    #[error("not found")]
    NotFound,
    /// The command does not fit the record's state (e.g. readmitting someone in residence).
    #[error("not allowed now: {0}")]
    WrongState(String),
    /// The store failed (disk full, damaged file). The text is for the log and the status
    /// line; it never holds personal data.
    #[error("storage: {0}")]
    Storage(String),
    /// A staff account moved on since the user loaded it: who last changed it and when
    /// (from the audit trail), and the account as now stored.
    /// Last, so the wire index of every older variant stays as it was.
    #[error("changed by {by_name} at {at}")]
    StaleStaff {
        by_name: String,
        at: NaiveDateTime,
        current: Staff,
    },
}
