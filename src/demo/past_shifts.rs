//! The weeks before the demo's `today` shift by shift: roll calls and handover notes; with
//! a clock, today's shifts up to it too (the current one's roll call under way).
//!
//! They are drawn from generators of their own (other streams of the same seed), so adding
//! them left the residents, staff and histories exactly as they were.

use rand::SeedableRng;

use super::duty;
use super::handovers;
use super::pick::DemoRng;
use super::roll_calls;
use crate::domain::handover::HandoverNote;
use crate::domain::roll_call::Mark;
use crate::domain::shift::ShiftTimes;
use crate::domain::{Client, Staff};

/// Stream of the seed the roll calls draw from (the residents use stream 0).
const ROLL_CALL_STREAM: u64 = 1;
/// Stream of the seed the handover notes draw from.
const HANDOVER_STREAM: u64 = 2;

/// A generator of its own for one part of the demo.
fn stream(seed: u64, stream: u64) -> DemoRng {
    let mut rng = DemoRng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// Roll calls (in slot order) and handover notes (oldest first, ids from 1) of the
/// history days before `today` (see [`duty::history_days`]), with the default shift
/// times. Without `now`, none of `today`'s shifts. With `now` (on `today`), also every
/// shift begun by then: those ended taken in full with their notes, the current one's
/// roll call about a third done and no note yet.
pub(super) fn past_shifts(
    seed: u64,
    today: chrono::NaiveDate,
    now: Option<chrono::NaiveDateTime>,
    residents: usize,
    staff: &[Staff],
    clients: &[Client],
) -> (Vec<Mark>, Vec<HandoverNote>) {
    let times = ShiftTimes::default();
    let days = duty::history_days(residents);
    let slots = match now {
        Some(now) => duty::slots_until(now, days, &times),
        None => duty::past_slots(today, days),
    };
    let duties = duty::roster(staff, &slots);
    let past = roll_calls::take(
        &mut stream(seed, ROLL_CALL_STREAM),
        clients,
        duties,
        &times,
        now,
    );
    let notes = handovers::write(
        &mut stream(seed, HANDOVER_STREAM),
        today,
        now.is_some(),
        clients,
        &past,
        &times,
    );
    (past.marks, notes)
}
