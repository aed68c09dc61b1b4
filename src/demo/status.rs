//! Where current residents are now: about 85% active, 5% on leave (a few overdue), 4% ill,
//! 3% referred out and 3% absconded, given to residents who have been there long enough.

use rand::seq::SliceRandom;

use super::pick::{DemoRng, share};

/// The status a current resident ends up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Now {
    Active,
    Leave { overdue: bool },
    Sick,
    Referred,
    Absconded,
}

/// Statuses for current residents who have been in residence `days[i]` days each.
pub(super) fn assign(rng: &mut DemoRng, days: &[i64]) -> Vec<Now> {
    let n = days.len();
    let leave = share(n, 5);
    let overdue = leave.div_ceil(3);
    // (status, how many, fewest days in residence), strictest first.
    let quotas = [
        (Now::Leave { overdue: true }, overdue, 45),
        (Now::Leave { overdue: false }, leave - overdue, 40),
        (Now::Referred, share(n, 3), 25),
        (Now::Absconded, share(n, 3), 10),
        (Now::Sick, share(n, 4), 7),
    ];
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(rng);
    let mut out = vec![Now::Active; n];
    for (now, count, min_days) in quotas {
        let mut given = 0;
        // Walk the shuffled order once per status; residents already given one are skipped.
        for &i in &order {
            if given == count {
                break;
            }
            if out[i] == Now::Active && days[i] >= min_days {
                out[i] = now;
                given += 1;
            }
        }
    }
    out
}
