//! The demo's residents: current ones and those who have exited, with their stays and
//! histories, numbered in order of first admission.

use chrono::{Datelike, Months, NaiveDate};
use rand::seq::index;

use super::beds;
use super::history::history;
use super::identity::IdentityNumbers;
use super::names::SPELLING_VARIANTS;
use super::pick::{DemoRng, at, between, days_from, exactly, share};
use super::profile::{Profile, profile, spelling_pair};
use super::staff::Recorders;
use super::status::{self, Now};
use super::stays::{self, StayPlan};
use crate::domain::{BirthDate, Client, ClientId, Sex, Stage, Stay};

struct Person {
    profile: Profile,
    stays: Vec<StayPlan>,
}

/// `residents` people in residence and about a quarter as many who have exited, in id
/// order from 1.
pub(super) fn clients(
    rng: &mut DemoRng,
    today: NaiveDate,
    residents: usize,
    recorders: &Recorders,
) -> Vec<Client> {
    let exited = (residents + 2) / 4;
    let pairs = (residents / 30).min(SPELLING_VARIANTS.len()).min(exited);
    let mut ids = IdentityNumbers::default();
    // Shares that should come out right even in a small demo are dealt exactly.
    let people = residents + exited - 2 * pairs;
    let men = exactly(rng, people, share(people, 80));
    let nameless = exactly(rng, people, share(people, 5));
    let named: Vec<usize> = (0..people).filter(|i| !nameless[*i]).collect();
    let mut has_nik = vec![false; people];
    for (i, nik) in named
        .iter()
        .zip(exactly(rng, named.len(), share(people, 60)))
    {
        has_nik[*i] = nik;
    }
    let returning = exactly(rng, residents - pairs, share(residents - pairs, 12));
    let twice = exactly(rng, exited - pairs, share(exited - pairs, 15));
    let mut days = stays::current_days(rng, residents).into_iter();
    let next_profile = |rng: &mut DemoRng, ids: &mut IdentityNumbers, i: usize| {
        let sex = if men[i] { Sex::Male } else { Sex::Female };
        profile(rng, today, ids, sex, nameless[i], has_nik[i])
    };

    // Current residents first (statuses are dealt to the first `residents`), then those
    // who have exited.
    let mut people: Vec<(Person, Now)> = Vec::with_capacity(residents + exited);
    let mut add = |profile, stays| people.push((Person { profile, stays }, Now::Active));
    for (i, returning) in returning.into_iter().enumerate() {
        let profile = next_profile(rng, &mut ids, i);
        add(
            profile,
            stays::current(rng, today, days.next().unwrap_or(1), returning),
        );
    }
    let mut earlier_records = Vec::with_capacity(pairs);
    for &variant in &SPELLING_VARIANTS[..pairs] {
        let (earlier, later) = spelling_pair(rng, today, &mut ids, variant);
        let later_stays = stays::current(rng, today, days.next().unwrap_or(1), false);
        let readmitted = last(&later_stays).admitted;
        add(later, later_stays);
        earlier_records.push((earlier, readmitted));
    }
    for (i, twice) in twice.into_iter().enumerate() {
        let profile = next_profile(rng, &mut ids, residents - pairs + i);
        add(profile, stays::exited(rng, today, twice));
    }
    for (earlier, readmitted) in earlier_records {
        add(earlier, stays::before_readmission(rng, today, readmitted));
    }

    let in_residence: Vec<i64> = people[..residents]
        .iter()
        .map(|(p, _)| days_from(last(&p.stays).admitted, today))
        .collect();
    for ((_, now), status) in people.iter_mut().zip(status::assign(rng, &in_residence)) {
        *now = status;
    }
    misdate_niks(rng, &mut ids, &mut people);

    // Ids in order of first admission; stable, so people admitted on the same day keep
    // the order they were made in.
    people.sort_by_key(|(p, _)| p.stays[0].admitted);
    let mut year = None;
    let mut serial = 0;
    let mut clients: Vec<Client> = Vec::with_capacity(people.len());
    for (i, (person, now)) in people.into_iter().enumerate() {
        let first = person.stays[0].admitted.year();
        serial = if year == Some(first) { serial + 1 } else { 1 };
        year = Some(first);
        let mut c = client(rng, recorders, today, person, now);
        c.id = ClientId(i as u64 + 1);
        c.reg_no = format!("{first}/{serial:04}");
        clients.push(c);
    }
    beds::assign(rng, &mut clients);
    clients
}

/// The last stay; every person has at least one.
fn last(stays: &[StayPlan]) -> &StayPlan {
    &stays[stays.len() - 1]
}

/// One client record, without its id, registration number, room or bed yet.
fn client(
    rng: &mut DemoRng,
    recorders: &Recorders,
    today: NaiveDate,
    person: Person,
    now: Now,
) -> Client {
    let Person { profile, stays } = person;
    let history = history(rng, recorders, today, profile.details.origin, &stays, now);
    let current = last(&stays);
    let stage = match current.exit {
        Some(_) => Stage::Aftercare,
        None => stays::stage_after(days_from(current.admitted, today)),
    };
    let (changed_by, changed_at) = history.last().map_or_else(
        || (recorders.anyone[0].clone(), at(current.admitted, 8 * 60)),
        |e| (e.recorded_by.clone(), e.recorded_at),
    );
    let details = crate::domain::ClientDraft {
        admitted: current.admitted,
        referral: current.referral,
        stage,
        ..profile.details
    };
    Client {
        id: ClientId(0),
        revision: history.len().max(1) as u64,
        reg_no: String::new(),
        details,
        stays: stays
            .iter()
            .map(|s| Stay {
                admitted: s.admitted,
                referral: s.referral,
                exited: s.exit.map(|(d, _)| d),
            })
            .collect(),
        history,
        changed_by,
        changed_at,
    }
}

/// How many NIKs are deliberately recorded with the wrong birth year, so the warning can
/// be seen: a couple, or one in 500 people in a big demo.
pub(super) fn misdated_nik_count(people: usize) -> usize {
    if people < 20 {
        0
    } else {
        (people / 500).max(2)
    }
}

/// Replaces the NIKs of a few people with exact birth dates by ones a few years off.
fn misdate_niks(rng: &mut DemoRng, ids: &mut IdentityNumbers, people: &mut [(Person, Now)]) {
    let candidates: Vec<usize> = people
        .iter()
        .enumerate()
        .filter(|(_, (p, _))| {
            p.profile.details.nik.is_some()
                && matches!(p.profile.details.birth, BirthDate::Exact(_))
        })
        .map(|(i, _)| i)
        .collect();
    let count = misdated_nik_count(people.len()).min(candidates.len());
    for i in index::sample(rng, candidates.len(), count) {
        let d = &mut people[candidates[i]].0.profile.details;
        let (BirthDate::Exact(born), Some(nik)) = (d.birth, &d.nik) else {
            continue;
        };
        let years = between(rng, 1, 3) as u32;
        let wrong = born
            .checked_sub_months(Months::new(12 * years))
            .unwrap_or(born);
        if let Some(nik) = ids.nik(rng, nik.regency_code(), wrong, d.sex) {
            d.nik = Some(nik);
        }
    }
}
