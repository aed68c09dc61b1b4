//! What the Hari ini screen shows: the headcount and the due list, computed from records.
//! The due list is one mechanism: each rule looks at the records and yields items; later
//! features add their own rule to `RULES`.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::client::{ClientId, Stage};
use super::client_facts::ClientFacts;
use super::roll_call::{Presence, RollCall};
use super::shift::ShiftSlot;
use super::status::{Status, StatusDetail};

/// Days after admission by which an assessment is expected.
pub const ASSESSMENT_DAYS: i64 = 7;

/// A headcount group; each opens the list of residents behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Group {
    /// Registered: not exited. Kabur residents keep their place (and count against
    /// capacity) until they exit, though they are not here.
    InResidence,
    Present,
    Leave,
    Sick,
    Referred,
    Absconded,
    /// Not yet marked in this shift's roll call.
    Unmarked,
}

/// The headcount: each group with the residents in it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headcount {
    /// By status (where each resident is by their record).
    pub groups: Vec<(Group, Vec<ClientId>)>,
    pub capacity: u32,
    /// By this shift's roll-call marks (made or implied by status): `InResidence` is
    /// everyone on the roll call, `Present`..`Absconded` the marks, `Unmarked` the rest.
    pub marks: Vec<(Group, Vec<ClientId>)>,
}

/// The headcount group of a roll-call mark.
pub fn group_of(p: Presence) -> Group {
    match p {
        Presence::Present => Group::Present,
        Presence::Leave => Group::Leave,
        Presence::Sick => Group::Sick,
        Presence::Referred => Group::Referred,
        Presence::Absconded => Group::Absconded,
    }
}

impl Headcount {
    /// Counts residents by status (in residence means not exited; kabur residents keep
    /// their place until they exit) and this shift's roll call progress.
    pub fn from_records(clients: &[ClientFacts], roll_call: &RollCall, capacity: u32) -> Headcount {
        let ids = |pred: &dyn Fn(&ClientFacts) -> bool| -> Vec<ClientId> {
            clients
                .iter()
                .filter(|c| pred(c))
                .map(|c| c.row.id)
                .collect()
        };
        let with = |s: Status| ids(&|c: &ClientFacts| c.row.status == s);
        let unmarked: Vec<ClientId> = roll_call
            .rows
            .iter()
            .filter(|r| r.presence().is_none())
            .map(|r| r.client)
            .collect();
        let marked = |p: Presence| -> Vec<ClientId> {
            roll_call
                .rows
                .iter()
                .filter(|r| r.presence() == Some(p))
                .map(|r| r.client)
                .collect()
        };
        let mut marks = vec![(
            Group::InResidence,
            roll_call.rows.iter().map(|r| r.client).collect(),
        )];
        marks.extend(Presence::ALL.iter().map(|p| (group_of(*p), marked(*p))));
        marks.push((Group::Unmarked, unmarked.clone()));
        Headcount {
            groups: vec![
                (Group::InResidence, ids(&|c: &ClientFacts| c.in_residence())),
                (Group::Present, with(Status::Active)),
                (Group::Leave, with(Status::Leave)),
                (Group::Sick, with(Status::Sick)),
                (Group::Referred, with(Status::Referred)),
                (Group::Absconded, with(Status::Absconded)),
                (Group::Unmarked, unmarked),
            ],
            capacity,
            marks,
        }
    }

    /// The residents of a group by this shift's roll-call marks.
    pub fn marked_as(&self, group: Group) -> &[ClientId] {
        self.marks
            .iter()
            .find(|(g, _)| *g == group)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }

    /// The residents in a group.
    pub fn of(&self, group: Group) -> &[ClientId] {
        self.groups
            .iter()
            .find(|(g, _)| *g == group)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }
}

/// Something that needs doing, found in the records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Due {
    /// On izin past the expected return date.
    LeaveOverdue {
        client: ClientId,
        expected: NaiveDate,
    },
    /// Kabur and not reported back.
    AbscondedNotBack {
        client: ClientId,
        since: NaiveDateTime,
    },
    /// This shift's roll call is not complete.
    RollCallOpen {
        slot: ShiftSlot,
        marked: usize,
        total: usize,
    },
    /// The previous shift's roll call ended with residents not marked: a supervisor can
    /// still correct it.
    RollCallUnfinished { slot: ShiftSlot, unmarked: usize },
    /// Still at intake ASSESSMENT_DAYS or more after admission.
    NoAssessment { client: ClientId, days: i64 },
    /// In residence without a NIK: the identity task.
    NoNik { client: ClientId },
}

/// What the due rules look at.
pub struct DueContext<'a> {
    pub now: NaiveDateTime,
    pub clients: &'a [ClientFacts],
    pub roll_call: &'a RollCall,
    /// The previous shift's roll call (ended) and how many it left unmarked, if it was
    /// started (the roll call itself is not kept: at 10,000 residents it is megabytes).
    pub prev_unmarked: Option<(ShiftSlot, usize)>,
}

/// One rule of the due list.
pub type DueRule = fn(&DueContext) -> Vec<Due>;

/// Every rule, most urgent first. A feature adds its rule here.
pub const RULES: &[DueRule] = &[
    absconded,
    leave_overdue,
    roll_call_open,
    roll_call_unfinished,
    no_assessment,
    no_nik,
];

/// The due list: every rule's items, in rule order.
pub fn due(ctx: &DueContext) -> Vec<Due> {
    RULES.iter().flat_map(|rule| rule(ctx)).collect()
}

fn residents<'a>(ctx: &'a DueContext) -> impl Iterator<Item = &'a ClientFacts> {
    ctx.clients.iter().filter(|c| c.in_residence())
}

fn absconded(ctx: &DueContext) -> Vec<Due> {
    residents(ctx)
        .filter_map(|c| match &c.current {
            StatusDetail::Absconded { last_seen } => Some(Due::AbscondedNotBack {
                client: c.row.id,
                since: *last_seen,
            }),
            _ => None,
        })
        .collect()
}

fn leave_overdue(ctx: &DueContext) -> Vec<Due> {
    let today = ctx.now.date();
    residents(ctx)
        .filter_map(|c| match &c.current {
            StatusDetail::Leave { expected_return } if *expected_return < today => {
                Some(Due::LeaveOverdue {
                    client: c.row.id,
                    expected: *expected_return,
                })
            }
            _ => None,
        })
        .collect()
}

fn roll_call_open(ctx: &DueContext) -> Vec<Due> {
    let (marked, total) = (ctx.roll_call.marked(), ctx.roll_call.rows.len());
    if marked < total {
        vec![Due::RollCallOpen {
            slot: ctx.roll_call.slot,
            marked,
            total,
        }]
    } else {
        Vec::new()
    }
}

/// Shown during the shift after one whose roll call was left with unmarked residents.
fn roll_call_unfinished(ctx: &DueContext) -> Vec<Due> {
    match ctx.prev_unmarked {
        Some((slot, unmarked)) if unmarked > 0 => {
            vec![Due::RollCallUnfinished { slot, unmarked }]
        }
        _ => Vec::new(),
    }
}

fn no_assessment(ctx: &DueContext) -> Vec<Due> {
    let today = ctx.now.date();
    residents(ctx)
        .filter(|c| c.row.stage == Stage::Intake)
        .filter_map(|c| {
            let days = (today - c.row.admitted).num_days();
            (days >= ASSESSMENT_DAYS).then_some(Due::NoAssessment {
                client: c.row.id,
                days,
            })
        })
        .collect()
}

fn no_nik(ctx: &DueContext) -> Vec<Due> {
    residents(ctx)
        .filter(|c| c.row.nik.is_none())
        .map(|c| Due::NoNik { client: c.row.id })
        .collect()
}
