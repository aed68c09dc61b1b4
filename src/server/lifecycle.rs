//! When the server stops: on a signal, when an auto-started server is asked to, or when no
//! client has been connected for the idle time. One thread counts clients coming and going
//! and sleeps on a channel in between: an idle server uses no CPU.

use std::io;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::{Handle, Signals};
use tracing::Dispatch;

use super::logging;

/// What the lifecycle thread hears about.
#[derive(Debug)]
pub(super) enum Event {
    /// A connection was accepted.
    Joined,
    /// A connection ended.
    Left,
    Stop(StopReason),
}

/// Why the server stops.
#[derive(Debug, Clone, Copy)]
pub(super) enum StopReason {
    /// No client for the idle time.
    Idle,
    /// SIGTERM, SIGINT or SIGHUP.
    Signal(i32),
    /// A client sent `Shutdown` to this auto-started server.
    Asked,
    /// The accept loop ended by itself (the listening socket failed).
    Finished,
    /// The store failed to write: what it holds in memory is not all on disk.
    StoreFailed,
}

/// Counts connections and calls `stop` once, when the server should stop. Returns when it
/// has, or when every sender is gone.
pub(super) fn watch(
    events: Receiver<Event>,
    idle_exit: Option<Duration>,
    stop: impl FnOnce(StopReason),
) {
    let mut live = 0usize;
    let mut idle_since = Instant::now();
    loop {
        let event = match idle_exit {
            Some(limit) if live == 0 => {
                let left = limit.saturating_sub(idle_since.elapsed());
                match events.recv_timeout(left) {
                    Ok(event) => event,
                    Err(RecvTimeoutError::Timeout) => Event::Stop(StopReason::Idle),
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            _ => match events.recv() {
                Ok(event) => event,
                Err(_) => return,
            },
        };
        match event {
            Event::Joined => live += 1,
            Event::Left => {
                live = live.saturating_sub(1);
                if live == 0 {
                    idle_since = Instant::now();
                }
            }
            Event::Stop(reason) => {
                stop(reason);
                return;
            }
        }
    }
}

/// Ends the accept loop: raises the flag it checks, then wakes it with a connection.
pub(super) struct Waker {
    pub stopping: Arc<AtomicBool>,
    pub socket: PathBuf,
    pub listener: UnixListener,
}

impl Waker {
    pub fn wake(self, reason: StopReason) {
        match reason {
            StopReason::Signal(signal) => tracing::info!(signal, "stopping on a signal"),
            StopReason::Idle => tracing::info!("stopping: no client for the idle time"),
            StopReason::Asked => tracing::info!("stopping: asked by a client"),
            StopReason::Finished => tracing::info!("stopping"),
            StopReason::StoreFailed => {
                tracing::error!("stopping: the store failed to write; a restart reads it from disk")
            }
        }
        self.stopping.store(true, Ordering::SeqCst);
        if UnixStream::connect(&self.socket).is_err() {
            // The socket file is gone (removed by hand): wake `accept` by shutting the
            // listening socket down instead, which Linux reports to it as an error.
            let _ = rustix::net::shutdown(&self.listener, rustix::net::Shutdown::Read);
        }
    }
}

/// Turns SIGTERM, SIGINT and SIGHUP into a clean stop.
pub(super) struct SignalWatch {
    handle: Handle,
    thread: JoinHandle<()>,
}

impl SignalWatch {
    pub fn start(events: Sender<Event>, log: &Dispatch) -> io::Result<SignalWatch> {
        let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP])?;
        let handle = signals.handle();
        let thread = logging::spawn("mentas-signals", log, move || {
            for signal in signals.forever() {
                let _ = events.send(Event::Stop(StopReason::Signal(signal)));
            }
        })?;
        Ok(SignalWatch { handle, thread })
    }

    pub fn stop(self) {
        self.handle.close();
        let _ = self.thread.join();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::thread;

    use super::*;

    /// Runs `watch` in a thread; the result says why it stopped, `None` if it returned
    /// without stopping.
    fn watching(idle: Option<Duration>) -> (Sender<Event>, JoinHandle<Option<StopReason>>) {
        let (tx, rx) = mpsc::channel();
        let handle = thread::spawn(move || {
            let mut why = None;
            watch(rx, idle, |r| why = Some(r));
            why
        });
        (tx, handle)
    }

    #[test]
    fn an_unused_server_stops_after_the_idle_time() {
        let start = Instant::now();
        let (_tx, handle) = watching(Some(Duration::from_millis(50)));
        assert!(matches!(handle.join().unwrap(), Some(StopReason::Idle)));
        assert!(start.elapsed() >= Duration::from_millis(50));
    }

    #[test]
    fn the_idle_time_counts_from_the_last_client_leaving() {
        let (tx, handle) = watching(Some(Duration::from_millis(100)));
        tx.send(Event::Joined).unwrap();
        tx.send(Event::Joined).unwrap();
        thread::sleep(Duration::from_millis(150));
        tx.send(Event::Left).unwrap();
        thread::sleep(Duration::from_millis(150));
        assert!(!handle.is_finished(), "one client is still connected");
        let left = Instant::now();
        tx.send(Event::Left).unwrap();
        assert!(matches!(handle.join().unwrap(), Some(StopReason::Idle)));
        assert!(left.elapsed() >= Duration::from_millis(100));
    }

    #[test]
    fn without_an_idle_time_only_a_stop_ends_it() {
        let (tx, handle) = watching(None);
        tx.send(Event::Joined).unwrap();
        tx.send(Event::Left).unwrap();
        thread::sleep(Duration::from_millis(50));
        assert!(!handle.is_finished());
        tx.send(Event::Stop(StopReason::Asked)).unwrap();
        assert!(matches!(handle.join().unwrap(), Some(StopReason::Asked)));
    }
}
