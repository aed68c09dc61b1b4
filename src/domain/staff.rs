//! Staff accounts, their roles, and the facility's own settings.

use serde::{Deserialize, Serialize};

use super::shift::ShiftTimes;

/// What a staff member may do; each role includes the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// petugas: daily records, resident edits, status changes.
    Staff,
    /// koordinator piket: also schedules and exits.
    Supervisor,
    /// kepala UPT: everything, including staff accounts and the audit trail.
    Head,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Staff, Role::Supervisor, Role::Head];

    /// True if this role may do what `needed` allows.
    pub fn allows(self, needed: Role) -> bool {
        self >= needed
    }
}

/// A staff account, keyed by OS user name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    /// The OS user name the account belongs to.
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    pub revision: u64,
}

/// The facility's own settings, set at first run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facility {
    pub name: String,
    /// Beds available; headcount is shown against it.
    pub capacity: u32,
    /// When the pagi, siang and malam shifts start (the head may change them).
    pub shifts: ShiftTimes,
    pub revision: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_include_the_ones_below() {
        assert!(Role::Head.allows(Role::Supervisor));
        assert!(Role::Supervisor.allows(Role::Staff));
        assert!(!Role::Staff.allows(Role::Supervisor));
        assert!(!Role::Supervisor.allows(Role::Head));
    }
}
