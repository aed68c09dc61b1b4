//! Resident flows: the roster's outcomes, the resident and status forms, duplicates.

use super::{App, Notice, Screen};
use crate::client::CallError;
use crate::domain::{Client, ClientDraft, ClientId, Refusal, Status};
use crate::ui::action::Action;
use crate::ui::popups::Popup;
use crate::ui::popups::client_form::{ClientForm, FormMode};
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

    /// A command succeeded: show the stored record everywhere it appears.
    pub(super) fn saved(&mut self, client: &Client) {
        self.roster.upsert(client.row(), true);
        if let Screen::Detail(d) = &self.screen
            && d.view.client.id == client.id
            && let Some(view) = self.fetch(client.id)
        {
            self.screen = Screen::Detail(Box::new(Detail::new(view)));
        }
    }

    /// Save (or, after a conflict, take the other version) in the resident form.
    pub(super) fn save_client_form(&mut self, action: Action) {
        let Some(Popup::ClientForm(form)) = self.popups.last_mut() else {
            return;
        };
        if action == Action::TakeTheirs {
            if form.take_theirs() {
                self.say(self.lang.t(Msg::TookTheirs).into());
            }
            return;
        }
        if let Some(draft) = form.submit() {
            self.send_client_draft(draft);
        }
    }

    pub(super) fn save_status_form(&mut self) {
        let Some(Popup::StatusForm(form)) = self.popups.last_mut() else {
            return;
        };
        let Some(change) = form.submit() else { return };
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
            CallError::Refused(Refusal::Conflict { current, .. }) => {
                let message = lang.f(Msg::ConflictCompare, &[&text::call_error(lang, &e)]);
                form.show_conflict(current, message);
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
}
