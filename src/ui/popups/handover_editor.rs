//! Writing a handover note: a multi-line editor that wraps long lines at its width. The
//! note is for the shift the editor was opened in (its title says which); the author and
//! time are attached by the server when it is saved.

use crate::ui::widgets::popup::popup_block;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Clear, Paragraph};
use ratatui_textarea::{TextArea, WrapMode};

use crate::domain::shift::ShiftSlot;
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;

/// The editor's state.
pub struct HandoverEditor {
    pub area: TextArea<'static>,
    /// The shift the note is for: the one current when the editor opened.
    pub slot: ShiftSlot,
    pub title: String,
    pub message: Option<String>,
    lang: Lang,
}

impl HandoverEditor {
    /// An empty editor for a note of `slot`.
    pub fn new(slot: ShiftSlot, lang: Lang, theme: &Theme) -> HandoverEditor {
        let mut area = TextArea::default();
        area.set_cursor_line_style(ratatui::style::Style::new());
        area.set_style(theme.label);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        HandoverEditor {
            area,
            slot,
            title: title(slot, lang),
            message: None,
            lang,
        }
    }

    /// Files the note under another shift (the one before ended too long ago), keeping
    /// the text; the title follows.
    pub fn move_to(&mut self, slot: ShiftSlot) {
        self.slot = slot;
        self.title = title(slot, self.lang);
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

/// "Serah terima piket siang · Sab 28 Nov 2026".
fn title(slot: ShiftSlot, lang: Lang) -> String {
    lang.f(
        Msg::HandoverTitle,
        &[
            text::shift(lang, slot.shift),
            &text::date_with_day(lang, slot.date),
        ],
    )
}
