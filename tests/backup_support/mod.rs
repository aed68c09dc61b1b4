//! Shared set-up for the backup, restore, check and damaged-store tests: a demo facility
//! in a temporary store, raw access to sled's trees, and the `mentas` binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use mentas::clock::{Clock, FixedClock};
use mentas::demo;
use mentas::protocol::{BackupSummary, Reply, Request};
use mentas::service::Service;
use mentas::store::Store;

/// The demo facility's head.
pub const HEAD: &str = "kepala";

pub const EXE: &str = env!("CARGO_BIN_EXE_mentas");

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// "Now" in these tests: 28 Nov 2026, 10:00 WIB.
pub fn now() -> NaiveDateTime {
    today().and_hms_opt(10, 0, 0).unwrap()
}

pub fn clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock(now()))
}

/// A service over a store in `dir` holding a demo facility of `residents` residents with
/// their roll calls and handover notes, headed by `head`.
pub fn demo_service_headed_by(dir: &Path, residents: usize, head: &str) -> Service {
    let service = Service::new(Store::open(dir).unwrap(), clock());
    let data = demo::generate(demo::SEED, today(), residents, head);
    service.load_demo(&data).unwrap();
    service
}

pub fn demo_service(dir: &Path, residents: usize) -> Service {
    demo_service_headed_by(dir, residents, HEAD)
}

/// Has the service write a backup to `file`, as the head.
pub fn backup(service: &Service, file: &Path) -> BackupSummary {
    match service.dispatch(
        HEAD,
        Request::Backup {
            path: file.to_path_buf(),
        },
    ) {
        Ok(Reply::BackedUp(summary)) => summary,
        other => panic!("expected BackedUp, got {other:?}"),
    }
}

/// Every tree of the store in `dir`, pairs in key order.
pub type Dump = Vec<mentas::store::backup::TreeDump>;

pub fn dump(dir: &Path) -> Dump {
    Store::open(dir).unwrap().dump().unwrap()
}

/// Opens sled in `dir` directly, retrying while a dropped store still holds its lock.
pub fn raw_db(dir: &Path) -> sled::Db {
    for _ in 0..80 {
        if let Ok(db) = sled::open(dir) {
            return db;
        }
        thread::sleep(Duration::from_millis(25));
    }
    panic!("sled does not open {}", dir.display());
}

/// Writes raw bytes into a tree, as a damaged or buggy program would have.
pub fn write_raw(dir: &Path, tree: &str, key: &[u8], value: &[u8]) {
    let db = raw_db(dir);
    db.open_tree(tree).unwrap().insert(key, value).unwrap();
    db.flush().unwrap();
}

pub fn remove_raw(dir: &Path, tree: &str, key: &[u8]) {
    let db = raw_db(dir);
    db.open_tree(tree).unwrap().remove(key).unwrap();
    db.flush().unwrap();
}

/// Runs the `mentas` binary with `args`, the data dir `data` and a private home, so no
/// preference of the user running the tests is read or written.
pub fn mentas(home: &Path, data: &Path, args: &[&str]) -> Output {
    Command::new(EXE)
        .args(args)
        .arg("--data")
        .arg(data)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env_remove("MENTAS_DATA")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Names in `dir`, sorted; empty if it does not exist.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// A path in `dir` for a backup file.
pub fn bak(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}
