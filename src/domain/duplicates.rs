//! Likely duplicates at intake: the same NIK, or a similar name with the same birth year
//! or origin. "The same faces again" after a raid is common; a returning person should get
//! a new stay on their existing record, not a second record.

use serde::{Deserialize, Serialize};

use super::client::{ClientId, ClientRow, Origin};
use super::draft::ClientDraft;
use super::names::similarity;

/// Names at least this similar (Jaro-Winkler on folded keys) count as the same name.
pub const SIMILAR_NAME: f64 = 0.9;

/// Why an existing resident looks like the person being entered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicateMatch {
    pub row: ClientRow,
    pub same_nik: bool,
    /// Name similarity, 0.0–1.0 (the better of name and nickname).
    pub name_score: f64,
    pub same_birth_year: bool,
    pub same_origin: bool,
}

fn name_score(draft: &ClientDraft, row: &ClientRow) -> f64 {
    let pairs = [(&draft.name, &row.name), (&draft.nickname, &row.nickname)];
    pairs
        .iter()
        .filter(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty())
        .map(|(a, b)| similarity(a, b))
        .fold(0.0, f64::max)
}

/// Existing residents that are likely the same person as `draft`, best match first.
/// `editing` is left out (a record is not its own duplicate).
pub fn likely_duplicates<'a>(
    draft: &ClientDraft,
    rows: impl IntoIterator<Item = &'a ClientRow>,
    editing: Option<ClientId>,
) -> Vec<DuplicateMatch> {
    let mut found: Vec<DuplicateMatch> = rows
        .into_iter()
        .filter(|row| Some(row.id) != editing)
        .filter_map(|row| {
            let same_nik = draft.nik.is_some() && draft.nik == row.nik;
            let name_score = name_score(draft, row);
            let year = draft.birth.year();
            let same_birth_year = year.is_some() && year == row.birth.year();
            let same_origin = draft.origin != Origin::Unknown && draft.origin == row.origin;
            let similar = name_score >= SIMILAR_NAME && (same_birth_year || same_origin);
            (same_nik || similar).then(|| DuplicateMatch {
                row: row.clone(),
                same_nik,
                name_score,
                same_birth_year,
                same_origin,
            })
        })
        .collect();
    found.sort_by(|a, b| {
        (b.same_nik, b.same_birth_year && b.same_origin)
            .cmp(&(a.same_nik, a.same_birth_year && a.same_origin))
            .then(b.name_score.total_cmp(&a.name_score))
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::client::{BirthDate, Sex, Stage};
    use crate::domain::nik::Nik;
    use crate::domain::status::Status;
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn row(id: u64, name: &str, year: Option<i32>, origin: Origin, nik: Option<&str>) -> ClientRow {
        ClientRow {
            id: ClientId(id),
            revision: 1,
            reg_no: format!("2026/{id:04}").into(),
            name: name.into(),
            nickname: "".into(),
            nik: nik.map(|n| Nik::parse(n).unwrap()),
            sex: Sex::Male,
            birth: year.map_or(BirthDate::Unknown, BirthDate::ApproxYear),
            origin,
            admitted: today(),
            stage: Stage::Intake,
            status: Status::Exited,
            room: "".into(),
            bed: "".into(),
            stays: 1,
        }
    }

    fn draft(name: &str, year: Option<i32>, origin: Origin) -> ClientDraft {
        ClientDraft {
            name: name.into(),
            birth: year.map_or(BirthDate::Unknown, BirthDate::ApproxYear),
            origin,
            ..ClientDraft::new(today())
        }
    }

    #[test]
    fn spelling_variant_with_same_birth_year_is_found() {
        let rows = [
            row(1, "Muhammad Masykuri", Some(1975), Origin::Unknown, None),
            row(2, "Slamet", Some(1975), Origin::Unknown, None),
        ];
        let found = likely_duplicates(
            &draft("Muhamad Maskuri", Some(1975), Origin::Unknown),
            &rows,
            None,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].row.id, ClientId(1));
        assert!(found[0].same_birth_year);
    }

    #[test]
    fn east_javanese_spellings_and_abbreviations_are_the_same_name() {
        for (old, new) in [
            ("Achmad Sholeh", "Ahmad Sholeh"),
            ("Mochamad Rosyid", "Muhammad Rosid"),
            ("Moch. Rosyid", "Muhammad Rosyid"),
            ("M. Rosyid", "Mohamad Rosyid"),
            ("Soejono", "Suyono"),
        ] {
            let rows = [row(1, old, Some(1975), Origin::Unknown, None)];
            let found = likely_duplicates(&draft(new, Some(1975), Origin::Unknown), &rows, None);
            assert_eq!(found.len(), 1, "{new} is {old}");
            assert!(
                found[0].name_score > 0.99,
                "{new} / {old}: {}",
                found[0].name_score
            );
        }
    }

    #[test]
    fn a_shared_muhammad_alone_does_not_make_a_duplicate() {
        let rows = [
            row(1, "Moch. Tohir", Some(1975), Origin::Regency(3514), None),
            row(
                2,
                "Mochamad Jumari",
                Some(1975),
                Origin::Regency(3514),
                None,
            ),
            row(
                3,
                "Muhammad Masykuri",
                Some(1975),
                Origin::Regency(3514),
                None,
            ),
        ];
        let rofiq = draft("Muhammad Rofiq", Some(1975), Origin::Regency(3514));
        assert!(likely_duplicates(&rofiq, &rows, None).is_empty());
        let maskuri = draft("Muhamad Maskuri", Some(1975), Origin::Regency(3514));
        let found = likely_duplicates(&maskuri, &rows, None);
        assert_eq!(
            found.iter().map(|m| m.row.id.0).collect::<Vec<_>>(),
            vec![3],
            "the true variant only, not Mochamad Jumari"
        );
    }

    #[test]
    fn similar_name_alone_is_not_enough() {
        let rows = [row(
            1,
            "Muhammad Masykuri",
            Some(1960),
            Origin::Regency(3514),
            None,
        )];
        let d = draft("Muhamad Maskuri", Some(1990), Origin::Regency(3578));
        assert!(likely_duplicates(&d, &rows, None).is_empty());
        let same_origin = draft("Muhamad Maskuri", None, Origin::Regency(3514));
        assert_eq!(likely_duplicates(&same_origin, &rows, None).len(), 1);
    }

    #[test]
    fn same_nik_is_found_whatever_the_name_and_ranks_first() {
        let nik = "3514021705800003";
        let rows = [
            row(1, "Budi", Some(1980), Origin::Regency(3514), None),
            row(2, "Paijo", None, Origin::Unknown, Some(nik)),
        ];
        let mut d = draft("Budi", Some(1980), Origin::Regency(3514));
        d.nik = Some(Nik::parse(nik).unwrap());
        let found = likely_duplicates(&d, &rows, None);
        assert_eq!(
            found.iter().map(|m| m.row.id.0).collect::<Vec<_>>(),
            vec![2, 1]
        );
        assert!(found[0].same_nik);
        assert!(likely_duplicates(&d, &rows, Some(ClientId(2))).len() == 1);
    }
}
