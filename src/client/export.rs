//! Roll calls to a spreadsheet file, through any connection: the same for the TUI's export
//! form and `mentas export rollcall`.

use std::path::Path;

use chrono::NaiveDate;

use super::{CallError, Connection};
use crate::domain::shift::Shift;
use crate::export::{self, Format};

/// What an export writes: the file format (with the CSV separator) and which shift of
/// each day, or every shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportSpec {
    pub format: Format,
    /// Only this shift's roll calls; `None`: all three.
    pub shift: Option<Shift>,
}

impl From<Format> for ExportSpec {
    /// Every shift, in `format`.
    fn from(format: Format) -> ExportSpec {
        ExportSpec {
            format,
            shift: None,
        }
    }
}

/// Why an export did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ExportFailed {
    #[error("{0}")]
    Call(CallError),
    #[error("{0}")]
    Write(#[from] export::ExportError),
}

/// Fetches the roll calls of `from..=to` (of one shift, if `spec` names one) and writes
/// them to `path`; returns the row count. Staff names replace user names when the caller
/// may list staff (the head).
pub fn roll_calls_to_file(
    conn: &mut dyn Connection,
    from: NaiveDate,
    to: NaiveDate,
    spec: impl Into<ExportSpec>,
    path: &Path,
) -> Result<usize, ExportFailed> {
    let spec = spec.into();
    let mut roll_calls = conn.roll_calls(from, to).map_err(ExportFailed::Call)?;
    if let Some(shift) = spec.shift {
        roll_calls.retain(|rc| rc.slot.shift == shift);
    }
    let residents = conn.list_clients().map_err(ExportFailed::Call)?;
    let mut rows = export::rollcall_rows(&roll_calls, &residents);
    if let Ok(staff) = conn.list_staff() {
        export::name_staff(&mut rows, &staff);
    }
    export::write(path, spec.format, &rows)?;
    Ok(rows.len())
}
