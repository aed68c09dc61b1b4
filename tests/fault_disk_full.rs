//! Disk full: the store's writes fail for real and the user sees it, nothing failed is
//! acknowledged or left behind, and the app keeps running.
//!
//! The server is a real `mentas serve` process whose file size limit (`RLIMIT_FSIZE`) is
//! lowered, once its data is loaded, to the size its store files have: sled's next write
//! past the end fails with `EFBIG`, as it would with `ENOSPC` on a full disk (SIGXFSZ is
//! ignored, as the kernel would otherwise kill the process instead). The screen side uses
//! an in-process connection whose writes are refused the way the server refuses them.

mod server_support;
mod support;

use std::collections::HashMap;
use std::fs;
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use mentas::client::{CallError, Connection, LocalConnection};
use mentas::domain::{ClientId, Refusal};
use mentas::protocol::{Reply, Request};
use mentas::server::{own_username, socket_path};
use mentas::store::Store;
use mentas::ui::app::App;
use mentas::ui::text::Lang;
use mentas::ui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use rustix::process::{Pid, Resource, Rlimit, Signal, kill_process, prlimit};

const EXE: &str = env!("CARGO_BIN_EXE_mentas");

/// A `mentas serve --foreground` process that ignores SIGXFSZ, killed if the test fails.
struct ServerProcess {
    child: Child,
}

impl ServerProcess {
    fn start(dir: &Path) -> ServerProcess {
        let mut command = Command::new(EXE);
        command
            .args(["serve", "--foreground", "--data"])
            .arg(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: `signal` is async-signal-safe; nothing else runs between fork and exec.
        unsafe {
            command.pre_exec(|| {
                // Past the file size limit a write fails with EFBIG instead of killing
                // the process. The disposition survives exec.
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                Ok(())
            });
        }
        let mut server = ServerProcess {
            child: command.spawn().unwrap(),
        };
        let until = Instant::now() + server_support::PATIENCE;
        while UnixStream::connect(socket_path(dir)).is_err() {
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("server exited at start: {status}");
            }
            assert!(Instant::now() < until, "server did not listen in time");
            thread::sleep(Duration::from_millis(2));
        }
        server
    }

    fn pid(&self) -> Pid {
        Pid::from_raw(self.child.id() as i32).unwrap()
    }

    /// Sets the largest file the server may write, in bytes.
    fn limit_file_size(&self, bytes: Option<u64>) {
        let limit = Rlimit {
            current: bytes,
            maximum: None,
        };
        prlimit(Some(self.pid()), Resource::Fsize, limit).unwrap();
    }

    /// Stops the server with SIGTERM and waits; returns whether it exited by itself.
    fn stop(mut self) -> bool {
        kill_process(self.pid(), Signal::TERM).unwrap();
        let until = Instant::now() + server_support::PATIENCE;
        while Instant::now() < until {
            if let Some(status) = self.child.try_wait().unwrap() {
                eprintln!("server stopped: {status}");
                return true;
            }
            thread::sleep(Duration::from_millis(10));
        }
        false
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The largest file in the store's dir (sled's log), which the limit is set to.
fn largest_store_file(dir: &Path) -> u64 {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .max()
        .unwrap()
}

fn names(client: &mut server_support::TestClient) -> HashMap<ClientId, String> {
    match client.call(Request::ListClients) {
        Ok(Reply::Clients(rows)) => rows.into_iter().map(|r| (r.id, r.name)).collect(),
        other => panic!("expected Clients, got {other:?}"),
    }
}

/// A server whose disk filled up under a stream of writes.
struct Full {
    server: ServerProcess,
    client: server_support::TestClient,
    /// Every resident the server acknowledged, before and up to the refusal.
    acknowledged: HashMap<ClientId, String>,
    /// The name in the write that was refused.
    refused: String,
}

/// Loads a few residents, fills the disk, and writes until a write is refused; the
/// refusal must be a storage refusal, not a hang, a crash or anything else.
fn fill_the_disk() -> (tempfile::TempDir, Full) {
    let dir = server_support::prepared_dir_headed_by(&own_username());
    let server = ServerProcess::start(dir.path());
    let mut client = server_support::TestClient::connect(dir.path());
    let mut acknowledged = HashMap::new();
    for n in 0..5 {
        let c = client.create(&format!("Warga {n}"));
        acknowledged.insert(c.id, c.details.name);
    }

    // The disk is full from here on.
    let limit = largest_store_file(dir.path());
    server.limit_file_size(Some(limit));
    let started = Instant::now();
    let mut refused = None;
    for n in 0..20_000 {
        let name = format!("Penuh {n}");
        match client.call(Request::CreateClient(server_support::draft(&name))) {
            Ok(Reply::Saved(c)) => {
                acknowledged.insert(c.id, c.details.name);
            }
            Err(Refusal::Storage(why)) => {
                refused = Some((name, why));
                break;
            }
            other => panic!("expected Saved or a storage refusal, got {other:?}"),
        }
    }
    let (refused, why) = refused.expect("a write failed once the disk was full");
    eprintln!(
        "disk full at {limit} bytes: {} writes acknowledged, then refused after {:.1?}: {why}",
        acknowledged.len(),
        started.elapsed()
    );
    let full = Full {
        server,
        client,
        acknowledged,
        refused,
    };
    (dir, full)
}

/// The server's log holds no panic: sled reported the failed write as an error.
fn assert_no_panic_logged(dir: &Path) {
    for entry in fs::read_dir(mentas::server::log_dir(dir)).unwrap() {
        let log = fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(!log.contains("panic"), "a panic in the server log: {log}");
    }
}

#[test]
fn a_full_disk_refuses_the_write_keeps_serving_and_loses_nothing_acknowledged() {
    let (dir, mut full) = fill_the_disk();
    let client = &mut full.client;

    // Still serving: reads answer, and further writes are refused the same way.
    let shown = names(client);
    for (id, name) in &full.acknowledged {
        assert_eq!(shown.get(id), Some(name), "{id:?} still readable");
    }
    match client.call(Request::CreateClient(server_support::draft("Sesudah"))) {
        Err(Refusal::Storage(_)) => {}
        other => panic!("expected another storage refusal, got {other:?}"),
    }
    // Room again. sled 0.34 keeps its first I/O error for good: every write of this
    // server process is refused until it is restarted.
    full.server.limit_file_size(None);
    match client.call(Request::CreateClient(server_support::draft("Ada ruang"))) {
        Err(Refusal::Storage(_)) => {}
        Ok(Reply::Saved(c)) => {
            // A later sled that recovers: fine too, as long as it is acknowledged.
            full.acknowledged.insert(c.id, c.details.name);
        }
        other => panic!("expected a storage refusal or Saved, got {other:?}"),
    }
    assert_eq!(client.count_clients(), shown.len(), "reads still answer");
    let Full {
        server,
        client,
        acknowledged,
        refused,
    } = full;
    drop(client);
    assert!(server.stop(), "the server stops on SIGTERM");
    assert_no_panic_logged(dir.path());

    // Restarted: the store opens and holds every acknowledged write. The write that hit
    // the full disk may be there, whole, or not at all: sled may have written its part of
    // the log before the flush failed on what came after it. Nothing else is there, and
    // every resident has its audit entry: nothing half-written.
    let store = Store::open(dir.path()).unwrap();
    let report = store.check().unwrap();
    assert!(report.is_clean(), "check found {:?}", report.problems);
    let stored: HashMap<ClientId, String> = store
        .clients()
        .unwrap()
        .into_iter()
        .map(|c| (c.id, c.details.name))
        .collect();
    for (id, name) in &acknowledged {
        assert_eq!(stored.get(id), Some(name), "{id:?} lost");
    }
    let extra: Vec<&String> = stored
        .iter()
        .filter(|(id, _)| !acknowledged.contains_key(id))
        .map(|(_, n)| n)
        .collect();
    assert!(
        extra.is_empty() || extra == [&refused],
        "writes refused after the first are in the store: {extra:?}"
    );
    eprintln!(
        "after a restart the refused write ({refused}) is {}",
        if extra.is_empty() {
            "absent"
        } else {
            "present"
        }
    );
    // Setup's entry, then one per resident stored.
    assert_eq!(store.audit_entries().unwrap().len(), 1 + stored.len());
}

/// What a full disk should also mean, and does not yet: sled 0.34 applies a transaction
/// in memory before the flush that fails, so until the server restarts every client can
/// read the resident whose save was refused (and the audit entry for it); after a restart
/// it may or may not be there. The store should refuse reads too once a write has failed,
/// or the server should restart itself, so that what is shown is what is on disk.
#[test]
#[ignore = "known bug: a refused write stays readable until the server restarts"]
fn a_refused_write_is_not_readable_while_the_server_runs() {
    let (_dir, mut full) = fill_the_disk();
    let visible = match full.client.call(Request::ListClients) {
        Ok(Reply::Clients(rows)) => rows.iter().any(|r| r.name == full.refused),
        // Refusing reads after a failed write is a fix too.
        Err(Refusal::Storage(_)) => false,
        other => panic!("expected Clients, got {other:?}"),
    };
    assert!(!visible, "the refused resident is shown as if saved");
}

/// The in-process connection with writes refused the way a full disk refuses them.
struct FullDisk {
    inner: LocalConnection,
    full: Arc<AtomicBool>,
}

const DISK_FULL: &str = "No space left on device (os error 28)";

impl Connection for FullDisk {
    fn call(&mut self, request: Request) -> Result<Reply, CallError> {
        let write = matches!(
            request,
            Request::Setup { .. }
                | Request::CreateClient(_)
                | Request::UpdateClient { .. }
                | Request::ChangeStatus { .. }
                | Request::Readmit { .. }
                | Request::AddStaff { .. }
                | Request::UpdateStaff { .. }
                | Request::Mark { .. }
                | Request::MarkAllPresent { .. }
                | Request::AddHandover { .. }
                | Request::SetShiftTimes(_)
        );
        if write && self.full.load(Ordering::SeqCst) {
            return Err(CallError::Refused(Refusal::Storage(DISK_FULL.into())));
        }
        self.inner.call(request)
    }
}

#[test]
fn a_storage_refusal_is_shown_and_the_form_keeps_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let service = support::demo_service(&dir, 30);
    let full = Arc::new(AtomicBool::new(false));
    let conn = FullDisk {
        inner: LocalConnection::new(service, support::USER),
        full: full.clone(),
    };
    let mut app = App::new(Box::new(conn), Lang::Id, Theme::mono(), support::clock()).unwrap();
    support::key(&mut app, KeyCode::Char('2'));
    let rows_before = app.roster.rows().len();
    support::key(&mut app, KeyCode::Char('n'));
    support::type_text(&mut app, "Sukirno Wijaya");
    full.store(true, Ordering::SeqCst);
    support::ctrl(&mut app, 's');
    let screen = support::text(&support::render(&app, 80, 24));
    eprintln!("{screen}");
    assert!(screen.contains("Sukirno Wijaya"), "the form keeps the name");
    let status = support::lines(&support::render(&app, 80, 24))[22].clone();
    assert!(
        status.contains("Gangguan penyimpanan: periksa ruang disk"),
        "the status line says so: {status:?}"
    );
    assert_eq!(app.roster.rows().len(), rows_before, "nothing saved");

    // Room again: the same form saves.
    full.store(false, Ordering::SeqCst);
    support::ctrl(&mut app, 's');
    assert_eq!(app.roster.rows().len(), rows_before + 1);
}
