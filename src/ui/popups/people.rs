//! A list of residents behind a number or a due line; Enter opens one, and Esc from that
//! resident comes back to the list where it was.

use crate::ui::widgets::popup::popup_block;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, List, ListItem, ListState};

use crate::domain::ClientRow;
use crate::domain::client::room_and_bed;
use crate::domain::names::display_name;
use crate::ui::screens::roster::age_text;
use crate::ui::text::{self, Lang};
use crate::ui::theme::Theme;

/// Rows a page key moves.
const PAGE: usize = 10;

/// The residents shown and the selection.
pub struct People {
    pub title: String,
    pub rows: Vec<ClientRow>,
    pub selected: usize,
}

impl People {
    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.rows.len().saturating_sub(1));
    }

    pub fn page_up(&mut self) {
        self.selected = self.selected.saturating_sub(PAGE);
    }

    pub fn page_down(&mut self) {
        self.selected = (self.selected + PAGE).min(self.rows.len().saturating_sub(1));
    }

    pub fn chosen(&self) -> Option<&ClientRow> {
        self.rows.get(self.selected)
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        lang: Lang,
        today: NaiveDate,
        theme: &Theme,
    ) {
        let items: Vec<ListItem> = self
            .rows
            .iter()
            .map(|r| {
                ListItem::new(Line::raw(format!(
                    "{:<9} {:<24} {:<5} {:>4}  {}",
                    r.reg_no,
                    display_name(&r.name, &r.nickname)
                        .chars()
                        .take(24)
                        .collect::<String>(),
                    room_and_bed(&r.room, &r.bed),
                    age_text(r.birth, today),
                    text::status(lang, r.status),
                )))
            })
            .collect();
        let title = format!("{} ({})", self.title, self.rows.len());
        let block = popup_block(title, theme);
        frame.render_widget(Clear, area);
        let mut state =
            ListState::default().with_selected((!self.rows.is_empty()).then_some(self.selected));
        frame.render_stateful_widget(
            List::new(items)
                .block(block)
                .highlight_style(theme.selected),
            area,
            &mut state,
        );
    }
}
