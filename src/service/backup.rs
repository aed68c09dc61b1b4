//! Backups and the consistency check, as commands of the head: `dispatch` holds the write
//! lock around both, so no command interleaves.

use std::path::Path;

use super::Act;
use super::audit::{change, entry};
use crate::domain::Refusal;
use crate::domain::audit::{AuditAction, RecordRef};
use crate::protocol::{BackupSummary, CheckReport};
use crate::store::BackupError;

/// The OS user the server runs as: whoever must be able to write the backup's directory.
fn server_user() -> String {
    uzers::get_current_username()
        .and_then(|name| name.into_string().ok())
        .unwrap_or_else(|| format!("uid {}", uzers::get_current_uid()))
}

/// Writes a snapshot of the whole store to `path`, then records when (for Hari ini) with
/// an audit entry. A backup that fails leaves no file behind and records nothing.
pub(super) fn backup(act: &Act<'_>, path: &Path) -> Result<BackupSummary, Refusal> {
    let summary = act.store.write_backup(path, act.now).map_err(|e| match e {
        BackupError::Write { .. } => Refusal::Storage(format!(
            "{e}; the server writes backups as its own OS user ({}), so choose a directory it may write",
            server_user()
        )),
        other => Refusal::Storage(other.to_string()),
    })?;
    let changes = vec![
        change("file", "", path.display().to_string()),
        change("bytes", "", summary.bytes.to_string()),
        change("records", "", summary.records.to_string()),
    ];
    let record = entry(
        act.now,
        &act.me.username,
        RecordRef::Facility,
        AuditAction::BackedUp,
        changes,
    );
    act.store.transact(|tx| {
        tx.set_last_backup(act.now)?;
        tx.append_audit(&record)?;
        Ok(())
    })?;
    Ok(summary)
}

/// Checks the whole store.
pub(super) fn check(act: &Act<'_>) -> Result<CheckReport, Refusal> {
    Ok(act.store.check()?)
}
