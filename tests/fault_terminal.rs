//! The real `mentas` TUI in a pseudo-terminal, as sshd runs it: the terminal hangs up
//! (SSH drop) and the TUI exits at once without spinning; SIGTERM (SIGHUP, SIGINT) and a
//! panic leave the terminal restored (alternate screen left, cursor shown, raw mode off),
//! and a panic goes to the log in the data dir, not over the screen.
//!
//! Each test starts a demo server through the TUI (`--demo --data DIR`) and stops it at
//! the end through its pid file.

use std::fs;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, poll};
use rustix::fs::{Mode, OFlags, open};
use rustix::process::{Pid, Signal, kill_process, test_kill_process};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{LocalModes, Winsize, tcgetattr, tcsetwinsize};
use tempfile::TempDir;

const EXE: &str = env!("CARGO_BIN_EXE_mentas");

/// How long a test waits for something that should happen at once.
const PATIENCE: Duration = Duration::from_secs(15);

/// Leaving the alternate screen and showing the cursor: the last thing a restored
/// terminal was told.
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";

/// How the TUI is attached to its pseudo-terminal.
#[derive(Clone, Copy, PartialEq)]
enum Attach {
    /// As sshd does it: its own session, the pty its controlling terminal, so a hangup
    /// also sends SIGHUP.
    Controlling,
    /// Its own session but no controlling terminal: a hangup is only seen on the terminal
    /// itself (no SIGHUP), as when a wrapper or `nohup` stands in between.
    NoSignal,
}

/// A `mentas --demo --data DIR` process on a pseudo-terminal.
struct Tui {
    child: Child,
    master: Option<OwnedFd>,
    /// A slave fd the test holds, so the terminal's modes can be read after the TUI exits.
    slave: Option<OwnedFd>,
    /// Every byte the TUI wrote so far.
    output: Vec<u8>,
    data: PathBuf,
    _dir: TempDir,
}

fn open_pty() -> (OwnedFd, PathBuf) {
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let name = ptsname(&master, Vec::new()).unwrap();
    let size = Winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(&master, size).unwrap();
    (master, PathBuf::from(name.into_string().unwrap()))
}

fn open_slave(path: &Path) -> OwnedFd {
    open(
        path,
        OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .unwrap()
}

impl Tui {
    /// Starts the TUI with `env` added and waits for its first frame.
    fn start(attach: Attach, keep_slave: bool, env: &[(&str, &str)]) -> Tui {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("demo");
        let home = dir.path().join("home");
        fs::create_dir(&home).unwrap();
        let (master, slave_path) = open_pty();
        let slave = open_slave(&slave_path);
        let mut command = Command::new(EXE);
        command
            .args(["--demo", "--residents", "30", "--data"])
            .arg(&data)
            .env_remove("MENTAS_DATA")
            .env_remove("NO_COLOR")
            .env_remove("XDG_CONFIG_HOME")
            .env("HOME", &home)
            .env("TERM", "xterm-256color")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave.try_clone().unwrap()));
        for (key, value) in env {
            command.env(key, value);
        }
        // SAFETY: only async-signal-safe system calls between fork and exec.
        unsafe {
            command.pre_exec(move || {
                rustix::process::setsid()?;
                if attach == Attach::Controlling {
                    rustix::process::ioctl_tiocsctty(std::io::stdin())?;
                }
                Ok(())
            });
        }
        let child = command.spawn().unwrap();
        drop(command);
        let mut tui = Tui {
            child,
            master: Some(master),
            slave: keep_slave.then_some(slave),
            output: Vec::new(),
            data,
            _dir: dir,
        };
        assert!(
            tui.read_until(b"Hari ini", PATIENCE),
            "no first frame: {}",
            String::from_utf8_lossy(&tui.output)
        );
        tui
    }

    fn pid(&self) -> Pid {
        Pid::from_raw(self.child.id() as i32).unwrap()
    }

    /// Reads what the TUI writes until `needle` has appeared, for at most `within`.
    fn read_until(&mut self, needle: &[u8], within: Duration) -> bool {
        let until = Instant::now() + within;
        loop {
            if contains(&self.output, needle) {
                return true;
            }
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() || !self.read_some(left) {
                return contains(&self.output, needle);
            }
        }
    }

    /// Reads whatever arrives within `wait`; false once nothing more can come.
    fn read_some(&mut self, wait: Duration) -> bool {
        let Some(master) = &self.master else {
            return false;
        };
        let timeout = rustix::event::Timespec {
            tv_sec: wait.as_secs() as i64,
            tv_nsec: i64::from(wait.subsec_nanos()),
        };
        let mut fds = [PollFd::new(master, PollFlags::IN)];
        match poll(&mut fds, Some(&timeout)) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => return true,
            Err(e) => panic!("poll: {e}"),
        }
        let mut buf = [0u8; 16 * 1024];
        match rustix::io::read(master, &mut buf) {
            Ok(0) => false,
            Ok(n) => {
                self.output.extend_from_slice(&buf[..n]);
                true
            }
            // Every slave fd is closed: the TUI is gone.
            Err(rustix::io::Errno::IO) => false,
            Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => true,
            Err(e) => panic!("read: {e}"),
        }
    }

    /// Waits for the TUI to exit (reading what it writes meanwhile); how long it took.
    fn wait_exit(&mut self, within: Duration) -> Option<Duration> {
        let start = Instant::now();
        loop {
            if self.child.try_wait().unwrap().is_some() {
                // Whatever it wrote last is still in the pty.
                while self.read_some(Duration::from_millis(50)) {
                    if self.child.try_wait().is_err() {
                        break;
                    }
                    if !self.pending() {
                        break;
                    }
                }
                return Some(start.elapsed());
            }
            if start.elapsed() > within {
                return None;
            }
            if self.master.is_some() {
                self.read_some(Duration::from_millis(5));
            } else {
                thread::sleep(Duration::from_millis(5));
            }
        }
    }

    /// Whether the master has bytes waiting.
    fn pending(&self) -> bool {
        let Some(master) = &self.master else {
            return false;
        };
        let zero = rustix::event::Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        let mut fds = [PollFd::new(master, PollFlags::IN)];
        matches!(poll(&mut fds, Some(&zero)), Ok(n) if n > 0)
            && fds[0].revents().contains(PollFlags::IN)
    }

    /// Stops the demo server the TUI started, and waits until it has gone.
    fn stop_server(&self) {
        let Ok(pid) = fs::read_to_string(mentas::server::pid_path(&self.data)) else {
            return;
        };
        let Some(pid) = pid.trim().parse().ok().and_then(Pid::from_raw) else {
            return;
        };
        let _ = kill_process(pid, Signal::TERM);
        let until = Instant::now() + PATIENCE;
        while test_kill_process(pid).is_ok() {
            if Instant::now() > until {
                let _ = kill_process(pid, Signal::KILL);
                break;
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// What the TUI wrote after it last entered the alternate screen.
    fn last_session(&self) -> &[u8] {
        let start = rfind(&self.output, ENTER_ALT_SCREEN).expect("entered the alternate screen");
        &self.output[start..]
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.stop_server();
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    rfind(haystack, needle).is_some()
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// CPU time (user + system) a process has used so far, in clock ticks (1/100 s).
fn cpu_ticks(pid: Pid) -> Option<u64> {
    let stat = fs::read_to_string(format!("/proc/{}/stat", pid.as_raw_nonzero())).ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line; 12 and 13 here (0-based).
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(user + system)
}

/// The terminal modes say raw mode is off: line editing and echo are back.
fn assert_cooked(slave: &OwnedFd) {
    let modes = tcgetattr(slave.as_fd()).unwrap();
    assert!(
        modes
            .local_modes
            .contains(LocalModes::ICANON | LocalModes::ECHO),
        "raw mode is still on: {:?}",
        modes.local_modes
    );
}

/// The end of what the TUI wrote: the alternate screen left and the cursor shown, after
/// its last frame.
fn assert_restored(tui: &Tui) {
    let session = tui.last_session();
    let leave = rfind(session, LEAVE_ALT_SCREEN).unwrap_or_else(|| {
        panic!(
            "never left the alternate screen; wrote last: {:?}",
            String::from_utf8_lossy(&session[session.len().saturating_sub(200)..])
        )
    });
    let show = rfind(session, SHOW_CURSOR).expect("the cursor is shown again");
    assert!(
        !contains(&session[leave..], ENTER_ALT_SCREEN),
        "entered the alternate screen again after leaving it"
    );
    assert!(
        show > leave.saturating_sub(64),
        "the cursor is shown as the terminal is restored"
    );
    if let Some(slave) = &tui.slave {
        assert_cooked(slave);
    }
}

/// Closes the terminal under a running TUI; returns how long it took to exit and the CPU
/// ticks it used meanwhile.
fn hang_up(tui: &mut Tui) -> (Duration, u64) {
    let pid = tui.pid();
    let before = cpu_ticks(pid).unwrap();
    let start = Instant::now();
    tui.master = None;
    let mut last = before;
    while start.elapsed() < Duration::from_secs(3) {
        if tui.child.try_wait().unwrap().is_some() {
            break;
        }
        if let Some(ticks) = cpu_ticks(pid) {
            last = ticks;
        }
        thread::sleep(Duration::from_millis(2));
    }
    let took = start.elapsed();
    let exited = tui.child.try_wait().unwrap().is_some();
    let used = last - before;
    eprintln!("hangup: exited={exited} after {took:?}, {used} CPU ticks meanwhile");
    assert!(exited, "the TUI is still running {took:?} after the hangup");
    (took, used)
}

#[test]
fn a_hangup_ends_the_tui_at_once_without_spinning() {
    let mut tui = Tui::start(Attach::Controlling, false, &[]);
    let (took, used) = hang_up(&mut tui);
    assert!(took < Duration::from_secs(1), "took {took:?} to exit");
    assert!(used <= 10, "used {used} CPU ticks after the hangup");
}

#[test]
fn a_hangup_without_sighup_ends_the_tui_too() {
    let mut tui = Tui::start(Attach::NoSignal, false, &[]);
    let (took, used) = hang_up(&mut tui);
    assert!(took < Duration::from_secs(1), "took {took:?} to exit");
    assert!(used <= 10, "used {used} CPU ticks after the hangup");
}

#[test]
fn sigterm_sighup_and_sigint_leave_the_terminal_restored() {
    let each = [Signal::TERM, Signal::HUP, Signal::INT].map(|signal| {
        thread::spawn(move || {
            let mut tui = Tui::start(Attach::Controlling, true, &[]);
            kill_process(tui.pid(), signal).unwrap();
            let took = tui
                .wait_exit(PATIENCE)
                .unwrap_or_else(|| panic!("the TUI exits on {signal:?}"));
            eprintln!("{signal:?}: exited after {took:?}");
            assert_restored(&tui);
        })
    });
    for signal in each {
        signal.join().unwrap();
    }
}

#[test]
fn a_panic_leaves_the_terminal_restored_and_goes_to_the_log() {
    let mut tui = Tui::start(Attach::Controlling, true, &[("MENTAS_TEST_PANIC", "1")]);
    // The TUI panics right after its first frame.
    let took = tui
        .wait_exit(PATIENCE)
        .expect("the TUI exits after a panic");
    eprintln!("panic: exited after {took:?}");
    assert_restored(&tui);
    let session = tui.last_session();
    let leave = rfind(session, LEAVE_ALT_SCREEN).unwrap();
    let before_leaving = String::from_utf8_lossy(&session[..leave]);
    assert!(
        !before_leaving.contains("panicked") && !before_leaving.contains("test panic"),
        "the panic was printed over the screen"
    );
    let after = String::from_utf8_lossy(&session[leave..]);
    assert!(
        !after.contains("panicked at") && !after.contains("RUST_BACKTRACE"),
        "a backtrace was printed: {after}"
    );
    let logs: String = fs::read_dir(tui.data.join("logs"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("tui"))
        .map(|e| fs::read_to_string(e.path()).unwrap())
        .collect();
    assert!(
        logs.contains("panic") && logs.contains("MENTAS_TEST_PANIC"),
        "the panic is in the TUI's log: {logs}"
    );
}
