//! The real `mentas` binary as a server process: four clients starting at once get one
//! server; an auto-started server is detached and goes when idle (after the time
//! `MENTAS_IDLE_EXIT` asks for); a user outside the group is told "permission denied",
//! not that the server is down, and starts nothing; a TUI without a terminal starts no
//! server; and `kill -9` in the middle of a stream of writes loses nothing that was
//! acknowledged.

mod server_support;

use std::collections::HashMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use mentas::client::SocketConnection;
use mentas::client::autostart::{StartError, StartSpec, connect_or_start, serve_args};
use mentas::client::socket::ConnectError;
use mentas::domain::{ClientId, Role};
use mentas::protocol::wire::ClientMsg;
use mentas::protocol::{Reply, Request};
use mentas::server::{DemoSetup, own_username, pid_path, socket_path};
use mentas::store::Store;
use rustix::process::{Pid, Signal, kill_process, test_kill_process};
use server_support::*;

const EXE: &str = env!("CARGO_BIN_EXE_mentas");

fn spec(dir: &Path, idle: Duration, demo: Option<DemoSetup>) -> StartSpec {
    StartSpec {
        exe: EXE.into(),
        args: serve_args(dir, idle, demo),
    }
}

/// The process on the other end of a connection: the server.
fn peer_pid(stream: &UnixStream) -> Pid {
    rustix::net::sockopt::socket_peercred(stream).unwrap().pid
}

fn alive(pid: Pid) -> bool {
    test_kill_process(pid).is_ok()
}

/// Waits until `pid` has exited (and been reaped).
fn wait_gone(pid: Pid, within: Duration) {
    let until = Instant::now() + within;
    while alive(pid) {
        assert!(Instant::now() < until, "server {pid:?} still running");
        thread::sleep(Duration::from_millis(20));
    }
}

/// Kills a server a test started if the test fails before stopping it.
struct KillOnDrop(Pid);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if alive(self.0) {
            let _ = kill_process(self.0, Signal::KILL);
        }
    }
}

#[test]
fn four_clients_starting_at_once_get_one_server() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let spec = spec(&data, Duration::from_secs(20), None);
    let barrier = Arc::new(Barrier::new(4));
    let starters: Vec<_> = (0..4)
        .map(|_| {
            let (data, spec, barrier) = (data.clone(), spec.clone(), barrier.clone());
            thread::spawn(move || {
                barrier.wait();
                connect_or_start(&data, &spec)
            })
        })
        .collect();
    let streams: Vec<UnixStream> = starters
        .into_iter()
        .map(|s| s.join().unwrap().expect("connected"))
        .collect();
    let pid = peer_pid(&streams[0]);
    let _guard = KillOnDrop(pid);
    for stream in &streams {
        assert_eq!(
            peer_pid(stream),
            pid,
            "every client reached the same server"
        );
    }
    let written = fs::read_to_string(pid_path(&data)).unwrap();
    assert_eq!(written.trim(), pid.as_raw_nonzero().to_string());
    assert_ne!(pid.as_raw_nonzero().get() as u32, std::process::id());

    // All four are served (an empty store: no facility, no account yet).
    let mut clients: Vec<TestClient> = streams.into_iter().map(TestClient::over).collect();
    for client in &mut clients {
        let info = client.hello();
        assert_eq!(info.facility, None);
        assert_eq!(info.username, own_username());
    }

    clients[0].send(&ClientMsg::Shutdown);
    wait_gone(pid, PATIENCE);
    assert!(!socket_path(&data).exists());
    for client in &mut clients[1..] {
        assert!(client.is_closed_by_server());
    }
}

#[test]
fn an_auto_started_demo_server_detaches_and_goes_with_its_dir_when_idle() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("demo");
    let demo = DemoSetup {
        residents: 3,
        remove_dir_on_exit: true,
    };
    let stream = connect_or_start(&data, &spec(&data, Duration::from_secs(1), Some(demo))).unwrap();
    let pid = peer_pid(&stream);
    let _guard = KillOnDrop(pid);

    // Its own session, no terminal, nothing of ours open.
    let server = pid.as_raw_nonzero().get();
    assert_eq!(
        session_of(&server.to_string()),
        server,
        "leads its own session"
    );
    assert_ne!(session_of("self"), server);
    for fd in 0..3 {
        let target = fs::read_link(format!("/proc/{}/fd/{fd}", pid.as_raw_nonzero())).unwrap();
        assert_eq!(target, PathBuf::from("/dev/null"), "fd {fd}");
    }
    assert_eq!(
        fs::read_link(format!("/proc/{}/cwd", pid.as_raw_nonzero())).unwrap(),
        PathBuf::from("/")
    );

    let mut me = TestClient::over(stream);
    let info = me.hello();
    assert_eq!(info.me.map(|s| s.role), Some(Role::Head));
    assert!(me.count_clients() >= 3);
    drop(me);
    wait_gone(pid, PATIENCE);
    assert!(!data.exists(), "the throwaway demo dir is removed");
}

/// The session id of a process, read from `/proc` (getsid(2) answers 0 for a session led
/// outside our pid namespace, as in CI containers, which rustix's `Pid` cannot hold).
fn session_of(process: &str) -> i32 {
    let stat = fs::read_to_string(format!("/proc/{process}/stat")).unwrap();
    // Fields after the parenthesised command name: state, ppid, pgrp, session, ...
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    rest.split(' ').nth(3).unwrap().parse().unwrap()
}

/// Set in the copy of this test that runs as another user.
const STRANGER_DIR: &str = "MENTAS_TEST_STRANGER_DIR";
/// The `mentas` program where that user may run it.
const STRANGER_EXE: &str = "MENTAS_TEST_STRANGER_EXE";
const STRANGER_TEST: &str = "a_user_outside_the_group_is_refused_and_starts_nothing";

/// What a user outside the group gets: `PermissionDenied`, before any server is started
/// (the program given would fail at once if it were ever run), and the same where no
/// server may be started at all (a facility's service): a permission matter, never "not
/// running". `mentas` itself (`exe`), run on `dir`, says so in plain words.
fn stranger_attempt(dir: &Path, exe: &Path) {
    let never = StartSpec {
        exe: "/bin/false".into(),
        args: Vec::new(),
    };
    let said = format!(
        "permission denied: your OS user may not use mentas in {}; ask the administrator to add you to its group",
        dir.display()
    );
    match connect_or_start(dir, &never) {
        Err(e @ StartError::PermissionDenied { .. }) => assert_eq!(e.to_string(), said),
        other => panic!("expected PermissionDenied, got {other:?}"),
    }
    match SocketConnection::connect(dir.to_path_buf(), None) {
        Err(ConnectError::Start(e @ StartError::PermissionDenied { .. })) => {
            assert_eq!(e.to_string(), said)
        }
        Err(other) => panic!("expected PermissionDenied, got {other:?}"),
        Ok(_) => panic!("connected"),
    }
    let out = Command::new(exe)
        .args(["staff", "list", "--lang", "en", "--data"])
        .arg(dir)
        .env("XDG_CONFIG_HOME", "/nonexistent") // the language is not saved anywhere
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing but the refusal");
    assert!(
        stderr.starts_with("mentas: permission denied: your OS user ("),
        "{stderr}"
    );
    assert!(
        stderr.contains("Ask the administrator to add you to the group"),
        "{stderr}"
    );
    assert!(!stderr.contains("not running"), "{stderr}");
}

#[test]
fn a_user_outside_the_group_is_refused_and_starts_nothing() {
    if let Some(dir) = std::env::var_os(STRANGER_DIR) {
        let exe = std::env::var_os(STRANGER_EXE).unwrap();
        stranger_attempt(Path::new(&dir), Path::new(&exe));
        return;
    }
    let dir = prepared_dir();
    let server = start(options(dir.path(), mentas::server::Identity::OsUsers));
    let is_root = rustix::process::geteuid().is_root();
    if is_root {
        // Root passes every permission check, so the attempt runs as `nobody`: this very
        // test, copied where `nobody` may run it.
        let bin = tempfile::tempdir().unwrap();
        fs::set_permissions(bin.path(), fs::Permissions::from_mode(0o755)).unwrap();
        let copy = bin.path().join("server_process");
        fs::copy(std::env::current_exe().unwrap(), &copy).unwrap();
        let mentas = bin.path().join("mentas");
        fs::copy(EXE, &mentas).unwrap();
        let out = Command::new(&copy)
            .args([STRANGER_TEST, "--exact", "--nocapture", "--test-threads=1"])
            .env(STRANGER_DIR, dir.path())
            .env(STRANGER_EXE, &mentas)
            .current_dir("/")
            .uid(65534)
            .gid(65534)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "as nobody: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("1 passed"),
            "the copy ran the test"
        );
    } else {
        // Not root: a data dir closed to us stands for one of another group.
        let closed = dir.path().join("closed");
        fs::create_dir(&closed).unwrap();
        fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
        stranger_attempt(&closed, Path::new(EXE));
        fs::set_permissions(&closed, fs::Permissions::from_mode(0o700)).unwrap();
    }
    // The one server is still the only one, and still serves its group.
    let pid = fs::read_to_string(pid_path(dir.path())).unwrap();
    assert_eq!(pid.trim(), std::process::id().to_string());
    TestClient::connect(dir.path()).hello();
    server.shut_down(dir.path());
}

/// A `mentas` command in its own session, without a controlling terminal and with no
/// terminal on stdin, stdout or stderr (as under cron), HOME in `home` so no preference of
/// the user running the tests is read or written.
fn without_terminal(home: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(EXE);
    command
        .args(args)
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("MENTAS_DATA")
        .env_remove("MENTAS_IDLE_EXIT")
        .stdin(Stdio::null());
    // SAFETY: `setsid` is async-signal-safe and nothing here allocates.
    unsafe {
        command.pre_exec(|| {
            rustix::process::setsid()?;
            Ok(())
        });
    }
    command
}

#[test]
fn a_tui_without_a_terminal_starts_no_server() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_arg = data.to_str().unwrap();
    let out = without_terminal(dir.path(), &["--data", data_arg, "--lang", "en"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("mentas: no terminal to show mentas in ("),
        "{stderr}"
    );
    // Nothing was started that would sit idle for ten minutes.
    assert!(!socket_path(&data).exists(), "a server was started");
    assert!(!pid_path(&data).exists(), "a server was started");
}

/// Whether `pid` runs (a zombie waiting for a parent that may never reap it does not).
fn running(pid: Pid) -> bool {
    fs::read_to_string(format!("/proc/{}/stat", pid.as_raw_nonzero()))
        .ok()
        .and_then(|stat| {
            let rest = &stat[stat.rfind(')')? + 2..];
            rest.chars().next()
        })
        .is_some_and(|state| state != 'Z')
}

#[test]
fn the_server_a_command_starts_goes_after_the_idle_time_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_arg = data.to_str().unwrap();
    let out = without_terminal(dir.path(), &["export", "rollcall", "--from", "28-11-2026"])
        .args(["--out", dir.path().join("a.csv").to_str().unwrap()])
        .args(["--data", data_arg])
        .env("MENTAS_IDLE_EXIT", "2s")
        .output()
        .unwrap();
    // An empty store has nothing to export (or refuses), but a server was started for it.
    let _ = out;
    let pid: i32 = fs::read_to_string(pid_path(&data))
        .expect("a server was started")
        .trim()
        .parse()
        .unwrap();
    let pid = Pid::from_raw(pid).unwrap();
    let _guard = KillOnDrop(pid);
    let args = fs::read(format!("/proc/{}/cmdline", pid.as_raw_nonzero())).unwrap_or_default();
    let args: Vec<&[u8]> = args.split(|b| *b == 0).collect();
    assert!(
        args.windows(2)
            .any(|w| w == [&b"--idle-exit"[..], &b"2"[..]])
            || !running(pid),
        "started with the idle time of MENTAS_IDLE_EXIT"
    );
    // Gone after its two idle seconds, not ten minutes.
    let until = Instant::now() + PATIENCE;
    while running(pid) || socket_path(&data).exists() {
        assert!(Instant::now() < until, "the server is still running");
        thread::sleep(Duration::from_millis(50));
    }
}

/// A `mentas serve --foreground` process on `dir`, killed if the test ends early.
struct ServerProcess {
    child: Child,
}

impl ServerProcess {
    fn start(dir: &Path) -> ServerProcess {
        let child = Command::new(EXE)
            .args(["serve", "--foreground", "--data"])
            .arg(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut server = ServerProcess { child };
        let until = Instant::now() + PATIENCE;
        while UnixStream::connect(socket_path(dir)).is_err() {
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("server exited at start: {status}");
            }
            assert!(Instant::now() < until, "server did not listen in time");
            thread::sleep(Duration::from_millis(2));
        }
        server
    }

    fn pid(&self) -> Pid {
        Pid::from_raw(self.child.id() as i32).unwrap()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What one writer had acknowledged: resident id → name.
type Acknowledged = HashMap<ClientId, String>;

/// Writes residents through `client` as fast as the server answers, until the connection
/// dies; returns what the server acknowledged.
fn write_until_killed(mut client: TestClient, cycle: u64, writer: u32) -> Acknowledged {
    let mut acknowledged = Acknowledged::new();
    for n in 0.. {
        let name = format!("Warga {cycle}-{writer}-{n}");
        match client.try_call(Request::CreateClient(draft(&name))) {
            Ok(Ok(Reply::Saved(c))) => {
                assert_eq!(c.details.name, name);
                acknowledged.insert(c.id, name);
            }
            Ok(other) => panic!("cycle {cycle}: unexpected {other:?}"),
            // The server is gone; what it did not acknowledge may or may not be there.
            Err(_) => break,
        }
    }
    acknowledged
}

/// `mentas check` through the server finds every record of every tree decoding and the
/// indexes and counters agreeing, and every acknowledged resident is there under its name.
fn check_after_restart(client: &mut TestClient, acknowledged: &Acknowledged, cycle: u64) {
    match client.call(Request::Check) {
        Ok(Reply::Checked(report)) => assert!(
            report.is_clean(),
            "cycle {cycle}: check found {:?}",
            report.problems
        ),
        other => panic!("cycle {cycle}: expected Checked, got {other:?}"),
    }
    let stored: Acknowledged = match client.call(Request::ListClients) {
        Ok(Reply::Clients(rows)) => rows.into_iter().map(|r| (r.id, r.name.into())).collect(),
        other => panic!("cycle {cycle}: expected Clients, got {other:?}"),
    };
    for (id, name) in acknowledged {
        assert_eq!(stored.get(id), Some(name), "cycle {cycle}: {id:?} lost");
    }
}

/// Starts a server, has two clients write residents as fast as it answers, kills it with
/// SIGKILL after a short delay that differs each cycle; after every restart the store
/// opens, `check` passes (every record decodes, indexes and counters agree) and every
/// acknowledged resident is there, and at the end the same holds for the store opened
/// directly.
fn kill_nine_cycles(cycles: u64) {
    let started = Instant::now();
    let dir = prepared_dir_headed_by(&own_username());
    let mut acknowledged = Acknowledged::new();
    for cycle in 0..cycles {
        let server = ServerProcess::start(dir.path());
        let mut client = TestClient::connect(dir.path());
        check_after_restart(&mut client, &acknowledged, cycle);

        let pid = server.pid();
        // 2 to 61 ms into the writes; the spread lands kills inside transactions, flushes
        // and replies alike.
        let delay = Duration::from_millis(2 + (cycle * 37) % 60);
        let writers: Vec<_> = (0..2)
            .map(|writer| {
                let client = TestClient::connect(dir.path());
                thread::spawn(move || write_until_killed(client, cycle, writer))
            })
            .collect();
        thread::sleep(delay);
        kill_process(pid, Signal::KILL).unwrap();
        for writer in writers {
            acknowledged.extend(writer.join().unwrap());
        }
        drop(server);
    }
    assert!(
        acknowledged.len() as u64 >= cycles,
        "too few writes to mean anything"
    );
    // Opened directly, too: checked, and every acknowledged resident there.
    let store = Store::open(dir.path()).unwrap();
    let report = store.check().unwrap();
    assert!(report.is_clean(), "check found {:?}", report.problems);
    let stored: Acknowledged = store
        .clients()
        .unwrap()
        .into_iter()
        .map(|c| (c.id, c.details.name))
        .collect();
    for (id, name) in &acknowledged {
        assert_eq!(stored.get(id), Some(name), "{id:?} lost");
    }
    assert_eq!(report.clients, stored.len() as u64);
    eprintln!(
        "kill -9: {cycles} cycles, {} acknowledged writes, {} stored, in {:.1?}",
        acknowledged.len(),
        stored.len(),
        started.elapsed()
    );
}

#[test]
fn kill_9_loses_no_acknowledged_write() {
    kill_nine_cycles(50);
}

#[test]
#[ignore = "long: 500 kill cycles, about 5 minutes (each cycle checks the whole store)"]
fn kill_9_loses_no_acknowledged_write_500_times() {
    kill_nine_cycles(500);
}

/// What descriptor `fd` of process `pid` points at, as `/proc` says (`pipe:[123]`, a path).
fn fd_target(pid: i32, fd: &str) -> String {
    fs::read_link(format!("/proc/{pid}/fd/{fd}"))
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

#[test]
fn an_auto_started_server_holds_nothing_its_launcher_left_open() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // A wrapper's pipe, left open (not close-on-exec) as descriptor 9 of `mentas serve`,
    // which starts the server and exits.
    let mut ends = [0; 2];
    // SAFETY: plain system call filling two ints.
    assert_eq!(
        unsafe { libc::pipe2(ends.as_mut_ptr(), libc::O_CLOEXEC) },
        0
    );
    let (read_end, write_end) = (ends[0], ends[1]);
    let pipe = fd_target(std::process::id() as i32, &write_end.to_string());
    assert!(pipe.starts_with("pipe:"), "{pipe}");
    let mut command = without_terminal(dir.path(), &["serve", "--data"]);
    command
        .arg(&data)
        .env("MENTAS_IDLE_EXIT", "20s")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // SAFETY: `dup2` is async-signal-safe; the copy has no close-on-exec flag.
    unsafe {
        command.pre_exec(move || {
            if libc::dup2(write_end, 9) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let status = command.status().unwrap();
    // SAFETY: our own descriptor, closed once.
    unsafe { libc::close(write_end) };
    assert!(status.success(), "{status}");
    let pid: i32 = fs::read_to_string(pid_path(&data))
        .expect("a server was started")
        .trim()
        .parse()
        .unwrap();
    let _guard = KillOnDrop(Pid::from_raw(pid).unwrap());
    let held: Vec<String> = fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .map(|e| fd_target(pid, e.unwrap().file_name().to_str().unwrap()))
        .collect();
    assert!(
        !held.contains(&pipe),
        "the server holds the launcher's pipe: {held:?}"
    );
    for fd in ["0", "1", "2"] {
        assert_eq!(fd_target(pid, fd), "/dev/null", "descriptor {fd}: {held:?}");
    }
    // The wrapper reading the pipe sees its end at once, with the server still running.
    let mut poll = libc::pollfd {
        fd: read_end,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one pollfd, valid for the call.
    let ready = unsafe { libc::poll(&mut poll, 1, 5_000) };
    let mut byte = [0u8; 1];
    // SAFETY: reads at most one byte into `byte`.
    let read = unsafe { libc::read(read_end, byte.as_mut_ptr().cast(), 1) };
    unsafe { libc::close(read_end) };
    assert_eq!((ready, read), (1, 0), "the pipe is at its end (EOF)");
    assert!(running(Pid::from_raw(pid).unwrap()));
}
