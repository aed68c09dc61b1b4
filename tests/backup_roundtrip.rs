//! `mentas backup` → `mentas restore` gives the same store, byte for byte and record for
//! record, also when the backup is taken while others keep writing; the backup is recorded
//! (Hari ini, audit) and only the head may take one.

mod backup_support;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use backup_support::*;
use chrono::NaiveDate;
use mentas::domain::audit::{AuditAction, RecordRef};
use mentas::domain::roll_call::Presence;
use mentas::domain::{ClientDraft, Refusal, Role};
use mentas::protocol::{Reply, Request};
use mentas::service::Service;
use mentas::store::Store;
use mentas::store::backup::{self, MAGIC, partial_path};

/// Everything a person can see of a store, through its typed reads.
#[derive(Debug, PartialEq)]
struct Records {
    clients: Vec<mentas::domain::Client>,
    staff: Vec<mentas::domain::Staff>,
    marks: Vec<mentas::domain::roll_call::Mark>,
    handovers: Vec<mentas::domain::handover::HandoverNote>,
    audit: Vec<mentas::domain::audit::AuditEntry>,
    facility: Option<mentas::domain::Facility>,
}

fn records(store: &Store) -> Records {
    let first = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap();
    Records {
        clients: store.clients().unwrap(),
        staff: store.all_staff().unwrap(),
        marks: store.marks_between(first, last).unwrap(),
        handovers: store.handovers_rev(None).collect::<Result<_, _>>().unwrap(),
        audit: store.audit_entries().unwrap(),
        facility: store.facility().unwrap(),
    }
}

#[test]
fn backup_then_restore_gives_identical_records() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let service = demo_service(&data, 60);
    let before_dump = service.store().dump().unwrap();
    let before = records(service.store());
    assert!(before.marks.len() > 100 && !before.handovers.is_empty());

    let file = dir.path().join("mentas.bak");
    let summary = backup(&service, &file);
    assert_eq!(summary.path, file);
    assert_eq!(summary.bytes, std::fs::metadata(&file).unwrap().len());
    let pairs: usize = before_dump.iter().map(|(_, p)| p.len()).sum();
    assert_eq!(summary.records, pairs as u64);
    assert_eq!(summary.trees.len(), before_dump.len());
    assert!(!partial_path(&file).exists());
    assert_eq!(&std::fs::read(&file).unwrap()[..8], MAGIC);
    // Reading it back gives the same counts.
    let read = backup::verify(&file).unwrap();
    assert_eq!(
        (read.records, &read.trees),
        (summary.records, &summary.trees)
    );
    assert_eq!(read.created_at, now());

    let restored = dir.path().join("restored");
    let (restored_summary, report) = backup::restore(&restored, &file).unwrap();
    assert_eq!(restored_summary.records, summary.records);
    assert!(report.is_clean(), "{report:?}");
    assert_eq!(report.clients, before.clients.len() as u64);

    // Byte for byte, every tree: the store as it was when the backup was taken.
    assert_eq!(dump(&restored), before_dump);
    // Record for record, through the store's typed reads.
    let store = Store::open(&restored).unwrap();
    assert_eq!(records(&store), before);
    // The original has moved on by exactly the backup's own audit entry.
    let after = records(service.store());
    assert_eq!(after.audit.len(), before.audit.len() + 1);
    assert_eq!(after.clients, before.clients);
}

#[test]
fn a_restored_store_serves_the_same_answers() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir.path().join("a"), 40);
    let file = dir.path().join("a.bak");
    backup(&service, &file);
    let restored = dir.path().join("b");
    backup::restore(&restored, &file).unwrap();
    let copy = Service::new(Store::open(&restored).unwrap(), clock());
    for request in [
        Request::ListClients,
        Request::ListStaff,
        Request::Handovers {
            before: None,
            limit: 100,
        },
        Request::RollCalls {
            from: today() - chrono::Days::new(6),
            to: today(),
        },
    ] {
        assert_eq!(
            copy.dispatch(HEAD, request.clone()).unwrap(),
            service.dispatch(HEAD, request).unwrap()
        );
    }
    // New records continue after the restored ones: the counters came along.
    let draft = ClientDraft {
        name: "Warga Baru".into(),
        ..ClientDraft::new(today())
    };
    let a = service.dispatch(HEAD, Request::CreateClient(draft.clone()));
    let b = copy.dispatch(HEAD, Request::CreateClient(draft));
    match (a, b) {
        (Ok(Reply::Saved(a)), Ok(Reply::Saved(b))) => {
            assert_eq!((a.id, &a.reg_no), (b.id, &b.reg_no));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_backup_taken_while_two_threads_write_restores_and_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let service = Arc::new(demo_service(&dir.path().join("data"), 30));
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..2)
        .map(|n| {
            let (service, stop) = (service.clone(), stop.clone());
            thread::spawn(move || {
                let mut written = 0u32;
                while !stop.load(Ordering::SeqCst) {
                    let draft = ClientDraft {
                        name: format!("Penulis {n} Nomor {written}"),
                        ..ClientDraft::new(today())
                    };
                    let client = match service.dispatch(HEAD, Request::CreateClient(draft)) {
                        Ok(Reply::Saved(client)) => client,
                        other => panic!("{other:?}"),
                    };
                    let slot = match service.dispatch(HEAD, Request::Today) {
                        Ok(Reply::Today(view)) => view.slot,
                        other => panic!("{other:?}"),
                    };
                    let mark = Request::Mark {
                        slot,
                        client: client.id,
                        presence: Presence::Present,
                        note: String::new(),
                        last_seen: None,
                    };
                    service.dispatch(HEAD, mark).unwrap();
                    written += 1;
                }
                written
            })
        })
        .collect();
    let mut files = Vec::new();
    for i in 0..4 {
        // Let the writers get going between backups.
        thread::sleep(std::time::Duration::from_millis(60));
        let file = dir.path().join(format!("live-{i}.bak"));
        backup(&service, &file);
        files.push(file);
    }
    stop.store(true, Ordering::SeqCst);
    let written: u32 = writers.into_iter().map(|w| w.join().unwrap()).sum();
    assert!(written > 0, "the writers wrote nothing");

    let mut counts = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let restored = dir.path().join(format!("restored-{i}"));
        let (_, report) = backup::restore(&restored, file).unwrap();
        assert!(report.is_clean(), "backup {i}: {report:?}");
        let store = Store::open(&restored).unwrap();
        // Each writer creates a resident, then marks them: a backup may fall between
        // the two commands of a writer, never inside one.
        let rec = records(&store);
        let marked: BTreeSet<_> = rec.marks.iter().map(|m| m.client).collect();
        let unmarked = rec
            .clients
            .iter()
            .filter(|c| c.details.name.starts_with("Penulis") && !marked.contains(&c.id))
            .count();
        assert!(
            unmarked <= 2,
            "backup {i}: {unmarked} residents without their mark"
        );
        counts.push(rec.clients.len());
    }
    // Later backups hold at least what earlier ones did.
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
}

#[test]
fn a_backup_is_recorded_for_hari_ini_and_the_audit_trail() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir.path().join("data"), 10);
    let today_view = |service: &Service| match service.dispatch(HEAD, Request::Today) {
        Ok(Reply::Today(view)) => *view,
        other => panic!("{other:?}"),
    };
    assert_eq!(today_view(&service).last_backup, None);
    let file = dir.path().join("x.bak");
    let summary = backup(&service, &file);
    assert_eq!(today_view(&service).last_backup, Some(now()));
    let last = service.store().audit_entries().unwrap().pop().unwrap();
    assert_eq!(last.action, AuditAction::BackedUp);
    assert_eq!(last.record, RecordRef::Facility);
    assert_eq!(last.by, HEAD);
    let change = |field: &str| {
        last.changes
            .iter()
            .find(|c| c.field == field)
            .map(|c| c.after.clone())
    };
    assert_eq!(change("file"), Some(file.display().to_string()));
    assert_eq!(change("bytes"), Some(summary.bytes.to_string()));
    assert_eq!(change("records"), Some(summary.records.to_string()));
    // A backup tells the other sessions (Hari ini reloads).
    assert_eq!(
        Reply::BackedUp(summary).changes(),
        vec![mentas::protocol::Notice::Backup]
    );
}

#[test]
fn only_the_head_may_back_up_or_check() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir.path().join("data"), 10);
    let staff = service.store().all_staff().unwrap();
    let petugas = staff.iter().find(|s| s.role == Role::Staff).unwrap();
    let supervisor = staff.iter().find(|s| s.role == Role::Supervisor).unwrap();
    let file = dir.path().join("x.bak");
    for who in [petugas, supervisor] {
        let refused = service.dispatch(&who.username, Request::Backup { path: file.clone() });
        assert_eq!(refused, Err(Refusal::NeedsRole(Role::Head)));
        let refused = service.dispatch(&who.username, Request::Check);
        assert_eq!(refused, Err(Refusal::NeedsRole(Role::Head)));
    }
    assert!(!file.exists());
    let residents = service.store().clients().unwrap().len() as u64;
    assert!(matches!(
        service.dispatch(HEAD, Request::Check),
        Ok(Reply::Checked(report)) if report.is_clean() && report.clients == residents
    ));
}

fn refused_backup(service: &Service, path: &Path) -> String {
    match service.dispatch(
        HEAD,
        Request::Backup {
            path: path.to_path_buf(),
        },
    ) {
        Err(Refusal::Storage(text)) => text,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_backup_goes_only_where_it_belongs() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let service = demo_service(&data, 5);
    let text = refused_backup(&service, Path::new("relative.bak"));
    assert!(text.contains("absolute"), "{text}");
    // Never into the data dir itself, where it could land on sled's own files.
    let text = refused_backup(&service, &data.join("db"));
    assert!(text.contains("in the data dir itself"), "{text}");
    // Never over a file that is not a backup.
    let precious = dir.path().join("notes.txt");
    std::fs::write(&precious, "keep me").unwrap();
    let text = refused_backup(&service, &precious);
    assert!(text.contains("not a mentas backup"), "{text}");
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me");
    // Nothing refused was recorded.
    assert_eq!(service.store().last_backup().unwrap(), None);
    // An older backup of the same name is replaced.
    let file = dir.path().join("same.bak");
    let first = backup(&service, &file);
    let second = backup(&service, &file);
    assert!(second.bytes > 0 && first.records <= second.records);
    assert!(backup::verify(&file).is_ok());
}

#[test]
fn a_backup_that_cannot_be_written_leaves_nothing_and_says_who_must_write() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir.path().join("data"), 5);
    let missing = dir.path().join("no-such-dir").join("x.bak");
    let text = refused_backup(&service, &missing);
    assert!(text.contains("cannot write"), "{text}");
    assert!(text.contains("its own OS user"), "{text}");
    assert!(!missing.exists() && !partial_path(&missing).exists());
    assert_eq!(service.store().last_backup().unwrap(), None);
}

#[test]
fn a_leftover_partial_file_is_replaced_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let service = demo_service(&dir.path().join("data"), 5);
    let file = dir.path().join("night.bak");
    // What a crash in the middle of a backup leaves.
    std::fs::write(partial_path(&file), b"MENTASBK\x00\x01half").unwrap();
    let summary = backup(&service, &file);
    assert!(summary.replaced_partial);
    assert!(!partial_path(&file).exists());
    assert!(backup::verify(&file).is_ok());
    assert!(!backup(&service, &file).replaced_partial);
}
