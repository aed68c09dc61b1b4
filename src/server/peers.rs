//! The connected clients: each one's outgoing queue, and the notice broadcast. A client
//! that stops reading never holds up the others: its queue fills, and it is disconnected.

use std::collections::HashMap;
use std::net::Shutdown;
use std::os::unix::net::UnixStream;
use std::sync::mpsc::{SyncSender, TrySendError};
use std::sync::{Mutex, MutexGuard};

use crate::protocol::Notice;
use crate::protocol::wire::ServerMsg;

/// Messages waiting for one client before it counts as stuck.
pub(super) const QUEUE: usize = 1024;

struct Peer {
    /// Feeds the client's writer thread.
    queue: SyncSender<ServerMsg>,
    /// Kept to cut the connection (a stuck client, or the server stopping).
    stream: UnixStream,
    /// Past the handshake: gets notices. Holds the peer's user name.
    listening: Option<String>,
}

/// Every open connection, by connection number.
#[derive(Default)]
pub(super) struct Peers {
    table: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    open: HashMap<u64, Peer>,
    /// The server is stopping: no more connections.
    closed: bool,
}

impl Peers {
    /// The table. A panic elsewhere cannot leave it half-changed (each change is one map
    /// operation), so poisoning is ignored.
    fn table(&self) -> MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a connection; `false` (and the connection cut) if the server is stopping.
    pub fn add(&self, conn: u64, queue: SyncSender<ServerMsg>, stream: UnixStream) -> bool {
        let mut table = self.table();
        if table.closed {
            let _ = stream.shutdown(Shutdown::Both);
            return false;
        }
        let peer = Peer {
            queue,
            stream,
            listening: None,
        };
        table.open.insert(conn, peer);
        true
    }

    /// From now on `conn`, the OS user `username`, gets notices.
    pub fn listen(&self, conn: u64, username: &str) {
        if let Some(peer) = self.table().open.get_mut(&conn) {
            peer.listening = Some(username.to_string());
        }
    }

    /// The user names connected past the handshake, sorted, each once.
    pub fn online(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .table()
            .open
            .values()
            .filter_map(|p| p.listening.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    pub fn remove(&self, conn: u64) {
        self.table().open.remove(&conn);
    }

    /// Queues `notice` for every listening client but `from`. A client whose queue is
    /// full is cut off; it reloads everything when it reconnects.
    pub fn broadcast(&self, from: u64, notice: &Notice) {
        for (conn, peer) in self.table().open.iter() {
            if *conn == from || peer.listening.is_none() {
                continue;
            }
            match peer.queue.try_send(ServerMsg::Notice(notice.clone())) {
                Ok(()) | Err(TrySendError::Disconnected(_)) => {}
                Err(TrySendError::Full(_)) => {
                    tracing::warn!(conn, "client is not reading; disconnecting it");
                    let _ = peer.stream.shutdown(Shutdown::Both);
                }
            }
        }
    }

    /// Cuts every connection and refuses new ones: the server is stopping.
    pub fn close_all(&self) {
        let mut table = self.table();
        table.closed = true;
        for peer in table.open.values() {
            let _ = peer.stream.shutdown(Shutdown::Both);
        }
    }
}
