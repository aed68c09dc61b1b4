//! The app: its state, `handle` (events become actions, actions change state) and
//! `render` (state becomes a frame). Screens and popups never call each other; they return
//! outcomes that are applied here.

use std::sync::Arc;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::action::Action;
use super::keymap::{self, Context};
use super::popups::Popup;
use super::popups::client_form::{ClientForm, FormMode};
use super::popups::confirm::{Confirm, OnYes};
use super::popups::duplicates::Duplicates;
use super::popups::help::Help;
use super::popups::status_form::StatusForm;
use super::screens::detail::Detail;
use super::screens::roster::{Roster, RosterOutcome};
use super::screens::setup::Setup;
use super::text::{self, Lang, Msg};
use super::theme::Theme;
use crate::client::{CallError, Connection};
use crate::clock::Clock;
use crate::domain::{Client, ClientDraft, ClientId, Refusal, Status};
use crate::protocol::SessionInfo;

/// The smallest terminal the layout is made for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 16;

/// What reaches the app: keys, resizes, the minute changing, or a reason to stop.
#[derive(Debug, Clone)]
pub enum AppEvent {
    Key(KeyEvent),
    Resize,
    /// The wall clock reached a new minute (the header shows the time).
    Minute,
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
    pub quit: bool,
    /// The minute shown in the header, so a tick redraws only when it changed.
    shown_minute: String,
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
        let screen = match (&session.facility, &session.me) {
            (None, _) => Screen::Setup(Setup::new(&session.username, lang)),
            (Some(_), None) => Screen::NoAccount,
            (Some(_), Some(_)) => Screen::Roster,
        };
        let mut app = App {
            conn,
            lang,
            theme,
            shown_minute: clock.now().format("%H:%M").to_string(),
            clock,
            session,
            screen,
            roster: Roster::new(today),
            popups: Vec::new(),
            notice: None,
            quit: false,
        };
        if matches!(app.screen, Screen::Roster) {
            app.reload_roster();
        }
        Ok(app)
    }

    fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// Where keys go now: the top popup, or the screen.
    pub fn context(&self) -> Context {
        match self.popups.last() {
            Some(Popup::ClientForm(_) | Popup::StatusForm(_)) => Context::Form,
            Some(Popup::Duplicates(_)) => Context::Duplicates,
            Some(Popup::Confirm(_)) => Context::Confirm,
            Some(Popup::Help(_)) => Context::Help,
            None => match &self.screen {
                Screen::Setup(_) => Context::Setup,
                Screen::NoAccount => Context::Gate,
                Screen::Roster if self.roster.searching => Context::Search,
                Screen::Roster => Context::Roster,
                Screen::Detail(_) => Context::Detail,
            },
        }
    }

    /// True if some form holds input that was not saved.
    pub fn has_unsaved_input(&self) -> bool {
        self.popups.iter().any(|p| match p {
            Popup::ClientForm(f) => f.is_dirty(),
            Popup::StatusForm(f) => f.is_dirty(),
            _ => false,
        })
    }

    fn say(&mut self, text: String) {
        self.notice = Some(Notice { text, error: false });
    }

    fn fail(&mut self, e: &CallError) {
        let text = text::call_error(self.lang, e);
        self.notice = Some(Notice { text, error: true });
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
                changed
            }
            AppEvent::Stop => {
                self.quit = true;
                false
            }
        }
    }

    fn handle_key(&mut self, key: KeyEvent) {
        let ctx = self.context();
        match keymap::lookup(ctx, &key) {
            Some(Action::Help) => self.popups.push(Popup::Help(Help {
                context: ctx,
                scroll: 0,
            })),
            Some(Action::Quit) if self.has_unsaved_input() && ctx != Context::Confirm => {
                self.popups.push(Popup::Confirm(Confirm {
                    question: Msg::ConfirmQuit,
                    on_yes: OnYes::Quit,
                }))
            }
            Some(Action::Quit) => self.quit = true,
            Some(action) => self.apply(ctx, action, key),
            None if ctx.takes_text() => self.type_text(key),
            None => {}
        }
    }

    /// A key that is text, for whatever has the text focus.
    fn type_text(&mut self, key: KeyEvent) {
        match (self.popups.last_mut(), &mut self.screen) {
            (Some(Popup::ClientForm(f)), _) => {
                f.fields.type_key(key);
            }
            (Some(Popup::StatusForm(f)), _) => {
                f.fields.type_key(key);
                f.update_visibility();
            }
            (None, Screen::Setup(s)) => {
                s.fields.type_key(key);
            }
            (None, Screen::Roster) => self.roster.type_in_search(key),
            _ => {}
        }
    }

    fn apply(&mut self, ctx: Context, action: Action, key: KeyEvent) {
        match ctx {
            Context::Confirm => self.apply_confirm(action),
            Context::Help => self.apply_help(action),
            Context::Duplicates => self.apply_duplicates(action),
            Context::Form => self.apply_form(action, key),
            Context::Setup => self.apply_setup(action),
            Context::Roster | Context::Search => match self.roster.apply(action) {
                RosterOutcome::None => {}
                RosterOutcome::New => self.open_new_form(),
                RosterOutcome::Open(id) => self.open_detail(id),
                RosterOutcome::Edit(id) => self.open_edit_form(id),
                RosterOutcome::ChangeStatus(id) => self.open_status_form(id),
            },
            Context::Detail => {
                let Screen::Detail(detail) = &mut self.screen else {
                    return;
                };
                let id = detail.view.client.id;
                match action {
                    Action::Back => self.screen = Screen::Roster,
                    Action::Edit => self.open_edit_form(id),
                    Action::ChangeStatus => self.open_status_form(id),
                    other => detail.apply(other),
                }
            }
            Context::Gate => {}
        }
    }

    fn apply_confirm(&mut self, action: Action) {
        let Some(Popup::Confirm(c)) = self.popups.pop() else {
            return;
        };
        match (action, c.on_yes) {
            (Action::Yes, OnYes::Quit) => self.quit = true,
            (Action::Yes, OnYes::DiscardForm) => {
                self.popups.pop();
            }
            (Action::No, _) => {}
            _ => self.popups.push(Popup::Confirm(c)),
        }
    }

    fn apply_help(&mut self, action: Action) {
        let Some(Popup::Help(h)) = self.popups.last_mut() else {
            return;
        };
        match action {
            Action::Up => h.scroll = h.scroll.saturating_sub(1),
            Action::Down => h.scroll = h.scroll.saturating_add(1).min(40),
            Action::Back => {
                self.popups.pop();
            }
            _ => {}
        }
    }

    fn apply_setup(&mut self, action: Action) {
        let lang = self.lang;
        let Screen::Setup(setup) = &mut self.screen else {
            return;
        };
        match action {
            Action::NextField => setup.fields.next(),
            Action::PrevField => setup.fields.prev(),
            Action::Save => {
                let Some((facility, capacity, head)) = setup.submit(lang) else {
                    return;
                };
                match self.conn.setup(facility, capacity, head) {
                    Ok(session) => {
                        self.session = session;
                        self.screen = Screen::Roster;
                        self.reload_roster();
                        self.say(lang.t(Msg::SetupDone).into());
                    }
                    Err(e) => setup.message = Some(text::call_error(lang, &e)),
                }
            }
            _ => {}
        }
    }

    fn open_new_form(&mut self) {
        let form = ClientForm::new_client(self.lang, self.today());
        self.popups.push(Popup::ClientForm(Box::new(form)));
    }

    fn fetch(&mut self, id: ClientId) -> Option<crate::protocol::ClientView> {
        match self.conn.get_client(id) {
            Ok(view) => Some(view),
            Err(e) => {
                self.fail(&e);
                None
            }
        }
    }

    fn open_detail(&mut self, id: ClientId) {
        if let Some(view) = self.fetch(id) {
            self.roster.upsert(view.client.row());
            self.screen = Screen::Detail(Box::new(Detail::new(view)));
        }
    }

    fn open_edit_form(&mut self, id: ClientId) {
        if let Some(view) = self.fetch(id) {
            let form = ClientForm::edit(&view.client, self.lang, self.today());
            self.popups.push(Popup::ClientForm(Box::new(form)));
        }
    }

    fn open_status_form(&mut self, id: ClientId) {
        if let Some(view) = self.fetch(id) {
            if view.client.status() == Status::Exited {
                self.notice = Some(Notice {
                    text: text::wrong_state(self.lang, "already-exited"),
                    error: true,
                });
                return;
            }
            let form = StatusForm::new(&view.client.row(), self.lang, self.clock.now());
            self.popups.push(Popup::StatusForm(Box::new(form)));
        }
    }

    /// A command succeeded: show the stored record everywhere it appears.
    fn saved(&mut self, client: &Client) {
        self.roster.upsert(client.row());
        if let Screen::Detail(d) = &self.screen
            && d.view.client.id == client.id
            && let Some(view) = self.fetch(client.id)
        {
            self.screen = Screen::Detail(Box::new(Detail::new(view)));
        }
    }

    fn apply_form(&mut self, action: Action, key: KeyEvent) {
        match self.popups.last_mut() {
            Some(Popup::ClientForm(form)) => match action {
                Action::NextField => form.fields.next(),
                Action::PrevField => form.fields.prev(),
                Action::ChoicePrev | Action::ChoiceNext => form.fields.left_right(key),
                Action::Cancel if form.is_dirty() => self.popups.push(Popup::Confirm(Confirm {
                    question: Msg::ConfirmDiscard,
                    on_yes: OnYes::DiscardForm,
                })),
                Action::Cancel => {
                    self.popups.pop();
                }
                Action::Save => {
                    if let Some(draft) = form.submit() {
                        self.save_client_form(draft);
                    }
                }
                _ => {}
            },
            Some(Popup::StatusForm(form)) => match action {
                Action::NextField => form.fields.next(),
                Action::PrevField => form.fields.prev(),
                Action::ChoicePrev | Action::ChoiceNext => {
                    form.fields.left_right(key);
                    form.update_visibility();
                }
                Action::Cancel if form.is_dirty() => self.popups.push(Popup::Confirm(Confirm {
                    question: Msg::ConfirmDiscard,
                    on_yes: OnYes::DiscardForm,
                })),
                Action::Cancel => {
                    self.popups.pop();
                }
                Action::Save => {
                    if let Some(change) = form.submit() {
                        let (id, rev) = (form.id, form.base_revision);
                        let label = text::status(self.lang, change.detail.status());
                        match self.conn.change_status(id, rev, change) {
                            Ok(client) => {
                                self.popups.pop();
                                self.saved(&client);
                                let name = client.details.display_name();
                                self.say(self.lang.f(Msg::SavedStatus, &[label, &name]));
                            }
                            Err(e) => self.status_form_refused(e),
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }

    fn status_form_refused(&mut self, e: CallError) {
        let lang = self.lang;
        let Some(Popup::StatusForm(form)) = self.popups.last_mut() else {
            return;
        };
        match &e {
            CallError::Refused(Refusal::WrongState(code)) if code.starts_with("date") => {
                form.show_date_problem(text::wrong_state(lang, code))
            }
            CallError::Refused(Refusal::Conflict { current, .. }) => {
                form.base_revision = current.revision;
                form.message = Some(lang.f(Msg::ConflictKeep, &[&text::call_error(lang, &e)]));
            }
            _ => form.message = Some(text::call_error(lang, &e)),
        }
    }

    /// The resident form's draft passed the local checks: look for duplicates (new
    /// residents), then create or update.
    fn save_client_form(&mut self, draft: ClientDraft) {
        let Some(Popup::ClientForm(form)) = self.popups.last() else {
            return;
        };
        match form.mode.clone() {
            FormMode::New => match self.conn.check_duplicates(draft.clone(), None) {
                Ok(found) if !found.is_empty() => {
                    self.popups.push(Popup::Duplicates(Box::new(Duplicates {
                        found,
                        draft,
                        selected: 0,
                    })))
                }
                Ok(_) => self.create(draft),
                Err(e) => self.client_form_refused(e),
            },
            FormMode::Edit {
                id, base_revision, ..
            } => match self.conn.update_client(id, base_revision, draft) {
                Ok(client) => {
                    self.popups.pop();
                    let msg = if client.revision == base_revision {
                        Msg::Unchanged
                    } else {
                        Msg::SavedEdit
                    };
                    self.saved(&client);
                    self.say(self.lang.f(msg, &[&client.details.display_name()]));
                }
                Err(e) => self.client_form_refused(e),
            },
        }
    }

    fn create(&mut self, draft: ClientDraft) {
        match self.conn.create_client(draft) {
            Ok(client) => {
                self.popups
                    .retain(|p| !matches!(p, Popup::ClientForm(_) | Popup::Duplicates(_)));
                self.saved(&client);
                self.say(self.lang.f(
                    Msg::SavedNew,
                    &[&client.details.display_name(), &client.reg_no],
                ));
            }
            Err(e) => {
                if matches!(self.popups.last(), Some(Popup::Duplicates(_))) {
                    self.popups.pop();
                }
                self.client_form_refused(e);
            }
        }
    }

    fn client_form_refused(&mut self, e: CallError) {
        let lang = self.lang;
        let Some(Popup::ClientForm(form)) = self.popups.last_mut() else {
            return;
        };
        match &e {
            CallError::Refused(Refusal::Invalid(problems)) => form.show_problems(problems),
            CallError::Refused(Refusal::Conflict { current, .. }) => {
                if let FormMode::Edit { base_revision, .. } = &mut form.mode {
                    *base_revision = current.revision;
                }
                form.message = Some(lang.f(Msg::ConflictKeep, &[&text::call_error(lang, &e)]));
            }
            _ => form.message = Some(text::call_error(lang, &e)),
        }
    }

    fn apply_duplicates(&mut self, action: Action) {
        let Some(Popup::Duplicates(dups)) = self.popups.last_mut() else {
            return;
        };
        match action {
            Action::Up => dups.up(),
            Action::Down => dups.down(),
            Action::Back => {
                self.popups.pop();
            }
            Action::ContinueNew => {
                let draft = dups.draft.clone();
                self.create(draft);
            }
            Action::OpenExisting => {
                let Some(chosen) = dups.chosen().map(|m| m.row.clone()) else {
                    return;
                };
                let (admitted, referral) = (dups.draft.admitted, dups.draft.referral);
                if chosen.status == Status::Exited {
                    match self
                        .conn
                        .readmit(chosen.id, chosen.revision, admitted, referral)
                    {
                        Ok(client) => {
                            self.say(
                                self.lang
                                    .f(Msg::SavedReadmit, &[&client.details.display_name()]),
                            );
                            self.saved(&client);
                        }
                        Err(e) => {
                            self.fail(&e);
                            return;
                        }
                    }
                }
                self.popups
                    .retain(|p| !matches!(p, Popup::ClientForm(_) | Popup::Duplicates(_)));
                let notice = self.notice.take();
                self.open_detail(chosen.id);
                self.notice = self.notice.take().or(notice);
            }
            _ => {}
        }
    }

    /// Draws everything. Never panics, whatever the size.
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            self.render_too_small(frame, area);
            return;
        }
        let [header, tabs, body, notice, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        self.render_header(frame, header);
        self.render_tabs(frame, tabs);
        let today = self.today();
        match &self.screen {
            Screen::Setup(s) => s.render(frame, body, self.lang, &self.theme),
            Screen::NoAccount => {
                let lines = vec![
                    Line::styled(
                        self.lang.f(Msg::NoAccount, &[&self.session.username]),
                        self.theme.title,
                    ),
                    Line::raw(""),
                    Line::raw(self.lang.t(Msg::NoAccountHint)),
                ];
                frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), body);
            }
            Screen::Roster => self.roster.render(frame, body, self.lang, &self.theme),
            Screen::Detail(d) => d.render(frame, body, self.lang, today, &self.theme),
        }
        for (i, popup) in self.popups.iter().enumerate() {
            let active = i + 1 == self.popups.len();
            let (lang, theme) = (self.lang, &self.theme);
            match popup {
                Popup::ClientForm(f) => f.render(frame, body, theme, active),
                Popup::StatusForm(f) => f.render(frame, centered(body, 72, 16), theme, active),
                Popup::Duplicates(d) => d.render(frame, body, lang, today, theme),
                Popup::Confirm(c) => c.render(frame, body, lang, theme),
                Popup::Help(h) => h.render(frame, centered(body, 78, body.height), lang, theme),
            }
        }
        if let Some(n) = &self.notice {
            let style = if n.error {
                self.theme.error
            } else {
                self.theme.ok
            };
            frame.render_widget(Paragraph::new(n.text.as_str()).style(style), notice);
        }
        self.render_footer(frame, footer);
    }

    fn render_too_small(&self, frame: &mut Frame, area: Rect) {
        let hint = self.lang.f(
            Msg::TooSmallHint,
            &[&MIN_WIDTH.to_string(), &MIN_HEIGHT.to_string()],
        );
        let lines = vec![
            Line::styled(self.lang.t(Msg::TooSmall), self.theme.title),
            Line::raw(hint),
            Line::raw(format!("({}×{})", area.width, area.height)),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
    }

    fn render_header(&self, frame: &mut Frame, area: Rect) {
        let lang = self.lang;
        let now = self.clock.now();
        let facility = self
            .session
            .facility
            .as_ref()
            .map_or("", |f| f.name.as_str());
        let who = match &self.session.me {
            Some(me) => format!("{} ({})", me.display_name, text::role(lang, me.role)),
            None => self.session.username.clone(),
        };
        let right = format!(
            "{} {} WIB · {who} ",
            text::date_with_day(lang, now.date()),
            now.format("%H:%M")
        );
        let left_room = (area.width as usize).saturating_sub(right.chars().count() + 1);
        let mut left = format!(" mentas · {facility}");
        if left.chars().count() > left_room {
            left = left
                .chars()
                .take(left_room.saturating_sub(1))
                .collect::<String>()
                + "…";
        }
        let pad =
            (area.width as usize).saturating_sub(left.chars().count() + right.chars().count());
        let line = format!("{left}{}{right}", " ".repeat(pad));
        frame.render_widget(Paragraph::new(line).style(self.theme.header), area);
    }

    fn render_tabs(&self, frame: &mut Frame, area: Rect) {
        let active = matches!(self.screen, Screen::Roster | Screen::Detail(_));
        let style = if active {
            self.theme.tab_active
        } else {
            self.theme.tab
        };
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(format!(" 1 {} ", self.lang.t(Msg::TabRoster)), style),
        ]);
        frame.render_widget(Paragraph::new(line), area);
    }

    /// The keys that work here, from the keymap: this context's on the left, as many as
    /// fit, and the global ones always on the right.
    fn render_footer(&self, frame: &mut Frame, area: Rect) {
        let ctx = self.context();
        let mut left = Vec::new();
        let mut right = Vec::new();
        let mut used = 0;
        let global_width: usize = keymap::global(ctx).iter().map(|b| self.key_width(b)).sum();
        let room = (area.width as usize).saturating_sub(global_width);
        for b in keymap::bindings(ctx).iter().filter(|b| b.footer) {
            if used + self.key_width(b) > room {
                break;
            }
            used += self.key_width(b);
            self.key_spans(b, &mut left);
        }
        for b in keymap::global(ctx) {
            self.key_spans(b, &mut right);
        }
        left.push(Span::raw(" ".repeat(room.saturating_sub(used))));
        left.extend(right);
        frame.render_widget(Paragraph::new(Line::from(left)), area);
    }

    fn key_width(&self, b: &keymap::Binding) -> usize {
        b.shown.chars().count() + self.lang.t(b.label).chars().count() + 3
    }

    fn key_spans(&self, b: &keymap::Binding, out: &mut Vec<Span<'static>>) {
        out.push(Span::styled(b.shown, self.theme.key));
        out.push(Span::raw(format!(" {}  ", self.lang.t(b.label))));
    }
}

/// A rectangle of at most `w`×`h` in the middle of `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
