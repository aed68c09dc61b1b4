//! The past weeks' roll calls: every resident in residence marked at every shift as their
//! status history says (see `presence`), a few short illnesses among the active ones, and
//! two or three roll calls before today left with a handful of rows unmarked, as happens
//! in a real facility. The roll call of a shift still under way at the demo's clock is
//! about a third taken.

use std::ops::Range;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use rand::seq::index;

use super::duty::{Duty, HISTORY_DAYS};
use super::pick::{DemoRng, between, chance};
use super::presence::{Expected, expected};
use super::shift_phrases::{self as phrases, UNWELL};
use crate::domain::roll_call::{Mark, Presence, in_residence_on};
use crate::domain::shift::ShiftTimes;
use crate::domain::{Client, ClientId, Staff};

/// Chance that an active resident is found unwell at a roll call, staying so for one to
/// three shifts: about four residents a week among a hundred.
const UNWELL_CHANCE: f64 = 0.002;

/// Roll calls left incomplete, at most.
const INCOMPLETE: (u64, u64) = (2, 3);

/// Rows left unmarked in an incomplete roll call.
const UNMARKED: (u64, u64) = (3, 7);

/// A roll call begins this many minutes after the shift starts.
const BEGINS_AFTER: (u64, u64) = (10, 40);

/// Of the shift under way, each of the crew has marked this share of their part (1/N).
const UNDER_WAY_PART: usize = 3;

/// What a roll call found that a handover note should mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Noticed {
    /// An active resident marked sakit, with the phrase (index into `UNWELL`).
    Unwell { client: usize, phrase: usize },
    /// Found gone for the first time.
    Missing {
        client: usize,
        last_seen: NaiveDateTime,
    },
}

/// One past roll call.
pub(super) struct PastRollCall<'a> {
    pub duty: Duty<'a>,
    /// Where its marks are in [`PastRollCalls::marks`].
    pub marks: Range<usize>,
    /// Residents nobody marked.
    pub unmarked: Vec<ClientId>,
    pub noticed: Vec<Noticed>,
    /// The shift was still under way at the demo's clock: its roll call is partly taken.
    pub in_progress: bool,
}

/// The past roll calls, oldest first, and all their marks in one list: in slot order,
/// and within a roll call in list order (room, bed, name).
pub(super) struct PastRollCalls<'a> {
    pub calls: Vec<PastRollCall<'a>>,
    pub marks: Vec<Mark>,
}

/// Residence is kept as one bit a day.
type Days = u64;
const _: () = assert!(HISTORY_DAYS <= Days::BITS as u64);

fn plus_seconds(t: NaiveDateTime, seconds: u64) -> NaiveDateTime {
    let delta = TimeDelta::seconds(i64::try_from(seconds).unwrap_or(0));
    t.checked_add_signed(delta).unwrap_or(t)
}

/// Client indices in the order a roll call lists them: room and bed, then name.
fn listing_order(clients: &[Client]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..clients.len()).collect();
    order.sort_by_cached_key(|&i| {
        let d = &clients[i].details;
        (
            d.room.clone(),
            d.bed.clone(),
            d.display_name(),
            clients[i].id,
        )
    });
    order
}

/// A roll call being taken.
struct Taking<'a> {
    duty: Duty<'a>,
    /// The slot's date, as an index into the days of the window.
    day: usize,
    /// When the crew starts; each takes an equal share of the list from the top and
    /// works through it side by side, a few seconds a row.
    begins: NaiveDateTime,
    share: usize,
    step: u64,
    /// For the shift under way: how many rows of their part each has marked, and the
    /// demo's clock (nothing is marked after it).
    under_way: Option<(usize, NaiveDateTime)>,
    marks: Vec<Mark>,
    noticed: Vec<Noticed>,
}

impl<'a> Taking<'a> {
    /// When the row at `place` in the list is marked, and by whom.
    fn marked(&self, place: usize) -> Option<(NaiveDateTime, &'a Staff)> {
        let by = self.duty.staff.get(place / self.share).copied()?;
        let at = plus_seconds(self.begins, (place % self.share) as u64 * self.step);
        if let Some((done, now)) = self.under_way
            && (place % self.share >= done || at > now)
        {
            return None;
        }
        Some((at, by))
    }
}

/// Takes the roll call of every duty (in slot order). With `now`, a duty whose shift has
/// not ended by then is under way: a third of each one's part marked, nothing after `now`,
/// none of its rows left unmarked on purpose; nor are any of `now`'s date.
///
/// Residents are taken one at a time through all the roll calls, not roll call by roll
/// call: a big demo's records do not fit in the cache, and reading each once is several
/// times faster than going through all of them at every roll call.
pub(super) fn take<'a>(
    rng: &mut DemoRng,
    clients: &[Client],
    duties: Vec<Duty<'a>>,
    times: &ShiftTimes,
    now: Option<NaiveDateTime>,
) -> PastRollCalls<'a> {
    let mut dates = Vec::new();
    for d in &duties {
        if dates.last() != Some(&d.slot.date) {
            dates.push(d.slot.date);
        }
    }
    let dates = &dates[..dates.len().min(Days::BITS as usize)];
    let residing: Vec<Days> = clients
        .iter()
        .map(|c| {
            let on = |(d, date): (usize, &NaiveDate)| Days::from(in_residence_on(c, *date)) << d;
            dates.iter().enumerate().map(on).fold(0, |a, b| a | b)
        })
        .collect();
    let listed: Vec<usize> = (0..dates.len())
        .map(|d| residing.iter().filter(|r| *r & (1 << d) != 0).count())
        .collect();

    let mut incomplete = vec![false; duties.len()];
    let count = between(rng, INCOMPLETE.0, INCOMPLETE.1) as usize;
    for i in index::sample(rng, duties.len(), count.min(duties.len())) {
        incomplete[i] = true;
    }
    let mut calls: Vec<Taking> = Vec::with_capacity(duties.len());
    for duty in duties {
        let Some(day) = dates.iter().position(|d| *d == duty.slot.date) else {
            continue;
        };
        let begins = times.start(duty.slot);
        let begins = plus_seconds(begins, 60 * between(rng, BEGINS_AFTER.0, BEGINS_AFTER.1));
        let share = listed[day].div_ceil(duty.staff.len().max(1)).max(1);
        let step = (1800 / share).clamp(1, 8) as u64;
        // Under way: begun early enough to have a third done by now, but not in the
        // first ten minutes of the shift (so just after it starts nothing is marked).
        let (begins, under_way) = match now {
            Some(now) if times.end(duty.slot) > now => {
                let done = share.div_ceil(UNDER_WAY_PART);
                let needs = 60 + done as u64 * step;
                let latest = now - TimeDelta::seconds(i64::try_from(needs).unwrap_or(0));
                let earliest = plus_seconds(times.start(duty.slot), 60 * BEGINS_AFTER.0);
                (begins.min(latest).max(earliest), Some((done, now)))
            }
            _ => (begins, None),
        };
        calls.push(Taking {
            duty,
            day,
            begins,
            share,
            step,
            under_way,
            marks: Vec::with_capacity(listed[day]),
            noticed: Vec::new(),
        });
    }

    // Each resident's place in each day's list, handed out in list order.
    let mut next_place = vec![0; dates.len()];
    let mut place = vec![0; dates.len()];
    for c in listing_order(clients) {
        let days = residing[c];
        if days == 0 {
            continue;
        }
        for (d, next) in next_place.iter_mut().enumerate() {
            if days & (1 << d) != 0 {
                place[d] = *next;
                *next += 1;
            }
        }
        let client = &clients[c];
        // The last mark, and an illness still running: (last roll call, phrase).
        let mut last: Option<Presence> = None;
        let mut unwell: Option<(usize, usize)> = None;
        for (i, call) in calls.iter_mut().enumerate() {
            if days & (1 << call.day) == 0 {
                continue;
            }
            let Some((at, by)) = call.marked(place[call.day]) else {
                continue;
            };
            let date = call.duty.slot.date;
            let (presence, note) = match expected(client, date, at) {
                Expected::Present => match unwell {
                    Some((until, phrase)) if until >= i => {
                        (Presence::Sick, UNWELL[phrase].0.into())
                    }
                    _ if chance(rng, UNWELL_CHANCE) => {
                        let until = i + between(rng, 0, 2) as usize;
                        let phrase = between(rng, 0, UNWELL.len() as u64 - 1) as usize;
                        unwell = Some((until, phrase));
                        call.noticed.push(Noticed::Unwell { client: c, phrase });
                        (Presence::Sick, UNWELL[phrase].0.into())
                    }
                    _ => (Presence::Present, String::new()),
                },
                Expected::Leave { expected_return } => {
                    (Presence::Leave, phrases::leave_mark(expected_return, date))
                }
                Expected::Sick { note } => (Presence::Sick, note.to_string()),
                Expected::Referred { to } => (Presence::Referred, phrases::referred_mark(to)),
                Expected::Absconded { last_seen } => {
                    let first = match last {
                        Some(p) => p != Presence::Absconded,
                        None => at - last_seen < TimeDelta::hours(12),
                    };
                    if first {
                        call.noticed.push(Noticed::Missing {
                            client: c,
                            last_seen,
                        });
                    }
                    let note = phrases::absconded_mark(last_seen, first);
                    (Presence::Absconded, note)
                }
            };
            last = Some(presence);
            let by = by.username.clone();
            call.marks.push(Mark {
                slot: call.duty.slot,
                client: client.id,
                presence,
                note,
                by: by.into(),
                at,
            });
        }
    }

    let mut marks = Vec::with_capacity(calls.iter().map(|c| c.marks.len()).sum());
    let mut past = Vec::with_capacity(calls.len());
    let today = now.map(|n| n.date());
    for (i, mut call) in calls.into_iter().enumerate() {
        let in_progress = call.under_way.is_some();
        let before_today = today.is_none_or(|t| call.duty.slot.date < t);
        let unmarked = if incomplete[i] && !in_progress && before_today {
            leave_unmarked(rng, &mut call.marks)
        } else {
            Vec::new()
        };
        let first = marks.len();
        marks.append(&mut call.marks);
        past.push(PastRollCall {
            duty: call.duty,
            marks: first..marks.len(),
            unmarked,
            noticed: call.noticed,
            in_progress,
        });
    }
    PastRollCalls { calls: past, marks }
}

/// Takes back the marks of a handful of residents marked hadir: the roll call was left
/// unfinished. Returns who they were.
fn leave_unmarked(rng: &mut DemoRng, marks: &mut Vec<Mark>) -> Vec<ClientId> {
    let present: Vec<usize> = marks
        .iter()
        .enumerate()
        .filter(|(_, m)| m.presence == Presence::Present)
        .map(|(i, _)| i)
        .collect();
    let count = (between(rng, UNMARKED.0, UNMARKED.1) as usize).min(present.len());
    let mut drop = vec![false; marks.len()];
    for k in index::sample(rng, present.len(), count) {
        drop[present[k]] = true;
    }
    let mut unmarked = Vec::with_capacity(count);
    let mut i = 0;
    marks.retain(|m| {
        let keep = !drop[i];
        i += 1;
        if !keep {
            unmarked.push(m.client);
        }
        keep
    });
    unmarked.sort();
    unmarked
}
