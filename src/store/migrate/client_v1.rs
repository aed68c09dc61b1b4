//! Client layout version 1, frozen: `ClientDraft` had no `kk` and no `family_contact`.
//!
//! Nested types (stays, status history, enums) are today's: they have not changed shape
//! since v1. When one of them does, freeze its old shape here too.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;

use crate::domain::{
    BirthDate, Client, ClientDraft, ClientId, Education, Nik, Origin, ReferralSource, Religion,
    Sex, Stage, StatusChange, Stay,
};

/// `ClientDraft` as written by version 1, fields in their v1 order.
#[derive(Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub(super) struct ClientDraftV1 {
    name: String,
    nickname: String,
    nik: Option<Nik>,
    sex: Sex,
    birth_place: String,
    birth: BirthDate,
    religion: Religion,
    education: Education,
    origin: Origin,
    admitted: NaiveDate,
    referral: ReferralSource,
    room: String,
    bed: String,
    stage: Stage,
    notes: String,
}

/// `Client` as written by version 1.
#[derive(Deserialize)]
#[cfg_attr(test, derive(serde::Serialize))]
pub(super) struct ClientV1 {
    id: ClientId,
    revision: u64,
    reg_no: String,
    details: ClientDraftV1,
    stays: Vec<Stay>,
    history: Vec<StatusChange>,
    changed_by: String,
    changed_at: NaiveDateTime,
}

impl ClientV1 {
    /// Today's `Client`: no KK number and no family contact recorded.
    pub(super) fn migrate(self) -> Client {
        let d = self.details;
        Client {
            id: self.id,
            revision: self.revision,
            reg_no: self.reg_no,
            details: ClientDraft {
                name: d.name,
                nickname: d.nickname,
                nik: d.nik,
                kk: None,
                sex: d.sex,
                birth_place: d.birth_place,
                birth: d.birth,
                religion: d.religion,
                education: d.education,
                origin: d.origin,
                family_contact: String::new(),
                admitted: d.admitted,
                referral: d.referral,
                room: d.room,
                bed: d.bed,
                stage: d.stage,
                notes: d.notes,
            },
            stays: self.stays,
            history: self.history,
            changed_by: self.changed_by,
            changed_at: self.changed_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::domain::StatusDetail;

    fn fixture_path() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/client_v1.bin")
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The v1 record in `tests/fixtures/client_v1.bin`; `tests/store_fixtures.rs` expects
    /// exactly these values after migration.
    fn sample() -> ClientV1 {
        let at = date(2026, 3, 2).and_hms_opt(9, 15, 0).unwrap();
        ClientV1 {
            id: ClientId(7),
            revision: 3,
            reg_no: "2026/0007".into(),
            details: ClientDraftV1 {
                name: "Slamet Riyadi".into(),
                nickname: "Met".into(),
                nik: Some(Nik::parse("3514021705800003").unwrap()),
                sex: Sex::Male,
                birth_place: "Pasuruan".into(),
                birth: BirthDate::Exact(date(1980, 5, 17)),
                religion: Religion::Islam,
                education: Education::Primary,
                origin: Origin::Regency(3514),
                admitted: date(2026, 3, 1),
                referral: ReferralSource::Raid,
                room: "A2".into(),
                bed: "4".into(),
                stage: Stage::Assessment,
                notes: "Datang dari razia Satpol PP.".into(),
            },
            stays: vec![Stay {
                admitted: date(2026, 3, 1),
                referral: ReferralSource::Raid,
                exited: None,
            }],
            history: vec![
                StatusChange {
                    detail: StatusDetail::Active,
                    date: date(2026, 3, 1),
                    note: String::new(),
                    recorded_by: "budi".into(),
                    recorded_at: at,
                },
                StatusChange {
                    detail: StatusDetail::Leave {
                        expected_return: date(2026, 3, 5),
                    },
                    date: date(2026, 3, 2),
                    note: "kunjungan keluarga".into(),
                    recorded_by: "budi".into(),
                    recorded_at: at,
                },
            ],
            changed_by: "budi".into(),
            changed_at: at,
        }
    }

    fn envelope() -> Vec<u8> {
        let payload = bincode::serde::encode_to_vec(sample(), bincode::config::standard()).unwrap();
        let mut out = vec![1u8];
        out.extend(payload);
        out
    }

    /// Writes the fixture; run once with `cargo test --lib write_client_v1_fixture -- --ignored`.
    #[test]
    #[ignore]
    fn write_client_v1_fixture() {
        std::fs::write(fixture_path(), envelope()).unwrap();
    }

    #[test]
    fn the_fixture_is_a_v1_envelope() {
        assert_eq!(std::fs::read(fixture_path()).unwrap(), envelope());
    }
}
