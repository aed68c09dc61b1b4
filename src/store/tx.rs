//! One command's writes as one multi-tree transaction: the record, its indexes, its audit
//! entry and the counters commit together or not at all, then the store is flushed.
//!
//! sled may run the closure more than once, so it must have no side effects outside `Tx`.

use std::cell::RefCell;

use sled::Transactional;
use sled::transaction::{
    ConflictableTransactionError, TransactionError, TransactionalTree, UnabortableTransactionError,
};

use super::Store;
use super::codec::{decode, encode};
use super::error::StoreError;
use super::keys::{
    FACILITY_KEY, LAST_BACKUP_KEY, NEXT_AUDIT_SEQ_KEY, NEXT_CLIENT_ID_KEY, NEXT_HANDOVER_ID_KEY,
    id_key, mark_key, mark_key_label, read_u64, reg_serial_key,
};
use crate::domain::audit::AuditEntry;
use crate::domain::handover::HandoverNote;
use crate::domain::roll_call::Mark;
use crate::domain::shift::ShiftSlot;
use crate::domain::{Client, ClientId, Facility, Nik, Refusal, Staff};

/// Why a transaction closure stopped: a refusal (the command is aborted, nothing
/// written) or a store-level event sled handles (retry, or storage failure).
#[derive(Debug)]
pub struct TxError(ConflictableTransactionError<Refusal>);

impl From<Refusal> for TxError {
    fn from(refusal: Refusal) -> TxError {
        TxError(ConflictableTransactionError::Abort(refusal))
    }
}

impl From<StoreError> for TxError {
    fn from(e: StoreError) -> TxError {
        TxError::from(Refusal::from(e))
    }
}

impl From<UnabortableTransactionError> for TxError {
    fn from(e: UnabortableTransactionError) -> TxError {
        TxError(e.into())
    }
}

/// The result of a step inside a transaction.
pub type TxResult<T> = Result<T, TxError>;

/// Typed access to every tree inside one transaction.
pub struct Tx<'a> {
    clients: &'a TransactionalTree,
    client_nik: &'a TransactionalTree,
    staff: &'a TransactionalTree,
    audit: &'a TransactionalTree,
    meta: &'a TransactionalTree,
    marks: &'a TransactionalTree,
    handovers: &'a TransactionalTree,
    /// Residents written by this run of the closure, for the store's facts once it commits.
    written: &'a RefCell<Vec<Client>>,
}

impl Store {
    /// Runs `f` as one transaction over all trees, then flushes to disk. A refusal
    /// returned by `f` aborts it with nothing written; sled failures become
    /// `Refusal::Storage`.
    pub fn transact<T>(&self, f: impl Fn(&Tx<'_>) -> TxResult<T>) -> Result<T, Refusal> {
        let trees = (
            &self.clients,
            &self.client_nik,
            &self.staff,
            &self.audit,
            &self.meta,
            &self.marks,
            &self.handovers,
        );
        let written = RefCell::new(Vec::new());
        // sled 0.34 joins at most 8 trees in one transaction; this is 7.
        let result = trees.transaction(
            |(clients, client_nik, staff, audit, meta, marks, handovers)| {
                // A rerun starts over.
                written.borrow_mut().clear();
                let tx = Tx {
                    clients,
                    client_nik,
                    staff,
                    audit,
                    meta,
                    marks,
                    handovers,
                    written: &written,
                };
                f(&tx).map_err(|e| e.0)
            },
        );
        let value = result.map_err(|e| match e {
            TransactionError::Abort(refusal) => refusal,
            TransactionError::Storage(e) => Refusal::from(StoreError::Sled(e)),
        })?;
        self.flush()?;
        self.client_facts_changed(&written.into_inner());
        Ok(value)
    }
}

impl Tx<'_> {
    /// A resident by id.
    pub fn client(&self, id: ClientId) -> TxResult<Option<Client>> {
        match self.clients.get(id_key(id.0))? {
            Some(bytes) => Ok(Some(decode(&bytes, id.0)?)),
            None => Ok(None),
        }
    }

    /// The resident holding `nik`, if any.
    pub fn client_id_by_nik(&self, nik: &Nik) -> TxResult<Option<ClientId>> {
        match self.client_nik.get(nik.as_str())? {
            Some(bytes) => Ok(Some(ClientId(read_u64(&bytes, "nik index", "a NIK")?))),
            None => Ok(None),
        }
    }

    /// Stores a resident and keeps the NIK index right: the old NIK key is removed when
    /// the NIK changed. Refuses (as a storage fault) a NIK the index gives to someone
    /// else; the service checks that first and reports it properly.
    pub fn put_client(&self, client: &Client) -> TxResult<()> {
        let old_nik = self.client(client.id)?.and_then(|c| c.details.nik);
        let new_nik = client.details.nik.as_ref();
        if let Some(nik) = new_nik
            && let Some(holder) = self.client_id_by_nik(nik)?
            && holder != client.id
        {
            return Err(Refusal::Storage(
                "NIK index already gives this NIK to another record".into(),
            )
            .into());
        }
        if let Some(old) = &old_nik
            && Some(old) != new_nik
        {
            self.client_nik.remove(old.as_str())?;
        }
        if let Some(nik) = new_nik {
            self.client_nik
                .insert(nik.as_str(), &id_key(client.id.0)[..])?;
        }
        self.clients
            .insert(&id_key(client.id.0)[..], encode(client)?)?;
        self.written.borrow_mut().push(client.clone());
        Ok(())
    }

    /// Takes the next resident id (ids start at 1 and are never reused).
    pub fn next_client_id(&self) -> TxResult<ClientId> {
        Ok(ClientId(
            self.take_counter(NEXT_CLIENT_ID_KEY, "next client id")?,
        ))
    }

    /// Takes the next registration serial of `year` (from 1).
    pub fn next_reg_serial(&self, year: i32) -> TxResult<u64> {
        self.take_counter(&reg_serial_key(year), "registration serial")
    }

    /// A staff account by OS user name.
    pub fn staff(&self, username: &str) -> TxResult<Option<Staff>> {
        match self.staff.get(username)? {
            Some(bytes) => Ok(Some(decode(&bytes, username)?)),
            None => Ok(None),
        }
    }

    /// Stores a staff account.
    pub fn put_staff(&self, staff: &Staff) -> TxResult<()> {
        self.staff.insert(staff.username.as_str(), encode(staff)?)?;
        Ok(())
    }

    /// The facility settings, `None` before setup.
    pub fn facility(&self) -> TxResult<Option<Facility>> {
        match self.meta.get(FACILITY_KEY)? {
            Some(bytes) => Ok(Some(decode(&bytes, "facility")?)),
            None => Ok(None),
        }
    }

    /// Stores the facility settings.
    pub fn put_facility(&self, facility: &Facility) -> TxResult<()> {
        self.meta.insert(FACILITY_KEY, encode(facility)?)?;
        Ok(())
    }

    /// Records when the last backup was written.
    pub fn set_last_backup(&self, at: chrono::NaiveDateTime) -> TxResult<()> {
        self.meta
            .insert(LAST_BACKUP_KEY, &super::encode_time(at)[..])?;
        Ok(())
    }

    /// Appends an entry to the audit trail; returns its sequence number.
    pub fn append_audit(&self, entry: &AuditEntry) -> TxResult<u64> {
        let seq = self.take_counter(NEXT_AUDIT_SEQ_KEY, "next audit sequence")?;
        self.audit.insert(&id_key(seq)[..], encode(entry)?)?;
        Ok(seq)
    }

    /// One resident's mark in one roll call.
    pub fn mark(&self, slot: ShiftSlot, client: ClientId) -> TxResult<Option<Mark>> {
        let key = mark_key(slot, client);
        match self.marks.get(key)? {
            Some(bytes) => Ok(Some(decode(&bytes, mark_key_label(&key))?)),
            None => Ok(None),
        }
    }

    /// Stores a mark under its slot and resident, replacing any earlier mark of theirs in
    /// that roll call.
    pub fn put_mark(&self, mark: &Mark) -> TxResult<()> {
        self.marks
            .insert(&mark_key(mark.slot, mark.client)[..], encode(mark)?)?;
        Ok(())
    }

    /// Takes the next handover note id (from 1, never reused).
    pub fn next_handover_id(&self) -> TxResult<u64> {
        self.take_counter(NEXT_HANDOVER_ID_KEY, "next handover id")
    }

    /// Stores a handover note under its id.
    pub fn put_handover(&self, note: &HandoverNote) -> TxResult<()> {
        self.handovers.insert(&id_key(note.id)[..], encode(note)?)?;
        Ok(())
    }

    /// Returns a counter's value (1 if never used) and stores the value after it.
    fn take_counter(&self, key: &[u8], name: &'static str) -> TxResult<u64> {
        let current = match self.meta.get(key)? {
            Some(bytes) => read_u64(&bytes, "counter", name)?,
            None => 1,
        };
        self.meta.insert(key, &(current + 1).to_be_bytes()[..])?;
        Ok(current)
    }
}
