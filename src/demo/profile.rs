//! Who a demo resident is: name, sex, birth, identity numbers, origin, religion, schooling,
//! family contact and remarks. Stay-related fields are filled in later.

use chrono::{Datelike, Months, NaiveDate};

use super::identity::IdentityNumbers;
use super::names;
use super::phrases;
use super::pick::{DemoRng, between, chance, days_before, weighted};
use super::places::{self, OUTSIDE};
use crate::domain::{BirthDate, ClientDraft, Education, Origin, Religion, Sex};

/// A person's details and their age on `today`, which later choices depend on.
pub(super) struct Profile {
    pub details: ClientDraft,
    pub age: u32,
}

/// NIK region code for a person of `origin` (another province's code for outsiders).
fn region_code(rng: &mut DemoRng, origin: Origin) -> u16 {
    match origin {
        Origin::Regency(code) => code,
        Origin::OutsideEastJava => super::pick::pick(rng, OUTSIDE).0,
        Origin::Unknown => 3514,
    }
}

/// An age from 18 to 70, most often in the forties.
fn age(rng: &mut DemoRng) -> u32 {
    (18 + between(rng, 0, 26) + between(rng, 0, 26)) as u32
}

/// A birth date making the person `age` on `today` (69 instead of 70 if born late in
/// the year).
fn born(rng: &mut DemoRng, today: NaiveDate, age: u32) -> NaiveDate {
    let latest = today
        .checked_sub_months(Months::new(12 * age))
        .unwrap_or(today);
    // 0–363 days earlier keeps the age the same in leap and ordinary years alike.
    let date = days_before(latest, between(rng, 0, 363));
    // An age reckoned from the year alone (for "born about 1956") stays within 70 too.
    if today.year() - date.year() > 70 {
        date.checked_add_months(Months::new(12)).unwrap_or(date)
    } else {
        date
    }
}

/// A person taken in from the street, of `sex`, known only by a nickname if `nameless`,
/// with a NIK if `has_nik` (never for the nameless).
pub(super) fn profile(
    rng: &mut DemoRng,
    today: NaiveDate,
    ids: &mut IdentityNumbers,
    sex: Sex,
    nameless: bool,
    has_nik: bool,
) -> Profile {
    let name = if nameless {
        String::new()
    } else {
        names::full_name(rng, sex)
    };
    profile_named(rng, today, ids, sex, name, has_nik && !nameless)
}

/// Details for a person of `sex` called `name` (empty if only a nickname is known), with
/// a NIK if `has_nik`. Only people with a name may have a family card.
pub(super) fn profile_named(
    rng: &mut DemoRng,
    today: NaiveDate,
    ids: &mut IdentityNumbers,
    sex: Sex,
    name: String,
    has_nik: bool,
) -> Profile {
    let age = age(rng);
    let nickname = if name.is_empty() || chance(rng, 0.2) {
        names::nickname(rng, sex, age, &name)
    } else {
        String::new()
    };
    let origin = places::origin(rng, has_nik);
    let date = born(rng, today, age);
    let birth = if has_nik {
        if chance(rng, 0.95) {
            BirthDate::Exact(date)
        } else {
            BirthDate::ApproxYear(date.year())
        }
    } else if name.is_empty() {
        // Known only by a nickname: a guessed age at best.
        if chance(rng, 0.5) {
            BirthDate::ApproxYear(date.year())
        } else {
            BirthDate::Unknown
        }
    } else {
        // Makes about 70% exact, 20% approximate and 10% unknown overall.
        weighted(
            rng,
            &[
                (BirthDate::Exact(date), 33),
                (BirthDate::ApproxYear(date.year()), 42),
                (BirthDate::Unknown, 25),
            ],
        )
    };
    let code = region_code(rng, origin);
    let nik = if has_nik {
        ids.nik(rng, code, date, sex)
    } else {
        None
    };
    let kk_chance = if has_nik {
        0.6
    } else if !name.is_empty() && origin != Origin::Unknown {
        0.1
    } else {
        0.0
    };
    let kk = if chance(rng, kk_chance) {
        ids.kk(rng, code, today)
    } else {
        None
    };
    let town = match origin {
        Origin::Unknown => places::any_town(rng),
        _ => places::town_in(rng, code),
    };
    let birth_place = if origin == Origin::Unknown && chance(rng, 0.6) {
        String::new()
    } else if chance(rng, 0.75) {
        town.to_string()
    } else {
        places::any_town(rng).to_string()
    };
    let religion = weighted(
        rng,
        &[
            (Religion::Islam, 880),
            (Religion::Protestant, 30),
            (Religion::Catholic, 20),
            (Religion::Hindu, 10),
            (Religion::Buddhist, 5),
            (Religion::Other, 3),
            (Religion::Unknown, 52),
        ],
    );
    let education = weighted(
        rng,
        &[
            (Education::Unknown, 10),
            (Education::None, 25),
            (Education::Primary, 35),
            (Education::JuniorHigh, 20),
            (Education::SeniorHigh, 9),
            (Education::Higher, 1),
        ],
    );
    let family_contact = if chance(rng, if name.is_empty() { 0.1 } else { 0.52 }) {
        phrases::family_contact(rng, sex, age, town)
    } else {
        String::new()
    };
    let notes = if chance(rng, 0.3) {
        phrases::remark(rng, town)
    } else {
        String::new()
    };
    Profile {
        details: ClientDraft {
            name,
            nickname,
            nik,
            kk,
            sex,
            birth_place,
            birth,
            religion,
            education,
            origin,
            family_contact,
            notes,
            ..ClientDraft::new(today)
        },
        age,
    }
}

/// Two records of one person under two spellings: the first for a stay that has ended,
/// the second for a new stay entered as if a new person (no NIK, a guessed birth year,
/// the same origin), which the duplicate check should find.
pub(super) fn spelling_pair(
    rng: &mut DemoRng,
    today: NaiveDate,
    ids: &mut IdentityNumbers,
    (sex, first, second): (Sex, &str, &str),
) -> (Profile, Profile) {
    let has_nik = chance(rng, 0.6);
    let mut earlier = profile_named(rng, today, ids, sex, first.to_string(), has_nik);
    if earlier.details.origin == Origin::Unknown {
        earlier.details.origin = Origin::Regency(3514);
    }
    let year = today.year() - earlier.age as i32;
    if earlier.details.birth == BirthDate::Unknown {
        earlier.details.birth = BirthDate::ApproxYear(year);
    }
    let mut later = profile_named(rng, today, ids, sex, second.to_string(), false);
    let d = &mut later.details;
    d.birth = match earlier.details.birth {
        BirthDate::Exact(born) if chance(rng, 0.5) => BirthDate::Exact(born),
        known => BirthDate::ApproxYear(known.year().unwrap_or(year)),
    };
    d.origin = earlier.details.origin;
    d.birth_place = earlier.details.birth_place.clone();
    d.religion = earlier.details.religion;
    later.age = earlier.age;
    (earlier, later)
}
