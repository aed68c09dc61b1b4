//! The connection to `mentas serve` over its Unix socket: requests with ids, replies
//! matched to their callers, notices passed on, and a reconnect loop when the server goes
//! away (the user's unsaved input stays in the UI; calls fail with `Lost` meanwhile).

use std::collections::HashMap;
use std::io::{self, BufReader};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, AtomicU32, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use super::autostart::{StartError, StartSpec, connect_or_start};
use super::{CallError, ConnEvent, Connection, EventSink};
use crate::domain::Refusal;
use crate::protocol::frame::{FrameError, read_frame, write_frame};
use crate::protocol::wire::{ClientMsg, ServerMsg};
use crate::protocol::{PROTOCOL_VERSION, Reply, Request};
use crate::ui::text::{Lang, Msg};

/// How long a call waits for its reply before giving up; the UI is frozen meanwhile.
/// A write waits behind a running backup (which holds the store for reading); how long
/// a backup of a large store takes is still to be measured against this.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a backup or a check of the whole store may take (a large store, a slow disk).
const WHOLE_STORE_TIMEOUT: Duration = Duration::from_secs(30 * 60);
/// How often a lost connection tries to come back.
const RETRY_EVERY: Duration = Duration::from_secs(1);
/// After how long without a service (a server this connection may not start) the UI is
/// told it is probably stopped.
pub const SERVICE_DOWN_AFTER: Duration = Duration::from_secs(10);

/// Why connecting failed.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("{0}")]
    Start(#[from] StartError),
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The server speaks another protocol version.
    #[error(
        "the running mentas server is another version (protocol {server_version}, this mentas speaks {PROTOCOL_VERSION})"
    )]
    Mismatch {
        server_version: u32,
        auto_started: bool,
    },
    #[error("the server did not answer the handshake")]
    Handshake,
}

type Pending = HashMap<u64, Sender<Result<Reply, Refusal>>>;

/// State shared by callers and the reader thread.
struct Shared {
    dir: PathBuf,
    /// How to start a server if none is running; `None` for a service-managed server,
    /// which is never started by a client.
    start: Option<StartSpec>,
    link: Mutex<Link>,
    sink: Mutex<Option<EventSink>>,
    /// The language of the texts a lost call or connection is described in (`Lang` as
    /// 0 = Indonesian, 1 = English).
    lang: AtomicU8,
    /// The protocol version of a server of another version found while reconnecting; 0
    /// if none.
    other_version: AtomicU32,
}

impl Shared {
    fn lang(&self) -> Lang {
        match self.lang.load(Ordering::Relaxed) {
            1 => Lang::En,
            _ => Lang::Id,
        }
    }
}

struct Link {
    /// The write half; `None` while disconnected.
    writer: Option<UnixStream>,
    next_id: u64,
    pending: Pending,
}

/// A connection to the server of one data dir.
pub struct SocketConnection {
    shared: Arc<Shared>,
}

/// Why connecting to the socket of `dir` failed, when no server may be started: refused
/// by the socket's (or the data dir's) permissions is said as such, since a server may
/// well be running, just not for this user; anything else (no socket, nobody listening)
/// is kept as it is.
pub fn connect_failure(dir: &std::path::Path, e: io::Error) -> ConnectError {
    match e.kind() {
        io::ErrorKind::PermissionDenied => ConnectError::Start(StartError::PermissionDenied {
            dir: dir.to_path_buf(),
        }),
        _ => ConnectError::Io(e),
    }
}

/// Connects (starting the server if allowed) and shakes hands.
fn open(
    dir: &std::path::Path,
    start: Option<&StartSpec>,
) -> Result<(UnixStream, bool), ConnectError> {
    let mut stream = match start {
        Some(spec) => connect_or_start(dir, spec)?,
        None => UnixStream::connect(crate::server::socket_path(dir))
            .map_err(|e| connect_failure(dir, e))?,
    };
    write_frame(
        &mut stream,
        &ClientMsg::Hello {
            version: PROTOCOL_VERSION,
        },
    )?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let answer = read_frame::<_, ServerMsg>(&mut stream).map_err(|_| ConnectError::Handshake)?;
    stream.set_read_timeout(None)?;
    match answer {
        ServerMsg::Welcome { auto_started, .. } => Ok((stream, auto_started)),
        ServerMsg::Mismatch {
            server_version,
            auto_started,
        } => Err(ConnectError::Mismatch {
            server_version,
            auto_started,
        }),
        _ => Err(ConnectError::Handshake),
    }
}

impl SocketConnection {
    /// Connects to the server of `dir`, starting it with `start` if none runs (`None`:
    /// never start one). A server that was not auto-started is a service: later
    /// reconnects never start one either.
    pub fn connect(
        dir: PathBuf,
        start: Option<StartSpec>,
    ) -> Result<SocketConnection, ConnectError> {
        let (stream, auto_started) = open(&dir, start.as_ref())?;
        let shared = Arc::new(Shared {
            dir,
            start: start.filter(|_| auto_started),
            link: Mutex::new(Link {
                writer: None,
                next_id: 1,
                pending: HashMap::new(),
            }),
            sink: Mutex::new(None),
            lang: AtomicU8::new(0),
            other_version: AtomicU32::new(0),
        });
        attach(&shared, stream)?;
        Ok(SocketConnection { shared })
    }

    /// Says lost calls and connections in `lang` (Indonesian until told).
    pub fn set_lang(&mut self, lang: Lang) {
        let code = u8::from(lang == Lang::En);
        self.shared.lang.store(code, Ordering::Relaxed);
    }

    /// Asks an auto-started server of another version to exit, so a newer one can start.
    pub fn ask_to_shut_down(dir: &std::path::Path) -> io::Result<()> {
        let mut stream = UnixStream::connect(crate::server::socket_path(dir))?;
        write_frame(&mut stream, &ClientMsg::Shutdown).map(drop)
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves plain data behind; keep using it.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn emit(shared: &Shared, event: ConnEvent) {
    if let Some(sink) = lock(&shared.sink).as_ref() {
        sink(event);
    }
}

/// Makes `stream` the live link and starts its reader thread.
fn attach(shared: &Arc<Shared>, stream: UnixStream) -> io::Result<()> {
    let reader = stream.try_clone()?;
    lock(&shared.link).writer = Some(stream);
    let shared = Arc::clone(shared);
    thread::Builder::new()
        .name("server-reader".into())
        .spawn(move || read_loop(shared, reader))?;
    Ok(())
}

fn read_loop(shared: Arc<Shared>, stream: UnixStream) {
    let mut reader = BufReader::new(stream);
    let why = loop {
        match read_frame::<_, ServerMsg>(&mut reader) {
            Ok(ServerMsg::Result { id, result }) => {
                if let Some(waiter) = lock(&shared.link).pending.remove(&id) {
                    let _ = waiter.send(result);
                }
            }
            Ok(ServerMsg::Notice(notice)) => emit(&shared, ConnEvent::Notice(notice)),
            Ok(_) => {}
            Err(FrameError::Closed) => break shared.lang().t(Msg::LostClosed).to_string(),
            Err(e) => break e.to_string(),
        }
    };
    {
        let mut link = lock(&shared.link);
        link.writer = None;
        // Dropping the senders wakes every waiting caller with "lost".
        link.pending.clear();
    }
    emit(&shared, ConnEvent::Lost(why));
    reconnect(shared);
}

/// Tries again every second until the server is back, then says so. A service (never
/// started by this connection) still away after `SERVICE_DOWN_AFTER` is said to be
/// stopped, once.
fn reconnect(shared: Arc<Shared>) {
    let mut told_mismatch = false;
    let mut told_down = false;
    let lost_at = Instant::now();
    loop {
        thread::sleep(RETRY_EVERY);
        // Nobody is listening any more (the UI has quit): stop.
        if Arc::strong_count(&shared) == 1 {
            return;
        }
        match open(&shared.dir, shared.start.as_ref()) {
            Ok((stream, _)) => {
                if attach(&shared, stream).is_ok() {
                    emit(&shared, ConnEvent::Restored);
                    return;
                }
            }
            Err(ConnectError::Mismatch {
                auto_started,
                server_version,
            }) => {
                shared
                    .other_version
                    .store(server_version, Ordering::Relaxed);
                if !told_mismatch {
                    told_mismatch = true;
                    emit(&shared, ConnEvent::Mismatch { auto_started });
                }
            }
            Err(ConnectError::Io(_) | ConnectError::Start(_))
                if shared.start.is_none()
                    && !told_down
                    && lost_at.elapsed() >= SERVICE_DOWN_AFTER =>
            {
                told_down = true;
                emit(&shared, ConnEvent::ServiceDown);
            }
            Err(_) => {}
        }
    }
}

impl Connection for SocketConnection {
    fn call(&mut self, request: Request) -> Result<Reply, CallError> {
        let timeout = match request {
            Request::Backup { .. } | Request::Check => WHOLE_STORE_TIMEOUT,
            _ => CALL_TIMEOUT,
        };
        let lang = self.shared.lang();
        // Without an answer, a change may or may not have been made: say so.
        let unsure = crate::service::writes(&request);
        let waiter: Receiver<Result<Reply, Refusal>> = {
            let mut link = lock(&self.shared.link);
            let id = link.next_id;
            link.next_id += 1;
            let (tx, rx) = mpsc::channel();
            let Some(writer) = link.writer.as_mut() else {
                return Err(CallError::Lost(lang.t(Msg::LostReconnecting).into()));
            };
            if let Err(e) = write_frame(&mut *writer, &ClientMsg::Call { id, request }) {
                // The reader thread notices the broken link and reconnects.
                let _ = writer.shutdown(std::net::Shutdown::Both);
                return Err(CallError::Lost(e.to_string()));
            }
            link.pending.insert(id, tx);
            rx
        };
        let lost = |sure: Msg, unsure_msg: Msg| {
            let msg = if unsure { unsure_msg } else { sure };
            Err(CallError::Lost(lang.t(msg).into()))
        };
        match waiter.recv_timeout(timeout) {
            Ok(Ok(reply)) => Ok(reply),
            Ok(Err(refusal)) => Err(CallError::Refused(refusal)),
            Err(RecvTimeoutError::Timeout) => lost(Msg::LostNoAnswer, Msg::LostNoAnswerWrite),
            Err(RecvTimeoutError::Disconnected) => lost(Msg::LostGone, Msg::LostGoneWrite),
        }
    }

    fn subscribe(&mut self, sink: EventSink) {
        *lock(&self.shared.sink) = Some(sink);
    }

    fn server_version(&self) -> Option<u32> {
        match self.shared.other_version.load(Ordering::Relaxed) {
            0 => None,
            v => Some(v),
        }
    }

    fn restart_server(&mut self) -> bool {
        // Only an auto-started server keeps a start spec, and only it exits when asked;
        // the reconnect loop then starts one of this version.
        self.shared.start.is_some() && SocketConnection::ask_to_shut_down(&self.shared.dir).is_ok()
    }
}

impl Drop for SocketConnection {
    fn drop(&mut self) {
        if let Some(w) = lock(&self.shared.link).writer.take() {
            let _ = w.shutdown(std::net::Shutdown::Both);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_socket_closed_to_the_user_is_permission_denied_not_a_stopped_server() {
        let dir = std::path::Path::new("/var/lib/mentas");
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        match connect_failure(dir, denied) {
            ConnectError::Start(e @ StartError::PermissionDenied { .. }) => {
                let text = e.to_string();
                assert!(text.starts_with("permission denied"), "{text}");
                assert!(text.contains("/var/lib/mentas"), "{text}");
                assert!(text.contains("administrator"), "{text}");
            }
            other => panic!("expected PermissionDenied, got {other:?}"),
        }
        // Nobody listening stays an I/O error: the caller says the server is not running.
        let refused = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert!(matches!(
            connect_failure(dir, refused),
            ConnectError::Io(e) if e.kind() == io::ErrorKind::ConnectionRefused
        ));
    }
}
