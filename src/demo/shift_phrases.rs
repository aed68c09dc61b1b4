//! Short Indonesian text of the shifts as staff write it: notes on roll-call marks and the
//! sentences handover notes are built from.

use chrono::{NaiveDate, NaiveDateTime};

use super::pick::{DemoRng, between};
use crate::domain::ReferralSource;
use crate::domain::shift::Shift;

/// Minor illnesses of active residents, marked sakit at a roll call without a change of
/// status: (the note on the mark, what the handover says, after the resident's name).
pub(super) const UNWELL: &[(&str, &str)] = &[
    (
        "Demam",
        "demam, sudah diberi parasetamol dan istirahat di kamar",
    ),
    (
        "Sakit perut, diperiksa puskesmas",
        "sakit perut, sudah diperiksa puskesmas, diberi obat",
    ),
    (
        "Pusing, istirahat di kamar",
        "mengeluh pusing, istirahat di kamar",
    ),
    ("Batuk pilek", "batuk pilek, dipisah tidurnya dulu"),
    ("Diare", "diare, diberi oralit, mohon dipantau minumnya"),
    ("Sakit gigi", "sakit gigi, besok diantar ke puskesmas"),
    (
        "Masuk angin",
        "masuk angin, sudah dikerok dan minum jahe hangat",
    ),
    ("Kaki bengkak", "kakinya bengkak, tidak ikut kegiatan kebun"),
    (
        "Gatal-gatal",
        "gatal-gatal di tangan, diberi salep dari klinik",
    ),
    (
        "Tensi tinggi",
        "tensi 170/100, sudah minum obat, cek lagi besok pagi",
    ),
];

/// A shift's name as staff say it.
pub(super) fn shift_name(shift: Shift) -> &'static str {
    match shift {
        Shift::Morning => "pagi",
        Shift::Afternoon => "siang",
        Shift::Night => "malam",
    }
}

/// `28-11` (staff leave the year off in notes).
pub(super) fn day_month(d: NaiveDate) -> String {
    d.format("%d-%m").to_string()
}

/// `15.10` (the Indonesian way of writing a time).
pub(super) fn clock(t: NaiveDateTime) -> String {
    t.format("%H.%M").to_string()
}

/// A note with its first letter in lower case, to follow a name (`Demam` → `demam`);
/// abbreviations such as `RSUD` are left as they are.
pub(super) fn lower_first(note: &str) -> String {
    let mut chars = note.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(note.chars().skip(1)).collect()
        }
        _ => note.to_string(),
    }
}

// --- Notes on marks ---

pub(super) fn leave_mark(expected_return: NaiveDate, on: NaiveDate) -> String {
    if on > expected_return {
        format!("Belum kembali, seharusnya {}", day_month(expected_return))
    } else {
        format!("Izin, kembali {}", day_month(expected_return))
    }
}

pub(super) fn referred_mark(to: &str) -> String {
    format!("Di {to}")
}

/// The note on a kabur mark: the first roll call that finds the resident gone says when
/// they were last seen, later ones that they are still away.
pub(super) fn absconded_mark(last_seen: NaiveDateTime, first: bool) -> String {
    if first {
        format!("Tidak ada, terakhir terlihat pukul {}", clock(last_seen))
    } else {
        format!("Kabur sejak {}, belum kembali", day_month(last_seen.date()))
    }
}

// --- Handover sentences about residents ---

/// How a new resident came, to follow "PM baru masuk: Pak Slamet, …".
pub(super) fn arrival(referral: ReferralSource) -> &'static str {
    match referral {
        ReferralSource::Raid => "hasil razia Satpol PP",
        ReferralSource::SocialOffice => "rujukan Dinas Sosial",
        ReferralSource::Police => "diantar petugas Polsek",
        ReferralSource::Hospital => "rujukan RSUD Bangil",
        ReferralSource::Family => "diantar keluarga",
        ReferralSource::SelfReferred => "datang sendiri",
        ReferralSource::Other => "diantar perangkat desa",
        ReferralSource::Unknown => "asal rujukan belum jelas",
    }
}

pub(super) fn admitted(who: &str, referral: ReferralSource, returning: bool) -> String {
    if returning {
        format!(
            "{who} masuk kembali ({}), dulu pernah tinggal di sini.",
            arrival(referral)
        )
    } else {
        format!("PM baru masuk: {who}, {}.", arrival(referral))
    }
}

pub(super) fn on_leave(who: &str, note: &str, expected_return: NaiveDate) -> String {
    format!(
        "{who} {}, kembali {}.",
        lower_first(note),
        day_month(expected_return)
    )
}

pub(super) fn fell_ill(who: &str, note: &str) -> String {
    format!("{who} sakit ({}).", lower_first(note))
}

pub(super) fn referred(who: &str, to: &str, note: &str) -> String {
    format!("{who} dirujuk ke {to}: {}.", lower_first(note))
}

/// Back from leave, illness, a referral or absconding: the note of the return says how.
pub(super) fn back(who: &str, note: &str) -> String {
    format!("{who} {}.", lower_first(note))
}

pub(super) fn exited(who: &str, note: &str, destination: &str) -> String {
    format!(
        "{who} keluar dari panti: {} ({}).",
        lower_first(note),
        lower_first(destination)
    )
}

pub(super) fn unwell(who: &str, text: &str) -> String {
    format!("{who} {text}.")
}

pub(super) fn missing(who: &str, shift: Shift, last_seen: NaiveDateTime) -> String {
    format!(
        "{who} tidak ada saat apel {}, terakhir terlihat pukul {}; sudah dicari di sekitar \
         panti dan dilaporkan ke Kasi.",
        shift_name(shift),
        clock(last_seen)
    )
}

pub(super) fn incomplete(shift: Shift, unmarked: usize) -> String {
    format!(
        "Apel {} belum lengkap, {unmarked} PM belum ditandai, mohon dicek.",
        shift_name(shift)
    )
}

/// "Apel pagi: 92 hadir, 3 izin, 1 kabur." (counts of zero left out, hadir always).
pub(super) fn headcount(shift: Shift, counts: [usize; 5]) -> String {
    let words = ["hadir", "izin", "sakit", "dirujuk", "kabur"];
    let parts: Vec<String> = counts
        .iter()
        .zip(words)
        .enumerate()
        .filter(|(i, (n, _))| *i == 0 || **n > 0)
        .map(|(_, (n, w))| format!("{n} {w}"))
        .collect();
    format!("Apel {}: {}.", shift_name(shift), parts.join(", "))
}

pub(super) fn more_changes(n: usize) -> String {
    format!("Ada {n} kejadian lain tentang PM, lihat apel dan riwayat status.")
}

pub(super) const QUIET: &[&str] = &[
    "Situasi aman, tidak ada kejadian khusus.",
    "Aman terkendali.",
    "Kegiatan berjalan sesuai jadwal, tidak ada kejadian khusus.",
];

// --- Handover sentences about the facility ---

/// One routine remark for a shift: activities, production, water, power, the kitchen.
/// `visitor` is a resident present in the shift, for a family visit; `block` a dormitory
/// block of the facility (`B`).
pub(super) fn routine(
    rng: &mut DemoRng,
    shift: Shift,
    visitor: Option<&str>,
    block: &str,
) -> String {
    let n = |rng: &mut DemoRng, lo, hi| between(rng, lo, hi);
    match shift {
        Shift::Morning => match between(rng, 0, 9) {
            0 => format!("Kegiatan pertanian: panen kangkung {} ikat.", n(rng, 8, 30)),
            1 => format!("Panen sawi {} kg, diserahkan ke dapur.", n(rng, 4, 15)),
            2 => format!("Telur bebek hari ini {} butir.", n(rng, 35, 70)),
            3 => format!(
                "Bimbingan keagamaan berjalan lancar, diikuti {} PM.",
                n(rng, 30, 80)
            ),
            4 => format!("Kelas menjahit: {} PM hadir.", n(rng, 6, 15)),
            5 => format!("Kerja bakti membersihkan asrama blok {block}."),
            6 => format!(
                "Pemeriksaan kesehatan rutin dari puskesmas, {} PM diperiksa.",
                n(rng, 10, 30)
            ),
            7 => format!(
                "Petugas Dispendukcapil datang, perekaman e-KTP untuk {} PM.",
                n(rng, 2, 8)
            ),
            8 => format!(
                "Pembuatan tempe {} kg, sebagian dijual ke warung.",
                n(rng, 5, 12)
            ),
            _ => format!(
                "Panen madu {} kg dari {} stup.",
                n(rng, 2, 6),
                n(rng, 4, 10)
            ),
        },
        Shift::Afternoon => match (between(rng, 0, 9), visitor) {
            (0 | 1, Some(who)) => format!("Kunjungan keluarga untuk {who}, pulang pukul 16.30."),
            (0, None) | (2, _) => {
                "Air PDAM mati pukul 16.00–18.00, air sudah ditampung di drum.".to_string()
            }
            (1, None) | (3, _) => "Listrik padam pukul 18.30–19.15, genset dinyalakan.".to_string(),
            (4, _) => "Gas dapur habis, sudah diganti tabung baru.".to_string(),
            (5, _) => format!(
                "Stok beras tinggal {} karung, mohon dicek bagian umum.",
                n(rng, 2, 5)
            ),
            (6, _) => "Olahraga sore: voli dan senam, diikuti banyak PM.".to_string(),
            (7, _) => "Bedengan sawi dipupuk kascing, kangkung disiram.".to_string(),
            (8, _) => format!("Bimbingan sosial dasar sore diikuti {} PM.", n(rng, 20, 60)),
            _ => format!("Kran air kamar mandi blok {block} bocor, perlu tukang."),
        },
        Shift::Night => match (between(rng, 0, 7), visitor) {
            (0, Some(who)) => {
                format!("{who} mengeluh sakit perut pukul 02.00, diberi obat, sudah tidur lagi.")
            }
            (0, None) | (1, _) => "Malam aman, PM tidur pukul 22.00.".to_string(),
            (2, _) => "Ronda keliling pukul 00.00 dan 03.00, aman.".to_string(),
            (3, _) => format!("Hujan deras pukul 01.00, atap asrama blok {block} bocor."),
            (4, _) => "Pompa air mati pukul 04.00, sudah dinyalakan lagi.".to_string(),
            (5, _) => format!("Lampu lorong blok {block} mati, perlu diganti."),
            (6, _) => format!("Salat subuh berjamaah diikuti {} PM.", n(rng, 20, 60)),
            _ => "Pintu gerbang dikunci pukul 21.30, kunci di pos jaga.".to_string(),
        },
    }
}
