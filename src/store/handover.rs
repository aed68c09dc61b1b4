//! Reading handover notes, newest first.

use super::Store;
use super::codec::decode;
use super::error::StoreError;
use super::keys::{id_key, read_u64};
use crate::domain::handover::HandoverNote;

impl Store {
    /// Handover notes newest first, older than the note `before` (an id) if given; read
    /// lazily so a page stops the scan early.
    pub fn handovers_rev(
        &self,
        before: Option<u64>,
    ) -> impl Iterator<Item = Result<HandoverNote, StoreError>> + '_ {
        let notes = match before {
            Some(id) => self.handovers.range(..id_key(id)),
            None => self.handovers.iter(),
        };
        notes.rev().map(|item| {
            let (key, bytes) = item?;
            decode(&bytes, read_u64(&key, "handover key", "handovers")?)
        })
    }

    /// The newest handover note.
    pub fn last_handover(&self) -> Result<Option<HandoverNote>, StoreError> {
        self.handovers_rev(None).next().transpose()
    }
}
