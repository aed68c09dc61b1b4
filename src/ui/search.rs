//! Spelling-tolerant incremental search over residents: fuzzy matching (nucleo) on folded
//! name keys, so "muhamad" finds Muhammad and "maskuri" finds Masykuri.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

use crate::domain::ClientRow;
use crate::domain::names::fold;

/// The text a row is searched by: registration number, name, nickname and NIK, folded.
pub fn haystack(row: &ClientRow) -> String {
    let nik = row.nik.as_ref().map_or("", |n| n.as_str());
    fold(&format!(
        "{} {} {} {}",
        row.reg_no, row.name, row.nickname, nik
    ))
}

/// Search texts (see [`haystack`]) by number, prepared for the matcher once rather than
/// on every key, and kept end to end in one block of memory, so that a search over
/// 100,000 of them reads a few megabytes front to back.
#[derive(Default)]
pub struct Keys {
    /// The ASCII texts (nearly all), end to end.
    ascii: String,
    /// The others, as the matcher's characters, end to end.
    wide: Vec<char>,
    /// Per text: where it starts, its length, and which of the two holds it.
    spans: Vec<(u32, u32, bool)>,
}

impl Keys {
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Adds a text (already folded) as the next number.
    pub fn push(&mut self, text: &str) {
        let span = self.store(text);
        self.spans.push(span);
    }

    /// Replaces text `i`. The old text's room is not reused (there is a new set of keys
    /// whenever all rows are reloaded).
    pub fn set(&mut self, i: usize, text: &str) {
        let span = self.store(text);
        self.spans[i] = span;
    }

    fn store(&mut self, text: &str) -> (u32, u32, bool) {
        match Utf32String::from(text) {
            Utf32String::Ascii(s) => {
                let start = self.ascii.len() as u32;
                self.ascii.push_str(&s);
                (start, s.len() as u32, false)
            }
            Utf32String::Unicode(chars) => {
                let start = self.wide.len() as u32;
                self.wide.extend_from_slice(&chars);
                (start, chars.len() as u32, true)
            }
        }
    }

    /// Text `i`, as the matcher reads it.
    pub fn get(&self, i: usize) -> Utf32Str<'_> {
        let (start, len, wide) = self.spans[i];
        let range = start as usize..(start + len) as usize;
        if wide {
            Utf32Str::Unicode(&self.wide[range])
        } else {
            Utf32Str::Ascii(&self.ascii.as_bytes()[range])
        }
    }
}

/// A compiled search, reused across rows and, with [`Search::set_folded`], across queries:
/// the matcher holds about 135 KB of scratch space, made once.
pub struct Search {
    pattern: Pattern,
    matcher: Matcher,
    buf: Vec<char>,
}

impl Search {
    /// `None` for an empty query (everything matches).
    pub fn new(query: &str) -> Option<Search> {
        let mut search = Search::empty();
        search.set_folded(&fold(query)).then_some(search)
    }

    /// A search with no query yet (it matches everything until one is set).
    pub fn empty() -> Search {
        Search {
            pattern: Pattern::default(),
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
        }
    }

    /// Searches for `folded` (already passed through [`fold`]) from now on; false if it
    /// is empty, which matches everything.
    pub fn set_folded(&mut self, folded: &str) -> bool {
        self.pattern
            .reparse(folded, CaseMatching::Ignore, Normalization::Smart);
        !folded.trim().is_empty()
    }

    /// The match score of a haystack, higher is better; `None` if it does not match.
    pub fn score(&mut self, haystack: &str) -> Option<u32> {
        self.pattern
            .score(Utf32Str::new(haystack, &mut self.buf), &mut self.matcher)
    }

    /// The same for a prepared text (see [`Keys`]).
    pub fn score_key(&mut self, key: Utf32Str<'_>) -> Option<u32> {
        self.pattern.score(key, &mut self.matcher)
    }
}

/// The items of `matched` (score, item), best score first and, among equal scores, in
/// the order given. Scores span a few hundred values, so this counts rather than
/// compares: linear in the matches, which at 100,000 residents is most of the time a
/// first letter takes otherwise.
pub fn rank(matched: &[(u32, usize)]) -> Vec<usize> {
    let Some(low) = matched.iter().map(|m| m.0).min() else {
        return Vec::new();
    };
    let high = matched.iter().map(|m| m.0).max().unwrap_or(low);
    let span = (high - low) as usize + 1;
    if span > 1 << 16 {
        let mut sorted: Vec<(usize, u32, usize)> = matched
            .iter()
            .enumerate()
            .map(|(pos, &(score, item))| (pos, score, item))
            .collect();
        sorted.sort_by_key(|&(pos, score, _)| (std::cmp::Reverse(score), pos));
        return sorted.into_iter().map(|(_, _, item)| item).collect();
    }
    // Where each score's run starts in the output, best score first.
    let mut start = vec![0usize; span];
    for &(score, _) in matched {
        start[(high - score) as usize] += 1;
    }
    let mut next = 0;
    for slot in &mut start {
        let count = *slot;
        *slot = next;
        next += count;
    }
    let mut out = vec![0usize; matched.len()];
    for &(score, item) in matched {
        let slot = &mut start[(high - score) as usize];
        out[*slot] = item;
        *slot += 1;
    }
    out
}

/// True when every row matching `query` also matches `narrower`, so a search for
/// `narrower` need only look among the rows that matched `query`. Both are folded, and
/// folding leaves only letters, digits and single spaces, so no atom is negated or
/// anchored: typing on at the end only adds to what a match must contain (a longer
/// subsequence, or one more word).
pub fn narrows(query: &str, narrower: &str) -> bool {
    !query.trim().is_empty() && narrower.starts_with(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(query: &str, names: &[&str]) -> Vec<String> {
        let mut s = Search::new(query).unwrap();
        names
            .iter()
            .filter(|n| s.score(&fold(n)).is_some())
            .map(|n| n.to_string())
            .collect()
    }

    #[test]
    fn spelling_variants_find_each_other() {
        let names = ["Muhammad Masykuri", "Slamet Riyadi", "Sumarni"];
        assert_eq!(hits("muhamad", &names), vec!["Muhammad Masykuri"]);
        assert_eq!(hits("maskuri", &names), vec!["Muhammad Masykuri"]);
        assert_eq!(
            hits("Muhammad", &["Muhamad Maskuri"]),
            vec!["Muhamad Maskuri"]
        );
        assert_eq!(hits("slmt", &names), vec!["Slamet Riyadi"]);
    }

    #[test]
    fn empty_query_is_no_search() {
        assert!(Search::new("  ").is_none());
        assert!(!Search::empty().set_folded(" "));
    }

    #[test]
    fn one_search_serves_query_after_query() {
        let mut s = Search::empty();
        assert!(s.set_folded("slmt"));
        assert!(s.score("slamet riyadi").is_some());
        assert!(s.score("sumarni").is_none());
        assert!(s.set_folded("sumar"));
        assert!(s.score("sumarni").is_some());
        assert!(s.score("slamet riyadi").is_none());
    }

    #[test]
    fn ranking_puts_the_best_first_and_keeps_order_among_equals() {
        let matched = [(5, 10), (9, 11), (5, 12), (7, 13), (9, 14)];
        assert_eq!(rank(&matched), vec![11, 14, 13, 10, 12]);
        assert_eq!(rank(&[]), Vec::<usize>::new());
        // A wide spread of scores takes the other road to the same order.
        let wide = [(1, 1), (200_000, 2), (1, 3), (70_000, 4)];
        assert_eq!(rank(&wide), vec![2, 4, 1, 3]);
    }

    #[test]
    fn prepared_texts_score_as_the_texts_do() {
        let texts = ["muhamad maskuri", "slamet riyadi", "jose ñañez", "sumarni"];
        let mut keys = Keys::default();
        for t in texts {
            keys.push(t);
        }
        keys.set(1, "slamet rahayu");
        assert_eq!(keys.len(), 4);
        for query in ["maskuri", "ñañez", "nanez", "slmt rah", "riyadi"] {
            let mut s = Search::new(query).unwrap();
            for (i, t) in texts.iter().enumerate() {
                let t = if i == 1 { "slamet rahayu" } else { t };
                assert_eq!(s.score(t), s.score_key(keys.get(i)), "{query} in {t}");
            }
        }
    }

    #[test]
    fn typing_on_only_narrows_a_plain_query() {
        assert!(narrows("muh", "muha"));
        assert!(narrows("muh", "muh ma"));
        assert!(!narrows("muh", "mu"));
        assert!(!narrows("", "a"));
        // What narrows must really narrow: every match of the longer is a match of the
        // shorter.
        let names = ["muhamad maskuri", "mulyadi", "umar hadi", "slamet"];
        for (short, long) in [("mu", "muh"), ("h", "ha"), ("a", "a d"), ("ma", "mas")] {
            let mut a = Search::new(short).unwrap();
            let mut b = Search::new(long).unwrap();
            for n in names {
                if b.score(n).is_some() {
                    assert!(
                        a.score(n).is_some(),
                        "{long} matches {n} but {short} does not"
                    );
                }
            }
        }
    }
}
