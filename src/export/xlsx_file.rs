//! XLSX: one sheet, `Apel`, with a bold heading row that stays in view, a filter on every
//! column, dates and times as real Excel dates (`dd-mm-yyyy`, `dd-mm-yyyy hh:mm`) and
//! columns wide enough for their contents.

use std::path::Path;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{ColNum, ExcelDateTime, Format, RowNum, Workbook, Worksheet, XlsxError};

use super::labels::{
    DATE_FORMAT, DATETIME_FORMAT, HEADINGS, presence_label, shift_label, source_label,
};
use super::rows::RollCallRecord;
use super::{ExportError, save};

/// The name of the one sheet.
pub const SHEET_NAME: &str = "Apel";

/// Widest a column is made, in characters; longer notes wrap out of view.
const MAX_WIDTH: usize = 50;

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

fn excel_datetime(t: NaiveDateTime) -> Result<ExcelDateTime, XlsxError> {
    excel_date(t.date())?.and_hms(t.hour() as u16, t.minute() as u8, t.second())
}

/// Column widths: the longest text in each column (as the CSV would write it), at least
/// the heading, at most [`MAX_WIDTH`].
fn widths(rows: &[RollCallRecord]) -> [usize; 10] {
    let mut w = HEADINGS.map(|h| h.chars().count());
    let len = |s: &str| s.chars().count();
    // Dates and times are as wide whatever they are.
    w[0] = w[0].max(len("28-11-2026"));
    w[9] = w[9].max(len("28-11-2026 07:23"));
    for r in rows {
        let texts = [
            (1, len(shift_label(r.shift))),
            (2, len(&r.reg_no)),
            (3, len(&r.name)),
            (4, len(&r.room)),
            (5, r.presence.map_or(0, |p| len(presence_label(p)))),
            (6, len(source_label(r.source))),
            (7, len(&r.note)),
            (8, len(&r.marked_by)),
        ];
        for (col, n) in texts {
            w[col] = w[col].max(n);
        }
    }
    w.map(|n| n.min(MAX_WIDTH))
}

fn write_text(ws: &mut Worksheet, row: RowNum, col: ColNum, text: &str) -> Result<(), XlsxError> {
    if !text.is_empty() {
        ws.write_string(row, col, text)?;
    }
    Ok(())
}

/// The whole workbook.
pub fn xlsx_bytes(rows: &[RollCallRecord]) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(SHEET_NAME)?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format(DATE_FORMAT);
    let datetime = Format::new().set_num_format(DATETIME_FORMAT);
    for (col, heading) in HEADINGS.iter().enumerate() {
        ws.write_string_with_format(0, col as ColNum, *heading, &bold)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (i, r) in rows.iter().enumerate() {
        // Beyond Excel's million rows this fails with a clear error from the writer.
        let row = RowNum::try_from(i + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        ws.write_datetime_with_format(row, 0, excel_date(r.date)?, &date)?;
        ws.write_string(row, 1, shift_label(r.shift))?;
        write_text(ws, row, 2, &r.reg_no)?;
        write_text(ws, row, 3, &r.name)?;
        write_text(ws, row, 4, &r.room)?;
        write_text(
            ws,
            row,
            5,
            r.presence.map(presence_label).unwrap_or_default(),
        )?;
        ws.write_string(row, 6, source_label(r.source))?;
        write_text(ws, row, 7, &r.note)?;
        write_text(ws, row, 8, &r.marked_by)?;
        if let Some(at) = r.marked_at {
            ws.write_datetime_with_format(row, 9, excel_datetime(at)?, &datetime)?;
        }
    }
    let last = RowNum::try_from(rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    ws.autofilter(0, 0, last, (HEADINGS.len() - 1) as ColNum)?;
    for (col, width) in widths(rows).iter().enumerate() {
        // A little room for the filter button beside the heading.
        ws.set_column_width(col as ColNum, *width as f64 + 3.0)?;
    }
    Ok(book.save_to_buffer()?)
}

/// Writes `rows` as XLSX to `path`, replacing any file there.
pub fn write_xlsx(path: &Path, rows: &[RollCallRecord]) -> Result<(), ExportError> {
    save(path, &xlsx_bytes(rows)?)
}
