//! Facility layout version 1, frozen: no shift times (the defaults applied).

use serde::Deserialize;

use crate::domain::Facility;
use crate::domain::shift::ShiftTimes;

/// `Facility` as written by version 1, fields in their v1 order.
#[derive(Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub(super) struct FacilityV1 {
    name: String,
    capacity: u32,
    revision: u64,
}

impl FacilityV1 {
    /// Today's `Facility`: the default shift times (pagi 07:00, siang 14:00, malam 21:00),
    /// the ones every facility had before they could be changed.
    pub(super) fn migrate(self) -> Facility {
        Facility {
            name: self.name,
            capacity: self.capacity,
            shifts: ShiftTimes::default(),
            revision: self.revision,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn fixture_path() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/facility_v1.bin")
    }

    /// The v1 record in `tests/fixtures/facility_v1.bin`; `tests/store_fixtures.rs`
    /// expects exactly these values after migration.
    fn sample() -> FacilityV1 {
        FacilityV1 {
            name: "UPT Rehabilitasi Sosial Bina Karya Pasuruan".into(),
            capacity: 110,
            revision: 3,
        }
    }

    fn envelope() -> Vec<u8> {
        let payload = bincode::serde::encode_to_vec(sample(), bincode::config::standard()).unwrap();
        let mut out = vec![1u8];
        out.extend(payload);
        out
    }

    /// Writes the fixture; run once with
    /// `cargo test --lib write_facility_v1_fixture -- --ignored`.
    #[test]
    #[ignore]
    fn write_facility_v1_fixture() {
        std::fs::write(fixture_path(), envelope()).unwrap();
    }

    #[test]
    fn the_fixture_is_a_v1_envelope() {
        assert_eq!(std::fs::read(fixture_path()).unwrap(), envelope());
    }
}
