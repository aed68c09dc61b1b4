//! CSV: UTF-8 with a byte-order mark (so Excel does not read Indonesian text as another
//! code page), comma-separated, CRLF line ends, dates as `28-11-2026`.

use std::path::Path;

use super::labels::{
    HEADINGS, date_text, datetime_text, presence_label, shift_label, source_label,
};
use super::rows::RollCallRecord;
use super::{ExportError, save};

/// The UTF-8 byte-order mark.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// Text a spreadsheet program would take for a formula (`=`, `+`, `-`, `@` first) gets a
/// leading apostrophe, so a typed name or note can never run as one when the file is
/// opened. Only CSV needs this: XLSX cells are typed as text.
fn guarded(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The cells of one row as text, in heading order.
fn cells(row: &RollCallRecord) -> [String; 10] {
    [
        date_text(row.date),
        shift_label(row.shift).to_string(),
        guarded(&row.reg_no),
        guarded(&row.name),
        guarded(&row.room),
        row.presence
            .map(presence_label)
            .unwrap_or_default()
            .to_string(),
        source_label(row.source).to_string(),
        guarded(&row.note),
        guarded(&row.marked_by),
        row.marked_at.map(datetime_text).unwrap_or_default(),
    ]
}

/// The whole CSV file.
pub fn csv_bytes(rows: &[RollCallRecord]) -> Result<Vec<u8>, ExportError> {
    let mut out = BOM.to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(HEADINGS)?;
        for row in rows {
            w.write_record(cells(row))?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// Writes `rows` as CSV to `path`, replacing any file there.
pub fn write_csv(path: &Path, rows: &[RollCallRecord]) -> Result<(), ExportError> {
    save(path, &csv_bytes(rows)?)
}
