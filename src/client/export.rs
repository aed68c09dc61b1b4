//! Roll calls to a spreadsheet file, through any connection: the same for the TUI's export
//! form and `mentas export rollcall`.

use std::path::Path;

use chrono::NaiveDate;

use super::{CallError, Connection};
use crate::export::{self, Format};

/// Why an export did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ExportFailed {
    #[error("{0}")]
    Call(CallError),
    #[error("{0}")]
    Write(#[from] export::ExportError),
}

/// Fetches the roll calls of `from..=to` and writes them to `path`; returns the row count.
/// Staff names replace user names when the caller may list staff (the head).
pub fn roll_calls_to_file(
    conn: &mut dyn Connection,
    from: NaiveDate,
    to: NaiveDate,
    format: Format,
    path: &Path,
) -> Result<usize, ExportFailed> {
    let roll_calls = conn.roll_calls(from, to).map_err(ExportFailed::Call)?;
    let residents = conn.list_clients().map_err(ExportFailed::Call)?;
    let mut rows = export::rollcall_rows(&roll_calls, &residents);
    if let Ok(staff) = conn.list_staff() {
        export::name_staff(&mut rows, &staff);
    }
    export::write(path, format, &rows)?;
    Ok(rows.len())
}
