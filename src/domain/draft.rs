//! The resident fields staff type, and the rules that decide whether they may be saved.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::client::{BirthDate, Education, Origin, ReferralSource, Religion, Sex, Stage};
use super::dates::DateError;
use super::nik::{KkNumber, Nik, NikError};

/// Everything the resident form edits. A new resident is created from one; an edit
/// replaces it whole (revision-checked).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientDraft {
    pub name: String,
    pub nickname: String,
    pub nik: Option<Nik>,
    pub kk: Option<KkNumber>,
    pub sex: Sex,
    pub birth_place: String,
    pub birth: BirthDate,
    pub religion: Religion,
    pub education: Education,
    pub origin: Origin,
    /// Name and phone or address of a family member, free text.
    pub family_contact: String,
    /// Admission date of the current stay.
    pub admitted: NaiveDate,
    pub referral: ReferralSource,
    pub room: String,
    pub bed: String,
    pub stage: Stage,
    pub notes: String,
}

/// A field of the resident form, in form order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    Name,
    Nickname,
    Nik,
    Kk,
    Sex,
    BirthPlace,
    BirthDate,
    Religion,
    Education,
    Origin,
    FamilyContact,
    Admitted,
    Referral,
    Room,
    Bed,
    Stage,
    Notes,
}

impl Field {
    pub const ALL: [Field; 17] = [
        Field::Name,
        Field::Nickname,
        Field::Nik,
        Field::Kk,
        Field::Sex,
        Field::BirthPlace,
        Field::BirthDate,
        Field::Religion,
        Field::Education,
        Field::Origin,
        Field::FamilyContact,
        Field::Admitted,
        Field::Referral,
        Field::Room,
        Field::Bed,
        Field::Stage,
        Field::Notes,
    ];
}

/// What is wrong with a field; the UI words it in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Neither a name nor a nickname was given.
    NameOrNicknameRequired,
    /// Longer than the field allows; holds the limit.
    TooLong(usize),
    /// NIK or KK refused.
    Number(NikError),
    /// A date that could not be read.
    Date(DateError),
    /// A year that is not a plausible birth year.
    BirthYear,
    /// A date after today.
    InFuture,
    /// A date implausibly far back.
    TooEarly,
    /// The NIK is already held by another resident.
    NikTaken { name: String, reg_no: String },
    /// The room and bed are held by another resident who has not exited.
    BedTaken { name: String, reg_no: String },
}

/// A problem attached to the field it belongs next to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: Field,
    pub problem: Problem,
}

const MAX_TEXT: usize = 120;
const MAX_NOTES: usize = 2000;
/// Nobody is admitted before the facility kept records; catches 1-1-0202 typos.
const EARLIEST_ADMISSION_YEAR: i32 = 1990;
const EARLIEST_BIRTH_YEAR: i32 = 1900;

impl ClientDraft {
    /// An empty form for a person admitted on `today`.
    pub fn new(today: NaiveDate) -> ClientDraft {
        ClientDraft {
            name: String::new(),
            nickname: String::new(),
            nik: None,
            kk: None,
            sex: Sex::Male,
            birth_place: String::new(),
            birth: BirthDate::Unknown,
            religion: Religion::Unknown,
            education: Education::Unknown,
            origin: Origin::Unknown,
            family_contact: String::new(),
            admitted: today,
            referral: ReferralSource::Unknown,
            room: String::new(),
            bed: String::new(),
            stage: Stage::Intake,
            notes: String::new(),
        }
    }

    /// The name to show: the full name, or the nickname in quotes when no name is known.
    pub fn display_name(&self) -> String {
        super::names::display_name(&self.name, &self.nickname)
    }

    /// Every rule the draft breaks, judged on `today` (WIB). Empty means it may be saved.
    /// Checks that need other records (a NIK held by someone else) are the service's.
    pub fn validate(&self, today: NaiveDate) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        let mut push = |field, problem| out.push(FieldProblem { field, problem });
        if self.name.trim().is_empty() && self.nickname.trim().is_empty() {
            push(Field::Name, Problem::NameOrNicknameRequired);
        }
        for (field, text, max) in [
            (Field::Name, &self.name, MAX_TEXT),
            (Field::Nickname, &self.nickname, MAX_TEXT),
            (Field::BirthPlace, &self.birth_place, MAX_TEXT),
            (Field::FamilyContact, &self.family_contact, MAX_TEXT * 2),
            (Field::Room, &self.room, 20),
            (Field::Bed, &self.bed, 20),
            (Field::Notes, &self.notes, MAX_NOTES),
        ] {
            if text.chars().count() > max {
                push(field, Problem::TooLong(max));
            }
        }
        // A value that arrived without going through `parse` (e.g. over the wire).
        if let Some(Err(e)) = self.nik.as_ref().map(|n| Nik::parse(n.as_str())) {
            push(Field::Nik, Problem::Number(e));
        }
        if let Some(Err(e)) = self.kk.as_ref().map(|k| KkNumber::parse(k.as_str())) {
            push(Field::Kk, Problem::Number(e));
        }
        match self.birth {
            BirthDate::Exact(d) if d > today => push(Field::BirthDate, Problem::InFuture),
            BirthDate::Exact(d) if d.year() < EARLIEST_BIRTH_YEAR => {
                push(Field::BirthDate, Problem::TooEarly)
            }
            BirthDate::ApproxYear(y) if !(EARLIEST_BIRTH_YEAR..=today.year()).contains(&y) => {
                push(Field::BirthDate, Problem::BirthYear)
            }
            _ => {}
        }
        if self.admitted > today {
            push(Field::Admitted, Problem::InFuture);
        } else if self.admitted.year() < EARLIEST_ADMISSION_YEAR {
            push(Field::Admitted, Problem::TooEarly);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn named(name: &str) -> ClientDraft {
        ClientDraft {
            name: name.into(),
            ..ClientDraft::new(today())
        }
    }

    fn fields(problems: &[FieldProblem]) -> Vec<Field> {
        problems.iter().map(|p| p.field).collect()
    }

    #[test]
    fn a_nickname_alone_is_enough() {
        let d = ClientDraft {
            nickname: "Cak No".into(),
            ..ClientDraft::new(today())
        };
        assert!(d.validate(today()).is_empty());
        assert_eq!(d.display_name(), "\"Cak No\"");
    }

    #[test]
    fn nameless_is_refused() {
        let p = ClientDraft::new(today()).validate(today());
        assert_eq!(p[0].problem, Problem::NameOrNicknameRequired);
    }

    #[test]
    fn future_and_ancient_dates_are_refused() {
        let tomorrow = today().succ_opt().unwrap();
        let mut d = named("Slamet");
        d.birth = BirthDate::Exact(tomorrow);
        d.admitted = tomorrow;
        assert_eq!(
            fields(&d.validate(today())),
            vec![Field::BirthDate, Field::Admitted]
        );
        d.birth = BirthDate::ApproxYear(1850);
        d.admitted = NaiveDate::from_ymd_opt(202, 1, 1).unwrap();
        let p = d.validate(today());
        assert_eq!(p[0].problem, Problem::BirthYear);
        assert_eq!(p[1].problem, Problem::TooEarly);
    }

    #[test]
    fn overlong_text_is_refused() {
        let d = named(&"a".repeat(121));
        assert_eq!(d.validate(today())[0].problem, Problem::TooLong(120));
    }
}
