//! Staff accounts through the service: the list, new accounts, renames, role changes,
//! disabling and enabling, conflicts, the rule that the facility always keeps an active
//! head, and the audit entries they write.

mod service_support;

use mentas::domain::audit::{AuditAction, FieldChange, RecordRef};
use mentas::domain::reasons::{
    BAD_USERNAME, LAST_HEAD, NAME_REQUIRED, STAFF_EXISTS, TEXT_TOO_LONG,
};
use mentas::domain::{ExitReason, Refusal, Role, Staff, StatusDetail};
use mentas::protocol::{Reply, Request, StatusInput};
use service_support::*;

/// A second head, added by `HEAD` through the command.
const DEWI: &str = "dewi";

fn list(w: &World, user: &str) -> Result<Vec<Staff>, Refusal> {
    match w.call(user, Request::ListStaff)? {
        Reply::Staff(all) => Ok(all),
        other => panic!("expected Staff, got {other:?}"),
    }
}

fn usernames(all: &[Staff]) -> Vec<&str> {
    all.iter().map(|s| s.username.as_str()).collect()
}

fn changes(fields: &[(&str, &str, &str)]) -> Vec<FieldChange> {
    fields
        .iter()
        .map(|(field, before, after)| FieldChange {
            field: (*field).into(),
            before: (*before).into(),
            after: (*after).into(),
        })
        .collect()
}

/// `staff` with some fields changed.
fn with(staff: &Staff, name: &str, role: Role, active: bool) -> Staff {
    Staff {
        display_name: name.into(),
        role,
        active,
        ..staff.clone()
    }
}

fn set_up_with_two_heads() -> World {
    let w = set_up();
    w.add(HEAD, DEWI, "Dewi Lestari", Role::Head).unwrap();
    w
}

#[test]
fn staff_commands_need_the_head() {
    let w = set_up();
    let budi = w.stored_staff(STAF);
    for user in [STAF, SUPERVISOR] {
        assert_eq!(
            list(&w, user),
            Err(Refusal::NeedsRole(Role::Head)),
            "{user}"
        );
        assert_eq!(
            w.add(user, "ani", "Ani", Role::Staff),
            Err(Refusal::NeedsRole(Role::Head)),
            "{user}"
        );
        assert_eq!(
            w.update_staff(user, 1, &with(&budi, "Budi", Role::Head, true)),
            Err(Refusal::NeedsRole(Role::Head)),
            "{user} may not promote anyone, themselves included"
        );
    }
    assert_eq!(w.stored_staff(STAF), budi);
    assert_eq!(w.service.store().staff("ani").unwrap(), None);
    assert_eq!(w.stored_audit().len(), 1, "nothing but setup was written");
}

#[test]
fn the_list_holds_every_account_by_user_name() {
    let w = set_up();
    w.add(HEAD, "zaki", "Zaki", Role::Staff).unwrap();
    w.add(HEAD, "ani", "Ani", Role::Supervisor).unwrap();
    let all = list(&w, HEAD).unwrap();
    assert_eq!(
        usernames(&all),
        ["ani", STAF, HEAD, INACTIVE, SUPERVISOR, "zaki"]
    );
    let lama = all.iter().find(|s| s.username == INACTIVE).unwrap();
    assert!(!lama.active, "inactive accounts are listed too");
}

#[test]
fn adding_makes_an_active_account_at_revision_one() {
    let w = set_up();
    let ani = w
        .add(HEAD, " ani ", "  Ani Rahayu ", Role::Supervisor)
        .unwrap();
    assert_eq!(
        ani,
        Staff {
            username: "ani".into(),
            display_name: "Ani Rahayu".into(),
            role: Role::Supervisor,
            active: true,
            revision: 1,
        }
    );
    assert_eq!(w.stored_staff("ani"), ani);
    let Reply::Hello(info) = w.call("ani", Request::Hello).unwrap() else {
        panic!("expected Hello");
    };
    assert_eq!(info.me, Some(ani));
    assert!(w.call("ani", Request::ListClients).is_ok());
}

#[test]
fn adding_is_audited_with_name_role_and_active() {
    let w = set_up();
    w.clock.set(at(2026, 11, 28, 11, 30));
    w.add(HEAD, "ani", "Ani Rahayu", Role::Staff).unwrap();
    let audit = w.stored_audit();
    assert_eq!(audit.len(), 2);
    let e = &audit[1];
    assert_eq!(e.at, at(2026, 11, 28, 11, 30));
    assert_eq!(e.by, HEAD);
    assert_eq!(e.record, RecordRef::Staff("ani".into()));
    assert_eq!(e.action, AuditAction::Created);
    assert_eq!(
        e.changes,
        changes(&[
            ("name", "", "Ani Rahayu"),
            ("role", "", "Staff"),
            ("active", "", "true"),
        ])
    );
}

#[test]
fn adding_needs_an_os_user_name() {
    let w = set_up();
    let long = "a".repeat(33);
    for bad in [
        "",
        "  ",
        "Ani",
        "1ani",
        "-ani",
        "ani rahayu",
        "ani.r",
        "ani@desa",
        "a$b",
        "$",
        "anï",
        long.as_str(),
    ] {
        assert_eq!(
            w.add(HEAD, bad, "Ani", Role::Staff),
            wrong(BAD_USERNAME),
            "{bad:?}"
        );
    }
    for good in ["_svc", "a", "ani-r", "ani_2", "pc01$", &"a".repeat(32)] {
        assert!(
            w.add(HEAD, good, "Someone", Role::Staff).is_ok(),
            "{good:?}"
        );
    }
    assert_eq!(w.stored_audit().len(), 7, "setup and the six good ones");
}

#[test]
fn adding_needs_a_display_name_of_sensible_length() {
    let w = set_up();
    assert_eq!(w.add(HEAD, "ani", "   ", Role::Staff), wrong(NAME_REQUIRED));
    assert_eq!(
        w.add(HEAD, "ani", &"x".repeat(121), Role::Staff),
        wrong(TEXT_TOO_LONG)
    );
    assert!(w.add(HEAD, "ani", &"x".repeat(120), Role::Staff).is_ok());
}

#[test]
fn adding_an_existing_user_name_is_refused() {
    let w = set_up();
    for taken in [STAF, HEAD, INACTIVE] {
        assert_eq!(
            w.add(HEAD, taken, "Someone Else", Role::Head),
            wrong(STAFF_EXISTS),
            "{taken}"
        );
    }
    assert_eq!(w.stored_staff(INACTIVE).display_name, "Pak Lama");
    assert!(!w.stored_staff(INACTIVE).active, "not re-enabled by an add");
    assert_eq!(w.stored_audit().len(), 1);
}

#[test]
fn updating_an_unknown_account_is_not_found() {
    let w = set_up();
    let ghost = Staff {
        username: STRANGER.into(),
        display_name: "Tamu".into(),
        role: Role::Staff,
        active: true,
        revision: 1,
    };
    assert_eq!(w.update_staff(HEAD, 1, &ghost), Err(Refusal::NotFound));
    assert_eq!(w.service.store().staff(STRANGER).unwrap(), None);
}

#[test]
fn renaming_bumps_the_revision_and_audits_only_the_name() {
    let w = set_up();
    let budi = w.stored_staff(STAF);
    let saved = w
        .update_staff(HEAD, 1, &with(&budi, " Budi S. ", Role::Staff, true))
        .unwrap();
    assert_eq!(saved.display_name, "Budi S.");
    assert_eq!(saved.revision, 2);
    assert_eq!(w.stored_staff(STAF), saved);
    let audit = w.stored_audit();
    let e = audit.last().unwrap();
    assert_eq!(
        (e.by.as_str(), &e.record, e.action),
        (HEAD, &RecordRef::Staff(STAF.into()), AuditAction::Updated)
    );
    assert_eq!(e.changes, changes(&[("name", "Budi Santoso", "Budi S.")]));
}

#[test]
fn renaming_needs_a_name() {
    let w = set_up();
    let budi = w.stored_staff(STAF);
    assert_eq!(
        w.update_staff(HEAD, 1, &with(&budi, " ", Role::Staff, true)),
        wrong(NAME_REQUIRED)
    );
    assert_eq!(
        w.update_staff(HEAD, 1, &with(&budi, &"x".repeat(121), Role::Staff, true)),
        wrong(TEXT_TOO_LONG)
    );
    assert_eq!(w.stored_staff(STAF), budi);
}

#[test]
fn changing_the_role_changes_what_the_account_may_do() {
    let w = set_up();
    let c = w.create(draft("Slamet"));
    let exit = Request::ChangeStatus {
        id: c.id,
        base_revision: c.revision,
        change: StatusInput {
            detail: StatusDetail::Exited {
                reason: ExitReason::ReturnedToFamily,
                destination: String::new(),
            },
            date: day(2026, 11, 27),
            note: String::new(),
        },
    };
    assert_eq!(
        w.call(STAF, exit.clone()),
        Err(Refusal::NeedsRole(Role::Supervisor))
    );
    let budi = w.stored_staff(STAF);
    let saved = w
        .update_staff(
            HEAD,
            1,
            &with(&budi, "Budi Santoso", Role::Supervisor, true),
        )
        .unwrap();
    assert_eq!((saved.role, saved.revision), (Role::Supervisor, 2));
    assert_eq!(
        w.stored_audit().last().unwrap().changes,
        changes(&[("role", "Staff", "Supervisor")])
    );
    assert!(
        w.call(STAF, exit).is_ok(),
        "a supervisor may record an exit"
    );
    assert_eq!(list(&w, STAF), Err(Refusal::NeedsRole(Role::Head)));
}

#[test]
fn a_disabled_account_gets_no_account_on_every_request() {
    let w = set_up();
    let budi = w.stored_staff(STAF);
    let saved = w
        .update_staff(HEAD, 1, &with(&budi, "Budi Santoso", Role::Staff, false))
        .unwrap();
    assert!(!saved.active);
    assert_eq!(saved.revision, 2);
    assert_eq!(
        w.stored_audit().last().unwrap().changes,
        changes(&[("active", "true", "false")])
    );
    for request in guarded_requests() {
        assert_eq!(
            w.call(STAF, request.clone()),
            Err(Refusal::NoAccount(STAF.into())),
            "{request:?}"
        );
    }
    let Reply::Hello(info) = w.call(STAF, Request::Hello).unwrap() else {
        panic!("expected Hello");
    };
    assert_eq!(info.me, None);
}

#[test]
fn enabling_an_account_lets_it_back_in() {
    let w = set_up();
    let lama = w.stored_staff(INACTIVE);
    assert_eq!(
        w.call(INACTIVE, Request::ListClients),
        Err(Refusal::NoAccount(INACTIVE.into()))
    );
    let saved = w
        .update_staff(HEAD, 1, &with(&lama, "Pak Lama", Role::Staff, true))
        .unwrap();
    assert!(saved.active);
    assert_eq!((saved.role, saved.revision), (Role::Staff, 2));
    assert_eq!(
        w.stored_audit().last().unwrap().changes,
        changes(&[("role", "Head", "Staff"), ("active", "false", "true")])
    );
    assert!(w.call(INACTIVE, Request::ListClients).is_ok());
    assert_eq!(list(&w, INACTIVE), Err(Refusal::NeedsRole(Role::Head)));
}

#[test]
fn disabling_then_enabling_runs_the_revision_on() {
    let w = set_up();
    let budi = w.stored_staff(STAF);
    w.update_staff(HEAD, 1, &with(&budi, "Budi Santoso", Role::Staff, false))
        .unwrap();
    let back = w
        .update_staff(HEAD, 2, &with(&budi, "Budi Santoso", Role::Staff, true))
        .unwrap();
    assert_eq!((back.active, back.revision), (true, 3));
    assert!(w.call(STAF, Request::ListClients).is_ok());
}

#[test]
fn an_unchanged_account_writes_nothing() {
    let w = set_up();
    let budi = w.stored_staff(STAF);
    let saved = w.update_staff(HEAD, 1, &budi).unwrap();
    assert_eq!(saved, budi);
    assert_eq!(w.stored_audit().len(), 1);
}

#[test]
fn a_stale_revision_names_who_changed_the_account_and_when() {
    let w = set_up_with_two_heads();
    let ani = w.add(HEAD, "ani", "Ani", Role::Staff).unwrap();
    w.clock.set(at(2026, 11, 28, 14, 5));
    let moved = w
        .update_staff(DEWI, 1, &with(&ani, "Ani Rahayu", Role::Staff, true))
        .unwrap();
    w.clock.set(at(2026, 11, 28, 15, 0));
    assert_eq!(
        w.update_staff(HEAD, 1, &with(&ani, "Ani R.", Role::Supervisor, true)),
        Err(Refusal::StaleStaff {
            by_name: "Dewi Lestari".into(),
            at: at(2026, 11, 28, 14, 5),
            current: moved.clone(),
        })
    );
    assert_eq!(w.stored_staff("ani"), moved);
    assert_eq!(w.stored_audit().len(), 4, "setup, two adds, one update");
}

#[test]
fn a_stale_revision_of_an_account_from_setup_names_who_set_up() {
    let w = set_up();
    let budi = w.stored_staff(STAF);
    w.clock.set(at(2026, 11, 29, 8, 0));
    assert_eq!(
        w.update_staff(HEAD, 7, &with(&budi, "Budi", Role::Staff, true)),
        Err(Refusal::StaleStaff {
            by_name: "Ibu Kepala".into(),
            at: start(),
            current: budi.clone(),
        })
    );
    assert_eq!(w.stored_staff(STAF), budi);
}

#[test]
fn the_last_active_head_cannot_be_demoted() {
    // `lama` is a head too, but inactive: it does not count.
    let w = set_up();
    let me = w.stored_staff(HEAD);
    for role in [Role::Supervisor, Role::Staff] {
        assert_eq!(
            w.update_staff(HEAD, 1, &with(&me, "Ibu Kepala", role, true)),
            wrong(LAST_HEAD),
            "{role:?}"
        );
    }
    assert_eq!(w.stored_staff(HEAD), me);
    assert_eq!(w.stored_audit().len(), 1);
}

#[test]
fn the_last_active_head_cannot_disable_themselves() {
    let w = set_up();
    let me = w.stored_staff(HEAD);
    assert_eq!(
        w.update_staff(HEAD, 1, &with(&me, "Ibu Kepala", Role::Head, false)),
        wrong(LAST_HEAD)
    );
    assert_eq!(
        w.update_staff(HEAD, 1, &with(&me, "Ibu Kepala", Role::Staff, false)),
        wrong(LAST_HEAD)
    );
    assert!(w.stored_staff(HEAD).active);
    let renamed = w
        .update_staff(HEAD, 1, &with(&me, "Ibu Kepala UPT", Role::Head, true))
        .unwrap();
    assert_eq!(renamed.display_name, "Ibu Kepala UPT", "renaming is fine");
}

#[test]
fn with_another_active_head_a_head_may_step_down() {
    let w = set_up_with_two_heads();
    let me = w.stored_staff(HEAD);
    let demoted = w
        .update_staff(DEWI, 1, &with(&me, "Ibu Kepala", Role::Supervisor, true))
        .unwrap();
    assert_eq!(demoted.role, Role::Supervisor);
    assert_eq!(list(&w, HEAD), Err(Refusal::NeedsRole(Role::Head)));
    // Dewi is now the last active head.
    let dewi = w.stored_staff(DEWI);
    assert_eq!(
        w.update_staff(DEWI, 1, &with(&dewi, "Dewi Lestari", Role::Head, false)),
        wrong(LAST_HEAD)
    );
    assert_eq!(
        w.update_staff(DEWI, 1, &with(&dewi, "Dewi Lestari", Role::Staff, true)),
        wrong(LAST_HEAD)
    );
}

#[test]
fn with_another_active_head_a_head_may_disable_themselves() {
    let w = set_up_with_two_heads();
    let dewi = w.stored_staff(DEWI);
    let off = w
        .update_staff(DEWI, 1, &with(&dewi, "Dewi Lestari", Role::Head, false))
        .unwrap();
    assert!(!off.active);
    assert_eq!(
        w.call(DEWI, Request::ListStaff),
        Err(Refusal::NoAccount(DEWI.into()))
    );
    let me = w.stored_staff(HEAD);
    assert_eq!(
        w.update_staff(HEAD, 1, &with(&me, "Ibu Kepala", Role::Head, false)),
        wrong(LAST_HEAD),
        "a disabled head does not count"
    );
}

/// The screen a user without a usable account sees, at 100×20, in `lang`.
fn no_account_screen(w: World, user: &str, lang: mentas::ui::text::Lang) -> String {
    use ratatui::{Terminal, backend::TestBackend};
    let clock = std::sync::Arc::new(mentas::clock::FixedClock(start()));
    let conn = mentas::client::LocalConnection::new(std::sync::Arc::new(w.service), user);
    let theme = mentas::ui::theme::Theme::mono();
    let app = mentas::ui::app::App::new(Box::new(conn), lang, theme, clock).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(100, 20)).unwrap();
    terminal.draw(|f| app.render(f)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..20)
        .map(|y| {
            (0..100)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_disabled_account_is_told_so_and_who_can_enable_it() {
    use mentas::ui::text::Lang;
    let w = set_up();
    let Reply::Hello(info) = w.call(INACTIVE, Request::Hello).unwrap() else {
        panic!("expected Hello");
    };
    assert_eq!((info.me, info.disabled), (None, true));
    let Reply::Hello(info) = w.call(STRANGER, Request::Hello).unwrap() else {
        panic!("expected Hello");
    };
    assert_eq!((info.me, info.disabled), (None, false));

    let screen = no_account_screen(w, INACTIVE, Lang::Id);
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Akun staf Anda (lama) dinonaktifkan"),
        "{screen}"
    );
    assert!(flat.contains("mentas staff enable lama"), "{screen}");
    assert!(!flat.contains("staff add"), "{screen}");
    // No tabs to screens it cannot open; only help and quit in the footer.
    assert!(
        !flat.contains("Hari ini") && !flat.contains("Klien"),
        "{screen}"
    );
    let footer = screen.lines().last().unwrap();
    assert!(
        footer.contains("keluar") && footer.contains("bantuan"),
        "{footer}"
    );
    assert!(!footer.contains("layar"), "{footer}");
}

#[test]
fn a_user_without_an_os_name_is_not_told_to_add_uid_numbers() {
    let w = set_up();
    let screen = no_account_screen(w, "uid:1234", mentas::ui::text::Lang::En);
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Your OS user has no name (uid:1234)"),
        "{screen}"
    );
    assert!(flat.contains("administrator"), "{screen}");
    assert!(!flat.contains("staff add"), "{screen}");
}
