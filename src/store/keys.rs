//! Tree names and key layouts. Ids are big-endian `u64` so a tree iterates in id order.

use super::error::StoreError;

/// Resident records by id.
pub(super) const CLIENTS: &str = "clients";
/// NIK digits → resident id.
pub(super) const CLIENT_NIK: &str = "client_nik";
/// Staff accounts by OS user name.
pub(super) const STAFF: &str = "staff";
/// Audit entries by sequence number.
pub(super) const AUDIT: &str = "audit";
/// Facility settings, counters and the store's format version.
pub(super) const META: &str = "meta";

/// Layout of the store as a whole (tree set and meta keys); bumped when that changes.
pub(super) const STORE_FORMAT: u8 = 1;

pub(super) const FORMAT_KEY: &[u8] = b"format";
pub(super) const FACILITY_KEY: &[u8] = b"facility";
pub(super) const NEXT_CLIENT_ID_KEY: &[u8] = b"next_client_id";
pub(super) const NEXT_AUDIT_SEQ_KEY: &[u8] = b"next_audit_seq";

/// Meta key of the registration-number serial counter of one year.
pub(super) fn reg_serial_key(year: i32) -> Vec<u8> {
    format!("reg_serial/{year}").into_bytes()
}

/// Key of a record with a numeric id.
pub(super) fn id_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

/// A `u64` stored as 8 big-endian bytes (ids in the NIK index, counters).
pub(super) fn read_u64(bytes: &[u8], record: &'static str, key: &str) -> Result<u64, StoreError> {
    let array: [u8; 8] = bytes.try_into().map_err(|_| StoreError::Corrupt {
        record,
        key: key.to_string(),
    })?;
    Ok(u64::from_be_bytes(array))
}
