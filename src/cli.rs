//! The command line: options and their help text.

use std::path::PathBuf;

use clap::Parser;

use crate::ui::text::Lang;

/// mentas — daily records of a social-rehabilitation facility (UPT Rehabilitasi Sosial Bina
/// Karya): residents, status, and more to come, in the terminal.
#[derive(Debug, Parser)]
#[command(name = "mentas", version, about, long_about = None)]
#[command(
    after_help = "Data lives in the platform data dir (e.g. ~/.local/share/mentas) unless \
--data or MENTAS_DATA says otherwise.\n\nTry it: mentas --demo"
)]
pub struct Cli {
    /// Data directory [default: the platform data dir, e.g. ~/.local/share/mentas]
    #[arg(long, env = "MENTAS_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Open a store full of fictional demo data: throwaway, or kept in --data DIR
    #[arg(long)]
    pub demo: bool,

    /// How many residents the demo facility has in residence
    #[arg(long, value_name = "N", default_value_t = 100, requires = "demo",
          value_parser = clap::value_parser!(u32).range(1..=200_000))]
    pub residents: u32,

    /// Language of the UI; saved as your preference for next time
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
}
