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

use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use chrono::{NaiveDate, NaiveDateTime};

use crate::clock::Clock;
use crate::demo::DemoData;
use crate::domain::{Client, Refusal, Role, Staff};
use crate::protocol::{Reply, Request};
use crate::store::Store;

pub use roles::needed_role;

/// The service over one store. Shareable between threads; commands that write run one
/// at a time, and nothing reads while one does.
pub struct Service {
    store: Store,
    clock: Arc<dyn Clock>,
    /// Held for writing by a command that writes, for reading by every other. It guards
    /// no data, so a panic in a command cannot have left anything half-done behind it:
    /// poisoning is ignored.
    lock: RwLock<()>,
    /// Set when a write reached the store but not the disk (see `check_store`): what the
    /// failure said. From then on every request is refused, before it reads anything.
    failed: OnceLock<String>,
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
            lock: RwLock::new(()),
            failed: OnceLock::new(),
        }
    }

    /// The store underneath, for reads such as the audit trail and for backups.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// What the store's failure to write said, once one has happened: the server then
    /// stops, and a new one reads what is on disk.
    pub fn failed(&self) -> Option<&str> {
        self.failed.get().map(String::as_str)
    }

    /// Runs one request as the OS user `username`. Every request but `Hello` and `Setup`
    /// first needs an active account with the role `needed_role` names for it. A request
    /// that writes runs alone; the others run side by side.
    pub fn dispatch(&self, username: &str, request: Request) -> Result<Reply, Refusal> {
        if writes(&request) {
            let _write = self.lock.write().unwrap_or_else(PoisonError::into_inner);
            self.refuse_if_failed()?;
            let result = self.run(username, request);
            if matches!(result, Err(Refusal::Storage(_))) {
                self.check_store();
            }
            result
        } else {
            let _read = self.lock.read().unwrap_or_else(PoisonError::into_inner);
            self.refuse_if_failed()?;
            self.run(username, request)
        }
    }

    fn refuse_if_failed(&self) -> Result<(), Refusal> {
        match self.failed.get() {
            Some(why) => Err(Refusal::Storage(why.clone())),
            None => Ok(()),
        }
    }

    /// After a storage refusal, with the write lock still held: sled 0.34 applies a
    /// transaction in memory before the flush that fails, and keeps its first write
    /// error, so every later flush fails too. Then memory holds a change that is not on
    /// disk, and no request may read it. A refusal that wrote nothing (a damaged record, a
    /// backup file that cannot be written) leaves a store that flushes.
    fn check_store(&self) {
        if let Err(e) = self.store.flush() {
            let why = match Refusal::from(e) {
                Refusal::Storage(text) => text,
                other => other.to_string(),
            };
            tracing::error!("the store failed to write ({why}); refusing every request");
            let _ = self.failed.set(why);
        }
    }

    fn run(&self, username: &str, request: Request) -> Result<Reply, Refusal> {
        let needed = needed_role(&request);
        let act = || self.act(username, needed);
        match request {
            Request::Today => today::today(&act()?).map(|v| Reply::Today(Box::new(v))),
            // The server answers `Online` from its peers; in-process, only the caller is
            // connected.
            Request::Online => Ok(Reply::Online(vec![act()?.me.display_name])),
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
                let act = act()?;
                marks::mark_all_present(&act, slot, &clients)?;
                roll_call::roll_call(&act, slot).map(Reply::MarkedAll)
            }
            Request::AddHandover { text, slot } => {
                handover::add(&act()?, &text, slot).map(Reply::Handover)
            }
            Request::Handovers { before, limit } => {
                handover::list(&act()?, before, limit).map(Reply::Handovers)
            }
            Request::SetShiftTimes(times) => shifts::set(&act()?, times).map(Reply::FacilitySaved),
            Request::Hello => setup::hello(&self.store, username).map(Reply::Hello),
            Request::Setup {
                facility_name,
                capacity,
                head_name,
            } => {
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
            Request::CreateClient(draft) => saved(clients::create(&act()?, &draft)),
            Request::UpdateClient {
                id,
                base_revision,
                draft,
            } => saved(clients::update(&act()?, id, base_revision, &draft)),
            Request::ChangeStatus {
                id,
                base_revision,
                change,
            } => saved(status::change(&act()?, id, base_revision, &change)),
            Request::UndoStatus {
                id,
                base_revision,
                index,
            } => saved(status::undo(&act()?, id, base_revision, index)),
            Request::Readmit {
                id,
                base_revision,
                admitted,
                referral,
            } => saved(status::readmit(
                &act()?,
                id,
                base_revision,
                admitted,
                referral,
            )),
            Request::ListStaff => staff::list(&act()?).map(Reply::Staff),
            Request::AddStaff {
                username: new_user,
                display_name,
                role,
            } => staff::add(&act()?, &new_user, &display_name, role).map(Reply::StaffSaved),
            Request::UpdateStaff {
                username: target,
                base_revision,
                display_name,
                role,
                active,
            } => {
                let change = staff::StaffChange {
                    display_name: &display_name,
                    role,
                    active,
                };
                staff::update(&act()?, &target, base_revision, change).map(Reply::StaffSaved)
            }
            Request::ListAudit(filter) => trail::list(&act()?, &filter).map(Reply::Audit),
            Request::Backup { path } => backup::backup(&act()?, &path).map(Reply::BackedUp),
            Request::Check => backup::check(&act()?).map(Reply::Checked),
            Request::StaffNames => trail::staff_names(&act()?).map(Reply::StaffNames),
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
        let _write = self.lock.write().unwrap_or_else(PoisonError::into_inner);
        setup::load_demo(&self.store, self.clock.now(), data)
    }
}

/// Whether a request writes (and so runs alone). Backup and Check only read, but run
/// while nothing writes: sled has no snapshots, and an index must not be caught half-way
/// through a change. Add each new request here.
pub fn writes(request: &Request) -> bool {
    match request {
        Request::Setup { .. }
        | Request::CreateClient(_)
        | Request::UpdateClient { .. }
        | Request::ChangeStatus { .. }
        | Request::UndoStatus { .. }
        | Request::Readmit { .. }
        | Request::AddStaff { .. }
        | Request::UpdateStaff { .. }
        | Request::Mark { .. }
        | Request::MarkAllPresent { .. }
        | Request::AddHandover { .. }
        | Request::SetShiftTimes(_) => true,
        Request::Hello
        | Request::ListClients
        | Request::GetClient(_)
        | Request::CheckDuplicates { .. }
        | Request::ListStaff
        | Request::ListAudit(_)
        | Request::Today
        | Request::Online
        | Request::RollCall(_)
        | Request::RollCalls { .. }
        | Request::Handovers { .. }
        | Request::Backup { .. }
        | Request::Check
        | Request::StaffNames => false,
    }
}

fn saved(result: Result<Client, Refusal>) -> Result<Reply, Refusal> {
    result.map(|c| Reply::Saved(Box::new(c)))
}
