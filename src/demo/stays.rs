//! Stays: when each demo resident came, how, and when and why they left. Current residents
//! came within the last ten months; people who have exited, within the last two years;
//! earlier stays of people who came back lie before, never overlapping.

use chrono::NaiveDate;
use rand::seq::SliceRandom;

use super::pick::{DemoRng, between, days_before, days_from, weighted};
use crate::domain::{ExitReason, ReferralSource, Stage};

/// Current stays began at most this many days ago.
const CURRENT_DAYS: u64 = 300;
/// Stays of people who have exited began at most this many days ago.
const EXITED_DAYS: u64 = 730;
/// Earlier stays of current residents who came back began at most this many days ago.
const EARLIER_DAYS: u64 = 760;

/// A stay as planned, with the exit reason the stored `Stay` does not hold.
#[derive(Debug, Clone)]
pub(super) struct StayPlan {
    pub admitted: NaiveDate,
    pub referral: ReferralSource,
    pub exit: Option<(NaiveDate, ExitReason)>,
}

/// Exit reasons of last stays.
const EXIT_REASONS: &[(ExitReason, u32)] = &[
    (ExitReason::ReturnedToFamily, 38),
    (ExitReason::Work, 16),
    (ExitReason::OwnBusiness, 12),
    (ExitReason::Referred, 11),
    (ExitReason::Absconded, 16),
    (ExitReason::Died, 2),
    (ExitReason::Other, 5),
];

/// Exit reasons of stays after which the person came back: often absconding or going
/// home and ending up on the street again; never death.
const EARLIER_EXIT_REASONS: &[(ExitReason, u32)] = &[
    (ExitReason::ReturnedToFamily, 40),
    (ExitReason::Absconded, 30),
    (ExitReason::Work, 10),
    (ExitReason::OwnBusiness, 5),
    (ExitReason::Referred, 5),
    (ExitReason::Other, 10),
];

fn referral(rng: &mut DemoRng) -> ReferralSource {
    weighted(
        rng,
        &[
            (ReferralSource::Raid, 50),
            (ReferralSource::SocialOffice, 20),
            (ReferralSource::SelfReferred, 9),
            (ReferralSource::Family, 8),
            (ReferralSource::Police, 7),
            (ReferralSource::Hospital, 4),
            (ReferralSource::Other, 1),
            (ReferralSource::Unknown, 1),
        ],
    )
}

/// How long a stay that ended for `reason` lasted, in days.
fn length(rng: &mut DemoRng, reason: ExitReason) -> u64 {
    match reason {
        ExitReason::Absconded => between(rng, 3, 90),
        ExitReason::Died => between(rng, 10, 200),
        ExitReason::Referred => between(rng, 10, 150),
        _ => between(rng, 60, 300),
    }
}

/// A stay that ended on `exit` for `reason`, begun no earlier than `earliest`.
fn closed(rng: &mut DemoRng, exit: NaiveDate, reason: ExitReason, earliest: NaiveDate) -> StayPlan {
    let admitted = days_before(exit, length(rng, reason)).max(earliest);
    StayPlan {
        admitted: admitted.min(days_before(exit, 1)),
        referral: referral(rng),
        exit: Some((exit, reason)),
    }
}

/// Up to `count` stays before `before`, oldest first; fewer if they do not fit after
/// `earliest`.
fn earlier(
    rng: &mut DemoRng,
    before: NaiveDate,
    earliest: NaiveDate,
    count: usize,
) -> Vec<StayPlan> {
    let mut out = Vec::new();
    let mut next = before;
    for _ in 0..count {
        let exit = days_before(next, between(rng, 14, 240));
        if days_from(earliest, exit) < 14 {
            break;
        }
        let reason = weighted(rng, EARLIER_EXIT_REASONS);
        let stay = closed(rng, exit, reason, earliest);
        next = stay.admitted;
        out.push(stay);
    }
    out.reverse();
    out
}

/// Days in residence for `n` current residents: 1–300 (never 0, so nothing is recorded
/// later than the moment the demo is loaded), evenly spread, in random order.
pub(super) fn current_days(rng: &mut DemoRng, n: usize) -> Vec<u64> {
    let span = CURRENT_DAYS as usize;
    let mut days: Vec<u64> = (0..n)
        .map(|i| {
            let lo = 1 + i * span / n;
            let hi = (i + 1) * span / n;
            between(rng, lo as u64, hi.max(lo) as u64)
        })
        .collect();
    days.shuffle(rng);
    days
}

/// Stays of a current resident: one open stay begun `days` ago, after one or two earlier
/// ones if `returning`.
pub(super) fn current(
    rng: &mut DemoRng,
    today: NaiveDate,
    days: u64,
    returning: bool,
) -> Vec<StayPlan> {
    let admitted = days_before(today, days);
    let mut stays = if returning {
        let count = if super::pick::chance(rng, 0.3) { 2 } else { 1 };
        earlier(rng, admitted, days_before(today, EARLIER_DAYS), count)
    } else {
        Vec::new()
    };
    stays.push(StayPlan {
        admitted,
        referral: referral(rng),
        exit: None,
    });
    stays
}

/// Stays of someone who has exited: the last ended 1–640 days ago; with `twice`, an
/// earlier one before it if it fits.
pub(super) fn exited(rng: &mut DemoRng, today: NaiveDate, twice: bool) -> Vec<StayPlan> {
    let earliest = days_before(today, EXITED_DAYS);
    let exit = days_before(today, between(rng, 1, 640));
    let reason = weighted(rng, EXIT_REASONS);
    let last = closed(rng, exit, reason, earliest);
    let mut stays = if twice {
        earlier(rng, last.admitted, earliest, 1)
    } else {
        Vec::new()
    };
    stays.push(last);
    stays
}

/// The single, closed stay of a person who came back later under another spelling of
/// their name, ending 30–200 days before `readmitted`.
pub(super) fn before_readmission(
    rng: &mut DemoRng,
    today: NaiveDate,
    readmitted: NaiveDate,
) -> Vec<StayPlan> {
    let exit = days_before(readmitted, between(rng, 30, 200));
    let reason = weighted(rng, EARLIER_EXIT_REASONS);
    vec![closed(rng, exit, reason, days_before(today, EARLIER_DAYS))]
}

/// The stage a current resident has reached after `days` in residence.
pub(super) fn stage_after(days: i64) -> Stage {
    match days {
        ..14 => Stage::Intake,
        14..35 => Stage::Assessment,
        35..60 => Stage::Plan,
        60..210 => Stage::Intervention,
        210..285 => Stage::Resocialisation,
        _ => Stage::Termination,
    }
}
