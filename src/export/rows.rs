//! Export rows: one per resident per roll call, in roll-call order.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::client::find_row;
use crate::domain::names::display_name;
use crate::domain::roll_call::{Presence, RollCall};
use crate::domain::shift::Shift;
use crate::domain::{ClientRow, Staff};

/// Where a row's presence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkSource {
    /// Someone marked the resident.
    Marked,
    /// Nobody did; the resident's status implies it (izin, sakit, dirujuk, kabur).
    Implied,
    /// Nobody did and the status implies nothing: the roll call missed the resident.
    Unmarked,
}

/// One resident in one roll call, as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollCallRecord {
    /// The date the shift started on.
    pub date: NaiveDate,
    pub shift: Shift,
    pub reg_no: String,
    /// The name, or the nickname in quotes when the name is not known.
    pub name: String,
    /// Room and bed, as on screen (`A1-2`).
    pub room: String,
    /// The mark made, else the one the status implies; `None` if neither.
    pub presence: Option<Presence>,
    pub source: MarkSource,
    pub note: String,
    /// User name of whoever marked (or their display name, see [`name_staff`]); empty
    /// unless marked.
    pub marked_by: String,
    pub marked_at: Option<NaiveDateTime>,
}

/// The rows of `roll_calls`, in the order given and each roll call's row order, with the
/// residents' names and rooms from `residents` (the roster list, in id order).
pub fn rollcall_rows(roll_calls: &[RollCall], residents: &[ClientRow]) -> Vec<RollCallRecord> {
    let total = roll_calls.iter().map(|rc| rc.rows.len()).sum();
    let mut out = Vec::with_capacity(total);
    for rc in roll_calls {
        for row in &rc.rows {
            let c = find_row(residents, row.client);
            let source = match (&row.mark, row.implied) {
                (Some(_), _) => MarkSource::Marked,
                (None, Some(_)) => MarkSource::Implied,
                (None, None) => MarkSource::Unmarked,
            };
            let mark = row.mark.as_ref();
            out.push(RollCallRecord {
                date: rc.slot.date,
                shift: rc.slot.shift,
                reg_no: c.map_or_else(|| format!("#{}", row.client.0), |c| c.reg_no.to_string()),
                name: c.map_or_else(String::new, |c| display_name(&c.name, &c.nickname)),
                room: c.map_or_else(String::new, |c| {
                    crate::domain::client::room_and_bed(&c.room, &c.bed)
                }),
                presence: row.presence(),
                source,
                note: mark.map(|m| m.note.clone()).unwrap_or_default(),
                marked_by: mark.map(|m| m.by.to_string()).unwrap_or_default(),
                marked_at: mark.map(|m| m.at),
            });
        }
    }
    out
}

/// Replaces user names in `Dicatat oleh` by the staff's display names where known
/// (`siti` → `Siti Nurhayati`).
pub fn name_staff(rows: &mut [RollCallRecord], staff: &[Staff]) {
    for row in rows {
        if let Some(s) = staff.iter().find(|s| s.username == row.marked_by) {
            row.marked_by = s.display_name.clone();
        }
    }
}
