//! The time source: the real clock in WIB, or a fixed one for tests and screenshots.

use chrono::{NaiveDateTime, Utc};

use crate::domain::dates::wib;

/// Tells the current local time in the facility's zone (WIB).
pub trait Clock: Send + Sync {
    fn now(&self) -> NaiveDateTime;

    fn today(&self) -> chrono::NaiveDate {
        self.now().date()
    }
}

/// The machine's clock, converted to WIB whatever the machine's own zone.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        Utc::now().with_timezone(&wib()).naive_local()
    }
}

/// Always the same instant: tests and screenshots.
pub struct FixedClock(pub NaiveDateTime);

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        self.0
    }
}
