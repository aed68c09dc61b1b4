//! Where a server keeps its files in the data dir: the socket, the start lock clients
//! take, the pid file, the demo marker, the last start failure and the logs.

use std::path::{Path, PathBuf};

/// The Unix socket clients connect to.
pub fn socket_path(dir: &Path) -> PathBuf {
    dir.join("mentas.sock")
}

/// The lock clients take before starting a server, so that clients starting at the same
/// moment start one server between them.
pub fn start_lock_path(dir: &Path) -> PathBuf {
    dir.join("start.lock")
}

/// Holds the running server's process id while it serves.
pub fn pid_path(dir: &Path) -> PathBuf {
    dir.join("server.pid")
}

/// Marks a data dir as fictional demo data, so a demo never touches a real store and only
/// a demo dir is ever removed on exit. Same name as the TUI's own marker.
pub fn demo_marker_path(dir: &Path) -> PathBuf {
    dir.join("DEMO")
}

/// The server's rotated log files.
pub fn log_dir(dir: &Path) -> PathBuf {
    dir.join("logs")
}

/// Why the last server could not start, one line: written when a start fails, removed
/// when one succeeds. A client whose server exited at start shows it.
pub fn start_error_path(dir: &Path) -> PathBuf {
    dir.join("server.err")
}
