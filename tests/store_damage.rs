//! A damaged store is refused with a line that points to `mentas restore`, never served
//! and never a panic: sled files cut short, overwritten with garbage or gone; a record
//! that no longer decodes is a storage refusal naming `mentas check`.

mod backup_support;

use std::fs::{self, OpenOptions};
use std::path::Path;
use std::sync::Arc;

use backup_support::*;
use mentas::clock::SystemClock;
use mentas::domain::{ClientId, Refusal};
use mentas::protocol::{Reply, Request};
use mentas::server::{self, Identity, ServeError, ServeOptions, start_error_path};
use mentas::service::Service;
use mentas::store::{Store, StoreError};

/// Ways a file gets damaged: a power cut in the wrong place, a failing disk, a careless
/// copy.
#[derive(Debug, Clone, Copy)]
enum Damage {
    /// Cut to nothing.
    Empty,
    /// Cut to half its length.
    Half,
    /// Its first 64 KiB overwritten with garbage.
    GarbageStart,
    /// Every byte overwritten with garbage.
    Garbage,
    Deleted,
}

/// Deterministic garbage.
fn garbage(len: usize) -> Vec<u8> {
    let mut x: u32 = 0x1234_5678;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

fn damage(path: &Path, how: Damage) {
    let len = fs::metadata(path).unwrap().len();
    match how {
        Damage::Empty => OpenOptions::new()
            .write(true)
            .open(path)
            .unwrap()
            .set_len(0)
            .unwrap(),
        Damage::Half => OpenOptions::new()
            .write(true)
            .open(path)
            .unwrap()
            .set_len(len / 2)
            .unwrap(),
        Damage::GarbageStart => {
            let mut bytes = fs::read(path).unwrap();
            let n = bytes.len().min(64 << 10);
            bytes[..n].copy_from_slice(&garbage(n));
            fs::write(path, bytes).unwrap();
        }
        Damage::Garbage => fs::write(path, garbage(len as usize)).unwrap(),
        Damage::Deleted => fs::remove_file(path).unwrap(),
    }
}

/// A data dir with a demo facility (headed by `head`), closed again.
fn prepared(head: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service_headed_by(dir.path(), 40, head);
    service.store().flush().unwrap();
    drop(service);
    dir
}

/// The store in `dir` opened whole: every record there, checking clean.
fn assert_whole(dir: &Path, before: &Dump, case: &str) {
    let store = Store::open(dir).unwrap_or_else(|e| panic!("{case}: {e}"));
    let report = store.check().unwrap();
    assert!(report.is_clean(), "{case}: {report:?}");
    drop(store);
    assert_eq!(&dump(dir), before, "{case}: records differ");
}

/// Opening the store in `dir` is refused as damaged, without a panic.
fn assert_damaged(dir: &Path, case: &str) -> String {
    let opened = std::panic::catch_unwind(|| Store::open(dir).map(|_| ()));
    match opened {
        Ok(Err(StoreError::Damaged(why))) => why,
        Ok(other) => panic!("{case}: expected Damaged, got {other:?}"),
        Err(_) => panic!("{case}: opening panicked"),
    }
}

#[test]
fn cut_short_or_overwritten_sled_files_are_refused_as_damaged() {
    let cases = [
        ("db", Damage::Empty),
        ("db", Damage::Half),
        ("db", Damage::GarbageStart),
        ("db", Damage::Garbage),
        ("db", Damage::Deleted),
        ("conf", Damage::Half),
        ("conf", Damage::Garbage),
    ];
    for (file, how) in cases {
        let dir = prepared(HEAD);
        damage(&dir.path().join(file), how);
        let case = format!("{file} {how:?}");
        let why = assert_damaged(dir.path(), &case);
        assert!(!why.is_empty(), "{case}");
        eprintln!("{case}: {why}");
        // Refused every time, not only the first: nothing was "repaired" into a new,
        // empty store meanwhile.
        assert_damaged(dir.path(), &case);
    }
}

#[test]
fn a_lost_conf_file_is_rebuilt_by_sled_with_every_record_kept() {
    // sled keeps only its settings in `conf` and writes the defaults again when it is
    // empty or gone; mentas uses the defaults, so nothing is lost and nothing refused.
    for how in [Damage::Empty, Damage::Deleted] {
        let dir = prepared(HEAD);
        let before = dump(dir.path());
        damage(&dir.path().join("conf"), how);
        assert_whole(dir.path(), &before, &format!("conf {how:?}"));
    }
}

#[test]
fn a_good_store_opens_again_and_again() {
    let dir = prepared(HEAD);
    for _ in 0..5 {
        let store = Store::open(dir.path()).unwrap();
        assert!(!store.clients().unwrap().is_empty());
        store.flush().unwrap();
    }
    // A lost or unreadable watermark weakens the check but refuses nothing.
    fs::write(dir.path().join("store.watermark"), b"\x00garbage").unwrap();
    Store::open(dir.path()).unwrap();
    fs::remove_file(dir.path().join("store.watermark")).unwrap();
    Store::open(dir.path()).unwrap();
    assert!(dir.path().join("store.watermark").exists());
}

fn options(dir: &Path) -> ServeOptions {
    ServeOptions {
        data_dir: dir.to_path_buf(),
        idle_exit: None,
        auto_started: true,
        demo: None,
        identity: Identity::InTurn(vec![HEAD.into()]),
    }
}

#[test]
fn the_server_refuses_a_damaged_store_with_a_line_pointing_to_restore() {
    let dir = prepared(HEAD);
    damage(&dir.path().join("db"), Damage::Empty);
    let err = server::serve(options(dir.path())).unwrap_err();
    assert!(matches!(err, ServeError::Damaged { .. }), "{err:?}");
    let text = err.to_string();
    let data = dir.path().display().to_string();
    assert!(
        text.starts_with(&format!("the store in {data} is damaged (")),
        "{text}"
    );
    assert!(
        text.ends_with(&format!(
            "restore the last backup: mentas restore FILE --data {data}"
        )),
        "{text}"
    );
    assert!(!text.contains('\n'));
    // The same line waits in the data dir for whoever starts it next.
    let written = fs::read_to_string(start_error_path(dir.path())).unwrap();
    assert_eq!(written.trim_end(), text);
    // Nothing was set up anew on the emptied store, and no socket is left.
    assert!(!server::socket_path(dir.path()).exists());
    assert_damaged(dir.path(), "after serve");
}

#[test]
fn the_tui_shows_why_its_server_could_not_start() {
    let home = tempfile::tempdir().unwrap();
    let dir = prepared(&mentas::server::own_username());
    damage(&dir.path().join("db"), Damage::Garbage);
    // The TUI starts its server, which refuses the store; the TUI says why, in one line,
    // before it ever takes over the terminal (a pseudo-terminal: without one the TUI
    // would not start a server at all).
    let out = mentas_on_a_terminal(home.path(), dir.path());
    assert!(!out.status.success());
    let err = stderr(&out);
    let data = dir.path().display().to_string();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "mentas: the mentas server could not start: the store in {data} is damaged ("
        )),
        "{err}"
    );
    assert!(err.contains("mentas restore FILE --data"), "{err}");
    assert!(!server::socket_path(dir.path()).exists());

    // `mentas check` says the same without a server.
    let out = mentas(home.path(), dir.path(), &["check"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("is damaged") && err.contains("mentas restore"),
        "{err}"
    );
}

#[test]
fn a_record_that_no_longer_decodes_is_a_storage_refusal_naming_check() {
    let dir = prepared(HEAD);
    write_raw(
        dir.path(),
        "clients",
        &3u64.to_be_bytes(),
        &[2, 0xff, 0xff, 0x07],
    );
    let service = Service::new(Store::open(dir.path()).unwrap(), Arc::new(SystemClock));
    match service.dispatch(HEAD, Request::GetClient(ClientId(3))) {
        Err(Refusal::Storage(text)) => {
            assert_eq!(text, "damaged client record at 3; run mentas check");
        }
        other => panic!("expected a storage refusal, got {other:?}"),
    }
    // The roster needs every record: refused the same way, not a panic.
    assert!(matches!(
        service.dispatch(HEAD, Request::ListClients),
        Err(Refusal::Storage(text)) if text.contains("run mentas check")
    ));
    // Others still read.
    assert!(matches!(
        service.dispatch(HEAD, Request::GetClient(ClientId(4))),
        Ok(Reply::Client(_))
    ));
    // And check names it.
    match service.dispatch(HEAD, Request::Check) {
        Ok(Reply::Checked(report)) => {
            assert!(
                report
                    .problems
                    .iter()
                    .any(|p| p == "client 3: does not decode")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_facility_record_that_does_not_decode_is_a_damaged_store() {
    let dir = prepared(HEAD);
    write_raw(dir.path(), "meta", b"facility", &[2, 0xff]);
    let why = assert_damaged(dir.path(), "facility");
    assert!(why.contains("facility"), "{why}");
}

/// Damages a `db` file of the given length.
type Hurt = Box<dyn Fn(&Path, u64)>;

/// Whatever is cut or overwritten, the store opens with every record it had, or is
/// refused as damaged at opening, or (sled reads its pages lazily) opens and then refuses
/// each read of a damaged page, which `check` reports: never served silently with fewer
/// records, never a panic.
#[test]
fn a_damaged_store_is_whole_or_refused_never_silently_smaller() {
    let (mut whole, mut refused, mut found) = (0, 0, 0);
    let cuts = |len: u64| [16, 1 << 10, 64 << 10, len / 4, len / 2, len * 3 / 4];
    let blocks = |len: u64| [0, len / 4, len / 2, len * 3 / 4, len - 4096];
    let mut cases: Vec<(String, Hurt)> = Vec::new();
    for i in 0..6 {
        cases.push((
            format!("cut #{i}"),
            Box::new(move |db, len| {
                let keep = len - cuts(len)[i];
                OpenOptions::new()
                    .write(true)
                    .open(db)
                    .unwrap()
                    .set_len(keep)
                    .unwrap();
            }),
        ));
    }
    for i in 0..5 {
        cases.push((
            format!("4 KiB of garbage #{i}"),
            Box::new(move |db, len| {
                let mut bytes = fs::read(db).unwrap();
                let at = blocks(len)[i] as usize;
                bytes[at..at + 4096].copy_from_slice(&garbage(4096));
                fs::write(db, bytes).unwrap();
            }),
        ));
    }
    for (name, hurt) in &cases {
        let dir = prepared(HEAD);
        {
            // The latest writes, after the bulk load: the ones most easily lost.
            let service = Service::new(Store::open(dir.path()).unwrap(), clock());
            for i in 0..5 {
                let draft = mentas::domain::ClientDraft {
                    name: format!("Baru {i}"),
                    ..mentas::domain::ClientDraft::new(today())
                };
                service
                    .dispatch(HEAD, Request::CreateClient(draft))
                    .unwrap();
            }
        }
        let before = dump(dir.path());
        let db = dir.path().join("db");
        hurt(&db, fs::metadata(&db).unwrap().len());
        let opened = std::panic::catch_unwind(|| Store::open(dir.path()).map(|_| ()));
        match opened {
            Ok(Ok(())) => {
                let store = Store::open(dir.path()).unwrap();
                let report = store.check().unwrap();
                if report.is_clean() {
                    drop(store);
                    assert_eq!(dump(dir.path()), before, "{name}: records differ");
                    whole += 1;
                } else {
                    let problems = report.problems.join("; ");
                    eprintln!("{name}: opens, check finds: {problems}");
                    assert!(problems.contains("corrupted data"), "{name}: {problems}");
                    // A command reading the damaged part is refused, saying what to do.
                    let service = Service::new(store, clock());
                    let reads = [
                        Request::ListClients,
                        Request::ListAudit(Default::default()),
                        Request::RollCalls {
                            from: today() - chrono::Days::new(40),
                            to: today(),
                        },
                        Request::Handovers {
                            before: None,
                            limit: 10_000,
                        },
                    ];
                    let refusals: Vec<String> = reads
                        .into_iter()
                        .filter_map(|r| match service.dispatch(HEAD, r) {
                            Err(Refusal::Storage(text)) => Some(text),
                            _ => None,
                        })
                        .collect();
                    assert!(
                        refusals.iter().all(|t| t.contains("run mentas check")),
                        "{name}: {refusals:?}"
                    );
                    found += 1;
                }
            }
            Ok(Err(StoreError::Damaged(why))) => {
                eprintln!("{name}: refused: {why}");
                refused += 1;
            }
            Ok(Err(e)) => panic!("{name}: expected whole or damaged, got {e:?}"),
            Err(_) => panic!("{name}: opening panicked"),
        }
    }
    eprintln!("{whole} whole, {refused} refused at opening, {found} found by check");
}

/// `mentas` (the TUI) with a pseudo-terminal as its input, its error output captured.
fn mentas_on_a_terminal(home: &Path, data: &Path) -> std::process::Output {
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let slave_path = ptsname(&master, Vec::new()).unwrap();
    use std::os::unix::fs::OpenOptionsExt;
    let slave = OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOCTTY)
        .open(slave_path.to_str().unwrap())
        .unwrap();
    std::process::Command::new(EXE)
        .args(["--lang", "en", "--data"])
        .arg(data)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env_remove("MENTAS_DATA")
        .stdin(slave)
        .output()
        .unwrap()
}
