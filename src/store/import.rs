//! Bulk import into an empty store (demo data): sled batches per tree, one flush at the
//! end, the facility written last so an interrupted import leaves a store not yet set up.
//! Roll-call marks and handover notes come along, so the demo has a history.

use std::collections::{BTreeMap, HashSet};

use super::Store;
use super::codec::encode;
use super::error::StoreError;
use super::keys::{
    FACILITY_KEY, NEXT_AUDIT_SEQ_KEY, NEXT_CLIENT_ID_KEY, NEXT_HANDOVER_ID_KEY, id_key, mark_key,
    read_u64, reg_serial_key,
};
use crate::domain::audit::AuditEntry;
use crate::domain::handover::HandoverNote;
use crate::domain::roll_call::Mark;
use crate::domain::{Client, Facility, Refusal, Staff};

/// Everything a bulk import writes.
pub struct Import<'a> {
    pub facility: &'a Facility,
    pub staff: &'a [Staff],
    /// Ids must be unique; registration numbers `YYYY/NNNN` advance the year's serial.
    pub clients: &'a [Client],
    /// Roll-call marks of residents among `clients`; one per (slot, resident).
    pub marks: &'a [Mark],
    /// Handover notes with unique ids from 1; the id counter continues after the highest.
    pub handovers: &'a [HandoverNote],
    pub audit: &'a AuditEntry,
}

fn storage(text: &str) -> Refusal {
    Refusal::Storage(text.into())
}

/// The `(year, serial)` of a registration number `2026/0042`.
pub(super) fn reg_parts(reg_no: &str) -> Option<(i32, u64)> {
    let (year, serial) = reg_no.split_once('/')?;
    Some((year.parse().ok()?, serial.parse().ok()?))
}

impl Store {
    /// Writes a whole facility into a store that has none (`AlreadySetUp` otherwise) and
    /// sets the counters past what was imported. Flushes once at the end.
    pub fn import(&self, data: Import<'_>) -> Result<(), Refusal> {
        if self.facility()?.is_some() {
            return Err(Refusal::AlreadySetUp);
        }
        let mut clients = sled::Batch::default();
        let mut niks = sled::Batch::default();
        let mut seen_ids = HashSet::new();
        let mut seen_niks = HashSet::new();
        let mut next_id = 1;
        let mut serials: BTreeMap<i32, u64> = BTreeMap::new();
        for client in data.clients {
            if !seen_ids.insert(client.id) {
                return Err(storage("import holds a resident id twice"));
            }
            if let Some(nik) = &client.details.nik {
                // An index entry for the same id is left by an interrupted import.
                let held = self
                    .client_id_by_nik(nik)?
                    .is_some_and(|id| id != client.id);
                if !seen_niks.insert(nik.as_str()) || held {
                    return Err(storage("import holds a NIK twice"));
                }
                niks.insert(nik.as_str(), &id_key(client.id.0)[..]);
            }
            clients.insert(&id_key(client.id.0)[..], encode(client)?);
            next_id = next_id.max(client.id.0 + 1);
            if let Some((year, serial)) = reg_parts(&client.reg_no) {
                let top = serials.entry(year).or_default();
                *top = (*top).max(serial);
            }
        }
        let mut staff = sled::Batch::default();
        for member in data.staff {
            staff.insert(member.username.as_str(), encode(member)?);
        }
        let mut marks = sled::Batch::default();
        let mut seen_marks = HashSet::new();
        for mark in data.marks {
            if !seen_ids.contains(&mark.client) {
                return Err(storage(
                    "import holds a mark for a resident it does not hold",
                ));
            }
            if !seen_marks.insert((mark.slot, mark.client)) {
                return Err(storage(
                    "import holds a resident's mark twice in one roll call",
                ));
            }
            marks.insert(&mark_key(mark.slot, mark.client)[..], encode(mark)?);
        }
        let mut handovers = sled::Batch::default();
        let mut seen_notes = HashSet::new();
        let mut next_note = 1;
        for note in data.handovers {
            if note.id == 0 || !seen_notes.insert(note.id) {
                return Err(storage("import holds a handover id twice (or id 0)"));
            }
            handovers.insert(&id_key(note.id)[..], encode(note)?);
            next_note = next_note.max(note.id + 1);
        }
        self.clients
            .apply_batch(clients)
            .map_err(StoreError::from)?;
        self.client_nik
            .apply_batch(niks)
            .map_err(StoreError::from)?;
        self.staff.apply_batch(staff).map_err(StoreError::from)?;
        self.marks.apply_batch(marks).map_err(StoreError::from)?;
        self.handovers
            .apply_batch(handovers)
            .map_err(StoreError::from)?;

        let mut meta = sled::Batch::default();
        let counter = |key: &[u8], name| -> Result<u64, StoreError> {
            match self.meta.get(key)? {
                Some(bytes) => read_u64(&bytes, "counter", name),
                None => Ok(1),
            }
        };
        let next_id = next_id.max(counter(NEXT_CLIENT_ID_KEY, "next client id")?);
        meta.insert(NEXT_CLIENT_ID_KEY, &next_id.to_be_bytes()[..]);
        for (year, top) in serials {
            let key = reg_serial_key(year);
            let next = (top + 1).max(counter(&key, "registration serial")?);
            meta.insert(key, &next.to_be_bytes()[..]);
        }
        let next_note = next_note.max(counter(NEXT_HANDOVER_ID_KEY, "next handover id")?);
        meta.insert(NEXT_HANDOVER_ID_KEY, &next_note.to_be_bytes()[..]);
        let seq = counter(NEXT_AUDIT_SEQ_KEY, "next audit sequence")?;
        self.audit
            .insert(id_key(seq), encode(data.audit)?)
            .map_err(StoreError::from)?;
        meta.insert(NEXT_AUDIT_SEQ_KEY, &(seq + 1).to_be_bytes()[..]);
        meta.insert(FACILITY_KEY, encode(data.facility)?);
        self.meta.apply_batch(meta).map_err(StoreError::from)?;
        self.flush()?;
        self.forget_client_facts();
        Ok(())
    }
}
