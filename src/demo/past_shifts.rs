//! The weeks before the demo's `today` shift by shift: roll calls and handover notes.
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
/// times. None of `today`'s shifts: its roll calls are still to be taken.
pub(super) fn past_shifts(
    seed: u64,
    today: chrono::NaiveDate,
    residents: usize,
    staff: &[Staff],
    clients: &[Client],
) -> (Vec<Mark>, Vec<HandoverNote>) {
    let times = ShiftTimes::default();
    let slots = duty::past_slots(today, duty::history_days(residents));
    let duties = duty::roster(staff, &slots);
    let past = roll_calls::take(&mut stream(seed, ROLL_CALL_STREAM), clients, duties, &times);
    let notes = handovers::write(
        &mut stream(seed, HANDOVER_STREAM),
        today,
        clients,
        &past,
        &times,
    );
    (past.marks, notes)
}
