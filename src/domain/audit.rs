//! The audit trail: who changed what, when, with the fields before and after.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::client::ClientId;
use super::shift::ShiftSlot;

/// The record an audit entry is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecordRef {
    Client(ClientId),
    Staff(String),
    Facility,
    /// A whole roll call (marking everyone still unmarked hadir at once).
    RollCall(ShiftSlot),
    /// A handover note by id.
    Handover(u64),
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
    /// A roll-call mark (or several) in a shift that has not ended.
    RollCallMarked,
    /// A mark changed after its shift ended (supervisor).
    RollCallCorrected,
    /// A handover note was written.
    HandoverAdded,
    /// A backup of the whole store was written (recorded against the facility).
    BackedUp,
    /// A resident's last status change was undone (batal) by a supervisor.
    StatusUndone,
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
