//! Properties every generated demo must have.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::residents::misdated_nik_count;
use super::{DemoData, SEED, generate};
use crate::domain::duplicates::likely_duplicates;
use crate::domain::{BirthDate, Client, ClientRow, Origin, Role, Sex, Stage, Status, StatusDetail};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn demo(residents: usize) -> DemoData {
    generate(SEED, today(), residents, "kepala")
}

fn count(clients: &[Client], f: impl Fn(&Client) -> bool) -> usize {
    clients.iter().filter(|c| f(c)).count()
}

fn percent(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole as f64
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    let a = format!("{:?}", demo(100));
    assert_eq!(a, format!("{:?}", demo(100)));
    let other = generate(SEED + 1, today(), 100, "kepala");
    assert_ne!(a, format!("{other:?}"));
}

#[test]
fn exactly_the_residents_asked_for_are_in_residence() {
    for n in [0, 1, 7, 29, 30, 100, 333] {
        let d = demo(n);
        let residing = count(&d.clients, Client::in_residence);
        assert_eq!(residing, n, "{n} residents");
        assert_eq!(d.clients.len() - residing, (n + 2) / 4, "{n} residents");
    }
}

#[test]
fn facility_and_staff() {
    let d = demo(100);
    assert_eq!(d.facility.capacity, 110);
    assert_eq!(demo(37).facility.capacity, 40);
    assert!(d.facility.name.contains("(demo)"));
    let roles: Vec<Role> = d.staff.iter().map(|s| s.role).collect();
    assert_eq!(roles[0], Role::Head);
    assert_eq!(d.staff[0].username, "kepala");
    assert_eq!(count_role(&roles, Role::Supervisor), 2);
    assert_eq!(count_role(&roles, Role::Staff), 4);
    assert!(d.staff.iter().all(|s| s.active && s.revision == 1));
    // A head who happens to have one of the demo user names is not listed twice.
    let d = generate(SEED, today(), 10, "siti");
    let names: HashSet<&str> = d.staff.iter().map(|s| s.username.as_str()).collect();
    assert_eq!(names.len(), 7);
    assert_eq!(d.staff[0].username, "siti");
    assert_eq!(d.staff[0].role, Role::Head);
}

fn count_role(roles: &[Role], role: Role) -> usize {
    roles.iter().filter(|r| **r == role).count()
}

/// Everything that must hold of every client, whatever the size.
fn check_consistent(d: &DemoData, today: NaiveDate) {
    let staff: HashSet<&str> = d.staff.iter().map(|s| s.username.as_str()).collect();
    let mut serials: HashMap<i32, u32> = HashMap::new();
    let mut beds = HashSet::new();
    let mut previous_first = NaiveDate::MIN;
    for (i, c) in d.clients.iter().enumerate() {
        let who = format!("{} {}", c.reg_no, c.details.display_name());
        assert_eq!(c.id.0, i as u64 + 1);
        assert!(
            c.details.validate(today).is_empty(),
            "{who}: {:?}",
            c.details.validate(today)
        );

        // Ids in order of first admission; registration number by year of first admission.
        let first = c.stays[0].admitted;
        assert!(first >= previous_first, "{who}");
        previous_first = first;
        let serial = serials.entry(first.year()).or_insert(0);
        *serial += 1;
        assert_eq!(c.reg_no, format!("{}/{:04}", first.year(), serial));

        // Stays in order, not overlapping, only the last may be open.
        for (j, s) in c.stays.iter().enumerate() {
            assert!(s.admitted < today, "{who}");
            match s.exited {
                Some(e) => assert!(s.admitted < e && e < today, "{who}"),
                None => assert_eq!(j, c.stays.len() - 1, "{who}: open stay before the last"),
            }
            if let Some(next) = c.stays.get(j + 1) {
                assert!(s.exited.is_some_and(|e| e < next.admitted), "{who}");
            }
        }
        let last = &c.stays[c.stays.len() - 1];
        assert_eq!(last.exited.is_none(), c.in_residence(), "{who}");
        assert_eq!(c.details.admitted, last.admitted, "{who}");
        assert_eq!(c.details.referral, last.referral, "{who}");

        // History in order, dated before today, one admission per stay, one exit per
        // closed stay on its exit date.
        let h = &c.history;
        assert!(!h.is_empty());
        assert_eq!(h[0].detail, StatusDetail::Active);
        assert_eq!(h[0].date, first);
        for pair in h.windows(2) {
            assert!(pair[0].date <= pair[1].date, "{who}: {pair:?}");
            assert!(pair[0].recorded_at < pair[1].recorded_at, "{who}: {pair:?}");
        }
        for e in h {
            assert!(
                e.date < today && e.recorded_at.date() < today,
                "{who}: {e:?}"
            );
            assert!(e.recorded_at.date() >= e.date, "{who}: {e:?}");
            assert!(staff.contains(e.recorded_by.as_str()), "{who}");
            assert!(!e.note.is_empty(), "{who}");
            if let StatusDetail::Absconded { last_seen } = e.detail {
                assert!(last_seen < e.recorded_at, "{who}");
            }
        }
        let exits: Vec<NaiveDate> = h
            .iter()
            .filter(|e| e.detail.status() == Status::Exited)
            .map(|e| e.date)
            .collect();
        let exited: Vec<NaiveDate> = c.stays.iter().filter_map(|s| s.exited).collect();
        assert_eq!(exits, exited, "{who}");
        for s in &c.stays {
            assert!(
                h.iter()
                    .any(|e| e.date == s.admitted && e.detail == StatusDetail::Active)
            );
        }
        let latest = &h[h.len() - 1];
        assert_eq!(c.changed_by, latest.recorded_by);
        assert_eq!(c.changed_at, latest.recorded_at);
        assert_eq!(c.revision, h.len() as u64);

        // Stage fits the time in residence; rooms for residents only, never shared.
        if c.in_residence() {
            let days = (today - last.admitted).num_days();
            assert_eq!(c.details.stage == Stage::Intake, days < 14, "{who}");
            assert_ne!(c.details.stage, Stage::Aftercare, "{who}");
            assert!(
                !c.details.room.is_empty() && !c.details.bed.is_empty(),
                "{who}"
            );
            assert!(
                beds.insert((c.details.room.clone(), c.details.bed.clone())),
                "{who}"
            );
        } else {
            assert_eq!(c.details.stage, Stage::Aftercare, "{who}");
            assert!(
                c.details.room.is_empty() && c.details.bed.is_empty(),
                "{who}"
            );
        }
        if let BirthDate::Exact(_) | BirthDate::ApproxYear(_) = c.details.birth {
            let age = c.details.birth.age_on(today).unwrap_or(0);
            assert!((18..=70).contains(&age), "{who}: age {age}");
        }
    }
}

#[test]
fn every_record_is_valid_and_consistent() {
    check_consistent(&demo(100), today());
    check_consistent(&demo(1_000), today());
    // A leap day, a different year and a different seed.
    let leap = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
    check_consistent(&generate(7, leap, 250, "kepala"), leap);
    for seed in 0..12 {
        let day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(seed * 31);
        check_consistent(&generate(seed, day, 40 + seed as usize * 7, "kepala"), day);
    }
}

#[test]
fn niks_are_unique_and_consistent_but_for_a_deliberate_few() {
    for n in [100, 1_000] {
        let d = demo(n);
        let mut seen = HashSet::new();
        let mut mismatched = 0;
        for c in &d.clients {
            let Some(nik) = &c.details.nik else { continue };
            assert!(seen.insert(nik.clone()), "NIK twice");
            match c.details.origin {
                Origin::Regency(code) => assert_eq!(nik.regency_code(), code),
                Origin::OutsideEastJava => assert_ne!(nik.regency_code() / 100, 35),
                Origin::Unknown => panic!("a NIK names the region"),
            }
            assert!((1..=99).contains(&nik.serial()));
            let problems = nik.mismatches(&c.details.birth, c.details.sex);
            if !problems.is_empty() {
                assert_eq!(problems, [crate::domain::NikMismatch::BirthDate]);
                mismatched += 1;
            }
        }
        assert_eq!(mismatched, misdated_nik_count(d.clients.len()));
        let kks: HashSet<_> = d
            .clients
            .iter()
            .filter_map(|c| c.details.kk.clone())
            .collect();
        assert_eq!(kks.len(), count(&d.clients, |c| c.details.kk.is_some()));
        if n == 1_000 {
            let nik = percent(seen.len(), d.clients.len());
            let kk = percent(kks.len(), d.clients.len());
            assert!((55.0..65.0).contains(&nik), "NIK {nik}%");
            assert!((35.0..45.0).contains(&kk), "KK {kk}%");
        }
    }
}

#[test]
fn statuses_are_spread_as_in_a_real_facility() {
    for n in [100, 1_000] {
        let d = demo(n);
        let status = |s| count(&d.clients, |c| c.status() == s);
        let share = |s| percent(status(s), n);
        assert!((82.0..=88.0).contains(&share(Status::Active)), "{n}");
        for (s, p) in [
            (Status::Leave, 5.0),
            (Status::Sick, 4.0),
            (Status::Referred, 3.0),
            (Status::Absconded, 3.0),
        ] {
            assert!((share(s) - p).abs() <= 1.0, "{s:?} {}% of {n}", share(s));
        }
        let leave: Vec<NaiveDate> = d
            .clients
            .iter()
            .filter_map(|c| match c.history.last().map(|e| &e.detail) {
                Some(StatusDetail::Leave { expected_return }) => Some(*expected_return),
                _ => None,
            })
            .collect();
        let overdue = leave.iter().filter(|r| **r < today()).count();
        assert!(
            overdue >= 1 && overdue < leave.len(),
            "{overdue} of {}",
            leave.len()
        );
        assert!(leave.iter().all(|r| *r <= today() + chrono::Days::new(7)));
        let referred_to: HashSet<String> = d
            .clients
            .iter()
            .filter_map(|c| match &c.history.last()?.detail {
                StatusDetail::Referred { to } => Some(to.clone()),
                _ => None,
            })
            .collect();
        assert!(!referred_to.is_empty());
        for c in &d.clients {
            if let Some(StatusDetail::Absconded { last_seen }) = c.history.last().map(|e| &e.detail)
            {
                let days = (today() - last_seen.date()).num_days();
                assert!((2..=6).contains(&days), "last seen {days} days ago");
            }
        }
    }
}

#[test]
fn stages_follow_time_in_residence() {
    let d = demo(1_000);
    let mut by_stage: HashMap<Stage, usize> = HashMap::new();
    for c in d.clients.iter().filter(|c| c.in_residence()) {
        *by_stage.entry(c.details.stage).or_default() += 1;
    }
    let largest = by_stage.iter().max_by_key(|(_, n)| **n).map(|(s, _)| *s);
    assert_eq!(largest, Some(Stage::Intervention));
    for stage in &Stage::ALL[..6] {
        assert!(by_stage.get(stage).is_some_and(|n| *n > 0), "{stage:?}");
    }
    assert!(by_stage[&Stage::Termination] < by_stage[&Stage::Resocialisation]);
}

#[test]
fn people_look_like_the_facility_s_residents() {
    let d = demo(1_000);
    let all = d.clients.len();
    let men = percent(count(&d.clients, |c| c.details.sex == Sex::Male), all);
    assert!((75.0..85.0).contains(&men), "{men}% men");
    let nameless = count(&d.clients, |c| c.details.name.is_empty());
    assert!(
        (2.0..8.0).contains(&percent(nameless, all)),
        "{nameless} nameless"
    );
    for c in d.clients.iter().filter(|c| c.details.name.is_empty()) {
        assert!(!c.details.nickname.is_empty());
        assert!(c.details.nik.is_none());
    }
    let birth =
        |f: fn(&BirthDate) -> bool| percent(count(&d.clients, |c| f(&c.details.birth)), all);
    let exact = birth(|b| matches!(b, BirthDate::Exact(_)));
    let approx = birth(|b| matches!(b, BirthDate::ApproxYear(_)));
    assert!((64.0..76.0).contains(&exact), "{exact}% exact");
    assert!((15.0..25.0).contains(&approx), "{approx}% approximate");
    let unknown_origin = percent(
        count(&d.clients, |c| c.details.origin == Origin::Unknown),
        all,
    );
    assert!((2.0..8.0).contains(&unknown_origin));
    let contact = percent(
        count(&d.clients, |c| !c.details.family_contact.is_empty()),
        all,
    );
    assert!(
        (40.0..60.0).contains(&contact),
        "{contact}% with family contact"
    );
    let names: HashSet<&str> = d.clients.iter().map(|c| c.details.name.as_str()).collect();
    assert!(
        names.len() * 10 > all * 8,
        "only {} names for {all}",
        names.len()
    );
    let returning = count(&d.clients, |c| c.in_residence() && c.stays.len() > 1);
    assert!((60..=180).contains(&returning), "{returning} returning");
    assert!(
        d.clients
            .iter()
            .any(|c| c.stays.len() == 3 && c.in_residence())
    );
    assert!(
        d.clients
            .iter()
            .any(|c| c.stays.len() == 2 && !c.in_residence())
    );
}

#[test]
fn the_duplicate_check_finds_the_spelling_variants() {
    let d = demo(100);
    let rows: Vec<ClientRow> = d.clients.iter().map(Client::row).collect();
    let mut found = 0;
    for c in d
        .clients
        .iter()
        .filter(|c| c.in_residence() && c.stays.len() == 1)
    {
        let matches = likely_duplicates(&c.details, &rows, Some(c.id));
        let earlier = matches
            .iter()
            .filter(|m| m.row.status == Status::Exited && m.same_birth_year && m.same_origin);
        found += earlier.count();
    }
    assert!(found >= 3, "only {found} near-duplicates found");
}

#[test]
fn ten_thousand_residents() {
    let d = demo(10_000);
    assert_eq!(count(&d.clients, Client::in_residence), 10_000);
    assert_eq!(d.clients.len(), 12_500);
    assert_eq!(d.facility.capacity, 11_000);
}

/// Release builds only: `cargo test --release --lib demo::tests::hundred_thousand`.
#[test]
#[cfg_attr(debug_assertions, ignore = "release builds only")]
fn hundred_thousand_residents_quickly() {
    let start = std::time::Instant::now();
    let d = demo(100_000);
    let took = start.elapsed();
    assert_eq!(count(&d.clients, Client::in_residence), 100_000);
    println!("100,000 residents in {took:?}");
    assert!(took.as_secs_f64() < 3.0, "took {took:?}");
}
