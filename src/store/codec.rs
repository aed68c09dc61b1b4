//! The record envelope: one byte of schema version, then the bincode payload.
//!
//! bincode is not self-describing, so a new field means a new version and a migration
//! from the old layout (see `migrate`). A version newer than this binary knows is a clear
//! error, a damaged payload is `Corrupt`; neither panics.

use std::fmt::Display;

use bincode::config::{Config, standard};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::StoreError;

/// Largest payload decoding will believe; guards against a damaged length prefix.
const DECODE_LIMIT: usize = 16 << 20;

fn decode_config() -> impl Config {
    standard().with_limit::<DECODE_LIMIT>()
}

/// A type stored in an envelope.
pub trait Record: Serialize + Sized {
    /// Name used in error messages ("client").
    const NAME: &'static str;
    /// The schema version this binary writes.
    const VERSION: u8;
    /// Decodes a payload written at `version` (at most `VERSION`), migrating older
    /// layouts to today's type; `None` if the payload does not decode.
    fn decode_version(version: u8, payload: &[u8]) -> Option<Self>;
}

/// Encodes `record` at its current version.
pub fn encode<R: Record>(record: &R) -> Result<Vec<u8>, StoreError> {
    let payload = bincode::serde::encode_to_vec(record, standard())
        .map_err(|_| StoreError::Encode { record: R::NAME })?;
    let mut out = Vec::with_capacity(payload.len() + 1);
    out.push(R::VERSION);
    out.extend_from_slice(&payload);
    Ok(out)
}

/// Decodes an envelope stored under `key` (named in the error if it fails).
pub fn decode<R: Record>(bytes: &[u8], key: impl Display) -> Result<R, StoreError> {
    let corrupt = || StoreError::Corrupt {
        record: R::NAME,
        key: key.to_string(),
    };
    let (&version, payload) = bytes.split_first().ok_or_else(corrupt)?;
    if version > R::VERSION {
        return Err(StoreError::NewerVersion {
            record: R::NAME,
            found: version,
            known: R::VERSION,
        });
    }
    R::decode_version(version, payload).ok_or_else(corrupt)
}

/// Decodes one bincode payload as `T`; `None` if it fails or leaves bytes over.
pub(super) fn payload<T: DeserializeOwned>(payload: &[u8]) -> Option<T> {
    match bincode::serde::decode_from_slice::<T, _>(payload, decode_config()) {
        Ok((value, read)) if read == payload.len() => Some(value),
        _ => None,
    }
}
