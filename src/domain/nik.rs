//! NIK (e-KTP number) and KK (family card number): 16-digit identity numbers.
//!
//! A NIK reads `PP RR DD dd mm yy ssss`: province, regency, district, birth day (plus 40
//! for women), month, two-digit year, serial. A NIK that disagrees with a recorded birth
//! date or sex is a warning, never a refusal: street records are often wrong.

use chrono::{Datelike, NaiveDate};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::client::{BirthDate, Sex};

/// Why a typed NIK or KK was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NikError {
    /// Not 16 characters long; holds the length typed.
    WrongLength(usize),
    /// Holds something other than digits.
    NotDigits,
    /// The birth-date part (digits 7–12) is not a date that exists.
    ImpossibleDate,
    /// Province, regency or serial part is zero.
    ZeroPart,
}

/// Where a valid NIK disagrees with what else is recorded about the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NikMismatch {
    /// The NIK's day/month/year differ from the recorded birth date.
    BirthDate,
    /// The NIK's year differs from the recorded approximate birth year.
    BirthYear,
    /// The NIK says woman (day + 40) but the record says man, or the other way.
    Sex,
}

/// A NIK whose layout has been checked. Its sixteen digits are held inline and stored as
/// the text they are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Nik(CompactString);

fn sixteen_digits(raw: &str) -> Result<String, NikError> {
    let digits: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(NikError::NotDigits);
    }
    if digits.len() != 16 {
        return Err(NikError::WrongLength(digits.chars().count()));
    }
    Ok(digits)
}

fn two(s: &str, at: usize) -> u32 {
    // Callers pass a string already checked to be 16 ASCII digits.
    s[at..at + 2].parse().unwrap_or(0)
}

impl Nik {
    /// Parses a typed NIK; spaces and dots between digit groups are ignored.
    pub fn parse(raw: &str) -> Result<Nik, NikError> {
        let digits = sixteen_digits(raw)?;
        if &digits[0..2] == "00" || &digits[2..4] == "00" || &digits[12..16] == "0000" {
            return Err(NikError::ZeroPart);
        }
        let nik = Nik(digits.into());
        let (day, month) = (nik.day(), two(&nik.0, 8));
        // The century is unknown; 2000 is a leap year, so 29 Feb is accepted here and
        // checked against the recorded birth date by `mismatches`.
        if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
            return Err(NikError::ImpossibleDate);
        }
        Ok(nik)
    }

    /// The sixteen digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Region code: province and regency/city, e.g. 3514 for Kab. Pasuruan.
    pub fn regency_code(&self) -> u16 {
        self.0[0..4].parse().unwrap_or(0)
    }

    /// Four-digit serial (digits 13–16).
    pub fn serial(&self) -> u16 {
        self.0[12..16].parse().unwrap_or(0)
    }

    /// Sex encoded by the day part: women have 40 added.
    pub fn sex(&self) -> Sex {
        if two(&self.0, 6) > 40 {
            Sex::Female
        } else {
            Sex::Male
        }
    }

    fn day(&self) -> u32 {
        let raw = two(&self.0, 6);
        if raw > 40 { raw - 40 } else { raw }
    }

    /// Day, month and two-digit year of birth as encoded.
    pub fn birth_parts(&self) -> (u32, u32, u32) {
        (self.day(), two(&self.0, 8), two(&self.0, 10))
    }

    /// Shown in lists: region and serial only, `3514••••••••0003`.
    pub fn masked(&self) -> String {
        format!("{}••••••••{}", &self.0[0..4], &self.0[12..16])
    }

    /// Everything about this NIK that disagrees with the recorded birth date and sex.
    pub fn mismatches(&self, birth: &BirthDate, sex: Sex) -> Vec<NikMismatch> {
        let mut found = Vec::new();
        let (day, month, yy) = self.birth_parts();
        match birth {
            BirthDate::Exact(d) => {
                if d.day() != day || d.month() != month || (d.year() % 100) as u32 != yy {
                    found.push(NikMismatch::BirthDate);
                }
            }
            BirthDate::ApproxYear(y) => {
                if (*y % 100) as u32 != yy {
                    found.push(NikMismatch::BirthYear);
                }
            }
            BirthDate::Unknown => {}
        }
        if self.sex() != sex {
            found.push(NikMismatch::Sex);
        }
        found
    }
}

/// A family card (Kartu Keluarga) number: 16 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KkNumber(String);

impl KkNumber {
    /// Parses a typed KK number; spaces and dots are ignored.
    pub fn parse(raw: &str) -> Result<KkNumber, NikError> {
        sixteen_digits(raw).map(KkNumber)
    }

    /// The sixteen digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Shown in lists: `3514••••••••0003`.
    pub fn masked(&self) -> String {
        format!("{}••••••••{}", &self.0[0..4], &self.0[12..16])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn valid_man() {
        let nik = Nik::parse("3514021705800003").unwrap();
        assert_eq!(nik.regency_code(), 3514);
        assert_eq!(nik.sex(), Sex::Male);
        assert_eq!(nik.birth_parts(), (17, 5, 80));
        assert_eq!(nik.serial(), 3);
        assert_eq!(nik.masked(), "3514••••••••0003");
        assert!(
            nik.mismatches(&BirthDate::Exact(d(1980, 5, 17)), Sex::Male)
                .is_empty()
        );
    }

    #[test]
    fn valid_woman_has_forty_added_to_the_day() {
        let nik = Nik::parse("3575015708920012").unwrap();
        assert_eq!(nik.sex(), Sex::Female);
        assert_eq!(nik.birth_parts(), (17, 8, 92));
        assert!(
            nik.mismatches(&BirthDate::Exact(d(1992, 8, 17)), Sex::Female)
                .is_empty()
        );
        assert_eq!(
            nik.mismatches(&BirthDate::Exact(d(1992, 8, 17)), Sex::Male),
            vec![NikMismatch::Sex]
        );
    }

    #[test]
    fn spaces_and_dots_are_ignored() {
        assert!(Nik::parse("3514 0217 0580 0003").is_ok());
        assert!(Nik::parse("3514.021705.800003").is_ok());
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert_eq!(
            Nik::parse("3514023205800003"),
            Err(NikError::ImpossibleDate)
        ); // day 32
        assert_eq!(
            Nik::parse("3514027205800003"),
            Err(NikError::ImpossibleDate)
        ); // woman, day 32
        assert_eq!(
            Nik::parse("3514021013800003"),
            Err(NikError::ImpossibleDate)
        ); // month 13
        assert_eq!(
            Nik::parse("3514023102800003"),
            Err(NikError::ImpossibleDate)
        ); // 31 Feb
        assert_eq!(
            Nik::parse("3514020005800003"),
            Err(NikError::ImpossibleDate)
        ); // day 0
        assert_eq!(
            Nik::parse("3514024005800003"),
            Err(NikError::ImpossibleDate)
        ); // day 40 = 0
    }

    #[test]
    fn wrong_length_and_letters_are_refused() {
        assert_eq!(
            Nik::parse("351402170580003"),
            Err(NikError::WrongLength(15))
        );
        assert_eq!(
            Nik::parse("35140217058000031"),
            Err(NikError::WrongLength(17))
        );
        assert_eq!(Nik::parse(""), Err(NikError::WrongLength(0)));
        assert_eq!(Nik::parse("35140217O5800003"), Err(NikError::NotDigits));
        assert_eq!(Nik::parse("3514021705800000"), Err(NikError::ZeroPart));
        assert_eq!(KkNumber::parse("12345"), Err(NikError::WrongLength(5)));
        assert!(KkNumber::parse("3514020101090007").is_ok());
    }

    #[test]
    fn disagreement_with_birth_date_is_reported_not_refused() {
        let nik = Nik::parse("3514021705800003").unwrap();
        assert_eq!(
            nik.mismatches(&BirthDate::Exact(d(1981, 5, 17)), Sex::Male),
            vec![NikMismatch::BirthDate]
        );
        assert_eq!(
            nik.mismatches(&BirthDate::ApproxYear(1975), Sex::Male),
            vec![NikMismatch::BirthYear]
        );
        assert!(
            nik.mismatches(&BirthDate::ApproxYear(1980), Sex::Male)
                .is_empty()
        );
        assert!(nik.mismatches(&BirthDate::Unknown, Sex::Male).is_empty());
    }
}
