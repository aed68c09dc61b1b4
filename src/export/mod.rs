//! Roll calls out to a spreadsheet: CSV or XLSX with Indonesian column headings, one row
//! per resident per roll call, for `mentas export rollcall` and the roll-call screen.
//!
//! The rows are built from roll calls as the service returns them (`Request::RollCalls`),
//! so an export shows what the screens show:
//! - `Kehadiran` is the presence that counts: the mark made, or else the one the
//!   resident's status implies (izin, sakit, dirujuk, kabur); empty when neither;
//! - `Sumber` says which: `ditandai` (a mark was made), `dari status` (implied by the
//!   status, nobody marked the row) or `belum ditandai` (no presence at all), so the
//!   counts per presence match the headcount and an unfinished roll call is plain to see;
//! - `Dicatat oleh` and `Waktu catat` are only filled for marks made.
//!
//! CSV is separated by `;` unless asked otherwise, because Excel with Indonesian regional
//! settings (decimal comma) splits on `;` and would put a comma-separated row whole in
//! column A; `,` is there for the other spreadsheet settings.
//!
//! Files are written whole or not at all: into a temporary file beside the target, then
//! renamed over it. Like the store, they hold personal data and are readable by their
//! owner only.

mod csv_file;
mod labels;
mod rows;
mod xlsx_file;

use std::io::Write;
use std::path::Path;
use std::str::FromStr;

pub use csv_file::{csv_bytes, write_csv};
pub use labels::{HEADINGS, presence_label, shift_label, source_label};
pub use rows::{MarkSource, RollCallRecord, name_staff, rollcall_rows};
pub use xlsx_file::{SHEET_NAME, write_xlsx, xlsx_bytes};

/// The field separator of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Delimiter {
    /// `;`: what Excel expects where the decimal mark is a comma, as in Indonesia; a
    /// comma-separated file would land whole rows in column A there.
    #[default]
    Semicolon,
    /// `,`: for spreadsheet programs set up for a decimal point.
    Comma,
}

impl Delimiter {
    /// The separator itself.
    pub fn char(self) -> char {
        match self {
            Delimiter::Semicolon => ';',
            Delimiter::Comma => ',',
        }
    }
}

/// The file formats an export can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Text, UTF-8 with a byte-order mark so Excel reads Indonesian text right, fields
    /// separated by the given delimiter.
    Csv(Delimiter),
    /// An Excel workbook with one sheet, `Apel`.
    Xlsx,
}

impl Format {
    /// CSV with the default (`;`) separator.
    pub const CSV: Format = Format::Csv(Delimiter::Semicolon);

    pub const ALL: [Format; 3] = [
        Format::Csv(Delimiter::Semicolon),
        Format::Csv(Delimiter::Comma),
        Format::Xlsx,
    ];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv(_) => "csv",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format a file name's extension names (case-insensitive), if any; CSV with the
    /// default separator.
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension()?.to_str()?.parse().ok()
    }
}

impl FromStr for Format {
    type Err = ExportError;

    /// `csv` or `xlsx`, in any case; CSV with the default separator.
    fn from_str(s: &str) -> Result<Format, ExportError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(Format::CSV),
            "xlsx" => Ok(Format::Xlsx),
            _ => Err(ExportError::UnknownFormat(s.to_string())),
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("unknown export format {0:?} (csv or xlsx)")]
    UnknownFormat(String),
    #[error("cannot write the export file: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot write XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The file contents of `rows` in `format`.
pub fn to_bytes(format: Format, rows: &[RollCallRecord]) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Csv(delimiter) => csv_bytes(rows, delimiter),
        Format::Xlsx => xlsx_bytes(rows),
    }
}

/// Writes `rows` to `path` in `format`, replacing any file there.
pub fn write(path: &Path, format: Format, rows: &[RollCallRecord]) -> Result<(), ExportError> {
    save(path, &to_bytes(format, rows)?)
}

/// Writes `bytes` to `path` whole or not at all: a temporary file in the same folder,
/// renamed over the target once complete.
fn save(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
