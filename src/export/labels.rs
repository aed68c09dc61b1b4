//! The Indonesian words of an export: column headings, shift and presence names, and how
//! dates and times are written.

use chrono::{NaiveDate, NaiveDateTime};

use super::rows::MarkSource;
use crate::domain::roll_call::Presence;
use crate::domain::shift::Shift;

/// The column headings, in column order.
pub const HEADINGS: [&str; 10] = [
    "Tanggal",
    "Piket",
    "No. Reg",
    "Nama",
    "Kamar",
    "Kehadiran",
    "Sumber",
    "Catatan",
    "Dicatat oleh",
    "Waktu catat",
];

/// pagi, siang, malam.
pub fn shift_label(shift: Shift) -> &'static str {
    match shift {
        Shift::Morning => "pagi",
        Shift::Afternoon => "siang",
        Shift::Night => "malam",
    }
}

/// hadir, izin, sakit, dirujuk, kabur.
pub fn presence_label(presence: Presence) -> &'static str {
    match presence {
        Presence::Present => "hadir",
        Presence::Leave => "izin",
        Presence::Sick => "sakit",
        Presence::Referred => "dirujuk",
        Presence::Absconded => "kabur",
    }
}

/// ditandai, dari status, belum ditandai.
pub fn source_label(source: MarkSource) -> &'static str {
    match source {
        MarkSource::Marked => "ditandai",
        MarkSource::Implied => "dari status",
        MarkSource::Unmarked => "belum ditandai",
    }
}

/// `28-11-2026`.
pub(super) fn date_text(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// `28-11-2026 07:23`.
pub(super) fn datetime_text(t: NaiveDateTime) -> String {
    t.format("%d-%m-%Y %H:%M").to_string()
}

/// The number format of date cells in XLSX.
pub(super) const DATE_FORMAT: &str = "dd-mm-yyyy";

/// The number format of date-and-time cells in XLSX.
pub(super) const DATETIME_FORMAT: &str = "dd-mm-yyyy hh:mm";
