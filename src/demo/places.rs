//! Places: where residents come from (weighted toward the regencies around the facility),
//! the towns they were born in, and the public places street raids happen.

use rand::Rng;

use super::pick::{DemoRng, chance, pick};
use crate::domain::Origin;
use crate::domain::regency::EAST_JAVA;

/// Extra weight for the regencies and cities near the facility; every other East Java
/// code weighs 1.
const NEAR: &[(u16, u32)] = &[
    (3514, 16), // Kab. Pasuruan
    (3575, 8),  // Kota Pasuruan
    (3578, 14), // Kota Surabaya
    (3507, 7),  // Kab. Malang
    (3573, 6),  // Kota Malang
    (3515, 9),  // Kab. Sidoarjo
    (3513, 6),  // Kab. Probolinggo
    (3574, 3),  // Kota Probolinggo
    (3516, 2),  // Kab. Mojokerto
    (3509, 2),  // Kab. Jember
];

/// Towns by regency or city code, for birth places and destinations.
const TOWNS: &[(u16, &[&str])] = &[
    (3501, &["Pacitan"]),
    (3502, &["Ponorogo", "Jetis"]),
    (3503, &["Trenggalek"]),
    (3504, &["Tulungagung", "Ngunut"]),
    (3505, &["Wlingi", "Srengat"]),
    (3506, &["Pare", "Ngadiluwih"]),
    (
        3507,
        &["Kepanjen", "Lawang", "Singosari", "Turen", "Dampit"],
    ),
    (3508, &["Lumajang", "Pasirian"]),
    (3509, &["Jember", "Ambulu", "Balung"]),
    (3510, &["Banyuwangi", "Genteng", "Rogojampi"]),
    (3511, &["Bondowoso"]),
    (3512, &["Situbondo", "Besuki"]),
    (3513, &["Kraksaan", "Leces", "Paiton", "Dringu"]),
    (
        3514,
        &[
            "Bangil",
            "Pandaan",
            "Gempol",
            "Grati",
            "Purwosari",
            "Beji",
            "Nguling",
        ],
    ),
    (
        3515,
        &[
            "Sidoarjo",
            "Porong",
            "Krian",
            "Waru",
            "Candi",
            "Tanggulangin",
        ],
    ),
    (3516, &["Mojosari", "Trowulan", "Ngoro"]),
    (3517, &["Jombang", "Mojoagung", "Ploso"]),
    (3518, &["Nganjuk", "Kertosono"]),
    (3519, &["Caruban"]),
    (3520, &["Magetan", "Maospati"]),
    (3521, &["Ngawi"]),
    (3522, &["Bojonegoro", "Padangan"]),
    (3523, &["Tuban", "Jenu"]),
    (3524, &["Lamongan", "Babat", "Paciran"]),
    (3525, &["Gresik", "Menganti", "Sidayu"]),
    (3526, &["Bangkalan", "Kamal"]),
    (3527, &["Sampang", "Torjun"]),
    (3528, &["Pamekasan"]),
    (3529, &["Sumenep"]),
    (3571, &["Kediri"]),
    (3572, &["Blitar"]),
    (3573, &["Malang"]),
    (3574, &["Probolinggo"]),
    (3575, &["Pasuruan"]),
    (3576, &["Mojokerto"]),
    (3577, &["Madiun"]),
    (3578, &["Surabaya"]),
    (3579, &["Batu"]),
];

/// Regencies and cities outside East Java, by NIK region code, with a town each.
pub(super) const OUTSIDE: &[(u16, &str)] = &[
    (3171, "Jakarta"),
    (3175, "Jakarta"),
    (3273, "Bandung"),
    (3374, "Semarang"),
    (3372, "Surakarta"),
    (3471, "Yogyakarta"),
    (3328, "Tegal"),
    (5171, "Denpasar"),
    (5201, "Lombok Barat"),
];

/// Street-raid locations: public places where people are picked up.
pub(super) const RAID_PLACES: &[&str] = &[
    "Alun-alun Bangil",
    "Alun-alun Pasuruan",
    "Terminal Bungurasih",
    "Terminal Arjosari",
    "Stasiun Pasuruan",
    "Pasar Besar Malang",
    "lampu merah Gempol",
    "Pasar Porong",
    "Pasar Pandaan",
    "Jembatan Merah Surabaya",
    "Terminal Probolinggo",
    "Pelabuhan Tanjung Perak",
    "bundaran Waru",
    "depan masjid agung Bangil",
];

/// Hamlet names common all over Java, for addresses.
pub(super) const HAMLETS: &[&str] = &[
    "Krajan",
    "Sumberejo",
    "Karangrejo",
    "Tegalsari",
    "Sidomulyo",
    "Wonorejo",
    "Kedungrejo",
    "Ngemplak",
    "Sukorejo",
    "Kalisari",
];

/// Where a person comes from, when a NIK (which names a region) is or is not known.
pub(super) fn origin(rng: &mut DemoRng, has_nik: bool) -> Origin {
    // About 5% unknown overall: only people without a NIK can be of unknown origin.
    let unknown = if has_nik { 0.0 } else { 0.125 };
    if chance(rng, unknown) {
        return Origin::Unknown;
    }
    if chance(rng, 0.03) {
        return Origin::OutsideEastJava;
    }
    // Every code weighs 1, and the codes near the facility `weight - 1` more: draw from
    // the extra weight first, then uniformly from all codes.
    let extra: u32 = NEAR.iter().map(|(_, w)| w - 1).sum();
    let mut r = rng.random_range(0..extra + EAST_JAVA.len() as u32);
    for (code, w) in NEAR {
        if r < w - 1 {
            return Origin::Regency(*code);
        }
        r -= w - 1;
    }
    if let Some((code, _)) = EAST_JAVA.get(r as usize) {
        return Origin::Regency(*code);
    }
    Origin::Regency(3514)
}

/// A town in the regency or city `code`, or any East Java town for other codes.
pub(super) fn town_in(rng: &mut DemoRng, code: u16) -> &'static str {
    match TOWNS.iter().find(|(c, _)| *c == code) {
        Some((_, towns)) => pick::<&str>(rng, towns),
        None => match OUTSIDE.iter().find(|(c, _)| *c == code) {
            Some((_, town)) => town,
            None => any_town(rng),
        },
    }
}

/// Any East Java town, weighted like origins are.
pub(super) fn any_town(rng: &mut DemoRng) -> &'static str {
    let code = match origin(rng, true) {
        Origin::Regency(code) => code,
        _ => 3514,
    };
    // Every East Java code has towns (tested); Bangil is only a fallback.
    TOWNS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("Bangil", |(_, towns)| *pick(rng, towns))
}

/// A town fitting the origin: in that regency, outside East Java, or anywhere.
pub(super) fn town_for(rng: &mut DemoRng, origin: Origin) -> &'static str {
    match origin {
        Origin::Regency(code) => town_in(rng, code),
        Origin::OutsideEastJava => pick(rng, OUTSIDE).1,
        Origin::Unknown => any_town(rng),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_east_java_code_has_towns() {
        for (code, _) in EAST_JAVA {
            assert!(
                TOWNS.iter().any(|(c, t)| *c == code && !t.is_empty()),
                "{code}"
            );
        }
        for (code, _) in NEAR {
            assert!(EAST_JAVA.iter().any(|(c, _)| c == code), "{code}");
        }
        assert!(OUTSIDE.iter().all(|(c, _)| c / 100 != 35));
    }
}
