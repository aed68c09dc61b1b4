//! Getting a data dir ready to serve, in the order that keeps one server per dir: the store
//! first (its lock is the real guard), demo data if asked, and only then the stale socket
//! removed and a new one bound.

use std::fs::{self, Permissions};
use std::io;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::identity::own_username;
use super::paths::{demo_marker_path, pid_path, socket_path};
use super::{DemoSetup, ServeError, ServeOptions};
use crate::clock::{Clock, SystemClock};
use crate::demo;
use crate::service::Service;
use crate::store::{Store, StoreError};

/// How long a store held by another process is waited for: a server that is just exiting
/// lets go within a moment.
const STORE_WAIT: Duration = Duration::from_secs(5);

/// Socket mode: the owner and the facility's group.
const SOCKET_MODE: u32 = 0o660;
/// Data dir mode: the owner and the facility's group (setgid and sticky bits kept).
const DIR_MODE: u32 = 0o770;

/// A data dir ready to serve.
pub(super) struct Ready {
    pub service: Service,
    pub listener: UnixListener,
}

pub(super) fn start(opts: &ServeOptions) -> Result<Ready, ServeError> {
    let dir = &opts.data_dir;
    let socket = socket_path(dir);
    if answers(&socket) {
        return Err(ServeError::AlreadyRunning(dir.clone()));
    }
    let store = open_store(dir)?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let service = Service::new(store, clock.clone());
    if let Some(setup) = &opts.demo {
        load_demo(dir, &service, clock.as_ref(), setup)?;
    }
    // Every resident's facts now, so the first screen does not wait for them; a record
    // that does not decode is reported to whoever asks for it.
    if let Err(e) = service.store().load_client_facts() {
        tracing::warn!("cannot read the residents' facts: {e}");
    }
    let listener = bind(dir, &socket)?;
    restrict(dir, &socket)?;
    if let Err(e) = fs::write(pid_path(dir), format!("{}\n", std::process::id())) {
        tracing::warn!("cannot write the pid file: {e}");
    }
    Ok(Ready { service, listener })
}

/// Whether a server is accepting on `socket`.
fn answers(socket: &Path) -> bool {
    UnixStream::connect(socket).is_ok()
}

/// Opens the store, waiting a little for a server that is just exiting.
fn open_store(dir: &Path) -> Result<Store, ServeError> {
    let until = Instant::now() + STORE_WAIT;
    loop {
        // `Store::open` itself retries a held lock for a moment before `InUse`.
        match Store::open(dir) {
            Ok(store) => return Ok(store),
            Err(StoreError::InUse) if Instant::now() < until => {}
            Err(StoreError::InUse) => return Err(ServeError::AlreadyRunning(dir.to_path_buf())),
            Err(StoreError::Damaged(why)) => {
                return Err(ServeError::Damaged {
                    dir: dir.to_path_buf(),
                    why,
                });
            }
            Err(source) => {
                return Err(ServeError::Store {
                    dir: dir.to_path_buf(),
                    source,
                });
            }
        }
    }
}

/// Fills an empty store with the demo facility, headed by the OS user running the server.
/// A store already holding demo data is served as it is; one holding real data is refused.
fn load_demo(
    dir: &Path,
    service: &Service,
    clock: &dyn Clock,
    setup: &DemoSetup,
) -> Result<(), ServeError> {
    let marker = demo_marker_path(dir);
    if !service.store().is_empty() {
        if marker.exists() {
            return Ok(());
        }
        return Err(ServeError::NotDemo(dir.to_path_buf()));
    }
    // The marker goes first: a load cut short leaves a dir known to be demo data.
    fs::write(&marker, b"fictional demo data\n").map_err(|e| ServeError::Demo(e.to_string()))?;
    // As of now: today's ended shifts are there, the current roll call under way.
    let data = demo::generate_at(demo::SEED, clock.now(), setup.residents, &own_username());
    service
        .load_demo(&data)
        .map_err(|e| ServeError::Demo(e.to_string()))?;
    tracing::info!(residents = setup.residents, "demo data loaded");
    Ok(())
}

/// Binds the socket, first removing a stale one (left by a server that was killed). Only
/// called with the store open, so no other server can be starting on this dir meanwhile.
fn bind(dir: &Path, socket: &Path) -> Result<UnixListener, ServeError> {
    let failed = |source: io::Error| ServeError::Socket {
        path: socket.to_path_buf(),
        source,
    };
    match fs::symlink_metadata(socket) {
        Ok(meta) => {
            if answers(socket) {
                return Err(ServeError::AlreadyRunning(dir.to_path_buf()));
            }
            if !meta.file_type().is_socket() {
                return Err(failed(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "a file that is not a socket is in the way",
                )));
            }
            fs::remove_file(socket).map_err(failed)?;
            tracing::info!("removed a stale socket");
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(failed(e)),
    }
    UnixListener::bind(socket).map_err(failed)
}

/// Socket 0660; the data dir 0770 if it is ours (a dir set up by someone else is left as
/// they made it).
fn restrict(dir: &Path, socket: &Path) -> Result<(), ServeError> {
    fs::set_permissions(socket, Permissions::from_mode(SOCKET_MODE)).map_err(|source| {
        ServeError::Socket {
            path: socket.to_path_buf(),
            source,
        }
    })?;
    if let Ok(meta) = fs::metadata(dir) {
        let ours = meta.uid() == rustix::process::geteuid().as_raw();
        let mode = (meta.mode() & 0o7000) | DIR_MODE;
        let change = ours && meta.mode() & 0o7777 != mode;
        if change && let Err(e) = fs::set_permissions(dir, Permissions::from_mode(mode)) {
            tracing::warn!("cannot make the data dir group-only: {e}");
        }
    }
    Ok(())
}
