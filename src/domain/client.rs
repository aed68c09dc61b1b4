//! A resident (penerima manfaat, klien): who they are, their stays and where they are now.

use chrono::{Datelike, NaiveDate};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::dates::years_between;
use super::draft::ClientDraft;
use super::nik::Nik;
use super::status::{Status, StatusChange};

/// A resident's stored id; ids are never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ClientId(pub u64);

/// Sex as recorded at intake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub const ALL: [Sex; 2] = [Sex::Male, Sex::Female];
}

/// Birth date, often unknown or guessed for people taken in from the street.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BirthDate {
    Exact(NaiveDate),
    /// Only an approximate year is known ("about 1975").
    ApproxYear(i32),
    Unknown,
}

impl BirthDate {
    /// Age in whole years on `on`; `None` when unknown. Approximate years give an
    /// approximate age.
    pub fn age_on(&self, on: NaiveDate) -> Option<u32> {
        match self {
            BirthDate::Exact(d) => years_between(*d, on),
            BirthDate::ApproxYear(y) => u32::try_from(on.year() - y).ok(),
            BirthDate::Unknown => None,
        }
    }

    /// The birth year if one is known even roughly.
    pub fn year(&self) -> Option<i32> {
        match self {
            BirthDate::Exact(d) => Some(d.year()),
            BirthDate::ApproxYear(y) => Some(*y),
            BirthDate::Unknown => None,
        }
    }
}

/// Religion as recorded (the six recognised religions, other, unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Religion {
    Unknown,
    Islam,
    Protestant,
    Catholic,
    Hindu,
    Buddhist,
    Confucian,
    Other,
}

impl Religion {
    pub const ALL: [Religion; 8] = [
        Religion::Unknown,
        Religion::Islam,
        Religion::Protestant,
        Religion::Catholic,
        Religion::Hindu,
        Religion::Buddhist,
        Religion::Confucian,
        Religion::Other,
    ];
}

/// Highest schooling completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Education {
    Unknown,
    None,
    Primary,
    JuniorHigh,
    SeniorHigh,
    Higher,
}

impl Education {
    pub const ALL: [Education; 6] = [
        Education::Unknown,
        Education::None,
        Education::Primary,
        Education::JuniorHigh,
        Education::SeniorHigh,
        Education::Higher,
    ];
}

/// Where the resident comes from: an East Java regency or city by its code, or elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Origin {
    Unknown,
    /// Regency/city code as in the NIK, e.g. 3514 for Kab. Pasuruan.
    Regency(u16),
    OutsideEastJava,
}

/// How the resident came to the facility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReferralSource {
    Unknown,
    /// Street raid by Satpol PP.
    Raid,
    /// Referred by a city or regency social office (Dinas Sosial).
    SocialOffice,
    Police,
    Hospital,
    Family,
    /// Came of their own accord.
    SelfReferred,
    Other,
}

impl ReferralSource {
    pub const ALL: [ReferralSource; 8] = [
        ReferralSource::Unknown,
        ReferralSource::Raid,
        ReferralSource::SocialOffice,
        ReferralSource::Police,
        ReferralSource::Hospital,
        ReferralSource::Family,
        ReferralSource::SelfReferred,
        ReferralSource::Other,
    ];
}

/// Stage of rehabilitation, in the national standard's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    Intake,
    Assessment,
    Plan,
    Intervention,
    Resocialisation,
    Termination,
    Aftercare,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Intake,
        Stage::Assessment,
        Stage::Plan,
        Stage::Intervention,
        Stage::Resocialisation,
        Stage::Termination,
        Stage::Aftercare,
    ];

    /// 1-based position in the sequence.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
}

/// One stay in the facility: admission to exit. People come back; every stay is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stay {
    pub admitted: NaiveDate,
    pub referral: ReferralSource,
    pub exited: Option<NaiveDate>,
}

/// A resident record as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Client {
    pub id: ClientId,
    /// Bumped on every change; an update names the revision it was based on.
    pub revision: u64,
    /// Facility registration number, `2026/0042`: year of first admission and serial.
    pub reg_no: String,
    /// Everything staff type in the resident form.
    pub details: ClientDraft,
    /// Every stay, oldest first; the last one is the current or most recent.
    pub stays: Vec<Stay>,
    /// Every status change, oldest first; the last one is the current status.
    pub history: Vec<StatusChange>,
    /// Who last changed this record and when (WIB), for "last changed by".
    pub changed_by: String,
    pub changed_at: chrono::NaiveDateTime,
}

/// Room and bed as every screen and export shows them: `A1-2`, or `A1` without a bed, or
/// nothing without a room.
pub fn room_and_bed(room: &str, bed: &str) -> String {
    let (room, bed) = (room.trim(), bed.trim());
    match (room.is_empty(), bed.is_empty()) {
        (true, _) => String::new(),
        (false, true) => room.to_string(),
        (false, false) => format!("{room}-{bed}"),
    }
}

impl Client {
    /// A new revision of the record, changed by `by` at `at`.
    pub fn record_change(&mut self, by: &str, at: chrono::NaiveDateTime) {
        self.revision += 1;
        self.changed_by = by.to_string();
        self.changed_at = at;
    }

    /// Current status: the latest entry in the history.
    pub fn status(&self) -> Status {
        self.history
            .last()
            .map_or(Status::Active, |c| c.detail.status())
    }

    /// The current (or most recent) stay's admission date.
    pub fn admitted(&self) -> NaiveDate {
        self.stays
            .last()
            .map_or(self.details.admitted, |s| s.admitted)
    }

    /// True while the resident is counted as living in the facility (not exited).
    pub fn in_residence(&self) -> bool {
        self.status() != Status::Exited
    }

    /// The short form the roster shows and searches.
    pub fn row(&self) -> ClientRow {
        let d = &self.details;
        ClientRow {
            id: self.id,
            revision: self.revision,
            reg_no: self.reg_no.as_str().into(),
            name: d.name.as_str().into(),
            nickname: d.nickname.as_str().into(),
            nik: d.nik.clone(),
            sex: d.sex,
            birth: d.birth,
            origin: d.origin,
            admitted: self.admitted(),
            stage: d.stage,
            status: self.status(),
            room: d.room.as_str().into(),
            bed: d.bed.as_str().into(),
            stays: self.stays.len() as u32,
        }
    }
}

/// One roster line: what the list shows, sorts and searches, without the history. Its
/// texts are short and held inline (`CompactString`): a roster of thousands allocates once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientRow {
    pub id: ClientId,
    pub revision: u64,
    pub reg_no: CompactString,
    pub name: CompactString,
    pub nickname: CompactString,
    pub nik: Option<Nik>,
    pub sex: Sex,
    pub birth: BirthDate,
    pub origin: Origin,
    pub admitted: NaiveDate,
    pub stage: Stage,
    pub status: Status,
    pub room: CompactString,
    pub bed: CompactString,
    /// Number of stays so far; above 1 means a returning resident.
    pub stays: u32,
}

/// The row of resident `id` among `rows` kept in id order (as the roster list comes);
/// looked for one by one if the order was not kept.
pub fn find_row(rows: &[ClientRow], id: ClientId) -> Option<&ClientRow> {
    match rows.binary_search_by_key(&id, |r| r.id) {
        Ok(i) => Some(&rows[i]),
        Err(_) => rows.iter().find(|r| r.id == id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_with_unknown_or_approximate_birth() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(BirthDate::Unknown.age_on(today), None);
        assert_eq!(BirthDate::ApproxYear(1970).age_on(today), Some(56));
        let born = NaiveDate::from_ymd_opt(1990, 12, 1).unwrap();
        assert_eq!(BirthDate::Exact(born).age_on(today), Some(35));
        assert_eq!(BirthDate::Unknown.year(), None);
    }

    #[test]
    fn stages_are_numbered_in_order() {
        assert_eq!(Stage::Intake.number(), 1);
        assert_eq!(Stage::Aftercare.number(), 7);
        assert!(Stage::Assessment < Stage::Plan);
    }
}
