//! Who may do anything at all: `Hello`, first-run `Setup`, and the refusals every other
//! request meets before setup or without an active account.

mod service_support;

use mentas::domain::audit::{AuditAction, RecordRef};
use mentas::domain::{Refusal, Role};
use mentas::protocol::{Reply, Request, SessionInfo};
use mentas::service::{Service, needed_role};
use service_support::*;

fn hello(w: &World, user: &str) -> SessionInfo {
    match w.call(user, Request::Hello).unwrap() {
        Reply::Hello(info) => info,
        other => panic!("expected Hello, got {other:?}"),
    }
}

fn setup_request(name: &str, capacity: u32, head: &str) -> Request {
    Request::Setup {
        facility_name: name.into(),
        capacity,
        head_name: head.into(),
    }
}

#[test]
fn the_service_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Service>();
}

#[test]
fn hello_answers_before_setup_and_without_an_account() {
    let w = empty();
    let info = hello(&w, STRANGER);
    assert_eq!(info.username, STRANGER);
    assert_eq!(info.facility, None);
    assert_eq!(info.me, None);

    let w = set_up();
    let info = hello(&w, STRANGER);
    assert_eq!(info.facility.unwrap().name, "UPT RSBK Pasuruan");
    assert_eq!(info.me, None);
    assert_eq!(
        hello(&w, INACTIVE).me,
        None,
        "an inactive account is no account"
    );
    let me = hello(&w, STAF).me.unwrap();
    assert_eq!(
        (me.display_name.as_str(), me.role),
        ("Budi Santoso", Role::Staff)
    );
}

#[test]
fn before_setup_every_other_request_is_not_set_up() {
    let w = empty();
    for request in guarded_requests() {
        assert_eq!(
            w.call(STRANGER, request.clone()),
            Err(Refusal::NotSetUp),
            "{request:?}"
        );
    }
}

#[test]
fn setup_makes_the_caller_head_and_is_audited() {
    let w = empty();
    let reply = w
        .call(
            HEAD,
            setup_request("  UPT RSBK Pasuruan ", 110, "Ibu Kepala"),
        )
        .unwrap();
    let Reply::SetUp(info) = reply else {
        panic!("expected SetUp, got {reply:?}");
    };
    let facility = info.facility.unwrap();
    assert_eq!(
        (facility.name.as_str(), facility.capacity, facility.revision),
        ("UPT RSBK Pasuruan", 110, 1)
    );
    let me = info.me.unwrap();
    assert_eq!(me.username, HEAD);
    assert_eq!(me.display_name, "Ibu Kepala");
    assert_eq!(me.role, Role::Head);
    assert!(me.active);
    assert_eq!(hello(&w, HEAD).me, Some(me));

    let audit = w.service.store().audit_entries().unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, AuditAction::SetUp);
    assert_eq!(audit[0].record, RecordRef::Facility);
    assert_eq!(audit[0].by, HEAD);
    assert_eq!(audit[0].at, start());
}

#[test]
fn setup_twice_is_already_set_up() {
    let w = set_up();
    assert_eq!(
        w.call(STRANGER, setup_request("Lain", 10, "Orang Lain")),
        Err(Refusal::AlreadySetUp)
    );
    assert_eq!(
        w.call(HEAD, setup_request("Lain", 10, "Ibu Kepala")),
        Err(Refusal::AlreadySetUp)
    );
}

#[test]
fn setup_needs_a_name_a_head_and_beds() {
    let w = empty();
    let wrong = |code: &str| Err(Refusal::WrongState(code.into()));
    assert_eq!(
        w.call(HEAD, setup_request(" ", 10, "Ibu")),
        wrong("facility-name-required")
    );
    assert_eq!(
        w.call(HEAD, setup_request("UPT", 10, "")),
        wrong("head-name-required")
    );
    assert_eq!(
        w.call(HEAD, setup_request("UPT", 0, "Ibu")),
        wrong("capacity-required")
    );
    assert_eq!(
        w.call(HEAD, setup_request(&"x".repeat(121), 10, "Ibu")),
        wrong("text-too-long")
    );
    assert!(w.service.store().is_empty(), "nothing was written");
}

#[test]
fn without_an_account_every_request_is_no_account() {
    let w = set_up();
    for request in guarded_requests() {
        assert_eq!(
            w.call(STRANGER, request.clone()),
            Err(Refusal::NoAccount(STRANGER.into())),
            "{request:?}"
        );
    }
}

#[test]
fn an_inactive_account_is_no_account() {
    let w = set_up();
    for request in guarded_requests() {
        assert_eq!(
            w.call(INACTIVE, request.clone()),
            Err(Refusal::NoAccount(INACTIVE.into())),
            "{request:?}"
        );
    }
}

#[test]
fn every_request_is_refused_below_its_role_before_anything_else() {
    let w = set_up();
    let mut refused = 0;
    for request in guarded_requests() {
        let needed = needed_role(&request).expect("guarded requests need a role");
        for (user, role) in [(STAF, Role::Staff), (SUPERVISOR, Role::Supervisor)] {
            if !role.allows(needed) {
                refused += 1;
                assert_eq!(
                    w.call(user, request.clone()),
                    Err(Refusal::NeedsRole(needed)),
                    "{user} {request:?}"
                );
            }
        }
    }
    // Staff: the exit and five head requests; supervisor: the five head requests (staff
    // accounts, the audit trail, shift times).
    assert_eq!(refused, 11);
    assert_eq!(w.stored_audit().len(), 1, "nothing but setup was written");
}

#[test]
fn the_role_matrix_follows_the_issue() {
    let staff_may = |r: &Request| needed_role(r).is_some_and(|n| Role::Staff.allows(n));
    let supervisor_may = |r: &Request| needed_role(r).is_some_and(|n| Role::Supervisor.allows(n));
    let requests = guarded_requests();
    let staff: Vec<bool> = requests.iter().map(staff_may).collect();
    let supervisor: Vec<bool> = requests.iter().map(supervisor_may).collect();
    // list, get, duplicates, create, update, sick, exit, readmit, 4 × head-only, then
    // today, online, roll call, roll calls, mark, mark all, add handover, handovers (all
    // staff: corrections are checked inside the marks) and shift times (head).
    let t = true;
    let f = false;
    assert_eq!(
        staff,
        [
            t, t, t, t, t, t, f, t, f, f, f, f, t, t, t, t, t, t, t, t, f
        ]
    );
    assert_eq!(
        supervisor,
        [
            t, t, t, t, t, t, t, t, f, f, f, f, t, t, t, t, t, t, t, t, f
        ]
    );
    assert!(
        requests
            .iter()
            .all(|r| needed_role(r).is_some_and(|n| Role::Head.allows(n)))
    );
    assert_eq!(needed_role(&Request::Hello), None);
}
