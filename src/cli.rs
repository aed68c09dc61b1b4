//! The command line: options, subcommands and their help text.

use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use clap::error::ErrorKind;
use clap::{ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::domain::Role;
use crate::domain::shift::Shift;
use crate::export::{Delimiter, Format};
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

    /// When this mentas starts the server itself, the server exits after the last client
    /// has been gone this long: seconds, or with a unit (90s, 10m, 1h). Not for --demo,
    /// whose server goes 30 seconds after its last client [default: 10m]
    #[arg(long, env = "MENTAS_IDLE_EXIT", value_name = "TIME", value_parser = duration_arg)]
    pub idle_exit: Option<Duration>,

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
    #[command(after_help = "Examples:\n  \
mentas export rollcall --from 01-11-2026 --to 30-11-2026 --out apel-november.xlsx\n  \
mentas export rollcall --from 28-11-2026 --shift malam --out apel-malam.csv")]
    Rollcall(RollcallArgs),
}

/// The options of `mentas export rollcall` as typed, before they are checked together.
#[derive(Debug, Args)]
struct RollcallOptions {
    /// First day, as 28-11-2026
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    from: NaiveDate,
    /// Last day, as 28-11-2026 [default: the same as --from]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    to: Option<NaiveDate>,
    /// Only this shift's roll calls [default: all three]
    #[arg(long, value_enum, value_name = "SHIFT")]
    shift: Option<ShiftArg>,
    /// File format [default: from the --out file's extension, .xlsx or .csv]
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<FormatArg>,
    /// CSV field separator: semicolon for Excel with Indonesian regional settings (decimal
    /// comma), comma for a decimal point [default: semicolon]
    #[arg(long, value_enum, value_name = "SEP")]
    delimiter: Option<DelimiterArg>,
    /// The file to write (replaced if it exists); .xlsx or .csv
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

/// `mentas export rollcall`, checked: the format settled from `--format` and the file
/// name, the dates in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollcallArgs {
    pub from: NaiveDate,
    /// The last day (`--from` when not given).
    pub to: NaiveDate,
    /// One shift, or `None` for all three.
    pub shift: Option<Shift>,
    /// CSV with its separator, or XLSX.
    pub format: Format,
    pub out: PathBuf,
}

impl RollcallOptions {
    /// The options made one: a refusal is one line saying what to change.
    fn settle(self) -> Result<RollcallArgs, String> {
        let to = self.to.unwrap_or(self.from);
        if to < self.from {
            return Err(format!(
                "--to {} is before --from {}",
                to.format("%d-%m-%Y"),
                self.from.format("%d-%m-%Y")
            ));
        }
        let by_name = Format::from_path(&self.out);
        let out = self.out.display();
        let format = match (self.format, by_name) {
            (Some(asked), Some(named)) if asked.is_csv() != matches!(named, Format::Csv(_)) => {
                return Err(format!(
                    "--format {} does not match --out {out}; give --format {} or a file ending in .{}",
                    asked.name(),
                    named.extension(),
                    asked.name()
                ));
            }
            (Some(asked), _) => asked,
            (None, Some(named)) => FormatArg::from(named),
            (None, None) => {
                return Err(format!(
                    "cannot tell the format of --out {out}; end the file name in .xlsx or .csv, or give --format xlsx|csv"
                ));
            }
        };
        let format = match (format, self.delimiter) {
            (FormatArg::Xlsx, Some(_)) => {
                return Err(format!(
                    "--delimiter is for CSV files, and --out {out} is XLSX"
                ));
            }
            (FormatArg::Xlsx, None) => Format::Xlsx,
            (FormatArg::Csv, sep) => Format::Csv(sep.map_or(Delimiter::default(), Delimiter::from)),
        };
        Ok(RollcallArgs {
            from: self.from,
            to,
            shift: self.shift.map(Shift::from),
            format,
            out: self.out,
        })
    }
}

impl FromArgMatches for RollcallArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        RollcallOptions::from_arg_matches(matches)?
            .settle()
            .map_err(|why| clap::Error::raw(ErrorKind::ArgumentConflict, format!("{why}\n")))
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = RollcallArgs::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for RollcallArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        RollcallOptions::augment_args(cmd)
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        RollcallOptions::augment_args_for_update(cmd)
    }
}

/// A spreadsheet format as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Text with separated fields, UTF-8 (see --delimiter)
    Csv,
    /// Excel workbook, one sheet "Apel"
    Xlsx,
}

impl FormatArg {
    fn is_csv(self) -> bool {
        self == FormatArg::Csv
    }

    fn name(self) -> &'static str {
        match self {
            FormatArg::Csv => "csv",
            FormatArg::Xlsx => "xlsx",
        }
    }
}

impl From<Format> for FormatArg {
    fn from(f: Format) -> FormatArg {
        match f {
            Format::Csv(_) => FormatArg::Csv,
            Format::Xlsx => FormatArg::Xlsx,
        }
    }
}

/// A CSV separator as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DelimiterArg {
    /// ";" (titik koma)
    #[value(alias = "titik-koma", alias = ";")]
    Semicolon,
    /// "," (koma)
    #[value(alias = "koma", alias = ",")]
    Comma,
}

impl From<DelimiterArg> for Delimiter {
    fn from(d: DelimiterArg) -> Delimiter {
        match d {
            DelimiterArg::Semicolon => Delimiter::Semicolon,
            DelimiterArg::Comma => Delimiter::Comma,
        }
    }
}

/// A shift as typed on the command line, in Indonesian or English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShiftArg {
    /// morning, 07–14 by default
    #[value(alias = "morning")]
    Pagi,
    /// afternoon, 14–21 by default
    #[value(alias = "afternoon")]
    Siang,
    /// night, 21–07 by default (the date it begins on)
    #[value(alias = "night")]
    Malam,
}

impl From<ShiftArg> for Shift {
    fn from(s: ShiftArg) -> Shift {
        match s {
            ShiftArg::Pagi => Shift::Morning,
            ShiftArg::Siang => Shift::Afternoon,
            ShiftArg::Malam => Shift::Night,
        }
    }
}

fn date_arg(raw: &str) -> Result<NaiveDate, String> {
    crate::domain::dates::parse_date(raw)
        .map_err(|_| format!("{raw:?} is not a date like 28-11-2026"))
}

/// A time span as typed: seconds (`600`), or a number with a unit: `90s`, `10m`, `1h`.
pub fn duration_arg(raw: &str) -> Result<Duration, String> {
    let text = raw.trim().to_ascii_lowercase();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let per = match unit.trim() {
        "" | "s" | "sec" | "secs" => 1,
        "m" | "min" | "mins" => 60,
        "h" | "hour" | "hours" => 3600,
        _ => 0,
    };
    let secs = digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(per))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("{raw:?} is not a time like 600, 90s, 10m or 1h"))?;
    Ok(Duration::from_secs(secs))
}

/// Options of `mentas serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Stay in the foreground until stopped (for systemd); without it the server detaches
    #[arg(long)]
    pub foreground: bool,

    /// Exit after the last client has been gone this long: seconds, or with a unit (90s,
    /// 10m, 1h) [default: never with --foreground, else MENTAS_IDLE_EXIT or 10m]
    #[arg(long, value_name = "TIME", value_parser = duration_arg)]
    pub idle_exit: Option<Duration>,

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
        /// Add it even though no OS user of that name exists on this machine (yet)
        #[arg(long)]
        force: bool,
    },
    /// Change the role of an account (the last head cannot be demoted)
    Role {
        /// The OS user name (login)
        user: String,
        /// The new role
        #[arg(value_enum)]
        role: RoleArg,
    },
    /// Disable an account (the last head cannot be disabled)
    Disable { user: String },
    /// Enable a disabled account again
    Enable { user: String },
}

/// A role as typed on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    /// petugas: roll calls, handover notes, residents and their status changes
    #[value(alias = "staff")]
    Staf,
    /// koordinator piket: also exits, undoing a status change, correcting finished roll calls
    Supervisor,
    /// kepala: everything, including staff accounts, the audit trail, shift times, backups
    #[value(alias = "head")]
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("mentas").chain(args.iter().copied()))
    }

    fn rollcall(args: &[&str]) -> Result<RollcallArgs, String> {
        let mut all = vec!["export", "rollcall", "--from", "28-11-2026"];
        all.extend_from_slice(args);
        match parse(&all) {
            Ok(Cli {
                command: Some(Command::Export(ExportCommand::Rollcall(r))),
                ..
            }) => Ok(r),
            Ok(other) => panic!("parsed as {other:?}"),
            Err(e) => Err(e.to_string()),
        }
    }

    #[test]
    fn the_format_comes_from_the_file_name_when_not_given() {
        let r = rollcall(&["--out", "apel.csv"]).unwrap();
        assert_eq!(r.format, Format::Csv(Delimiter::Semicolon), "; by default");
        assert_eq!(
            rollcall(&["--out", "x/Apel.XLSX"]).unwrap().format,
            Format::Xlsx
        );
        let r = rollcall(&["--out", "apel.csv", "--delimiter", "comma"]).unwrap();
        assert_eq!(r.format, Format::Csv(Delimiter::Comma));
        // An explicit format needs no extension.
        let r = rollcall(&["--format", "xlsx", "--out", "apel"]).unwrap();
        assert_eq!(r.format, Format::Xlsx);
        assert_eq!(r.to, r.from, "--to defaults to --from");
    }

    #[test]
    fn a_format_the_file_name_contradicts_is_refused_in_one_line() {
        let e = rollcall(&["--format", "xlsx", "--out", "a.csv"]).unwrap_err();
        let first = e.lines().next().unwrap();
        assert!(
            first.contains("--format xlsx does not match --out a.csv"),
            "{e}"
        );
        let e = rollcall(&["--out", "apel.txt"]).unwrap_err();
        assert!(
            e.contains("cannot tell the format of --out apel.txt"),
            "{e}"
        );
        let e = rollcall(&["--out", "apel.xlsx", "--delimiter", "comma"]).unwrap_err();
        assert!(e.contains("--delimiter is for CSV"), "{e}");
        let e = rollcall(&["--to", "01-11-2026", "--out", "a.csv"]).unwrap_err();
        assert!(
            e.contains("--to 01-11-2026 is before --from 28-11-2026"),
            "{e}"
        );
        // Refused at parse time, as a usage error (exit status 2 in main).
        let err = parse(&["export", "rollcall", "--from", "28-11-2026", "--out", "a"]);
        assert_eq!(err.unwrap_err().kind(), ErrorKind::ArgumentConflict);
    }

    #[test]
    fn one_shift_in_indonesian_or_english() {
        assert_eq!(rollcall(&["--out", "a.csv"]).unwrap().shift, None);
        for (typed, shift) in [
            ("pagi", Shift::Morning),
            ("morning", Shift::Morning),
            ("siang", Shift::Afternoon),
            ("afternoon", Shift::Afternoon),
            ("malam", Shift::Night),
            ("night", Shift::Night),
        ] {
            let r = rollcall(&["--shift", typed, "--out", "a.csv"]).unwrap();
            assert_eq!(r.shift, Some(shift), "{typed}");
        }
        assert!(rollcall(&["--shift", "sore", "--out", "a.csv"]).is_err());
    }

    #[test]
    fn idle_time_in_seconds_or_with_a_unit() {
        assert_eq!(duration_arg("600"), Ok(Duration::from_secs(600)));
        assert_eq!(duration_arg("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(duration_arg("10m"), Ok(Duration::from_secs(600)));
        assert_eq!(duration_arg("1h"), Ok(Duration::from_secs(3600)));
        assert!(duration_arg("0").is_err());
        assert!(duration_arg("ten").is_err());
        assert!(duration_arg("5d").is_err());
        let cli = parse(&["--idle-exit", "20m"]).unwrap();
        assert_eq!(cli.idle_exit, Some(Duration::from_secs(1200)));
        let cli = parse(&["serve", "--foreground", "--idle-exit", "30"]).unwrap();
        match cli.command {
            Some(Command::Serve(args)) => {
                assert_eq!(args.idle_exit, Some(Duration::from_secs(30)))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_role_is_changed_by_name_in_indonesian_or_english() {
        for (typed, role) in [
            ("kepala", Role::Head),
            ("head", Role::Head),
            ("staf", Role::Staff),
        ] {
            match parse(&["staff", "role", "siti", typed]).unwrap().command {
                Some(Command::Staff(StaffCommand::Role { user, role: r })) => {
                    assert_eq!((user.as_str(), Role::from(r)), ("siti", role), "{typed}");
                }
                other => panic!("{other:?}"),
            }
        }
        assert!(parse(&["staff", "role", "siti", "boss"]).is_err());
        match parse(&["staff", "add", "zzqq", "--role", "staf"])
            .unwrap()
            .command
        {
            Some(Command::Staff(StaffCommand::Add { force, .. })) => assert!(!force),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_export_option_has_help() {
        use clap::CommandFactory;
        let mut cmd = Cli::command();
        let rollcall = cmd
            .find_subcommand_mut("export")
            .and_then(|c| c.find_subcommand_mut("rollcall"))
            .unwrap();
        for arg in rollcall.get_arguments() {
            if matches!(arg.get_id().as_str(), "help" | "data" | "lang") {
                continue;
            }
            assert!(arg.get_help().is_some(), "--{} has no help", arg.get_id());
        }
    }
}
