//! Resident records: the roster, one resident in full, likely duplicates, intake and edits.

use chrono::Datelike;

use super::Act;
use super::audit::{created, entry, updated};
use super::roles::{check_revision, display_name};
use crate::domain::audit::{AuditAction, RecordRef};
use crate::domain::duplicates::{DuplicateMatch, likely_duplicates};
use crate::domain::reasons::{ADMITTED_AFTER_EXIT, ADMITTED_BEFORE_PREVIOUS_EXIT};
use crate::domain::{
    Client, ClientDraft, ClientId, ClientRow, Field, FieldProblem, Problem, Refusal, Status,
    StatusChange, StatusDetail, Stay,
};
use crate::protocol::ClientView;
use crate::store::{Tx, TxResult};

/// Every resident as a roster row, in id order.
pub(super) fn list(act: &Act<'_>) -> Result<Vec<ClientRow>, Refusal> {
    Ok(act
        .store
        .with_client_facts(|all| all.iter().map(|f| f.row.clone()).collect())?)
}

/// One resident in full, with the display name of whoever last changed it.
pub(super) fn get(act: &Act<'_>, id: ClientId) -> Result<ClientView, Refusal> {
    let client = act.store.client(id)?.ok_or(Refusal::NotFound)?;
    let changed_by_name = display_name(act.store, &client.changed_by)?;
    Ok(ClientView {
        client,
        changed_by_name,
    })
}

/// Residents who look like the person in `draft`, best match first.
pub(super) fn duplicates(
    act: &Act<'_>,
    draft: &ClientDraft,
    editing: Option<ClientId>,
) -> Result<Vec<DuplicateMatch>, Refusal> {
    Ok(act
        .store
        .with_client_facts(|all| likely_duplicates(draft, all.iter().map(|f| &f.row), editing))?)
}

/// Room or bed as compared: "a1 " is A1.
fn place_key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// The resident other than `me` who holds `room` and `bed`: anyone not exited (izin,
/// sakit, dirujuk and kabur keep their bed). `None` when either is blank (a room alone
/// holds several beds). Commands that write run one at a time, so the facts read here
/// do not change before the caller's transaction.
pub(super) fn bed_holder(
    act: &Act<'_>,
    room: &str,
    bed: &str,
    me: Option<ClientId>,
) -> Result<Option<ClientRow>, Refusal> {
    let (room, bed) = (place_key(room), place_key(bed));
    if room.is_empty() || bed.is_empty() {
        return Ok(None);
    }
    Ok(act.store.with_client_facts(|all| {
        all.iter()
            .map(|f| &f.row)
            .find(|r| {
                Some(r.id) != me
                    && r.status != Status::Exited
                    && place_key(&r.room) == room
                    && place_key(&r.bed) == bed
            })
            .cloned()
    })?)
}

/// A `BedTaken` problem on the room field if another resident holds the draft's bed.
fn bed_problem(
    act: &Act<'_>,
    draft: &ClientDraft,
    me: Option<ClientId>,
) -> Result<Option<FieldProblem>, Refusal> {
    Ok(
        bed_holder(act, &draft.room, &draft.bed, me)?.map(|other| FieldProblem {
            field: Field::Room,
            problem: Problem::BedTaken {
                name: display_name_of(&other),
                reg_no: other.reg_no.to_string(),
            },
        }),
    )
}

fn display_name_of(row: &ClientRow) -> String {
    crate::domain::names::display_name(&row.name, &row.nickname)
}

/// Adds `problems` and a `NikTaken` problem if the draft's NIK belongs to a resident other
/// than `me`; refuses with all of them together, if any.
fn refuse_problems(
    tx: &Tx<'_>,
    draft: &ClientDraft,
    me: Option<ClientId>,
    problems: &[FieldProblem],
) -> TxResult<()> {
    let mut problems = problems.to_vec();
    if let Some(nik) = &draft.nik
        && let Some(holder) = tx.client_id_by_nik(nik)?
        && Some(holder) != me
        && let Some(other) = tx.client(holder)?
    {
        problems.push(FieldProblem {
            field: Field::Nik,
            problem: Problem::NikTaken {
                name: other.details.display_name(),
                reg_no: other.reg_no,
            },
        });
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Refusal::Invalid(problems).into())
    }
}

/// Intake: a new resident with a first stay from `draft.admitted`, status aktif.
pub(super) fn create(act: &Act<'_>, draft: &ClientDraft) -> Result<Client, Refusal> {
    let mut problems = draft.validate(act.today);
    problems.extend(bed_problem(act, draft, None)?);
    let by = act.me.username.as_str();
    act.store.transact(|tx| {
        refuse_problems(tx, draft, None, &problems)?;
        let id = tx.next_client_id()?;
        let year = draft.admitted.year();
        let serial = tx.next_reg_serial(year)?;
        let client = Client {
            id,
            revision: 1,
            reg_no: format!("{year}/{serial:04}"),
            details: draft.clone(),
            stays: vec![Stay {
                admitted: draft.admitted,
                referral: draft.referral,
                exited: None,
            }],
            history: vec![StatusChange {
                detail: StatusDetail::Active,
                date: draft.admitted,
                note: String::new(),
                recorded_by: by.to_string(),
                recorded_at: act.now,
            }],
            changed_by: by.to_string(),
            changed_at: act.now,
        };
        tx.put_client(&client)?;
        tx.append_audit(&entry(
            act.now,
            by,
            RecordRef::Client(id),
            AuditAction::Created,
            created(draft),
        ))?;
        Ok(client)
    })
}

/// Refuses an admission date that would move the current stay across a neighbouring
/// exit: before the previous stay's exit, or after this stay's own exit.
fn check_stay_bounds(client: &Client, admitted: chrono::NaiveDate) -> Result<(), Refusal> {
    let n = client.stays.len();
    let previous_exit = n
        .checked_sub(2)
        .and_then(|i| client.stays.get(i))
        .and_then(|s| s.exited);
    if previous_exit.is_some_and(|exit| admitted < exit) {
        return Err(Refusal::WrongState(ADMITTED_BEFORE_PREVIOUS_EXIT.into()));
    }
    let own_exit = client.stays.last().and_then(|s| s.exited);
    if own_exit.is_some_and(|exit| admitted > exit) {
        return Err(Refusal::WrongState(ADMITTED_AFTER_EXIT.into()));
    }
    Ok(())
}

/// Replaces a resident's details. The current stay's admission date and referral follow
/// the draft. A draft equal to the stored details writes nothing and returns the stored
/// record, whatever revision it was based on.
pub(super) fn update(
    act: &Act<'_>,
    id: ClientId,
    base_revision: u64,
    draft: &ClientDraft,
) -> Result<Client, Refusal> {
    let mut problems = draft.validate(act.today);
    problems.extend(bed_problem(act, draft, Some(id))?);
    let by = act.me.username.as_str();
    act.store.transact(|tx| {
        let current = tx.client(id)?.ok_or(Refusal::NotFound)?;
        // Already what the draft says (an unchanged form, or this same save sent again
        // after a timeout went through): nothing to write, and no conflict to show.
        if current.details == *draft {
            return Ok(current);
        }
        check_revision(tx, &current, base_revision)?;
        // A bed shared before this edit (older records) does not block other changes.
        let same_place = place_key(&current.details.room) == place_key(&draft.room)
            && place_key(&current.details.bed) == place_key(&draft.bed);
        let problems: Vec<FieldProblem> = problems
            .iter()
            .filter(|p| !(same_place && matches!(p.problem, Problem::BedTaken { .. })))
            .cloned()
            .collect();
        refuse_problems(tx, draft, Some(id), &problems)?;
        check_stay_bounds(&current, draft.admitted)?;
        let mut client = current.clone();
        client.details = draft.clone();
        if let Some(stay) = client.stays.last_mut() {
            stay.admitted = draft.admitted;
            stay.referral = draft.referral;
        }
        client.record_change(by, act.now);
        tx.put_client(&client)?;
        tx.append_audit(&entry(
            act.now,
            by,
            RecordRef::Client(id),
            AuditAction::Updated,
            updated(&current.details, draft),
        ))?;
        Ok(client)
    })
}
