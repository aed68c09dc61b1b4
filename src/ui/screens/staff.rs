//! Staf (kepala only): the staff accounts, their roles and whether they are active.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Row, Table, TableState};

use crate::domain::Staff;
use crate::ui::action::Action;
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;

/// What the staff screen asks the app to do.
pub enum StaffOutcome {
    None,
    New,
    Edit(Staff),
}

/// The list of accounts and the selection.
pub struct StaffScreen {
    pub rows: Vec<Staff>,
    selected: usize,
}

impl StaffScreen {
    pub fn new(rows: Vec<Staff>) -> StaffScreen {
        StaffScreen { rows, selected: 0 }
    }

    /// New rows after a change, keeping the selection on the same account if it is there.
    pub fn set_rows(&mut self, rows: Vec<Staff>) {
        let keep = self.rows.get(self.selected).map(|s| s.username.clone());
        self.rows = rows;
        self.selected = keep
            .and_then(|u| self.rows.iter().position(|s| s.username == u))
            .unwrap_or(0)
            .min(self.rows.len().saturating_sub(1));
    }

    pub fn select(&mut self, username: &str) {
        if let Some(i) = self.rows.iter().position(|s| s.username == username) {
            self.selected = i;
        }
    }

    pub fn apply(&mut self, action: Action) -> StaffOutcome {
        let last = self.rows.len().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Home | Action::PageUp => self.selected = 0,
            Action::End | Action::PageDown => self.selected = last,
            Action::New => return StaffOutcome::New,
            Action::Edit | Action::Open => {
                if let Some(s) = self.rows.get(self.selected) {
                    return StaffOutcome::Edit(s.clone());
                }
            }
            _ => {}
        }
        StaffOutcome::None
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let [info, table] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let active = self.rows.iter().filter(|s| s.active).count();
        let count = lang.f(
            Msg::StaffCount,
            &[&self.rows.len().to_string(), &active.to_string()],
        );
        frame.render_widget(Paragraph::new(Line::styled(count, theme.title)), info);
        let header = Row::new([
            lang.t(Msg::StaffColUser),
            lang.t(Msg::StaffColName),
            lang.t(Msg::StaffColRole),
            lang.t(Msg::StaffColActive),
        ])
        .style(theme.table_header);
        let rows = self.rows.iter().map(|s| {
            let active = if s.active {
                Msg::StaffActive
            } else {
                Msg::StaffInactive
            };
            Row::new([
                s.username.clone(),
                s.display_name.clone(),
                text::role(lang, s.role).to_string(),
                lang.t(active).to_string(),
            ])
            .style(if s.active {
                ratatui::style::Style::new()
            } else {
                theme.dim
            })
        });
        let widths = [
            Constraint::Length(16),
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(10),
        ];
        let table_widget = Table::new(rows, widths)
            .header(header)
            .column_spacing(1)
            .row_highlight_style(theme.selected);
        let mut state = TableState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(table_widget, table, &mut state);
    }
}
