//! The roll call (apel): one per shift, a mark per resident in residence. Marks are stored
//! one record per resident, so two staff marking at once end with the union of both.

use std::cmp::Ordering;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::client::{Client, ClientId, ClientRow};
use super::client_facts::{ClientFacts, status_among, stays_cover};
use super::shift::{Shift, ShiftSlot, ShiftTimes};
use super::status::Status;

/// What a roll call records about a resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Presence {
    /// hadir
    Present,
    /// izin
    Leave,
    /// sakit
    Sick,
    /// dirujuk
    Referred,
    /// kabur
    Absconded,
}

impl Presence {
    pub const ALL: [Presence; 5] = [
        Presence::Present,
        Presence::Leave,
        Presence::Sick,
        Presence::Referred,
        Presence::Absconded,
    ];

    /// The mark a resident's status implies before anyone marks them: izin, sakit,
    /// dirujuk and kabur residents are known to be away (kabur until someone marks them
    /// hadir, which records the return); aktif residents must be seen.
    pub fn implied_by(status: Status) -> Option<Presence> {
        match status {
            Status::Leave => Some(Presence::Leave),
            Status::Sick => Some(Presence::Sick),
            Status::Referred => Some(Presence::Referred),
            Status::Absconded => Some(Presence::Absconded),
            Status::Active | Status::Exited => None,
        }
    }

    /// The next mark when cycling with Space/Enter: hadir, izin, sakit, dirujuk, hadir…
    /// Never kabur: that mark needs the time last seen, so only its own key gives it.
    /// From kabur the cycle goes to hadir (a return, which the screen confirms first).
    pub fn next(self) -> Presence {
        match self {
            Presence::Present => Presence::Leave,
            Presence::Leave => Presence::Sick,
            Presence::Sick => Presence::Referred,
            Presence::Referred | Presence::Absconded => Presence::Present,
        }
    }

    /// The status a hadir mark ends for someone the roll call sees back: izin and dirujuk
    /// mean away, kabur gone. Sakit is ill in the facility, so hadir changes nothing.
    pub fn hadir_returns_from(status: Status) -> bool {
        matches!(status, Status::Leave | Status::Referred | Status::Absconded)
    }
}

/// How long after a shift has ended its roll call stays open to staf: a mark made at
/// 21:10 for the siang shift is a late mark, not a correction. After that, changes are
/// corrections (supervisor).
pub const LATE_MARK_GRACE_MINUTES: i64 = 30;

/// Where a roll call stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The shift has not started: nothing can be marked yet.
    NotStarted,
    /// The shift is running.
    Running,
    /// The shift ended at `ended`; staf may still mark until `until`.
    Grace {
        ended: NaiveDateTime,
        until: NaiveDateTime,
    },
    /// Past the grace period: a change is a correction (supervisor).
    Closed,
}

impl Phase {
    /// The phase of `slot`'s roll call at `now`.
    pub fn of(shifts: &ShiftTimes, slot: ShiftSlot, now: NaiveDateTime) -> Phase {
        let ended = shifts.end(slot);
        let until = ended + Duration::minutes(LATE_MARK_GRACE_MINUTES);
        if now < shifts.start(slot) {
            Phase::NotStarted
        } else if now < ended {
            Phase::Running
        } else if now < until {
            Phase::Grace { ended, until }
        } else {
            Phase::Closed
        }
    }
}

/// The status-history note of a return the roll call records: `kembali (apel pagi)`,
/// then the mark's own note if any. Stored with the record, so in the facility's language.
pub fn return_note(slot: ShiftSlot, mark_note: &str) -> String {
    let shift = match slot.shift {
        Shift::Morning => "pagi",
        Shift::Afternoon => "siang",
        Shift::Night => "malam",
    };
    let note = mark_note.trim();
    if note.is_empty() {
        format!("kembali (apel {shift})")
    } else {
        format!("kembali (apel {shift}): {note}")
    }
}

/// One resident's mark in one roll call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub slot: ShiftSlot,
    pub client: ClientId,
    pub presence: Presence,
    /// Why sakit, where dirujuk, when last seen…
    pub note: String,
    /// Staff user name of whoever marked, and when (WIB). Held inline: a roll call of
    /// thousands allocates nothing per mark for it.
    pub by: CompactString,
    pub at: NaiveDateTime,
}

/// A roll call row: who, their mark if made, the mark their status implies, and that
/// status as it was on the roll call's date (a past roll call shows the status then, not
/// today's). The resident's name and room are theirs as they are now: a screen joins
/// them from its roster rows, so a roll call carries each resident once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RollCallRow {
    pub client: ClientId,
    pub mark: Option<Mark>,
    pub implied: Option<Presence>,
    /// One byte, in what was padding: a roll call of thousands grows by nothing.
    pub status: Option<Status>,
}

impl RollCallRow {
    /// The mark that counts: the one made, else the one the status implies.
    pub fn presence(&self) -> Option<Presence> {
        self.mark.as_ref().map(|m| m.presence).or(self.implied)
    }
}

/// True if one of the resident's stays covers `date` (see `client_facts::stays_cover`).
pub fn in_residence_on(client: &Client, date: NaiveDate) -> bool {
    stays_cover(client.stays.iter().map(|s| (s.admitted, s.exited)), date)
}

/// The status in effect on `date`: the last history entry dated on or before it.
pub fn status_on(client: &Client, date: NaiveDate) -> Option<Status> {
    let newest_first = client.history.iter().rev();
    status_among(newest_first.map(|c| (c.date, c.detail.status())), date)
}

/// Compares two texts as people number rooms and beds: runs of digits by value, the rest
/// ignoring case ("A2" < "a10" < "B1").
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        let (Some(ca), Some(cb)) = (a.chars().next(), b.chars().next()) else {
            return a.is_empty().cmp(&b.is_empty()).reverse();
        };
        let (chunk_a, rest_a) = split_chunk(a, ca.is_ascii_digit());
        let (chunk_b, rest_b) = split_chunk(b, cb.is_ascii_digit());
        let order = match (ca.is_ascii_digit(), cb.is_ascii_digit()) {
            (true, true) => {
                let (na, nb) = (
                    chunk_a.trim_start_matches('0'),
                    chunk_b.trim_start_matches('0'),
                );
                na.len().cmp(&nb.len()).then_with(|| na.cmp(nb))
            }
            _ => chunk_a.to_lowercase().cmp(&chunk_b.to_lowercase()),
        };
        if order != Ordering::Equal {
            return order;
        }
        (a, b) = (rest_a, rest_b);
    }
}

/// The leading run of digits (or of non-digits) of `s`, and the rest.
fn split_chunk(s: &str, digits: bool) -> (&str, &str) {
    let end = s
        .find(|c: char| c.is_ascii_digit() != digits)
        .unwrap_or(s.len());
    s.split_at(end)
}

/// The roll call order: by room and bed (numeric-aware), then name; residents without a
/// room last; the id settles ties so the order never changes between reads.
pub fn row_order(a: &ClientRow, b: &ClientRow) -> Ordering {
    let no_room = |r: &ClientRow| r.room.trim().is_empty();
    no_room(a)
        .cmp(&no_room(b))
        .then_with(|| natural_cmp(a.room.trim(), b.room.trim()))
        .then_with(|| natural_cmp(a.bed.trim(), b.bed.trim()))
        .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        .then_with(|| a.id.cmp(&b.id))
}

/// A whole roll call: every resident in residence during the slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RollCall {
    pub slot: ShiftSlot,
    /// Ordered by room and bed, then name.
    pub rows: Vec<RollCallRow>,
    /// True once the shift has ended: changes are corrections (supervisor).
    pub closed: bool,
}

impl RollCall {
    /// The roll call of `slot` from the records: every resident in residence on the
    /// slot's date (`in_residence_on`), with their mark in this slot and the mark their
    /// status on that date implies; in `row_order` of the residents as they are now.
    /// Marks of other slots or of residents not in residence then are ignored.
    pub fn build(
        slot: ShiftSlot,
        clients: &[ClientFacts],
        marks: Vec<Mark>,
        closed: bool,
    ) -> RollCall {
        // Marks by resident: sorted, looked up by binary search and taken out (a hash map
        // of 10,000 marks would cost megabytes more at the peak).
        let mut marks: Vec<Mark> = marks.into_iter().filter(|m| m.slot == slot).collect();
        marks.sort_by_key(|m| m.client);
        let ids: Vec<ClientId> = marks.iter().map(|m| m.client).collect();
        let mut marks: Vec<Option<Mark>> = marks.into_iter().map(Some).collect();
        let mut take = |id: ClientId| {
            let i = ids.binary_search(&id).ok()?;
            marks[i].take()
        };
        let mut present: Vec<&ClientFacts> = clients
            .iter()
            .filter(|c| c.in_residence_on(slot.date))
            .collect();
        present.sort_by(|a, b| row_order(&a.row, &b.row));
        let rows = present
            .into_iter()
            .map(|c| {
                let status = c.status_on(slot.date);
                RollCallRow {
                    client: c.row.id,
                    mark: take(c.row.id),
                    implied: status.and_then(Presence::implied_by),
                    status,
                }
            })
            .collect();
        RollCall { slot, rows, closed }
    }

    /// How many rows of the roll call of `slot` would have no mark, made or implied, given
    /// who has a mark (`marked`, in id order): `build(..).rows.len() - marked()` without
    /// building the rows.
    pub fn unmarked_count(slot: ShiftSlot, clients: &[ClientFacts], marked: &[ClientId]) -> usize {
        clients
            .iter()
            .filter(|c| c.in_residence_on(slot.date))
            .filter(|c| marked.binary_search(&c.row.id).is_err())
            .filter(|c| {
                c.status_on(slot.date)
                    .and_then(Presence::implied_by)
                    .is_none()
            })
            .count()
    }

    /// The row of one resident, if they are in this roll call.
    pub fn row(&self, client: ClientId) -> Option<&RollCallRow> {
        self.rows.iter().find(|r| r.client == client)
    }

    /// Rows with a mark that counts (made or implied).
    pub fn marked(&self) -> usize {
        self.rows.iter().filter(|r| r.presence().is_some()).count()
    }

    /// Rows with the given presence.
    pub fn count(&self, presence: Presence) -> usize {
        self.rows
            .iter()
            .filter(|r| r.presence() == Some(presence))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::{
        ClientDraft, ExitReason, ReferralSource, StatusChange, StatusDetail, Stay,
    };

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn change(detail: StatusDetail, day: u32) -> StatusChange {
        StatusChange {
            detail,
            date: d(day),
            note: String::new(),
            recorded_by: "budi".into(),
            recorded_at: d(day).and_hms_opt(9, 0, 0).unwrap(),
        }
    }

    fn client(id: u64, name: &str, room: &str, bed: &str, admitted: u32) -> Client {
        let mut details = ClientDraft::new(d(admitted));
        details.name = name.into();
        details.room = room.into();
        details.bed = bed.into();
        Client {
            id: ClientId(id),
            revision: 1,
            reg_no: format!("2026/{id:04}"),
            details,
            stays: vec![Stay {
                admitted: d(admitted),
                referral: ReferralSource::Raid,
                exited: None,
            }],
            history: vec![change(StatusDetail::Active, admitted)],
            changed_by: "budi".into(),
            changed_at: d(admitted).and_hms_opt(9, 0, 0).unwrap(),
        }
    }

    fn exit(c: &mut Client, day: u32) {
        c.stays.last_mut().unwrap().exited = Some(d(day));
        c.history.push(change(
            StatusDetail::Exited {
                reason: ExitReason::Work,
                destination: String::new(),
            },
            day,
        ));
    }

    #[test]
    fn rooms_and_beds_sort_as_people_number_them() {
        let mut rooms = vec!["A10", "b1", "A2", "A02a", "10", "9", "A", ""];
        rooms.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(rooms, ["", "9", "10", "A", "A2", "A02a", "A10", "b1"]);
        assert_eq!(natural_cmp("A2", "a2"), Ordering::Equal);
    }

    #[test]
    fn stays_decide_who_is_in_residence_on_a_date() {
        let mut c = client(1, "Slamet", "A1", "1", 5);
        assert!(!in_residence_on(&c, d(4)));
        assert!(in_residence_on(&c, d(5)));
        exit(&mut c, 10);
        assert!(in_residence_on(&c, d(9)));
        assert!(
            !in_residence_on(&c, d(10)),
            "the exit date is the first day away"
        );
        c.stays.push(Stay {
            admitted: d(20),
            referral: ReferralSource::Raid,
            exited: None,
        });
        c.history.push(change(StatusDetail::Active, 20));
        assert!(!in_residence_on(&c, d(15)));
        assert!(in_residence_on(&c, d(25)));
        assert_eq!(status_on(&c, d(15)), Some(Status::Exited));
        assert_eq!(status_on(&c, d(20)), Some(Status::Active));
        assert_eq!(status_on(&c, d(4)), None);
        let facts = ClientFacts::of(&c);
        for day in [4, 5, 9, 10, 15, 20, 25] {
            assert_eq!(facts.in_residence_on(d(day)), in_residence_on(&c, d(day)));
            assert_eq!(facts.status_on(d(day)), status_on(&c, d(day)));
        }
    }

    #[test]
    fn a_roll_call_is_built_in_room_order_with_status_then() {
        let slot = ShiftSlot {
            date: d(12),
            shift: Shift::Morning,
        };
        let mut away = client(1, "Joko", "A10", "1", 1);
        away.history.push(change(StatusDetail::Sick, 11));
        away.history.push(change(StatusDetail::Active, 13));
        let mut gone = client(2, "Paijo", "A2", "1", 1);
        exit(&mut gone, 12);
        let later = client(3, "Darmo", "A2", "1", 13);
        let roomless = client(4, "Amin", "", "", 1);
        let b = client(5, "Bambang", "A2", "10", 1);
        let a = client(6, "Agus", "A2", "2", 1);
        let clients = [away, gone, later, roomless, b, a];
        let mark = Mark {
            slot,
            client: ClientId(5),
            presence: Presence::Present,
            note: String::new(),
            by: "budi".into(),
            at: d(12).and_hms_opt(7, 5, 0).unwrap(),
        };
        let other_slot = Mark {
            slot: slot.next(),
            client: ClientId(6),
            ..mark.clone()
        };
        let facts: Vec<ClientFacts> = clients.iter().map(ClientFacts::of).collect();
        let rc = RollCall::build(slot, &facts, vec![mark.clone(), other_slot], false);
        let ids: Vec<u64> = rc.rows.iter().map(|r| r.client.0).collect();
        assert_eq!(ids, [6, 5, 1, 4], "A2/2, A2/10, A10, then no room");
        assert_eq!(rc.row(ClientId(1)).unwrap().implied, Some(Presence::Sick));
        assert_eq!(
            rc.row(ClientId(1)).unwrap().status,
            Some(Status::Sick),
            "the status on the 12th, though aktif again since the 13th"
        );
        assert_eq!(rc.row(ClientId(5)).unwrap().mark, Some(mark));
        assert_eq!(rc.row(ClientId(6)).unwrap().mark, None);
        assert_eq!((rc.marked(), rc.count(Presence::Sick)), (2, 1));
    }

    #[test]
    fn the_status_then_costs_a_roll_call_row_no_memory() {
        assert_eq!(std::mem::size_of::<RollCallRow>(), 96);
    }

    #[test]
    fn cycling_never_reaches_kabur() {
        let mut p = Presence::Present;
        let mut seen = Vec::new();
        for _ in 0..8 {
            seen.push(p);
            p = p.next();
        }
        assert!(!seen.contains(&Presence::Absconded));
        assert_eq!(
            &seen[..5],
            &[
                Presence::Present,
                Presence::Leave,
                Presence::Sick,
                Presence::Referred,
                Presence::Present
            ]
        );
        assert_eq!(Presence::Absconded.next(), Presence::Present);
    }

    #[test]
    fn a_roll_call_stays_open_to_staf_for_the_grace_period() {
        let shifts = ShiftTimes::default();
        let slot = ShiftSlot {
            date: d(28),
            shift: Shift::Afternoon,
        };
        let t = |h, m| d(28).and_hms_opt(h, m, 0).unwrap();
        assert_eq!(Phase::of(&shifts, slot, t(13, 59)), Phase::NotStarted);
        assert_eq!(Phase::of(&shifts, slot, t(14, 0)), Phase::Running);
        assert_eq!(Phase::of(&shifts, slot, t(20, 59)), Phase::Running);
        let grace = Phase::Grace {
            ended: t(21, 0),
            until: t(21, 30),
        };
        assert_eq!(Phase::of(&shifts, slot, t(21, 0)), grace);
        assert_eq!(Phase::of(&shifts, slot, t(21, 29)), grace);
        assert_eq!(Phase::of(&shifts, slot, t(21, 30)), Phase::Closed);
    }

    #[test]
    fn a_return_note_says_which_roll_call_saw_the_resident_back() {
        let slot = ShiftSlot {
            date: d(28),
            shift: Shift::Morning,
        };
        assert_eq!(return_note(slot, ""), "kembali (apel pagi)");
        assert_eq!(
            return_note(slot, " diantar keluarga "),
            "kembali (apel pagi): diantar keluarga"
        );
    }

    #[test]
    fn kabur_implies_away_until_marked_back() {
        assert_eq!(
            Presence::implied_by(Status::Absconded),
            Some(Presence::Absconded)
        );
        assert_eq!(Presence::implied_by(Status::Active), None);
    }

    #[test]
    fn the_unmarked_count_matches_the_built_roll_call() {
        let data = crate::demo::generate(crate::demo::SEED, d(28), 60, "kepala");
        let clients: Vec<ClientFacts> = data.clients.iter().map(ClientFacts::of).collect();
        let mut unmarked_seen = 0;
        for roll in data.marks.chunk_by(|a, b| a.slot == b.slot).take(12) {
            let slot = roll[0].slot;
            // Only every third mark kept, so rows without a mark (some implied) exist.
            let marks: Vec<Mark> = roll.iter().skip(1).step_by(3).cloned().collect();
            let mut marked: Vec<ClientId> = marks.iter().map(|m| m.client).collect();
            marked.sort();
            let built = RollCall::build(slot, &clients, marks, true);
            let unmarked = built.rows.len() - built.marked();
            unmarked_seen += unmarked;
            assert_eq!(
                RollCall::unmarked_count(slot, &clients, &marked),
                unmarked,
                "{slot:?}"
            );
        }
        assert!(unmarked_seen > 0);
    }
}
