//! Bulk import into an empty store (demo data): the input is checked whole first, then
//! written through sled batches of a few thousand entries, the facility last so an
//! interrupted import leaves a store not yet set up, and flushed once at the end.
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

/// Entries per sled batch. sled 0.34 pins one epoch for a whole batch, so every tree node
/// an insert replaces stays allocated until the batch ends: the 210,000 marks of a
/// 10,000-resident demo in one batch peaked at 1.1 GB, in batches of 4,096 at 600 MB, of
/// 512 at about 40 MB over the data itself. Much smaller batches are slower (a batch of
/// one took ten times as long), as each batch ends with a marker in sled's log.
const BATCH_ENTRIES: usize = 512;

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

/// What checking an import found the counters must continue after.
struct Counters {
    /// The id after the highest resident id.
    next_id: u64,
    /// The highest registration serial of each year.
    serials: BTreeMap<i32, u64>,
    /// The id after the highest handover note id.
    next_note: u64,
}

/// Writes to one tree in batches of `BATCH_ENTRIES`.
struct Batches<'a> {
    tree: &'a sled::Tree,
    batch: sled::Batch,
    entries: usize,
}

impl<'a> Batches<'a> {
    fn new(tree: &'a sled::Tree) -> Batches<'a> {
        Batches {
            tree,
            batch: sled::Batch::default(),
            entries: 0,
        }
    }

    fn insert(&mut self, key: &[u8], value: Vec<u8>) -> Result<(), StoreError> {
        self.batch.insert(key, value);
        self.entries += 1;
        if self.entries == BATCH_ENTRIES {
            self.apply()?;
        }
        Ok(())
    }

    fn apply(&mut self) -> Result<(), StoreError> {
        self.entries = 0;
        self.tree.apply_batch(std::mem::take(&mut self.batch))?;
        Ok(())
    }

    /// Applies what is left.
    fn finish(mut self) -> Result<(), StoreError> {
        if self.entries > 0 {
            self.apply()?;
        }
        Ok(())
    }
}

impl Store {
    /// Writes a whole facility into a store that has none (`AlreadySetUp` otherwise) and
    /// sets the counters past what was imported. Input that breaks a rule is refused
    /// before anything is written. Flushes once at the end.
    pub fn import(&self, data: Import<'_>) -> Result<(), Refusal> {
        if self.facility()?.is_some() {
            return Err(Refusal::AlreadySetUp);
        }
        let counters = self.check_import(&data)?;

        let mut clients = Batches::new(&self.clients);
        let mut niks = Batches::new(&self.client_nik);
        for client in data.clients {
            if let Some(nik) = &client.details.nik {
                niks.insert(nik.as_str().as_bytes(), id_key(client.id.0).to_vec())?;
            }
            clients.insert(&id_key(client.id.0), encode(client)?)?;
        }
        clients.finish()?;
        niks.finish()?;
        let mut staff = Batches::new(&self.staff);
        for member in data.staff {
            staff.insert(member.username.as_bytes(), encode(member)?)?;
        }
        staff.finish()?;
        let mut marks = Batches::new(&self.marks);
        for mark in data.marks {
            marks.insert(&mark_key(mark.slot, mark.client), encode(mark)?)?;
        }
        marks.finish()?;
        let mut handovers = Batches::new(&self.handovers);
        for note in data.handovers {
            handovers.insert(&id_key(note.id), encode(note)?)?;
        }
        handovers.finish()?;

        // The counters, the audit entry and last the facility, in one batch.
        let mut meta = sled::Batch::default();
        let counter = |key: &[u8], name| -> Result<u64, StoreError> {
            match self.meta.get(key)? {
                Some(bytes) => read_u64(&bytes, "counter", name),
                None => Ok(1),
            }
        };
        let next_id = counters
            .next_id
            .max(counter(NEXT_CLIENT_ID_KEY, "next client id")?);
        meta.insert(NEXT_CLIENT_ID_KEY, &next_id.to_be_bytes()[..]);
        for (year, top) in counters.serials {
            let key = reg_serial_key(year);
            let next = (top + 1).max(counter(&key, "registration serial")?);
            meta.insert(key, &next.to_be_bytes()[..]);
        }
        let next_note = counters
            .next_note
            .max(counter(NEXT_HANDOVER_ID_KEY, "next handover id")?);
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

    /// Checks the whole import before anything of it is written: ids, NIKs and marks
    /// unique, every mark for a resident imported. Returns where the counters go on.
    fn check_import(&self, data: &Import<'_>) -> Result<Counters, Refusal> {
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
            }
            next_id = next_id.max(client.id.0 + 1);
            if let Some((year, serial)) = reg_parts(&client.reg_no) {
                let top = serials.entry(year).or_default();
                *top = (*top).max(serial);
            }
        }
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
        }
        let mut seen_notes = HashSet::new();
        let mut next_note = 1;
        for note in data.handovers {
            if note.id == 0 || !seen_notes.insert(note.id) {
                return Err(storage("import holds a handover id twice (or id 0)"));
            }
            next_note = next_note.max(note.id + 1);
        }
        Ok(Counters {
            next_id,
            serials,
            next_note,
        })
    }
}
