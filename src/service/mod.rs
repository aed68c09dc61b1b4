//! The application: one function per command, each checking the acting staff member's role
//! and the input, writing through the store in one transaction with its audit entry.

pub mod audit;
mod clients;
pub mod reasons;
mod roles;
mod setup;
mod status;

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{NaiveDate, NaiveDateTime};

use crate::clock::Clock;
use crate::demo::DemoData;
use crate::domain::{Client, Refusal, Staff};
use crate::protocol::{Reply, Request};
use crate::store::Store;

/// The service over one store. Shareable between threads; commands that write run one
/// at a time.
pub struct Service {
    store: Store,
    clock: Arc<dyn Clock>,
    writes: Mutex<()>,
}

/// One command's circumstances: the store, who acts, and when (WIB).
struct Act<'a> {
    store: &'a Store,
    me: Staff,
    now: NaiveDateTime,
    today: NaiveDate,
}

impl Service {
    pub fn new(store: Store, clock: Arc<dyn Clock>) -> Service {
        Service {
            store,
            clock,
            writes: Mutex::new(()),
        }
    }

    /// The store underneath, for reads such as the audit trail and for backups.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Held while a command writes. The mutex guards no data, so a panic in another
    /// command cannot have left anything half-done behind it: poisoning is ignored.
    fn write_lock(&self) -> MutexGuard<'_, ()> {
        self.writes.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs one request as the OS user `username`.
    pub fn dispatch(&self, username: &str, request: Request) -> Result<Reply, Refusal> {
        match request {
            // Placeholder until staff and audit commands land (issue #3, service helper).
            Request::ListStaff
            | Request::AddStaff { .. }
            | Request::UpdateStaff { .. }
            | Request::ListAudit(_) => Err(Refusal::WrongState("not-yet".into())),
            Request::Hello => setup::hello(&self.store, username).map(Reply::Hello),
            Request::Setup {
                facility_name,
                capacity,
                head_name,
            } => {
                let _write = self.write_lock();
                let now = self.clock.now();
                setup::setup(
                    &self.store,
                    username,
                    now,
                    &facility_name,
                    capacity,
                    &head_name,
                )
                .map(Reply::SetUp)
            }
            Request::ListClients => clients::list(&self.act(username)?).map(Reply::Clients),
            Request::GetClient(id) => {
                let view = clients::get(&self.act(username)?, id)?;
                Ok(Reply::Client(Box::new(view)))
            }
            Request::CheckDuplicates { draft, editing } => {
                clients::duplicates(&self.act(username)?, &draft, editing).map(Reply::Duplicates)
            }
            Request::CreateClient(draft) => {
                let _write = self.write_lock();
                let act = self.act(username)?;
                saved(clients::create(&act, &draft))
            }
            Request::UpdateClient {
                id,
                base_revision,
                draft,
            } => {
                let _write = self.write_lock();
                let act = self.act(username)?;
                saved(clients::update(&act, id, base_revision, &draft))
            }
            Request::ChangeStatus {
                id,
                base_revision,
                change,
            } => {
                let _write = self.write_lock();
                let act = self.act(username)?;
                saved(status::change(&act, id, base_revision, &change))
            }
            Request::Readmit {
                id,
                base_revision,
                admitted,
                referral,
            } => {
                let _write = self.write_lock();
                let act = self.act(username)?;
                saved(status::readmit(&act, id, base_revision, admitted, referral))
            }
        }
    }

    /// The circumstances of a request other than `Hello` and `Setup`: `NotSetUp` before
    /// setup, `NoAccount` without an active staff account.
    fn act(&self, username: &str) -> Result<Act<'_>, Refusal> {
        if self.store.facility()?.is_none() {
            return Err(Refusal::NotSetUp);
        }
        Ok(Act {
            store: &self.store,
            me: roles::acting(&self.store, username)?,
            now: self.clock.now(),
            today: self.clock.today(),
        })
    }

    /// Loads demo data into a store without a facility (`AlreadySetUp` otherwise),
    /// flushed once at the end.
    pub fn load_demo(&self, data: &DemoData) -> Result<(), Refusal> {
        let _write = self.write_lock();
        setup::load_demo(&self.store, self.clock.now(), data)
    }
}

fn saved(result: Result<Client, Refusal>) -> Result<Reply, Refusal> {
    result.map(|c| Reply::Saved(Box::new(c)))
}
