//! Spelling-tolerant name keys: Muhamad and Muhammad, Masykuri and Maskuri, Soekarno and
//! Sukarno fold to the same key, so search and duplicate checks see them as one name.

/// Folds a name to a key: lower case, letters and spaces only, old Dutch-era spellings
/// (oe, dj, tj, sj, ch) modernised, `sy`/`kh` simplified, doubled letters collapsed.
/// Digits are kept as they are, so registration numbers and NIKs fold to themselves.
pub fn fold(name: &str) -> String {
    let lower: String = name
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut s = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    for (old, new) in [
        ("oe", "u"),
        ("dj", "j"),
        ("tj", "c"),
        ("sj", "sy"),
        ("ch", "kh"),
        ("sy", "s"),
        ("kh", "k"),
        ("dh", "d"),
        ("th", "t"),
    ] {
        s = s.replace(old, new);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if out.ends_with(c) && c.is_alphabetic() {
            continue;
        }
        out.push(c);
    }
    out
}

/// The name to show: the full name, or the nickname in quotes when no name is known.
pub fn display_name(name: &str, nickname: &str) -> String {
    if name.trim().is_empty() {
        format!("\"{}\"", nickname.trim())
    } else {
        name.trim().to_string()
    }
}

/// Similarity of two names from 0.0 to 1.0 on their folded keys (Jaro-Winkler).
pub fn similarity(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(&fold(a), &fold(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_fold_together() {
        assert_eq!(fold("Muhamad"), fold("Muhammad"));
        assert_eq!(fold("Masykuri"), fold("Maskuri"));
        assert_eq!(fold("Soekarno"), fold("Sukarno"));
        assert_eq!(fold("Djoko  Santoso"), fold("joko santoso"));
        assert_eq!(fold("Achmad"), fold("Akhmad"));
        assert_eq!(fold("Achmad"), fold("Akmad"));
    }

    #[test]
    fn different_names_stay_apart() {
        assert_ne!(fold("Slamet"), fold("Sumarni"));
        assert!(similarity("Slamet Riyadi", "Sumarni") < 0.8);
        assert!(similarity("Muhamad Rosyid", "Muhammad Rosid") > 0.99);
    }
}
