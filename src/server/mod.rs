//! `mentas serve`: the one process that owns a data dir's store and serves every TUI over
//! the Unix socket `DATA/mentas.sock`: who is calling (from the socket), the requests run
//! through the service, change notices pushed to every client, and when to stop.

mod connection;
mod error;
mod identity;
mod lifecycle;
mod log_names;
pub mod logging;
mod paths;
mod peers;
mod startup;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use tracing::Dispatch;

pub use error::ServeError;
pub use identity::{Identity, is_nameless, own_username};
pub use paths::{
    demo_marker_path, log_dir, pid_path, socket_path, start_error_path, start_lock_path,
};

use lifecycle::{Event, SignalWatch, StopReason, Waker};
use peers::Peers;
use startup::Ready;

use crate::service::Service;

/// How a server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub data_dir: PathBuf,
    /// Exit after no client has been connected for this long; `None` runs until stopped
    /// (a service-managed server).
    pub idle_exit: Option<Duration>,
    /// Started by a client rather than a service manager: a client may ask it to exit
    /// (to be replaced by a newer version).
    pub auto_started: bool,
    /// Serve demo data: loaded if the store is empty.
    pub demo: Option<DemoSetup>,
    /// How peers' uids become user names.
    pub identity: Identity,
}

/// A demo server's data.
#[derive(Debug, Clone, Copy)]
pub struct DemoSetup {
    /// Residents in an empty store's demo facility.
    pub residents: usize,
    /// Remove the whole data dir on exit (a throwaway demo); only ever done to a dir
    /// marked as demo data.
    pub remove_dir_on_exit: bool,
}

/// What every connection thread shares.
struct Shared {
    service: Service,
    peers: Peers,
    identity: Identity,
    auto_started: bool,
    events: Sender<Event>,
    log: Dispatch,
    /// Connections that have said `Hello` so far.
    hellos: AtomicU64,
}

/// Serves the data dir until a signal, a client's `Shutdown` (auto-started only) or the
/// idle time ends it; then flushes the store and removes the socket. Logs go to
/// `DATA/logs/`; nothing is printed. Errors are about starting, but for `StoreFailed`:
/// a write to the store failed, and the server stopped (as cleanly) so that no client
/// sees a change that is not on disk. Whoever started it starts it again: a client, or
/// the service manager, for which the process exits with a failure.
pub fn serve(opts: ServeOptions) -> Result<(), ServeError> {
    let dir = opts.data_dir.clone();
    fs::create_dir_all(&dir).map_err(|source| ServeError::DataDir {
        dir: dir.clone(),
        source,
    })?;
    let log = logging::dispatch(&dir, "server");
    tracing::dispatcher::with_default(&log, || {
        let result = run(opts, &log);
        match &result {
            Ok(()) => {}
            // Logged as it happened; a new server may well start.
            Err(ServeError::StoreFailed(_)) => {}
            Err(e) => {
                tracing::error!("not started: {e}");
                // Another server serving is no failure of the store: nothing to tell.
                if !matches!(e, ServeError::AlreadyRunning(_)) {
                    let _ = fs::write(start_error_path(&dir), format!("{e}\n"));
                }
            }
        }
        result
    })
}

fn run(opts: ServeOptions, log: &Dispatch) -> Result<(), ServeError> {
    let dir = opts.data_dir.clone();
    let Ready { service, listener } = startup::start(&opts)?;
    let _ = fs::remove_file(start_error_path(&dir));
    let socket = socket_path(&dir);
    let (events, heard) = mpsc::channel();
    let stopping = Arc::new(AtomicBool::new(false));
    let idle_exit = opts.idle_exit;
    let watcher = listener.try_clone().and_then(|listener| {
        let waker = Waker {
            stopping: stopping.clone(),
            socket: socket.clone(),
            listener,
        };
        logging::spawn("mentas-lifecycle", log, move || {
            lifecycle::watch(heard, idle_exit, |reason| waker.wake(reason))
        })
    });
    let watcher = match watcher {
        Ok(watcher) => watcher,
        Err(e) => {
            let _ = fs::remove_file(&socket);
            let _ = fs::remove_file(pid_path(&dir));
            return Err(ServeError::Thread(e));
        }
    };
    let signals = SignalWatch::start(events.clone(), log)
        .inspect_err(|e| tracing::warn!("signals not handled: {e}"))
        .ok();
    let shared = Arc::new(Shared {
        service,
        peers: Peers::default(),
        identity: opts.identity,
        auto_started: opts.auto_started,
        events: events.clone(),
        log: log.clone(),
        hellos: AtomicU64::new(0),
    });
    tracing::info!(
        pid = std::process::id(),
        auto_started = opts.auto_started,
        idle_exit_secs = opts.idle_exit.map(|d| d.as_secs()),
        demo = opts.demo.is_some(),
        "serving"
    );

    let mut connections: Vec<JoinHandle<()>> = Vec::new();
    let mut accepted: u64 = 0;
    for incoming in listener.incoming() {
        if stopping.load(Ordering::SeqCst) {
            break;
        }
        connections.retain(|c| !c.is_finished());
        let stream = match incoming {
            Ok(stream) => stream,
            Err(e) => {
                // Out of file descriptors and the like: wait rather than spin.
                tracing::warn!("accept failed: {e}");
                thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        let conn = accepted;
        accepted += 1;
        let _ = events.send(Event::Joined);
        let for_thread = shared.clone();
        match logging::spawn("mentas-conn", log, move || {
            connection::run(for_thread, stream, conn)
        }) {
            Ok(handle) => connections.push(handle),
            Err(e) => {
                tracing::warn!("cannot serve a connection: {e}");
                let _ = events.send(Event::Left);
            }
        }
    }

    // Stopping: cut every client, let running commands finish, then put the store away.
    shared.peers.close_all();
    for connection in connections {
        let _ = connection.join();
    }
    let _ = events.send(Event::Stop(StopReason::Finished));
    let _ = watcher.join();
    if let Some(signals) = signals {
        signals.stop();
    }
    drop(events);
    let failed = shared.service.failed().map(str::to_string);
    finish(&dir, shared, listener, opts.demo);
    match failed {
        Some(why) => Err(ServeError::StoreFailed(why)),
        None => Ok(()),
    }
}

/// Flushes and closes the store, removing the socket and pid file while it is still held
/// (so they are never removed from under a newer server), and a throwaway demo dir after.
fn finish(
    dir: &Path,
    shared: Arc<Shared>,
    listener: std::os::unix::net::UnixListener,
    demo: Option<DemoSetup>,
) {
    // A store that failed to write cannot flush: a restart reads what is on disk.
    if shared.service.failed().is_none()
        && let Err(e) = shared.service.store().flush()
    {
        tracing::error!("final flush failed: {e}");
    }
    let _ = fs::remove_file(socket_path(dir));
    let _ = fs::remove_file(pid_path(dir));
    drop(listener);
    // Every connection thread has been joined, so this is the last handle on the store.
    drop(shared);
    let remove = demo.is_some_and(|d| d.remove_dir_on_exit) && demo_marker_path(dir).exists();
    if remove {
        remove_demo_dir(dir);
    }
    tracing::info!("stopped");
}

/// Removes a throwaway demo dir; sled's last writes may still land for a moment, so a
/// dir that is not yet empty is tried again.
fn remove_demo_dir(dir: &Path) {
    for _ in 0..20 {
        match fs::remove_dir_all(dir) {
            Ok(()) => return,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
            Err(_) => thread::sleep(Duration::from_millis(50)),
        }
    }
    tracing::warn!("could not remove the demo dir");
}
