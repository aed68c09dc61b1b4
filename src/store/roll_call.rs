//! Reading roll-call marks: one roll call by prefix, a date range by key range.

use chrono::{Days, NaiveDate};

use super::Store;
use super::codec::decode;
use super::error::StoreError;
use super::keys::{date_key, mark_key, mark_key_label, slot_key};
use crate::domain::ClientId;
use crate::domain::roll_call::Mark;
use crate::domain::shift::ShiftSlot;

fn decode_item(item: sled::Result<(sled::IVec, sled::IVec)>) -> Result<Mark, StoreError> {
    let (key, bytes) = item?;
    decode(&bytes, mark_key_label(&key))
}

impl Store {
    /// One resident's mark in one roll call.
    pub fn mark(&self, slot: ShiftSlot, client: ClientId) -> Result<Option<Mark>, StoreError> {
        let key = mark_key(slot, client);
        self.marks
            .get(key)?
            .map(|bytes| decode(&bytes, mark_key_label(&key)))
            .transpose()
    }

    /// Every mark of one roll call, in resident id order.
    pub fn marks_in(&self, slot: ShiftSlot) -> Result<Vec<Mark>, StoreError> {
        self.marks
            .scan_prefix(slot_key(slot))
            .map(decode_item)
            .collect()
    }

    /// Who has a mark in one roll call, in id order, read from the keys alone (no mark is
    /// decoded: enough to count what a roll call left unmarked).
    pub fn marked_in(&self, slot: ShiftSlot) -> Result<Vec<ClientId>, StoreError> {
        self.marks
            .scan_prefix(slot_key(slot))
            .keys()
            .map(|key| {
                let key = key?;
                let id = key
                    .get(5..13)
                    .and_then(|b| <[u8; 8]>::try_from(b).ok())
                    .ok_or_else(|| StoreError::Corrupt {
                        record: "mark",
                        key: mark_key_label(&key),
                    })?;
                Ok(ClientId(u64::from_be_bytes(id)))
            })
            .collect()
    }

    /// Every mark of the roll calls dated `from` to `to` inclusive, in slot order, then
    /// resident id order.
    pub fn marks_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Mark>, StoreError> {
        let start = date_key(from);
        let marks = match to.checked_add_days(Days::new(1)) {
            Some(after) => self.marks.range(start..date_key(after)),
            None => self.marks.range(start..),
        };
        marks.map(decode_item).collect()
    }
}
