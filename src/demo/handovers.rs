//! Handover notes of the past weeks: most shifts leave one, written by the shift's
//! coordinator shortly before the shift ends. A note tells what happened to residents in
//! the shift (as the status histories and roll calls have it: arrivals, leave, illness,
//! referrals, returns, exits, someone gone missing), sometimes the headcount, and a
//! routine remark about the day's activities, the kitchen, water or power.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::pick::{DemoRng, at, between, chance, days_before, pick};
use super::roll_calls::{Noticed, PastRollCall, PastRollCalls};
use super::shift_phrases::{self as phrases, QUIET, UNWELL};
use crate::domain::handover::HandoverNote;
use crate::domain::roll_call::Mark;
use crate::domain::roll_call::Presence;
use crate::domain::shift::{Shift, ShiftSlot, ShiftTimes};
use crate::domain::{Client, Sex, StatusDetail};

/// Share of shifts that leave a note (one in which someone went missing always does).
const NOTE_CHANCE: f64 = 0.85;

/// Most sentences in a note.
const MOST: usize = 4;

/// Most sentences about single residents before the rest are summed up.
const MOST_ABOUT_RESIDENTS: usize = 3;

/// A sentence about a resident, with its weight: lower comes first.
struct Event {
    rank: u8,
    text: String,
}

/// How a handover names a resident: `Pak Slamet Riyadi (A3)`.
fn who(client: &Client) -> String {
    let d = &client.details;
    let title = match d.sex {
        Sex::Male => "Pak",
        Sex::Female => "Bu",
    };
    if d.room.is_empty() {
        format!("{title} {}", d.display_name())
    } else {
        format!("{title} {} ({})", d.display_name(), d.room)
    }
}

/// Sentences about the status changes recorded during each slot, by slot index.
fn status_events(
    clients: &[Client],
    slots: &HashMap<ShiftSlot, usize>,
    times: &ShiftTimes,
) -> Vec<Vec<Event>> {
    let mut out: Vec<Vec<Event>> = (0..slots.len()).map(|_| Vec::new()).collect();
    for client in clients {
        for (k, e) in client.history.iter().enumerate() {
            let Some(&slot) = slots.get(&times.slot_at(e.recorded_at)) else {
                continue;
            };
            let name = who(client);
            let previous = k.checked_sub(1).map(|p| &client.history[p].detail);
            let (rank, text) = match &e.detail {
                StatusDetail::Active => match previous {
                    None | Some(StatusDetail::Exited { .. }) => {
                        let stay = client.stays.iter().position(|s| s.admitted == e.date);
                        let referral =
                            stay.map_or(client.details.referral, |i| client.stays[i].referral);
                        let returning = stay.is_some_and(|i| i > 0);
                        (2, phrases::admitted(&name, referral, returning))
                    }
                    Some(_) => (4, phrases::back(&name, &e.note)),
                },
                StatusDetail::Leave { expected_return } => {
                    (3, phrases::on_leave(&name, &e.note, *expected_return))
                }
                StatusDetail::Sick => (3, phrases::fell_ill(&name, &e.note)),
                StatusDetail::Referred { to } => (1, phrases::referred(&name, to, &e.note)),
                StatusDetail::Exited { destination, .. } => {
                    (1, phrases::exited(&name, &e.note, destination))
                }
                // Told when the roll call finds them gone.
                StatusDetail::Absconded { .. } => continue,
            };
            out[slot].push(Event { rank, text });
        }
    }
    out
}

/// The dormitory block of a room (`B` of `B4`).
fn block_of(room: &str) -> &str {
    room.trim_end_matches(|c: char| c.is_ascii_digit())
}

/// The note of one shift, one to four sentences.
fn text(
    rng: &mut DemoRng,
    clients: &[Client],
    index_of: &HashMap<crate::domain::ClientId, usize>,
    roll_call: &PastRollCall,
    marks: &[Mark],
    mut events: Vec<Event>,
) -> String {
    let shift = roll_call.duty.slot.shift;
    events.sort_by_key(|e| e.rank);
    let mut sentences: Vec<String> = Vec::with_capacity(MOST);
    if events.len() > MOST_ABOUT_RESIDENTS {
        let rest = events.len() - (MOST_ABOUT_RESIDENTS - 1);
        events.truncate(MOST_ABOUT_RESIDENTS - 1);
        sentences.extend(events.into_iter().map(|e| e.text));
        sentences.push(phrases::more_changes(rest));
    } else {
        sentences.extend(events.into_iter().map(|e| e.text));
    }
    if !roll_call.unmarked.is_empty() && sentences.len() < MOST {
        sentences.push(phrases::incomplete(shift, roll_call.unmarked.len()));
    }
    if !marks.is_empty() && sentences.len() < MOST && chance(rng, 0.4) {
        let mut counts = [0; 5];
        for m in marks {
            let i = Presence::ALL.iter().position(|p| *p == m.presence);
            counts[i.unwrap_or(0)] += 1;
        }
        sentences.push(phrases::headcount(shift, counts));
    }
    if sentences.len() < MOST && (sentences.is_empty() || chance(rng, 0.5)) {
        let present: Vec<usize> = marks
            .iter()
            .filter(|m| m.presence == Presence::Present)
            .filter_map(|m| index_of.get(&m.client).copied())
            .collect();
        let someone = (!present.is_empty()).then(|| &clients[*pick(rng, &present)]);
        let visitor = someone.map(who);
        let block = someone.map_or("A", |c| block_of(&c.details.room));
        let block = if block.is_empty() { "A" } else { block };
        sentences.push(phrases::routine(rng, shift, visitor.as_deref(), block));
    }
    if sentences.is_empty() {
        sentences.push(pick(rng, QUIET).to_string());
    }
    sentences.join(" ")
}

/// When the note of `slot` is written: in the last 5–40 minutes of the shift, but for the
/// last night before `today` in a demo without a clock (`upto_now` false), written before
/// midnight so nothing is dated `today`.
fn written_at(
    rng: &mut DemoRng,
    times: &ShiftTimes,
    slot: ShiftSlot,
    today: NaiveDate,
    upto_now: bool,
) -> NaiveDateTime {
    if !upto_now && slot.shift == Shift::Night && slot.date == days_before(today, 1) {
        return at(slot.date, 23 * 60 + between(rng, 0, 50) as u32);
    }
    let before = TimeDelta::minutes(between(rng, 5, 40) as i64);
    let end = times.end(slot);
    end.checked_sub_signed(before).unwrap_or(end)
}

/// The notes of the past roll calls' shifts, oldest first, ids from 1. With `upto_now`,
/// the roll calls run up to the demo's clock; one still under way has no note yet.
pub(super) fn write(
    rng: &mut DemoRng,
    today: NaiveDate,
    upto_now: bool,
    clients: &[Client],
    past: &PastRollCalls,
    times: &ShiftTimes,
) -> Vec<HandoverNote> {
    let slots: HashMap<ShiftSlot, usize> = past
        .calls
        .iter()
        .enumerate()
        .map(|(i, p)| (p.duty.slot, i))
        .collect();
    let index_of: HashMap<_, _> = clients.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let mut by_slot = status_events(clients, &slots, times);
    let mut notes = Vec::new();
    for (i, roll_call) in past.calls.iter().enumerate() {
        if roll_call.in_progress {
            continue;
        }
        let marks = &past.marks[roll_call.marks.clone()];
        let mut events = std::mem::take(&mut by_slot[i]);
        let mut missing = false;
        for n in &roll_call.noticed {
            events.push(match *n {
                Noticed::Missing { client, last_seen } => {
                    missing = true;
                    let text = phrases::missing(
                        &who(&clients[client]),
                        roll_call.duty.slot.shift,
                        last_seen,
                    );
                    Event { rank: 0, text }
                }
                Noticed::Unwell { client, phrase } => Event {
                    rank: 5,
                    text: phrases::unwell(&who(&clients[client]), UNWELL[phrase].1),
                },
            });
        }
        if !missing && !chance(rng, NOTE_CHANCE) {
            continue;
        }
        let Some(author) = roll_call.duty.staff.first() else {
            continue;
        };
        let text = text(rng, clients, &index_of, roll_call, marks, events);
        let at = written_at(rng, times, roll_call.duty.slot, today, upto_now);
        notes.push(HandoverNote {
            id: notes.len() as u64 + 1,
            slot: roll_call.duty.slot,
            text,
            by: author.username.clone(),
            by_name: author.display_name.clone(),
            at,
        });
    }
    notes
}
