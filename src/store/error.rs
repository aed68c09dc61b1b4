//! Why the store could not be opened, read or written.

use crate::domain::Refusal;

/// A store failure. The text never holds personal data: keys are ids or user names,
/// never a NIK.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// sled itself failed (disk full, damaged file, another process holds the store).
    #[error("{0}")]
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
    #[error("damaged {record} record at {key}")]
    Corrupt { record: &'static str, key: String },
    /// A record could not be encoded (cannot happen for the plain types stored).
    #[error("could not encode a {record} record")]
    Encode { record: &'static str },
}

impl From<StoreError> for Refusal {
    fn from(e: StoreError) -> Refusal {
        Refusal::Storage(e.to_string())
    }
}
