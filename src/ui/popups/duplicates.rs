//! Likely duplicates found before a new resident is saved: open the existing person (a new
//! stay if they had exited) or continue as a new person (not offered when one of them
//! holds the NIK typed).

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use crate::domain::duplicates::DuplicateMatch;
use crate::domain::names::display_name;
use crate::domain::{ClientDraft, Status};
use crate::ui::screens::roster::age_text;
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;

/// The list of likely duplicates and the draft waiting to be saved.
pub struct Duplicates {
    pub found: Vec<DuplicateMatch>,
    pub draft: ClientDraft,
    pub selected: usize,
}

impl Duplicates {
    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.found.len().saturating_sub(1));
    }

    pub fn chosen(&self) -> Option<&DuplicateMatch> {
        self.found.get(self.selected)
    }

    /// The resident holding the NIK typed, if one does: then this is them (or the NIK
    /// is mistyped), and saving a new person would be refused.
    pub fn same_nik(&self) -> Option<&DuplicateMatch> {
        self.found.iter().find(|m| m.same_nik)
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        lang: Lang,
        today: NaiveDate,
        theme: &Theme,
    ) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.warning)
            .title(Line::styled(
                format!(" {} ", lang.t(Msg::DupTitle)),
                theme.title,
            ));
        frame.render_widget(Clear, area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        // The same-NIK words are longer: room for them at 80 columns.
        let intro_height = if self.same_nik().is_some() { 4 } else { 2 };
        let [intro, list] =
            Layout::vertical([Constraint::Length(intro_height), Constraint::Fill(1)]).areas(inner);
        let intro_text = match self.same_nik() {
            Some(m) => lang.f(
                Msg::DupNikIntro,
                &[&display_name(&m.row.name, &m.row.nickname), &m.row.reg_no],
            ),
            None => lang.t(Msg::DupIntro).to_string(),
        };
        frame.render_widget(Paragraph::new(intro_text).wrap(Wrap { trim: true }), intro);
        let items: Vec<ListItem> = self
            .found
            .iter()
            .map(|m| {
                let r = &m.row;
                let mut reasons = Vec::new();
                if m.same_nik {
                    reasons.push(lang.t(Msg::DupSameNik).to_string());
                }
                if m.name_score >= 0.5 {
                    reasons.push(lang.f(
                        Msg::DupSimilarName,
                        &[&format!("{:.0}", m.name_score * 100.0)],
                    ));
                }
                if m.same_birth_year {
                    reasons.push(lang.t(Msg::DupSameYear).to_string());
                }
                if m.same_origin {
                    reasons.push(lang.t(Msg::DupSameOrigin).to_string());
                }
                let head = format!(
                    "{}  {}  {} {}  {}  {}",
                    r.reg_no,
                    display_name(&r.name, &r.nickname),
                    text::sex_short(lang, r.sex),
                    age_text(r.birth, today),
                    text::origin_short(lang, r.origin),
                    text::status(lang, r.status),
                );
                let mut lines = vec![
                    Line::from(head),
                    Line::from(Span::styled(
                        format!("   {}", reasons.join(", ")),
                        theme.dim,
                    )),
                ];
                if r.status == Status::Exited {
                    lines.push(Line::from(Span::styled(
                        format!("   {}", lang.t(Msg::DupExitedHint)),
                        theme.warning,
                    )));
                }
                ListItem::new(lines)
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(
            List::new(items).highlight_style(theme.selected),
            list,
            &mut state,
        );
    }
}
