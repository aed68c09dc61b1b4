//! Every resident in short (`ClientFacts`), kept in memory for the requests that look at
//! everyone (the roster, Hari ini, roll calls): read from the records once, then kept up
//! to date by each committed transaction, so those requests decode no full record.

use std::sync::{PoisonError, RwLock};

use super::Store;
use super::codec::decode;
use super::error::StoreError;
use super::keys::read_u64;
use crate::domain::{Client, ClientFacts};

/// The facts of every resident in id order; `None` until first needed.
#[derive(Default)]
pub(super) struct FactsCache(RwLock<Option<Vec<ClientFacts>>>);

impl Store {
    /// Runs `f` over the facts of every resident, in id order.
    pub fn with_client_facts<R>(
        &self,
        f: impl FnOnce(&[ClientFacts]) -> R,
    ) -> Result<R, StoreError> {
        self.load_client_facts()?;
        let facts = self.facts.0.read().unwrap_or_else(PoisonError::into_inner);
        Ok(f(facts.as_deref().unwrap_or_default()))
    }

    /// Reads every resident's facts from the records, if not read yet. A server calls it
    /// as it starts, so the first screen does not wait for it.
    pub fn load_client_facts(&self) -> Result<(), StoreError> {
        let loaded = |cache: &Option<Vec<ClientFacts>>| cache.is_some();
        if loaded(&self.facts.0.read().unwrap_or_else(PoisonError::into_inner)) {
            return Ok(());
        }
        let mut cache = self.facts.0.write().unwrap_or_else(PoisonError::into_inner);
        if loaded(&cache) {
            return Ok(());
        }
        // (sled counts a tree's entries by reading them all: no capacity up front.)
        let mut all = Vec::new();
        for item in self.clients.iter() {
            let (key, bytes) = item?;
            let client: Client = decode(&bytes, read_u64(&key, "client key", "clients")?)?;
            all.push(ClientFacts::of(&client));
        }
        all.shrink_to_fit();
        *cache = Some(all);
        Ok(())
    }

    /// Brings the facts of residents written by a committed transaction up to date.
    pub(super) fn client_facts_changed(&self, written: &[Client]) {
        let mut cache = self.facts.0.write().unwrap_or_else(PoisonError::into_inner);
        let Some(all) = cache.as_mut() else { return };
        for client in written {
            let facts = ClientFacts::of(client);
            match all.binary_search_by_key(&client.id, |f| f.row.id) {
                Ok(i) => all[i] = facts,
                Err(i) => all.insert(i, facts),
            }
        }
    }

    /// Drops the facts, to be read again when next needed (after a bulk import).
    pub(super) fn forget_client_facts(&self) {
        *self.facts.0.write().unwrap_or_else(PoisonError::into_inner) = None;
    }
}
