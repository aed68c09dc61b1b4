//! Fictional demo data generated from a fixed seed: a facility, its staff and residents.
//!
//! Everything is made up: names are combined from lists of common Javanese and Indonesian
//! names, identity numbers are laid out like real ones but random, phone numbers random.
//! The same seed, date and size always give the same data, so screenshots and tests are
//! stable.

mod beds;
mod history;
mod identity;
mod names;
mod phrases;
mod pick;
mod places;
mod profile;
mod residents;
mod staff;
mod status;
mod stays;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
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
    /// The last weeks of roll calls (three shifts a day), in slot order.
    pub marks: Vec<crate::domain::roll_call::Mark>,
    /// Handover notes of the same weeks, oldest first, ids from 1.
    pub handovers: Vec<crate::domain::handover::HandoverNote>,
}

/// Generates the demo facility as of `today`, with `residents` in residence (plus some
/// who have exited), making `head_username` the head. Same inputs, same output.
///
/// About a quarter as many people again have exited; some people have come more than
/// once. Everything is dated before `today` (but for expected returns from leave), so
/// the data look right whatever the time of day they are loaded.
pub fn generate(seed: u64, today: NaiveDate, residents: usize, head_username: &str) -> DemoData {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let staff = staff::staff(head_username);
    let recorders = staff::Recorders::new(&staff);
    let clients = residents::clients(&mut rng, today, residents, &recorders);
    DemoData {
        facility: staff::facility(residents),
        staff,
        clients,
        marks: Vec::new(),
        handovers: Vec::new(),
    }
}
