//! Who did what: the audit trail (kepala only, see `roles`), entries matching a filter,
//! newest first, read lazily so a limit stops the scan early; and the names every staff
//! member's screens show for the logins in it, in status histories and roll calls.

use super::Act;
use crate::domain::Refusal;
use crate::domain::audit::AuditEntry;
use crate::protocol::{AuditFilter, StaffName};

/// Whether `entry` passes every part of `filter` that is set.
fn matches(filter: &AuditFilter, entry: &AuditEntry) -> bool {
    let day = entry.at.date();
    filter.by.as_ref().is_none_or(|by| *by == entry.by)
        && filter.from.is_none_or(|from| day >= from)
        && filter.to.is_none_or(|to| day <= to)
        && filter.record.as_ref().is_none_or(|r| *r == entry.record)
        && filter.kind.is_none_or(|k| k.holds(&entry.record))
}

/// Entries matching `filter`, newest first, at most `filter.limit` (0: all).
pub(super) fn list(act: &Act<'_>, filter: &AuditFilter) -> Result<Vec<AuditEntry>, Refusal> {
    let limit = match filter.limit {
        0 => usize::MAX,
        n => usize::try_from(n).unwrap_or(usize::MAX),
    };
    act.store
        .audit_entries_rev()
        .filter(|item| item.as_ref().map_or(true, |e| matches(filter, e)))
        .take(limit)
        .map(|item| item.map_err(Refusal::from))
        .collect()
}

/// Every account's login and display name (inactive ones too: they still appear in old
/// entries); a blank display name falls back to the login.
pub(super) fn staff_names(act: &Act<'_>) -> Result<Vec<StaffName>, Refusal> {
    Ok(act
        .store
        .all_staff()?
        .into_iter()
        .map(|s| StaffName {
            display_name: if s.display_name.trim().is_empty() {
                s.username.clone()
            } else {
                s.display_name
            },
            username: s.username,
        })
        .collect())
}
