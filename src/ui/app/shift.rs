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
use crate::ui::popups::mark_form::{MarkForm, Purpose};
use crate::ui::popups::people::People;
use crate::ui::screens::roll_call::{RollCallScreen, RollOutcome};
use crate::ui::screens::today::{TodayOutcome, TodayScreen};
use crate::ui::text::{self, Msg};

/// Handover notes fetched per page.
const HANDOVER_PAGE: u32 = 20;

impl App {
    /// Shows Hari ini, loading it fresh.
    /// Back from a resident opened on Hari ini, the selection returns to the line that
    /// opened them (the due item, or the number whose list `reopen_people` shows again).
    pub(super) fn open_today(&mut self) {
        let from = match &self.screen {
            Screen::Detail(d) if self.detail_return == super::Return::Today => {
                Some(d.view.client.id)
            }
            _ => None,
        };
        match (self.conn.today(), self.conn.online()) {
            (Ok(view), online) => {
                let online = online.unwrap_or_default();
                let mut today = TodayScreen::new(view, online);
                match (&self.people_return, from) {
                    (Some(people), Some(_)) => today.select_list(&people.title, self.lang),
                    (None, Some(id)) => today.select_client(id, self.lang),
                    _ => {}
                }
                self.screen = Screen::Today(Box::new(today));
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

    /// On a minute tick: if Hari ini shows a shift or date that is no longer current by
    /// the clock, reloads it, once per change. True if it did.
    pub(super) fn follow_shift(&mut self) -> bool {
        let Some(facility) = &self.session.facility else {
            return false;
        };
        let now = self.clock.now();
        let current = (facility.shifts.slot_at(now), now.date());
        let Screen::Today(today) = &mut self.screen else {
            return false;
        };
        let shown = today
            .loaded_for
            .unwrap_or((today.view.slot, today.view.now.date()));
        if shown == current {
            return false;
        }
        today.loaded_for = Some(current);
        self.reload_today();
        true
    }

    /// The shift times changed (here or in another session): an open Apel takes them,
    /// so its header's phase is right; it keeps its roll call and "unmarked only".
    pub(super) fn follow_shift_times(&mut self) {
        let Some(shifts) = self.session.facility.as_ref().map(|f| f.shifts) else {
            return;
        };
        if let Screen::RollCall(screen) = &mut self.screen {
            let mut fresh = RollCallScreen::new(screen.roll.clone(), shifts);
            fresh.unmarked_only = screen.unmarked_only;
            **screen = fresh;
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
        let shifts = self
            .session
            .facility
            .as_ref()
            .map(|f| f.shifts)
            .unwrap_or_default();
        match self.conn.roll_call(slot) {
            Ok(roll) => self.screen = Screen::RollCall(Box::new(RollCallScreen::new(roll, shifts))),
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
            TodayOutcome::OpenClient(id) => {
                self.people_return = None;
                self.open_detail(id);
            }
            TodayOutcome::OpenRollCall => self.open_roll_call(None),
            TodayOutcome::OpenRollCallOf(slot) => self.open_roll_call(Some(slot)),
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
        let editor = HandoverEditor::new(slot, self.lang, &self.theme);
        self.popups.push(Popup::HandoverEditor(Box::new(editor)));
    }

    /// After Esc from a resident opened from a list on Hari ini: the same list, with the
    /// same resident selected, their row as it is now.
    pub(super) fn reopen_people(&mut self) {
        let Some(mut people) = self.people_return.take() else {
            return;
        };
        if !matches!(self.screen, Screen::Today(_)) {
            return;
        }
        for row in &mut people.rows {
            if let Some(now) = self.row_of(row.id) {
                *row = now;
            }
        }
        self.popups.push(Popup::People(people));
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
                match self.conn.add_handover(text, editor.slot) {
                    Ok(_) => {
                        self.popups.pop();
                        self.reload_today();
                        self.say(self.lang.t(Msg::HandoverSaved).into());
                    }
                    // Its shift ended too long ago: the text stays, now for the current
                    // shift, saved by the next Ctrl-S.
                    Err(crate::client::CallError::Refused(crate::domain::Refusal::WrongState(
                        code,
                    ))) if code == crate::domain::reasons::HANDOVER_SHIFT_OVER => {
                        let Ok(current) = self.conn.today().map(|v| v.slot) else {
                            return;
                        };
                        let lang = self.lang;
                        editor.message = Some(lang.f(
                            Msg::HandoverMoved,
                            &[
                                text::shift(lang, editor.slot.shift),
                                text::shift(lang, current.shift),
                            ],
                        ));
                        editor.move_to(current);
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
                Action::PageUp => people.page_up(),
                Action::PageDown => people.page_down(),
                Action::Home => people.selected = 0,
                Action::End => people.selected = people.rows.len().saturating_sub(1),
                Action::Back => {
                    self.popups.pop();
                }
                Action::Open => {
                    if let Some(id) = people.chosen().map(|r| r.id) {
                        // Kept, so Esc from the resident comes back to this list.
                        if let Some(Popup::People(people)) = self.popups.pop() {
                            self.people_return = Some(people);
                        }
                        self.open_detail(id);
                    }
                }
                _ => {}
            },
            Some(Popup::HandoverList(list)) => {
                let conn = &mut self.conn;
                let mut older = |before: Option<u64>, limit: u32| {
                    conn.handovers(before, limit).unwrap_or_default()
                };
                match action {
                    Action::Up => list.up(),
                    Action::Down => list.down(&mut older, HANDOVER_PAGE),
                    Action::PageUp => list.newer_day(),
                    Action::PageDown => list.older_day(&mut older, HANDOVER_PAGE),
                    Action::Home => list.first = 0,
                    Action::End => list.oldest(&mut older),
                    Action::Back => {
                        self.popups.pop();
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    pub(super) fn apply_roll_call(&mut self, action: Action) {
        let Screen::RollCall(screen) = &mut self.screen else {
            return;
        };
        let slot = screen.roll.slot;
        // Esc leaves, unless it answers a question (then it only cancels that).
        if action == Action::Back && !screen.asking() {
            return self.open_today();
        }
        match screen.apply(action) {
            RollOutcome::None => {}
            RollOutcome::Mark {
                client,
                presence,
                advance,
            } => {
                // A mark key keeps the note of the same mark; cycling in place (no
                // advance) keeps the row's note whatever the mark becomes.
                let note = screen
                    .roll
                    .rows
                    .iter()
                    .find(|r| r.client == client)
                    .and_then(|r| r.mark.as_ref())
                    .filter(|m| m.presence == presence || !advance)
                    .map(|m| m.note.clone())
                    .unwrap_or_default();
                let saved = self.save_mark(slot, client, presence, note, None, advance);
                // Izin, sakit, dirujuk: a note (why, where) is one key away.
                if saved
                    && self.notice.is_none()
                    && matches!(
                        presence,
                        Presence::Leave | Presence::Sick | Presence::Referred
                    )
                {
                    let name = self.name_of(client);
                    self.say(self.lang.f(Msg::RollNoteHint, &[&name]));
                }
            }
            // The question names the day the izin ends, from the resident's record.
            RollOutcome::AskedReturn(client) => {
                if let Ok(view) = self.conn.get_client(client)
                    && let Some(crate::domain::StatusDetail::Leave { expected_return }) =
                        view.client.history.last().map(|c| &c.detail)
                    && let Screen::RollCall(screen) = &mut self.screen
                {
                    screen.leave_until(client, *expected_return);
                }
            }
            RollOutcome::AskAbsconded(client) => {
                let name = self.name_of(client);
                let form = MarkForm::absconded(client, &name, self.clock.now(), self.lang);
                self.popups.push(Popup::MarkForm(Box::new(form)));
            }
            RollOutcome::AskNote(client) => {
                let row = screen.roll.rows.iter().find(|r| r.client == client);
                let presence = row.and_then(|r| r.presence()).unwrap_or(Presence::Present);
                let note = row
                    .and_then(|r| r.mark.as_ref())
                    .map(|m| m.note.clone())
                    .unwrap_or_default();
                let name = self.name_of(client);
                let form = MarkForm::note(client, presence, &name, note, self.lang);
                self.popups.push(Popup::MarkForm(Box::new(form)));
            }
            RollOutcome::GoTo => {
                let form = MarkForm::go_to(slot, self.lang);
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
            RollOutcome::Export => self.open_export(slot.date, Some(slot.shift)),
        }
    }

    /// The resident's name as the roll call shows it.
    fn name_of(&self, client: ClientId) -> String {
        self.row_of(client)
            .map(|r| crate::domain::names::display_name(&r.name, &r.nickname))
            .unwrap_or_default()
    }

    /// Saves one mark; the row updates (the selection moving on with `advance`), or the
    /// refusal shows. A return (hadir for someone away) is said on the status line.
    fn save_mark(
        &mut self,
        slot: ShiftSlot,
        client: ClientId,
        presence: Presence,
        note: String,
        last_seen: Option<chrono::NaiveDateTime>,
        advance: bool,
    ) -> bool {
        let was = self.row_of(client).map(|r| r.status);
        match self.conn.mark(slot, client, presence, note, last_seen) {
            Ok((row, status_changed)) => {
                if let Screen::RollCall(screen) = &mut self.screen {
                    screen.saved(row, advance);
                }
                // Kabur, or back: the roster shows the new status.
                if status_changed && let Ok(view) = self.conn.get_client(client) {
                    self.roster.upsert(view.client.row(), false);
                }
                // Any mark but kabur that changes the status is a return.
                if let Some(was) = was
                    && status_changed
                    && presence != Presence::Absconded
                {
                    let name = self.name_of(client);
                    let away = text::status(self.lang, was);
                    self.say(self.lang.f(Msg::RollBackFrom, &[&name, away]));
                }
                true
            }
            Err(e) => {
                self.fail(&e);
                false
            }
        }
    }

    /// Ctrl-S in a roll-call form: the kabur mark (then on to the next row), the note
    /// (the selection stays), or the roll call to open.
    pub(super) fn save_mark_form(&mut self) {
        let first = self.roster.rows().iter().map(|r| r.admitted).min();
        let shifts = self.session.facility.as_ref().map(|f| f.shifts);
        let now = self.clock.now();
        let Some(Popup::MarkForm(form)) = self.popups.last_mut() else {
            return;
        };
        let (client, presence) = match form.purpose {
            Purpose::Mark { client, presence } => (client, presence),
            Purpose::GoTo => {
                let Some(slot) = form.submit_go_to(now, &shifts.unwrap_or_default(), first) else {
                    return;
                };
                self.popups.pop();
                return self.open_roll_call(Some(slot));
            }
        };
        let Some((note, last_seen)) = form.submit() else {
            return;
        };
        let Screen::RollCall(screen) = &self.screen else {
            return;
        };
        let slot = screen.roll.slot;
        let advance = presence == Presence::Absconded && last_seen.is_some();
        if self.save_mark(slot, client, presence, note, last_seen, advance) {
            self.popups.pop();
        }
    }

    pub(super) fn save_shift_times(&mut self) {
        let Some(Popup::ShiftTimesForm(form)) = self.popups.last_mut() else {
            return;
        };
        let Some(times) = form.submit() else { return };
        // Times that move the shift now under way are asked about first.
        if let Some(old) = self.session.facility.as_ref().map(|f| f.shifts) {
            let now = self.clock.now();
            let (was, will) = (old.slot_at(now), times.slot_at(now));
            let moved = was != will
                || old.start(was) != times.start(will)
                || old.end(was) != times.end(will);
            if moved && form.confirming != Some(times) {
                let lang = self.lang;
                form.message = Some(lang.f(
                    Msg::ShiftTimesMovesNow,
                    &[
                        text::shift(lang, will.shift),
                        &times.start(will).format("%H:%M").to_string(),
                        &times.end(will).format("%H:%M").to_string(),
                    ],
                ));
                form.confirming = Some(times);
                return;
            }
        }
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

    /// The export form, set to the roll call on screen (its date and shift).
    fn open_export(&mut self, date: chrono::NaiveDate, shift: Option<crate::domain::shift::Shift>) {
        let form = crate::ui::popups::export_form::ExportForm::new(date, shift, self.lang);
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
