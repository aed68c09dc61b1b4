//! Why a server could not start. Each text is one line for the user (or the service log).

use std::io;
use std::path::PathBuf;

use crate::store::StoreError;

/// A server that could not start (nothing is left behind but what was there before), or
/// that had to stop (`StoreFailed`).
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The data dir could not be created or read.
    #[error("cannot use data dir {}: {source}", dir.display())]
    DataDir { dir: PathBuf, source: io::Error },
    /// Another server owns this data dir (it holds the store or answers on the socket).
    #[error("a mentas server is already running for {}", .0.display())]
    AlreadyRunning(PathBuf),
    /// The store's files are damaged: it is refused, not served.
    #[error("the store in {dir} is damaged ({why}); restore the last backup: mentas restore FILE --data {dir}", dir = dir.display())]
    Damaged { dir: PathBuf, why: String },
    /// The store could not be opened.
    #[error("cannot open the store in {}: {source}", dir.display())]
    Store { dir: PathBuf, source: StoreError },
    /// `--demo` was asked for on a dir holding real data.
    #[error("{} holds data that is not a demo store; choose an empty dir for --demo", .0.display())]
    NotDemo(PathBuf),
    /// The demo data could not be loaded.
    #[error("cannot load demo data: {0}")]
    Demo(String),
    /// The socket could not be set up.
    #[error("cannot listen on {}: {source}", path.display())]
    Socket { path: PathBuf, source: io::Error },
    /// The system would not start another thread.
    #[error("cannot start the server's threads: {0}")]
    Thread(io::Error),
    /// A write to the store failed (disk full, I/O error) while serving. sled keeps
    /// the refused change in memory, so the server stopped rather than show it; started
    /// again, it serves what is on disk.
    #[error("stopped: the store could not write ({0}); check the disk space, then start again")]
    StoreFailed(String),
}
