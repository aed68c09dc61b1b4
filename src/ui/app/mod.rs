//! The app: its state, `handle` (events become actions, actions change state) and
//! `render` (state becomes a frame). Screens and popups never call each other; they return
//! outcomes that are applied here. Resident flows, staff and audit flows, live updates and
//! drawing the frame each have their own file.

mod admin;
mod chrome;
mod live;
mod residents;
mod shift;

use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::action::Action;
use super::keymap::{self, Context};
use super::popups::Popup;
use super::popups::confirm::{Confirm, OnYes};
use super::popups::help::Help;
use super::screens::audit::AuditScreen;
use super::screens::detail::Detail;
use super::screens::roll_call::RollCallScreen;
use super::screens::roster::{Roster, RosterOutcome};
use super::screens::setup::Setup;
use super::screens::staff::StaffScreen;
use super::screens::today::TodayScreen;
use super::text::{self, Lang, Msg};
use super::theme::Theme;
use crate::client::{CallError, ConnEvent, Connection, EventSink};
use crate::clock::Clock;
use crate::domain::{Refusal, Role};
use crate::protocol::SessionInfo;

/// The smallest terminal the layout is made for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 16;

/// What reaches the app: keys, resizes, the minute changing, the server, or a reason to
/// stop.
#[derive(Debug, Clone)]
pub enum AppEvent {
    Key(KeyEvent),
    Resize,
    /// The wall clock reached a new minute (the header shows the time).
    Minute,
    /// The connection reported something: another session's change, loss, return.
    Conn(ConnEvent),
    /// SIGTERM, SIGHUP or the terminal went away: leave now, saving nothing half-done.
    Stop,
}

/// Which screen is showing.
pub enum Screen {
    /// First run: no facility yet.
    Setup(Setup),
    /// The OS user has no staff account; nothing else is readable.
    NoAccount,
    Roster,
    Detail(Box<Detail>),
    Staff(StaffScreen),
    Audit(Box<AuditScreen>),
    Today(Box<TodayScreen>),
    RollCall(Box<RollCallScreen>),
}

/// Where Esc on a resident's detail goes back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Return {
    Roster,
    Today,
    RollCall(crate::domain::shift::ShiftSlot),
}

/// The status line: the last thing that happened.
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// The whole TUI state.
pub struct App {
    conn: Box<dyn Connection>,
    pub lang: Lang,
    pub theme: Theme,
    clock: Arc<dyn Clock>,
    pub session: SessionInfo,
    pub screen: Screen,
    pub roster: Roster,
    pub popups: Vec<Popup>,
    pub notice: Option<Notice>,
    /// Why the server cannot be reached, while it cannot.
    pub offline: Option<String>,
    /// Where the detail screen returns to.
    pub detail_return: Return,
    /// The list on Hari ini a resident was opened from: Esc on the detail reopens it.
    people_return: Option<super::popups::people::People>,
    pub quit: bool,
    /// The minute shown in the header, so a tick redraws only when it changed.
    shown_minute: String,
    /// Staff logins to names, for who did what (audit, status history, roll call).
    pub names: crate::ui::staff_names::StaffNames,
}

impl App {
    /// Connects the app to the service and loads the first screen.
    pub fn new(
        mut conn: Box<dyn Connection>,
        lang: Lang,
        theme: Theme,
        clock: Arc<dyn Clock>,
    ) -> Result<App, CallError> {
        let session = conn.hello()?;
        let today = clock.today();
        let mut app = App {
            conn,
            lang,
            theme,
            shown_minute: clock.now().format("%H:%M").to_string(),
            clock,
            session,
            screen: Screen::NoAccount,
            roster: Roster::new(today),
            popups: Vec::new(),
            notice: None,
            offline: None,
            detail_return: Return::Roster,
            people_return: None,
            quit: false,
            names: Default::default(),
        };
        app.enter_session();
        Ok(app)
    }

    /// Chooses the first screen from the session: setup, no account, or Hari ini.
    fn enter_session(&mut self) {
        self.screen = match (&self.session.facility, &self.session.me) {
            (None, _) => Screen::Setup(Setup::new(&self.session.username, self.lang)),
            (Some(_), None) => Screen::NoAccount,
            (Some(_), Some(_)) => Screen::Roster,
        };
        if matches!(self.screen, Screen::Roster) {
            self.refresh_names();
            self.reload_roster();
            self.open_today();
        }
    }

    /// Has the connection deliver its events to `sink` (the event loop's channel).
    pub fn subscribe(&mut self, sink: EventSink) {
        self.conn.subscribe(sink);
    }

    fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The caller's role, if they have an account.
    pub fn role(&self) -> Option<Role> {
        self.session.me.as_ref().map(|m| m.role)
    }

    /// Where keys go now: the top popup, or the screen.
    pub fn context(&self) -> Context {
        match self.popups.last() {
            Some(p) if p.is_one_field_form() => Context::ShortForm,
            Some(
                Popup::ClientForm(_)
                | Popup::StatusForm(_)
                | Popup::StaffForm(_)
                | Popup::DateRange(_)
                | Popup::MarkForm(_)
                | Popup::ExportForm(_)
                | Popup::ShiftTimesForm(_),
            ) => Context::Form,
            Some(Popup::HandoverEditor(_)) => Context::Editor,
            Some(Popup::People(_)) => Context::List,
            Some(Popup::HandoverList(_)) => Context::Handovers,
            Some(Popup::Duplicates(d)) if d.same_nik().is_some() => Context::DuplicatesSameNik,
            Some(Popup::Duplicates(_)) => Context::Duplicates,
            Some(Popup::Confirm(_)) => Context::Confirm,
            Some(Popup::Help(_)) => Context::Help,
            None => match &self.screen {
                Screen::Setup(_) => Context::Setup,
                Screen::NoAccount => Context::Gate,
                Screen::Roster if self.roster.searching => Context::Search,
                Screen::Roster if self.roster.filtered() => Context::RosterFiltered,
                Screen::Roster => Context::Roster,
                Screen::Detail(d) if d.fits() => Context::DetailFits,
                Screen::Detail(_) => Context::Detail,
                Screen::Staff(_) => Context::Staff,
                Screen::Audit(_) => Context::Audit,
                Screen::Today(_) => Context::Today,
                Screen::RollCall(r) if r.asking() => Context::RollAsk,
                Screen::RollCall(r) if r.jump.is_some() => Context::Jump,
                Screen::RollCall(_) => Context::RollCall,
            },
        }
    }

    /// True if some form holds input that was not saved.
    pub fn has_unsaved_input(&self) -> bool {
        self.popups.iter().any(Popup::is_dirty)
    }

    fn say(&mut self, text: String) {
        self.notice = Some(Notice { text, error: false });
    }

    fn fail(&mut self, e: &CallError) {
        let text = text::call_error(self.lang, e);
        self.notice = Some(Notice { text, error: true });
    }

    /// A failure of the store or the connection rather than of the input (a full disk, a
    /// lost server) goes to the status line too, where such failures always show; the
    /// form that was being saved stays open with everything typed.
    fn fail_if_not_input(&mut self, e: &CallError) {
        if matches!(
            e,
            CallError::Lost(_) | CallError::Unexpected | CallError::Refused(Refusal::Storage(_))
        ) {
            self.fail(e);
        }
    }

    fn reload_roster(&mut self) {
        match self.conn.list_clients() {
            Ok(rows) => self.roster.set_rows(rows),
            Err(e) => self.fail(&e),
        }
    }

    /// Applies one event; returns true if the screen must be redrawn.
    pub fn handle(&mut self, event: AppEvent) -> bool {
        match event {
            AppEvent::Key(key) if key.kind == KeyEventKind::Release => false,
            AppEvent::Key(key) => {
                self.notice = None;
                self.handle_key(key);
                true
            }
            AppEvent::Resize => true,
            AppEvent::Minute => {
                let minute = self.clock.now().format("%H:%M").to_string();
                let changed = minute != self.shown_minute;
                self.shown_minute = minute;
                // A new shift or date: Hari ini follows (one request per change).
                let moved = changed && self.follow_shift();
                changed || moved
            }
            AppEvent::Conn(event) => self.on_connection(event),
            AppEvent::Stop => {
                self.quit = true;
                false
            }
        }
    }

    fn handle_key(&mut self, key: KeyEvent) {
        let ctx = self.context();
        match keymap::lookup(ctx, &key) {
            Some(Action::Help) => self.popups.push(Popup::Help(Help::new(ctx))),
            Some(Action::Quit) if self.has_unsaved_input() && ctx != Context::Confirm => {
                self.popups.push(Popup::Confirm(Confirm {
                    question: Msg::ConfirmQuit,
                    on_yes: OnYes::Quit,
                }))
            }
            Some(Action::Quit) => self.quit = true,
            Some(Action::GoToday) if self.session.me.is_some() => self.open_today(),
            Some(Action::GoRoster) if self.session.me.is_some() => self.screen = Screen::Roster,
            Some(Action::GoRollCall) if self.session.me.is_some() => self.open_roll_call(None),
            Some(Action::GoStaff) if self.role() == Some(Role::Head) => self.open_staff(),
            Some(Action::GoAudit) if self.role() == Some(Role::Head) => self.open_audit(None),
            Some(
                Action::GoToday
                | Action::GoRoster
                | Action::GoRollCall
                | Action::GoStaff
                | Action::GoAudit,
            ) => {}
            Some(action) => self.apply(ctx, action, key),
            None if ctx.takes_text() => self.type_text(key),
            None => {}
        }
    }

    /// A key that is text, for whatever has the text focus.
    fn type_text(&mut self, key: KeyEvent) {
        if let Some(Popup::HandoverEditor(editor)) = self.popups.last_mut() {
            editor.area.input(key);
            editor.message = None;
            return;
        }
        if let Some(popup) = self.popups.last_mut() {
            if let Some(fields) = popup.fields() {
                fields.type_key(key);
                popup.changed();
            }
            return;
        }
        match &mut self.screen {
            Screen::Setup(s) => {
                s.fields.type_key(key);
            }
            Screen::Roster => self.roster.type_in_search(key),
            Screen::RollCall(r) => r.type_jump(key, self.roster.rows()),
            _ => {}
        }
    }

    fn apply(&mut self, ctx: Context, action: Action, key: KeyEvent) {
        match ctx {
            Context::Confirm => self.apply_confirm(action),
            Context::Help => self.apply_help(action),
            Context::Duplicates | Context::DuplicatesSameNik => self.apply_duplicates(action),
            Context::Form | Context::ShortForm => self.apply_form(action, key),
            Context::Setup => self.apply_setup(action, key),
            Context::Roster | Context::RosterFiltered | Context::Search => {
                match self.roster.apply(action) {
                    RosterOutcome::None => {}
                    RosterOutcome::New => self.open_new_form(),
                    RosterOutcome::Open(id) => self.open_detail(id),
                    RosterOutcome::Edit(id) => self.open_edit_form(id),
                    RosterOutcome::ChangeStatus(id) => self.open_status_form(id),
                }
            }
            Context::Detail | Context::DetailFits => {
                let head = self.role() == Some(Role::Head);
                let supervisor = self.role() >= Some(Role::Supervisor);
                let Screen::Detail(detail) = &mut self.screen else {
                    return;
                };
                let id = detail.view.client.id;
                match action {
                    Action::Back => match self.detail_return {
                        Return::Roster => self.screen = Screen::Roster,
                        Return::Today => {
                            self.open_today();
                            self.reopen_people();
                        }
                        Return::RollCall(slot) => self.open_roll_call(Some(slot)),
                    },
                    Action::Edit => self.open_edit_form(id),
                    Action::ChangeStatus => self.open_status_form(id),
                    Action::AuditOfClient if head => {
                        self.open_audit(Some(crate::domain::audit::RecordRef::Client(id)))
                    }
                    // Undo needs a supervisor: said before asking, not after "yes".
                    Action::UndoStatus if !supervisor => {
                        let needs = CallError::Refused(Refusal::NeedsRole(Role::Supervisor));
                        self.fail(&needs);
                    }
                    Action::UndoStatus => self.ask_undo_status(),
                    other => detail.apply(other),
                }
            }
            Context::Staff => self.apply_staff(action),
            Context::Today => self.apply_today(action),
            Context::RollCall | Context::RollAsk | Context::Jump => self.apply_roll_call(action),
            Context::Editor => self.apply_editor(action),
            Context::List | Context::Handovers => self.apply_list(action),
            Context::Audit => self.apply_audit(action),
            Context::Gate => {}
        }
    }

    /// Keys every form shares (moving between fields, choosing, cancelling); saving is
    /// particular to each form.
    fn apply_form(&mut self, action: Action, key: KeyEvent) {
        let Some(popup) = self.popups.last_mut() else {
            return;
        };
        let dirty = popup.is_dirty();
        let Some(fields) = popup.fields() else { return };
        // Enter on the last field saves, in every form (Tab still goes round).
        let action = match action {
            Action::NextField if key.code == KeyCode::Enter && fields.on_last() => Action::Save,
            other => other,
        };
        match action {
            Action::NextField => fields.next(),
            Action::PrevField => fields.prev(),
            Action::ChoicePrev | Action::ChoiceNext => {
                fields.left_right(key);
                popup.changed();
            }
            Action::Cancel if dirty => self.popups.push(Popup::Confirm(Confirm {
                question: Msg::ConfirmDiscard,
                on_yes: OnYes::DiscardForm,
            })),
            Action::Cancel => {
                self.popups.pop();
            }
            Action::Save | Action::TakeTheirs => match self.popups.last() {
                Some(Popup::ClientForm(_)) => self.save_client_form(action),
                Some(Popup::StatusForm(_)) => self.save_status_form(),
                Some(Popup::StaffForm(_)) => self.save_staff_form(),
                Some(Popup::DateRange(_)) => self.apply_range(),
                Some(Popup::MarkForm(_)) => self.save_mark_form(),
                Some(Popup::ExportForm(_)) => self.save_export_form(),
                Some(Popup::ShiftTimesForm(_)) => self.save_shift_times(),
                _ => {}
            },
            _ => {}
        }
    }

    fn apply_confirm(&mut self, action: Action) {
        let Some(Popup::Confirm(c)) = self.popups.pop() else {
            return;
        };
        match (action, &c.on_yes) {
            (Action::Yes, OnYes::Quit) => self.quit = true,
            (Action::Yes, OnYes::DiscardForm) => {
                self.popups.pop();
            }
            (Action::Yes, OnYes::SaveExit { .. }) => {
                if let Some(Popup::StatusForm(form)) = self.popups.last_mut() {
                    form.exit_confirmed = true;
                }
                self.save_status_form();
            }
            (Action::Yes, OnYes::UndoStatus { .. }) => {
                let exit = crate::domain::Status::Exited;
                let was_exit =
                    matches!(&self.screen, Screen::Detail(d) if d.view.client.status() == exit);
                self.undo_status(&c.on_yes);
                if was_exit {
                    self.say_if_no_bed_back();
                }
            }
            (Action::Yes, OnYes::RestartServer) => self.restart_server(),
            (Action::No, _) => {}
            _ => self.popups.push(Popup::Confirm(c)),
        }
    }

    fn apply_help(&mut self, action: Action) {
        let Some(Popup::Help(h)) = self.popups.last_mut() else {
            return;
        };
        match action {
            Action::Up => h.up(),
            Action::Down => h.down(),
            Action::Back => {
                self.popups.pop();
            }
            _ => {}
        }
    }

    fn apply_setup(&mut self, action: Action, key: KeyEvent) {
        let lang = self.lang;
        let Screen::Setup(setup) = &mut self.screen else {
            return;
        };
        let action = match action {
            Action::NextField if key.code == KeyCode::Enter && setup.fields.on_last() => {
                Action::Save
            }
            other => other,
        };
        match action {
            Action::NextField => setup.fields.next(),
            Action::PrevField => setup.fields.prev(),
            Action::Save => {
                let Some((facility, capacity, head)) = setup.submit(lang) else {
                    return;
                };
                match self.conn.setup(facility.clone(), capacity, head.clone()) {
                    Ok(session) => {
                        self.session = session;
                        self.enter_session();
                        self.say(lang.t(Msg::SetupDone).into());
                    }
                    Err(CallError::Refused(Refusal::AlreadySetUp)) => {
                        // Another session set up first: say who, and keep what was typed
                        // in the words too, so nothing is lost when this screen goes.
                        let typed = [facility, capacity.to_string(), head];
                        let heads = match self.conn.hello() {
                            Ok(info) => info.heads.join(", "),
                            Err(_) => String::new(),
                        };
                        let Screen::Setup(setup) = &mut self.screen else {
                            return;
                        };
                        let words = [heads.as_str(), &typed[0], &typed[1], &typed[2]];
                        setup.message = Some(lang.f(Msg::SetupAlreadyDoneBy, &words));
                    }
                    Err(e) => {
                        setup.message = Some(text::call_error(lang, &e));
                        self.fail_if_not_input(&e);
                    }
                }
            }
            _ => {}
        }
    }
}
