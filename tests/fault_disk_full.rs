//! Disk full: the store's writes fail for real and the user sees it, nothing failed is
//! acknowledged or shown, and the app keeps running: the server refuses the write, then
//! stops (a client or the service manager starts it again, on what is on disk).
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
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use mentas::client::autostart::{StartSpec, serve_args};
use mentas::client::{CallError, ConnEvent, Connection, LocalConnection, SocketConnection};
use mentas::domain::{ClientId, Refusal};
use mentas::protocol::frame::write_frame;
use mentas::protocol::wire::{ClientMsg, ServerMsg};
use mentas::protocol::{Reply, Request};
use mentas::server::{own_username, pid_path, socket_path};
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

    /// Waits for the server to exit by itself.
    fn wait_exit(&mut self) -> ExitStatus {
        let until = Instant::now() + server_support::PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < until, "the server did not exit");
            thread::sleep(Duration::from_millis(10));
        }
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
        Ok(Reply::Clients(rows)) => rows.into_iter().map(|r| (r.id, r.name.into())).collect(),
        other => panic!("expected Clients, got {other:?}"),
    }
}

/// A server whose disk filled up under a stream of writes.
struct Full {
    server: ServerProcess,
    client: server_support::TestClient,
    /// A second session, connected before the disk filled up.
    other: server_support::TestClient,
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
    let other = server_support::TestClient::connect(dir.path());
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
    assert_eq!(why, "File too large (os error 27)", "the OS's words");
    eprintln!(
        "disk full at {limit} bytes: {} writes acknowledged, then refused after {:.1?}: {why}",
        acknowledged.len(),
        started.elapsed()
    );
    let full = Full {
        server,
        client,
        other,
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

/// Everything the server logged.
fn server_log(dir: &Path) -> String {
    fs::read_dir(mentas::server::log_dir(dir))
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect()
}

#[test]
fn a_full_disk_refuses_the_write_stops_the_server_and_loses_nothing_acknowledged() {
    let (dir, full) = fill_the_disk();
    let Full {
        mut server,
        mut client,
        other,
        mut acknowledged,
        refused,
    } = full;
    drop(other);

    // The refusal was the last word: the server closes the connection and exits with a
    // failure (so a service manager restarts it), cleaning up as a normal exit does.
    assert!(client.is_closed_by_server(), "the connection ends");
    let status = server.wait_exit();
    assert!(
        !status.success(),
        "the server exits with a failure: {status}"
    );
    assert!(!socket_path(dir.path()).exists(), "the socket is removed");
    assert!(!pid_path(dir.path()).exists(), "the pid file is removed");
    let log = server_log(dir.path());
    assert!(
        log.contains("the store failed to write"),
        "the server logs why it stopped: {log}"
    );
    assert_no_panic_logged(dir.path());

    // Started again with room on the disk: it serves every acknowledged write, and
    // writes again. The write that hit the full disk may be there, whole, or not at all:
    // sled may have written its part of the log before the flush failed on what came
    // after it.
    let server = ServerProcess::start(dir.path());
    let mut client = server_support::TestClient::connect(dir.path());
    let shown = names(&mut client);
    for (id, name) in &acknowledged {
        assert_eq!(shown.get(id), Some(name), "{id:?} served after the restart");
    }
    let again = client.create("Ada ruang");
    acknowledged.insert(again.id, again.details.name);
    drop(client);
    assert!(server.stop(), "the server stops on SIGTERM");
    assert_no_panic_logged(dir.path());

    // Nothing else is there, and every resident has its audit entry: nothing
    // half-written.
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

/// sled 0.34 applies a transaction in memory before the flush that fails, so a server
/// that kept serving would show the refused resident to everyone until it restarted.
/// It refuses every request from the failure on and stops: no session is shown it.
#[test]
fn a_refused_write_is_not_readable_while_the_server_runs() {
    let (dir, full) = fill_the_disk();
    let Full {
        mut server,
        client,
        mut other,
        refused,
        ..
    } = full;
    drop(client);
    // The other session: refused, or cut off as the server stops; never shown it.
    match other.try_call(Request::ListClients) {
        Ok(Ok(Reply::Clients(rows))) => {
            assert!(
                rows.iter().all(|r| r.name != refused),
                "the refused resident is shown as if saved"
            );
            panic!("a store that failed to write is still read");
        }
        Ok(Err(Refusal::Storage(_))) | Err(_) => {}
        other => panic!("expected a storage refusal or a closed connection, got {other:?}"),
    }
    // A new session gets no further: the socket is gone, or the connection is refused
    // or cut.
    if let Ok(stream) = UnixStream::connect(socket_path(dir.path())) {
        let mut late = server_support::TestClient::raw(stream);
        let hello = ClientMsg::Hello {
            version: mentas::protocol::PROTOCOL_VERSION,
        };
        if write_frame(late.stream(), &hello).is_ok()
            && let Ok(ServerMsg::Welcome { .. }) = late.read()
        {
            match late.try_call(Request::ListClients) {
                Ok(Err(Refusal::Storage(_))) | Err(_) => {}
                other => panic!("a late session was answered: {other:?}"),
            }
        }
    }
    assert!(!server.wait_exit().success());
}

/// The TUI's side, over a real socket: the session's save is refused, its connection
/// drops as the auto-started server stops, and it reconnects to a new server (started by
/// the session itself) that serves what is on disk and saves again.
#[test]
fn a_session_sees_the_refusal_and_carries_on_with_a_new_server() {
    let dir = server_support::prepared_dir_headed_by(&own_username());
    // The server ignores SIGXFSZ, as `ServerProcess` does: `sh` sets it, `exec` keeps it.
    let mut args: Vec<std::ffi::OsString> = vec![
        "-c".into(),
        "trap '' XFSZ; exec \"$0\" \"$@\"".into(),
        EXE.into(),
    ];
    args.extend(serve_args(dir.path(), Duration::from_secs(60), None));
    let spec = StartSpec {
        exe: "/bin/sh".into(),
        args,
    };
    let mut conn = SocketConnection::connect(dir.path().to_path_buf(), Some(spec)).unwrap();
    let (tx, events) = mpsc::channel();
    let sink = std::sync::Mutex::new(tx);
    conn.subscribe(Box::new(move |e| {
        let _ = sink.lock().unwrap().send(e);
    }));
    let conn: &mut dyn Connection = &mut conn;
    let mut acknowledged = HashMap::new();
    for n in 0..3 {
        let c = conn.create_client(server_support::draft(&format!("Warga {n}")));
        let c = c.unwrap();
        acknowledged.insert(c.id, c.details.name);
    }
    let old = read_pid(dir.path());
    let limit = Rlimit {
        current: Some(largest_store_file(dir.path())),
        maximum: None,
    };
    prlimit(Some(old), Resource::Fsize, limit).unwrap();
    let mut refused = false;
    for n in 0..20_000 {
        match conn.create_client(server_support::draft(&format!("Penuh {n}"))) {
            Ok(c) => {
                acknowledged.insert(c.id, c.details.name);
            }
            Err(CallError::Refused(Refusal::Storage(_))) => {
                refused = true;
                break;
            }
            Err(e) => panic!("expected Saved or a storage refusal, got {e:?}"),
        }
    }
    assert!(refused, "a write failed once the disk was full");

    let mut lost = false;
    loop {
        match events.recv_timeout(server_support::PATIENCE) {
            Ok(ConnEvent::Lost(_)) => lost = true,
            Ok(ConnEvent::Restored) => break,
            Ok(ConnEvent::Notice(_) | ConnEvent::ServiceDown) => {}
            Ok(ConnEvent::Mismatch { .. }) => panic!("the new server is of another version"),
            Err(e) => panic!("the session did not come back: {e}"),
        }
    }
    assert!(lost, "the session was told the server went away");
    let new = read_pid(dir.path());
    assert_ne!(old, new, "a new server serves");
    let shown: HashMap<ClientId, String> = conn
        .list_clients()
        .unwrap()
        .into_iter()
        .map(|r| (r.id, r.name.into()))
        .collect();
    for (id, name) in &acknowledged {
        assert_eq!(shown.get(id), Some(name), "{id:?} served by the new server");
    }
    let again = conn.create_client(server_support::draft("Ada ruang"));
    assert!(again.is_ok(), "the new server saves: {again:?}");

    SocketConnection::ask_to_shut_down(dir.path()).unwrap();
    let until = Instant::now() + server_support::PATIENCE;
    while socket_path(dir.path()).exists() {
        assert!(Instant::now() < until, "the server did not stop");
        thread::sleep(Duration::from_millis(20));
    }
}

/// The pid of the server of `dir`, from its pid file.
fn read_pid(dir: &Path) -> Pid {
    let text = fs::read_to_string(pid_path(dir)).unwrap();
    Pid::from_raw(text.trim().parse().unwrap()).unwrap()
}

/// The in-process connection with writes refused the way a full disk refuses them.
struct FullDisk {
    inner: LocalConnection,
    full: Arc<AtomicBool>,
}

const DISK_FULL: &str = "No space left on device (os error 28)";

impl Connection for FullDisk {
    fn call(&mut self, request: Request) -> Result<Reply, CallError> {
        let write = mentas::service::writes(&request);
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
    for _ in 0..4 {
        support::key(&mut app, KeyCode::Tab); // past nickname, NIK and KK to the sex field
    }
    support::type_text(&mut app, "laki");
    full.store(true, Ordering::SeqCst);
    support::ctrl(&mut app, 's');
    let screen = support::text(&support::render(&app, 80, 24));
    eprintln!("{screen}");
    assert!(screen.contains("Sukirno Wijaya"), "the form keeps the name");
    let status = support::lines(&support::render(&app, 80, 24))[22].clone();
    assert!(
        status.contains("Gangguan penyimpanan: perubahan terakhir belum pasti tersimpan"),
        "the status line says so: {status:?}"
    );
    assert_eq!(app.roster.rows().len(), rows_before, "nothing saved");

    // Room again: the same form saves.
    full.store(false, Ordering::SeqCst);
    support::ctrl(&mut app, 's');
    assert_eq!(app.roster.rows().len(), rows_before + 1);
}
