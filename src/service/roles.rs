//! Who is acting and what they may do: the staff account behind an OS user, role checks,
//! and the names shown for "changed by".

use crate::domain::{Client, Refusal, Role, Staff};
use crate::store::{Store, Tx, TxResult};

/// The active staff account of `username`; `NoAccount` if there is none or it is
/// inactive.
pub(super) fn acting(store: &Store, username: &str) -> Result<Staff, Refusal> {
    match store.staff(username)? {
        Some(staff) if staff.active => Ok(staff),
        _ => Err(Refusal::NoAccount(username.to_string())),
    }
}

/// Refuses unless `me` has at least `needed`.
pub(super) fn require(me: &Staff, needed: Role) -> Result<(), Refusal> {
    if me.role.allows(needed) {
        Ok(())
    } else {
        Err(Refusal::NeedsRole(needed))
    }
}

/// The display name of `username`'s account, or the user name if there is no account.
pub(super) fn display_name(store: &Store, username: &str) -> Result<String, Refusal> {
    Ok(store
        .staff(username)?
        .map_or_else(|| username.to_string(), |s| s.display_name))
}

/// Refuses with `Conflict` (naming who changed it and when) unless `current` is still at
/// `base_revision`.
pub(super) fn check_revision(tx: &Tx<'_>, current: &Client, base_revision: u64) -> TxResult<()> {
    if current.revision == base_revision {
        return Ok(());
    }
    let by_name = tx
        .staff(&current.changed_by)?
        .map_or_else(|| current.changed_by.clone(), |s| s.display_name);
    Err(Refusal::Conflict {
        by_name,
        at: current.changed_at,
        current: Box::new(current.clone()),
    }
    .into())
}
