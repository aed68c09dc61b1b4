//! The server in the test process, on a temporary data dir: changes reach the other
//! clients, stale revisions and roles are refused over the wire, unknown users get
//! nothing, the handshake and `Shutdown`, bad frames that change nothing, and the
//! lifecycle (idle exit, demo dirs, one server per dir, a stale socket).

mod server_support;

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::time::Duration;

use mentas::domain::{ExitReason, Refusal, Role, StatusDetail};
use mentas::protocol::frame::MAX_FRAME;
use mentas::protocol::wire::{ClientMsg, ServerMsg};
use mentas::protocol::{Notice, PROTOCOL_VERSION, Reply, Request, StatusInput};
use mentas::server::{
    self, DemoSetup, Identity, ServeError, demo_marker_path, own_username, pid_path, socket_path,
};
use server_support::*;

/// A short wait for something that should not happen.
const QUIET: Duration = Duration::from_millis(200);

/// Every connection from this process is `name`.
fn everyone_is(name: &str) -> Identity {
    let uid = rustix::process::getuid().as_raw();
    Identity::Fixed(HashMap::from([(uid, name.to_string())]))
}

/// How long a server nobody may stop waits after its last client (see `idle_options`).
const IDLE: Duration = Duration::from_millis(1000);

/// Options for a server whose peers may not stop it (neither its own OS user nor a
/// head): it ends by itself `IDLE` after its last client has gone.
fn idle_options(dir: &std::path::Path, identity: Identity) -> server::ServeOptions {
    server::ServeOptions {
        idle_exit: Some(IDLE),
        ..options(dir, identity)
    }
}

/// Connections are `names[0]`, `names[1]`, … in the order they connect (the last one
/// listed usually the head who stops the server).
fn in_turn(names: &[&str]) -> Identity {
    Identity::InTurn(names.iter().map(|n| n.to_string()).collect())
}

#[test]
fn a_change_by_one_client_reaches_the_other() {
    let dir = prepared_dir();
    let server = start(options(dir.path(), in_turn(&[HEAD, STAF, HEAD])));
    let mut head = TestClient::connect(dir.path());
    let mut staf = TestClient::connect(dir.path());
    assert_eq!(head.hello().username, HEAD);
    assert_eq!(staf.hello().username, STAF);

    let created = head.create("Slamet Riyadi");
    assert_eq!(staf.notice(PATIENCE), Some(Notice::Client(created.id)));
    assert_eq!(
        head.notice(QUIET),
        None,
        "the caller has its reply, not a notice"
    );

    let edited = staf
        .saved(Request::UpdateClient {
            id: created.id,
            base_revision: created.revision,
            draft: draft("Slamet Riyadi Putra"),
        })
        .unwrap();
    assert_eq!(head.notice(PATIENCE), Some(Notice::Client(created.id)));
    match head.call(Request::GetClient(created.id)).unwrap() {
        Reply::Client(view) => {
            assert_eq!(view.client.details.name, "Slamet Riyadi Putra");
            assert_eq!(view.client.revision, edited.revision);
            assert_eq!(view.changed_by_name, STAF_NAME);
        }
        other => panic!("expected Client, got {other:?}"),
    }
    server.shut_down(dir.path());
}

#[test]
fn a_stale_revision_is_refused_naming_who_changed_it() {
    let dir = prepared_dir();
    let server = start(options(dir.path(), in_turn(&[STAF, HEAD, HEAD])));
    let mut staf = TestClient::connect(dir.path());
    let mut head = TestClient::connect(dir.path());
    let created = staf.create("Joko");
    // Both have revision 1 on screen; the staff member saves first.
    staf.saved(Request::UpdateClient {
        id: created.id,
        base_revision: created.revision,
        draft: draft("Joko Susilo"),
    })
    .unwrap();
    let stale = head.saved(Request::UpdateClient {
        id: created.id,
        base_revision: created.revision,
        draft: draft("Joko Santoso"),
    });
    match stale {
        Err(Refusal::Conflict {
            by_name, current, ..
        }) => {
            assert_eq!(by_name, STAF_NAME);
            assert_eq!(current.details.name, "Joko Susilo");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    server.shut_down(dir.path());
}

/// A storage refusal that wrote nothing to the store (here: a backup file that cannot be
/// written) is only refused; the server stops only when the store itself failed to write
/// (see `fault_disk_full.rs`).
#[test]
fn a_storage_refusal_that_wrote_nothing_keeps_the_server_serving() {
    let dir = prepared_dir();
    let server = start(options(dir.path(), everyone_is(HEAD)));
    let mut head = TestClient::connect(dir.path());
    let path = dir.path().join("no such dir").join("backup.mentas");
    match head.call(Request::Backup { path }) {
        Err(Refusal::Storage(_)) => {}
        other => panic!("expected a storage refusal, got {other:?}"),
    }
    let created = head.create("Sesudah Cadangan");
    let mut other = TestClient::connect(dir.path());
    assert_eq!(other.count_clients(), 1, "still serving {created:?}");
    server.shut_down(dir.path());
}

#[test]
fn a_staff_member_is_refused_what_needs_a_higher_role() {
    let dir = prepared_dir();
    let server = start(idle_options(dir.path(), everyone_is(STAF)));
    let mut staf = TestClient::connect(dir.path());
    let resident = staf.create("Wagiman");
    let exit = Request::ChangeStatus {
        id: resident.id,
        base_revision: resident.revision,
        change: StatusInput {
            detail: StatusDetail::Exited {
                reason: ExitReason::ReturnedToFamily,
                destination: "Bangil".into(),
            },
            date: today(),
            note: String::new(),
        },
    };
    assert_eq!(staf.call(exit), Err(Refusal::NeedsRole(Role::Supervisor)));
    assert_eq!(
        staf.call(Request::ListStaff),
        Err(Refusal::NeedsRole(Role::Head))
    );
    drop(staf);
    server.join().unwrap();
}

#[test]
fn an_unknown_uid_is_refused() {
    let dir = prepared_dir();
    let server = start(idle_options(dir.path(), Identity::Fixed(HashMap::new())));
    let mut stranger = TestClient::connect(dir.path());
    let info = stranger.hello();
    let uid = rustix::process::getuid().as_raw();
    assert_eq!(info.username, format!("uid:{uid}"));
    assert_eq!(info.me, None);
    assert!(info.facility.is_some());
    assert!(matches!(
        stranger.call(Request::ListClients),
        Err(Refusal::NoAccount(_))
    ));
    assert!(matches!(
        stranger.call(Request::CreateClient(draft("Tamu"))),
        Err(Refusal::NoAccount(_))
    ));
    drop(stranger);
    server.join().unwrap();

    // The same uid mapped to the head is let in.
    let server = start(options(dir.path(), everyone_is(HEAD)));
    let mut head = TestClient::connect(dir.path());
    let me = head.hello().me.expect("the head has an account");
    assert_eq!((me.username.as_str(), me.role), (HEAD, Role::Head));
    assert_eq!(head.count_clients(), 0, "the stranger saved nothing");
    server.shut_down(dir.path());
}

#[test]
fn a_client_of_another_version_is_told_and_closed() {
    let dir = prepared_dir();
    let server = start(options(dir.path(), everyone_is(HEAD)));
    let stream = UnixStream::connect(socket_path(dir.path())).unwrap();
    let mut newer = TestClient::raw(stream);
    newer.send(&ClientMsg::Hello {
        version: PROTOCOL_VERSION + 1,
    });
    assert_eq!(
        newer.read().unwrap(),
        ServerMsg::Mismatch {
            server_version: PROTOCOL_VERSION,
            auto_started: true
        }
    );
    assert!(newer.is_closed_by_server());
    // Requests before a handshake are not answered either.
    let stream = UnixStream::connect(socket_path(dir.path())).unwrap();
    let mut eager = TestClient::raw(stream);
    eager.send(&ClientMsg::Call {
        id: 1,
        request: Request::ListClients,
    });
    assert!(eager.is_closed_by_server());
    server.shut_down(dir.path());
}

#[test]
fn shutdown_stops_an_auto_started_server() {
    let dir = prepared_dir();
    let server = start(options(dir.path(), everyone_is(HEAD)));
    let mut other = TestClient::connect(dir.path());
    other.create("Sutrisno");
    assert!(pid_path(dir.path()).exists());
    server.shut_down(dir.path());
    assert!(other.is_closed_by_server());
    assert!(!socket_path(dir.path()).exists(), "socket removed");
    assert!(!pid_path(dir.path()).exists(), "pid file removed");
    // Everything acknowledged is on disk, and the store is free for the next server.
    let server = start(options(dir.path(), everyone_is(HEAD)));
    assert_eq!(TestClient::connect(dir.path()).count_clients(), 1);
    server.shut_down(dir.path());
}

#[test]
fn a_service_managed_server_ignores_shutdown_and_runs_until_idle() {
    let dir = prepared_dir();
    let server = start(server::ServeOptions {
        auto_started: false,
        idle_exit: Some(Duration::from_millis(300)),
        ..options(dir.path(), everyone_is(HEAD))
    });
    let mut asker = TestClient::raw(UnixStream::connect(socket_path(dir.path())).unwrap());
    asker.send(&ClientMsg::Shutdown);
    assert!(asker.is_closed_by_server());
    drop(asker);
    let mut head = TestClient::connect(dir.path());
    head.create("Paijo");
    assert!(!server.thread.is_finished());
    drop(head);
    // With the last client gone, the idle time ends it.
    server.join().unwrap();
    assert!(!socket_path(dir.path()).exists());
}

#[test]
fn only_the_servers_own_user_or_a_head_may_stop_it() {
    let dir = prepared_dir();
    // Every peer is the staff member budi: neither the server's OS user nor a head.
    let server = start(idle_options(dir.path(), everyone_is(STAF)));
    let mut staf = TestClient::connect(dir.path());
    staf.create("Paijo");
    // Asked before a handshake, with no identity shown: refused.
    let mut asker = TestClient::raw(UnixStream::connect(socket_path(dir.path())).unwrap());
    asker.send(&ClientMsg::Shutdown);
    assert!(asker.is_closed_by_server());
    // Asked after a handshake: refused too.
    let mut greeted = TestClient::connect(dir.path());
    greeted.send(&ClientMsg::Shutdown);
    assert!(greeted.is_closed_by_server());
    // The server serves on.
    assert!(!server.thread.is_finished());
    assert_eq!(staf.count_clients(), 1);
    drop((staf, asker, greeted));
    server.join().unwrap();

    // A head may stop it.
    let server = start(options(dir.path(), everyone_is(HEAD)));
    server.shut_down(dir.path());
    // So may the OS user it runs as (who started it), account or not.
    let server = start(options(dir.path(), everyone_is(&own_username())));
    server.shut_down(dir.path());
    assert!(!socket_path(dir.path()).exists());
}

/// A bad client sends `bytes` (after a handshake if `hello`) while a good client is
/// connected; nothing changes and the good client is served throughout.
fn bad_client_changes_nothing(bytes: &[u8], hello: bool, server_closes: bool) {
    let dir = prepared_dir();
    let server = start(idle_options(dir.path(), everyone_is(STAF)));
    let mut good = TestClient::connect(dir.path());
    good.create("Sebelum");
    let before = good.count_clients();

    let stream = UnixStream::connect(socket_path(dir.path())).unwrap();
    let mut bad = if hello {
        TestClient::over(stream)
    } else {
        TestClient::raw(stream)
    };
    bad.stream().write_all(bytes).unwrap();
    // The server is busy with the bad client's frame, and still serves the good one.
    assert_eq!(good.count_clients(), before);
    if server_closes {
        assert!(bad.is_closed_by_server(), "the bad connection is closed");
    }
    drop(bad);

    assert_eq!(good.notice(QUIET), None, "nothing changed");
    assert_eq!(good.count_clients(), before, "nothing applied");
    good.create("Sesudah");
    assert_eq!(good.count_clients(), before + 1);
    drop(good);
    server.join().unwrap();
}

/// A whole frame of a valid `CreateClient` call.
fn create_frame() -> Vec<u8> {
    let mut bytes = Vec::new();
    let call = ClientMsg::Call {
        id: 99,
        request: Request::CreateClient(draft("Setengah")),
    };
    mentas::protocol::frame::write_frame(&mut bytes, &call).unwrap();
    bytes
}

#[test]
fn a_truncated_frame_is_dropped_whole() {
    let frame = create_frame();
    // All but the last byte of a create, then the client is gone.
    bad_client_changes_nothing(&frame[..frame.len() - 1], true, false);
    // Half a length prefix before any handshake.
    bad_client_changes_nothing(&frame[..2], false, false);
}

#[test]
fn garbage_is_dropped_and_the_connection_closed() {
    // A plausible length, then bytes that decode to no message.
    let mut bytes = 12u32.to_be_bytes().to_vec();
    bytes.extend([0xff; 12]);
    bad_client_changes_nothing(&bytes, true, true);
    // Text where a frame should be (its first bytes read as an absurd length).
    bad_client_changes_nothing(b"GET / HTTP/1.0\r\n\r\n", false, true);
    // A create with bytes flipped inside its payload.
    let mut frame = create_frame();
    let n = frame.len();
    frame[4] = 0xfe;
    frame[n / 2] ^= 0xff;
    bad_client_changes_nothing(&frame, true, true);
}

#[test]
fn an_oversized_frame_is_refused_before_it_is_read() {
    let mut bytes = u32::try_from(MAX_FRAME + 1).unwrap().to_be_bytes().to_vec();
    bytes.extend(&create_frame()[4..]);
    bad_client_changes_nothing(&bytes, true, true);
    bad_client_changes_nothing(&u32::MAX.to_be_bytes(), false, true);
}

#[test]
fn an_idle_demo_server_exits_and_takes_its_throwaway_dir() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(server::ServeOptions {
        idle_exit: Some(Duration::from_millis(300)),
        demo: Some(DemoSetup {
            residents: 5,
            remove_dir_on_exit: true,
        }),
        ..options(dir.path(), Identity::OsUsers)
    });
    assert!(demo_marker_path(dir.path()).exists());
    let mut me = TestClient::connect(dir.path());
    let info = me.hello();
    assert_eq!(info.username, own_username());
    assert_eq!(info.me.map(|s| s.role), Some(Role::Head));
    assert!(me.count_clients() >= 5);
    drop(me);
    server.join().unwrap();
    assert!(!dir.path().exists(), "the throwaway demo dir is removed");
}

#[test]
fn a_kept_demo_dir_is_served_again_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let demo = Some(DemoSetup {
        residents: 3,
        remove_dir_on_exit: false,
    });
    let opts = server::ServeOptions {
        demo,
        ..options(dir.path(), Identity::OsUsers)
    };
    let server = start(opts.clone());
    let count = TestClient::connect(dir.path()).count_clients();
    server.shut_down(dir.path());
    let server = start(opts);
    assert_eq!(TestClient::connect(dir.path()).count_clients(), count);
    server.shut_down(dir.path());
    assert!(demo_marker_path(dir.path()).exists());
}

#[test]
fn demo_data_never_goes_into_a_real_store() {
    let dir = prepared_dir();
    let opts = server::ServeOptions {
        demo: Some(DemoSetup {
            residents: 3,
            remove_dir_on_exit: true,
        }),
        ..options(dir.path(), Identity::OsUsers)
    };
    assert!(matches!(server::serve(opts), Err(ServeError::NotDemo(_))));
    assert!(!demo_marker_path(dir.path()).exists());
    assert!(!socket_path(dir.path()).exists());
}

#[test]
fn a_second_server_on_the_same_dir_is_refused() {
    let dir = prepared_dir();
    let server = start(options(dir.path(), everyone_is(HEAD)));
    let second = server::serve(options(dir.path(), everyone_is(HEAD)));
    assert!(matches!(second, Err(ServeError::AlreadyRunning(_))));
    assert_eq!(
        second.unwrap_err().to_string(),
        format!(
            "a mentas server is already running for {}",
            dir.path().display()
        )
    );
    // The first one is untouched.
    TestClient::connect(dir.path()).create("Tetap");
    server.shut_down(dir.path());
}

#[test]
fn a_stale_socket_is_replaced_and_access_is_group_only() {
    let dir = prepared_dir();
    // A socket file nobody listens on, as a killed server leaves it.
    drop(UnixListener::bind(socket_path(dir.path())).unwrap());
    assert!(socket_path(dir.path()).exists());
    let server = start(options(dir.path(), everyone_is(HEAD)));
    TestClient::connect(dir.path()).create("Baru");
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&socket_path(dir.path())), 0o660);
    assert_eq!(mode(dir.path()), 0o770);
    let pid = fs::read_to_string(pid_path(dir.path())).unwrap();
    assert_eq!(pid.trim(), std::process::id().to_string());
    assert!(
        dir.path().join("logs").is_dir(),
        "the server logs in the data dir"
    );
    server.shut_down(dir.path());
}
