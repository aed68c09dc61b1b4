//! Staff accounts (kepala only, see `roles`): the list, new accounts for OS users, and
//! changes of name, role and active flag that never leave the facility without an
//! active head.

use super::Act;
use super::audit::{change, entry};
use super::limits::MAX_TEXT;
use super::roles::display_name;
use crate::domain::audit::{AuditAction, FieldChange, RecordRef};
use crate::domain::reasons::{BAD_USERNAME, LAST_HEAD, NAME_REQUIRED, STAFF_EXISTS, TEXT_TOO_LONG};
use crate::domain::{Refusal, Role, Staff};
use crate::store::Store;

/// Longest OS user name accepted (as `useradd` on Linux).
const MAX_USERNAME: usize = 32;

/// What `UpdateStaff` sets on an account.
pub(super) struct StaffChange<'a> {
    pub display_name: &'a str,
    pub role: Role,
    pub active: bool,
}

fn wrong(code: &str) -> Refusal {
    Refusal::WrongState(code.to_string())
}

/// Whether `name` looks like an OS user name: 1–32 characters of `[a-z_][a-z0-9_-]*`,
/// optionally ending in `$` (as `useradd` accepts by default).
fn is_os_username(name: &str) -> bool {
    let body = name.strip_suffix('$').unwrap_or(name);
    let mut chars = body.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    name.len() <= MAX_USERNAME
        && (first.is_ascii_lowercase() || first == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// A display name, trimmed: required, at most `MAX_TEXT` characters.
fn checked_name(text: &str) -> Result<String, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        Err(wrong(NAME_REQUIRED))
    } else if text.chars().count() > MAX_TEXT {
        Err(wrong(TEXT_TOO_LONG))
    } else {
        Ok(text.to_string())
    }
}

fn is_active_head(staff: &Staff) -> bool {
    staff.active && staff.role == Role::Head
}

/// An account's fields as the audit shows them.
fn shown(staff: &Staff) -> [(&'static str, String); 3] {
    [
        ("name", staff.display_name.clone()),
        ("role", format!("{:?}", staff.role)),
        ("active", staff.active.to_string()),
    ]
}

/// Every account, by user name.
pub(super) fn list(act: &Act<'_>) -> Result<Vec<Staff>, Refusal> {
    let mut all = act.store.all_staff()?;
    all.sort_by(|a, b| a.username.cmp(&b.username));
    Ok(all)
}

/// A new active account for the OS user `username` (trimmed), at revision 1.
pub(super) fn add(
    act: &Act<'_>,
    username: &str,
    display_name: &str,
    role: Role,
) -> Result<Staff, Refusal> {
    let username = username.trim();
    if !is_os_username(username) {
        return Err(wrong(BAD_USERNAME));
    }
    let staff = Staff {
        username: username.to_string(),
        display_name: checked_name(display_name)?,
        role,
        active: true,
        revision: 1,
    };
    let audit = entry(
        act.now,
        &act.me.username,
        RecordRef::Staff(staff.username.clone()),
        AuditAction::Created,
        shown(&staff)
            .into_iter()
            .map(|(field, value)| change(field, "", value))
            .collect(),
    );
    act.store.transact(|tx| {
        if tx.staff(username)?.is_some() {
            return Err(wrong(STAFF_EXISTS).into());
        }
        tx.put_staff(&staff)?;
        tx.append_audit(&audit)?;
        Ok(staff.clone())
    })
}

/// How an update's transaction ended without a refusal.
enum Outcome {
    Saved(Staff),
    /// The account moved past the user's revision; the refusal is worded outside the
    /// transaction, which cannot read the audit trail.
    Stale(Staff),
}

/// Changes an account's name, role and active flag. Refuses a change that would leave no
/// active head (demoting or disabling the last one, oneself included). An unchanged
/// account writes nothing and is returned as stored.
pub(super) fn update(
    act: &Act<'_>,
    username: &str,
    base_revision: u64,
    wanted: StaffChange<'_>,
) -> Result<Staff, Refusal> {
    // A sled transaction cannot scan a tree, so the other heads are counted before it.
    // Commands that write hold the service's write lock, so this cannot change meanwhile.
    let another_head = act
        .store
        .all_staff()?
        .iter()
        .any(|s| s.username != username && is_active_head(s));
    let by = act.me.username.as_str();
    let outcome = act.store.transact(|tx| {
        let current = tx.staff(username)?.ok_or(Refusal::NotFound)?;
        if current.revision != base_revision {
            return Ok(Outcome::Stale(current));
        }
        let mut next = Staff {
            display_name: checked_name(wanted.display_name)?,
            role: wanted.role,
            active: wanted.active,
            ..current.clone()
        };
        if next == current {
            return Ok(Outcome::Saved(current));
        }
        if is_active_head(&current) && !is_active_head(&next) && !another_head {
            return Err(wrong(LAST_HEAD).into());
        }
        next.revision += 1;
        tx.put_staff(&next)?;
        tx.append_audit(&entry(
            act.now,
            by,
            RecordRef::Staff(next.username.clone()),
            AuditAction::Updated,
            differences(&current, &next),
        ))?;
        Ok(Outcome::Saved(next))
    })?;
    match outcome {
        Outcome::Saved(staff) => Ok(staff),
        Outcome::Stale(current) => Err(stale(act, current)?),
    }
}

/// The fields that differ between two versions of an account.
fn differences(before: &Staff, after: &Staff) -> Vec<FieldChange> {
    shown(before)
        .into_iter()
        .zip(shown(after))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, a), (_, b))| change(field, a, b))
        .collect()
}

/// The conflict for an account that moved on: who wrote its latest audit entry, and
/// when. An account without entries of its own came from setup or the demo import, so
/// the trail's first setup or import entry names who made it.
fn stale(act: &Act<'_>, current: Staff) -> Result<Refusal, Refusal> {
    let (by, at) = last_change(act.store, &current.username)?
        .unwrap_or_else(|| (current.username.clone(), act.now));
    Ok(Refusal::StaleStaff {
        by_name: display_name(act.store, &by)?,
        at,
        current,
    })
}

/// Who made the latest audit entry about `username`'s account and when; failing that,
/// the trail's first `SetUp` or `DemoLoaded` entry.
fn last_change(
    store: &Store,
    username: &str,
) -> Result<Option<(String, chrono::NaiveDateTime)>, Refusal> {
    let mut creation = None;
    for item in store.audit_entries_rev() {
        let e = item?;
        match (&e.record, e.action) {
            (RecordRef::Staff(who), _) if who == username => return Ok(Some((e.by, e.at))),
            (_, AuditAction::SetUp | AuditAction::DemoLoaded) => creation = Some((e.by, e.at)),
            _ => {}
        }
    }
    Ok(creation)
}

#[cfg(test)]
mod tests {
    use super::is_os_username;

    #[test]
    fn os_user_names() {
        for good in [
            "budi",
            "_svc",
            "a",
            "sari-w",
            "op_2",
            "host$",
            &"a".repeat(32),
        ] {
            assert!(is_os_username(good), "{good}");
        }
        let long = "a".repeat(33);
        for bad in [
            "",
            "$",
            "Budi",
            "1budi",
            "-budi",
            "budi santoso",
            "bu$di",
            "budi$$",
            "budí",
            &long,
        ] {
            assert!(!is_os_username(bad), "{bad}");
        }
    }
}
