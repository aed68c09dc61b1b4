//! `mentas restore` writes only into an empty or new data dir with no server, and only a
//! whole, unaltered backup; `mentas check` finds what is wrong; and the three commands work
//! end to end through the real binary and its auto-started server.

mod backup_support;

use std::fs;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use backup_support::*;
use mentas::protocol::frame::write_frame;
use mentas::protocol::wire::ClientMsg;
use mentas::server::{own_username, pid_path, socket_path};
use mentas::store::backup::{self, BackupError, partial_path};
use mentas::store::{Store, watermark};

/// A backup of a small demo facility: (the temp dir, the data dir, the backup file).
fn a_backup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let service = demo_service(&data, 20);
    let file = dir.path().join("mentas.bak");
    backup(&service, &file);
    (dir, data, file)
}

fn restore_err(target: &Path, file: &Path) -> BackupError {
    match backup::restore(target, file) {
        Err(e) => e,
        Ok(_) => panic!("restore into {} was not refused", target.display()),
    }
}

#[test]
fn restore_refuses_a_dir_that_is_not_empty() {
    let (dir, data, file) = a_backup();
    // The live store itself.
    let err = restore_err(&data, &file);
    assert!(matches!(err, BackupError::NotEmpty { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("is not empty (it holds") && text.contains("db"),
        "{text}"
    );
    // Any file at all.
    let other = dir.path().join("other");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("notes.txt"), "x").unwrap();
    assert!(matches!(
        restore_err(&other, &file),
        BackupError::NotEmpty { .. }
    ));
    assert_eq!(names_in(&other), ["notes.txt"]);
    // A file where the dir should be.
    let plain = dir.path().join("plain");
    fs::write(&plain, "x").unwrap();
    assert!(matches!(
        restore_err(&plain, &file),
        BackupError::NotEmpty { .. }
    ));
    // An empty dir is fine, and so is one that does not exist yet.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    backup::restore(&empty, &file).unwrap();
    backup::restore(&dir.path().join("new/deeper"), &file).unwrap();
}

#[test]
fn restore_refuses_a_cut_short_backup_and_writes_nothing() {
    let (dir, _, file) = a_backup();
    let whole = fs::read(&file).unwrap();
    for keep in [
        0,
        5,
        8,
        40,
        whole.len() / 2,
        whole.len() - 4,
        whole.len() - 1,
    ] {
        let cut = dir.path().join(format!("cut-{keep}.bak"));
        fs::write(&cut, &whole[..keep]).unwrap();
        let target = dir.path().join(format!("target-{keep}"));
        let err = restore_err(&target, &cut);
        let text = err.to_string();
        if keep < 8 {
            assert!(matches!(err, BackupError::NotBackup(_)), "{keep}: {err:?}");
        } else {
            assert!(
                matches!(err, BackupError::Damaged { .. }),
                "{keep}: {err:?}"
            );
            assert!(text.contains("damaged or cut short"), "{text}");
        }
        assert!(
            !target.exists(),
            "{keep}: a restore that failed left {target:?}"
        );
    }
    // Bytes after the end are not a whole backup either.
    let longer = dir.path().join("longer.bak");
    fs::write(&longer, [&whole[..], b"x"].concat()).unwrap();
    assert!(matches!(
        restore_err(&dir.path().join("t"), &longer),
        BackupError::Damaged { .. }
    ));
}

#[test]
fn restore_refuses_a_backup_with_one_byte_changed() {
    let (dir, _, file) = a_backup();
    let whole = fs::read(&file).unwrap();
    // A byte in a record, one in a length, and one in the checksum itself.
    for at in [whole.len() / 2, 60, whole.len() - 2] {
        let mut flipped = whole.clone();
        flipped[at] ^= 0x04;
        let bad = dir.path().join(format!("flip-{at}.bak"));
        fs::write(&bad, &flipped).unwrap();
        let target = dir.path().join(format!("target-{at}"));
        fs::create_dir(&target).unwrap();
        let err = restore_err(&target, &bad);
        assert!(
            matches!(err, BackupError::Damaged { .. }),
            "byte {at}: {err:?}"
        );
        assert!(
            names_in(&target).is_empty(),
            "byte {at}: something was written"
        );
    }
    // Inside the last record (the last tree is `staff`; its values end just before the
    // checksum): only the checksum can tell.
    let mut flipped = whole.clone();
    flipped[whole.len() - 6] ^= 0x04;
    let bad = dir.path().join("flip.bak");
    fs::write(&bad, &flipped).unwrap();
    let text = restore_err(&dir.path().join("t"), &bad).to_string();
    assert!(text.contains("checksum does not match"), "{text}");
}

#[test]
fn restore_refuses_what_is_not_a_finished_backup() {
    let (dir, _, file) = a_backup();
    let target = dir.path().join("t");
    // A leftover of an interrupted backup, even a complete-looking one.
    let partial = partial_path(&file);
    fs::copy(&file, &partial).unwrap();
    let err = restore_err(&target, &partial);
    assert!(matches!(err, BackupError::Partial(_)), "{err:?}");
    assert!(err.to_string().contains("unfinished backup"), "{err}");
    // Asked for FILE when only FILE.partial is there: that is what the text names.
    fs::remove_file(&file).unwrap();
    let err = restore_err(&target, &file);
    assert!(
        matches!(&err, BackupError::Partial(p) if *p == partial),
        "{err:?}"
    );
    fs::remove_file(&partial).unwrap();
    assert!(matches!(
        restore_err(&target, &file),
        BackupError::Missing(_)
    ));
    let text = dir.path().join("notes.txt");
    fs::write(&text, "not a backup at all").unwrap();
    assert!(matches!(
        restore_err(&target, &text),
        BackupError::NotBackup(_)
    ));
    assert!(!target.exists());
}

#[test]
fn restore_removes_what_it_wrote_when_the_result_does_not_check() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    drop(demo_service(&data, 10));
    // A store with a fault in it, backed up as it is.
    remove_raw(&data, "meta", b"next_client_id");
    let service = mentas::service::Service::new(Store::open(&data).unwrap(), clock());
    let file = dir.path().join("faulty.bak");
    backup(&service, &file);
    let target = dir.path().join("empty");
    fs::create_dir(&target).unwrap();
    let err = restore_err(&target, &file);
    match &err {
        BackupError::CheckFailed(report) => {
            assert!(report.problems[0].contains("next client id"), "{report:?}");
        }
        other => panic!("expected CheckFailed, got {other:?}"),
    }
    assert!(err.to_string().contains("nothing was kept"), "{err}");
    // The empty dir it was given is empty again, and still there.
    assert!(target.is_dir());
    assert_eq!(names_in(&target), Vec::<String>::new());
}

#[test]
fn check_finds_a_nik_index_that_disagrees_with_the_residents() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let service = demo_service(&data, 30);
    let clients = service.store().clients().unwrap();
    let with_nik: Vec<_> = clients.iter().filter(|c| c.details.nik.is_some()).collect();
    assert!(with_nik.len() >= 2);
    let (a, b) = (with_nik[0], with_nik[1]);
    let nik_a = a.details.nik.clone().unwrap();
    let nik_b = b.details.nik.clone().unwrap();
    drop(service);
    // A's NIK now points to B; B's NIK is not indexed at all; a NIK nobody holds points
    // to a resident that does not exist.
    write_raw(
        &data,
        "client_nik",
        nik_a.as_str().as_bytes(),
        &b.id.0.to_be_bytes(),
    );
    remove_raw(&data, "client_nik", nik_b.as_str().as_bytes());
    write_raw(
        &data,
        "client_nik",
        b"3514020101900001",
        &9999u64.to_be_bytes(),
    );
    let store = Store::open(&data).unwrap();
    let report = store.check().unwrap();
    let problems = report.problems.join("\n");
    assert!(!report.is_clean());
    assert!(
        problems.contains(&format!(
            "NIK index: an entry points to client {}, whose record holds another NIK or none",
            b.id.0
        )),
        "{problems}"
    );
    assert!(
        problems.contains(&format!(
            "client {}: their NIK is not in the NIK index",
            a.id.0
        )),
        "{problems}"
    );
    assert!(
        problems.contains(&format!(
            "client {}: their NIK is not in the NIK index",
            b.id.0
        )),
        "{problems}"
    );
    assert!(
        problems.contains("NIK index: an entry points to client 9999, who does not exist"),
        "{problems}"
    );
    assert_eq!(report.problem_count(), 4, "{problems}");
    // Problems never show a NIK.
    assert!(!problems.contains(nik_a.as_str()) && !problems.contains(nik_b.as_str()));
}

#[test]
fn check_finds_marks_of_nobody_and_counters_behind() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let service = demo_service(&data, 10);
    let top = service.store().clients().unwrap().last().unwrap().id.0;
    let clean = service.store().check().unwrap();
    assert!(clean.is_clean(), "{clean:?}");
    assert!(clean.marks > 0 && clean.audit > 0 && clean.staff > 0);
    drop(service);
    write_raw(&data, "meta", b"next_client_id", &top.to_be_bytes());
    remove_raw(&data, "clients", &top.to_be_bytes());
    let store = Store::open(&data).unwrap();
    let report = store.check().unwrap();
    let problems = report.problems.join("\n");
    // The removed resident's marks now name nobody (and their NIK entry, if any).
    assert!(
        problems.contains(&format!("client {top} does not exist")),
        "{problems}"
    );
    drop(store);
    write_raw(&data, "meta", b"next_client_id", &(top - 1).to_be_bytes());
    let report = Store::open(&data).unwrap().check().unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("next client id counter is") && p.contains("not past")),
        "{report:?}"
    );
}

/// Asks the auto-started server of `dir` to exit and waits until it has.
fn stop_server(dir: &Path) {
    let pid: i32 = fs::read_to_string(pid_path(dir))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let mut stream = UnixStream::connect(socket_path(dir)).unwrap();
    write_frame(&mut stream, &ClientMsg::Shutdown).unwrap();
    let pid = rustix::process::Pid::from_raw(pid).unwrap();
    let until = Instant::now() + Duration::from_secs(10);
    while rustix::process::test_kill_process(pid).is_ok() {
        assert!(Instant::now() < until, "server {pid:?} still running");
        thread::sleep(Duration::from_millis(20));
    }
}

/// Stops the server of a dir when a test ends, however it ends.
struct StopOnDrop(PathBuf);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        if UnixStream::connect(socket_path(&self.0)).is_ok() {
            stop_server(&self.0);
        }
    }
}

#[test]
fn backup_check_and_restore_through_the_binary() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // The OS user running the test is the head, as on a one-account install.
    drop(demo_service_headed_by(&data, 25, &own_username()));
    let backups = dir.path().join("backups");
    fs::create_dir(&backups).unwrap();
    let file = backups.join("mentas-2026-11-28.bak");

    // backup: starts the server, which writes the file.
    let started = Instant::now();
    let out = mentas(home.path(), &data, &["backup", file.to_str().unwrap()]);
    let _server = StopOnDrop(data.clone());
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.starts_with(&format!("backup written to {}: ", file.display())),
        "{said}"
    );
    assert!(
        said.contains(" bytes, ") && said.contains(" records in 8 trees ("),
        "{said}"
    );
    assert!(
        said.contains(", clients ") && said.contains(", marks "),
        "{said}"
    );
    eprintln!("backup through the binary: {:?}", started.elapsed());
    assert!(
        UnixStream::connect(socket_path(&data)).is_ok(),
        "no server ran"
    );

    // check: through the running server.
    let out = mentas(home.path(), &data, &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("no problems found"),
        "{}",
        stdout(&out)
    );

    // restore: not onto the live store, nor any dir with a server.
    let out = mentas(home.path(), &data, &["restore", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.starts_with("mentas: a mentas server is running on"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);

    stop_server(&data);
    // check: on the store directly when no server runs.
    let out = mentas(home.path(), &data, &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("no problems found"));
    assert!(
        UnixStream::connect(socket_path(&data)).is_err(),
        "check started a server"
    );

    // restore: into a new dir; prints counts and the check.
    let restored = dir.path().join("restored");
    let out = mentas(home.path(), &restored, &["restore", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.starts_with(&format!("restored {} into", file.display())),
        "{said}"
    );
    assert!(said.contains("no problems found"), "{said}");
    let out = mentas(home.path(), &data, &["restore", file.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(
        !out.status.success() && err.contains("is not empty"),
        "{err}"
    );
    // Everything but the backup's own audit entry and time is the same.
    let original = dump(&data);
    let copy = dump(&restored);
    let audit_of = |d: &Dump| d.iter().find(|(n, _)| n == b"audit").unwrap().1.len();
    assert_eq!(audit_of(&original), audit_of(&copy) + 1);
    let clients_of = |d: &Dump| d.iter().find(|(n, _)| n == b"clients").unwrap().1.clone();
    assert_eq!(clients_of(&original), clients_of(&copy));
    // The restored store has its own watermark.
    assert!(watermark::path(&restored).exists());

    // check: exits non-zero and lists what it found.
    remove_raw(&restored, "meta", b"next_audit_seq");
    fs::remove_file(watermark::path(&restored)).unwrap();
    let out = mentas(home.path(), &restored, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("problems:\n  meta: the next audit sequence counter"));
    assert!(stderr(&out).starts_with("mentas: 1 problem in the store in"));
    // On a dir without a store, check creates none.
    let nothing = dir.path().join("nothing");
    let out = mentas(home.path(), &nothing, &["check"]);
    assert!(stderr(&out).contains("there is no mentas store in"));
    assert!(!nothing.exists());
}

#[test]
fn the_readme_gives_the_nightly_cron_entry() {
    let readme = include_str!("../README.md");
    assert!(readme.contains(
        "0 2 * * * mentas backup /var/lib/mentas/backups/mentas-$(date +\\%F).bak --data /var/lib/mentas"
    ));
    assert!(readme.contains("mentas restore"));
    assert!(readme.contains("mentas check"));
}
