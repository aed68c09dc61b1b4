//! The audit trail: who changed what, when, with the fields before and after.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::client::ClientId;

/// The record an audit entry is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecordRef {
    Client(ClientId),
    Staff(String),
    Facility,
}

/// What kind of change it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditAction {
    Created,
    Updated,
    StatusChanged,
    Readmitted,
    SetUp,
    DemoLoaded,
}

/// One field's value before and after; personal numbers are stored masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// One entry of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: NaiveDateTime,
    /// OS user name of the staff member.
    pub by: String,
    pub record: RecordRef,
    pub action: AuditAction,
    pub changes: Vec<FieldChange>,
}
