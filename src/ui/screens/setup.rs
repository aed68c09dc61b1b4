//! First run on an empty store: the facility's name and capacity, and the head's name.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use crate::ui::text::{Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::form_fields::{FieldState, Fields};

const FACILITY: usize = 0;
const CAPACITY: usize = 1;
const HEAD: usize = 2;

/// The setup form.
pub struct Setup {
    pub username: String,
    pub fields: Fields,
    pub message: Option<String>,
}

impl Setup {
    pub fn new(username: &str, lang: Lang) -> Setup {
        let items = vec![
            FieldState::text(lang.t(Msg::SetupFacility), "", None),
            FieldState::text(lang.t(Msg::SetupCapacity), "100", None),
            FieldState::text(lang.t(Msg::SetupHeadName), "", None),
        ];
        Setup {
            username: username.to_string(),
            fields: Fields::new(items),
            message: None,
        }
    }

    /// Save pressed: (facility, capacity, head name), or `None` with problems shown.
    pub fn submit(&mut self, lang: Lang) -> Option<(String, u32, String)> {
        self.fields.clear_marks();
        let facility = self.fields.text(FACILITY).to_string();
        let head = self.fields.text(HEAD).to_string();
        let capacity = self
            .fields
            .text(CAPACITY)
            .parse::<u32>()
            .ok()
            .filter(|c| (1..10_000).contains(c));
        if facility.is_empty() {
            self.fields.items[FACILITY].error = Some(lang.t(Msg::ProblemRequired).into());
        }
        if capacity.is_none() {
            self.fields.items[CAPACITY].error = Some(lang.t(Msg::ProblemCapacity).into());
        }
        if head.is_empty() {
            self.fields.items[HEAD].error = Some(lang.t(Msg::ProblemRequired).into());
        }
        self.fields.focus_first_error();
        Some((facility, capacity?, head)).filter(|_| self.fields.error_count() == 0)
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let [title, intro, body, message] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(3),
            Constraint::Length(6),
            Constraint::Fill(1),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(lang.t(Msg::SetupTitle)).style(theme.title),
            title,
        );
        let text = lang.f(Msg::SetupIntro, &[&self.username]);
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), intro);
        self.fields.render(frame, body, theme, true);
        if let Some(m) = &self.message {
            frame.render_widget(
                Paragraph::new(m.as_str())
                    .style(theme.error)
                    .wrap(Wrap { trim: true }),
                message,
            );
        }
    }
}
