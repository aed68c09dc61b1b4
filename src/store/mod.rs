//! The only module that knows sled exists: trees, the record envelope, indexes,
//! migrations, transactions, backups and the consistency check.

pub mod backup;
mod check;
pub mod codec;
mod error;
mod facts;
mod handover;
mod import;
mod keys;
mod migrate;
mod roll_call;
mod tx;
pub mod watermark;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime};

pub use backup::BackupError;
pub use error::StoreError;
pub use import::Import;
pub use tx::{Tx, TxError, TxResult};

use codec::decode;
use keys::{
    AUDIT, CLIENT_NIK, CLIENTS, FACILITY_KEY, FORMAT_KEY, HANDOVERS, LAST_BACKUP_KEY, MARKS, META,
    NEXT_AUDIT_SEQ_KEY, STAFF, STORE_FORMAT, id_key, read_u64,
};

use crate::domain::audit::AuditEntry;
use crate::domain::{Client, ClientId, Facility, Nik, Staff};

/// Page cache size: sled's default is far too big for a small office PC. The screens
/// that look at every resident read the facts kept in memory (`facts`), not the pages.
const CACHE_BYTES: u64 = 4 << 20;

/// How often, and how far apart, `open` tries a store whose lock is held.
const LOCK_TRIES: u32 = 20;
const LOCK_WAIT: Duration = Duration::from_millis(25);

/// sled reports a held lock only as an I/O error with this text.
fn is_lock_held(e: &sled::Error) -> bool {
    matches!(e, sled::Error::Io(io) if io.to_string().contains("could not acquire lock"))
}

/// How sled is configured for the store in `dir` (also by restore, which writes through
/// sled directly).
fn sled_config(dir: &Path) -> sled::Config {
    sled::Config::new().path(dir).cache_capacity(CACHE_BYTES)
}

/// What an error from sled opening its files says about them: corrupted, cut short or
/// unreadable data is a damaged store; anything else (permissions, a held lock) is not.
fn opening_failed(e: sled::Error) -> StoreError {
    use std::io::ErrorKind;
    match e {
        sled::Error::Corruption { .. } => {
            StoreError::Damaged("sled found corrupted data in its files".into())
        }
        sled::Error::Io(io)
            if matches!(io.kind(), ErrorKind::UnexpectedEof | ErrorKind::InvalidData) =>
        {
            StoreError::Damaged(format!("its files cannot be read: {io}"))
        }
        // mentas has only ever written sled 0.34 stores: "unsupported" means unreadable.
        sled::Error::Unsupported(why) => {
            StoreError::Damaged(format!("sled cannot read its files: {why}"))
        }
        sled::Error::ReportableBug(why) => {
            StoreError::Damaged(format!("sled cannot make sense of its files: {why}"))
        }
        other => StoreError::Sled(other),
    }
}

/// Opens sled in `dir`, retrying a held lock for a moment. A panic inside sled (it has
/// some on damaged files) is a damaged store, not a crash.
fn open_db(dir: &Path) -> Result<sled::Db, StoreError> {
    let config = sled_config(dir);
    let mut tries = 0;
    loop {
        let opened = catch_unwind(AssertUnwindSafe(|| config.open())).map_err(|_| {
            StoreError::Damaged("sled stopped with an internal error reading its files".into())
        })?;
        match opened {
            Ok(db) => return Ok(db),
            Err(e) if is_lock_held(&e) => {
                tries += 1;
                if tries >= LOCK_TRIES {
                    return Err(StoreError::InUse);
                }
                std::thread::sleep(LOCK_WAIT);
            }
            Err(e) => return Err(opening_failed(e)),
        }
    }
}

/// The open store.
pub struct Store {
    dir: PathBuf,
    db: sled::Db,
    clients: sled::Tree,
    client_nik: sled::Tree,
    staff: sled::Tree,
    audit: sled::Tree,
    meta: sled::Tree,
    marks: sled::Tree,
    handovers: sled::Tree,
    /// The audit sequence last written to the watermark file.
    watermark: Mutex<u64>,
    /// Every resident in short, for the requests that look at everyone.
    facts: facts::FactsCache,
}

impl Store {
    /// Opens (or creates) the store in `dir`. Refuses a store whose format is newer than
    /// this binary knows, and (`Damaged`) one whose files are corrupted or have lost
    /// records they once held (see `watermark`).
    ///
    /// sled 0.34 releases its file lock from a background thread shortly after the last
    /// handle is dropped, so a lock held at the first try is retried for a moment before
    /// giving up with `InUse`.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let db = open_db(dir)?;
        let tree = |name: &str| db.open_tree(name).map_err(opening_failed);
        let store = Store {
            dir: dir.to_path_buf(),
            clients: tree(CLIENTS)?,
            client_nik: tree(CLIENT_NIK)?,
            staff: tree(STAFF)?,
            audit: tree(AUDIT)?,
            meta: tree(META)?,
            marks: tree(MARKS)?,
            handovers: tree(HANDOVERS)?,
            db,
            watermark: Mutex::new(0),
            facts: facts::FactsCache::default(),
        };
        store.check_opened().map_err(|e| match e {
            StoreError::Sled(e) => opening_failed(e),
            other => other,
        })?;
        Ok(store)
    }

    /// What `open` checks once sled has opened: the watermark, the format, and that the
    /// facility decodes. sled reads pages lazily, so damaged data may first show here.
    fn check_opened(&self) -> Result<(), StoreError> {
        // Before anything is written: an emptied store must not be marked as new.
        let seq = self.check_watermark()?;
        self.check_format()?;
        if let Err(StoreError::Corrupt { .. }) = self.facility() {
            return Err(StoreError::Damaged(
                "the facility record does not decode".into(),
            ));
        }
        self.facility()?;
        // What sled read at opening is on disk.
        self.raise_watermark(seq);
        Ok(())
    }

    /// The data dir this store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The next audit sequence number as stored (1 before the first entry).
    fn next_audit_seq(&self) -> Result<u64, StoreError> {
        match self.meta.get(NEXT_AUDIT_SEQ_KEY)? {
            Some(bytes) => read_u64(&bytes, "counter", "next audit sequence"),
            None => Ok(1),
        }
    }

    /// Refuses a store that holds fewer audit entries than its watermark says it had;
    /// returns the sequence it does hold.
    fn check_watermark(&self) -> Result<u64, StoreError> {
        let seq = match self.next_audit_seq() {
            Ok(seq) => seq,
            Err(StoreError::Corrupt { .. }) => {
                return Err(StoreError::Damaged(
                    "its audit counter does not decode".into(),
                ));
            }
            Err(e) => return Err(e),
        };
        match watermark::read(&self.dir) {
            Some(mark) if seq < mark => Err(StoreError::Damaged(format!(
                "records are missing: it held {} audit entries when last saved, now {}",
                mark - 1,
                seq - 1
            ))),
            _ => Ok(seq),
        }
    }

    /// Moves the watermark up to `seq`, a sequence read before a flush that succeeded.
    /// A watermark that cannot be written is logged, never a failed command.
    fn raise_watermark(&self, seq: u64) {
        let mut last = self
            .watermark
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if seq <= *last {
            return;
        }
        match watermark::write(&self.dir, seq) {
            Ok(()) => *last = seq,
            Err(e) => tracing::warn!("cannot write the store watermark: {e}"),
        }
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
        // Read before the flush, so the flush covers it.
        let seq = self.next_audit_seq().ok();
        self.db.flush()?;
        if let Some(seq) = seq {
            self.raise_watermark(seq);
        }
        Ok(())
    }

    /// When the last backup was written (WIB), `None` if never.
    pub fn last_backup(&self) -> Result<Option<NaiveDateTime>, StoreError> {
        self.meta
            .get(LAST_BACKUP_KEY)?
            .map(|bytes| decode_time(&bytes))
            .transpose()
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

/// A time stored as `i64` seconds of its wall-clock reading, big-endian.
fn encode_time(at: NaiveDateTime) -> [u8; 8] {
    at.and_utc().timestamp().to_be_bytes()
}

fn decode_time(bytes: &[u8]) -> Result<NaiveDateTime, StoreError> {
    let corrupt = || StoreError::Corrupt {
        record: "last backup time",
        key: "meta".into(),
    };
    let array: [u8; 8] = bytes.try_into().map_err(|_| corrupt())?;
    DateTime::from_timestamp(i64::from_be_bytes(array), 0)
        .map(|t| t.naive_utc())
        .ok_or_else(corrupt)
}
