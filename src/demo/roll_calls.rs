//! The past weeks' roll calls: every resident in residence marked at every shift as their
//! status history says (see `presence`), a few short illnesses among the active ones, and
//! two or three roll calls left with a handful of rows unmarked, as happens in a real
//! facility.

use std::ops::Range;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use rand::seq::index;

use super::duty::Duty;
use super::pick::{DemoRng, between, chance};
use super::presence::{Expected, expected, in_residence, settled};
use super::shift_phrases::{self as phrases, UNWELL};
use crate::domain::roll_call::{Mark, Presence};
use crate::domain::shift::ShiftTimes;
use crate::domain::{Client, ClientId};

/// Chance that an active resident is found unwell at a roll call, staying so for one to
/// three shifts: about four residents a week among a hundred.
const UNWELL_CHANCE: f64 = 0.002;

/// Roll calls left incomplete, at most.
const INCOMPLETE: (u64, u64) = (2, 3);

/// Rows left unmarked in an incomplete roll call.
const UNMARKED: (u64, u64) = (3, 7);

/// A roll call begins this many minutes after the shift starts.
const BEGINS_AFTER: (u64, u64) = (10, 40);

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
}

/// The past roll calls, oldest first, and all their marks in one list: in slot order,
/// and within a roll call in the order they were made.
pub(super) struct PastRollCalls<'a> {
    pub calls: Vec<PastRollCall<'a>>,
    pub marks: Vec<Mark>,
}

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

/// The order in which a crew of `crew` marks a list of `len`: each takes an equal share
/// from the top, side by side, row by row. By place in the list, the place in that order
/// (the order of the marks' times).
fn made_order(len: usize, crew: usize) -> (usize, Vec<usize>) {
    let share = len.div_ceil(crew).max(1);
    let mut rank = vec![0; len];
    let mut next = 0;
    for j in 0..share {
        for k in 0..crew {
            let pos = k * share + j;
            if pos < len {
                rank[pos] = next;
                next += 1;
            }
        }
    }
    (share, rank)
}

/// Who is listed on a date: by client index, their place in the list (or `None`), and how
/// many are listed.
struct Listing {
    date: Option<NaiveDate>,
    place: Vec<Option<usize>>,
    len: usize,
}

impl Listing {
    /// Lists the residents in residence on `date`, in `order`. Residence is looked up in
    /// record order, reading the records front to back.
    fn on(&mut self, clients: &[Client], order: &[usize], date: NaiveDate) {
        if self.date == Some(date) {
            return;
        }
        let residing: Vec<bool> = clients.iter().map(|c| in_residence(c, date)).collect();
        self.place.iter_mut().for_each(|p| *p = None);
        self.len = 0;
        for &c in order.iter().filter(|&&c| residing[c]) {
            self.place[c] = Some(self.len);
            self.len += 1;
        }
        self.date = Some(date);
    }
}

/// Per resident, across roll calls: their last mark and any illness still running.
#[derive(Clone, Copy, Default)]
struct Track {
    last: Option<Presence>,
    /// (last roll call index of the illness, phrase).
    unwell: Option<(usize, usize)>,
}

/// Takes the roll call of every duty in turn, oldest first.
pub(super) fn take<'a>(
    rng: &mut DemoRng,
    clients: &[Client],
    duties: Vec<Duty<'a>>,
    times: &ShiftTimes,
) -> PastRollCalls<'a> {
    let order = listing_order(clients);
    let mut incomplete = vec![false; duties.len()];
    let count = between(rng, INCOMPLETE.0, INCOMPLETE.1) as usize;
    for i in index::sample(rng, duties.len(), count.min(duties.len())) {
        incomplete[i] = true;
    }
    let mut listing = Listing {
        date: None,
        place: vec![None; clients.len()],
        len: 0,
    };
    let from = duties.first().map(|d| d.slot.date);
    let settled: Vec<bool> = clients
        .iter()
        .map(|c| from.is_some_and(|from| settled(c, from)))
        .collect();
    let mut track = vec![Track::default(); clients.len()];
    let mut calls = Vec::with_capacity(duties.len());
    let mut marks: Vec<Mark> = Vec::new();
    let mut made: Vec<Option<Mark>> = Vec::new();
    for (i, duty) in duties.into_iter().enumerate() {
        let date = duty.slot.date;
        listing.on(clients, &order, date);
        if marks.capacity() == 0 {
            marks.reserve(listing.len * calls.capacity());
        }
        let begins = times.start(duty.slot);
        let begins = plus_seconds(begins, 60 * between(rng, BEGINS_AFTER.0, BEGINS_AFTER.1));
        // The crew splits the list and works through it side by side, a few seconds a row.
        let crew = duty.staff.len().max(1);
        let (share, rank) = made_order(listing.len, crew);
        let step = (1800 / share).clamp(1, 8) as u64;
        made.clear();
        made.resize(listing.len, None);
        let mut noticed = Vec::new();
        // Residents are taken in record order (a big demo's records do not fit in the
        // cache), each mark put in its place in the order made.
        for (c, client) in clients.iter().enumerate() {
            let Some(pos) = listing.place[c] else {
                continue;
            };
            let Some(by) = duty.staff.get(pos / share) else {
                continue;
            };
            let at = plus_seconds(begins, (pos % share) as u64 * step);
            let t = &mut track[c];
            let expect = if settled[c] {
                Expected::Present
            } else {
                expected(client, date, at)
            };
            let (presence, note) = match expect {
                Expected::Present => match t.unwell {
                    Some((until, phrase)) if until >= i => {
                        (Presence::Sick, UNWELL[phrase].0.into())
                    }
                    _ if chance(rng, UNWELL_CHANCE) => {
                        let last = i + between(rng, 0, 2) as usize;
                        let phrase = between(rng, 0, UNWELL.len() as u64 - 1) as usize;
                        t.unwell = Some((last, phrase));
                        noticed.push(Noticed::Unwell { client: c, phrase });
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
                    let first = match t.last {
                        Some(p) => p != Presence::Absconded,
                        None => at - last_seen < TimeDelta::hours(12),
                    };
                    if first {
                        noticed.push(Noticed::Missing {
                            client: c,
                            last_seen,
                        });
                    }
                    let note = phrases::absconded_mark(last_seen, first);
                    (Presence::Absconded, note)
                }
            };
            t.last = Some(presence);
            made[rank[pos]] = Some(Mark {
                slot: duty.slot,
                client: client.id,
                presence,
                note,
                by: by.username.clone(),
                at,
            });
        }
        let first = marks.len();
        marks.extend(made.drain(..).flatten());
        let unmarked = if incomplete[i] {
            leave_unmarked(rng, &mut marks, first)
        } else {
            Vec::new()
        };
        calls.push(PastRollCall {
            duty,
            marks: first..marks.len(),
            unmarked,
            noticed,
        });
    }
    PastRollCalls { calls, marks }
}

/// Takes back the marks (from `first` on) of a handful of residents marked hadir: the
/// roll call was left unfinished. Returns who they were.
fn leave_unmarked(rng: &mut DemoRng, all: &mut Vec<Mark>, first: usize) -> Vec<ClientId> {
    let mut marks = all.split_off(first);
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
    all.append(&mut marks);
    unmarked.sort();
    unmarked
}
