//! First contact and first run: `Hello`, `Setup` on an empty store, and the demo import.

use chrono::NaiveDateTime;

use super::audit::{change, entry};
use super::limits::MAX_TEXT;
use crate::demo::DemoData;
use crate::domain::audit::{AuditAction, RecordRef};
use crate::domain::reasons::{
    CAPACITY_REQUIRED, FACILITY_NAME_REQUIRED, HEAD_NAME_REQUIRED, TEXT_TOO_LONG,
};
use crate::domain::shift::ShiftTimes;
use crate::domain::{Facility, Refusal, Role, Staff};
use crate::protocol::SessionInfo;
use crate::store::{Import, Store};

/// Who the caller is and which facility this is. Always answers; `me` is `None` without
/// an active account.
pub(super) fn hello(store: &Store, username: &str) -> Result<SessionInfo, Refusal> {
    let heads = store
        .all_staff()?
        .into_iter()
        .filter(|s| s.active && s.role == Role::Head);
    let account = store.staff(username)?;
    Ok(SessionInfo {
        username: username.to_string(),
        facility: store.facility()?,
        me: account.clone().filter(|s| s.active),
        disabled: account.is_some_and(|s| !s.active),
        heads: heads.map(|s| s.display_name).collect(),
    })
}

fn wrong(code: &str) -> Refusal {
    Refusal::WrongState(code.to_string())
}

/// A required short text, trimmed.
fn required(text: &str, missing: &str) -> Result<String, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        Err(wrong(missing))
    } else if text.chars().count() > MAX_TEXT {
        Err(wrong(TEXT_TOO_LONG))
    } else {
        Ok(text.to_string())
    }
}

/// Names the facility and makes the caller its head; only on a store without a facility.
pub(super) fn setup(
    store: &Store,
    username: &str,
    now: NaiveDateTime,
    facility_name: &str,
    capacity: u32,
    head_name: &str,
) -> Result<SessionInfo, Refusal> {
    if store.facility()?.is_some() {
        return Err(Refusal::AlreadySetUp);
    }
    let facility = Facility {
        name: required(facility_name, FACILITY_NAME_REQUIRED)?,
        capacity,
        shifts: ShiftTimes::default(),
        revision: 1,
    };
    let head_name = required(head_name, HEAD_NAME_REQUIRED)?;
    if capacity == 0 {
        return Err(wrong(CAPACITY_REQUIRED));
    }
    let head = Staff {
        username: username.to_string(),
        display_name: head_name,
        role: Role::Head,
        active: true,
        revision: store.staff(username)?.map_or(1, |s| s.revision + 1),
    };
    let audit = entry(
        now,
        username,
        RecordRef::Facility,
        AuditAction::SetUp,
        vec![
            change("facility_name", "", facility.name.clone()),
            change("capacity", "", capacity.to_string()),
            change(
                "head",
                "",
                format!("{} ({})", head.display_name, head.username),
            ),
        ],
    );
    store.transact(|tx| {
        if tx.facility()?.is_some() {
            return Err(Refusal::AlreadySetUp.into());
        }
        tx.put_facility(&facility)?;
        tx.put_staff(&head)?;
        tx.append_audit(&audit)?;
        Ok(())
    })?;
    Ok(SessionInfo {
        username: username.to_string(),
        facility: Some(facility),
        heads: vec![head.display_name.clone()],
        me: Some(head),
        disabled: false,
    })
}

/// Writes the demo facility, its staff, residents, roll-call marks and handover notes
/// into a store without a facility, flushed once at the end. The audit entry names the
/// demo's first head (or "demo").
pub(super) fn load_demo(store: &Store, now: NaiveDateTime, data: &DemoData) -> Result<(), Refusal> {
    if store.facility()?.is_some() {
        return Err(Refusal::AlreadySetUp);
    }
    let by = data
        .staff
        .iter()
        .find(|s| s.role == Role::Head)
        .map_or("demo", |s| s.username.as_str());
    let audit = entry(
        now,
        by,
        RecordRef::Facility,
        AuditAction::DemoLoaded,
        vec![
            change("facility_name", "", data.facility.name.clone()),
            change("staff", "", data.staff.len().to_string()),
            change("clients", "", data.clients.len().to_string()),
            change("marks", "", data.marks.len().to_string()),
            change("handovers", "", data.handovers.len().to_string()),
        ],
    );
    store.import(Import {
        facility: &data.facility,
        staff: &data.staff,
        clients: &data.clients,
        marks: &data.marks,
        handovers: &data.handovers,
        audit: &audit,
    })
}
