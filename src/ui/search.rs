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
///
/// Beside each text lie which letters and digits it has, by what comes before them (a
/// space or the start, a letter, a digit): a text without every character of a query
/// cannot match it, and the score of a one-character query depends on nothing else, so
/// the first letter typed, which matches nearly everyone, needs no matcher at all.
#[derive(Default)]
pub struct Keys {
    /// The ASCII texts (nearly all), end to end.
    ascii: String,
    /// The others, as the matcher's characters, end to end.
    wide: Vec<char>,
    /// Per text: where it starts, its length, and which of the two holds it.
    spans: Vec<(u32, u32, bool)>,
    /// Per text: its characters after a space or at the start, after a letter, after a
    /// digit (see [`char_bit`]); [`UNKNOWN`] for a text of anything else.
    chars: Vec<[u64; 3]>,
}

/// Marks a text whose characters are not known (not only `a`-`z`, `0`-`9` and spaces).
const UNKNOWN: u64 = 1 << 63;

/// The bit of a letter or digit of a folded text.
fn char_bit(b: u8) -> Option<u64> {
    match b {
        b'a'..=b'z' => Some(1 << (b - b'a')),
        b'0'..=b'9' => Some(1 << (26 + b - b'0')),
        _ => None,
    }
}

/// The characters of `text` by what comes before them, or [`UNKNOWN`].
fn char_classes(text: &str) -> [u64; 3] {
    // One character is scored as a whole-text match; leave that to the matcher.
    if text.len() < 2 {
        return [UNKNOWN; 3];
    }
    let mut classes = [0u64; 3];
    let mut before = 0;
    for b in text.bytes() {
        match (b, char_bit(b)) {
            (b' ', _) => before = 0,
            (_, Some(bit)) => {
                classes[before] |= bit;
                before = if b.is_ascii_digit() { 2 } else { 1 };
            }
            _ => return [UNKNOWN; 3],
        }
    }
    classes
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
        self.chars.push(char_classes(text));
    }

    /// Replaces text `i`. The old text's room is not reused (there is a new set of keys
    /// whenever all rows are reloaded).
    pub fn set(&mut self, i: usize, text: &str) {
        let span = self.store(text);
        self.spans[i] = span;
        self.chars[i] = char_classes(text);
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

/// What a query needs of a text, known before the matcher runs (see [`Keys`]).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Needs {
    /// Nothing known.
    Nothing,
    /// Every one of these characters.
    All(u64),
    /// This one character; the score it gets after a space or at the start, after a
    /// letter, after a digit (the best of those the text has).
    One(u64, [Option<u32>; 3]),
}

/// A compiled search, reused across rows and, with [`Search::set_folded`], across queries:
/// the matcher holds about 135 KB of scratch space, made once.
pub struct Search {
    pattern: Pattern,
    matcher: Matcher,
    buf: Vec<char>,
    needs: Needs,
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
            needs: Needs::Nothing,
        }
    }

    /// Searches for `folded` (already passed through [`fold`]) from now on; false if it
    /// is empty, which matches everything.
    pub fn set_folded(&mut self, folded: &str) -> bool {
        self.pattern
            .reparse(folded, CaseMatching::Ignore, Normalization::Smart);
        let query = folded.trim();
        let mut all = 0;
        for b in query.bytes() {
            match char_bit(b) {
                Some(bit) => all |= bit,
                None if b == b' ' => {}
                None => all = UNKNOWN,
            }
        }
        self.needs = match query.as_bytes() {
            _ if all == 0 || all & UNKNOWN != 0 => Needs::Nothing,
            &[c] => {
                // The matcher's own score of `c` after each kind of character.
                let letter = if c == b'x' { b'y' } else { b'x' };
                let digit = if c == b'1' { b'2' } else { b'1' };
                let mut after = |before: u8| {
                    let text = [before, c, b' '];
                    self.pattern
                        .score(Utf32Str::Ascii(&text), &mut self.matcher)
                };
                Needs::One(all, [after(b' '), after(letter), after(digit)])
            }
            _ => Needs::All(all),
        };
        !query.is_empty()
    }

    /// The match score of a haystack, higher is better; `None` if it does not match.
    pub fn score(&mut self, haystack: &str) -> Option<u32> {
        self.pattern
            .score(Utf32Str::new(haystack, &mut self.buf), &mut self.matcher)
    }

    /// The same for text `i` of `keys`.
    pub fn score_key(&mut self, keys: &Keys, i: usize) -> Option<u32> {
        let chars = keys.chars[i];
        if chars[0] & UNKNOWN == 0 {
            match self.needs {
                Needs::One(bit, after) => {
                    return (0..3)
                        .filter(|&k| chars[k] & bit != 0)
                        .filter_map(|k| after[k])
                        .max();
                }
                Needs::All(all) if (chars[0] | chars[1] | chars[2]) & all != all => {
                    return None;
                }
                _ => {}
            }
        }
        self.pattern.score(keys.get(i), &mut self.matcher)
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
        for query in ["maskuri", "ñañez", "nanez", "slmt rah", "riyadi", "a", "ñ"] {
            let mut s = Search::new(query).unwrap();
            for (i, t) in texts.iter().enumerate() {
                let t = if i == 1 { "slamet rahayu" } else { t };
                assert_eq!(s.score(t), s.score_key(&keys, i), "{query} in {t}");
            }
        }
    }

    /// The shortcuts (a character missing, a one-character query) agree with the
    /// matcher on every letter and digit, wherever it stands in a text.
    #[test]
    fn shortcuts_give_the_matchers_answers() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let demo = crate::demo::generate(crate::demo::SEED, today, 60, "kepala");
        let mut texts: Vec<String> = demo.clients.iter().map(|c| haystack(&c.row())).collect();
        texts.extend(
            [
                "a",
                "1",
                "ab",
                "ba",
                "a1",
                "1a",
                "11",
                " a",
                "x1y2 z",
                "2026 0001",
                "a b c",
            ]
            .map(String::from),
        );
        let mut keys = Keys::default();
        for t in &texts {
            keys.push(t);
        }
        let mut queries: Vec<String> = ('a'..='z').chain('0'..='9').map(String::from).collect();
        queries.extend(["su", "sl mt", "20 a", "qz", "muhamad", "9x"].map(String::from));
        for query in &queries {
            let mut fast = Search::new(query).unwrap();
            let mut plain = Search::new(query).unwrap();
            for (i, text) in texts.iter().enumerate() {
                let want = plain
                    .pattern
                    .score(Utf32Str::new(text, &mut plain.buf), &mut plain.matcher);
                assert_eq!(fast.score_key(&keys, i), want, "{query:?} in {text:?}");
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
