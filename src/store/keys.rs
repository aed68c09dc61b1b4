//! Tree names and key layouts. Ids are big-endian `u64` so a tree iterates in id order.

use chrono::{Datelike, NaiveDate};

use super::error::StoreError;
use crate::domain::ClientId;
use crate::domain::shift::{Shift, ShiftSlot};

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
/// Roll-call marks by `mark_key`: one record per (slot, resident).
pub(super) const MARKS: &str = "marks";
/// Handover notes by id.
pub(super) const HANDOVERS: &str = "handovers";

/// Layout of the store as a whole (tree set and meta keys); bumped when that changes.
/// 2: the `marks` and `handovers` trees and the `next_handover_id` counter.
/// 3: the `last_backup` meta key and the `BackedUp` audit action.
pub(super) const STORE_FORMAT: u8 = 3;

pub(super) const FORMAT_KEY: &[u8] = b"format";
pub(super) const FACILITY_KEY: &[u8] = b"facility";
pub(super) const NEXT_CLIENT_ID_KEY: &[u8] = b"next_client_id";
pub(super) const NEXT_AUDIT_SEQ_KEY: &[u8] = b"next_audit_seq";
pub(super) const NEXT_HANDOVER_ID_KEY: &[u8] = b"next_handover_id";
/// When the last backup was written (WIB), as `i64` seconds of that wall-clock time.
pub(super) const LAST_BACKUP_KEY: &[u8] = b"last_backup";

/// Meta key of the registration-number serial counter of one year.
pub(super) fn reg_serial_key(year: i32) -> Vec<u8> {
    format!("reg_serial/{year}").into_bytes()
}

/// Key of a record with a numeric id.
pub(super) fn id_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

/// 1970-01-01 counted in days from 1 January of year 1 (`num_days_from_ce`).
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// A date as 4 bytes that sort in date order: days since 1970-01-01 as an `i32` with its
/// sign bit flipped, big-endian (so dates before 1970 sort before it too).
pub(super) fn date_key(date: NaiveDate) -> [u8; 4] {
    let days = date.num_days_from_ce().wrapping_sub(EPOCH_DAYS_FROM_CE);
    (days.cast_unsigned() ^ 0x8000_0000).to_be_bytes()
}

/// A shift as one byte, in the order the shifts run within a date.
fn shift_byte(shift: Shift) -> u8 {
    match shift {
        Shift::Morning => 0,
        Shift::Afternoon => 1,
        Shift::Night => 2,
    }
}

/// Key prefix of one roll call: date, then shift.
pub(super) fn slot_key(slot: ShiftSlot) -> [u8; 5] {
    let mut key = [0; 5];
    key[..4].copy_from_slice(&date_key(slot.date));
    key[4] = shift_byte(slot.shift);
    key
}

/// Key of one resident's mark in one roll call: `slot_key`, then the resident id as a
/// big-endian `u64`. A prefix scan reads one roll call in id order; a range scan from one
/// date to another reads those roll calls in slot order.
pub(super) fn mark_key(slot: ShiftSlot, client: ClientId) -> [u8; 13] {
    let mut key = [0; 13];
    key[..5].copy_from_slice(&slot_key(slot));
    key[5..].copy_from_slice(&id_key(client.0));
    key
}

/// How a mark's key is named in errors: the slot and the resident id, never a name.
pub(super) fn mark_key_label(key: &[u8]) -> String {
    format!("mark {key:02x?}")
}

/// A `u64` stored as 8 big-endian bytes (ids in the NIK index, counters).
pub(super) fn read_u64(bytes: &[u8], record: &'static str, key: &str) -> Result<u64, StoreError> {
    let array: [u8; 8] = bytes.try_into().map_err(|_| StoreError::Corrupt {
        record,
        key: key.to_string(),
    })?;
    Ok(u64::from_be_bytes(array))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn date_keys_sort_in_date_order() {
        assert_eq!(date_key(date(1970, 1, 1)), 0x8000_0000u32.to_be_bytes());
        let dates = [
            date(1900, 1, 1),
            date(1969, 12, 31),
            date(1970, 1, 1),
            date(2026, 11, 28),
            date(2026, 11, 29),
            date(2100, 1, 1),
        ];
        for pair in dates.windows(2) {
            assert!(date_key(pair[0]) < date_key(pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn mark_keys_sort_by_date_shift_then_resident() {
        let slot = |d, shift| ShiftSlot {
            date: date(2026, 11, d),
            shift,
        };
        let keys = [
            mark_key(slot(28, Shift::Morning), ClientId(2)),
            mark_key(slot(28, Shift::Morning), ClientId(300)),
            mark_key(slot(28, Shift::Afternoon), ClientId(1)),
            mark_key(slot(28, Shift::Night), ClientId(1)),
            mark_key(slot(29, Shift::Morning), ClientId(1)),
        ];
        for pair in keys.windows(2) {
            assert!(pair[0] < pair[1]);
        }
        assert!(keys[1].starts_with(&slot_key(slot(28, Shift::Morning))));
    }
}
