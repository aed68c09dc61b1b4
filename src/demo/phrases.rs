//! Short Indonesian notes as staff write them: admissions, leave, illness, referrals,
//! absconding, exits, family contacts and remarks in the resident form.

use crate::domain::{ExitReason, ReferralSource, Sex};

use super::pick::{DemoRng, between, chance, pick};
use super::places::{HAMLETS, RAID_PLACES};

/// The note on an admission entry.
pub(super) fn admission(
    rng: &mut DemoRng,
    referral: ReferralSource,
    town: &str,
    returning: bool,
) -> String {
    let how = match referral {
        ReferralSource::Raid => format!("Hasil razia Satpol PP di {}", pick(rng, RAID_PLACES)),
        ReferralSource::SocialOffice => format!("Rujukan Dinas Sosial, ditemukan di {town}"),
        ReferralSource::Police => format!("Diantar Polsek {town}"),
        ReferralSource::Hospital => "Rujukan RSUD Bangil setelah rawat inap".to_string(),
        ReferralSource::Family => "Diantar keluarga, tidak sanggup merawat".to_string(),
        ReferralSource::SelfReferred => "Datang sendiri, minta tinggal".to_string(),
        ReferralSource::Other => format!("Diantar perangkat desa dari {town}"),
        ReferralSource::Unknown => "Masuk, asal rujukan belum tercatat".to_string(),
    };
    if returning {
        format!("Masuk kembali. {how}")
    } else {
        how
    }
}

/// Note when leave starts.
pub(super) fn leave(rng: &mut DemoRng, town: &str) -> String {
    match between(rng, 0, 4) {
        0 => format!("Izin menjenguk keluarga di {town}"),
        1 => format!("Izin menghadiri pernikahan saudara di {town}"),
        2 => format!("Izin mengurus dokumen kependudukan di {town}"),
        3 => format!("Izin pulang ke {town}, dijemput keluarga"),
        _ => format!("Izin ziarah makam orang tua di {town}"),
    }
}

/// Note on returning from leave.
pub(super) const LEAVE_BACK: &[&str] = &[
    "Kembali dari izin tepat waktu",
    "Kembali dari izin, diantar keluarga",
    "Kembali dari izin, terlambat satu hari",
];

/// Notes when someone falls ill in the facility.
pub(super) const SICK: &[&str] = &[
    "Demam, diperiksa puskesmas",
    "Batuk pilek, istirahat di asrama",
    "Diare, diberi oralit dan obat puskesmas",
    "Sakit gigi, diperiksa puskesmas",
    "Luka di kaki, dirawat di klinik",
    "Tekanan darah tinggi, kontrol ke puskesmas",
    "Gatal-gatal kulit, diberi salep",
    "Pusing dan lemas, istirahat",
    "Nyeri sendi, tidak ikut kegiatan kebun",
];

pub(super) const SICK_BACK: &[&str] = &[
    "Sudah sehat, ikut kegiatan lagi",
    "Sembuh, kembali aktif",
    "Kondisi membaik, ikut bimbingan lagi",
];

/// Where residents are referred for a while, and why.
pub(super) const REFERRALS: &[(&str, &str)] = &[
    ("RSUD Bangil", "Sesak napas, rawat inap"),
    ("RSUD Bangil", "Pemeriksaan lanjutan, rawat inap"),
    ("RSUD Bangil", "Patah tulang tangan, dirawat"),
    ("Puskesmas Pohjentrek", "Pemeriksaan TB paru"),
    ("Puskesmas Pohjentrek", "Rawat inap karena diare berat"),
    (
        "RSJ Lawang",
        "Gelisah dan halusinasi, dirujuk untuk perawatan jiwa",
    ),
    ("RSJ Lawang", "Kontrol dan penyesuaian obat"),
];

pub(super) fn referral_back(to: &str) -> String {
    format!("Kembali dari {to}, kondisi membaik")
}

/// Notes when someone is found missing.
pub(super) const ABSCONDED: &[&str] = &[
    "Tidak ada saat apel pagi",
    "Pamit ke warung, tidak kembali",
    "Terakhir terlihat di kebun belakang",
    "Tidak ada di kamar saat apel malam",
    "Keluar lewat pintu samping saat kerja bakti",
];

/// Note on coming back after absconding.
pub(super) fn absconded_back(rng: &mut DemoRng) -> String {
    if chance(rng, 0.5) {
        format!(
            "Ditemukan kembali oleh Satpol PP di {}",
            pick(rng, RAID_PLACES)
        )
    } else {
        "Kembali sendiri, diberi pembinaan".to_string()
    }
}

/// The note and destination of an exit.
pub(super) fn exit(rng: &mut DemoRng, reason: ExitReason, town: &str) -> (String, String) {
    let (note, destination): (&str, String) = match reason {
        ExitReason::ReturnedToFamily => (
            *pick(
                rng,
                &[
                    "Dijemput keluarga, reunifikasi",
                    "Diantar pulang ke keluarga",
                    "Keluarga sanggup menerima kembali",
                ],
            ),
            format!("Rumah keluarga di {town}"),
        ),
        ExitReason::Work => (
            "Diterima bekerja",
            format!(
                "{} di {town}",
                pick(
                    rng,
                    &[
                        "Buruh tani",
                        "Karyawan rumah makan",
                        "Kuli bangunan",
                        "Pekerja toko bangunan",
                        "Petugas kebersihan pasar",
                        "Buruh pabrik kerupuk",
                    ]
                )
            ),
        ),
        ExitReason::OwnBusiness => (
            "Mulai usaha sendiri dengan modal tabungan",
            format!(
                "{} di {town}",
                pick(
                    rng,
                    &[
                        "Jualan gorengan",
                        "Ternak bebek",
                        "Jualan sayur keliling",
                        "Budidaya cacing",
                        "Warung kopi",
                        "Jualan madu",
                    ]
                )
            ),
        ),
        ExitReason::Referred => (
            "Dirujuk ke lembaga lanjutan",
            pick(
                rng,
                &[
                    "UPT Rehabilitasi Sosial Bina Laras",
                    "UPT Pelayanan Sosial Tresna Werdha",
                    "RSJ Lawang",
                ],
            )
            .to_string(),
        ),
        ExitReason::Absconded => (
            "Tidak kembali setelah kabur, diberhentikan",
            "Tidak diketahui".to_string(),
        ),
        ExitReason::Died => (
            "Meninggal dunia di RSUD Bangil",
            format!("Dimakamkan keluarga di {town}"),
        ),
        ExitReason::Other => (
            "Dipulangkan oleh dinas sosial daerah asal",
            format!("Daerah asal, {town}"),
        ),
    };
    (note.to_string(), destination)
}

/// A fictional mobile number, `0812-3456-7890` style.
fn phone(rng: &mut DemoRng) -> String {
    let prefix = pick(
        rng,
        &[
            "0812", "0813", "0821", "0822", "0852", "0853", "0856", "0857", "0838", "0878", "0896",
        ],
    );
    format!(
        "{prefix}-{:04}-{:04}",
        between(rng, 0, 9999),
        between(rng, 0, 9999)
    )
}

/// A family contact: who, how related, and a phone number or an address.
pub(super) fn family_contact(rng: &mut DemoRng, resident: Sex, age: u32, town: &str) -> String {
    use Sex::{Female, Male};
    let spouse = match resident {
        Male => ("istri", Some(Female)),
        Female => ("suami", Some(Male)),
    };
    let older: &[(&str, Option<Sex>)] = &[
        ("kakak", None),
        ("adik", None),
        ("anak", None),
        ("keponakan", None),
        ("sepupu", None),
        spouse,
    ];
    let younger: &[(&str, Option<Sex>)] = &[
        ("ibu", Some(Female)),
        ("bapak", Some(Male)),
        ("kakak", None),
        ("adik", None),
        ("paman", Some(Male)),
        ("bibi", Some(Female)),
    ];
    let (relation, fixed) = *pick(rng, if age < 40 { younger } else { older });
    let sex = fixed.unwrap_or(if chance(rng, 0.5) { Male } else { Female });
    let (address, given) = match (sex, relation) {
        (Male, "bapak" | "paman") => ("Pak", super::names::MEN),
        (Female, "ibu" | "bibi") => ("Bu", super::names::WOMEN),
        (Male, "anak" | "adik" | "keponakan") => ("Mas", super::names::MEN),
        (Female, "anak" | "adik" | "keponakan") => ("Mbak", super::names::WOMEN),
        (Male, _) => ("Pak", super::names::MEN),
        (Female, _) => ("Bu", super::names::WOMEN),
    };
    let name = super::names::last_syllable(pick::<&str>(rng, given));
    let name = if chance(rng, 0.5) {
        name
    } else {
        (*pick(rng, given)).to_string()
    };
    if chance(rng, 0.25) {
        format!(
            "{address} {name} ({relation}), Dusun {} RT {:02}/RW {:02}, {town}",
            pick(rng, HAMLETS),
            between(rng, 1, 12),
            between(rng, 1, 6)
        )
    } else {
        format!("{address} {name} ({relation}) {}", phone(rng))
    }
}

/// Remarks staff keep in the resident form.
pub(super) fn remark(rng: &mut DemoRng, town: &str) -> String {
    match between(rng, 0, 12) {
        0 => "Bisa membaca dan menulis.".to_string(),
        1 => "Belum bisa membaca, ikut kelas baca tulis.".to_string(),
        2 => "Pendengaran kurang baik, bicara perlu keras.".to_string(),
        3 => "Suka bertani, ikut kelompok sawi.".to_string(),
        4 => "Rajin ikut budidaya bebek.".to_string(),
        5 => "Perokok berat, sedang dikurangi.".to_string(),
        6 => format!("Pernah bekerja sebagai kuli pasar di {town}."),
        7 => format!("Pernah berjualan asongan di terminal {town}."),
        8 => format!("Mengaku punya anak di {town}, belum terlacak."),
        9 => "Kaki kiri sakit, berjalan memakai tongkat.".to_string(),
        10 => "Pandai memasak, membantu di dapur.".to_string(),
        11 => "Berminat belajar menjahit.".to_string(),
        _ => "Minum obat rutin dari puskesmas.".to_string(),
    }
}
