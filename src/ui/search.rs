//! Spelling-tolerant incremental search over residents: fuzzy matching (nucleo) on folded
//! name keys, so "muhamad" finds Muhammad and "maskuri" finds Masykuri.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

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

/// A compiled search, reused across rows.
pub struct Search {
    pattern: Pattern,
    matcher: Matcher,
    buf: Vec<char>,
}

impl Search {
    /// `None` for an empty query (everything matches).
    pub fn new(query: &str) -> Option<Search> {
        let folded = fold(query);
        if folded.trim().is_empty() {
            return None;
        }
        Some(Search {
            pattern: Pattern::parse(&folded, CaseMatching::Ignore, Normalization::Smart),
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
        })
    }

    /// The match score of a haystack, higher is better; `None` if it does not match.
    pub fn score(&mut self, haystack: &str) -> Option<u32> {
        self.pattern
            .score(Utf32Str::new(haystack, &mut self.buf), &mut self.matcher)
    }
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
    }
}
