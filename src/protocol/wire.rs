//! The messages on the socket. The first variants of each enum (the handshake) never change
//! shape, so a client and server of different versions can always tell each other so.

use serde::{Deserialize, Serialize};

use super::{Notice, Reply, Request};
use crate::domain::Refusal;

/// From a client to the server.
// A message is built, sent and dropped at once; boxing the large request would only add
// an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ClientMsg {
    /// First message of every connection. Stable forever.
    Hello { version: u32 },
    /// Asks an auto-started server to exit (after a version mismatch, to be replaced by
    /// the newer binary). Stable forever. A service-managed server refuses.
    Shutdown,
    /// A request; the reply carries the same id.
    Call { id: u64, request: Request },
}

/// From the server to a client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ServerMsg {
    /// The handshake succeeded. Stable forever.
    Welcome { version: u32, auto_started: bool },
    /// The client speaks another protocol version; the connection is closed after this.
    /// Stable forever.
    Mismatch {
        server_version: u32,
        auto_started: bool,
    },
    /// The answer to `Call { id, .. }`.
    Result {
        id: u64,
        result: Result<Reply, Refusal>,
    },
    /// Something changed; sent to every connected client.
    Notice(Notice),
}
