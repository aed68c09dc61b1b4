//! What other sessions and the server tell this one: changes to show at once, a lost
//! connection (input is kept; the status line says so), and its return (reload).

use super::{App, Screen};
use crate::client::ConnEvent;
use crate::domain::ClientId;
use crate::protocol::Notice;
use crate::ui::screens::detail::Detail;
use crate::ui::text::Msg;

impl App {
    /// Applies a connection event; returns true if the screen must be redrawn.
    pub(super) fn on_connection(&mut self, event: ConnEvent) -> bool {
        match event {
            ConnEvent::Notice(Notice::Client(id)) => {
                self.refresh_client(id);
                self.reload_today();
            }
            ConnEvent::Notice(Notice::RollCall(slot)) => {
                self.reload_roll_call(slot);
                self.reload_today();
            }
            ConnEvent::Notice(Notice::Handover | Notice::Backup) => self.reload_today(),
            ConnEvent::Notice(Notice::Staff | Notice::Facility) => {
                self.refresh_session();
                self.reload_staff();
            }
            ConnEvent::Lost(why) => self.offline = Some(why),
            ConnEvent::Restored => {
                self.offline = None;
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
                // An error shown (a save the server refused before it stopped) stays.
                if !self.notice.as_ref().is_some_and(|n| n.error) {
                    self.say(self.lang.t(Msg::Reconnected).into());
                }
            }
        }
        true
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
            **d = Detail::new(view);
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
    }
}
