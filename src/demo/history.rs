//! Status histories: active at each admission, then leave, illness, referrals and
//! absconding with their returns, and an exit at the end of each closed stay or the
//! current status of an open one. Every entry is dated before `today`, in order.

use chrono::{NaiveDate, TimeDelta};

use super::phrases;
use super::pick::{DemoRng, between, chance, days_after, days_before, pick, time_on, weighted};
use super::places;
use super::staff::Recorders;
use super::status::Now;
use super::stays::StayPlan;
use crate::domain::{ExitReason, Origin, StatusChange, StatusDetail};

struct Builder<'a> {
    entries: Vec<StatusChange>,
    recorders: &'a Recorders,
    origin: Origin,
}

/// Hours (from, to) in which routine entries are recorded.
const DAY: (u32, u32) = (7, 20);

impl Builder<'_> {
    /// Appends an entry recorded at `from..to` o'clock on `date` by someone from `by`,
    /// and never before the previous entry.
    fn push(
        &mut self,
        rng: &mut DemoRng,
        detail: StatusDetail,
        date: NaiveDate,
        note: String,
        exit: bool,
        (from, to): (u32, u32),
    ) {
        let by = if exit {
            &self.recorders.exits
        } else {
            &self.recorders.anyone
        };
        let recorded_by = pick(rng, by).clone();
        let mut recorded_at = time_on(rng, date, from, to);
        let mut date = date;
        if let Some(prev) = self.entries.last() {
            date = date.max(prev.date);
            if recorded_at <= prev.recorded_at {
                let later = prev.recorded_at.checked_add_signed(TimeDelta::minutes(7));
                recorded_at = later.unwrap_or(prev.recorded_at);
            }
        }
        self.entries.push(StatusChange {
            detail,
            date,
            note,
            recorded_by,
            recorded_at,
        });
    }

    fn town(&self, rng: &mut DemoRng) -> &'static str {
        places::town_for(rng, self.origin)
    }

    fn active(&mut self, rng: &mut DemoRng, date: NaiveDate, note: String) {
        self.push(rng, StatusDetail::Active, date, note, false, DAY);
    }

    /// Absconded: last seen on `seen` in the afternoon or evening, missed at the next
    /// morning's roll call.
    fn absconded(&mut self, rng: &mut DemoRng, seen: NaiveDate) {
        let last_seen = time_on(rng, seen, 14, 22);
        let note = pick(rng, phrases::ABSCONDED).to_string();
        let detail = StatusDetail::Absconded { last_seen };
        self.push(rng, detail, days_after(seen, 1), note, false, (6, 9));
    }

    /// Leave, illness, referral or absconding episodes with their returns, each begun at
    /// least 20 days after `admitted` and over before `until`.
    fn episodes(&mut self, rng: &mut DemoRng, admitted: NaiveDate, until: NaiveDate) {
        #[derive(Clone, Copy)]
        enum Kind {
            Leave,
            Sick,
            Referred,
            Absconded,
        }
        let mut t = days_after(admitted, between(rng, 20, 60));
        while t < until {
            if !chance(rng, 0.4) {
                t = days_after(t, between(rng, 30, 90));
                continue;
            }
            let kind = weighted(
                rng,
                &[
                    (Kind::Leave, 45),
                    (Kind::Sick, 35),
                    (Kind::Referred, 14),
                    (Kind::Absconded, 6),
                ],
            );
            let back = days_after(
                t,
                match kind {
                    Kind::Leave => between(rng, 2, 7),
                    Kind::Sick => between(rng, 1, 5),
                    Kind::Referred => between(rng, 3, 21),
                    Kind::Absconded => between(rng, 2, 10),
                },
            );
            if back >= until {
                break;
            }
            match kind {
                Kind::Leave => {
                    let late = chance(rng, 0.2);
                    let expected_return = if late { days_before(back, 1) } else { back };
                    let town = self.town(rng);
                    let note = phrases::leave(rng, town);
                    let detail = StatusDetail::Leave { expected_return };
                    self.push(rng, detail, t, note, false, DAY);
                    let note =
                        phrases::LEAVE_BACK[if late { 2 } else { between(rng, 0, 1) as usize }];
                    self.active(rng, back, note.to_string());
                }
                Kind::Sick => {
                    let note = pick(rng, phrases::SICK).to_string();
                    self.push(rng, StatusDetail::Sick, t, note, false, DAY);
                    let note = pick(rng, phrases::SICK_BACK).to_string();
                    self.active(rng, back, note);
                }
                Kind::Referred => {
                    let (to, note) = *pick(rng, phrases::REFERRALS);
                    let detail = StatusDetail::Referred { to: to.into() };
                    self.push(rng, detail, t, note.into(), false, DAY);
                    self.active(rng, back, phrases::referral_back(to));
                }
                Kind::Absconded => {
                    self.absconded(rng, t);
                    let note = phrases::absconded_back(rng);
                    self.active(rng, back, note);
                }
            }
            t = days_after(back, between(rng, 30, 120));
        }
    }

    /// The end of a closed stay, with what led up to it.
    fn exit(&mut self, rng: &mut DemoRng, stay: &StayPlan, exit: NaiveDate, reason: ExitReason) {
        let lead = match reason {
            ExitReason::Absconded => between(rng, 3, 14),
            ExitReason::Died => between(rng, 1, 7),
            _ => 0,
        };
        let start = days_before(exit, lead).max(days_after(stay.admitted, 1));
        self.episodes(rng, stay.admitted, start);
        match reason {
            ExitReason::Absconded => self.absconded(rng, start),
            ExitReason::Died => {
                let detail = StatusDetail::Referred {
                    to: "RSUD Bangil".into(),
                };
                let note = "Kondisi memburuk, dirujuk".to_string();
                self.push(rng, detail, start, note, false, DAY);
            }
            _ => {}
        }
        let town = self.town(rng);
        let (note, destination) = phrases::exit(rng, reason, town);
        let detail = StatusDetail::Exited {
            reason,
            destination,
        };
        self.push(rng, detail, exit, note, true, (9, 15));
    }

    /// The current status of an open stay, with what came before it.
    fn now(&mut self, rng: &mut DemoRng, today: NaiveDate, admitted: NaiveDate, now: Now) {
        // Callers give non-active statuses only to residents in long enough that every
        // date below falls after admission.
        let ago = |rng: &mut DemoRng, lo, hi| days_before(today, between(rng, lo, hi));
        match now {
            Now::Active => self.episodes(rng, admitted, today),
            Now::Leave { overdue } => {
                let (start, expected_return) = if overdue {
                    let expected = ago(rng, 1, 4);
                    (days_before(expected, between(rng, 3, 7)), expected)
                } else {
                    (ago(rng, 1, 6), days_after(today, between(rng, 1, 7)))
                };
                self.episodes(rng, admitted, start);
                let town = self.town(rng);
                let note = phrases::leave(rng, town);
                let detail = StatusDetail::Leave { expected_return };
                self.push(rng, detail, start, note, false, DAY);
            }
            Now::Sick => {
                let start = ago(rng, 1, 5);
                self.episodes(rng, admitted, start);
                let note = pick(rng, phrases::SICK).to_string();
                self.push(rng, StatusDetail::Sick, start, note, false, DAY);
            }
            Now::Referred => {
                let start = ago(rng, 1, 20);
                self.episodes(rng, admitted, start);
                let (to, note) = *pick(rng, phrases::REFERRALS);
                let detail = StatusDetail::Referred { to: to.into() };
                self.push(rng, detail, start, note.into(), false, DAY);
            }
            Now::Absconded => {
                let seen = ago(rng, 2, 6);
                self.episodes(rng, admitted, seen);
                self.absconded(rng, seen);
            }
        }
    }
}

/// The whole status history of a person with `stays`, the last open one ending in `now`.
pub(super) fn history(
    rng: &mut DemoRng,
    recorders: &Recorders,
    today: NaiveDate,
    origin: Origin,
    stays: &[StayPlan],
    now: Now,
) -> Vec<StatusChange> {
    let mut b = Builder {
        entries: Vec::new(),
        recorders,
        origin,
    };
    for (i, stay) in stays.iter().enumerate() {
        let town = b.town(rng);
        let note = phrases::admission(rng, stay.referral, town, i > 0);
        b.push(
            rng,
            StatusDetail::Active,
            stay.admitted,
            note,
            false,
            (8, 20),
        );
        match stay.exit {
            Some((exit, reason)) => b.exit(rng, stay, exit, reason),
            None => b.now(rng, today, stay.admitted, now),
        }
    }
    b.entries
}
