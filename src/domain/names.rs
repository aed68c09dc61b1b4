//! Spelling-tolerant name keys: Muhamad and Muhammad, Achmad and Ahmad, Mochamad and
//! Moch., Masykuri and Maskuri, Soekarno and Sukarno fold to the same key, so search and
//! duplicate checks see them as one name.

/// Folds a name (or any text searched by) to a key: lower case, letters, digits and
/// single spaces; the spellings East Java writes one name in brought to one:
///
/// - old (pre-1972) spellings: `oe` → u, `dj` → j, `tj` → c, and the old `j` that is
///   today's `y` (Soejono is Suyono), so `j` and `y` are one letter (`nj`, `sj` follow);
/// - Arabic sounds written several ways: `ch` and `kh` → h (Achmad, Akhmad, Ahmad),
///   `sy` and `sh` → s, `dh` → d, `th` → t, `q` → k;
/// - `iy` before a vowel → i (Riyadi, Riadi); `mo` starting a word → mu (Mochamad,
///   Mohamad, Muhamad); doubled letters once (Muhammad, Muhamad);
/// - abbreviations of Muhammad written out: a word Moch., Moh., Muh., Mohd. or Mhd., and
///   M. as the first of several words, all fold to `muhamad`, so "Moch. Sholeh" is found
///   by typing "muhammad" and is a likely duplicate of "Muhammad Sholeh".
///
/// Digits are kept as they are, so registration numbers and NIKs fold to themselves.
/// What is typed into a search folds with [`fold_query`] instead.
pub fn fold(name: &str) -> String {
    fold_with(name, true)
}

/// Folds what is typed into a search, as [`fold`] does but for two things. Abbreviations
/// stay as typed: "muh" also finds Muhlis (and finds Moch. Sholeh, whose key reads
/// `muhamad soleh`). And a `c` or `k` ending the query is left out until the next letter
/// says whether it is the `ch` or `kh` of Achmad (an h) or itself, as is the `y` of an
/// `iy` ending it (Riy- is Ri-), so that a name does not vanish from the results for a
/// key while it is typed.
pub fn fold_query(typed: &str) -> String {
    let mut out = fold_with(typed, false);
    let lower = typed.to_lowercase();
    let last_word: String = lower
        .rsplit(|c: char| !is_letter_or_digit(c) && !is_elided(c))
        .next()
        .unwrap_or("")
        .chars()
        .filter(|&c| !is_elided(c))
        .collect();
    let pending = last_word.chars().count() >= 2
        && last_word.chars().all(char::is_alphabetic)
        && (last_word.ends_with(['c', 'k']) || last_word.ends_with("iy"));
    if pending && out.ends_with(['c', 'k', 'y']) {
        out.pop();
    }
    out
}

fn is_letter_or_digit(c: char) -> bool {
    c.is_alphanumeric()
}

/// Apostrophes inside a name are dropped, not word breaks: Asy'ari is Asyari.
fn is_elided(c: char) -> bool {
    matches!(c, '\'' | '’' | '`' | 'ʼ')
}

/// Folds several texts, each as a name of its own (its first word is a first word),
/// into one key: what a resident is searched by.
pub fn fold_parts<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for part in parts {
        fold_into(part, true, &mut out);
    }
    out
}

fn fold_with(text: &str, expand: bool) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, expand, &mut out);
    out
}

/// Appends the key of `text` to `out` (after a space if `out` holds something).
fn fold_into(text: &str, expand: bool, out: &mut String) {
    let mut word: Vec<char> = Vec::with_capacity(24);
    let mut pairs: Vec<char> = Vec::with_capacity(24);
    let mut first = true;
    let mut chars = text.chars().flat_map(char::to_lowercase).peekable();
    loop {
        word.clear();
        while let Some(&c) = chars.peek() {
            if is_letter_or_digit(c) {
                word.push(c);
            } else if !is_elided(c) {
                break;
            }
            chars.next();
        }
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            let folded_at = out.len();
            fold_word(&word, &mut pairs, out);
            if expand {
                let folded = &out[folded_at..];
                let first_of_several = first && folded == "m" && has_more_words(&chars);
                if first_of_several || matches!(folded, "muh" | "muhd" | "mhd") {
                    out.truncate(folded_at);
                    out.push_str("muhamad");
                }
            }
            first = false;
        }
        if chars.next().is_none() {
            break;
        }
    }
}

/// True when a word (a letter or digit) comes later in `rest`.
fn has_more_words(rest: &std::iter::Peekable<impl Iterator<Item = char> + Clone>) -> bool {
    rest.clone().any(is_letter_or_digit)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// A `j` on its way to `y`: unlike a written y it is no glide after an i (Paijo).
const OLD_J: char = '\u{1}';

/// Appends one word (lower case, letters and digits) folded as [`fold`] says; `pairs`
/// is scratch space.
fn fold_word(word: &[char], pairs: &mut Vec<char>, out: &mut String) {
    // First the letter pairs; then the letters that depend on what follows them.
    pairs.clear();
    let mut i = 0;
    while i < word.len() {
        let next = word.get(i + 1).copied().unwrap_or(' ');
        let (folded, used) = match (word[i], next) {
            ('o', 'e') => ('u', 2),
            ('d', 'j') => (OLD_J, 2),
            ('t', 'j') => ('c', 2),
            ('c' | 'k', 'h') => ('h', 2),
            ('s', 'h' | 'y' | 'j') => ('s', 2),
            ('d', 'h') => ('d', 2),
            ('t', 'h') => ('t', 2),
            ('q', _) => ('k', 1),
            ('j', _) => (OLD_J, 1),
            (c, _) => (c, 1),
        };
        pairs.push(folded);
        i += used;
    }
    let mut last = ' ';
    for (k, &c) in pairs.iter().enumerate() {
        let next = pairs.get(k + 1).copied().unwrap_or(' ');
        let c = match c {
            // Riyadi is Riadi: the y only carries the i over to the vowel (a y that
            // is a j, as in Paijo, stays).
            'y' if last == 'i' && is_vowel(next) && next != 'i' => continue,
            OLD_J => 'y',
            'o' if k == 1 && last == 'm' => 'u',
            _ => c,
        };
        if c == last && c.is_alphabetic() {
            continue;
        }
        out.push(c);
        last = c;
    }
}

/// The name to show: the full name, or the nickname in quotes when no name is known.
pub fn display_name(name: &str, nickname: &str) -> String {
    if name.trim().is_empty() {
        format!("\"{}\"", nickname.trim())
    } else {
        name.trim().to_string()
    }
}

/// First names so common that sharing one says little (their folded keys): Muhammad
/// in all its spellings and abbreviations, Ahmad, Abdul, Siti, Nur, Sri.
const COMMON_FIRST: &[&str] = &[
    "muhamad", "ahmad", "abdul", "abd", "siti", "nur", "nurul", "sri",
];

/// A folded key split after its leading common first names: (those names, the rest).
fn split_common(key: &str) -> (Vec<&str>, String) {
    let words: Vec<&str> = key.split(' ').collect();
    let n = words
        .iter()
        .take_while(|w| COMMON_FIRST.contains(w))
        .count();
    (words[..n].to_vec(), words[n..].join(" "))
}

/// Similarity of two names from 0.0 to 1.0 on their folded keys (Jaro-Winkler), weighing
/// the name after common first names: "Muhammad Rofiq" and "Moch. Tohir" share only
/// Muhammad and are far apart, while "Muhamad Maskuri" and "Muhammad Masykuri" stay one
/// name. Where the common first names differ (Ahmad Sholeh, Muhammad Sholeh) the whole
/// names count too, the lower of the two scores.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (ka, kb) = (fold(a), fold(b));
    let whole = strsim::jaro_winkler(&ka, &kb);
    let ((first_a, rest_a), (first_b, rest_b)) = (split_common(&ka), split_common(&kb));
    if rest_a.is_empty() || rest_b.is_empty() {
        return whole;
    }
    let rest = strsim::jaro_winkler(&rest_a, &rest_b);
    if first_a == first_b || first_a.is_empty() || first_b.is_empty() {
        rest
    } else {
        rest.min(whole)
    }
}

/// The key a name sorts by in the roster: lower case, with a leading Muhammad in any
/// spelling or abbreviation (Moch., Moh., Muh., M.) written "m." as the roster shows it
/// when short of room, so "M. Marzuki" and "Muhammad Maskuri" sort side by side.
pub fn sort_key(name: &str) -> String {
    let name = name.trim().to_lowercase();
    let mut words = name.splitn(2, char::is_whitespace);
    let first = words.next().unwrap_or("");
    let rest = words.next().unwrap_or("").trim_start();
    if !rest.is_empty() && fold(&format!("{first} {rest}")).starts_with("muhamad ") {
        let is_muhammad = fold(first) == "muhamad" || matches!(first, "m" | "m.");
        if is_muhammad {
            return format!("m. {rest}");
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) {
        assert_eq!(fold(a), fold(b), "{a} / {b}");
    }

    #[test]
    fn spelling_variants_fold_together() {
        same("Muhamad", "Muhammad");
        same("Masykuri", "Maskuri");
        same("Soekarno", "Sukarno");
        same("Djoko  Santoso", "joko santoso");
        same("Achmad", "Akhmad");
        same("Slamet Riyadi", "Slamet Riadi");
        same("Tjitjik Suryani", "Cicik Suryani");
        same("Siti Chotijah", "Siti Khotijah");
        same("Mochamad Syaifudin", "Mochammad Saifudin");
        same("Rofiq", "Rofik");
        same("Sholeh", "Soleh");
        same("Ramadhan", "Ramadan");
        same("Asy'ari", "Asyari");
        // A j after an i is a letter of its own, not the glide of Riyadi.
        assert_eq!(fold("Paijo"), "paiyo");
        assert_eq!(fold("Wiji"), "wiyi");
    }

    #[test]
    fn ahmad_achmad_and_akhmad_are_one_name() {
        for (a, b) in [
            ("Ahmad", "Achmad"),
            ("Achmad", "Ahmad"),
            ("Akhmad", "Ahmad"),
            ("Rochman", "Rohman"),
            ("Kholiq", "Holik"),
        ] {
            same(a, b);
        }
        assert_eq!(fold("Achmad Kholiq"), "ahmad holik");
    }

    #[test]
    fn muhammad_in_its_east_javanese_spellings_is_one_name() {
        for a in [
            "Mochamad",
            "Mochammad",
            "Mohamad",
            "Mohammad",
            "Muhamad",
            "Muhammad",
            "Mokhamad",
        ] {
            assert_eq!(fold(a), "muhamad", "{a}");
        }
        // Old spellings beside it stay as they were.
        assert_eq!(fold("Soejono"), fold("Suyono"));
        assert_eq!(fold("Tjahjono"), fold("Cahyono"));
        assert_eq!(fold("Njoman"), fold("Nyoman"));
    }

    #[test]
    fn abbreviations_of_muhammad_are_written_out() {
        for a in [
            "Moch. Sholeh",
            "Moch Sholeh",
            "Moh. Sholeh",
            "Muh. Sholeh",
            "Mhd. Sholeh",
            "M. Sholeh",
            "Muhammad Sholeh",
        ] {
            assert_eq!(fold(a), "muhamad soleh", "{a}");
        }
        // "M." is Muhammad only before another name; "m" typed alone is just a letter.
        assert_eq!(fold("M."), "m");
        assert_eq!(fold("Budi M."), "budi m");
        // A search typed stays as typed, so "muh" still finds Muhlis.
        assert_eq!(fold_query("Moch"), "muh");
        assert_eq!(fold_query("m sholeh"), "m soleh");
    }

    #[test]
    fn a_query_typed_on_keeps_what_it_found() {
        // Each prefix of a typed name folds to something the name's key still holds,
        // letter for letter, so Achmad does not vanish at "ac" and return at "ach".
        let key = fold("Achmad Riyadi");
        for typed in ["achmad riyadi", "ahmad riadi", "akhmad", "mochamad"] {
            let target = if typed.starts_with("mo") {
                fold("Muhammad")
            } else {
                key.clone()
            };
            for end in 1..=typed.len() {
                let q = fold_query(&typed[..end]);
                let mut rest = target.chars();
                assert!(
                    q.chars().all(|c| rest.any(|t| t == c)),
                    "{:?} folds to {q:?}, not within {target:?}",
                    &typed[..end]
                );
            }
        }
        // A c or k ending the query waits for the next key; after it, it is itself.
        assert_eq!(fold_query("cic"), "ci");
        assert_eq!(fold_query("cici"), "cici");
        assert_eq!(fold_query("cicik"), "cici");
        assert_eq!(fold_query("cicik "), "cicik");
        assert_eq!(fold_query("k"), "k");
    }

    #[test]
    fn different_names_stay_apart() {
        assert_ne!(fold("Slamet"), fold("Sumarni"));
        assert_ne!(fold("Kadir"), fold("Hadi"));
        assert_ne!(fold("Mulyadi"), fold("Muhammad"));
        assert!(similarity("Slamet Riyadi", "Sumarni") < 0.8);
        assert!(similarity("Muhamad Rosyid", "Muhammad Rosid") > 0.99);
    }

    #[test]
    fn each_part_of_a_search_text_is_a_name_of_its_own() {
        assert_eq!(
            fold_parts(["2026/0042", "M. Sholeh", "Cak Leh", ""]),
            "2026 0042 muhamad soleh cak leh"
        );
    }

    #[test]
    fn a_shared_muhammad_does_not_make_strangers_alike() {
        for (a, b) in [
            ("Muhammad Rofiq", "Moch. Tohir"),
            ("Muhammad Maskuri", "Mochamad Jumari"),
            ("Siti Aminah", "Siti Rahayu"),
        ] {
            assert!(similarity(a, b) < 0.8, "{a} / {b}: {}", similarity(a, b));
        }
        // True variants stay the same name.
        assert!(similarity("Muhamad Maskuri", "Muhammad Masykuri") > 0.99);
        assert!(similarity("Moch. Sholeh", "Muhammad Soleh") > 0.99);
        assert!(similarity("Siti Aminah", "Aminah") > 0.99);
    }

    #[test]
    fn muhammad_in_any_spelling_sorts_as_m() {
        assert_eq!(sort_key("Muhammad Marzuki"), "m. marzuki");
        assert_eq!(sort_key("Moch. Tohir"), "m. tohir");
        assert_eq!(sort_key("M. Rofiq"), "m. rofiq");
        assert_eq!(sort_key("Muh Sholeh"), "m. sholeh");
        assert_eq!(sort_key("Mulyadi"), "mulyadi");
        assert_eq!(sort_key("Muhammad"), "muhammad");
        assert_eq!(sort_key("Budi M."), "budi m.");
        let mut names = [
            "Mulyono",
            "Muhammad Zaini",
            "Marni",
            "M. Arif",
            "Moch. Budi",
        ];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            [
                "M. Arif",
                "Moch. Budi",
                "Muhammad Zaini",
                "Marni",
                "Mulyono"
            ]
        );
    }

    #[test]
    fn numbers_fold_to_themselves() {
        assert_eq!(fold("2026/0042"), "2026 0042");
        assert_eq!(fold("3514021705800003"), "3514021705800003");
    }
}
