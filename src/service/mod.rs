//! The application: one function per command, each checking the acting staff member's role
//! and the input, writing through the store in one transaction with its audit entry.

pub mod audit;
mod backup;
mod clients;
mod handover;
mod limits;
mod marks;
mod roles;
mod roll_call;
mod setup;
mod shifts;
mod staff;
mod status;
mod today;
mod trail;

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{NaiveDate, NaiveDateTime};

use crate::clock::Clock;
use crate::demo::DemoData;
use crate::domain::{Client, Refusal, Role, Staff};
use crate::protocol::{Reply, Request};
use crate::store::Store;

pub use roles::needed_role;

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

    /// Runs one request as the OS user `username`. Every request but `Hello` and `Setup`
    /// first needs an active account with the role `needed_role` names for it.
    pub fn dispatch(&self, username: &str, request: Request) -> Result<Reply, Refusal> {
        let needed = needed_role(&request);
        let act = || self.act(username, needed);
        match request {
            Request::Today => today::today(&act()?).map(|v| Reply::Today(Box::new(v))),
            // The server answers `Online` from its peers; in-process, only the caller is
            // connected.
            Request::Online => Ok(Reply::Online(vec![act()?.me.username])),
            Request::RollCall(slot) => roll_call::roll_call(&act()?, slot).map(Reply::RollCall),
            Request::RollCalls { from, to } => {
                roll_call::roll_calls(&act()?, from, to).map(Reply::RollCalls)
            }
            Request::Mark {
                slot,
                client,
                presence,
                note,
                last_seen,
            } => {
                let _write = self.write_lock();
                let input = marks::MarkInput {
                    slot,
                    client,
                    presence,
                    note: &note,
                    last_seen,
                };
                let marked = marks::mark(&act()?, &input)?;
                Ok(Reply::Marked {
                    slot,
                    row: Box::new(marked.row),
                    status_changed: marked.status_changed,
                })
            }
            Request::MarkAllPresent { slot, clients } => {
                let _write = self.write_lock();
                let act = act()?;
                marks::mark_all_present(&act, slot, &clients)?;
                roll_call::roll_call(&act, slot).map(Reply::MarkedAll)
            }
            Request::AddHandover { text } => {
                let _write = self.write_lock();
                handover::add(&act()?, &text).map(Reply::Handover)
            }
            Request::Handovers { before, limit } => {
                handover::list(&act()?, before, limit).map(Reply::Handovers)
            }
            Request::SetShiftTimes(times) => {
                let _write = self.write_lock();
                shifts::set(&act()?, times).map(Reply::FacilitySaved)
            }
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
            Request::ListClients => clients::list(&act()?).map(Reply::Clients),
            Request::GetClient(id) => {
                let view = clients::get(&act()?, id)?;
                Ok(Reply::Client(Box::new(view)))
            }
            Request::CheckDuplicates { draft, editing } => {
                clients::duplicates(&act()?, &draft, editing).map(Reply::Duplicates)
            }
            Request::CreateClient(draft) => {
                let _write = self.write_lock();
                saved(clients::create(&act()?, &draft))
            }
            Request::UpdateClient {
                id,
                base_revision,
                draft,
            } => {
                let _write = self.write_lock();
                saved(clients::update(&act()?, id, base_revision, &draft))
            }
            Request::ChangeStatus {
                id,
                base_revision,
                change,
            } => {
                let _write = self.write_lock();
                saved(status::change(&act()?, id, base_revision, &change))
            }
            Request::Readmit {
                id,
                base_revision,
                admitted,
                referral,
            } => {
                let _write = self.write_lock();
                saved(status::readmit(
                    &act()?,
                    id,
                    base_revision,
                    admitted,
                    referral,
                ))
            }
            Request::ListStaff => staff::list(&act()?).map(Reply::Staff),
            Request::AddStaff {
                username: new_user,
                display_name,
                role,
            } => {
                let _write = self.write_lock();
                staff::add(&act()?, &new_user, &display_name, role).map(Reply::StaffSaved)
            }
            Request::UpdateStaff {
                username: target,
                base_revision,
                display_name,
                role,
                active,
            } => {
                let _write = self.write_lock();
                let change = staff::StaffChange {
                    display_name: &display_name,
                    role,
                    active,
                };
                staff::update(&act()?, &target, base_revision, change).map(Reply::StaffSaved)
            }
            Request::ListAudit(filter) => trail::list(&act()?, &filter).map(Reply::Audit),
            // No command runs while the store is copied or checked: sled has no
            // snapshots, and the index must not be caught half-way through a change.
            Request::Backup { path } => {
                let _write = self.write_lock();
                backup::backup(&act()?, &path).map(Reply::BackedUp)
            }
            Request::Check => {
                let _write = self.write_lock();
                backup::check(&act()?).map(Reply::Checked)
            }
        }
    }

    /// The circumstances of a request other than `Hello` and `Setup`: `NotSetUp` before
    /// setup, `NoAccount` without an active staff account, `NeedsRole` below `needed`.
    fn act(&self, username: &str, needed: Option<Role>) -> Result<Act<'_>, Refusal> {
        if self.store.facility()?.is_none() {
            return Err(Refusal::NotSetUp);
        }
        let me = roles::acting(&self.store, username)?;
        if let Some(needed) = needed {
            roles::require(&me, needed)?;
        }
        Ok(Act {
            store: &self.store,
            me,
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
