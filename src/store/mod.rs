//! The only module that knows sled exists: trees, the record envelope, indexes.

use std::path::Path;

/// Why the store could not be opened or read.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Sled(#[from] sled::Error),
}

/// The open store.
pub struct Store {
    db: sled::Db,
}

impl Store {
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let db = sled::Config::new()
            .path(dir)
            .cache_capacity(8 << 20)
            .open()?;
        Ok(Store { db })
    }

    /// Whether nothing has been stored yet.
    pub fn is_empty(&self) -> bool {
        self.db.is_empty()
    }
}
