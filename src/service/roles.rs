//! Who is acting and what they may do: the role each request needs (one table, checked
//! by `dispatch` before any command runs), the staff account behind an OS user, and the
//! names shown for "changed by".
//!
//! The matrix: petugas (staff) record roll calls, attendance, notes, handover notes and
//! status changes and edit residents; the koordinator piket (supervisor) also manages
//! schedules and exits and corrects roll calls of ended shifts; the kepala (head) does
//! everything, including staff accounts, shift times and the audit trail.

use crate::domain::{Client, Refusal, Role, Staff, Status};
use crate::protocol::Request;
use crate::store::{Store, Tx, TxResult};

/// The role a request needs; `None` for the two a caller may make without any account
/// (`Hello`, and `Setup`, which refuses itself once the facility exists). Add each new
/// request here.
pub fn needed_role(request: &Request) -> Option<Role> {
    match request {
        Request::Hello | Request::Setup { .. } => None,
        // Marks need a supervisor once the shift has ended (a correction); `marks`
        // checks that, as it depends on the clock and the facility's shift times.
        Request::Today
        | Request::Online
        | Request::StaffNames
        | Request::RollCall(_)
        | Request::RollCalls { .. }
        | Request::Mark { .. }
        | Request::MarkAllPresent { .. }
        | Request::AddHandover { .. }
        | Request::Handovers { .. } => Some(Role::Staff),
        Request::SetShiftTimes(_) => Some(Role::Head),
        Request::ListClients
        | Request::GetClient(_)
        | Request::CheckDuplicates { .. }
        | Request::CreateClient(_)
        | Request::UpdateClient { .. }
        | Request::Readmit { .. } => Some(Role::Staff),
        Request::UndoStatus { .. } => Some(Role::Supervisor),
        Request::ChangeStatus { change, .. } => Some(if change.detail.status() == Status::Exited {
            Role::Supervisor
        } else {
            Role::Staff
        }),
        Request::ListStaff
        | Request::AddStaff { .. }
        | Request::UpdateStaff { .. }
        | Request::ListAudit(_)
        | Request::Backup { .. }
        | Request::Check => Some(Role::Head),
    }
}

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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::needed_role;
    use crate::domain::roll_call::Presence;
    use crate::domain::shift::{Shift, ShiftSlot, ShiftTimes};
    use crate::domain::{ClientDraft, ClientId, ExitReason, ReferralSource, Role, StatusDetail};
    use crate::protocol::{AuditFilter, Request, StatusInput};

    fn status(detail: StatusDetail) -> Request {
        let date = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        Request::ChangeStatus {
            id: ClientId(1),
            base_revision: 1,
            change: StatusInput {
                detail,
                date,
                note: String::new(),
            },
        }
    }

    #[test]
    fn each_request_names_its_role() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let draft = ClientDraft::new(date);
        let slot = ShiftSlot {
            date,
            shift: Shift::Night,
        };
        let table = [
            (Request::Hello, None),
            (
                Request::Setup {
                    facility_name: "UPT".into(),
                    capacity: 10,
                    head_name: "Ibu".into(),
                },
                None,
            ),
            (Request::ListClients, Some(Role::Staff)),
            (Request::GetClient(ClientId(1)), Some(Role::Staff)),
            (
                Request::CheckDuplicates {
                    draft: draft.clone(),
                    editing: None,
                },
                Some(Role::Staff),
            ),
            (Request::CreateClient(draft.clone()), Some(Role::Staff)),
            (
                Request::UpdateClient {
                    id: ClientId(1),
                    base_revision: 1,
                    draft,
                },
                Some(Role::Staff),
            ),
            (status(StatusDetail::Sick), Some(Role::Staff)),
            (
                status(StatusDetail::Leave {
                    expected_return: date,
                }),
                Some(Role::Staff),
            ),
            (
                status(StatusDetail::Exited {
                    reason: ExitReason::ReturnedToFamily,
                    destination: String::new(),
                }),
                Some(Role::Supervisor),
            ),
            (
                Request::Readmit {
                    id: ClientId(1),
                    base_revision: 1,
                    admitted: date,
                    referral: ReferralSource::Raid,
                },
                Some(Role::Staff),
            ),
            (Request::ListStaff, Some(Role::Head)),
            (
                Request::AddStaff {
                    username: "budi".into(),
                    display_name: "Budi".into(),
                    role: Role::Staff,
                },
                Some(Role::Head),
            ),
            (
                Request::UpdateStaff {
                    username: "budi".into(),
                    base_revision: 1,
                    display_name: "Budi".into(),
                    role: Role::Staff,
                    active: true,
                },
                Some(Role::Head),
            ),
            (Request::ListAudit(AuditFilter::default()), Some(Role::Head)),
            (Request::Today, Some(Role::Staff)),
            (Request::Online, Some(Role::Staff)),
            (Request::RollCall(slot), Some(Role::Staff)),
            (
                Request::RollCalls {
                    from: date,
                    to: date,
                },
                Some(Role::Staff),
            ),
            (
                Request::Mark {
                    slot,
                    client: ClientId(1),
                    presence: Presence::Absconded,
                    note: String::new(),
                    last_seen: None,
                },
                Some(Role::Staff),
            ),
            (
                Request::MarkAllPresent {
                    slot,
                    clients: vec![ClientId(1)],
                },
                Some(Role::Staff),
            ),
            (
                Request::AddHandover {
                    text: "Aman.".into(),
                    slot: None,
                },
                Some(Role::Staff),
            ),
            (
                Request::Handovers {
                    before: None,
                    limit: 5,
                },
                Some(Role::Staff),
            ),
            (
                Request::SetShiftTimes(ShiftTimes::default()),
                Some(Role::Head),
            ),
        ];
        for (request, role) in table {
            assert_eq!(needed_role(&request), role, "{request:?}");
        }
    }
}
