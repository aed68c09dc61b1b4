//! Peak memory (VmHWM) of `mentas serve` and of the TUI with 10,000 residents, measured on
//! real processes, against the targets (TUI 10 MB, server 30 MB); it reports whether they
//! are met rather than failing. Slow (it loads a 10,000-resident demo), so ignored by
//! `cargo test`:
//!
//! ```sh
//! cargo build --release --example rss_tui
//! cargo test --release --test perf_memory -- --ignored --nocapture
//! ```

use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use mentas::client::{Connection, SocketConnection};
use mentas::clock::{Clock, SystemClock};
use mentas::domain::roll_call::Presence;
use mentas::domain::{Status, StatusDetail};
use mentas::protocol::StatusInput;
use mentas::server::socket_path;

const RESIDENTS: usize = 10_000;
/// Targets from the issue "Proof under load and faults".
const TUI_LIMIT_KB: u64 = 10 * 1024;
const SERVER_LIMIT_KB: u64 = 30 * 1024;

/// A `/proc/PID/status` line, in kB.
fn status_kb(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

fn serve(dir: &Path, demo: bool) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mentas"));
    cmd.args(["serve", "--foreground", "--idle-exit", "60", "--data"])
        .arg(dir);
    if demo {
        cmd.args(["--demo-residents", &RESIDENTS.to_string()]);
    }
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let until = Instant::now() + Duration::from_secs(300);
    while UnixStream::connect(socket_path(dir)).is_err() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("mentas serve exited: {status}");
        }
        assert!(Instant::now() < until, "mentas serve did not start");
        thread::sleep(Duration::from_millis(20));
    }
    child
}

fn stop(mut child: Child) {
    let pid = rustix::process::Pid::from_child(&child);
    rustix::process::kill_process(pid, rustix::process::Signal::TERM).unwrap();
    child.wait().unwrap();
}

/// What a shift's work asks of the server: the roster, Hari ini, the roll call, a status
/// change and a mark; the server's peak is printed after each, to show which one raised it.
fn work(dir: &Path, pid: u32) {
    let p = |what: &str| {
        println!(
            "  server peak after {what}: {}",
            mb(status_kb(pid, "VmHWM"))
        )
    };
    let mut conn = SocketConnection::connect(dir.to_path_buf(), None).unwrap();
    let conn: &mut dyn Connection = &mut conn;
    p("connect");
    let rows = conn.list_clients().unwrap();
    p("list");
    assert!(rows.len() >= RESIDENTS);
    let slot = conn.today().unwrap().slot;
    p("today");
    conn.roll_call(slot).unwrap();
    p("roll call");
    let row = rows.iter().find(|r| r.status == Status::Active).unwrap();
    let change = StatusInput {
        detail: StatusDetail::Sick,
        date: SystemClock.today(),
        note: String::new(),
    };
    conn.change_status(row.id, row.revision, change).unwrap();
    p("status");
    conn.mark(slot, row.id, Presence::Present, String::new(), None)
        .unwrap();
    p("mark");
    conn.list_clients().unwrap();
    p("list again");
}

/// The `rss_tui` example beside the `mentas` binary, if it was built.
fn rss_tui() -> Option<PathBuf> {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_mentas"));
    let example = bin.parent()?.join("examples").join("rss_tui");
    example.exists().then_some(example)
}

fn field(output: &Output, name: &str) -> u64 {
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.trim().strip_suffix("kB"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {name} in {text}"))
}

#[test]
#[ignore = "slow: loads a demo of 10,000 residents; run with --ignored --nocapture"]
fn peak_memory_with_10000_residents() {
    let root = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let dir = root.path().join("data");

    // The server that fills an empty store with the demo (a one-off).
    let loading = serve(&dir, true);
    let demo_peak = status_kb(loading.id(), "VmHWM");
    stop(loading);

    // The server as it runs every day: started on the store, then working.
    let server = serve(&dir, false);
    let pid = server.id();
    let started = status_kb(pid, "VmHWM");
    work(&dir, pid);
    let working = status_kb(pid, "VmHWM");

    let tui = rss_tui().map(|example| {
        let output = Command::new(example).arg(&dir).output().unwrap();
        assert!(output.status.success(), "{output:?}");
        (field(&output, "first frame VmHWM"), field(&output, "VmHWM"))
    });
    let serving = status_kb(pid, "VmHWM");
    let rss = status_kb(pid, "VmRSS");
    stop(server);

    println!("\npeak memory with {RESIDENTS} residents (VmHWM)");
    println!("  mentas serve, loading the demo      {}", mb(demo_peak));
    println!("  mentas serve, started               {}", mb(started));
    println!("  mentas serve, after a shift's work  {}", mb(working));
    println!(
        "  mentas serve, after a TUI session   {} (now resident {})",
        mb(serving),
        mb(rss)
    );
    let verdict = |kb: u64, limit: u64| {
        if kb <= limit {
            format!("target {} met", mb(limit))
        } else {
            format!("target {} MISSED", mb(limit))
        }
    };
    println!(
        "  server: {}",
        verdict(serving.max(working), SERVER_LIMIT_KB)
    );
    match tui {
        Some((first, peak)) => {
            println!("  TUI, first frame                    {}", mb(first));
            println!("  TUI, after Klien, search, Apel      {}", mb(peak));
            println!("  TUI: {}", verdict(peak, TUI_LIMIT_KB));
        }
        None => {
            println!("  TUI: not measured; build it first: cargo build --release --example rss_tui")
        }
    }
}
