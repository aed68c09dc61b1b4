//! What other sessions and the server tell this one: changes to show at once (the audit
//! trail included), a lost connection (input is kept; the status line says so), its
//! return (reload, and say that saving works again), a server of another version.

use super::{App, Screen};
use crate::client::ConnEvent;
use crate::domain::ClientId;
use crate::protocol::{Notice, PROTOCOL_VERSION};
use crate::ui::popups::Popup;
use crate::ui::popups::confirm::{Confirm, OnYes};
use crate::ui::text::Msg;

impl App {
    /// Applies a connection event; returns true if the screen must be redrawn.
    pub(super) fn on_connection(&mut self, event: ConnEvent) -> bool {
        match event {
            ConnEvent::Notice(notice) => {
                // Shift times changed elsewhere: Hari ini and the Apel header's phase
                // follow at once (see after the match).
                let facility = matches!(notice, Notice::Facility);
                let shifts_before = self.session.facility.as_ref().map(|f| f.shifts);
                match notice {
                    Notice::Client(id) => {
                        self.refresh_client(id);
                        self.reload_today();
                    }
                    Notice::RollCall(slot) => {
                        self.reload_roll_call(slot);
                        self.reload_today();
                    }
                    Notice::Handover | Notice::Backup => self.reload_today(),
                    Notice::Staff | Notice::Facility => {
                        self.refresh_names();
                        self.refresh_session();
                        self.reload_staff();
                    }
                }
                if facility {
                    self.reload_today();
                    if shifts_before != self.session.facility.as_ref().map(|f| f.shifts) {
                        self.follow_shift_times();
                    }
                }
                // Every change is audited: the head watching the trail sees it come in.
                self.reload_audit();
            }
            ConnEvent::Lost(why) => self.offline = Some(why),
            ConnEvent::Mismatch { auto_started } => self.other_version(auto_started),
            ConnEvent::ServiceDown => {
                self.offline = Some(self.lang.t(Msg::ServiceDown).into());
            }
            ConnEvent::Restored => {
                self.offline = None;
                self.refresh_names();
                self.refresh_session();
                self.reload_roster();
                if let Screen::Detail(d) = &self.screen {
                    let id = d.view.client.id;
                    self.refresh_client(id);
                }
                self.reload_staff();
                self.reload_audit();
                self.reload_today();
                if let Screen::RollCall(r) = &self.screen {
                    let slot = r.roll.slot;
                    self.reload_roll_call(slot);
                }
                self.clear_lost_notices();
            }
        }
        true
    }

    /// Back online: "connection lost" in an open form or on the status line is over, so
    /// say that saving works again. Any other error shown (a storage refusal from before
    /// the server stopped) stays.
    fn clear_lost_notices(&mut self) {
        let lost = self.lang.f(Msg::ConnectionLost, &[""]);
        let was_lost = |m: &Option<String>| m.as_deref().is_some_and(|t| t.starts_with(&lost));
        let again = self.lang.t(Msg::FormReconnected);
        for popup in &mut self.popups {
            let message = match popup {
                Popup::StatusForm(f) => &mut f.message,
                Popup::ClientForm(f) => &mut f.message,
                Popup::StaffForm(f) => &mut f.message,
                Popup::HandoverEditor(e) => &mut e.message,
                _ => continue,
            };
            if was_lost(message) {
                *message = Some(again.to_string());
            }
        }
        if let Screen::Setup(setup) = &mut self.screen
            && was_lost(&setup.message)
        {
            setup.message = Some(again.to_string());
        }
        let kept = self
            .notice
            .as_ref()
            .is_some_and(|n| n.error && !n.text.starts_with(&lost));
        if !kept {
            self.say(self.lang.t(Msg::Reconnected).into());
        }
    }

    /// The server came back as another version: say so plainly, naming both versions. An
    /// older auto-started one may be restarted with this version (as at startup); a
    /// service is restarted by its administrator; a newer server is not for this older
    /// program: quitting and starting mentas again runs the new one.
    fn other_version(&mut self, auto_started: bool) {
        let server = self.conn.server_version();
        let newer = server.is_some_and(|v| v > PROTOCOL_VERSION);
        let versions = server.map(|v| [v.to_string(), PROTOCOL_VERSION.to_string()]);
        let text = match (&versions, newer, auto_started) {
            (Some([s, me]), true, _) => self.lang.f(Msg::ServerNewer, &[s, me]),
            (Some([s, me]), false, true) => self.lang.f(Msg::ServerOlder, &[s, me]),
            (Some([s, me]), false, false) => self.lang.f(Msg::ServerOlderService, &[s, me]),
            (None, _, true) => self.lang.t(Msg::ServerOtherVersion).into(),
            (None, _, false) => self.lang.t(Msg::ServerOtherVersionService).into(),
        };
        self.offline = Some(text.clone());
        self.notice = Some(super::Notice { text, error: true });
        if auto_started && !newer {
            self.popups.push(Popup::Confirm(Confirm {
                question: Msg::ConfirmRestartServer,
                on_yes: OnYes::RestartServer,
            }));
        }
    }

    /// Yes to "restart the server of another version".
    pub(super) fn restart_server(&mut self) {
        if self.conn.restart_server() {
            self.say(self.lang.t(Msg::ServerRestarting).into());
        } else {
            self.notice = Some(super::Notice {
                text: self.lang.t(Msg::ServerOtherVersion).into(),
                error: true,
            });
        }
    }

    /// Another session changed a resident: update the row (selection stays where it is)
    /// and the detail if it shows them. Open forms are left alone; their save checks the
    /// revision.
    fn refresh_client(&mut self, id: ClientId) {
        let Ok(view) = self.conn.get_client(id) else {
            return;
        };
        self.roster.upsert(view.client.row(), false);
        if let Screen::Detail(d) = &mut self.screen
            && d.view.client.id == id
        {
            d.refresh(view);
        }
    }

    /// Who am I now (role changed, account disabled, facility set up elsewhere).
    fn refresh_session(&mut self) {
        let Ok(session) = self.conn.hello() else {
            return;
        };
        let had_account = self.session.me.is_some();
        self.session = session;
        if had_account != self.session.me.is_some() || matches!(self.screen, Screen::Setup(_)) {
            self.enter_session();
        }
        // Account gone or disabled: nothing from before applies (a "saved" notice, a form
        // that can no longer be saved); the screen says what happened and who can help.
        if matches!(self.screen, Screen::NoAccount) {
            self.notice = None;
            self.popups.clear();
        }
    }
}
