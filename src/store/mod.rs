//! The only module that knows sled exists: trees, the record envelope, indexes,
//! migrations and transactions.

pub mod codec;
mod error;
mod handover;
mod import;
mod keys;
mod migrate;
mod roll_call;
mod tx;

use std::path::Path;
use std::time::Duration;

pub use error::StoreError;
pub use import::Import;
pub use tx::{Tx, TxError, TxResult};

use codec::decode;
use keys::{
    AUDIT, CLIENT_NIK, CLIENTS, FACILITY_KEY, FORMAT_KEY, HANDOVERS, MARKS, META, STAFF,
    STORE_FORMAT, id_key, read_u64,
};

use crate::domain::audit::AuditEntry;
use crate::domain::{Client, ClientId, Facility, Nik, Staff};

/// Page cache size: sled's default is far too big for a small office PC.
const CACHE_BYTES: u64 = 8 << 20;

/// How often, and how far apart, `open` tries a store whose lock is held.
const LOCK_TRIES: u32 = 20;
const LOCK_WAIT: Duration = Duration::from_millis(25);

/// sled reports a held lock only as an I/O error with this text.
fn is_lock_held(e: &sled::Error) -> bool {
    matches!(e, sled::Error::Io(io) if io.to_string().contains("could not acquire lock"))
}

/// The open store.
pub struct Store {
    db: sled::Db,
    clients: sled::Tree,
    client_nik: sled::Tree,
    staff: sled::Tree,
    audit: sled::Tree,
    meta: sled::Tree,
    marks: sled::Tree,
    handovers: sled::Tree,
}

impl Store {
    /// Opens (or creates) the store in `dir`. Refuses a store whose format is newer than
    /// this binary knows.
    ///
    /// sled 0.34 releases its file lock from a background thread shortly after the last
    /// handle is dropped, so a lock held at the first try is retried for a moment before
    /// giving up with `InUse`.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let config = sled::Config::new().path(dir).cache_capacity(CACHE_BYTES);
        let mut tries = 0;
        let db = loop {
            match config.open() {
                Ok(db) => break db,
                Err(e) if is_lock_held(&e) => {
                    tries += 1;
                    if tries >= LOCK_TRIES {
                        return Err(StoreError::InUse);
                    }
                    std::thread::sleep(LOCK_WAIT);
                }
                Err(e) => return Err(e.into()),
            }
        };
        let store = Store {
            clients: db.open_tree(CLIENTS)?,
            client_nik: db.open_tree(CLIENT_NIK)?,
            staff: db.open_tree(STAFF)?,
            audit: db.open_tree(AUDIT)?,
            meta: db.open_tree(META)?,
            marks: db.open_tree(MARKS)?,
            handovers: db.open_tree(HANDOVERS)?,
            db,
        };
        store.check_format()?;
        Ok(store)
    }

    /// Refuses a newer format; records this binary's format in a new or older store.
    /// Going from format 1 to 2 needs no rewriting (the new trees start empty, records
    /// migrate as they are read), but once marked 2 an older binary refuses the store
    /// instead of misreading it.
    fn check_format(&self) -> Result<(), StoreError> {
        match self.meta.get(FORMAT_KEY)? {
            Some(found) => match found.as_ref() {
                [v] if *v > STORE_FORMAT => Err(StoreError::NewerVersion {
                    record: "store",
                    found: *v,
                    known: STORE_FORMAT,
                }),
                [v] if *v == STORE_FORMAT => Ok(()),
                [_] => self.write_format(),
                _ => Err(StoreError::Corrupt {
                    record: "store format",
                    key: "meta".into(),
                }),
            },
            None => self.write_format(),
        }
    }

    fn write_format(&self) -> Result<(), StoreError> {
        self.meta.insert(FORMAT_KEY, &[STORE_FORMAT])?;
        self.flush()
    }

    /// Whether nothing has been stored yet: no facility, no staff, no residents.
    pub fn is_empty(&self) -> bool {
        self.clients.is_empty()
            && self.staff.is_empty()
            && !matches!(self.meta.contains_key(FACILITY_KEY), Ok(true))
    }

    /// Writes everything pending to disk.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }

    /// The facility settings, `None` before setup.
    pub fn facility(&self) -> Result<Option<Facility>, StoreError> {
        self.meta
            .get(FACILITY_KEY)?
            .map(|bytes| decode(&bytes, "facility"))
            .transpose()
    }

    /// A staff account by OS user name.
    pub fn staff(&self, username: &str) -> Result<Option<Staff>, StoreError> {
        self.staff
            .get(username)?
            .map(|bytes| decode(&bytes, username))
            .transpose()
    }

    /// Every staff account, by user name.
    pub fn all_staff(&self) -> Result<Vec<Staff>, StoreError> {
        self.staff
            .iter()
            .map(|item| {
                let (key, bytes) = item?;
                decode(&bytes, String::from_utf8_lossy(&key))
            })
            .collect()
    }

    /// A resident by id.
    pub fn client(&self, id: ClientId) -> Result<Option<Client>, StoreError> {
        self.clients
            .get(id_key(id.0))?
            .map(|bytes| decode(&bytes, id.0))
            .transpose()
    }

    /// Every resident, in id order.
    pub fn clients(&self) -> Result<Vec<Client>, StoreError> {
        self.clients
            .iter()
            .map(|item| {
                let (key, bytes) = item?;
                decode(&bytes, read_u64(&key, "client key", "clients")?)
            })
            .collect()
    }

    /// The resident holding `nik`, if any.
    pub fn client_id_by_nik(&self, nik: &Nik) -> Result<Option<ClientId>, StoreError> {
        self.client_nik
            .get(nik.as_str())?
            .map(|bytes| read_u64(&bytes, "nik index", "a NIK").map(ClientId))
            .transpose()
    }

    /// The audit trail, oldest first.
    pub fn audit_entries(&self) -> Result<Vec<AuditEntry>, StoreError> {
        self.audit
            .iter()
            .map(|item| {
                let (key, bytes) = item?;
                decode(&bytes, read_u64(&key, "audit key", "audit")?)
            })
            .collect()
    }

    /// The audit trail newest first, read lazily: a caller that wants the latest few
    /// entries stops early instead of decoding the whole trail.
    pub fn audit_entries_rev(&self) -> impl Iterator<Item = Result<AuditEntry, StoreError>> + '_ {
        self.audit.iter().rev().map(|item| {
            let (key, bytes) = item?;
            decode(&bytes, read_u64(&key, "audit key", "audit")?)
        })
    }
}
