//! Shared set-up for the service tests: a store in a temporary directory, a clock the
//! test can move, staff of each role, and resident drafts.

#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use chrono::{NaiveDate, NaiveDateTime};
use mentas::clock::Clock;
use mentas::domain::{Client, ClientDraft, Nik, Refusal, Role, Staff};
use mentas::protocol::{Reply, Request};
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

    /// Adds an account directly in the store (staff management has no command yet).
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
