//! Spelling-tolerant incremental search over residents: fuzzy matching (nucleo) on folded
//! name keys, so "muhamad" finds Muhammad and "maskuri" finds Masykuri.
//!
//! A query of only digits (with `/`, `-`, `.` or spaces between them, as in "2026/0042")
//! is a number: it is looked for as it stands in the numbers of a text (the registration
//! number, the NIK), not as digits scattered anywhere. Fuzzy matching of "2026" would find
//! nearly every resident (every registration number of a year holds those digits, and
//! most NIKs do somewhere) and cost a full match of each.

use std::sync::OnceLock;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

use crate::domain::ClientRow;
use crate::domain::names::{fold_parts, fold_query};

/// The text a row is searched by: registration number, name, nickname and NIK, each
/// folded as a name of its own (see [`fold_parts`]).
pub fn haystack(row: &ClientRow) -> String {
    let nik = row.nik.as_ref().map_or("", |n| n.as_str());
    fold_parts([&*row.reg_no, &*row.name, &*row.nickname, nik])
}

/// Search texts (see [`haystack`]) by number, prepared for the matcher once rather than
/// on every key, and kept end to end in one block of memory, so that a search over
/// 100,000 of them reads a few megabytes front to back. The numbers in the texts (see
/// [`Numbers`]) are kept the same way, made when a query first is a number.
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
    /// The numbers in the texts; made when first searched (about 40 bytes a text).
    numbers: OnceLock<Numbers>,
}

/// The numbers in search texts (see [`numbers`]).
#[derive(Default)]
struct Numbers {
    /// The numbers of the texts, end to end.
    bytes: Vec<u8>,
    /// Per text: where its numbers start in `bytes` (they end with a length of 0).
    starts: Vec<u32>,
    /// Per text: which pairs of digits follow each other in its numbers (see [`pairs`]).
    pairs: Vec<u64>,
}

impl Numbers {
    /// Adds the numbers of a text (folded) as the next.
    fn push(&mut self, text: &str) {
        let start = self.store(text);
        self.starts.push(start);
        self.pairs.push(pairs(self.of(self.starts.len() - 1)));
    }

    /// Replaces the numbers of text `i`.
    fn set(&mut self, i: usize, text: &str) {
        self.starts[i] = self.store(text);
        self.pairs[i] = pairs(self.of(i));
    }

    fn store(&mut self, text: &str) -> u32 {
        let start = self.bytes.len();
        numbers(text, &mut self.bytes);
        self.bytes.push(0);
        start as u32
    }

    /// The numbers of text `i`, and after them those of other texts.
    fn of(&self, i: usize) -> &[u8] {
        &self.bytes[self.starts[i] as usize..]
    }
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

/// The numbers of a folded text. A number is a run of words of only ASCII digits, kept
/// with a `/` between its words: "2026 0042 budi 3201 77" has the numbers 2026/0042 and
/// 3201/77. Folding turns the `/` of a registration number into a space; this gives it
/// back. Each number is written as its length (a byte) and then the number, so that a
/// search steps from one number to the next without looking for where each ends (a
/// number longer than 255 is cut in pieces, a word longer than that cut short).
fn numbers(text: &str, out: &mut Vec<u8>) {
    // Where the length of the number being written is, while there is one.
    let mut open: Option<usize> = None;
    for word in text.split(' ') {
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_digit()) {
            open = None;
            continue;
        }
        let start = match open {
            Some(at) if out.len() + 1 + word.len() - (at + 1) <= 255 => {
                out.push(WORD);
                at
            }
            _ => {
                out.push(0);
                out.len() - 1
            }
        };
        out.extend(word.bytes().take(255));
        out[start] = (out.len() - (start + 1)) as u8;
        open = Some(start);
    }
}

/// The numbers that [`numbers`] wrote, up to the end or to a length of 0.
fn each_number(mut numbers: &[u8]) -> impl Iterator<Item = &[u8]> {
    std::iter::from_fn(move || {
        let (&len, rest) = numbers.split_first().filter(|(len, _)| **len > 0)?;
        let (number, rest) = rest.split_at(usize::from(len).min(rest.len()));
        numbers = rest;
        Some(number)
    })
}

/// Between the words of a number (see [`numbers`]).
const WORD: u8 = b'/';

/// The pairs of digits that follow each other in `numbers` (see [`numbers`]; across the
/// break between words too), each a bit of 64 (00 and 64 share one). A text without every
/// pair of a number typed does not hold it; most texts a number does not match fail
/// this, and cost no more.
fn pairs(numbers: &[u8]) -> u64 {
    let mut pairs = 0;
    for number in each_number(numbers) {
        let mut digits = number.iter().filter(|&&b| b != WORD).map(|&b| b - b'0');
        let mut last = digits.next();
        for digit in digits {
            if let Some(last) = last {
                pairs |= 1 << ((last * 10 + digit) % 64);
            }
            last = Some(digit);
        }
    }
    pairs
}

/// The digits of a folded query that is a number (only digits and spaces, at least one
/// digit), spaces left out; `None` for any other query.
fn number_query(folded: &str) -> Option<Vec<u8>> {
    let bytes = folded.trim().as_bytes();
    let digits: Vec<u8> = bytes.iter().copied().filter(|&b| b != b' ').collect();
    let number = !digits.is_empty() && digits.iter().all(u8::is_ascii_digit);
    number.then_some(digits)
}

/// How well number `query` (digits only) matches `numbers` (see [`numbers`]), by the
/// best of them. Read as the digits of a number, the words run together ("2026/0042" is
/// 20260042), and the query is found where it starts a word or lies within one:
/// [`NUMBER_EXACT`] when a number is the query, then one that starts with it (a
/// registration number's year), one that ends with it (its serial, the last digits of a
/// NIK), and last one that holds it (the middle of a NIK). Digits that run on across the
/// break between two words from the middle of one ("60" in 2026/0042) are no match.
///
/// What a query finds, the same query with digits added at the end finds no more of: a
/// query found within a word or at a word's start leaves its first digits there too.
fn number_score(numbers: &[u8], query: &[u8]) -> Option<u32> {
    let &first = query.first()?;
    let mut best = 0;
    for number in each_number(numbers) {
        // Each kind of match in turn, best first, and only those that would be better.
        if number.first() == Some(&first)
            && let Some(end) = runs_on(number, 0, query)
        {
            if end == number.len() {
                return Some(NUMBER_EXACT);
            }
            best = 3;
        }
        if best < 2 && ends_with(number, query) {
            best = 2;
        }
        if best < 1
            && (1..number.len())
                .any(|at| number[at] == first && runs_on(number, at, query).is_some())
        {
            best = 1;
        }
    }
    (best > 0).then_some(best)
}

/// Where `query` ends in `number` when it is there from `at` on: within a word, or from
/// the start of a word on across the next ones.
fn runs_on(number: &[u8], at: usize, query: &[u8]) -> Option<usize> {
    let across = at == 0 || number[at - 1] == WORD;
    let mut next = at;
    for &want in query {
        match number.get(next) {
            Some(&WORD) if across && number.get(next + 1) == Some(&want) => next += 2,
            Some(&got) if got == want => next += 1,
            _ => return None,
        }
    }
    Some(next)
}

/// True when `number` ends with `query` (as [`runs_on`] finds it).
fn ends_with(number: &[u8], query: &[u8]) -> bool {
    // Back from the end; the query's first digit lands at `at`.
    let mut at = number.len();
    let mut across = false;
    for &want in query.iter().rev() {
        loop {
            if at == 0 {
                return false;
            }
            at -= 1;
            if number[at] != WORD {
                break;
            }
            across = true;
        }
        if number[at] != want {
            return false;
        }
    }
    !across || at == 0 || number[at - 1] == WORD
}

/// The score of a number query that is the whole of a number (the best there is).
const NUMBER_EXACT: u32 = 4;

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
        if let Some(numbers) = self.numbers.get_mut() {
            numbers.push(text);
        }
    }

    /// Replaces text `i`. The old text's room is not reused (there is a new set of keys
    /// whenever all rows are reloaded).
    pub fn set(&mut self, i: usize, text: &str) {
        let span = self.store(text);
        self.spans[i] = span;
        self.chars[i] = char_classes(text);
        if let Some(numbers) = self.numbers.get_mut() {
            numbers.set(i, text);
        }
    }

    /// The numbers in the texts, made from them the first time.
    fn numbers(&self) -> &Numbers {
        self.numbers.get_or_init(|| {
            let mut numbers = Numbers::default();
            let mut wide = String::new();
            for i in 0..self.len() {
                match self.get(i) {
                    Utf32Str::Ascii(bytes) => {
                        numbers.push(std::str::from_utf8(bytes).unwrap_or_default())
                    }
                    Utf32Str::Unicode(chars) => {
                        wide.clear();
                        wide.extend(chars);
                        numbers.push(&wide);
                    }
                }
            }
            numbers
        })
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
    /// The digits of a query that is a number (see [`number_query`]), else empty.
    number: Vec<u8>,
    /// The pairs of digits in `number` (see [`pairs`]).
    pairs: u64,
    /// The numbers of a text scored with [`Search::score`].
    numbers: Vec<u8>,
}

impl Search {
    /// A search for `query` as typed (see [`fold_query`]); `None` for an empty query
    /// (everything matches).
    pub fn new(query: &str) -> Option<Search> {
        let mut search = Search::empty();
        search.set_folded(&fold_query(query)).then_some(search)
    }

    /// A search with no query yet (it matches everything until one is set).
    pub fn empty() -> Search {
        Search {
            pattern: Pattern::default(),
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
            needs: Needs::Nothing,
            number: Vec::new(),
            pairs: 0,
            numbers: Vec::new(),
        }
    }

    /// Searches for `folded` (already passed through [`fold_query`]) from now on; false
    /// if it is empty, which matches everything.
    pub fn set_folded(&mut self, folded: &str) -> bool {
        let query = folded.trim();
        if let Some(number) = number_query(query) {
            // A text without every digit of the number cannot hold it.
            let all = number
                .iter()
                .filter_map(|&b| char_bit(b))
                .fold(0, |a, b| a | b);
            self.needs = Needs::All(all);
            self.pairs = pairs(&number);
            self.number = number;
            return true;
        }
        self.number.clear();
        self.pattern
            .reparse(folded, CaseMatching::Ignore, Normalization::Smart);
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

    /// The match score of a haystack (folded), higher is better; `None` if it does not
    /// match.
    pub fn score(&mut self, haystack: &str) -> Option<u32> {
        if !self.number.is_empty() {
            self.numbers.clear();
            numbers(haystack, &mut self.numbers);
            return number_score(&self.numbers, &self.number);
        }
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
        if !self.number.is_empty() {
            let numbers = keys.numbers();
            if numbers.pairs[i] & self.pairs != self.pairs {
                return None;
            }
            return number_score(numbers.of(i), &self.number);
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

/// True when every row matching `narrower` also matches `query`, so a search for
/// `narrower` need only look among the rows that matched `query`. Both are folded, and
/// folding leaves only letters, digits and single spaces, so no atom is negated or
/// anchored: typing on at the end only adds to what a match must contain (a longer
/// subsequence, or one more word, or more digits of a number). A number typed on into
/// something else (a letter after the digits) is matched another way, and is not looked
/// for among the number's matches.
pub fn narrows(query: &str, narrower: &str) -> bool {
    !query.trim().is_empty()
        && narrower.starts_with(query)
        && number_query(query).is_some() == number_query(narrower).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::names::fold;

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
    fn east_javanese_spellings_of_one_name_find_each_other() {
        let names = [
            "Ahmad Wardana",
            "Achmad Kholiq",
            "Akhmad Sholeh",
            "Muhammad Masykuri",
            "Mochamad Syaifudin",
            "Moch. Rosyid",
            "Mulyadi",
        ];
        let ahmads = vec!["Ahmad Wardana", "Achmad Kholiq", "Akhmad Sholeh"];
        assert_eq!(hits("ahmad", &names), ahmads);
        assert_eq!(hits("achmad", &names), ahmads);
        assert_eq!(hits("akhmad", &names), ahmads);
        let muhammads = vec!["Muhammad Masykuri", "Mochamad Syaifudin", "Moch. Rosyid"];
        for typed in ["muhammad", "muhamad", "mohamad", "mochamad", "moch", "moh"] {
            assert_eq!(hits(typed, &names), muhammads, "{typed}");
        }
        // "muh" is also the start of other names.
        assert_eq!(hits("muh", &["Muhlis", "Moch. Rosyid"]).len(), 2);
        assert_eq!(hits("m rosid", &names), vec!["Moch. Rosyid"]);
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
        // Digits alone are a number, not matched by the matcher (see `numbers_*` below).
        let mut queries: Vec<String> = ('a'..='z').map(String::from).collect();
        queries.extend(["su", "sl mt", "20 a", "qz", "muhamad", "9x", "a1"].map(String::from));
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

    /// Residents' search texts as [`haystack`] makes them: registration number, name,
    /// nickname, NIK.
    const RESIDENTS: [&str; 5] = [
        "2026/0042 Muhammad Masykuri Kuri 3514021705800003",
        "2026/0420 Slamet Riyadi Met 3201014202900007",
        "2025/1004 Sumarni Marni 3514026001750042",
        "2004/2026 Paijo Jo",
        "2021/0106 Muhamad Sholeh Leh 3201010101010101",
    ];

    /// The residents `query` finds, best first (as the roster ranks them).
    fn found(query: &str) -> Vec<&'static str> {
        let mut keys = Keys::default();
        for r in RESIDENTS {
            keys.push(&fold(r));
        }
        let mut s = Search::new(query).unwrap();
        let matched: Vec<(u32, usize)> = (0..keys.len())
            .filter_map(|i| s.score_key(&keys, i).map(|score| (score, i)))
            .collect();
        rank(&matched).into_iter().map(|i| RESIDENTS[i]).collect()
    }

    #[test]
    fn numbers_find_by_registration_number_and_nik() {
        let [a, b, c, d, _] = RESIDENTS;
        // The registration number however it is typed: only that resident.
        for typed in ["2026/0042", "2026 0042", "20260042", "2026-0042"] {
            assert_eq!(found(typed), vec![a], "{typed}");
        }
        // Its serial: the numbers ending in it (the NIK of the third resident too).
        assert_eq!(found("0042"), vec![a, c]);
        // The year: registration numbers starting with it before one ending in it.
        assert_eq!(found("2026"), vec![a, b, d]);
        // A whole NIK, its last digits, its first digits.
        assert_eq!(found("3514021705800003"), vec![a]);
        assert_eq!(found("3514 0217 0580 0003"), vec![a]);
        assert_eq!(found("800003"), vec![a]);
        assert_eq!(found("3514"), vec![a, c]);
        // The whole number before one that starts with it.
        assert_eq!(found("2004"), vec![d]);
        assert_eq!(found("20042026"), vec![d]);
        assert!(found("99999").is_empty());
    }

    #[test]
    fn numbers_are_not_digits_scattered_across_a_row() {
        // "2026" is in no number of the last resident, though its text holds a 2, a 0,
        // a 2 and a 6 in that order (2021/0106): fuzzy matching would have found it.
        let e = fold(RESIDENTS[4]);
        let mut fuzzy = Pattern::parse("2026", CaseMatching::Ignore, Normalization::Smart);
        let mut buf = Vec::new();
        let mut matcher = Matcher::new(Config::DEFAULT);
        assert!(
            fuzzy
                .score(Utf32Str::new(&e, &mut buf), &mut matcher)
                .is_some()
        );
        assert!(!found("2026").contains(&RESIDENTS[4]));
        // Nor running on from the middle of a registration number's year into its
        // serial (2004/2026, 2026/0042).
        let [a, _, _, d, _] = RESIDENTS;
        assert!(!found("0042").contains(&d));
        assert!(!found("260").contains(&a));
        assert!(!found("260042").contains(&a));
        assert_eq!(found("6/004"), Vec::<&str>::new());
        // Nor across a name: 0042 then 3514 are two numbers.
        assert!(found("00423514").is_empty());
        fuzzy = Pattern::parse("20213201", CaseMatching::Ignore, Normalization::Smart);
        assert!(
            fuzzy
                .score(Utf32Str::new(&e, &mut buf), &mut matcher)
                .is_some()
        );
        assert!(found("20213201").is_empty());
    }

    #[test]
    fn a_name_still_finds_its_spelling_variants_among_numbers() {
        let [a, _, _, _, e] = RESIDENTS;
        assert_eq!(found("muhamad"), vec![a, e]);
        assert_eq!(found("maskuri"), vec![a]);
        assert_eq!(found("soleh"), vec![e]);
        // Digits with a letter are not a number: matched as text, name and all.
        assert_eq!(found("muh 0106"), vec![e]);
    }

    #[test]
    fn a_number_scores_a_text_as_its_prepared_key() {
        let mut keys = Keys::default();
        let mut texts: Vec<String> = RESIDENTS.iter().map(|r| fold(r)).collect();
        // A text without numbers, before one with them; one not ASCII.
        texts.insert(2, "tanpa nomor".into());
        texts.push("jose ñañez 2019 0077".into());
        let same = |keys: &Keys, texts: &[String]| {
            for query in ["2026", "0042", "2", "7", "71", "3514 02", "800003", "0077"] {
                let mut s = Search::new(query).unwrap();
                for (i, t) in texts.iter().enumerate() {
                    assert_eq!(s.score(t), s.score_key(keys, i), "{query} in {t}");
                }
            }
        };
        for t in &texts {
            keys.push(t);
        }
        // Texts changed before the numbers are made (by the first number searched)…
        keys.set(3, "2004 2026 paijo 7 1");
        texts[3] = "2004 2026 paijo 7 1".into();
        same(&keys, &texts);
        // …and after.
        keys.set(0, "2026 0042 muhamad 71");
        texts[0] = "2026 0042 muhamad 71".into();
        keys.push("3514 0042 baru");
        texts.push("3514 0042 baru".into());
        same(&keys, &texts);
        let mut numbers = Vec::new();
        super::numbers("2026 0042 budi 3201 77 x9 5", &mut numbers);
        let each: Vec<&[u8]> = each_number(&numbers).collect();
        assert_eq!(each, [&b"2026/0042"[..], b"3201/77", b"5"]);
        // A number too long for its length byte is cut in pieces.
        let long = ["1234567890"; 30].join(" ");
        numbers.clear();
        super::numbers(&long, &mut numbers);
        let each: Vec<&[u8]> = each_number(&numbers).collect();
        assert_eq!(each.len(), 2);
        assert!(each.iter().all(|n| n.len() <= 255));
        assert_eq!(
            each.iter().map(|n| n.len() + 1).sum::<usize>(),
            long.len() + 1
        );
    }

    /// Whatever digits are typed, a number that matches finds no resident the number
    /// typed so far did not find, so a search may look only among those.
    #[test]
    fn typing_on_only_narrows_a_number() {
        let texts: Vec<String> = RESIDENTS.iter().map(|r| fold(r)).collect();
        let all: String = texts
            .iter()
            .flat_map(|t| t.chars())
            .filter(char::is_ascii_digit)
            .collect();
        // Every run of digits of every text, and of all of them end to end.
        for from in 0..all.len() {
            for to in from + 1..=all.len().min(from + 18) {
                let long = &all[from..to];
                let mut s = Search::new(long).unwrap();
                let found: Vec<&String> = texts.iter().filter(|t| s.score(t).is_some()).collect();
                for cut in 1..long.len() {
                    let mut shorter = Search::new(&long[..cut]).unwrap();
                    for t in &found {
                        assert!(
                            shorter.score(t).is_some(),
                            "{long} finds {t}, {} not",
                            &long[..cut]
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn typing_on_only_narrows_a_plain_query() {
        assert!(narrows("muh", "muha"));
        assert!(narrows("muh", "muh ma"));
        assert!(!narrows("muh", "mu"));
        assert!(!narrows("", "a"));
        // More digits of a number narrow it; a letter after them makes a text query.
        assert!(narrows("20", "202"));
        assert!(narrows("2026", "2026 0"));
        assert!(!narrows("2026", "2026 a"));
        assert!(!narrows("2026", "2026a"));
        assert!(narrows("a 20", "a 202"));
        // What narrows must really narrow: every match of the longer is a match of the
        // shorter.
        let names = [
            "muhamad maskuri",
            "mulyadi",
            "umar hadi",
            "slamet",
            "2026 0042 slamet 3201",
            "2026 4200 mulyadi",
        ];
        for (short, long) in [
            ("mu", "muh"),
            ("h", "ha"),
            ("a", "a d"),
            ("ma", "mas"),
            ("2", "20"),
            ("20", "2026 0"),
            ("2026", "2026 00"),
        ] {
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
