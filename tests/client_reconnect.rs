//! The TUI's connection survives its server going away: it says so, reconnects by itself
//! (starting a new auto-started server), and what it then reads matches the store.

use std::sync::mpsc;
use std::time::Duration;

use mentas::client::autostart::{StartSpec, serve_args};
use mentas::client::{ConnEvent, Connection, SocketConnection};
use mentas::domain::ClientDraft;
use mentas::server::{DemoSetup, pid_path};

fn read_pid(dir: &std::path::Path) -> i32 {
    std::fs::read_to_string(pid_path(dir))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn a_killed_server_is_replaced_and_the_client_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let demo = Some(DemoSetup {
        residents: 20,
        remove_dir_on_exit: false,
    });
    let spec = StartSpec {
        exe: env!("CARGO_BIN_EXE_mentas").into(),
        args: serve_args(dir.path(), Duration::from_secs(60), demo),
    };
    let mut conn = SocketConnection::connect(dir.path().to_path_buf(), Some(spec)).unwrap();
    let (tx, rx) = mpsc::channel();
    let sink = std::sync::Mutex::new(tx);
    conn.subscribe(Box::new(move |e| {
        let _ = sink.lock().unwrap().send(e);
    }));
    let conn: &mut dyn Connection = &mut conn;
    let me = conn.hello().unwrap();
    assert!(me.me.is_some(), "the demo makes the OS user its head");
    let before = conn.list_clients().unwrap().len();
    let today = chrono::Local::now().date_naive();
    let draft = ClientDraft {
        name: "Sebelum Mati".into(),
        ..ClientDraft::new(today)
    };
    let saved = conn.create_client(draft).unwrap();

    let old = read_pid(dir.path());
    rustix::process::kill_process(
        rustix::process::Pid::from_raw(old).unwrap(),
        rustix::process::Signal::KILL,
    )
    .unwrap();
    match rx.recv_timeout(Duration::from_secs(5)) {
        Ok(ConnEvent::Lost(_)) => {}
        other => panic!("expected Lost, got {other:?}"),
    }
    assert!(
        conn.list_clients().is_err(),
        "calls fail while reconnecting, they do not hang"
    );
    match rx.recv_timeout(Duration::from_secs(20)) {
        Ok(ConnEvent::Restored) => {}
        other => panic!("expected Restored, got {other:?}"),
    }
    let new = read_pid(dir.path());
    assert_ne!(old, new, "a new server was started");
    let after = conn.list_clients().unwrap();
    assert_eq!(after.len(), before + 1);
    assert!(
        after
            .iter()
            .any(|r| r.id == saved.id && r.name == "Sebelum Mati"),
        "the acknowledged write survived"
    );
    SocketConnection::ask_to_shut_down(dir.path()).unwrap();
    for _ in 0..50 {
        if !mentas::server::socket_path(dir.path()).exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
