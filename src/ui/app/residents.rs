//! Resident flows: the roster's outcomes, the resident and status forms, duplicates.

use super::{App, Notice, Screen};
use crate::client::CallError;
use crate::domain::{Client, ClientDraft, ClientId, Refusal, Role, Status};
use crate::ui::action::Action;
use crate::ui::popups::Popup;
use crate::ui::popups::client_form::{ClientForm, FormMode};
use crate::ui::popups::confirm::{Confirm, OnYes};
use crate::ui::popups::duplicates::Duplicates;
use crate::ui::popups::status_form::StatusForm;
use crate::ui::screens::detail::Detail;
use crate::ui::text::{self, Msg};

impl App {
    pub(super) fn open_new_form(&mut self) {
        let form = ClientForm::new_client(self.lang, self.today());
        self.popups.push(Popup::ClientForm(Box::new(form)));
    }

    pub(super) fn fetch(&mut self, id: ClientId) -> Option<crate::protocol::ClientView> {
        match self.conn.get_client(id) {
            Ok(view) => Some(view),
            Err(e) => {
                self.fail(&e);
                None
            }
        }
    }

    pub(super) fn open_detail(&mut self, id: ClientId) {
        self.detail_return = match &self.screen {
            Screen::Today(_) => super::Return::Today,
            Screen::RollCall(r) => super::Return::RollCall(r.roll.slot),
            Screen::Detail(_) => self.detail_return,
            _ => super::Return::Roster,
        };
        if let Some(view) = self.fetch(id) {
            self.roster.upsert(view.client.row(), true);
            self.screen = Screen::Detail(Box::new(Detail::new(view)));
        }
    }

    pub(super) fn open_edit_form(&mut self, id: ClientId) {
        if let Some(view) = self.fetch(id) {
            let form = ClientForm::edit(&view.client, self.lang, self.today());
            self.popups.push(Popup::ClientForm(Box::new(form)));
        }
    }

    pub(super) fn open_status_form(&mut self, id: ClientId) {
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

    /// After an undone exit: a resident back in residence without a room or bed (the
    /// bed the exit freed was taken meanwhile, or none was recorded) is told about, so
    /// that someone gives them one.
    pub(super) fn say_if_no_bed_back(&mut self) {
        let Screen::Detail(d) = &self.screen else {
            return;
        };
        let c = &d.view.client;
        let reopened = c.history.len() >= 2
            && c.stays.last().is_some_and(|s| s.exited.is_none())
            && c.status() != Status::Exited;
        let no_bed = c.details.room.is_empty() && c.details.bed.is_empty();
        if let Some(notice) = &mut self.notice
            && !notice.error
            && reopened
            && no_bed
        {
            notice.text = format!("{} {}", notice.text, self.lang.t(Msg::UndoNoBedBack));
        }
    }

    /// A command succeeded: show the stored record everywhere it appears.
    pub(super) fn saved(&mut self, client: &Client) {
        self.roster.upsert(client.row(), true);
        if let Screen::Detail(d) = &self.screen
            && d.view.client.id == client.id
            && let Some(view) = self.fetch(client.id)
            && let Screen::Detail(d) = &mut self.screen
        {
            d.refresh(view);
        }
    }

    /// Save (or, after a conflict, take the other version) in the resident form.
    pub(super) fn save_client_form(&mut self, action: Action) {
        let Some(Popup::ClientForm(form)) = self.popups.last_mut() else {
            return;
        };
        if action == Action::TakeTheirs {
            if let Some(done) = form.take_theirs() {
                self.say(self.lang.t(done).into());
            }
            return;
        }
        if let Some(draft) = form.submit() {
            self.send_client_draft(draft);
        }
    }

    pub(super) fn save_status_form(&mut self) {
        let supervisor = self.role().is_some_and(|r| r >= Role::Supervisor);
        let Some(Popup::StatusForm(form)) = self.popups.last_mut() else {
            return;
        };
        let Some(change) = form.submit() else { return };
        // An exit needs a supervisor: said before asking, not after "yes".
        if change.detail.status() == Status::Exited && !supervisor {
            let needs = CallError::Refused(Refusal::NeedsRole(Role::Supervisor));
            form.message = Some(text::call_error(self.lang, &needs));
            return;
        }
        // An exit closes the stay: asked first, naming the resident.
        if change.detail.status() == Status::Exited && !form.exit_confirmed {
            let name = form.name.clone();
            self.popups.push(Popup::Confirm(Confirm {
                question: Msg::ConfirmExit,
                on_yes: OnYes::SaveExit { name },
            }));
            return;
        }
        form.exit_confirmed = false;
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

    pub(super) fn status_form_refused(&mut self, e: CallError) {
        self.fail_if_not_input(&e);
        let lang = self.lang;
        let Some(Popup::StatusForm(form)) = self.popups.last_mut() else {
            return;
        };
        match &e {
            CallError::Refused(Refusal::WrongState(code)) => {
                form.show_refusal(code, text::wrong_state(lang, code))
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
    pub(super) fn send_client_draft(&mut self, draft: ClientDraft) {
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
            FormMode::Returning {
                id,
                base_revision,
                new_stay,
                ..
            } => self.save_returning(id, base_revision, new_stay, draft),
        }
    }

    /// A person found again at intake: start the new stay if they had exited, then save
    /// what the form holds, and show their detail.
    fn save_returning(
        &mut self,
        id: ClientId,
        base_revision: u64,
        new_stay: bool,
        draft: ClientDraft,
    ) {
        let mut revision = base_revision;
        if new_stay {
            match self
                .conn
                .readmit(id, revision, draft.admitted, draft.referral)
            {
                Ok(client) => {
                    revision = client.revision;
                    self.saved(&client);
                    if let Some(Popup::ClientForm(form)) = self.popups.last_mut() {
                        form.stay_started(revision);
                    }
                }
                Err(e) => return self.client_form_refused(e),
            }
        }
        match self.conn.update_client(id, revision, draft) {
            Ok(client) => {
                self.popups
                    .retain(|p| !matches!(p, Popup::ClientForm(_) | Popup::Duplicates(_)));
                self.saved(&client);
                let msg = match (new_stay, client.revision == revision) {
                    (true, _) => Msg::SavedReadmit,
                    (false, true) => Msg::Unchanged,
                    (false, false) => Msg::SavedEdit,
                };
                self.say(self.lang.f(msg, &[&client.details.display_name()]));
                let notice = self.notice.take();
                self.open_detail(id);
                self.notice = self.notice.take().or(notice);
            }
            Err(e) => self.client_form_refused(e),
        }
    }

    pub(super) fn create(&mut self, draft: ClientDraft) {
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

    pub(super) fn client_form_refused(&mut self, e: CallError) {
        self.fail_if_not_input(&e);
        let lang = self.lang;
        let Some(Popup::ClientForm(form)) = self.popups.last_mut() else {
            return;
        };
        match &e {
            CallError::Refused(Refusal::Invalid(problems)) => form.show_problems(problems),
            CallError::Refused(Refusal::Conflict {
                current, by_name, ..
            }) => {
                let message = lang.f(Msg::ConflictCompare, &[&text::call_error(lang, &e)]);
                form.show_conflict(current, by_name, message);
            }
            _ => form.message = Some(text::call_error(lang, &e)),
        }
    }

    pub(super) fn apply_duplicates(&mut self, action: Action) {
        let Some(Popup::Duplicates(dups)) = self.popups.last_mut() else {
            return;
        };
        match action {
            Action::Up => dups.up(),
            Action::Down => dups.down(),
            Action::Back => {
                self.popups.pop();
            }
            Action::ContinueNew if dups.same_nik().is_none() => {
                let draft = dups.draft.clone();
                self.create(draft);
            }
            Action::OpenExisting => {
                // The same person: their record with what the intake form held, saved at
                // once, or shown to choose where the two disagree. The intake form stays
                // underneath, so Esc goes back to it with everything typed.
                let Some(id) = dups.chosen().map(|m| m.row.id) else {
                    return;
                };
                let Some(view) = self.fetch(id) else { return };
                self.popups.pop();
                let Some(Popup::ClientForm(typed)) = self.popups.last() else {
                    return;
                };
                let form = ClientForm::returning(&view.client, typed, self.today());
                let choose = form.has_choices();
                self.popups.push(Popup::ClientForm(Box::new(form)));
                if !choose {
                    self.save_client_form(Action::Save);
                }
            }
            _ => {}
        }
    }
}
