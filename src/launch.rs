//! From a parsed command line to a running TUI: the data dir, logging, the store (demo or
//! real), the service and the connection the UI talks through.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use directories::ProjectDirs;

use crate::cli::Cli;
use crate::client::LocalConnection;
use crate::clock::{Clock, SystemClock};
use crate::demo;
use crate::service::Service;
use crate::store::Store;
use crate::ui::{self, text::Lang};

/// A file in a demo data dir that marks it as demo data, so `--demo --data DIR` never
/// touches a real store.
const DEMO_MARKER: &str = "DEMO";

fn dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("id", "mentas", "mentas")
}

/// The OS user running this process.
pub fn current_username() -> String {
    uzers::get_current_username()
        .and_then(|n| n.into_string().ok())
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "unknown".into())
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

fn prepare_dir(dir: &Path) -> Result<(), String> {
    fs::create_dir_all(dir)
        .map_err(|e| format!("cannot create data dir {}: {e}", dir.display()))?;
    let probe = dir.join(".mentas-write-test");
    fs::write(&probe, b"")
        .map_err(|e| format!("data dir {} is not writable: {e}", dir.display()))?;
    let _ = fs::remove_file(probe);
    Ok(())
}

fn start_logging(dir: &Path) {
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("mentas")
        .filename_suffix("log")
        .max_log_files(14)
        .build(dir.join("logs"));
    if let Ok(appender) = appender {
        let _ = tracing_subscriber::fmt()
            .with_writer(appender)
            .with_ansi(false)
            .try_init();
    }
}

fn is_empty_dir(dir: &Path) -> bool {
    fs::read_dir(dir)
        .map(|mut d| d.next().is_none())
        .unwrap_or(true)
}

/// Runs mentas as the command line asks. Errors are one line, for the user.
pub fn run(cli: Cli) -> Result<(), String> {
    let lang = language(cli.lang);
    let username = current_username();
    let mut throwaway = None;
    let dir: PathBuf = match (&cli.data, cli.demo) {
        (Some(dir), _) => dir.clone(),
        (None, true) => {
            let t = tempfile::Builder::new()
                .prefix("mentas-demo-")
                .tempdir()
                .map_err(|e| format!("cannot create a demo dir: {e}"))?;
            let path = t.path().to_path_buf();
            throwaway = Some(t);
            path
        }
        (None, false) => dirs()
            .map(|d| d.data_dir().to_path_buf())
            .ok_or("cannot find a home directory; use --data DIR")?,
    };
    let fresh = is_empty_dir(&dir);
    if cli.demo && !fresh && !dir.join(DEMO_MARKER).exists() {
        return Err(format!(
            "{} holds data that is not a demo store; choose an empty dir for --demo",
            dir.display()
        ));
    }
    prepare_dir(&dir)?;
    start_logging(&dir);
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let store = Store::open(&dir)
        .map_err(|e| format!("cannot open the store in {}: {e}", dir.display()))?;
    let service = Arc::new(Service::new(store, clock.clone()));
    if cli.demo && fresh {
        let data = demo::generate(demo::SEED, clock.today(), cli.residents as usize, &username);
        service
            .load_demo(&data)
            .map_err(|e| format!("cannot load demo data: {e}"))?;
        fs::write(dir.join(DEMO_MARKER), b"fictional demo data\n").map_err(|e| e.to_string())?;
    }
    tracing::info!("started (demo: {})", cli.demo);
    let result = ui::run(
        Box::new(LocalConnection::new(service, username)),
        lang,
        clock,
    );
    drop(throwaway);
    result.map_err(|e| e.to_string())
}
