//! The demo facility and its staff: the head, two shift supervisors and four staff.

use crate::domain::{Facility, Role, Staff};

/// Display name of the head, whatever user name the head logs in with.
const HEAD_NAME: &str = "Hartono, S.Sos";

/// Fictional staff accounts in order of preference; the first two not taken by the head
/// become supervisors, the next four staff.
const OTHERS: &[(&str, &str)] = &[
    ("siti", "Siti Nurhayati"),
    ("budi", "Budi Santoso"),
    ("dewi", "Dewi Lestari"),
    ("agus", "Agus Prasetyo"),
    ("rina", "Rina Wulandari"),
    ("yusuf", "Yusuf Hidayat"),
    ("eko", "Eko Saputro"),
];

/// The facility with room for about 110% of `residents`, rounded to 5.
pub(super) fn facility(residents: usize) -> Facility {
    let capacity = (residents.saturating_mul(11) + 25) / 50 * 5;
    Facility {
        name: "UPT Rehabilitasi Sosial Bina Karya Pasuruan (demo)".into(),
        capacity: u32::try_from(capacity.max(5)).unwrap_or(u32::MAX),
        shifts: crate::domain::shift::ShiftTimes::default(),
        revision: 1,
    }
}

/// Head first, then supervisors, then staff; all active, revision 1.
pub(super) fn staff(head_username: &str) -> Vec<Staff> {
    let account = |username: &str, display_name: &str, role| Staff {
        username: username.into(),
        display_name: display_name.into(),
        role,
        active: true,
        revision: 1,
    };
    let mut out = vec![account(head_username, HEAD_NAME, Role::Head)];
    let others = OTHERS.iter().filter(|(u, _)| *u != head_username);
    for (i, (username, name)) in others.take(6).enumerate() {
        let role = if i < 2 { Role::Supervisor } else { Role::Staff };
        out.push(account(username, name, role));
    }
    out
}

/// Who records what: any staff member for daily changes, a supervisor or the head for exits.
pub(super) struct Recorders {
    pub anyone: Vec<String>,
    pub exits: Vec<String>,
}

impl Recorders {
    pub fn new(staff: &[Staff]) -> Recorders {
        let names = |allowed: fn(Role) -> bool| -> Vec<String> {
            staff
                .iter()
                .filter(|s| allowed(s.role))
                .map(|s| s.username.clone())
                .collect()
        };
        Recorders {
            // Daily records are mostly the staff's and supervisors' work.
            anyone: names(|r| r != Role::Head),
            exits: names(|r| r.allows(Role::Supervisor)),
        }
    }
}
