//! Who may do anything at all: `Hello`, first-run `Setup`, and the refusals every other
//! request meets before setup or without an active account.

mod service_support;

use mentas::domain::audit::{AuditAction, RecordRef};
use mentas::domain::{ClientId, ReferralSource, Refusal, Role};
use mentas::protocol::{Reply, Request, SessionInfo, StatusInput};
use mentas::service::Service;
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

/// Every request except `Hello` and `Setup`.
fn guarded_requests() -> Vec<Request> {
    let id = ClientId(1);
    vec![
        Request::ListClients,
        Request::GetClient(id),
        Request::CheckDuplicates {
            draft: draft("Slamet"),
            editing: None,
        },
        Request::CreateClient(draft("Slamet")),
        Request::UpdateClient {
            id,
            base_revision: 1,
            draft: draft("Slamet"),
        },
        Request::ChangeStatus {
            id,
            base_revision: 1,
            change: StatusInput {
                detail: mentas::domain::StatusDetail::Sick,
                date: day(2026, 11, 20),
                note: String::new(),
            },
        },
        Request::Readmit {
            id,
            base_revision: 1,
            admitted: day(2026, 11, 20),
            referral: ReferralSource::Raid,
        },
    ]
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
