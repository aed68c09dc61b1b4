//! NIK and KK numbers for demo residents: laid out as the real ones are (region, birth
//! date with 40 added to the day for women, serial), and unique across the demo.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::pick::{DemoRng, between};
use crate::domain::{KkNumber, Nik, Sex};

/// Hands out identity numbers, never the same one twice.
#[derive(Default)]
pub(super) struct IdentityNumbers {
    niks: HashSet<String>,
    kks: HashSet<String>,
}

impl IdentityNumbers {
    /// A NIK from region `code` for a person born on `born` of `sex`, serial 0001–0099.
    pub fn nik(&mut self, rng: &mut DemoRng, code: u16, born: NaiveDate, sex: Sex) -> Option<Nik> {
        let day = born.day() + if sex == Sex::Female { 40 } else { 0 };
        let date = format!(
            "{day:02}{:02}{:02}",
            born.month(),
            born.year().rem_euclid(100)
        );
        let mut district = between(rng, 1, 24);
        let mut serial = between(rng, 1, 99);
        // Serials per district and birth date run out only after 99 people; then move on
        // to the next district. At most 24 × 99 tries, almost always one.
        for _ in 0..24 * 99 {
            let digits = format!("{code:04}{district:02}{date}{serial:04}");
            if !self.niks.contains(&digits) {
                let nik = Nik::parse(&digits).ok()?;
                self.niks.insert(digits);
                return Some(nik);
            }
            serial = serial % 99 + 1;
            if serial == 1 {
                district = district % 24 + 1;
            }
        }
        None
    }

    /// A family card number from region `code`, issued on a day between 2008 and `today`.
    pub fn kk(&mut self, rng: &mut DemoRng, code: u16, today: NaiveDate) -> Option<KkNumber> {
        let first = NaiveDate::from_ymd_opt(2008, 1, 1)?;
        let span = u64::try_from((today - first).num_days()).ok()?;
        loop {
            let district = between(rng, 1, 24);
            let issued = first + chrono::Days::new(between(rng, 0, span));
            let digits = format!(
                "{code:04}{district:02}{:02}{:02}{:02}{:04}",
                issued.day(),
                issued.month(),
                issued.year().rem_euclid(100),
                between(rng, 1, 9999)
            );
            if self.kks.insert(digits.clone()) {
                return KkNumber::parse(&digits).ok();
            }
        }
    }
}
