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

/// A `mentas serve --foreground` of a 20-resident demo on `dir`, as a service runs (no
/// client may start another); its pid.
fn start_service(dir: &std::path::Path) -> std::process::Child {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_mentas"))
        .args(["serve", "--foreground", "--demo-residents", "20", "--data"])
        .arg(dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let until = std::time::Instant::now() + Duration::from_secs(20);
    while std::os::unix::net::UnixStream::connect(mentas::server::socket_path(dir)).is_err() {
        assert!(
            std::time::Instant::now() < until,
            "the service did not listen"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

fn signal(child: &std::process::Child, signal: rustix::process::Signal) {
    let pid = rustix::process::Pid::from_raw(child.id() as i32).unwrap();
    rustix::process::kill_process(pid, signal).unwrap();
}

#[test]
fn a_save_the_server_does_not_answer_says_it_may_have_been_saved() {
    use mentas::ui::text::Lang;
    let dir = tempfile::tempdir().unwrap();
    let mut service = start_service(dir.path());
    let mut conn = SocketConnection::connect(dir.path().to_path_buf(), None).unwrap();
    conn.set_lang(Lang::Id);
    let conn: &mut dyn Connection = &mut conn;
    let today = chrono::Local::now().date_naive();
    signal(&service, rustix::process::Signal::STOP);
    let asked = std::time::Instant::now();
    let draft = ClientDraft {
        name: "Saat Diam".into(),
        ..ClientDraft::new(today)
    };
    let err = conn.create_client(draft).unwrap_err();
    let waited = asked.elapsed();
    signal(&service, rustix::process::Signal::CONT);
    let text = mentas::ui::text::call_error(Lang::Id, &err);
    assert!(
        text.contains("server tidak menjawab; perubahan mungkin sudah tersimpan — periksa sebelum menyimpan lagi"),
        "{text}"
    );
    assert!(waited < Duration::from_secs(15), "the UI waited {waited:?}");
    // A read is not said to have saved anything.
    signal(&service, rustix::process::Signal::STOP);
    let err = conn.list_clients().unwrap_err();
    signal(&service, rustix::process::Signal::CONT);
    let text = mentas::ui::text::call_error(Lang::Id, &err);
    assert!(
        text.contains("server tidak menjawab") && !text.contains("tersimpan"),
        "{text}"
    );
    // The save went through once the server resumed: "may have been saved" was the truth.
    let names: Vec<_> = conn
        .list_clients()
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert!(names.iter().any(|n| n == "Saat Diam"), "{names:?}");
    let _ = service.kill();
    let _ = service.wait();
}

#[test]
fn a_stopped_service_is_named_after_ten_seconds_and_reconnecting_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut service = start_service(dir.path());
    let mut conn = SocketConnection::connect(dir.path().to_path_buf(), None).unwrap();
    let (tx, rx) = mpsc::channel();
    let sink = std::sync::Mutex::new(tx);
    conn.subscribe(Box::new(move |e| {
        let _ = sink.lock().unwrap().send(e);
    }));
    let _ = service.kill();
    let _ = service.wait();
    match rx.recv_timeout(Duration::from_secs(5)) {
        Ok(ConnEvent::Lost(_)) => {}
        other => panic!("expected Lost, got {other:?}"),
    }
    assert!(
        rx.recv_timeout(Duration::from_secs(8)).is_err(),
        "nothing said before ten seconds"
    );
    match rx.recv_timeout(Duration::from_secs(6)) {
        Ok(ConnEvent::ServiceDown) => {}
        other => panic!("expected ServiceDown, got {other:?}"),
    }
    // Started again by its administrator: the connection comes back by itself.
    let mut service = start_service(dir.path());
    match rx.recv_timeout(Duration::from_secs(10)) {
        Ok(ConnEvent::Restored) => {}
        other => panic!("expected Restored, got {other:?}"),
    }
    drop(conn);
    let _ = service.kill();
    let _ = service.wait();
}
