//! The command line: options, subcommands and their help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::domain::Role;
use crate::ui::text::Lang;

/// mentas — daily records of a social-rehabilitation facility (UPT Rehabilitasi Sosial Bina
/// Karya): residents, status, staff and audit, in the terminal.
#[derive(Debug, Parser)]
#[command(name = "mentas", version, about, long_about = None)]
#[command(
    after_help = "Data lives in the platform data dir (e.g. ~/.local/share/mentas) unless \
--data or MENTAS_DATA says otherwise. The first mentas on a data dir starts its server.\n\n\
Try it: mentas --demo"
)]
pub struct Cli {
    /// Data directory [default: the platform data dir, e.g. ~/.local/share/mentas]
    #[arg(long, env = "MENTAS_DATA", value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,

    /// Open a store full of fictional demo data: throwaway, or kept in --data DIR
    #[arg(long)]
    pub demo: bool,

    /// How many residents the demo facility has in residence
    #[arg(long, value_name = "N", default_value_t = 100, requires = "demo",
          value_parser = clap::value_parser!(u32).range(1..=200_000))]
    pub residents: u32,

    /// Language of the UI; saved as your preference for next time
    #[arg(long, value_enum, value_name = "LANG", global = true)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do instead of opening the TUI.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server that owns the store (the TUI starts one by itself when needed)
    Serve(ServeArgs),
    /// Manage staff accounts (needs the kepala role)
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Write records to a spreadsheet file
    #[command(subcommand)]
    Export(ExportCommand),
    /// Write a backup of the whole store while people work (needs the kepala role)
    #[command(
        after_help = "The server writes FILE as its own OS user: choose a directory it may \
write, e.g. /var/lib/mentas/backups/. Nightly, from a head's crontab:\n\n  \
0 2 * * * mentas backup /var/lib/mentas/backups/mentas-$(date +\\%F).bak --data /var/lib/mentas"
    )]
    Backup {
        /// The backup file to write (replaced if it is an older backup)
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Restore a backup into an empty or new data dir (no server may run on it)
    Restore {
        /// The backup file, as written by mentas backup
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Check that every record reads and the indexes and counters agree; exit status 1 if
    /// not (through the server when one runs, else on the store directly)
    Check,
}

/// `mentas export …`
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Roll calls of a date range, one row per resident per shift
    Rollcall {
        /// First day, as 28-11-2026
        #[arg(long, value_parser = date_arg)]
        from: chrono::NaiveDate,
        /// Last day, as 28-11-2026 [default: the same as --from]
        #[arg(long, value_parser = date_arg)]
        to: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value_t = FormatArg::Xlsx)]
        format: FormatArg,
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// A spreadsheet format as typed on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Csv,
    Xlsx,
}

fn date_arg(raw: &str) -> Result<chrono::NaiveDate, String> {
    crate::domain::dates::parse_date(raw)
        .map_err(|_| format!("{raw:?} is not a date like 28-11-2026"))
}

/// Options of `mentas serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Stay in the foreground until stopped (for systemd); without it the server detaches
    #[arg(long)]
    pub foreground: bool,

    /// Exit after the last client has been gone this many seconds [default: never with
    /// --foreground, 600 otherwise]
    #[arg(long, value_name = "SECS")]
    pub idle_exit: Option<u64>,

    /// Started by a client: may be asked to step aside for a newer version
    #[arg(long, hide = true)]
    pub auto_started: bool,

    /// Fill an empty data dir with a demo facility of N residents
    #[arg(long, value_name = "N", hide = true)]
    pub demo_residents: Option<u32>,

    /// Remove the data dir when the server exits (throwaway demo)
    #[arg(long, hide = true)]
    pub remove_dir_on_exit: bool,
}

/// `mentas staff …`
#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// List every staff account
    List,
    /// Add an account for an OS user
    Add {
        /// The OS user name (login)
        user: String,
        /// What the account may do
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The name shown in the app [default: the user name]
        #[arg(long)]
        name: Option<String>,
    },
    /// Disable an account (the last head cannot be disabled)
    Disable { user: String },
    /// Enable a disabled account again
    Enable { user: String },
}

/// A role as typed on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    /// petugas: daily records and resident edits
    Staf,
    /// koordinator piket: also schedules and exits
    Supervisor,
    /// kepala: everything, including staff accounts and the audit trail
    Kepala,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Staf => Role::Staff,
            RoleArg::Supervisor => Role::Supervisor,
            RoleArg::Kepala => Role::Head,
        }
    }
}
