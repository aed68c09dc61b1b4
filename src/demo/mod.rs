//! Fictional demo data generated from a fixed seed: a facility, its staff and residents.
//!
//! Everything is made up: names are combined from lists of common Javanese and Indonesian
//! names, identity numbers are laid out like real ones but random, phone numbers random.
//! The same seed, date and size always give the same data, so screenshots and tests are
//! stable.
//!
//! Behind the residents lie the last four weeks of shifts: a roll call at every shift of
//! every day before `today` and most shifts' handover notes. Made as of a moment
//! ([`generate_at`], what a demo store gets), today's shifts that have ended are there
//! too, with their notes, and the current shift's roll call is about a third taken. A demo of more than 1,000 residents gets only the last seven
//! days, as four weeks of ten thousand residents would be 840,000 marks to import; one
//! of more than 20,000 only the last day.

mod beds;
mod duty;
mod handovers;
mod history;
mod identity;
mod names;
mod past_shifts;
mod phrases;
mod pick;
mod places;
mod presence;
mod profile;
mod residents;
mod roll_calls;
mod shift_phrases;
mod staff;
mod status;
mod stays;
#[cfg(test)]
mod tests;

use chrono::{NaiveDate, NaiveDateTime};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::domain::{Client, Facility, Staff};

/// The seed every demo store, test and screenshot uses.
pub const SEED: u64 = 0x4D45_4E54_4153; // "MENTAS"

/// A whole demo facility, ready to be loaded into an empty store.
#[derive(Debug, Clone)]
pub struct DemoData {
    pub facility: Facility,
    pub staff: Vec<Staff>,
    /// In id order, ids from 1.
    pub clients: Vec<Client>,
    /// The last weeks of roll calls (three shifts a day), in slot order and within a slot
    /// in list order (room, bed, name). Every resident in residence on the slot's date is marked as
    /// their status history says, but for a handful left unmarked in two or three roll
    /// calls.
    pub marks: Vec<crate::domain::roll_call::Mark>,
    /// Handover notes of the same weeks (most shifts have one), oldest first, ids from 1.
    pub handovers: Vec<crate::domain::handover::HandoverNote>,
}

/// Generates the demo facility as of `today`, with `residents` in residence (plus some
/// who have exited), making `head_username` the head. Same inputs, same output.
///
/// About a quarter as many people again have exited; some people have come more than
/// once. Everything is dated before `today` (but for expected returns from leave), so
/// the data look right whatever the time of day they are loaded.
///
/// Roll calls and handover notes cover the 28 days before `today`, or only the last 7
/// when `residents` is over 1,000 (keeping a 10,000-resident demo to about 210,000 marks
/// instead of 840,000), and only the last day when over 20,000.
pub fn generate(seed: u64, today: NaiveDate, residents: usize, head_username: &str) -> DemoData {
    make(seed, today, None, residents, head_username)
}

/// Generates the demo facility as of the moment `now` (WIB): as [`generate`] for its date,
/// plus the shifts of that date begun by `now`. Those that have ended have complete roll
/// calls and their handover notes; the shift under way has about a third of its roll call
/// taken (none if it began less than ten minutes ago) and no note yet. Nothing is dated
/// after `now`. The residents and staff are exactly those of [`generate`].
pub fn generate_at(
    seed: u64,
    now: NaiveDateTime,
    residents: usize,
    head_username: &str,
) -> DemoData {
    make(seed, now.date(), Some(now), residents, head_username)
}

fn make(
    seed: u64,
    today: NaiveDate,
    now: Option<NaiveDateTime>,
    residents: usize,
    head_username: &str,
) -> DemoData {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let staff = staff::staff(head_username);
    let recorders = staff::Recorders::new(&staff);
    let clients = residents::clients(&mut rng, today, residents, &recorders);
    let (marks, handovers) =
        past_shifts::past_shifts(seed, today, now, residents, &staff, &clients);
    DemoData {
        facility: staff::facility(residents),
        staff,
        clients,
        marks,
        handovers,
    }
}
