//! Reaching the server of a data dir, starting it first if nobody is listening: the first
//! `mentas` of a session starts `mentas serve` itself, fully detached, and clients that
//! start at the same moment agree on one server through a lock file. A client refused by
//! the socket's permissions is told so plainly and never starts a server of its own.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use rustix::fs::{FlockOperation, flock};

use crate::server::{DemoSetup, log_dir, socket_path, start_error_path, start_lock_path};

/// An auto-started server exits after no client has been connected for this long, unless
/// `--idle-exit` or `MENTAS_IDLE_EXIT` says otherwise.
pub const IDLE_EXIT: Duration = Duration::from_secs(600);
/// A demo's server exits sooner (a throwaway one takes its dir with it).
pub const DEMO_IDLE_EXIT: Duration = Duration::from_secs(30);
/// How long a client waits for the server it started to listen.
pub const START_TIMEOUT: Duration = Duration::from_secs(10);

/// The server's subcommand and its options, as `serve_args` passes them.
pub const SERVE: &str = "serve";
pub const FOREGROUND: &str = "--foreground";
pub const AUTO_STARTED: &str = "--auto-started";
pub const DATA: &str = "--data";
pub const IDLE_EXIT_FLAG: &str = "--idle-exit";
pub const DEMO_RESIDENTS: &str = "--demo-residents";
pub const REMOVE_DIR_ON_EXIT: &str = "--remove-dir-on-exit";

/// Mode of the start lock: anyone of the facility's group may start the server.
const LOCK_MODE: u32 = 0o660;

/// How to start a server: the program and its arguments (the `serve` subcommand first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartSpec {
    pub exe: PathBuf,
    pub args: Vec<OsString>,
}

/// The arguments of a server started by a client:
/// `serve --foreground --auto-started --data DIR --idle-exit SECS`, then for a demo
/// `--demo-residents N` and, for a throwaway one, `--remove-dir-on-exit`. The server
/// serves in the foreground of the session it was given (the client detached it). The
/// dir is made absolute, because the server runs from `/`.
pub fn serve_args(dir: &Path, idle_exit: Duration, demo: Option<DemoSetup>) -> Vec<OsString> {
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut args: Vec<OsString> = vec![
        SERVE.into(),
        FOREGROUND.into(),
        AUTO_STARTED.into(),
        DATA.into(),
        dir.into_os_string(),
        IDLE_EXIT_FLAG.into(),
        idle_exit.as_secs().to_string().into(),
    ];
    if let Some(demo) = demo {
        args.push(DEMO_RESIDENTS.into());
        args.push(demo.residents.to_string().into());
        if demo.remove_dir_on_exit {
            args.push(REMOVE_DIR_ON_EXIT.into());
        }
    }
    args
}

/// Why no connection could be made.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The socket or data dir belongs to a group this user is not in: a server may well be
    /// running, but not for this user.
    #[error(
        "permission denied: your OS user may not use mentas in {}; ask the administrator to add you to its group",
        dir.display()
    )]
    PermissionDenied { dir: PathBuf },
    /// The data dir could not be created.
    #[error("cannot create data dir {}: {source}", dir.display())]
    DataDir { dir: PathBuf, source: io::Error },
    /// The start lock could not be taken.
    #[error("cannot take the start lock {}: {source}", path.display())]
    Lock { path: PathBuf, source: io::Error },
    /// The server program could not be run.
    #[error("cannot start the mentas server {}: {source}", exe.display())]
    Spawn { exe: PathBuf, source: io::Error },
    /// The server stopped before it listened; its log says why.
    #[error("the mentas server stopped at start ({status}); see the log in {}", logs.display())]
    Exited { status: String, logs: PathBuf },
    /// The server stopped before it listened, and said why (e.g. a damaged store).
    #[error("the mentas server could not start: {0}")]
    Refused(String),
    /// The server did not listen in time.
    #[error("the mentas server did not start within {} seconds; see the log in {}", START_TIMEOUT.as_secs(), logs.display())]
    Timeout { logs: PathBuf },
    /// Connecting failed for another reason.
    #[error("cannot connect to the mentas server at {}: {source}", socket.display())]
    Connect { socket: PathBuf, source: io::Error },
}

/// What one attempt to connect found.
enum Attempt {
    Connected(UnixStream),
    /// Nobody listening (no socket file, or a stale one).
    NoServer,
}

fn attempt(dir: &Path, socket: &Path) -> Result<Attempt, StartError> {
    match UnixStream::connect(socket) {
        Ok(stream) => Ok(Attempt::Connected(stream)),
        Err(e) => match e.kind() {
            io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused => Ok(Attempt::NoServer),
            // EACCES and EPERM both.
            io::ErrorKind::PermissionDenied => Err(StartError::PermissionDenied {
                dir: dir.to_path_buf(),
            }),
            _ => Err(StartError::Connect {
                socket: socket.to_path_buf(),
                source: e,
            }),
        },
    }
}

/// A connected stream to the server of `dir`, starting one with `start` if nobody is
/// listening. The caller does the handshake.
pub fn connect_or_start(dir: &Path, start: &StartSpec) -> Result<UnixStream, StartError> {
    let socket = socket_path(dir);
    if let Attempt::Connected(stream) = attempt(dir, &socket)? {
        return Ok(stream);
    }
    fs::create_dir_all(dir).map_err(|source| match source.kind() {
        io::ErrorKind::PermissionDenied => StartError::PermissionDenied {
            dir: dir.to_path_buf(),
        },
        _ => StartError::DataDir {
            dir: dir.to_path_buf(),
            source,
        },
    })?;
    // Held until the server listens (or this attempt gives up): a client that starts
    // meanwhile waits here, then finds the server this one started.
    let _lock = start_lock(dir)?;
    if let Attempt::Connected(stream) = attempt(dir, &socket)? {
        return Ok(stream);
    }
    let spawned = std::time::SystemTime::now();
    let mut child = spawn_detached(start)?;
    let logs = log_dir(dir);
    let until = Instant::now() + START_TIMEOUT;
    let mut pause = Duration::from_millis(5);
    loop {
        if let Attempt::Connected(stream) = attempt(dir, &socket)? {
            reap_later(child);
            return Ok(stream);
        }
        if let Ok(Some(status)) = child.try_wait() {
            // It may have found another server just starting; one last look.
            if let Attempt::Connected(stream) = attempt(dir, &socket)? {
                return Ok(stream);
            }
            if let Some(why) = start_error_since(dir, spawned) {
                return Err(StartError::Refused(why));
            }
            return Err(StartError::Exited {
                status: status.to_string(),
                logs,
            });
        }
        if Instant::now() >= until {
            // Perhaps slow (a large demo loading): leave it be; it exits when idle.
            reap_later(child);
            return Err(StartError::Timeout { logs });
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(100));
    }
}

/// What the server of `dir` wrote about failing to start, if it wrote it since `since`
/// (an older note is about an earlier start).
pub fn start_error_since(dir: &Path, since: std::time::SystemTime) -> Option<String> {
    let path = start_error_path(dir);
    let written = fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    // File times may be coarser than the clock.
    let since = since.checked_sub(Duration::from_secs(2)).unwrap_or(since);
    if written < since {
        return None;
    }
    let text = fs::read_to_string(path).ok()?;
    let line = text.lines().next()?.trim();
    (!line.is_empty()).then(|| line.to_string())
}

/// Takes the start lock of `dir`, waiting for whoever holds it. Released when the file
/// is closed.
fn start_lock(dir: &Path) -> Result<File, StartError> {
    let path = start_lock_path(dir);
    let failed = |source: io::Error| match source.kind() {
        io::ErrorKind::PermissionDenied => StartError::PermissionDenied {
            dir: dir.to_path_buf(),
        },
        _ => StartError::Lock {
            path: path.clone(),
            source,
        },
    };
    let created = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(LOCK_MODE)
        .open(&path);
    let file = match created {
        Ok(file) => file,
        // A lock file made by another member of the group under a strict umask: a lock
        // needs no write access.
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied && path.exists() => {
            File::open(&path).map_err(failed)?
        }
        Err(e) => return Err(failed(e)),
    };
    loop {
        match flock(&file, FlockOperation::LockExclusive) {
            Ok(()) => return Ok(file),
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(failed(e.into())),
        }
    }
}

/// Marks every descriptor from 3 up close-on-exec, so the server inherits none of what
/// launched this client (a wrapper's pipe, an SSH session's sockets). Marked rather than
/// closed: the standard library reports a failed `exec` through a descriptor of its own.
/// Runs between fork and exec: system calls only, nothing that allocates or locks.
fn close_inherited_on_exec() -> io::Result<()> {
    const CLOSE_RANGE_CLOEXEC: libc::c_long = 1 << 2;
    // SAFETY: raw system calls on descriptor numbers; none touches memory.
    unsafe {
        let marked = libc::syscall(
            libc::SYS_close_range,
            3 as libc::c_uint,
            libc::c_uint::MAX,
            CLOSE_RANGE_CLOEXEC,
        );
        if marked == 0 {
            return Ok(());
        }
        // A kernel before 5.11: every possible descriptor, one by one.
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        let last = if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur.min(1 << 20) as libc::c_int
        } else {
            1024
        };
        for fd in 3..last {
            let flags = libc::fcntl(fd, libc::F_GETFD);
            if flags >= 0 {
                libc::fcntl(fd, libc::F_SETFD, flags | libc::FD_CLOEXEC);
            }
        }
    }
    Ok(())
}

/// Runs the server in its own session, with no terminal and stdin, stdout and stderr on
/// /dev/null, from `/`, holding no other descriptor of whatever started this client: it
/// outlives this client and holds nothing of its terminal or launcher, so an SSH logout
/// or a wrapper waiting for its pipe does not hang on it and a test run does not wait
/// for it.
fn spawn_detached(start: &StartSpec) -> Result<Child, StartError> {
    let mut command = Command::new(&start.exe);
    command
        .args(&start.args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .current_dir("/");
    // SAFETY: runs in the child between fork and exec, where only async-signal-safe calls
    // are allowed; `setsid`, `close_range`, `getrlimit` and `fcntl` are, and nothing here
    // allocates.
    unsafe {
        command.pre_exec(|| {
            rustix::process::setsid()?;
            close_inherited_on_exec()
        });
    }
    command.spawn().map_err(|source| StartError::Spawn {
        exe: start.exe.clone(),
        source,
    })
}

/// Waits for the server in the background, so it leaves no zombie behind when it exits
/// before this client does.
fn reap_later(mut child: Child) {
    let _ = thread::Builder::new()
        .name("mentas-reaper".into())
        .spawn(move || {
            let _ = child.wait();
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_is_started_in_the_foreground_of_its_own_session() {
        let args = serve_args(Path::new("/srv/mentas"), IDLE_EXIT, None);
        let expected = [
            "serve",
            "--foreground",
            "--auto-started",
            "--data",
            "/srv/mentas",
            "--idle-exit",
            "600",
        ];
        assert_eq!(args, expected.map(OsString::from));
    }

    #[test]
    fn a_throwaway_demo_server_takes_its_dir() {
        let demo = DemoSetup {
            residents: 40,
            remove_dir_on_exit: true,
        };
        let args = serve_args(Path::new("/tmp/d"), DEMO_IDLE_EXIT, Some(demo));
        let tail: Vec<_> = args[5..].iter().map(|a| a.to_str().unwrap()).collect();
        assert_eq!(
            tail,
            [
                "--idle-exit",
                "30",
                "--demo-residents",
                "40",
                "--remove-dir-on-exit"
            ]
        );
    }

    #[test]
    fn a_relative_dir_is_made_absolute() {
        let args = serve_args(Path::new("data"), IDLE_EXIT, None);
        assert!(Path::new(&args[4]).is_absolute());
    }
}
