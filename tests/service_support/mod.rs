//! Shared set-up for the service tests: a store in a temporary directory, a clock the
//! test can move, staff of each role, and resident drafts.

#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use chrono::{NaiveDate, NaiveDateTime};
use mentas::clock::Clock;
use mentas::domain::audit::AuditEntry;
use mentas::domain::handover::HandoverNote;
use mentas::domain::roll_call::{Presence, RollCall, RollCallRow};
use mentas::domain::shift::{Shift, ShiftSlot, ShiftTimes};
use mentas::domain::{
    Client, ClientDraft, ClientId, Nik, ReferralSource, Refusal, Role, Staff, StatusDetail,
};
use mentas::protocol::{AuditFilter, Reply, Request, StatusInput, TodayView};
use mentas::service::Service;
use mentas::store::Store;
use tempfile::TempDir;

/// The head who ran setup.
pub const HEAD: &str = "kepala";
/// A staff member (petugas).
pub const STAF: &str = "budi";
/// A shift supervisor.
pub const SUPERVISOR: &str = "sari";
/// An account that was switched off.
pub const INACTIVE: &str = "lama";
/// An OS user without any account.
pub const STRANGER: &str = "tamu";

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, min, 0).unwrap()
}

/// "Now" in every test unless moved: 28 Nov 2026, 10:00 WIB.
pub fn start() -> NaiveDateTime {
    at(2026, 11, 28, 10, 0)
}

/// A clock the test sets.
pub struct TestClock(Mutex<NaiveDateTime>);

impl TestClock {
    pub fn set(&self, now: NaiveDateTime) {
        *self.0.lock().unwrap() = now;
    }
}

impl Clock for TestClock {
    fn now(&self) -> NaiveDateTime {
        *self.0.lock().unwrap()
    }
}

/// A service on its own temporary store.
pub struct World {
    pub service: Service,
    pub clock: Arc<TestClock>,
    _dir: TempDir,
}

/// A store with nothing in it.
pub fn empty() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let clock = Arc::new(TestClock(Mutex::new(start())));
    let service = Service::new(store, clock.clone());
    World {
        service,
        clock,
        _dir: dir,
    }
}

/// A facility set up by `HEAD`, with a staff member, a supervisor and an inactive account.
pub fn set_up() -> World {
    let w = empty();
    w.call(
        HEAD,
        Request::Setup {
            facility_name: "UPT RSBK Pasuruan".into(),
            capacity: 110,
            head_name: "Ibu Kepala".into(),
        },
    )
    .unwrap();
    w.add_staff(STAF, "Budi Santoso", Role::Staff, true);
    w.add_staff(SUPERVISOR, "Sari Wulandari", Role::Supervisor, true);
    w.add_staff(INACTIVE, "Pak Lama", Role::Head, false);
    w
}

impl World {
    pub fn call(&self, user: &str, request: Request) -> Result<Reply, Refusal> {
        self.service.dispatch(user, request)
    }

    /// Adds an account directly in the store, without an audit entry (as setup and the
    /// demo import do); `AddStaff` is the command.
    pub fn add_staff(&self, username: &str, display_name: &str, role: Role, active: bool) {
        let staff = Staff {
            username: username.into(),
            display_name: display_name.into(),
            role,
            active,
            revision: 1,
        };
        self.service
            .store()
            .transact(|tx| tx.put_staff(&staff))
            .unwrap();
    }

    /// Runs a command that answers `Saved` and returns the resident.
    pub fn saved(&self, user: &str, request: Request) -> Result<Client, Refusal> {
        match self.call(user, request)? {
            Reply::Saved(c) => Ok(*c),
            other => panic!("expected Saved, got {other:?}"),
        }
    }

    pub fn create(&self, draft: ClientDraft) -> Client {
        self.saved(STAF, Request::CreateClient(draft)).unwrap()
    }

    /// Runs a command that answers `StaffSaved` and returns the account.
    pub fn staff_saved(&self, user: &str, request: Request) -> Result<Staff, Refusal> {
        match self.call(user, request)? {
            Reply::StaffSaved(s) => Ok(s),
            other => panic!("expected StaffSaved, got {other:?}"),
        }
    }

    /// `AddStaff` as `user`.
    pub fn add(
        &self,
        user: &str,
        username: &str,
        display_name: &str,
        role: Role,
    ) -> Result<Staff, Refusal> {
        self.staff_saved(
            user,
            Request::AddStaff {
                username: username.into(),
                display_name: display_name.into(),
                role,
            },
        )
    }

    /// `UpdateStaff` as `user`, setting everything `to` holds (its revision is ignored).
    pub fn update_staff(
        &self,
        user: &str,
        base_revision: u64,
        to: &Staff,
    ) -> Result<Staff, Refusal> {
        self.staff_saved(
            user,
            Request::UpdateStaff {
                username: to.username.clone(),
                base_revision,
                display_name: to.display_name.clone(),
                role: to.role,
                active: to.active,
            },
        )
    }

    /// The account as stored.
    pub fn stored_staff(&self, username: &str) -> Staff {
        self.service.store().staff(username).unwrap().unwrap()
    }

    /// `ListAudit` as `user`.
    pub fn audit(&self, user: &str, filter: AuditFilter) -> Result<Vec<AuditEntry>, Refusal> {
        match self.call(user, Request::ListAudit(filter))? {
            Reply::Audit(entries) => Ok(entries),
            other => panic!("expected Audit, got {other:?}"),
        }
    }

    /// The whole audit trail as stored, oldest first.
    pub fn stored_audit(&self) -> Vec<AuditEntry> {
        self.service.store().audit_entries().unwrap()
    }

    /// The resident as stored.
    pub fn stored_client(&self, id: ClientId) -> Client {
        self.service.store().client(id).unwrap().unwrap()
    }

    /// `ChangeStatus` as `user` on the resident's stored revision.
    pub fn set_status(
        &self,
        user: &str,
        id: ClientId,
        detail: StatusDetail,
        date: NaiveDate,
    ) -> Result<Client, Refusal> {
        let base_revision = self.stored_client(id).revision;
        self.saved(
            user,
            Request::ChangeStatus {
                id,
                base_revision,
                change: StatusInput {
                    detail,
                    date,
                    note: String::new(),
                },
            },
        )
    }

    /// `RollCall` as `STAF`.
    pub fn roll_call(&self, slot: ShiftSlot) -> RollCall {
        match self.call(STAF, Request::RollCall(slot)).unwrap() {
            Reply::RollCall(rc) => rc,
            other => panic!("expected RollCall, got {other:?}"),
        }
    }

    /// `Mark` as `user` with a note; the row and whether the status changed.
    pub fn mark_with(
        &self,
        user: &str,
        slot: ShiftSlot,
        client: ClientId,
        presence: Presence,
        note: &str,
        last_seen: Option<NaiveDateTime>,
    ) -> Result<(RollCallRow, bool), Refusal> {
        let request = Request::Mark {
            slot,
            client,
            presence,
            note: note.into(),
            last_seen,
        };
        match self.call(user, request)? {
            Reply::Marked {
                slot: replied,
                row,
                status_changed,
            } => {
                assert_eq!(replied, slot);
                Ok((*row, status_changed))
            }
            other => panic!("expected Marked, got {other:?}"),
        }
    }

    /// `Mark` as `user` without a note.
    pub fn mark(
        &self,
        user: &str,
        slot: ShiftSlot,
        client: ClientId,
        presence: Presence,
    ) -> Result<(RollCallRow, bool), Refusal> {
        self.mark_with(user, slot, client, presence, "", None)
    }

    /// `MarkAllPresent` as `user`.
    pub fn mark_all(
        &self,
        user: &str,
        slot: ShiftSlot,
        clients: Vec<ClientId>,
    ) -> Result<RollCall, Refusal> {
        match self.call(user, Request::MarkAllPresent { slot, clients })? {
            Reply::MarkedAll(rc) => Ok(rc),
            other => panic!("expected MarkedAll, got {other:?}"),
        }
    }

    /// `Today` as `STAF`.
    pub fn today(&self) -> TodayView {
        match self.call(STAF, Request::Today).unwrap() {
            Reply::Today(view) => *view,
            other => panic!("expected Today, got {other:?}"),
        }
    }

    /// `AddHandover` as `user`.
    pub fn add_handover(&self, user: &str, text: &str) -> Result<HandoverNote, Refusal> {
        let request = Request::AddHandover {
            text: text.into(),
            slot: None,
        };
        match self.call(user, request)? {
            Reply::Handover(note) => Ok(note),
            other => panic!("expected Handover, got {other:?}"),
        }
    }

    /// `Handovers` as `STAF`.
    pub fn handovers(&self, before: Option<u64>, limit: u32) -> Vec<HandoverNote> {
        match self
            .call(STAF, Request::Handovers { before, limit })
            .unwrap()
        {
            Reply::Handovers(notes) => notes,
            other => panic!("expected Handovers, got {other:?}"),
        }
    }
}

/// The shift `shift` of a day in November 2026.
pub fn slot(d: u32, shift: Shift) -> ShiftSlot {
    ShiftSlot {
        date: day(2026, 11, d),
        shift,
    }
}

/// Shift times starting at these hours.
pub fn shift_times(morning: u32, afternoon: u32, night: u32) -> ShiftTimes {
    let at = |h| chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    ShiftTimes {
        morning: at(morning),
        afternoon: at(afternoon),
        night: at(night),
    }
}

/// A resident admitted on a November 2026 day, in a room and bed.
pub fn resident(name: &str, admitted: u32, room: &str, bed: &str) -> ClientDraft {
    ClientDraft {
        name: name.into(),
        room: room.into(),
        bed: bed.into(),
        ..ClientDraft::new(day(2026, 11, admitted))
    }
}

/// `WrongState` with a reason code.
pub fn wrong<T>(code: &str) -> Result<T, Refusal> {
    Err(Refusal::WrongState(code.into()))
}

/// Every request except `Hello` and `Setup`, one of each kind (an exit and a non-exit
/// status change), the resident and staff requests first, then the shift requests.
pub fn guarded_requests() -> Vec<Request> {
    let id = ClientId(1);
    let status = |detail| Request::ChangeStatus {
        id,
        base_revision: 1,
        change: StatusInput {
            detail,
            date: day(2026, 11, 20),
            note: String::new(),
        },
    };
    vec![
        Request::ListClients,
        Request::GetClient(id),
        Request::CheckDuplicates {
            draft: draft("Slamet"),
            editing: None,
        },
        Request::CreateClient(draft("Slamet")),
        Request::UpdateClient {
            id,
            base_revision: 1,
            draft: draft("Slamet"),
        },
        status(StatusDetail::Sick),
        status(StatusDetail::Exited {
            reason: mentas::domain::ExitReason::ReturnedToFamily,
            destination: String::new(),
        }),
        Request::Readmit {
            id,
            base_revision: 1,
            admitted: day(2026, 11, 20),
            referral: ReferralSource::Raid,
        },
        Request::ListStaff,
        Request::AddStaff {
            username: "baru".into(),
            display_name: "Orang Baru".into(),
            role: Role::Staff,
        },
        Request::UpdateStaff {
            username: STAF.into(),
            base_revision: 1,
            display_name: "Budi".into(),
            role: Role::Staff,
            active: true,
        },
        Request::ListAudit(AuditFilter::default()),
        Request::Today,
        Request::Online,
        Request::RollCall(slot(28, Shift::Morning)),
        Request::RollCalls {
            from: day(2026, 11, 27),
            to: day(2026, 11, 28),
        },
        Request::Mark {
            slot: slot(28, Shift::Morning),
            client: id,
            presence: Presence::Present,
            note: String::new(),
            last_seen: None,
        },
        Request::MarkAllPresent {
            slot: slot(28, Shift::Morning),
            clients: vec![id],
        },
        Request::AddHandover {
            text: "Aman.".into(),
            slot: None,
        },
        Request::Handovers {
            before: None,
            limit: 10,
        },
        Request::SetShiftTimes(ShiftTimes::default()),
    ]
}

pub fn nik(digits: &str) -> Nik {
    Nik::parse(digits).unwrap()
}

/// A resident admitted on 1 Nov 2026.
pub fn draft(name: &str) -> ClientDraft {
    ClientDraft {
        name: name.into(),
        ..ClientDraft::new(day(2026, 11, 1))
    }
}

/// A resident with a NIK.
pub fn draft_with_nik(name: &str, digits: &str) -> ClientDraft {
    ClientDraft {
        nik: Some(nik(digits)),
        ..draft(name)
    }
}
