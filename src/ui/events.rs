//! The threads that feed the main loop's one channel: terminal input, the terminal hanging
//! up, signals (SIGTERM, SIGHUP, and SIGINT sent from outside: raw mode makes Ctrl-C a key)
//! and the minute changing. Nothing here draws; nothing here waits on a timer to draw.
//!
//! A hangup (SSH drop) is noticed by a thread of its own that only waits for the terminal
//! to go away: crossterm's reader loops forever without sleeping on a terminal that has
//! hung up, so the input thread cannot be trusted to report it. Whichever thread hears of
//! the end first sends `Stop`; the main loop then exits without waiting for the others.
//! If the main loop is held up (a long call to the server), the process ends anyway after
//! a short grace.

use std::io::{self, IsTerminal};
use std::os::fd::OwnedFd;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use chrono::Timelike;
use ratatui::crossterm::event::{self, Event};
use rustix::event::{PollFd, PollFlags, poll};
use rustix::fs::{Mode, OFlags};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::app::AppEvent;

/// Starts the input, hangup, signal and minute threads. They stop when the receiver is
/// dropped, or live on unnoticed until the process exits.
pub fn spawn(tx: &Sender<AppEvent>) -> io::Result<()> {
    let input = tx.clone();
    thread::Builder::new().name("input".into()).spawn(move || {
        loop {
            let event = match event::read() {
                Ok(Event::Key(key)) => AppEvent::Key(key),
                Ok(Event::Resize(..)) => AppEvent::Resize,
                Ok(_) => continue,
                // The terminal is gone: stop rather than try again.
                Err(_) => AppEvent::Stop,
            };
            let stop = matches!(event, AppEvent::Stop);
            if input.send(event).is_err() || stop {
                break;
            }
        }
    })?;

    let terminal = terminal_input()?;
    let hangup = tx.clone();
    thread::Builder::new()
        .name("hangup".into())
        .spawn(move || {
            if wait_for_hangup(&terminal) {
                // Nothing is left to restore on a terminal that is gone.
                stop(&hangup, false);
            }
        })?;

    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let signal = tx.clone();
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                stop(&signal, true);
            }
        })?;

    let minute = tx.clone();
    thread::Builder::new()
        .name("minute".into())
        .spawn(move || {
            loop {
                let now = chrono::Utc::now();
                let to_next = 60 - u64::from(now.second()).min(59);
                thread::sleep(Duration::from_secs(to_next));
                if minute.send(AppEvent::Minute).is_err() {
                    break;
                }
            }
        })?;
    Ok(())
}

/// The terminal crossterm reads keys from: standard input if it is a terminal, else the
/// process's controlling terminal. A separate handle on the same open file, so waiting on
/// it takes nothing away from crossterm.
fn terminal_input() -> io::Result<OwnedFd> {
    if io::stdin().is_terminal() {
        Ok(rustix::io::fcntl_dupfd_cloexec(io::stdin(), 3)?)
    } else {
        let flags = OFlags::RDONLY | OFlags::NOCTTY | OFlags::CLOEXEC;
        Ok(rustix::fs::open("/dev/tty", flags, Mode::empty())?)
    }
}

/// Blocks until `terminal` hangs up (true) or cannot be waited on (false). Asks for no
/// readiness event, so pending input never wakes it: the kernel reports a hangup and an
/// error whatever was asked for. An idle TUI has this thread asleep in the kernel.
fn wait_for_hangup(terminal: &OwnedFd) -> bool {
    let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
    loop {
        let mut fds = [PollFd::new(terminal, PollFlags::empty())];
        match poll(&mut fds, None) {
            Ok(_) if fds[0].revents().intersects(gone) => return true,
            // Woken with nothing to report: wait again.
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(_) => return false,
        }
    }
}

/// How long the main loop has to wind up after `Stop` before the process ends without it.
const GRACE: Duration = Duration::from_millis(500);

/// Asks the main loop to stop; if the process is still running after `GRACE` (the main
/// loop is held up in a call to the server), restores the terminal if asked and exits.
/// Normally the main loop returns first and this thread ends with the process.
fn stop(tx: &Sender<AppEvent>, restore: bool) {
    let _ = tx.send(AppEvent::Stop);
    thread::sleep(GRACE);
    if restore {
        super::terminal::restore();
    }
    std::process::exit(1);
}
