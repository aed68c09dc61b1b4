//! From a parsed command line to what it asks for: the TUI connected to the data dir's
//! server (started if needed), the server itself, or a staff, export, backup, restore or
//! check command.

use std::fs;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use directories::ProjectDirs;

use crate::cli::{Cli, Command, ExportCommand, RollcallArgs, ServeArgs, StaffCommand};
use crate::client::autostart::StartError;
use crate::client::autostart::{DEMO_IDLE_EXIT, IDLE_EXIT, START_TIMEOUT, StartSpec, serve_args};
use crate::client::{Connection, SocketConnection, socket::ConnectError};
use crate::clock::{Clock, SystemClock};
use crate::domain::Role;
use crate::protocol::{BackupSummary, CheckReport, PROTOCOL_VERSION, Request};
use crate::server::{self, DemoSetup, Identity, ServeError, ServeOptions};
use crate::store::{Store, StoreError};
use crate::ui;
use crate::ui::text::{Lang, Msg};

fn dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("id", "mentas", "mentas")
}

/// The language: `--lang` (then saved), else the saved preference, else Indonesian.
fn language(asked: Option<Lang>) -> Lang {
    let file = dirs().map(|d| d.config_dir().join("lang"));
    match (asked, &file) {
        (Some(lang), Some(file)) => {
            let code = if lang == Lang::En { "en" } else { "id" };
            // A preference that cannot be saved is not worth refusing to start over.
            let _ = fs::create_dir_all(file.parent().unwrap_or(Path::new(".")))
                .and_then(|_| fs::write(file, code));
            lang
        }
        (Some(lang), None) => lang,
        (None, Some(file)) => match fs::read_to_string(file)
            .map(|s| s.trim().to_string())
            .as_deref()
        {
            Ok("en") => Lang::En,
            _ => Lang::Id,
        },
        (None, None) => Lang::Id,
    }
}

/// The data dir: `--data` (or `MENTAS_DATA`), else the platform's. One that exists but
/// is not a directory (a file) is refused here, before anything tries to use it.
fn data_dir(cli: &Cli, lang: Lang) -> Result<PathBuf, String> {
    let dir = match &cli.data {
        Some(dir) => dir.clone(),
        None => dirs()
            .map(|d| d.data_dir().to_path_buf())
            .ok_or_else(|| lang.t(Msg::LaunchNoHome).to_string())?,
    };
    if dir.exists() && !dir.is_dir() {
        return Err(lang.f(Msg::LaunchNotDir, &[&dir.display().to_string()]));
    }
    Ok(dir)
}

fn is_empty_dir(dir: &Path) -> bool {
    fs::read_dir(dir)
        .map(|mut d| d.next().is_none())
        .unwrap_or(true)
}

/// Runs mentas as the command line asks. Errors are one line, for the user.
pub fn run(cli: Cli) -> Result<(), String> {
    // How long a server this mentas starts waits for clients after the last one left.
    let idle = cli.idle_exit.unwrap_or(IDLE_EXIT);
    // Every answer, on the screen or the command line, in the user's language.
    let lang = language(cli.lang);
    match &cli.command {
        None => tui(&cli, lang),
        Some(Command::Serve(args)) => serve(&data_dir(&cli, lang)?, args, idle, lang),
        Some(Command::Staff(cmd)) => staff(&data_dir(&cli, lang)?, cmd, idle, lang),
        Some(Command::Export(cmd)) => export(&data_dir(&cli, lang)?, cmd, idle, lang),
        Some(Command::Backup { file }) => backup(&data_dir(&cli, lang)?, file, idle, lang),
        Some(Command::Restore { file }) => restore(&data_dir(&cli, lang)?, file),
        Some(Command::Check) => check(&data_dir(&cli, lang)?, lang),
    }
}

/// How a client starts the server of `dir` when none runs.
fn start_spec(dir: &Path, idle: Duration, demo: Option<DemoSetup>) -> Result<StartSpec, String> {
    let exe =
        std::env::current_exe().map_err(|e| format!("cannot find the mentas program: {e}"))?;
    Ok(StartSpec {
        exe,
        args: serve_args(dir, idle, demo),
    })
}

/// True when `dir` is this user's own (or does not exist yet): then a client may start
/// the server. A dir owned by someone else is a facility install whose server is a
/// service; a client starting one would own files as the wrong person.
fn may_start_server(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match fs::metadata(dir) {
        Ok(meta) => meta.uid() == rustix::process::getuid().as_raw(),
        Err(_) => true,
    }
}

/// The group that may use `dir`: the group of its socket, else of the dir itself (a
/// setgid dir of the service's group), else `mentas`.
fn service_group(dir: &Path) -> String {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(server::socket_path(dir))
        .or_else(|_| fs::metadata(dir))
        .ok()
        .and_then(|meta| uzers::get_group_by_gid(meta.gid()))
        .and_then(|group| group.name().to_str().map(String::from))
        .unwrap_or_else(|| "mentas".into())
}

/// What a user refused by the permissions of `dir` is told: that it is a permission
/// matter (the server may well be running), and who can let them in, with the command.
fn permission_denied(dir: &Path, lang: Lang) -> String {
    let user = server::own_username();
    let group = service_group(dir);
    let dir = dir.display().to_string();
    lang.f(
        Msg::LaunchPermissionDenied,
        &[&user, &dir, &group, &group, &user],
    )
}

/// Connects to the server of `dir`, offering to replace an older auto-started one.
/// Refusals are worded in `lang`.
fn connect(dir: &Path, start: StartSpec, lang: Lang) -> Result<SocketConnection, String> {
    let start = may_start_server(dir).then_some(start);
    let may_start = start.is_some();
    let mut conn = match SocketConnection::connect(dir.to_path_buf(), start.clone()) {
        Ok(conn) => Ok(conn),
        Err(ConnectError::Mismatch {
            auto_started: true,
            server_version,
        }) if server_version < PROTOCOL_VERSION => {
            let versions = [server_version.to_string(), PROTOCOL_VERSION.to_string()];
            eprint!(
                "{}",
                lang.f(Msg::CliRestartAsk, &[&versions[0], &versions[1]])
            );
            let _ = io::stderr().flush();
            let mut answer = String::new();
            io::stdin()
                .lock()
                .read_line(&mut answer)
                .map_err(|e| e.to_string())?;
            if !matches!(answer.trim(), "y" | "Y" | "ya" | "yes") {
                return Err(lang.t(Msg::CliNotRestarted).into());
            }
            SocketConnection::ask_to_shut_down(dir).map_err(|e| e.to_string())?;
            // The old server removes its socket as it exits; then a new one starts.
            for _ in 0..50 {
                if !server::socket_path(dir).exists() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            SocketConnection::connect(dir.to_path_buf(), start)
                .map_err(|e| connect_error(dir, e, may_start, lang))
        }
        Err(e) => Err(connect_error(dir, e, may_start, lang)),
    }?;
    conn.set_lang(lang);
    Ok(conn)
}

/// A failed connection to the server of `dir` as one line: a permission refusal first (a
/// server may be running, just not for this user), then, where the user may not start a
/// server, that the service is not running.
fn connect_error(dir: &Path, e: ConnectError, may_start: bool, lang: Lang) -> String {
    let shown = |p: &Path| p.display().to_string();
    match e {
        ConnectError::Start(StartError::PermissionDenied { dir }) => permission_denied(&dir, lang),
        ConnectError::Mismatch { server_version, .. } => {
            let versions = [server_version.to_string(), PROTOCOL_VERSION.to_string()];
            // A newer server is not for this older program, whoever started it.
            let msg = if server_version > PROTOCOL_VERSION {
                Msg::LaunchServerNewer
            } else {
                Msg::LaunchMismatchService
            };
            lang.f(msg, &[&versions[0], &versions[1]])
        }
        ConnectError::Io(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            permission_denied(dir, lang)
        }
        ConnectError::Io(e) if !may_start => match start_error(dir) {
            // The service tried and could not start (a damaged store, say).
            Some(why) => lang.f(Msg::LaunchServiceFailed, &[&shown(dir), &why]),
            None => lang.f(Msg::LaunchServiceDown, &[&shown(dir), &e.to_string()]),
        },
        ConnectError::Io(e) => lang.f(
            Msg::LaunchCannotConnect,
            &[&shown(&server::socket_path(dir)), &e.to_string()],
        ),
        ConnectError::Handshake => lang.t(Msg::LaunchHandshake).into(),
        ConnectError::Start(e) => start_error_text(e, lang),
    }
}

/// Why the server could not be reached or started, in `lang`.
fn start_error_text(e: StartError, lang: Lang) -> String {
    let shown = |p: &Path| p.display().to_string();
    match e {
        StartError::PermissionDenied { dir } => permission_denied(&dir, lang),
        StartError::DataDir { dir, source } if dir.exists() && !dir.is_dir() => {
            let _ = source;
            lang.f(Msg::LaunchNotDir, &[&shown(&dir)])
        }
        StartError::DataDir { dir, source } => lang.f(
            Msg::LaunchCannotCreate,
            &[&shown(&dir), &source.to_string()],
        ),
        StartError::Lock { path, source } => {
            lang.f(Msg::LaunchCannotLock, &[&shown(&path), &source.to_string()])
        }
        StartError::Spawn { exe, source } => {
            lang.f(Msg::LaunchCannotSpawn, &[&shown(&exe), &source.to_string()])
        }
        StartError::Exited { status, logs } => {
            lang.f(Msg::LaunchServerExited, &[&status, &shown(&logs)])
        }
        StartError::Refused(why) => lang.f(Msg::LaunchServerRefused, &[&why]),
        StartError::Timeout { logs } => lang.f(
            Msg::LaunchServerSlow,
            &[&START_TIMEOUT.as_secs().to_string(), &shown(&logs)],
        ),
        StartError::Connect { socket, source } => lang.f(
            Msg::LaunchCannotConnect,
            &[&shown(&socket), &source.to_string()],
        ),
    }
}

fn tui(cli: &Cli, lang: Lang) -> Result<(), String> {
    let (dir, demo) = if cli.demo {
        let residents = cli.residents as usize;
        match &cli.data {
            Some(dir) => {
                let marked = server::demo_marker_path(dir).exists();
                if dir.exists() && !dir.is_dir() {
                    return Err(lang.f(Msg::LaunchNotDir, &[&dir.display().to_string()]));
                }
                if !is_empty_dir(dir) && !marked {
                    return Err(lang.f(Msg::LaunchNotDemo, &[&dir.display().to_string()]));
                }
                (
                    dir.clone(),
                    Some(DemoSetup {
                        residents,
                        remove_dir_on_exit: false,
                    }),
                )
            }
            None => {
                let dir = tempfile::Builder::new()
                    .prefix("mentas-demo-")
                    .tempdir()
                    .map_err(|e| format!("cannot create a demo dir: {e}"))?
                    .keep();
                (
                    dir,
                    Some(DemoSetup {
                        residents,
                        remove_dir_on_exit: true,
                    }),
                )
            }
        }
    } else {
        (data_dir(cli, lang)?, None)
    };
    let idle = idle_exit(cli, demo.is_some());
    // A server started for a TUI that then cannot open its terminal would only sit idle:
    // make sure of the terminal first.
    terminal_works().map_err(|e| lang.f(Msg::LaunchNoTerminal, &[&e.to_string()]))?;
    // A big demo takes seconds to make: say so rather than leave the screen blank.
    if let Some(d) = demo
        && d.residents > 1_000
        && !server::demo_marker_path(&dir).exists()
    {
        eprintln!("{}", lang.f(Msg::DemoMaking, &[&d.residents.to_string()]));
    }
    let conn = connect(&dir, start_spec(&dir, idle, demo)?, lang)?;
    // Unexpected errors (a panic) go to the data dir's log, never over the screen.
    let _ = tracing::dispatcher::set_global_default(server::logging::dispatch(&dir, "tui"));
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    ui::run(Box::new(conn), lang, clock).map_err(|e| e.to_string())
}

/// How long the server a TUI starts waits after its last client: a demo's (throwaway or
/// kept in --data DIR) goes soon; otherwise `--idle-exit`, `MENTAS_IDLE_EXIT` or ten
/// minutes.
fn idle_exit(cli: &Cli, demo: bool) -> Duration {
    if demo {
        DEMO_IDLE_EXIT
    } else {
        cli.idle_exit.unwrap_or(IDLE_EXIT)
    }
}

/// Whether the TUI can take over this terminal: raw mode switched on and straight back
/// off, as the TUI will switch it on (no terminal at all, as under cron or `ssh host
/// mentas` without `-t`, fails here).
fn terminal_works() -> io::Result<()> {
    use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode};
    enable_raw_mode()?;
    disable_raw_mode()
}

fn serve(dir: &Path, args: &ServeArgs, idle: Duration, lang: Lang) -> Result<(), String> {
    let demo = args.demo_residents.map(|n| DemoSetup {
        residents: n as usize,
        remove_dir_on_exit: args.remove_dir_on_exit,
    });
    if !args.foreground {
        // Detach: the same command in its own session, in the foreground of that.
        let idle = args.idle_exit.unwrap_or(idle);
        let spec = start_spec(dir, idle, demo)?;
        let stream = crate::client::autostart::connect_or_start(dir, &spec)
            .map_err(|e| start_error_text(e, lang))?;
        drop(stream);
        println!("mentas: server running for {}", dir.display());
        return Ok(());
    }
    let idle_exit = match (args.idle_exit, args.auto_started) {
        (Some(idle), _) => Some(idle),
        (None, true) => Some(IDLE_EXIT),
        (None, false) => None,
    };
    let opts = ServeOptions {
        data_dir: dir.to_path_buf(),
        idle_exit,
        auto_started: args.auto_started,
        demo,
        identity: Identity::OsUsers,
    };
    server::serve(opts).map_err(|e| e.to_string())
}

/// `mentas staff …`: through the server, as the OS user running it (who must be kepala).
/// Everything it says is in `lang`.
fn staff(dir: &Path, cmd: &StaffCommand, idle: Duration, lang: Lang) -> Result<(), String> {
    let mut conn = connect(dir, start_spec(dir, idle, None)?, lang)?;
    let conn: &mut dyn Connection = &mut conn;
    let err = |conn: &mut dyn Connection, e: crate::client::CallError| {
        use crate::client::CallError;
        use crate::domain::Refusal;
        match (&e, conn.hello()) {
            // A disabled account is told so, and who can enable it.
            (CallError::Refused(Refusal::NoAccount(user)), Ok(info)) if info.disabled => {
                let heads = info.heads.join(", ");
                format!(
                    "{} {}",
                    lang.f(Msg::NoAccountDisabled, &[user]),
                    lang.f(Msg::CliEnableHint, &[&heads, user])
                )
            }
            _ => ui::text::call_error(lang, &e),
        }
    };
    let find = |conn: &mut dyn Connection, user: &str| match conn.list_staff() {
        Ok(all) => all
            .into_iter()
            .find(|s| s.username == user)
            .ok_or_else(|| lang.f(Msg::CliNoStaffAccount, &[user])),
        Err(e) => Err(err(conn, e)),
    };
    let role_name = |role: Role| ui::text::role(lang, role);
    match cmd {
        StaffCommand::List => {
            // Asked first: someone who may not list staff sees only the refusal.
            let all = match conn.list_staff() {
                Ok(all) => all,
                Err(e) => return Err(err(conn, e)),
            };
            println!(
                "{:<16} {:<30} {:<11} {}",
                lang.t(Msg::StaffColUser),
                lang.t(Msg::StaffColName),
                lang.t(Msg::StaffColRole),
                lang.t(Msg::StaffColActive)
            );
            for s in all {
                let active = if s.active {
                    Msg::StaffActive
                } else {
                    Msg::StaffInactive
                };
                println!(
                    "{:<16} {:<30} {:<11} {}",
                    s.username,
                    s.display_name,
                    role_name(s.role),
                    lang.t(active)
                );
            }
        }
        StaffCommand::Add {
            user,
            role,
            name,
            force,
        } => {
            // A typo would make an account nobody can log in to.
            if !force && uzers::get_user_by_name(user.trim()).is_none() {
                return Err(lang.f(Msg::CliNoOsUser, &[user.trim()]));
            }
            let request = Request::AddStaff {
                username: user.clone(),
                display_name: name.clone().unwrap_or_else(|| user.clone()),
                role: (*role).into(),
            };
            let saved = conn.save_staff(request).map_err(|e| err(conn, e))?;
            let role = role_name(saved.role);
            let shown = [saved.username.as_str(), saved.display_name.as_str(), role];
            println!("{}", lang.f(Msg::CliAdded, &shown));
        }
        StaffCommand::Role { user, role } => {
            let s = find(conn, user)?;
            let request = Request::UpdateStaff {
                username: s.username,
                base_revision: s.revision,
                display_name: s.display_name,
                role: (*role).into(),
                active: s.active,
            };
            let saved = conn.save_staff(request).map_err(|e| err(conn, e))?;
            let role = role_name(saved.role);
            println!("{}", lang.f(Msg::CliRoleSet, &[&saved.username, role]));
        }
        StaffCommand::Disable { user } | StaffCommand::Enable { user } => {
            let s = find(conn, user)?;
            let active = matches!(cmd, StaffCommand::Enable { .. });
            let request = Request::UpdateStaff {
                username: s.username,
                base_revision: s.revision,
                display_name: s.display_name,
                role: s.role,
                active,
            };
            let saved = conn.save_staff(request).map_err(|e| err(conn, e))?;
            let done = if saved.active {
                Msg::CliEnabled
            } else {
                Msg::CliDisabled
            };
            println!("{}", lang.f(done, &[&saved.username]));
        }
    }
    Ok(())
}

/// `mentas export rollcall …`: through the server, as the OS user running it.
fn export(dir: &Path, cmd: &ExportCommand, idle: Duration, lang: Lang) -> Result<(), String> {
    let ExportCommand::Rollcall(RollcallArgs {
        from,
        to,
        shift,
        format,
        out,
    }) = cmd;
    let mut conn = connect(dir, start_spec(dir, idle, None)?, lang)?;
    let spec = crate::client::export::ExportSpec {
        format: *format,
        shift: *shift,
    };
    let rows = crate::client::export::roll_calls_to_file(&mut conn, *from, *to, spec, out)
        .map_err(|e| e.to_string())?;
    println!("{rows} rows written to {}", out.display());
    Ok(())
}

/// What the last server of `dir` wrote about failing to start, if anything.
fn start_error(dir: &Path) -> Option<String> {
    crate::client::autostart::start_error_since(dir, std::time::SystemTime::UNIX_EPOCH)
}

/// A failed backup or check as one line: the server's own words for a storage refusal
/// (they say what to do), the usual text otherwise.
fn command_error(e: &crate::client::CallError, lang: Lang) -> String {
    match e {
        crate::client::CallError::Refused(crate::domain::Refusal::Storage(text)) => text.clone(),
        other => ui::text::call_error(lang, other),
    }
}

/// Whether a server answers on the socket of `dir`.
fn server_answers(dir: &Path) -> bool {
    std::os::unix::net::UnixStream::connect(server::socket_path(dir)).is_ok()
}

fn tree_counts(summary: &BackupSummary) -> String {
    summary
        .trees
        .iter()
        .filter(|t| t.pairs > 0)
        .map(|t| format!("{} {}", t.name, t.pairs))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `mentas backup FILE`: the server writes a snapshot while everyone keeps working. The
/// path is made absolute here, as the server runs from `/`.
fn backup(dir: &Path, file: &Path, idle: Duration, lang: Lang) -> Result<(), String> {
    let file = std::path::absolute(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut conn = connect(dir, start_spec(dir, idle, None)?, lang)?;
    let conn: &mut dyn Connection = &mut conn;
    let summary = conn.backup(file).map_err(|e| command_error(&e, lang))?;
    if summary.replaced_partial {
        println!(
            "replaced {}, left by an interrupted backup",
            crate::store::backup::partial_path(&summary.path).display()
        );
    }
    println!(
        "backup written to {}: {} bytes, {} records in {} trees ({})",
        summary.path.display(),
        summary.bytes,
        summary.records,
        summary.trees.len(),
        tree_counts(&summary)
    );
    Ok(())
}

/// `mentas restore FILE`: offline, into an empty or new data dir only.
fn restore(dir: &Path, file: &Path) -> Result<(), String> {
    if server_answers(dir) {
        return Err(format!(
            "a mentas server is running on {}; restore only into an empty data dir with no server (stop it, move the dir aside, then restore)",
            dir.display()
        ));
    }
    let (summary, report) = crate::store::backup::restore(dir, file).map_err(|e| e.to_string())?;
    println!(
        "restored {} into {}: {} records in {} trees ({}); backup made {} WIB by mentas {}",
        summary.path.display(),
        dir.display(),
        summary.records,
        summary.trees.len(),
        tree_counts(&summary),
        summary.created_at.format("%Y-%m-%d %H:%M"),
        summary.mentas_version
    );
    print_check(dir, &report);
    Ok(())
}

fn print_check(dir: &Path, report: &CheckReport) {
    println!(
        "checked {}: {} trees, {} records ({} residents, {} staff, {} marks, {} handover notes, {} audit entries)",
        dir.display(),
        report.trees,
        report.records,
        report.clients,
        report.staff,
        report.marks,
        report.handovers,
        report.audit
    );
    if report.is_clean() {
        println!("no problems found");
        return;
    }
    println!("problems:");
    for problem in &report.problems {
        println!("  {problem}");
    }
    if report.more_problems > 0 {
        println!("  … and {} more", report.more_problems);
    }
}

/// `mentas check`: through the running server, else on the store directly (which must
/// exist: checking never creates a store).
fn check(dir: &Path, lang: Lang) -> Result<(), String> {
    if let Err(e) = std::os::unix::net::UnixStream::connect(server::socket_path(dir))
        && e.kind() == io::ErrorKind::PermissionDenied
    {
        return Err(permission_denied(dir, lang));
    }
    let report = if server_answers(dir) {
        let mut conn = SocketConnection::connect(dir.to_path_buf(), None)
            .map_err(|e| connect_error(dir, e, false, lang))?;
        conn.set_lang(lang);
        let conn: &mut dyn Connection = &mut conn;
        conn.check().map_err(|e| command_error(&e, lang))?
    } else {
        let has_store = ["conf", "db", crate::store::watermark::FILE]
            .iter()
            .any(|name| dir.join(name).exists());
        if !has_store {
            return Err(format!("there is no mentas store in {}", dir.display()));
        }
        let store = Store::open(dir).map_err(|e| match e {
            StoreError::Damaged(why) => ServeError::Damaged {
                dir: dir.to_path_buf(),
                why,
            }
            .to_string(),
            StoreError::InUse => format!(
                "the store in {} is in use by a mentas server that is starting or stopping; try again",
                dir.display()
            ),
            other => format!("cannot open the store in {}: {other}", dir.display()),
        })?;
        store
            .check()
            .map_err(|e| format!("cannot read the store in {}: {e}", dir.display()))?
    };
    print_check(dir, &report);
    if report.is_clean() {
        Ok(())
    } else {
        let n = report.problem_count();
        Err(format!(
            "{n} {} in the store in {}; if records are damaged, restore the last backup into an empty dir: mentas restore FILE --data NEWDIR",
            if n == 1 { "problem" } else { "problems" },
            dir.display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn cli(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("mentas").chain(args.iter().copied())).unwrap()
    }

    #[test]
    fn a_demo_server_goes_soon_and_others_when_asked() {
        assert_eq!(idle_exit(&cli(&["--demo"]), true), DEMO_IDLE_EXIT);
        let kept = cli(&["--demo", "--data", "/tmp/demo", "--idle-exit", "1h"]);
        assert_eq!(idle_exit(&kept, true), DEMO_IDLE_EXIT, "a kept demo too");
        assert_eq!(idle_exit(&cli(&[]), false), IDLE_EXIT);
        assert_eq!(
            IDLE_EXIT,
            Duration::from_secs(600),
            "ten minutes by default"
        );
        let asked = cli(&["--idle-exit", "30m"]);
        assert_eq!(idle_exit(&asked, false), Duration::from_secs(1800));
    }

    #[test]
    fn a_refusal_by_permissions_is_not_a_stopped_service() {
        let dir = tempfile::tempdir().unwrap();
        for e in [
            ConnectError::Io(io::Error::from(io::ErrorKind::PermissionDenied)),
            crate::client::socket::connect_failure(
                dir.path(),
                io::Error::from(io::ErrorKind::PermissionDenied),
            ),
        ] {
            let text = connect_error(dir.path(), e, false, Lang::En);
            assert!(
                text.starts_with("permission denied: your OS user ("),
                "{text}"
            );
            assert!(text.contains("Ask the administrator to add you to the group"));
            assert!(text.contains("sudo usermod -aG "), "{text}");
            assert!(!text.contains("not running"), "{text}");
        }
        let id = connect_error(
            dir.path(),
            ConnectError::Io(io::Error::from(io::ErrorKind::PermissionDenied)),
            false,
            Lang::Id,
        );
        assert!(id.starts_with("izin ditolak"), "{id}");
        // Nobody listening where the user may not start a server: the service is down.
        let down = connect_error(
            dir.path(),
            ConnectError::Io(io::Error::from(io::ErrorKind::ConnectionRefused)),
            false,
            Lang::En,
        );
        assert!(down.contains("is not running"), "{down}");
        assert!(down.contains("systemctl start mentas"), "{down}");
    }
}
