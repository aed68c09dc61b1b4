//! Small helpers over the demo's seeded generator: uniform and weighted picks, chances,
//! and date and time arithmetic that cannot panic.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// The one generator every demo function draws from, in a fixed order.
pub(super) type DemoRng = ChaCha8Rng;

/// One item of a non-empty list, uniformly.
pub(super) fn pick<'a, T>(rng: &mut DemoRng, items: &'a [T]) -> &'a T {
    // Every list passed here is a non-empty constant or checked non-empty by the caller.
    &items[rng.random_range(0..items.len())]
}

/// One item of a non-empty table of (item, weight), in proportion to the weights.
pub(super) fn weighted<T: Copy>(rng: &mut DemoRng, table: &[(T, u32)]) -> T {
    let total: u32 = table.iter().map(|(_, w)| w).sum();
    // Every table is a constant with a positive total weight.
    let mut r = rng.random_range(0..total);
    for (item, w) in table {
        if r < *w {
            return *item;
        }
        r -= w;
    }
    table[table.len() - 1].0
}

/// True with probability `p` (a constant between 0 and 1).
pub(super) fn chance(rng: &mut DemoRng, p: f64) -> bool {
    rng.random_bool(p)
}

/// A whole number in `lo..=hi`.
pub(super) fn between(rng: &mut DemoRng, lo: u64, hi: u64) -> u64 {
    rng.random_range(lo..=hi)
}

pub(super) fn days_before(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap_or(NaiveDate::MIN)
}

pub(super) fn days_after(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(NaiveDate::MAX)
}

/// Whole days from `earlier` to `later` (negative if `later` is earlier).
pub(super) fn days_from(earlier: NaiveDate, later: NaiveDate) -> i64 {
    (later - earlier).num_days()
}

/// `d` at a minute of the day (0–1439).
pub(super) fn at(d: NaiveDate, minute_of_day: u32) -> NaiveDateTime {
    let time = NaiveTime::from_num_seconds_from_midnight_opt(minute_of_day.min(1439) * 60, 0)
        .unwrap_or(NaiveTime::MIN);
    d.and_time(time)
}

/// A random time on `d` between `from` and `to` (hours, `to` exclusive).
pub(super) fn time_on(rng: &mut DemoRng, d: NaiveDate, from: u32, to: u32) -> NaiveDateTime {
    at(d, rng.random_range(from * 60..to * 60))
}

/// `n` flags of which exactly `count` (at most `n`) are set, at random places: shares
/// that must come out right even in a small demo.
pub(super) fn exactly(rng: &mut DemoRng, n: usize, count: usize) -> Vec<bool> {
    let mut out = vec![false; n];
    for i in rand::seq::index::sample(rng, n, count.min(n)) {
        out[i] = true;
    }
    out
}

/// `percent` of `n`, rounded.
pub(super) fn share(n: usize, percent: usize) -> usize {
    (n * percent + 50) / 100
}
