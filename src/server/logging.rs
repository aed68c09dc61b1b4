//! The server's log: daily files in `DATA/logs/`, never the terminal. The subscriber is
//! scoped to the server's own threads (not installed globally), so several servers in one
//! test process each log to their own dir.
//!
//! What is logged: user names, request kinds, refusal kinds, connection events. Never a
//! field value: no names of residents, no NIK, no health notes.

use std::io;
use std::path::Path;
use std::thread::{self, JoinHandle};

use tracing::Dispatch;
use tracing_appender::rolling::{Builder, Rotation};

use super::paths::log_dir;

/// How many daily files are kept.
const KEEP_DAYS: usize = 14;

/// A log writing to `DATA/logs/PREFIX.DATE.log` (`server` or `tui`); a dir that cannot
/// hold logs gets none.
pub fn dispatch(dir: &Path, prefix: &str) -> Dispatch {
    // The appender complains on stderr about a log dir that does not exist yet.
    if std::fs::create_dir_all(log_dir(dir)).is_err() {
        return Dispatch::none();
    }
    let appender = Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix(prefix)
        .filename_suffix("log")
        .max_log_files(KEEP_DAYS)
        .build(log_dir(dir));
    match appender {
        Ok(appender) => Dispatch::new(
            tracing_subscriber::fmt()
                .with_writer(appender)
                .with_ansi(false)
                .with_max_level(tracing::Level::INFO)
                .finish(),
        ),
        Err(_) => Dispatch::none(),
    }
}

/// Spawns a named thread that logs through `log`. Fails only when the system cannot
/// make another thread.
pub(super) fn spawn<T, F>(name: &str, log: &Dispatch, f: F) -> io::Result<JoinHandle<T>>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let log = log.clone();
    thread::Builder::new()
        .name(name.into())
        .spawn(move || tracing::dispatcher::with_default(&log, f))
}
