//! One client connection: the handshake, then requests run through the service one after
//! another, each answered with its id; a change is announced to every other client. Only
//! the server's own user or a head may ask it to exit. A
//! writer thread per connection sends replies and notices, so a slow client holds up no
//! one else. A partial, oversized or undecodable frame ends the connection; nothing of it
//! is applied.

use std::io::BufReader;
use std::net::Shutdown;
use std::os::unix::net::UnixStream;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::time::Duration;

use super::identity::{own_username, peer_uid};
use super::lifecycle::{Event, StopReason};
use super::peers::QUEUE;
use super::{Shared, log_names, logging};
use crate::domain::{Refusal, Role};
use crate::protocol::Reply;
use crate::protocol::frame::{FrameError, read_frame, write_frame};
use crate::protocol::wire::{ClientMsg, ServerMsg};
use crate::protocol::{PROTOCOL_VERSION, Request};

/// How long a new connection has to say `Hello`.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one write to a client may block before the client counts as gone.
const WRITE_TIMEOUT: Duration = Duration::from_secs(60);

/// How a connection ended, for the log.
#[derive(Debug)]
enum End {
    /// The client spoke another protocol version.
    Mismatch(u32),
    /// The first message was not `Hello`.
    NoHello,
    /// The client asked this auto-started server to exit.
    Shutdown,
    /// A service-managed server does not exit on a client's word, nor any server on the
    /// word of someone who is neither its own user nor a head.
    ShutdownRefused,
    /// The connection's writer is gone (the client stopped reading or went away).
    WriterGone,
    /// A write to the store failed: the client has its refusal, and the server stops.
    StoreFailed,
    Frame(FrameError),
}

/// Leaves the peer table and reports the connection gone, however the thread ends
/// (a panic included), so the idle count stays right.
struct Leave<'a> {
    shared: &'a Shared,
    conn: u64,
}

impl Drop for Leave<'_> {
    fn drop(&mut self) {
        self.shared.peers.remove(self.conn);
        let _ = self.shared.events.send(Event::Left);
    }
}

/// Serves connection number `conn` until it ends. The accept loop has already counted it
/// as joined.
pub(super) fn run(shared: Arc<Shared>, stream: UnixStream, conn: u64) {
    let leave = Leave {
        shared: &shared,
        conn,
    };
    let uid = match peer_uid(&stream) {
        Ok(uid) => uid,
        Err(e) => {
            tracing::warn!(conn, "cannot tell who connected ({e}); closing");
            return;
        }
    };
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let (Ok(write_half), Ok(cut_half)) = (stream.try_clone(), stream.try_clone()) else {
        tracing::warn!(conn, "cannot set up the connection; closing");
        return;
    };
    let (queue, outgoing) = sync_channel(QUEUE);
    let writer = match logging::spawn("mentas-writer", &shared.log, move || {
        write_loop(write_half, outgoing)
    }) {
        Ok(writer) => writer,
        Err(e) => {
            tracing::warn!(conn, "cannot start a writer ({e}); closing");
            return;
        }
    };
    if !shared.peers.add(conn, queue.clone(), cut_half) {
        // The server is stopping.
        drop(queue);
        let _ = writer.join();
        return;
    }
    let mut session = Session {
        shared: &shared,
        conn,
        uid,
        username: None,
        queue,
    };
    let end = session.talk(&stream);
    let greeted = session.username.is_some();
    match &end {
        // A client checking whether a server is there.
        End::Frame(FrameError::Closed) if !greeted => tracing::debug!(conn, "closed unused"),
        End::Frame(FrameError::Closed) => tracing::info!(conn, "disconnected"),
        End::Frame(FrameError::Io(e)) => tracing::info!(conn, "connection lost: {e}"),
        End::Frame(e) => tracing::warn!(conn, "dropped a bad message and closed: {e}"),
        End::Mismatch(version) => tracing::info!(conn, version, "closed: other protocol version"),
        other => tracing::info!(conn, "closed: {other:?}"),
    }
    drop(leave);
    drop(session);
    // The writer sends what is queued (a `Mismatch`, say) and ends with the queue.
    let _ = writer.join();
    let _ = stream.shutdown(Shutdown::Both);
    // Only now, with the refusal sent: stopping cuts every connection.
    if matches!(end, End::StoreFailed) {
        let _ = shared.events.send(Event::Stop(StopReason::StoreFailed));
    }
}

struct Session<'a> {
    shared: &'a Shared,
    conn: u64,
    /// The peer's uid, from the socket.
    uid: u32,
    /// Who the peer is, known from the handshake on.
    username: Option<String>,
    queue: SyncSender<ServerMsg>,
}

impl Session<'_> {
    /// The peer's user name; requests only come after the handshake, which sets it.
    fn user(&self) -> &str {
        self.username.as_deref().unwrap_or("(no handshake yet)")
    }

    fn talk(&mut self, stream: &UnixStream) -> End {
        let _ = stream.set_read_timeout(Some(HANDSHAKE_TIMEOUT));
        let mut reader = BufReader::new(stream);
        match read_frame(&mut reader) {
            Ok(ClientMsg::Hello { version }) => {
                if let Some(end) = self.hello(version) {
                    return end;
                }
            }
            Ok(ClientMsg::Shutdown) => return self.shutdown(),
            Ok(ClientMsg::Call { .. }) => return End::NoHello,
            Err(e) => return End::Frame(e),
        }
        let _ = stream.set_read_timeout(None);
        self.shared.peers.listen(self.conn, self.user());
        loop {
            let end = match read_frame(&mut reader) {
                Ok(ClientMsg::Call { id, request }) => self.call(id, request),
                Ok(ClientMsg::Hello { version }) => self.hello(version),
                Ok(ClientMsg::Shutdown) => Some(self.shutdown()),
                Err(e) => Some(End::Frame(e)),
            };
            if let Some(end) = end {
                return end;
            }
        }
    }

    /// Answers `Welcome`, or `Mismatch` and ends the connection. The first `Welcome`
    /// settles who the peer is.
    fn hello(&mut self, version: u32) -> Option<End> {
        let auto_started = self.shared.auto_started;
        if version == PROTOCOL_VERSION {
            if self.username.is_none() {
                let nth = self.shared.hellos.fetch_add(1, Ordering::SeqCst);
                let username = self.shared.identity.username(self.uid, nth);
                tracing::info!(conn = self.conn, user = %username, "connected");
                self.username = Some(username);
            }
            let welcome = ServerMsg::Welcome {
                version,
                auto_started,
            };
            return self.send(welcome);
        }
        let mismatch = ServerMsg::Mismatch {
            server_version: PROTOCOL_VERSION,
            auto_started,
        };
        Some(self.send(mismatch).unwrap_or(End::Mismatch(version)))
    }

    /// Whether this peer may stop the server: the server's own OS user (the one who
    /// started it), or a head. Before the handshake the peer's name comes from its uid
    /// alone, so anyone who can reach the socket cannot stop the server for everyone.
    fn may_stop(&self) -> bool {
        let name = match &self.username {
            Some(name) => name.clone(),
            None => {
                let nth = self.shared.hellos.load(Ordering::SeqCst);
                self.shared.identity.username(self.uid, nth)
            }
        };
        if name == own_username() {
            return true;
        }
        matches!(
            self.shared.service.dispatch(&name, Request::Hello),
            Ok(Reply::Hello(info)) if info.me.as_ref().is_some_and(|me| me.active && me.role == Role::Head)
        )
    }

    fn shutdown(&self) -> End {
        if !self.may_stop() {
            tracing::info!(
                conn = self.conn,
                uid = self.uid,
                "refused a request to exit"
            );
            End::ShutdownRefused
        } else if self.shared.auto_started {
            tracing::info!(conn = self.conn, uid = self.uid, "asked to exit");
            let _ = self.shared.events.send(Event::Stop(StopReason::Asked));
            End::Shutdown
        } else {
            End::ShutdownRefused
        }
    }

    /// Runs one request and queues its answer; a change goes out to the other clients.
    /// Once a write to the store has failed, the service refuses every request unread and
    /// the connection ends, which stops the server.
    fn call(&self, id: u64, request: Request) -> Option<End> {
        let kind = log_names::request(&request);
        let service = &self.shared.service;
        let peers = &self.shared.peers;
        let result = catch_unwind(AssertUnwindSafe(|| match request {
            // Who is connected is the server's to know, not the store's.
            Request::Online => match service.dispatch(self.user(), Request::Hello) {
                Ok(Reply::Hello(info)) if info.me.is_some() => {
                    Ok(Reply::Online(service.display_names(&peers.online())))
                }
                Ok(_) => Err(Refusal::NoAccount(self.user().to_string())),
                Err(e) => Err(e),
            },
            request => service.dispatch(self.user(), request),
        }))
        .unwrap_or_else(|_| {
            tracing::error!(conn = self.conn, kind, "request failed with a panic");
            Err(Refusal::Storage(
                "internal error; see the server log".into(),
            ))
        });
        let changes = match &result {
            Ok(reply) => {
                let changes = reply.changes();
                if !changes.is_empty() {
                    tracing::info!(conn = self.conn, user = self.user(), kind, "saved");
                } else {
                    tracing::debug!(conn = self.conn, user = self.user(), kind, "answered");
                }
                changes
            }
            Err(refusal) => {
                let why = log_names::refusal(refusal);
                tracing::info!(conn = self.conn, user = self.user(), kind, why, "refused");
                if let Refusal::Storage(text) = refusal {
                    tracing::error!(conn = self.conn, kind, "storage: {text}");
                }
                Vec::new()
            }
        };
        let failed = matches!(result, Err(Refusal::Storage(_))) && service.failed().is_some();
        let end = self.send(ServerMsg::Result { id, result });
        for notice in &changes {
            self.shared.peers.broadcast(self.conn, notice);
        }
        if failed {
            tracing::error!(
                conn = self.conn,
                kind,
                "the store failed to write; stopping"
            );
            return Some(End::StoreFailed);
        }
        end
    }

    /// Queues `msg` for this client; `WriterGone` if nobody will write it.
    fn send(&self, msg: ServerMsg) -> Option<End> {
        self.queue.send(msg).err().map(|_| End::WriterGone)
    }
}

/// A reply this large (a roster, a roll call or Hari ini of thousands) is followed by giving the
/// freed memory back.
const LARGE_FRAME: usize = 64 * 1024;

/// Writes queued messages until the queue closes or a write fails.
fn write_loop(stream: UnixStream, outgoing: Receiver<ServerMsg>) {
    for msg in outgoing {
        match write_frame(&stream, &msg) {
            Ok(len) if len >= LARGE_FRAME => {
                drop(msg);
                crate::allocator::return_free_memory();
            }
            Ok(_) => {}
            Err(e) => {
                tracing::debug!("write failed: {e}");
                // Wakes the reader too, so the connection ends.
                let _ = stream.shutdown(Shutdown::Both);
                break;
            }
        }
    }
}
