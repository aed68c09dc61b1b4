//! Dates as staff type them (`28-11-2026`, `28/11/2026`) and the facility's time zone.

use chrono::{FixedOffset, NaiveDate};

/// Western Indonesian Time (WIB, UTC+7) decides what "today" is, not the machine's zone.
pub fn wib() -> FixedOffset {
    // 7 hours is well inside the ±24 h range `east_opt` accepts.
    FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset")
}

/// Why a typed date was not understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DateError {
    /// Not of the form day-month-year.
    Format,
    /// The form is right but the day does not exist (31-02-2026).
    NoSuchDay,
}

/// Parses `28-11-2026`, `28/11/2026` or `28.11.2026` (day and month may be one digit).
pub fn parse_date(raw: &str) -> Result<NaiveDate, DateError> {
    let parts: Vec<&str> = raw.trim().split(['-', '/', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return Err(DateError::Format);
    };
    let num = |s: &str, max_len: usize| -> Result<u32, DateError> {
        if s.is_empty() || s.len() > max_len || !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(DateError::Format);
        }
        s.parse().map_err(|_| DateError::Format)
    };
    let (d, m) = (num(d, 2)?, num(m, 2)?);
    if y.len() != 4 {
        return Err(DateError::Format);
    }
    let y = num(y, 4)? as i32;
    NaiveDate::from_ymd_opt(y, m, d).ok_or(DateError::NoSuchDay)
}

/// Writes a date the way staff type it back: `28-11-2026`.
pub fn format_input(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// Whole years from `born` to `on`.
pub fn years_between(born: NaiveDate, on: NaiveDate) -> Option<u32> {
    on.years_since(born)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn accepts_the_forms_staff_type() {
        assert_eq!(parse_date("28-11-2026"), Ok(d(2026, 11, 28)));
        assert_eq!(parse_date("28/11/2026"), Ok(d(2026, 11, 28)));
        assert_eq!(parse_date(" 1-2-1970 "), Ok(d(1970, 2, 1)));
        assert_eq!(parse_date("29.02.2024"), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        assert_eq!(parse_date("2026-11-28"), Err(DateError::Format));
        assert_eq!(parse_date("28-11-26"), Err(DateError::Format));
        assert_eq!(parse_date("kemarin"), Err(DateError::Format));
        assert_eq!(parse_date(""), Err(DateError::Format));
        assert_eq!(parse_date("31-02-2026"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("29-02-2025"), Err(DateError::NoSuchDay));
    }

    #[test]
    fn round_trips_through_input_format() {
        assert_eq!(format_input(d(2026, 1, 5)), "05-01-2026");
        assert_eq!(parse_date(&format_input(d(2026, 1, 5))), Ok(d(2026, 1, 5)));
    }

    #[test]
    fn years_between_counts_birthdays() {
        assert_eq!(years_between(d(1980, 11, 29), d(2026, 11, 28)), Some(45));
        assert_eq!(years_between(d(1980, 11, 28), d(2026, 11, 28)), Some(46));
        assert_eq!(years_between(d(2030, 1, 1), d(2026, 11, 28)), None);
    }
}
