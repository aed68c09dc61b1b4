//! Why the store could not be opened, read or written.

use crate::domain::Refusal;

/// A store failure. The text never holds personal data: keys are ids or user names,
/// never a NIK.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// sled itself failed (disk full, damaged file, another process holds the store).
    #[error("{}", sled_text(.0))]
    Sled(#[from] sled::Error),
    /// Another process (or a handle not yet released) has the store open.
    #[error("the store is in use by another mentas process")]
    InUse,
    /// A record carries a schema version this binary does not know.
    #[error(
        "this store was written by a newer mentas ({record} version {found}; this program knows up to {known})"
    )]
    NewerVersion {
        record: &'static str,
        found: u8,
        known: u8,
    },
    /// A stored value could not be decoded.
    #[error("damaged {record} record at {key}; run mentas check")]
    Corrupt { record: &'static str, key: String },
    /// The store's files are damaged (cut short, overwritten, or missing records that
    /// were once there): it must be restored from a backup, not served.
    #[error("{0}")]
    Damaged(String),
    /// A record could not be encoded (cannot happen for the plain types stored).
    #[error("could not encode a {record} record")]
    Encode { record: &'static str },
}

/// What a sled failure says to the user. sled reads its pages lazily, so a damaged file
/// may first show when a record is read: that says what to do.
fn sled_text(e: &sled::Error) -> String {
    match e {
        sled::Error::Corruption { .. } => {
            "damaged store files (sled found corrupted data); run mentas check".into()
        }
        other => other.to_string(),
    }
}

impl From<StoreError> for Refusal {
    fn from(e: StoreError) -> Refusal {
        // The operating system's own words ("No space left on device (os error 28)"), not
        // sled's debug dump of them.
        match e {
            StoreError::Sled(sled::Error::Io(io)) => Refusal::Storage(io.to_string()),
            other => Refusal::Storage(other.to_string()),
        }
    }
}
