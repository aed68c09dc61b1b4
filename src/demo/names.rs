//! Fictional Javanese and Indonesian names and street nicknames, combined so that even ten
//! thousand residents do not repeat themselves much.

use super::pick::{DemoRng, chance, pick, weighted};
use crate::domain::Sex;

/// Given names of men, mostly Javanese, some Arabic-Islamic.
#[rustfmt::skip]
pub(super) const MEN: &[&str] = &[
    "Slamet", "Sugeng", "Supriyadi", "Agus", "Bambang", "Budi", "Joko", "Paijo", "Paimin",
    "Sutrisno", "Suparman", "Sukardi", "Sumadi", "Suyono", "Sulaiman", "Samsul", "Abdul",
    "Ahmad", "Imam", "Yusuf", "Ali", "Hasan", "Husein", "Ilham", "Rudi", "Hadi", "Heri",
    "Hendra", "Eko", "Dwi", "Tri", "Catur", "Wahyu", "Yanto", "Yono", "Parno", "Karno", "Darno",
    "Tarno", "Marno", "Sarip", "Rohman", "Rahmat", "Rokhim", "Kholil", "Khoirul", "Nurhadi",
    "Mukhlis", "Mustofa", "Mahmud", "Mansur", "Misdi", "Misnadi", "Mujiono", "Mulyadi",
    "Mulyono", "Munir", "Nanang", "Ngadimin", "Ngatiman", "Ngatino", "Paiman", "Poniman",
    "Pardi", "Parjo", "Ponijo", "Purnomo", "Rasimin", "Rebo", "Riyanto", "Rofiq", "Romli",
    "Rusdi", "Saiful", "Sahlan", "Sahri", "Sakri", "Salim", "Samiran", "Sapari", "Sardi",
    "Sarmin", "Sarno", "Sartono", "Satiman", "Senen", "Setu", "Sholeh", "Subagyo", "Subandi",
    "Subari", "Sudarmaji", "Sudarsono", "Sugiarto", "Sugianto", "Sugito", "Suhartono", "Suhadi",
    "Sujarwo", "Sukadi", "Sukamto", "Sukirno", "Sulistyo", "Sumarno", "Sumardi", "Sunarto",
    "Sunardi", "Supardi", "Supeno", "Suprapto", "Suratman", "Suroto", "Suryadi", "Susilo",
    "Sutikno", "Suwarno", "Suwito", "Tarmuji", "Teguh", "Tukiman", "Tukijo", "Tumijan", "Udin",
    "Untung", "Wagiman", "Wagimin", "Wahid", "Wakidi", "Warsito", "Wiji", "Wiyono", "Yatno",
    "Zainal", "Zainuddin", "Abdullah", "Arifin", "Asmuni", "Bahrul", "Basori", "Dahlan",
    "Darmaji", "Darsono", "Didik", "Dodik", "Edi", "Fauzi", "Gatot", "Ghofur", "Hariyanto",
    "Haryono", "Hamid", "Ismail", "Jumadi", "Juned", "Jumari", "Kabul", "Kadir", "Kamim",
    "Kasiran", "Kasim", "Kusnadi", "Lasmin", "Legiman", "Lukman", "Marjuki", "Markum", "Miskan",
    "Ngadiono", "Nasir", "Paidi", "Ponirin", "Sanusi", "Sapuan", "Sidik", "Siswanto", "Solikin",
    "Sukarji", "Supandi", "Surahmat", "Suparto", "Tarmidi", "Toha", "Triyono", "Wahyudi",
    "Prayitno", "Gunawan", "Kartono", "Jamal", "Anwar", "Amin", "Bejo", "Sukri", "Sahid",
    "Tohari", "Wardoyo", "Yadi", "Gimin", "Sumantri", "Mislan", "Kasmuri", "Sodik", "Rianto",
    "Bagus", "Fajar", "Rizal", "Dimas", "Anton", "Andi", "Deni", "Feri", "Irfan",
];

/// Given names of women.
#[rustfmt::skip]
pub(super) const WOMEN: &[&str] = &[
    "Siti", "Sri", "Sumiati", "Sumarni", "Suparti", "Suwarni", "Sulastri", "Sutini", "Sumini",
    "Tumini", "Tukinem", "Painem", "Paini", "Ngatini", "Ngatmi", "Poniyem", "Wagiyem",
    "Wartini", "Warsini", "Wahyuni", "Yuliati", "Yatmi", "Yanti", "Rukmini", "Rumiati",
    "Rohmah", "Romlah", "Rokayah", "Aminah", "Aisyah", "Fatimah", "Khotijah", "Maimunah",
    "Mariyam", "Marsini", "Misni", "Muslimah", "Nurhayati", "Nurul", "Partini", "Parmi",
    "Parsini", "Rasmi", "Rini", "Sarmi", "Satinah", "Sikem", "Sinem", "Sholikhah", "Sukarti",
    "Sukinah", "Sulasmi", "Sumarsih", "Sumirah", "Sunarsih", "Supiyah", "Suprihatin", "Sutiah",
    "Suyati", "Tarmi", "Tini", "Tumijah", "Umi", "Warni", "Winarsih", "Yati", "Kasmini",
    "Juminten", "Jariyah", "Lasmi", "Legini", "Dewi", "Endang", "Erna", "Eni", "Ida",
    "Kusmiati", "Lilik", "Menik", "Mujiati", "Musripah", "Ponirah", "Samini", "Saminah",
    "Sarpini", "Semi", "Siyem", "Sulis", "Tatik", "Tutik", "Umiyati", "Yuni", "Karsih",
    "Sumilah", "Wiji", "Mundiroh", "Asmiyah", "Lastri",
];

/// Second names (Javanese names usually carry no family name; a second name is common).
#[rustfmt::skip]
pub(super) const SECOND_MEN: &[&str] = &[
    "Santoso", "Hidayat", "Wibowo", "Prasetyo", "Setiawan", "Kurniawan", "Saputra", "Hartono",
    "Susanto", "Riyadi", "Purnomo", "Sugiarto", "Wijaya", "Nugroho", "Rahman", "Hakim", "Hasan",
    "Ansori", "Effendi", "Fauzi", "Hariyanto", "Irawan", "Iskandar", "Junaidi", "Kusuma",
    "Laksono", "Maulana", "Mulyadi", "Mustofa", "Nurdin", "Pranoto", "Rachmadi", "Ramadhan",
    "Rohim", "Rosyid", "Saifudin", "Salim", "Siswanto", "Subekti", "Sudrajat", "Suharno",
    "Sujatmiko", "Sulistyo", "Sumarno", "Sunaryo", "Supardi", "Suprianto", "Suryadi", "Susilo",
    "Sutrisno", "Triyono", "Utomo", "Wahyudi", "Widodo", "Winarno", "Yulianto", "Zainuri",
    "Arifin", "Basuki", "Cahyono", "Darmawan", "Firmansyah", "Gunawan", "Haryanto", "Ismail",
    "Jatmiko", "Kholiq", "Mahfud", "Masruri", "Mukhlisin", "Munawar", "Nuryanto", "Pamungkas",
    "Rifai", "Setiadi", "Sholihin", "Sodikin", "Sugianto", "Suwandi", "Syafii", "Wahono",
    "Yusuf", "Zubair", "Hadi", "Ashari", "Bakri", "Dasuki", "Faizal", "Hamzah", "Hanafi",
    "Idris", "Jauhari", "Kasan", "Maksum", "Nawawi", "Qomari", "Rochman", "Sahroni", "Shodiq",
    "Syukur", "Thoyib", "Ubaidillah", "Wasis", "Zakaria", "Abidin", "Badrus", "Fathoni",
    "Ghozali", "Huda", "Ilyas", "Jazuli", "Kamal", "Latif", "Mahmudi", "Najib", "Rosidi",
    "Tohir", "Yasin", "Zuhri", "Afandi", "Bachtiar", "Darmadi", "Fuadi", "Harsono", "Kuncoro",
    "Marzuki", "Muslih", "Prayogo", "Rianto", "Samsudin", "Sutejo", "Sutanto", "Wardana",
    "Wicaksono", "Yuwono", "Sulaksono", "Priyanto", "Mujib", "Anshori",
];

/// Second names of women.
#[rustfmt::skip]
pub(super) const SECOND_WOMEN: &[&str] = &[
    "Aminah", "Fatimah", "Rahayu", "Wahyuni", "Lestari", "Handayani", "Rahmawati", "Suryani",
    "Wulandari", "Kurniasih", "Mulyani", "Astuti", "Hidayati", "Khasanah", "Maryam", "Ningsih",
    "Purwanti", "Setyowati", "Sulistyowati", "Susanti", "Utami", "Yuliana", "Zubaidah",
    "Rohmawati", "Solikhah", "Muawanah", "Nurjanah", "Romlah", "Sumarni", "Wartini",
    "Indrawati", "Puspitasari", "Kusumawati", "Hariyati", "Musdalifah", "Safitri", "Anggraini",
    "Lailiyah", "Mufidah", "Masruroh",
];

/// First parts of Islamic double names of men ("Muhammad Sholeh").
const PREFIX_MEN: &[&str] = &[
    "Muhammad", "Mochamad", "Moch.", "Ahmad", "Achmad", "Abdul", "M.",
];

/// First parts of double names of women ("Siti Aminah").
const PREFIX_WOMEN: &[&str] = &["Siti", "Sri", "Nur", "Dwi", "Tri"];

#[derive(Clone, Copy)]
enum Pattern {
    Single,
    WithSecond,
    Prefixed,
    TwoGiven,
}

/// A full name for a person of `sex`.
pub(super) fn full_name(rng: &mut DemoRng, sex: Sex) -> String {
    let (given, second, prefix) = match sex {
        Sex::Male => (MEN, SECOND_MEN, PREFIX_MEN),
        Sex::Female => (WOMEN, SECOND_WOMEN, PREFIX_WOMEN),
    };
    let pattern = weighted(
        rng,
        &[
            (Pattern::Single, 30),
            (Pattern::WithSecond, 45),
            (Pattern::Prefixed, 15),
            (Pattern::TwoGiven, 10),
        ],
    );
    let first = *pick(rng, given);
    match pattern {
        Pattern::Single => first.to_string(),
        Pattern::WithSecond => format!("{first} {}", pick(rng, second)),
        Pattern::Prefixed => {
            let p = *pick(rng, prefix);
            let rest = if chance(rng, 0.5) {
                first
            } else {
                *pick(rng, second)
            };
            if p == rest {
                first.to_string()
            } else {
                format!("{p} {rest}")
            }
        }
        Pattern::TwoGiven => {
            let other = *pick(rng, given);
            if other == first {
                first.to_string()
            } else {
                format!("{first} {other}")
            }
        }
    }
}

/// Descriptive street nicknames that do not come from a name.
const DESCRIPTIVE_MEN: &[&str] = &[
    "Gondrong",
    "Kribo",
    "Pak Kumis",
    "Cak Topi",
    "Mas Gitar",
    "Pak Jenggot",
    "Cak Becak",
    "Mbah Sarung",
];
const DESCRIPTIVE_WOMEN: &[&str] = &["Yu Gendong", "Mbok Jamu", "Mbah Kebaya", "Mbak Payung"];

/// A nickname as people on the street are called: a form of address and the last
/// syllable of a name ("Cak Man", "Mbah Ti"), sometimes a descriptive one.
pub(super) fn nickname(rng: &mut DemoRng, sex: Sex, age: u32, name: &str) -> String {
    let (descriptive, given) = match sex {
        Sex::Male => (DESCRIPTIVE_MEN, MEN),
        Sex::Female => (DESCRIPTIVE_WOMEN, WOMEN),
    };
    if chance(rng, 0.1) {
        return (*pick(rng, descriptive)).to_string();
    }
    // From the given name, skipping Muhammad, Siti and the like.
    let source = name
        .split_whitespace()
        .find(|w| !PREFIX_MEN.contains(w) && !PREFIX_WOMEN.contains(w))
        .unwrap_or_else(|| *pick(rng, given));
    let short = last_syllable(source);
    if short.len() >= 3 && chance(rng, 0.15) {
        return short;
    }
    let address: &[&str] = match (sex, age) {
        (_, 58..) => &["Mbah"],
        (Sex::Male, 0..=30) => &["Mas", "Cak", "Kang"],
        (Sex::Male, _) => &["Cak", "Pak", "Lik", "Kang", "Pakde"],
        (Sex::Female, 0..=30) => &["Mbak", "Yu"],
        (Sex::Female, _) => &["Mbok", "Yu", "Bu", "Mak", "Bude"],
    };
    format!("{} {short}", pick(rng, address))
}

/// The last syllable of a name, capitalised: Sulaiman → Man, Suparti → Ti, Bambang → Bang.
pub(super) fn last_syllable(name: &str) -> String {
    let lower: Vec<char> = name
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let start = match lower.iter().rposition(|c| is_vowel(*c)) {
        Some(last_vowel) => {
            let mut i = last_vowel;
            while i > 0 && is_vowel(lower[i - 1]) {
                i -= 1;
            }
            i.saturating_sub(1)
        }
        None => 0,
    };
    let mut out: String = lower[start..].iter().collect();
    if let Some(first) = out.get(0..1).map(str::to_ascii_uppercase) {
        out.replace_range(0..1, &first);
    }
    out
}

/// Names that will be recorded twice in the demo under two spellings: once for a person
/// who has exited, once for a "new" resident who is really the same person, so the
/// duplicate check has something to find. (sex, exited spelling, current spelling)
pub(super) const SPELLING_VARIANTS: &[(Sex, &str, &str)] = &[
    (Sex::Male, "Muhammad Masykuri", "Muhamad Maskuri"),
    (Sex::Male, "Djoko Santoso", "Joko Santoso"),
    (Sex::Female, "Siti Chotijah", "Siti Khotijah"),
    (Sex::Male, "Soetrisno", "Sutrisno"),
    (Sex::Male, "Slamet Riyadi", "Slamet Riadi"),
    (Sex::Male, "Mochamad Syaifudin", "Mochammad Saifudin"),
    (Sex::Female, "Tjitjik Suryani", "Cicik Suryani"),
    (Sex::Male, "Achmad Sholeh", "Akhmad Sholeh"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_syllables_read_like_nicknames() {
        assert_eq!(last_syllable("Sulaiman"), "Man");
        assert_eq!(last_syllable("Suparti"), "Ti");
        assert_eq!(last_syllable("Bambang"), "Bang");
        assert_eq!(last_syllable("Paijo"), "Jo");
        assert_eq!(last_syllable("Aminah"), "Nah");
        assert_eq!(last_syllable("Ali"), "Li");
        assert_eq!(last_syllable("Ida"), "Da");
    }

    #[test]
    fn spelling_variants_count_as_the_same_name() {
        use crate::domain::duplicates::SIMILAR_NAME;
        use crate::domain::names::similarity;
        for (_, a, b) in SPELLING_VARIANTS {
            assert_ne!(a, b);
            assert!(similarity(a, b) >= SIMILAR_NAME, "{a} / {b}");
        }
    }

    #[test]
    fn lists_are_big_enough_and_without_repeats() {
        for list in [MEN, WOMEN, SECOND_MEN, SECOND_WOMEN] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len(), "repeated name in a list");
        }
        assert!(MEN.len() + WOMEN.len() >= 250);
        assert!(MEN.len() * SECOND_MEN.len() > 20_000);
    }
}
