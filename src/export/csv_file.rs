//! CSV: UTF-8 with a byte-order mark (so Excel does not read Indonesian text as another
//! code page), `;`-separated by default (`,` on request), CRLF line ends, dates as
//! `28-11-2026`.
//!
//! A field is quoted when it holds either separator, a quote or a line break, whichever
//! separator the file uses: a row then stays one row with the same cells whether the
//! program opening it splits on `;` or on `,`.

use std::path::Path;

use super::labels::{
    HEADINGS, date_text, datetime_text, presence_label, shift_label, source_label,
};
use super::rows::RollCallRecord;
use super::{Delimiter, ExportError, save};

/// The UTF-8 byte-order mark.
const BOM: &str = "\u{feff}";

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

/// Appends `field` to `out`, in quotes (and with quotes doubled) when it holds a
/// separator, a quote or a line break.
fn push_field(out: &mut String, field: &str) {
    if field.contains([';', ',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Appends one line: the fields separated by `delimiter`, ended by CRLF.
fn push_line<S: AsRef<str>>(out: &mut String, fields: &[S], delimiter: Delimiter) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(delimiter.char());
        }
        push_field(out, field.as_ref());
    }
    out.push_str("\r\n");
}

/// The whole CSV file.
pub fn csv_bytes(rows: &[RollCallRecord], delimiter: Delimiter) -> Result<Vec<u8>, ExportError> {
    let mut out = String::from(BOM);
    push_line(&mut out, &HEADINGS, delimiter);
    for row in rows {
        push_line(&mut out, &cells(row), delimiter);
    }
    Ok(out.into_bytes())
}

/// Writes `rows` as CSV to `path`, replacing any file there.
pub fn write_csv(
    path: &Path,
    rows: &[RollCallRecord],
    delimiter: Delimiter,
) -> Result<(), ExportError> {
    save(path, &csv_bytes(rows, delimiter)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(fields: &[&str], delimiter: Delimiter) -> String {
        let mut out = String::new();
        push_line(&mut out, fields, delimiter);
        out
    }

    #[test]
    fn fields_with_separators_quotes_or_line_breaks_are_quoted() {
        let fields = ["a;b", "c,d", "say \"hi\"", "two\nlines", "plain"];
        assert_eq!(
            line(&fields, Delimiter::Semicolon),
            "\"a;b\";\"c,d\";\"say \"\"hi\"\"\";\"two\nlines\";plain\r\n"
        );
        assert_eq!(
            line(&fields, Delimiter::Comma),
            "\"a;b\",\"c,d\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n"
        );
    }
}
