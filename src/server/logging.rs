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
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::FormatTime;

use super::paths::log_dir;

/// How many daily files are kept.
const KEEP_DAYS: usize = 14;

/// Log times in WIB, as every screen shows them, with the offset written:
/// `2026-11-28T17:42:08.123+07:00`.
struct Wib;

impl FormatTime for Wib {
    fn format_time(&self, w: &mut Writer<'_>) -> std::fmt::Result {
        let now = chrono::Utc::now().with_timezone(&crate::domain::dates::wib());
        write!(w, "{}", now.format("%Y-%m-%dT%H:%M:%S%.3f%:z"))
    }
}

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
                .with_timer(Wib)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_lines_are_stamped_in_wib_with_the_offset() {
        let dir = tempfile::tempdir().unwrap();
        let log = dispatch(dir.path(), "server");
        tracing::dispatcher::with_default(&log, || tracing::info!("hello"));
        drop(log);
        let files: Vec<_> = std::fs::read_dir(log_dir(dir.path())).unwrap().collect();
        let text = std::fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
        let stamp = text.split_whitespace().next().unwrap();
        assert!(stamp.ends_with("+07:00"), "{text}");
        let at = chrono::DateTime::parse_from_rfc3339(stamp).unwrap();
        let off = (at.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_seconds();
        assert!(off.abs() < 60, "{stamp} is now");
    }
}
