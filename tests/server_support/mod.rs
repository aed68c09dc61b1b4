//! Shared set-up for the server tests: a data dir with a facility and staff of each role,
//! a server in a thread of the test process, and a small client speaking the protocol.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{self, BufReader};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use mentas::clock::{Clock, SystemClock};
use mentas::domain::{Client, ClientDraft, Refusal, Role, Staff};
use mentas::protocol::frame::{FrameError, read_frame, write_frame};
use mentas::protocol::wire::{ClientMsg, ServerMsg};
use mentas::protocol::{Notice, PROTOCOL_VERSION, Reply, Request, SessionInfo};
use mentas::server::{self, Identity, ServeError, ServeOptions, socket_path};
use mentas::service::Service;
use mentas::store::Store;
use tempfile::TempDir;

/// The head who ran setup.
pub const HEAD: &str = "kepala";
pub const HEAD_NAME: &str = "Ibu Kepala";
/// A staff member (petugas).
pub const STAF: &str = "budi";
pub const STAF_NAME: &str = "Budi Santoso";
/// A shift supervisor.
pub const SUPERVISOR: &str = "sari";

/// How long a test waits for something that should happen at once.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// Today in WIB, as the server's clock sees it.
pub fn today() -> chrono::NaiveDate {
    SystemClock.today()
}

/// A resident admitted today.
pub fn draft(name: &str) -> ClientDraft {
    ClientDraft {
        name: name.into(),
        ..ClientDraft::new(today())
    }
}

/// A data dir whose store has a facility set up by `head`, plus a staff member and a
/// supervisor. The store is closed again when this returns.
pub fn prepared_dir_headed_by(head: &str) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let service = Service::new(store, Arc::new(SystemClock));
    service
        .dispatch(
            head,
            Request::Setup {
                facility_name: "UPT RSBK Pasuruan".into(),
                capacity: 110,
                head_name: HEAD_NAME.into(),
            },
        )
        .unwrap();
    for (username, display_name, role) in [
        (STAF, STAF_NAME, Role::Staff),
        (SUPERVISOR, "Sari Wulandari", Role::Supervisor),
    ] {
        let staff = Staff {
            username: username.into(),
            display_name: display_name.into(),
            role,
            active: true,
            revision: 1,
        };
        service.store().transact(|tx| tx.put_staff(&staff)).unwrap();
    }
    service.store().flush().unwrap();
    dir
}

pub fn prepared_dir() -> TempDir {
    prepared_dir_headed_by(HEAD)
}

/// Options for a server in the test process on `dir`: auto-started (so `Shutdown` stops
/// it), no idle exit.
pub fn options(dir: &Path, identity: Identity) -> ServeOptions {
    ServeOptions {
        data_dir: dir.to_path_buf(),
        idle_exit: None,
        auto_started: true,
        demo: None,
        identity,
    }
}

/// A server running in a thread of the test process.
pub struct InProcess {
    pub thread: JoinHandle<Result<(), ServeError>>,
}

/// Starts `serve(opts)` in a thread and waits until it accepts connections.
pub fn start(opts: ServeOptions) -> InProcess {
    let socket = socket_path(&opts.data_dir);
    let thread = thread::spawn(move || server::serve(opts));
    let until = Instant::now() + PATIENCE;
    while UnixStream::connect(&socket).is_err() {
        if thread.is_finished() {
            panic!("server did not start: {:?}", thread.join().unwrap());
        }
        assert!(Instant::now() < until, "server did not listen in time");
        thread::sleep(Duration::from_millis(5));
    }
    InProcess { thread }
}

impl InProcess {
    /// Waits for the server to end by itself.
    pub fn join(self) -> Result<(), ServeError> {
        let until = Instant::now() + PATIENCE;
        while !self.thread.is_finished() {
            assert!(Instant::now() < until, "server did not stop in time");
            thread::sleep(Duration::from_millis(10));
        }
        self.thread.join().unwrap()
    }

    /// Asks the (auto-started) server of `dir` to exit and waits until it has.
    pub fn shut_down(self, dir: &Path) {
        let mut stream = UnixStream::connect(socket_path(dir)).unwrap();
        write_frame(&mut stream, &ClientMsg::Shutdown).unwrap();
        self.join().unwrap();
    }
}

/// A protocol client: requests with ids, replies matched, notices kept for later.
pub struct TestClient {
    writer: UnixStream,
    reader: BufReader<UnixStream>,
    next_id: u64,
    notices: VecDeque<Notice>,
}

impl TestClient {
    /// Connects to the server of `dir` and does the handshake.
    pub fn connect(dir: &Path) -> TestClient {
        TestClient::over(UnixStream::connect(socket_path(dir)).unwrap())
    }

    /// Does the handshake over a connected stream.
    pub fn over(stream: UnixStream) -> TestClient {
        let mut client = TestClient::raw(stream);
        client.send(&ClientMsg::Hello {
            version: PROTOCOL_VERSION,
        });
        match client.read().unwrap() {
            ServerMsg::Welcome { version, .. } => assert_eq!(version, PROTOCOL_VERSION),
            other => panic!("expected Welcome, got {other:?}"),
        }
        client
    }

    /// A connection without the handshake.
    pub fn raw(stream: UnixStream) -> TestClient {
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        TestClient {
            reader: BufReader::new(stream.try_clone().unwrap()),
            writer: stream,
            next_id: 1,
            notices: VecDeque::new(),
        }
    }

    pub fn stream(&self) -> &UnixStream {
        &self.writer
    }

    pub fn send(&mut self, msg: &ClientMsg) {
        write_frame(&mut self.writer, msg).unwrap();
    }

    pub fn read(&mut self) -> Result<ServerMsg, FrameError> {
        read_frame(&mut self.reader)
    }

    /// Sends a request and waits for its reply; notices arriving meanwhile are kept.
    pub fn try_call(&mut self, request: Request) -> Result<Result<Reply, Refusal>, FrameError> {
        let id = self.next_id;
        self.next_id += 1;
        write_frame(&mut self.writer, &ClientMsg::Call { id, request }).map_err(FrameError::Io)?;
        loop {
            match self.read()? {
                ServerMsg::Result { id: got, result } => {
                    assert_eq!(got, id, "reply to another request");
                    return Ok(result);
                }
                ServerMsg::Notice(notice) => self.notices.push_back(notice),
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    pub fn call(&mut self, request: Request) -> Result<Reply, Refusal> {
        self.try_call(request).unwrap()
    }

    pub fn hello(&mut self) -> SessionInfo {
        match self.call(Request::Hello).unwrap() {
            Reply::Hello(info) => info,
            other => panic!("expected Hello, got {other:?}"),
        }
    }

    pub fn saved(&mut self, request: Request) -> Result<Client, Refusal> {
        match self.call(request)? {
            Reply::Saved(client) => Ok(*client),
            other => panic!("expected Saved, got {other:?}"),
        }
    }

    pub fn create(&mut self, name: &str) -> Client {
        self.saved(Request::CreateClient(draft(name))).unwrap()
    }

    pub fn count_clients(&mut self) -> usize {
        match self.call(Request::ListClients).unwrap() {
            Reply::Clients(rows) => rows.len(),
            other => panic!("expected Clients, got {other:?}"),
        }
    }

    /// The next notice, waiting up to `wait` for one.
    pub fn notice(&mut self, wait: Duration) -> Option<Notice> {
        if let Some(notice) = self.notices.pop_front() {
            return Some(notice);
        }
        self.writer.set_read_timeout(Some(wait)).unwrap();
        let got = self.read();
        self.writer.set_read_timeout(Some(PATIENCE)).unwrap();
        match got {
            Ok(ServerMsg::Notice(notice)) => Some(notice),
            Ok(other) => panic!("unexpected {other:?}"),
            Err(FrameError::Io(e))
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                None
            }
            Err(e) => panic!("connection failed: {e}"),
        }
    }

    /// Whether the server has closed this connection (reads end) within `PATIENCE`.
    pub fn is_closed_by_server(&mut self) -> bool {
        match self.read() {
            Err(FrameError::Closed) => true,
            Err(FrameError::Io(e)) => e.kind() == io::ErrorKind::ConnectionReset,
            _ => false,
        }
    }
}
