//! The head's screens: staff accounts and the audit trail; a supervisor's undo of a
//! resident's last status change; and the staff names every screen uses for who did what.

use super::{App, Screen};
use crate::client::CallError;
use crate::domain::audit::RecordRef;
use crate::domain::names::display_name;
use crate::protocol::{AuditFilter, Reply, Request};
use crate::ui::action::Action;
use crate::ui::popups::Popup;
use crate::ui::popups::confirm::{Confirm, OnYes};
use crate::ui::popups::date_range::DateRange;
use crate::ui::popups::staff_form::StaffForm;
use crate::ui::screens::audit::{AUDIT_LIMIT, AuditOutcome, AuditScreen};
use crate::ui::screens::audit_words::day_month;
use crate::ui::screens::staff::{StaffOutcome, StaffScreen};
use crate::ui::staff_names::StaffNames;
use crate::ui::text::{self, Msg};

impl App {
    /// Loads the names of every staff account again, for who did what. Without them
    /// (an older server, no connection) logins are shown as they are.
    pub(super) fn refresh_names(&mut self) {
        if let Ok(Reply::StaffNames(names)) = self.conn.call(Request::StaffNames) {
            self.names = StaffNames::new(names);
        }
    }

    pub(super) fn open_staff(&mut self) {
        match self.conn.list_staff() {
            Ok(rows) => self.screen = Screen::Staff(StaffScreen::new(rows)),
            Err(e) => self.fail(&e),
        }
    }

    /// Shows the audit trail, of one record if given.
    pub(super) fn open_audit(&mut self, record: Option<RecordRef>) {
        let staff = match self.conn.list_staff() {
            Ok(rows) => rows.into_iter().map(|s| s.username).collect(),
            Err(e) => return self.fail(&e),
        };
        let filter = AuditFilter {
            record,
            limit: AUDIT_LIMIT,
            ..AuditFilter::default()
        };
        self.screen = Screen::Audit(Box::new(AuditScreen::new(filter, staff, self.today())));
        self.reload_audit();
    }

    /// Loads the audit screen's entries again (filters kept, selection on the same
    /// entry), if it is showing.
    pub(super) fn reload_audit(&mut self) {
        let Screen::Audit(audit) = &mut self.screen else {
            return;
        };
        match self.conn.list_audit(audit.filter.clone()) {
            Ok(entries) => audit.refresh_entries(entries),
            Err(e) => self.fail(&e),
        }
    }

    /// `u` in a resident's detail: asks before undoing their last status change, if it
    /// was made today.
    pub(super) fn ask_undo_status(&mut self) {
        let today = self.today();
        let Screen::Detail(detail) = &self.screen else {
            return;
        };
        match detail.undo_question(self.lang, today) {
            Some(on_yes) => self.popups.push(Popup::Confirm(Confirm {
                question: Msg::ConfirmUndo,
                on_yes,
            })),
            None => {
                self.notice = Some(super::Notice {
                    text: self.lang.t(Msg::WrongChangeNotToday).into(),
                    error: true,
                })
            }
        }
    }

    /// Yes to "undo the last change": the server checks role, day and revision again.
    pub(super) fn undo_status(&mut self, on_yes: &OnYes) {
        let OnYes::UndoStatus {
            id,
            base_revision,
            index,
            ..
        } = *on_yes
        else {
            return;
        };
        let request = Request::UndoStatus {
            id,
            base_revision,
            index,
        };
        match self.conn.call(request) {
            Ok(Reply::Saved(client)) => {
                self.saved(&client);
                let status = text::status(self.lang, client.status());
                let name = client.details.display_name();
                self.say(self.lang.f(Msg::SavedUndo, &[&name, status]));
            }
            Ok(_) => self.fail(&CallError::Unexpected),
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn reload_staff(&mut self) {
        let Screen::Staff(staff) = &mut self.screen else {
            return;
        };
        match self.conn.list_staff() {
            Ok(rows) => staff.set_rows(rows),
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn apply_staff(&mut self, action: Action) {
        let Screen::Staff(staff) = &mut self.screen else {
            return;
        };
        let form = match staff.apply(action) {
            StaffOutcome::None => return,
            StaffOutcome::New => StaffForm::new(None, self.lang),
            StaffOutcome::Edit(s) => StaffForm::new(Some(s), self.lang),
        };
        self.popups.push(Popup::StaffForm(Box::new(form)));
    }

    pub(super) fn save_staff_form(&mut self) {
        let Some(Popup::StaffForm(form)) = self.popups.last_mut() else {
            return;
        };
        let Some(request) = form.submit() else { return };
        match self.conn.save_staff(request) {
            Ok(saved) => {
                self.popups.pop();
                self.reload_staff();
                if let Screen::Staff(staff) = &mut self.screen {
                    staff.select(&saved.username);
                }
                // The head may have changed their own name.
                if let Ok(session) = self.conn.hello() {
                    self.session = session;
                }
                self.say(self.lang.f(Msg::StaffSaved, &[&saved.username]));
            }
            Err(e) => {
                form.message = Some(text::call_error(self.lang, &e));
                self.fail_if_not_input(&e);
            }
        }
    }

    pub(super) fn apply_audit(&mut self, action: Action) {
        let Screen::Audit(audit) = &mut self.screen else {
            return;
        };
        match audit.apply(action) {
            AuditOutcome::None => {}
            AuditOutcome::Reload => self.reload_audit(),
            AuditOutcome::AskRange => {
                let range = DateRange::new(audit.filter.from, audit.filter.to, self.lang);
                self.popups.push(Popup::DateRange(range));
            }
        }
    }

    pub(super) fn apply_range(&mut self) {
        let Some(Popup::DateRange(range)) = self.popups.last_mut() else {
            return;
        };
        let Some((from, to)) = range.submit() else {
            return;
        };
        self.popups.pop();
        if let Screen::Audit(audit) = &mut self.screen {
            audit.set_range(from, to);
        }
        self.reload_audit();
    }

    /// The shift of handover note `id`, from the loaded audit entry that added it.
    fn handover_slot(&self, id: u64) -> Option<crate::domain::shift::ShiftSlot> {
        let Screen::Audit(audit) = &self.screen else {
            return None;
        };
        audit
            .entries
            .iter()
            .filter(|e| e.record == RecordRef::Handover(id))
            .flat_map(|e| &e.changes)
            .find(|c| c.field == "slot")
            .and_then(|c| crate::domain::handover::slot_from_label(&c.after))
    }

    /// How an audit entry's record is named on screen: `2026/0042 Slamet`, `staf Siti
    /// Rahayu`.
    pub(super) fn record_label(&self, record: &RecordRef) -> String {
        match record {
            RecordRef::Client(id) => match crate::domain::client::find_row(self.roster.rows(), *id)
            {
                Some(r) => format!("{} {}", r.reg_no, display_name(&r.name, &r.nickname)),
                None => format!("#{}", id.0),
            },
            RecordRef::Staff(user) => self.lang.f(Msg::AuditStaffRecord, &[self.names.full(user)]),
            RecordRef::Facility => self.lang.t(Msg::AuditFacility).to_string(),
            RecordRef::RollCall(slot) => format!(
                "{} {} {}",
                self.lang.t(Msg::TabRollCall),
                text::shift(self.lang, slot.shift),
                day_month(self.lang, slot.date)
            ),
            // By its shift, as the entry that added it recorded: "Serah terima siang 28 Nov".
            RecordRef::Handover(id) => match self.handover_slot(*id) {
                Some(slot) => self.lang.f(
                    Msg::AuditHandoverOf,
                    &[
                        text::shift(self.lang, slot.shift),
                        &day_month(self.lang, slot.date),
                    ],
                ),
                None => format!("{} #{id}", self.lang.t(Msg::AuditHandover)),
            },
        }
    }
}
