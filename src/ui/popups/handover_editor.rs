//! Writing a handover note: a multi-line editor; the author, shift and time are attached
//! by the server when it is saved.

use crate::ui::widgets::popup::popup_block;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Clear, Paragraph};
use ratatui_textarea::TextArea;

use crate::ui::text::{Lang, Msg};
use crate::ui::theme::Theme;

/// The editor's state.
pub struct HandoverEditor {
    pub area: TextArea<'static>,
    pub title: String,
    pub message: Option<String>,
    lang: Lang,
}

impl HandoverEditor {
    pub fn new(title: String, lang: Lang, theme: &Theme) -> HandoverEditor {
        let mut area = TextArea::default();
        area.set_cursor_line_style(ratatui::style::Style::new());
        area.set_style(theme.label);
        HandoverEditor {
            area,
            title,
            message: None,
            lang,
        }
    }

    /// The text typed, trimmed.
    pub fn text(&self) -> String {
        self.area.lines().join("\n").trim().to_string()
    }

    pub fn is_dirty(&self) -> bool {
        !self.text().is_empty()
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let block = popup_block(&self.title, theme);
        frame.render_widget(Clear, area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [text, hint] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        frame.render_widget(&self.area, text);
        let (line, style) = match &self.message {
            Some(m) => (m.as_str(), theme.error),
            None => (self.lang.t(Msg::HandoverHint), theme.dim),
        };
        frame.render_widget(Paragraph::new(line).style(style), hint);
    }
}
