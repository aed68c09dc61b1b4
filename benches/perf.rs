//! `cargo bench`: how fast mentas is at 100, 10,000 and 100,000 residents, on demo data.
//!
//! - `frame`: drawing one frame of Klien (the roster) and of Apel (the roll call) at 80×24.
//! - `search`: the roster's incremental search, per character typed.
//! - `round_trip`: a status change and a roll-call mark through a real server (socket,
//!   service, store, flushed to disk) and back.
//! - `start`: the first frame of `mentas` (connect, load, draw) and `mentas serve` from
//!   spawning the binary until its socket answers the handshake.
//!
//! Each size's store is made once per run, by a child process: the demo facility with its
//! last seven days (at 100, four weeks) of roll calls and handovers. At 100,000 the demo's
//! history is left out (its two million roll-call marks take minutes to load and change
//! nothing measured here), and only the screens and the search are measured. Each store
//! is served by a `mentas serve` process, and the apps measured here talk to it over its
//! socket, as `mentas` does: this process holds only what a TUI holds. The stores live in
//! cargo's target dir and are removed when the run ends.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use divan::Bencher;
use mentas::client::{Connection, SocketConnection};
use mentas::clock::{Clock, SystemClock};
use mentas::domain::Status;
use mentas::protocol::StatusInput;
use mentas::protocol::frame::{read_frame, write_frame};
use mentas::protocol::wire::{ClientMsg, ServerMsg};
use mentas::server::{self, socket_path};
use mentas::service::Service;
use mentas::store::Store;
use mentas::ui::app::{App, AppEvent, Screen};
use mentas::ui::text::Lang;
use mentas::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;

/// Residents in residence, for everything drawn or searched.
const SIZES: [usize; 3] = [100, 10_000, 100_000];
/// Sizes with a whole demo facility behind a server: starting, and commands.
const SERVED: [usize; 2] = [100, 10_000];

/// Set in the child process that makes a store: `RESIDENTS:DIR`.
const MAKE_STORE: &str = "MENTAS_BENCH_MAKE_STORE";

fn main() {
    if let Some(job) = std::env::var_os(MAKE_STORE) {
        let job = job.into_string().unwrap();
        let (residents, dir) = job.split_once(':').unwrap();
        fixtures::make_store(residents.parse().unwrap(), Path::new(dir));
        return;
    }
    divan::main();
    fixtures::shut_down();
}

/// The keys to Klien and Apel that work on every screen (digits jump to rows in Apel).
const ROSTER: KeyCode = KeyCode::F(6);
const ROLL_CALL: KeyCode = KeyCode::F(7);

fn press(app: &mut App, code: KeyCode) {
    app.handle(AppEvent::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn connect(dir: &Path) -> SocketConnection {
    SocketConnection::connect(dir.to_path_buf(), None).expect("the bench server answers")
}

fn clock() -> Arc<dyn Clock> {
    Arc::new(SystemClock)
}

/// Demo stores and the servers over them, made on first use and kept for the run.
mod fixtures {
    use super::*;

    /// One size's store, served by a `mentas serve` process, and a spare copy of it for
    /// timing the start of `mentas serve`.
    pub struct Facility {
        pub dir: PathBuf,
        pub spare: PathBuf,
        _root: TempDir,
        server: Child,
    }

    thread_local! {
        static FACILITIES: RefCell<BTreeMap<usize, Facility>> = const { RefCell::new(BTreeMap::new()) };
        static APPS: RefCell<BTreeMap<usize, App>> = const { RefCell::new(BTreeMap::new()) };
    }

    /// The served data dir for `residents` (and its spare copy).
    pub fn facility(residents: usize) -> (PathBuf, PathBuf) {
        FACILITIES.with(|all| {
            let mut all = all.borrow_mut();
            let f = all
                .entry(residents)
                .or_insert_with(|| Facility::new(residents));
            (f.dir.clone(), f.spare.clone())
        })
    }

    /// Runs `f` on the app for `residents` (connected to its server), made once.
    pub fn with_app<R>(residents: usize, f: impl FnOnce(&mut App) -> R) -> R {
        let (dir, _) = facility(residents);
        APPS.with(|apps| {
            let mut apps = apps.borrow_mut();
            let app = apps.entry(residents).or_insert_with(|| {
                let conn = Box::new(connect(&dir));
                App::new(conn, Lang::Id, Theme::colour(), clock()).expect("the app opens")
            });
            f(app)
        })
    }

    /// In the child process: the demo facility of `residents`, headed by whoever runs
    /// this (the server knows callers by their OS user), into an empty store at `dir`.
    pub fn make_store(residents: usize, dir: &Path) {
        let store = Store::open(dir).unwrap();
        let clock = clock();
        let service = Service::new(store, clock.clone());
        let head = server::own_username();
        let mut data = mentas::demo::generate(mentas::demo::SEED, clock.today(), residents, &head);
        if !SERVED.contains(&residents) {
            data.marks.clear();
            data.handovers.clear();
        }
        service.load_demo(&data).unwrap();
        service.store().flush().unwrap();
    }

    /// `mentas serve` on `dir`; it exits by itself a minute after its last client if this
    /// run dies without stopping it.
    pub fn serve(dir: &Path) -> Child {
        Command::new(env!("CARGO_BIN_EXE_mentas"))
            .args(["serve", "--foreground", "--idle-exit", "60", "--data"])
            .arg(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    }

    /// Asks a server to stop as a service manager would, and waits until it has.
    pub fn stop(child: &mut Child) {
        let pid = rustix::process::Pid::from_child(child);
        let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
        let _ = child.wait();
    }

    impl Facility {
        fn new(residents: usize) -> Facility {
            let started = Instant::now();
            let root = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
            let dir = root.path().join("served");
            let spare = root.path().join("spare");
            let made = Command::new(std::env::current_exe().unwrap())
                .env(MAKE_STORE, format!("{residents}:{}", dir.display()))
                .status()
                .unwrap();
            assert!(made.success(), "the demo store of {residents} was not made");
            copy_dir(&dir, &spare);
            let server = serve(&dir);
            wait_for_socket(&dir, Duration::from_secs(60));
            eprintln!(
                "(demo store of {residents} residents made and served in {:.1} s)",
                started.elapsed().as_secs_f64()
            );
            Facility {
                dir,
                spare,
                _root: root,
                server,
            }
        }
    }

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }

    /// Stops the servers and removes the stores.
    pub fn shut_down() {
        APPS.with(|apps| apps.borrow_mut().clear());
        FACILITIES.with(|all| {
            for (_, mut f) in std::mem::take(&mut *all.borrow_mut()) {
                stop(&mut f.server);
            }
        });
    }
}

/// Waits until the server of `dir` answers the handshake.
fn wait_for_socket(dir: &Path, patience: Duration) {
    let until = Instant::now() + patience;
    let socket = socket_path(dir);
    loop {
        if let Ok(mut stream) = UnixStream::connect(&socket) {
            let hello = ClientMsg::Hello {
                version: mentas::protocol::PROTOCOL_VERSION,
            };
            if write_frame(&mut stream, &hello).is_ok()
                && matches!(read_frame(&mut stream), Ok(ServerMsg::Welcome { .. }))
            {
                return;
            }
        }
        assert!(Instant::now() < until, "no server on {}", dir.display());
        thread::sleep(Duration::from_micros(500));
    }
}

/// One frame at 80×24 into a test backend: building the screen's widgets, rendering them
/// into the buffer and diffing it against the last frame.
mod frame {
    use super::*;

    fn bench_screen(bencher: Bencher, residents: usize, screen: KeyCode) {
        fixtures::with_app(residents, |app| {
            press(app, screen);
            assert!(match screen {
                ROSTER => matches!(app.screen, Screen::Roster),
                _ => matches!(app.screen, Screen::RollCall(_)),
            });
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            // Down and Up in turn, so each frame differs from the last (a highlight moved).
            let mut down = true;
            bencher.bench_local(|| {
                press(app, if down { KeyCode::Down } else { KeyCode::Up });
                down = !down;
                terminal.draw(|f| app.render(f)).map(|_| ()).unwrap();
            });
        })
    }

    /// Klien, sorted by name.
    #[divan::bench(args = SIZES)]
    fn roster(bencher: Bencher, residents: usize) {
        bench_screen(bencher, residents, ROSTER);
    }

    /// Apel, this shift's roll call: one row per resident in residence.
    #[divan::bench(args = SIZES)]
    fn roll_call(bencher: Bencher, residents: usize) {
        bench_screen(bencher, residents, ROLL_CALL);
    }
}

/// The roster's search: every character typed filters and ranks all residents again
/// (or, when the query only grew, the ones the shorter query matched).
mod search {
    use super::*;

    fn bench_typing(bencher: Bencher, residents: usize, query: &str) {
        fixtures::with_app(residents, |app| {
            press(app, ROSTER);
            press(app, KeyCode::Char('/'));
            let keys = 2 * query.chars().count();
            bencher
                .counter(divan::counter::ItemsCount::new(keys))
                .bench_local(|| {
                    for c in query.chars() {
                        press(app, KeyCode::Char(c));
                    }
                    for _ in query.chars() {
                        press(app, KeyCode::Backspace);
                    }
                });
            press(app, KeyCode::Esc);
        })
    }

    /// Typing "muhamad" and deleting it again: 14 keys, time per key is the mean divided
    /// by 14 (divan's item rate).
    #[divan::bench(args = SIZES)]
    fn per_key(bencher: Bencher, residents: usize) {
        bench_typing(bencher, residents, "muhamad");
    }

    /// The year of a registration number, which nearly every resident's starts with: a
    /// number, looked for in registration numbers and NIKs as typed (not fuzzy-matched),
    /// and every key of it scores nearly every row. "2026" and deleting it again: 8 keys.
    #[divan::bench(args = SIZES)]
    fn per_key_digits(bencher: Bencher, residents: usize) {
        bench_typing(bencher, residents, "2026");
    }

    /// The first letter, which matches most residents and is looked for among all of
    /// them. Timed alone; deleting it again is not.
    #[divan::bench(args = SIZES, sample_count = 100, sample_size = 1)]
    fn first_letter(bencher: Bencher, residents: usize) {
        fixtures::with_app(residents, |app| {
            press(app, ROSTER);
            press(app, KeyCode::Char('/'));
            let app = RefCell::new(app);
            bencher
                .with_inputs(|| press(&mut app.borrow_mut(), KeyCode::Backspace))
                .bench_local_refs(|_| press(&mut app.borrow_mut(), KeyCode::Char('a')));
            press(&mut app.borrow_mut(), KeyCode::Esc);
        })
    }
}

/// Commands through the server: the socket both ways, the service, and the store's
/// transaction flushed to disk before the answer.
mod round_trip {
    use super::*;

    /// Residents in residence and aktif, to change back and forth.
    fn active(conn: &mut dyn Connection, n: usize) -> Vec<(mentas::domain::ClientId, u64)> {
        conn.list_clients()
            .unwrap()
            .into_iter()
            .filter(|r| r.status == Status::Active)
            .take(n)
            .map(|r| (r.id, r.revision))
            .collect()
    }

    /// A status change (aktif to sakit, or back), as the status form saves it.
    #[divan::bench(args = SERVED, sample_count = 60, sample_size = 1)]
    fn status_change(bencher: Bencher, residents: usize) {
        let (dir, _) = fixtures::facility(residents);
        let mut conn = connect(&dir);
        let conn: &mut dyn Connection = &mut conn;
        let mut people = active(conn, 40);
        let mut sick = vec![false; people.len()];
        let today = SystemClock.today();
        let mut i = 0;
        bencher.bench_local(|| {
            let k = i % people.len();
            i += 1;
            let (id, revision) = people[k];
            sick[k] = !sick[k];
            let detail = if sick[k] {
                mentas::domain::StatusDetail::Sick
            } else {
                mentas::domain::StatusDetail::Active
            };
            let change = StatusInput {
                detail,
                date: today,
                note: String::new(),
            };
            let saved = conn.change_status(id, revision, change).unwrap();
            people[k].1 = saved.revision;
        });
    }

    /// A roll-call mark in this shift's roll call (hadir, or izin), as Apel saves it.
    #[divan::bench(args = SERVED, sample_count = 60, sample_size = 1)]
    fn roll_call_mark(bencher: Bencher, residents: usize) {
        use mentas::domain::roll_call::Presence;
        let (dir, _) = fixtures::facility(residents);
        let mut conn = connect(&dir);
        let conn: &mut dyn Connection = &mut conn;
        let slot = conn.today().unwrap().slot;
        let people = active(conn, 40);
        let mut i = 0;
        bencher.bench_local(|| {
            let (id, _) = people[i % people.len()];
            let presence = if (i / people.len()).is_multiple_of(2) {
                Presence::Present
            } else {
                Presence::Leave
            };
            i += 1;
            conn.mark(slot, id, presence, String::new(), None).unwrap();
        });
    }
}

/// From nothing to something on screen.
mod start {
    use super::*;

    /// `mentas` with its server running: connect and shake hands, load who I am, the
    /// roster and Hari ini, and draw the first frame (80×24, into memory).
    #[divan::bench(args = SERVED, sample_count = 20, sample_size = 1)]
    fn first_frame(bencher: Bencher, residents: usize) {
        let (dir, _) = fixtures::facility(residents);
        bencher.bench_local(|| {
            let conn = Box::new(connect(&dir));
            let app = App::new(conn, Lang::Id, Theme::colour(), clock()).unwrap();
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal.draw(|f| app.render(f)).map(|_| ()).unwrap();
            // Dropped after the timing: the connection closes then.
            (app, terminal)
        });
    }

    /// A `mentas serve` process, stopped (SIGTERM, then waited for) when dropped.
    struct Running(Child);

    impl Drop for Running {
        fn drop(&mut self) {
            fixtures::stop(&mut self.0);
        }
    }

    /// `mentas serve --foreground` on a store of this size, from spawning the binary until
    /// its socket answers the handshake.
    #[divan::bench(args = SERVED, sample_count = 20, sample_size = 1)]
    fn serve(bencher: Bencher, residents: usize) {
        let (_, spare) = fixtures::facility(residents);
        bencher.bench_local(|| {
            let running = Running(fixtures::serve(&spare));
            wait_for_socket(&spare, Duration::from_secs(30));
            running
        });
    }
}
