//! The shift's flows: Hari ini, the roll call (marks saved as they are made), handover
//! notes, and the lists behind the numbers.

use super::{App, Screen};
use crate::domain::client::find_row;
use crate::domain::roll_call::Presence;
use crate::domain::shift::ShiftSlot;
use crate::domain::{ClientId, ClientRow};
use crate::ui::action::Action;
use crate::ui::popups::Popup;
use crate::ui::popups::handover_editor::HandoverEditor;
use crate::ui::popups::handover_list::HandoverList;
use crate::ui::popups::mark_form::MarkForm;
use crate::ui::popups::people::People;
use crate::ui::screens::roll_call::{RollCallScreen, RollOutcome};
use crate::ui::screens::today::{TodayOutcome, TodayScreen};
use crate::ui::text::{self, Msg};

/// Handover notes fetched per page.
const HANDOVER_PAGE: u32 = 20;

impl App {
    /// Shows Hari ini, loading it fresh.
    pub(super) fn open_today(&mut self) {
        match (self.conn.today(), self.conn.online()) {
            (Ok(view), online) => {
                let online = online.unwrap_or_default();
                self.screen = Screen::Today(Box::new(TodayScreen::new(view, online)));
            }
            (Err(e), _) => self.fail(&e),
        }
    }

    pub(super) fn reload_today(&mut self) {
        let Screen::Today(today) = &mut self.screen else {
            return;
        };
        if let Ok(view) = self.conn.today() {
            today.set(view, self.conn.online().unwrap_or_default());
        }
    }

    /// The roll call of `slot`, or of the current shift.
    pub(super) fn open_roll_call(&mut self, slot: Option<ShiftSlot>) {
        let slot = match slot {
            Some(s) => s,
            None => match self.conn.today() {
                Ok(view) => view.slot,
                Err(e) => return self.fail(&e),
            },
        };
        match self.conn.roll_call(slot) {
            Ok(roll) => self.screen = Screen::RollCall(Box::new(RollCallScreen::new(roll))),
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn reload_roll_call(&mut self, slot: ShiftSlot) {
        let Screen::RollCall(screen) = &mut self.screen else {
            return;
        };
        if screen.roll.slot != slot {
            return;
        }
        if let Ok(roll) = self.conn.roll_call(slot) {
            screen.set_roll(roll);
        }
    }

    fn row_of(&self, id: ClientId) -> Option<ClientRow> {
        find_row(self.roster.rows(), id).cloned()
    }

    pub(super) fn apply_today(&mut self, action: Action) {
        let lang = self.lang;
        let Screen::Today(today) = &mut self.screen else {
            return;
        };
        match today.apply(action, lang) {
            TodayOutcome::None => {}
            TodayOutcome::People(title, ids) => {
                let rows = ids.iter().filter_map(|id| self.row_of(*id)).collect();
                self.popups.push(Popup::People(People {
                    title,
                    rows,
                    selected: 0,
                }));
            }
            TodayOutcome::OpenClient(id) => self.open_detail(id),
            TodayOutcome::OpenRollCall => self.open_roll_call(None),
            TodayOutcome::NewHandover => self.open_handover_editor(),
            TodayOutcome::ShiftTimes => {
                let Some(facility) = &self.session.facility else {
                    return;
                };
                if self.role() != Some(crate::domain::Role::Head) {
                    let needs = crate::domain::Refusal::NeedsRole(crate::domain::Role::Head);
                    return self.fail(&crate::client::CallError::Refused(needs));
                }
                let form = crate::ui::popups::shift_times_form::ShiftTimesForm::new(
                    facility.shifts,
                    self.lang,
                );
                self.popups.push(Popup::ShiftTimesForm(Box::new(form)));
            }
            TodayOutcome::Handovers => match self.conn.handovers(None, HANDOVER_PAGE) {
                Ok(notes) => {
                    let more = notes.len() == HANDOVER_PAGE as usize;
                    self.popups.push(Popup::HandoverList(HandoverList {
                        notes,
                        first: 0,
                        more,
                    }));
                }
                Err(e) => self.fail(&e),
            },
        }
    }

    fn open_handover_editor(&mut self) {
        let slot = match &self.screen {
            Screen::Today(t) => t.view.slot,
            _ => return,
        };
        let title = self.lang.f(
            Msg::HandoverTitle,
            &[
                text::shift(self.lang, slot.shift),
                &text::date_with_day(self.lang, slot.date),
            ],
        );
        let editor = HandoverEditor::new(title, self.lang, &self.theme);
        self.popups.push(Popup::HandoverEditor(Box::new(editor)));
    }

    /// Keys in the editor: save, cancel, or text.
    pub(super) fn apply_editor(&mut self, action: Action) {
        let Some(Popup::HandoverEditor(editor)) = self.popups.last_mut() else {
            return;
        };
        match action {
            Action::Save => {
                let text = editor.text();
                if text.is_empty() {
                    editor.message = Some(self.lang.t(Msg::HandoverEmpty).into());
                    return;
                }
                match self.conn.add_handover(text) {
                    Ok(_) => {
                        self.popups.pop();
                        self.reload_today();
                        self.say(self.lang.t(Msg::HandoverSaved).into());
                    }
                    Err(e) => {
                        editor.message = Some(text::call_error(self.lang, &e));
                        self.fail_if_not_input(&e);
                    }
                }
            }
            Action::Cancel if editor.is_dirty() => {
                self.popups
                    .push(Popup::Confirm(crate::ui::popups::confirm::Confirm {
                        question: Msg::ConfirmDiscard,
                        on_yes: crate::ui::popups::confirm::OnYes::DiscardForm,
                    }))
            }
            Action::Cancel => {
                self.popups.pop();
            }
            _ => {}
        }
    }

    /// Keys in a list popup (residents behind a number, earlier handovers).
    pub(super) fn apply_list(&mut self, action: Action) {
        match self.popups.last_mut() {
            Some(Popup::People(people)) => match action {
                Action::Up => people.up(),
                Action::Down => people.down(),
                Action::Back => {
                    self.popups.pop();
                }
                Action::Open => {
                    if let Some(id) = people.chosen().map(|r| r.id) {
                        self.popups.pop();
                        self.open_detail(id);
                    }
                }
                _ => {}
            },
            Some(Popup::HandoverList(list)) => match action {
                Action::Up | Action::PageUp => list.first = list.first.saturating_sub(1),
                Action::Down | Action::PageDown => {
                    if list.first + 1 >= list.notes.len() && list.more {
                        let before = list.notes.last().map(|n| n.id);
                        if let Ok(older) = self.conn.handovers(before, HANDOVER_PAGE) {
                            list.more = older.len() == HANDOVER_PAGE as usize;
                            list.notes.extend(older);
                        }
                    }
                    list.first = (list.first + 1).min(list.notes.len().saturating_sub(1));
                }
                Action::Back | Action::Open => {
                    self.popups.pop();
                }
                _ => {}
            },
            _ => {}
        }
    }

    pub(super) fn apply_roll_call(&mut self, action: Action) {
        let Screen::RollCall(screen) = &mut self.screen else {
            return;
        };
        let slot = screen.roll.slot;
        if action == Action::Back {
            return self.open_today();
        }
        match screen.apply(action) {
            RollOutcome::None => {}
            RollOutcome::Mark(client, presence) => {
                let note = screen
                    .roll
                    .rows
                    .iter()
                    .find(|r| r.client == client)
                    .and_then(|r| r.mark.as_ref())
                    .filter(|m| m.presence == presence)
                    .map(|m| m.note.clone())
                    .unwrap_or_default();
                self.save_mark(slot, client, presence, note, None);
            }
            RollOutcome::AskAbsconded(client) => {
                let name = self
                    .row_of(client)
                    .map(|r| crate::domain::names::display_name(&r.name, &r.nickname));
                let form = MarkForm::absconded(
                    client,
                    &name.unwrap_or_default(),
                    self.clock.now(),
                    self.lang,
                );
                self.popups.push(Popup::MarkForm(Box::new(form)));
            }
            RollOutcome::AskNote(client) => {
                let row = screen.roll.rows.iter().find(|r| r.client == client);
                let presence = row.and_then(|r| r.presence()).unwrap_or(Presence::Present);
                let note = row
                    .and_then(|r| r.mark.as_ref())
                    .map(|m| m.note.clone())
                    .unwrap_or_default();
                let name = self
                    .row_of(client)
                    .map(|r| crate::domain::names::display_name(&r.name, &r.nickname));
                let form =
                    MarkForm::note(client, presence, &name.unwrap_or_default(), note, self.lang);
                self.popups.push(Popup::MarkForm(Box::new(form)));
            }
            RollOutcome::AllPresent(clients) => match self.conn.mark_all_present(slot, clients) {
                Ok(roll) => {
                    let before = screen.roll.marked();
                    let after = roll.marked();
                    screen.set_roll(roll);
                    self.say(self.lang.f(
                        Msg::RollAllMarked,
                        &[&(after - before.min(after)).to_string()],
                    ));
                }
                Err(e) => self.fail(&e),
            },
            RollOutcome::PrevShift => self.open_roll_call(Some(slot.prev())),
            RollOutcome::NextShift => {
                let current = self.conn.today().map(|v| v.slot).unwrap_or(slot);
                if slot < current {
                    self.open_roll_call(Some(slot.next()));
                }
            }
            RollOutcome::Export => self.open_export(slot.date),
        }
    }

    /// Saves one mark; the row updates and the selection moves on, or the refusal shows.
    fn save_mark(
        &mut self,
        slot: ShiftSlot,
        client: ClientId,
        presence: Presence,
        note: String,
        last_seen: Option<chrono::NaiveDateTime>,
    ) -> bool {
        match self.conn.mark(slot, client, presence, note, last_seen) {
            Ok((row, status_changed)) => {
                if let Screen::RollCall(screen) = &mut self.screen {
                    screen.saved(row);
                }
                // Kabur, or back from kabur: the roster shows the new status.
                if status_changed && let Ok(view) = self.conn.get_client(client) {
                    self.roster.upsert(view.client.row(), false);
                }
                true
            }
            Err(e) => {
                self.fail(&e);
                false
            }
        }
    }

    pub(super) fn save_mark_form(&mut self) {
        let Some(Popup::MarkForm(form)) = self.popups.last_mut() else {
            return;
        };
        let Some((note, last_seen)) = form.submit() else {
            return;
        };
        let (client, presence) = (form.client, form.presence);
        let Screen::RollCall(screen) = &self.screen else {
            return;
        };
        let slot = screen.roll.slot;
        if self.save_mark(slot, client, presence, note, last_seen) {
            self.popups.pop();
        }
    }

    pub(super) fn save_shift_times(&mut self) {
        let Some(Popup::ShiftTimesForm(form)) = self.popups.last_mut() else {
            return;
        };
        let Some(times) = form.submit() else { return };
        match self
            .conn
            .call(crate::protocol::Request::SetShiftTimes(times))
        {
            Ok(_) => {
                self.popups.pop();
                if let Ok(session) = self.conn.hello() {
                    self.session = session;
                }
                self.reload_today();
                self.say(self.lang.t(Msg::ShiftTimesSaved).into());
            }
            Err(e) => self.fail(&e),
        }
    }

    fn open_export(&mut self, date: chrono::NaiveDate) {
        let form = crate::ui::popups::export_form::ExportForm::new(date, self.lang);
        self.popups.push(Popup::ExportForm(Box::new(form)));
    }

    pub(super) fn save_export_form(&mut self) {
        let Some(Popup::ExportForm(form)) = self.popups.last_mut() else {
            return;
        };
        let Some(req) = form.submit() else { return };
        let result = crate::client::export::roll_calls_to_file(
            &mut *self.conn,
            req.from,
            req.to,
            req.format,
            &req.path,
        );
        let shown = req.path.display().to_string();
        match result {
            Ok(rows) => {
                self.popups.pop();
                self.say(self.lang.f(Msg::ExportDone, &[&rows.to_string(), &shown]));
            }
            Err(e) => {
                self.notice = Some(super::Notice {
                    text: self.lang.f(Msg::ExportFailed, &[&shown, &e.to_string()]),
                    error: true,
                });
            }
        }
    }
}
