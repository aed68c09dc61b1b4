//! Add or change a staff account: OS user name, display name, role, active.

use crate::ui::widgets::popup::popup_block;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Clear, Paragraph};

use crate::domain::{Role, Staff};
use crate::protocol::Request;
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::form_fields::{FieldState, Fields};

const USER: usize = 0;
const NAME: usize = 1;
const ROLE: usize = 2;
const ACTIVE: usize = 3;

/// The staff form; `editing` holds the account being changed.
pub struct StaffForm {
    pub editing: Option<Staff>,
    pub fields: Fields,
    initial: Vec<String>,
    pub message: Option<String>,
    lang: Lang,
}

impl StaffForm {
    pub fn new(editing: Option<Staff>, lang: Lang) -> StaffForm {
        let roles: Vec<String> = Role::ALL
            .iter()
            .map(|r| text::role(lang, *r).to_string())
            .collect();
        let (user, name, role, active) = match &editing {
            Some(s) => (s.username.clone(), s.display_name.clone(), s.role, s.active),
            None => (String::new(), String::new(), Role::Staff, true),
        };
        let actives = vec![
            lang.t(Msg::StaffActive).to_string(),
            lang.t(Msg::StaffInactive).to_string(),
        ];
        let mut items = vec![
            FieldState::text(
                lang.t(Msg::StaffColUser),
                user,
                Some(lang.t(Msg::StaffUserHint).into()),
            ),
            FieldState::text(lang.t(Msg::StaffColName), name, None),
            FieldState::choice(
                lang.t(Msg::StaffColRole),
                roles,
                role as usize,
                Some(lang.t(Msg::HintChoice).into()),
            ),
            FieldState::choice(
                lang.t(Msg::StaffColActive),
                actives,
                usize::from(!active),
                None,
            ),
        ];
        // A new account is active; an existing user name is not editable.
        items[ACTIVE].visible = editing.is_some();
        items[USER].visible = editing.is_none();
        let mut fields = Fields::new(items);
        if editing.is_some() {
            fields.focus = NAME;
        }
        let initial = fields.snapshot();
        StaffForm {
            editing,
            fields,
            initial,
            message: None,
            lang,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.fields.snapshot() != self.initial
    }

    /// The request to send, or `None` with problems shown.
    pub fn submit(&mut self) -> Option<Request> {
        self.fields.clear_marks();
        let required = self.lang.t(Msg::ProblemRequired).to_string();
        let name = self.fields.text(NAME).to_string();
        let role = Role::ALL[self.fields.choice(ROLE)];
        if name.is_empty() {
            self.fields.items[NAME].error = Some(required.clone());
        }
        let request = match &self.editing {
            Some(s) => Request::UpdateStaff {
                username: s.username.clone(),
                base_revision: s.revision,
                display_name: name,
                role,
                active: self.fields.choice(ACTIVE) == 0,
            },
            None => {
                let username = self.fields.text(USER).to_string();
                if username.is_empty() {
                    self.fields.items[USER].error = Some(required);
                }
                Request::AddStaff {
                    username,
                    display_name: name,
                    role,
                }
            }
        };
        self.fields.focus_first_error();
        (self.fields.error_count() == 0).then_some(request)
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme, active: bool) {
        let title = match &self.editing {
            Some(s) => self.lang.f(Msg::StaffEditTitle, &[&s.username]),
            None => self.lang.t(Msg::StaffNewTitle).to_string(),
        };
        let block = popup_block(title, theme);
        frame.render_widget(Clear, area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [body, hint, message] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(2),
        ])
        .areas(inner);
        self.fields.render(frame, body, theme, active);
        if let Some(h) = &self.fields.items[self.fields.focus].hint {
            frame.render_widget(Paragraph::new(h.as_str()).style(theme.dim), hint);
        }
        if let Some(m) = &self.message {
            let wrap = ratatui::widgets::Wrap { trim: true };
            frame.render_widget(
                Paragraph::new(m.as_str()).style(theme.error).wrap(wrap),
                message,
            );
        }
    }
}
