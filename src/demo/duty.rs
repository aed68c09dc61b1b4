//! The shifts of the demo's past weeks (and of today up to the demo's clock) and who
//! worked them: two staff on each day shift, one at night, in a rotation that gives
//! whoever worked a night the next day off.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::pick::days_before;
use crate::domain::shift::{Shift, ShiftSlot, ShiftTimes};
use crate::domain::{Role, Staff};

/// Days of roll calls and handover notes behind a demo.
pub(super) const HISTORY_DAYS: u64 = 28;

/// Days of history behind a demo of more than [`BIG_DEMO`] residents: four weeks of ten
/// thousand residents would be 840,000 marks, too many to import on first start.
pub(super) const BIG_HISTORY_DAYS: u64 = 7;

/// Above this many residents the history is cut to [`BIG_HISTORY_DAYS`].
pub(super) const BIG_DEMO: usize = 1_000;

/// Days of history behind a demo of more than [`HUGE_DEMO`] residents: even a week of a
/// hundred thousand would be two million marks.
pub(super) const HUGE_HISTORY_DAYS: u64 = 1;

/// Above this many residents the history is cut to [`HUGE_HISTORY_DAYS`].
pub(super) const HUGE_DEMO: usize = 20_000;

/// How many days of past shifts a demo of `residents` gets.
pub(super) fn history_days(residents: usize) -> u64 {
    if residents > HUGE_DEMO {
        HUGE_HISTORY_DAYS
    } else if residents > BIG_DEMO {
        BIG_HISTORY_DAYS
    } else {
        HISTORY_DAYS
    }
}

/// Every slot of the `days` days before `today`, oldest first; none of `today`'s.
pub(super) fn past_slots(today: NaiveDate, days: u64) -> Vec<ShiftSlot> {
    (1..=days)
        .rev()
        .flat_map(|ago| {
            let date = days_before(today, ago);
            Shift::ALL.map(|shift| ShiftSlot { date, shift })
        })
        .collect()
}

/// Every slot of the `days` days before `now`'s date and every slot of that date begun by
/// `now`, oldest first: the last is the shift under way at `now` (the night shift of the
/// day before, before the morning shift starts).
pub(super) fn slots_until(now: NaiveDateTime, days: u64, times: &ShiftTimes) -> Vec<ShiftSlot> {
    let today = now.date();
    let mut slots = past_slots(today, days);
    slots.extend(
        Shift::ALL
            .map(|shift| ShiftSlot { date: today, shift })
            .into_iter()
            .filter(|slot| times.start(*slot) <= now),
    );
    slots
}

/// Who worked a shift: the staff on duty, whoever coordinated it (a supervisor if one was
/// on duty) first.
pub(super) struct Duty<'a> {
    pub slot: ShiftSlot,
    pub staff: Vec<&'a Staff>,
}

/// How many staff work a shift.
fn crew(shift: Shift) -> usize {
    match shift {
        Shift::Morning | Shift::Afternoon => 2,
        Shift::Night => 1,
    }
}

/// Who was on duty in each slot. The head does not work shifts (unless nobody else can);
/// the others take the day's five places in turn, so a rotation of six gives the one who
/// worked the night the next day off. Empty if there is no staff at all.
pub(super) fn roster<'a>(staff: &'a [Staff], slots: &[ShiftSlot]) -> Vec<Duty<'a>> {
    let mut pool: Vec<&Staff> = staff
        .iter()
        .filter(|s| s.active && s.role != Role::Head)
        .collect();
    if pool.is_empty() {
        pool = staff.iter().collect();
    }
    if pool.is_empty() {
        return Vec::new();
    }
    let per_day: usize = Shift::ALL.iter().map(|s| crew(*s)).sum();
    slots
        .iter()
        .map(|&slot| {
            let day = usize::try_from(slot.date.num_days_from_ce()).unwrap_or(0);
            let before: usize = Shift::ALL
                .iter()
                .take_while(|s| **s != slot.shift)
                .map(|s| crew(*s))
                .sum();
            let first = day * per_day + before;
            let mut on_duty: Vec<&Staff> = (0..crew(slot.shift).min(pool.len()))
                .map(|k| pool[(first + k) % pool.len()])
                .collect();
            // Stable: the supervisor (if any) first, then the rest in rotation order.
            on_duty.sort_by_key(|s| s.role != Role::Supervisor);
            Duty {
                slot,
                staff: on_duty,
            }
        })
        .collect()
}
