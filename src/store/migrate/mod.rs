//! Which schema version each record type is at, and how older layouts are read.
//!
//! Adding a version: freeze the old layout in its own file (like `client_v1`), bump
//! `VERSION`, and add one match arm that decodes the old layout and migrates it.

mod client_v1;
mod facility_v1;

use super::codec::{Record, payload};
use crate::domain::audit::AuditEntry;
use crate::domain::handover::HandoverNote;
use crate::domain::roll_call::Mark;
use crate::domain::{Client, Facility, Staff};

impl Record for Client {
    const NAME: &'static str = "client";
    /// 2: `ClientDraft` gained `kk` and `family_contact`.
    const VERSION: u8 = 2;

    fn decode_version(version: u8, bytes: &[u8]) -> Option<Client> {
        match version {
            1 => payload::<client_v1::ClientV1>(bytes).map(client_v1::ClientV1::migrate),
            2 => payload::<Client>(bytes),
            _ => None,
        }
    }
}

impl Record for Staff {
    const NAME: &'static str = "staff";
    const VERSION: u8 = 1;

    fn decode_version(version: u8, bytes: &[u8]) -> Option<Staff> {
        match version {
            1 => payload::<Staff>(bytes),
            _ => None,
        }
    }
}

impl Record for Facility {
    const NAME: &'static str = "facility";
    /// 2: `shifts`, the shift start times.
    const VERSION: u8 = 2;

    fn decode_version(version: u8, bytes: &[u8]) -> Option<Facility> {
        match version {
            1 => payload::<facility_v1::FacilityV1>(bytes).map(facility_v1::FacilityV1::migrate),
            2 => payload::<Facility>(bytes),
            _ => None,
        }
    }
}

/// Version 1 also holds the record kinds and actions added later at the end of their
/// enums (roll calls, handover notes): old entries decode unchanged, and a binary too old
/// to know them refuses the whole store by its format (`keys::STORE_FORMAT`).
impl Record for AuditEntry {
    const NAME: &'static str = "audit";
    const VERSION: u8 = 1;

    fn decode_version(version: u8, bytes: &[u8]) -> Option<AuditEntry> {
        match version {
            1 => payload::<AuditEntry>(bytes),
            _ => None,
        }
    }
}

impl Record for Mark {
    const NAME: &'static str = "mark";
    const VERSION: u8 = 1;

    fn decode_version(version: u8, bytes: &[u8]) -> Option<Mark> {
        match version {
            1 => payload::<Mark>(bytes),
            _ => None,
        }
    }
}

impl Record for HandoverNote {
    const NAME: &'static str = "handover";
    const VERSION: u8 = 1;

    fn decode_version(version: u8, bytes: &[u8]) -> Option<HandoverNote> {
        match version {
            1 => payload::<HandoverNote>(bytes),
            _ => None,
        }
    }
}
