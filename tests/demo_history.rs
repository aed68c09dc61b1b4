//! The demo's past weeks of shifts: roll-call marks that agree with the residents' stays
//! and status histories, a couple of unfinished roll calls, and handover notes.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Days, NaiveDate, NaiveDateTime, TimeDelta};
use mentas::demo::{DemoData, SEED, generate};
use mentas::domain::handover::MAX_HANDOVER;
use mentas::domain::roll_call::{Mark, Presence};
use mentas::domain::shift::{Shift, ShiftSlot, ShiftTimes};
use mentas::domain::{Client, ClientId, Role, StatusChange, StatusDetail};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn demo(residents: usize) -> DemoData {
    generate(SEED, today(), residents, "kepala")
}

fn midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_hms_opt(0, 0, 0).unwrap()
}

/// A stay covers the date: admitted on or before it, not exited on or before it.
fn in_residence(c: &Client, date: NaiveDate) -> bool {
    c.stays
        .iter()
        .any(|s| s.admitted <= date && s.exited.is_none_or(|e| e > date))
}

/// Every slot of the `days` days before today, oldest first.
fn slots(days: u64) -> Vec<ShiftSlot> {
    (1..=days)
        .rev()
        .flat_map(|ago| {
            let date = today() - Days::new(ago);
            Shift::ALL.map(|shift| ShiftSlot { date, shift })
        })
        .collect()
}

fn by_slot(marks: &[Mark]) -> BTreeMap<ShiftSlot, Vec<&Mark>> {
    let mut out: BTreeMap<ShiftSlot, Vec<&Mark>> = BTreeMap::new();
    for m in marks {
        out.entry(m.slot).or_default().push(m);
    }
    out
}

fn clients_by_id(d: &DemoData) -> HashMap<ClientId, &Client> {
    d.clients.iter().map(|c| (c.id, c)).collect()
}

/// The roll calls in which some resident in residence has no mark, with who.
fn incomplete(d: &DemoData) -> BTreeMap<ShiftSlot, Vec<ClientId>> {
    let marked: HashSet<(ShiftSlot, ClientId)> =
        d.marks.iter().map(|m| (m.slot, m.client)).collect();
    let mut out: BTreeMap<ShiftSlot, Vec<ClientId>> = BTreeMap::new();
    for slot in by_slot(&d.marks).keys() {
        for c in d.clients.iter().filter(|c| in_residence(c, slot.date)) {
            if !marked.contains(&(*slot, c.id)) {
                out.entry(*slot).or_default().push(c.id);
            }
        }
    }
    out
}

#[test]
fn same_seed_same_history() {
    let (a, b) = (demo(100), demo(100));
    assert_eq!(a.marks, b.marks);
    assert_eq!(a.handovers, b.handovers);
    let other = generate(SEED + 1, today(), 100, "kepala");
    assert_ne!(a.marks, other.marks);
}

#[test]
fn four_weeks_of_every_shift_and_nothing_from_today() {
    let d = demo(100);
    let seen: Vec<ShiftSlot> = by_slot(&d.marks).keys().copied().collect();
    assert_eq!(
        seen,
        slots(28),
        "a roll call in every shift of the 28 days before today"
    );
    // Marks come in slot order.
    assert!(d.marks.windows(2).all(|w| w[0].slot <= w[1].slot));
    let times = ShiftTimes::default();
    for m in &d.marks {
        assert!(m.slot.date < today());
        assert!(m.at < midnight(today()), "{m:?}");
        assert_eq!(
            times.slot_at(m.at),
            m.slot,
            "marked inside its shift: {m:?}"
        );
        let begun = m.at - times.start(m.slot);
        assert!(begun >= TimeDelta::minutes(10), "{m:?}");
    }
    for n in &d.handovers {
        assert!(n.slot.date < today());
        assert!(n.at < midnight(today()), "{n:?}");
    }
}

#[test]
fn every_mark_is_of_a_resident_in_residence_that_day() {
    let d = demo(100);
    let clients = clients_by_id(&d);
    let mut once = HashSet::new();
    for m in &d.marks {
        let c = clients[&m.client];
        assert!(in_residence(c, m.slot.date), "{} on {:?}", c.reg_no, m.slot);
        assert!(once.insert((m.slot, m.client)), "marked twice: {m:?}");
    }
}

/// The entries in force on a date (dated on or before it) and the next one.
fn around(
    history: &[StatusChange],
    date: NaiveDate,
) -> (Option<&StatusChange>, Option<&StatusChange>) {
    let upto = history.iter().take_while(|e| e.date <= date).count();
    (upto.checked_sub(1).map(|i| &history[i]), history.get(upto))
}

#[test]
fn presence_follows_the_status_history() {
    let d = demo(100);
    let clients = clients_by_id(&d);
    let mut unwell = 0;
    for m in &d.marks {
        let c = clients[&m.client];
        let (current, next) = around(&c.history, m.slot.date);
        let expected = match (current.map(|e| &e.detail), next.map(|e| &e.detail)) {
            (_, Some(StatusDetail::Absconded { last_seen })) if *last_seen < m.at => {
                Presence::Absconded
            }
            (Some(StatusDetail::Leave { .. }), _) => Presence::Leave,
            (Some(StatusDetail::Sick), _) => Presence::Sick,
            (Some(StatusDetail::Referred { .. }), _) => Presence::Referred,
            (Some(StatusDetail::Absconded { .. }), _) => Presence::Absconded,
            (Some(StatusDetail::Exited { .. }), _) | (None, _) => {
                panic!("{} marked while not in residence", c.reg_no)
            }
            (Some(StatusDetail::Active), _) if m.presence == Presence::Sick => {
                // A short illness that needed no status change, always with a note.
                assert!(!m.note.is_empty(), "{m:?}");
                unwell += 1;
                Presence::Sick
            }
            (Some(StatusDetail::Active), _) => Presence::Present,
        };
        assert_eq!(m.presence, expected, "{} {m:?}", c.reg_no);
        if m.presence != Presence::Present {
            assert!(!m.note.is_empty(), "exceptions carry a note: {m:?}");
        }
    }
    // A few a week among a hundred residents, each lasting one to three shifts.
    assert!(
        (6..=60).contains(&unwell),
        "{unwell} unwell marks in four weeks"
    );
}

#[test]
fn absconded_residents_are_marked_kabur_from_when_last_seen() {
    let d = demo(100);
    let mut marks: HashMap<ClientId, Vec<&Mark>> = HashMap::new();
    for m in &d.marks {
        marks.entry(m.client).or_default().push(m);
    }
    let mut same_day = 0;
    let mut checked = 0;
    for c in &d.clients {
        let Some(own) = marks.get(&c.id) else {
            continue;
        };
        for (k, e) in c.history.iter().enumerate() {
            let StatusDetail::Absconded { last_seen } = e.detail else {
                continue;
            };
            // Gone until the next entry (a return or the exit) takes effect.
            let until = c.history.get(k + 1).map_or(NaiveDate::MAX, |n| n.date);
            for m in own.iter().filter(|m| m.slot.date < until) {
                if m.at > last_seen {
                    assert_eq!(m.presence, Presence::Absconded, "{} {m:?}", c.reg_no);
                    checked += 1;
                } else if m.slot.date == last_seen.date() {
                    assert_ne!(m.presence, Presence::Absconded, "{} {m:?}", c.reg_no);
                    same_day += 1;
                }
            }
        }
    }
    assert!(checked > 10, "{checked} kabur marks checked");
    assert!(same_day > 0, "someone was seen on the day they went");
    // Everyone kabur now is marked kabur in the last roll call.
    let last = ShiftSlot {
        date: today() - Days::new(1),
        shift: Shift::Night,
    };
    for c in d
        .clients
        .iter()
        .filter(|c| c.status() == mentas::domain::Status::Absconded)
    {
        let m = marks[&c.id]
            .iter()
            .find(|m| m.slot == last)
            .expect("marked");
        assert_eq!(m.presence, Presence::Absconded);
    }
}

#[test]
fn two_or_three_roll_calls_were_left_unfinished() {
    let d = demo(100);
    let clients = clients_by_id(&d);
    let open = incomplete(&d);
    assert!((2..=3).contains(&open.len()), "{open:?}");
    for (slot, missing) in &open {
        assert!((3..=7).contains(&missing.len()), "{slot:?}: {missing:?}");
        for id in missing {
            // Only residents who should have been seen are left: no status implies a mark.
            let (current, _) = around(&clients[id].history, slot.date);
            assert_eq!(
                current.map(|e| e.detail.clone()),
                Some(StatusDetail::Active)
            );
        }
    }
}

#[test]
fn shifts_are_worked_by_staff_on_duty() {
    let d = demo(100);
    let names: HashMap<&str, (&str, Role)> = d
        .staff
        .iter()
        .map(|s| (s.username.as_str(), (s.display_name.as_str(), s.role)))
        .collect();
    let mut everyone = HashSet::new();
    for (slot, marks) in by_slot(&d.marks) {
        let crew: HashSet<&str> = marks.iter().map(|m| m.by.as_str()).collect();
        let most = if slot.shift == Shift::Night { 1 } else { 2 };
        assert!(!crew.is_empty() && crew.len() <= most, "{slot:?}: {crew:?}");
        for by in crew {
            assert_ne!(names[by].1, Role::Head, "the head takes no roll call");
            everyone.insert(by);
        }
    }
    assert_eq!(everyone.len(), 6, "all six staff take turns");
    for n in &d.handovers {
        assert_eq!(names[n.by.as_str()].0, n.by_name);
    }
}

#[test]
fn most_shifts_leave_a_handover_note() {
    let d = demo(100);
    let n = &d.handovers;
    let share = n.len() as f64 / 84.0;
    assert!(
        (0.75..=0.95).contains(&share),
        "{} notes for 84 shifts",
        n.len()
    );
    let ids: Vec<u64> = n.iter().map(|h| h.id).collect();
    assert_eq!(ids, (1..=n.len() as u64).collect::<Vec<_>>());
    assert!(
        n.windows(2)
            .all(|w| w[0].slot < w[1].slot && w[0].at < w[1].at)
    );
    let times = ShiftTimes::default();
    let marks = by_slot(&d.marks);
    let last_night = ShiftSlot {
        date: today() - Days::new(1),
        shift: Shift::Night,
    };
    for h in n {
        assert!(!h.text.trim().is_empty() && h.text.chars().count() <= MAX_HANDOVER);
        assert!(
            h.at >= times.start(h.slot) && h.at < times.end(h.slot),
            "{h:?}"
        );
        let last_mark = marks[&h.slot].iter().map(|m| m.at).max().unwrap();
        assert!(h.at > last_mark, "written after the roll call: {h:?}");
        if h.slot != last_night {
            assert!(times.end(h.slot) - h.at <= TimeDelta::minutes(40), "{h:?}");
        }
    }
    // Notes speak of real residents and of the facility's days.
    let named = n
        .iter()
        .filter(|h| {
            d.clients
                .iter()
                .any(|c| h.text.contains(&c.details.display_name()))
        })
        .count();
    assert!(named * 3 > n.len(), "only {named} notes name a resident");
    let all: String = n
        .iter()
        .map(|h| h.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for word in ["Apel", "kabur", "tidak ada saat apel", "PM baru"] {
        assert!(all.contains(word), "no note says {word:?}");
    }
}

#[test]
fn big_demos_keep_only_the_last_week() {
    let d = demo(1_001);
    let seen: Vec<ShiftSlot> = by_slot(&d.marks).keys().copied().collect();
    assert_eq!(seen, slots(7));
    assert!(d.handovers.iter().all(|h| h.slot >= slots(7)[0]));
    let d = demo(1_000);
    assert_eq!(by_slot(&d.marks).len(), 84);
}

#[test]
fn tiny_and_empty_demos() {
    let d = demo(0);
    // Nobody in residence now, but some who have since left may have been then.
    assert!(d.marks.iter().all(|m| m.slot.date < today()));
    let d = demo(3);
    assert!(!d.marks.is_empty());
    assert!(incomplete(&d).values().all(|v| v.len() <= 7));
}

/// Release builds only.
#[test]
#[cfg_attr(debug_assertions, ignore = "release builds only")]
fn huge_demos_keep_only_the_last_day() {
    let d = demo(20_001);
    let seen: Vec<ShiftSlot> = by_slot(&d.marks).keys().copied().collect();
    assert_eq!(seen, slots(1));
    assert_eq!(by_slot(&demo(20_000).marks).len(), 21);
}

/// Release builds only: `cargo test --release --test demo_history ten_thousand`.
#[test]
#[cfg_attr(debug_assertions, ignore = "release builds only")]
fn ten_thousand_residents_quickly() {
    let start = std::time::Instant::now();
    let d = demo(10_000);
    let took = start.elapsed();
    println!(
        "10,000 residents: {} marks, {} notes in {took:?}",
        d.marks.len(),
        d.handovers.len()
    );
    assert!(d.marks.len() < 250_000);
    assert!(took.as_secs_f64() < 2.0, "took {took:?}");
}

/// A demo made as of a moment today (what a demo store gets), at `h:m`.
fn demo_at(residents: usize, h: u32, m: u32) -> (DemoData, NaiveDateTime) {
    let now = today().and_hms_opt(h, m, 0).unwrap();
    (
        mentas::demo::generate_at(SEED, now, residents, "kepala"),
        now,
    )
}

fn slot_today(shift: Shift) -> ShiftSlot {
    ShiftSlot {
        date: today(),
        shift,
    }
}

#[test]
fn at_16_54_today_s_pagi_is_done_with_its_note_and_the_siang_roll_call_is_under_way() {
    let (d, now) = demo_at(100, 16, 54);
    // The same people as the demo of the day.
    let plain = demo(100);
    assert_eq!(d.clients, plain.clients);
    assert_eq!(d.staff, plain.staff);
    let times = ShiftTimes::default();
    let slots = by_slot(&d.marks);
    let residing: Vec<ClientId> = d
        .clients
        .iter()
        .filter(|c| in_residence(c, today()))
        .map(|c| c.id)
        .collect();

    // Pagi: everyone in residence marked, with the usual exceptions carrying notes.
    let pagi = &slots[&slot_today(Shift::Morning)];
    let mut marked: Vec<ClientId> = pagi.iter().map(|m| m.client).collect();
    marked.sort();
    assert_eq!(marked, residing, "today's pagi roll call is complete");
    assert!(pagi.iter().any(|m| m.presence != Presence::Present));
    assert!(
        pagi.iter()
            .filter(|m| m.presence != Presence::Present)
            .all(|m| !m.note.is_empty())
    );
    // Siang, under way: about a third marked, all before now, none left in malam.
    let siang = &slots[&slot_today(Shift::Afternoon)];
    let share = siang.len() as f64 / residing.len() as f64;
    assert!(
        (0.25..=0.45).contains(&share),
        "{} of {}",
        siang.len(),
        residing.len()
    );
    for m in siang {
        assert!(m.at <= now && m.at >= times.start(m.slot), "{m:?}");
    }
    assert!(!slots.contains_key(&slot_today(Shift::Night)));
    assert!(d.marks.iter().all(|m| m.at <= now));
    assert!(d.marks.windows(2).all(|w| w[0].slot <= w[1].slot));

    // The last note is today's pagi, written near its end; siang has none yet.
    let last = d.handovers.last().unwrap();
    assert_eq!(last.slot, slot_today(Shift::Morning));
    assert!(last.at < times.end(last.slot) && last.at > times.start(last.slot));
    assert!(d.handovers.iter().all(|n| n.at <= now));
    assert!(
        d.handovers
            .iter()
            .all(|n| n.slot != slot_today(Shift::Afternoon))
    );
    // Last night's note is there too, written before it ended at 07:00.
    let night = ShiftSlot {
        date: today() - Days::new(1),
        shift: Shift::Night,
    };
    if let Some(n) = d.handovers.iter().find(|n| n.slot == night) {
        assert!(n.at < times.end(night), "{n:?}");
    }
    // Every roll call before today is still there; the unfinished ones are all before
    // today.
    assert!(slots.contains_key(&slots_before_today()[0]));
    assert!(
        incomplete(&d)
            .keys()
            .all(|s| s.date < today() || *s == slot_today(Shift::Afternoon))
    );
}

fn slots_before_today() -> Vec<ShiftSlot> {
    slots(28)
}

#[test]
fn before_07_00_last_night_is_under_way_and_nothing_of_today_exists() {
    let (d, now) = demo_at(100, 3, 0);
    let slots = by_slot(&d.marks);
    let night = ShiftSlot {
        date: today() - Days::new(1),
        shift: Shift::Night,
    };
    let taken = slots[&night].len();
    assert!(taken > 0 && taken < 60, "{taken} marked at 03:00");
    assert!(slots.keys().all(|s| s.date < today()));
    assert!(d.marks.iter().all(|m| m.at <= now));
    assert!(d.handovers.iter().all(|n| n.slot != night && n.at <= now));
    // Just after the pagi shift starts its roll call has not begun.
    let (d, _) = demo_at(100, 7, 5);
    let slots = by_slot(&d.marks);
    assert!(!slots.contains_key(&slot_today(Shift::Morning)));
    assert_eq!(d.handovers.last().map(|n| n.slot), Some(night));
    let left = incomplete(&d).get(&night).map_or(0, Vec::len);
    assert_eq!(
        slots[&night].len() + left,
        d.clients
            .iter()
            .filter(|c| in_residence(c, night.date))
            .count(),
        "the night's roll call is taken through once it ended"
    );
}

#[test]
fn a_demo_as_of_now_is_the_same_every_time() {
    let (a, _) = demo_at(60, 16, 54);
    let (b, _) = demo_at(60, 16, 54);
    assert_eq!(a.marks, b.marks);
    assert_eq!(a.handovers, b.handovers);
}
