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
            StoreError::Sled(sled::Error::Io(io)) => Refusal::Storage(io_text(&io)),
            other => Refusal::Storage(other.to_string()),
        }
    }
}

/// The operating system's words for an I/O error. sled reports a write that failed
/// earlier (in its background writer) as a copy of the error whose text is the debug
/// dump of the original, `Os { code: 28, kind: StorageFull, message: "No space left on
/// device" }`: that is put back as `No space left on device (os error 28)`.
fn io_text(io: &std::io::Error) -> String {
    let text = io.to_string();
    let field = |name: &str, end: char| {
        let start = text.find(name)? + name.len();
        let len = text[start..].find(end)?;
        Some(&text[start..start + len])
    };
    let code = field("code: ", ',');
    let message = field("message: \"", '"');
    match (text.starts_with("Os {"), code, message) {
        (true, Some(code), Some(message)) => format!("{message} (os error {code})"),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::*;

    #[test]
    fn an_io_error_is_told_in_the_operating_systems_words() {
        let full = io::Error::from_raw_os_error(28);
        assert_eq!(io_text(&full), "No space left on device (os error 28)");
        // As sled hands on an error its writer met.
        let copied = io::Error::new(full.kind(), format!("{full:?}"));
        assert_eq!(io_text(&copied), "No space left on device (os error 28)");
        let other = io::Error::other("could not acquire lock");
        assert_eq!(io_text(&other), "could not acquire lock");
    }
}
