//! Earlier handover notes, newest first; scrolling past the end loads older ones.

use crate::ui::widgets::popup::popup_block;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::domain::handover::HandoverNote;
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;

/// The notes loaded so far and the scroll position (in notes).
pub struct HandoverList {
    pub notes: Vec<HandoverNote>,
    pub first: usize,
    /// False once the server returned fewer than asked: nothing older.
    pub more: bool,
}

impl HandoverList {
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let mut lines = Vec::new();
        for n in self.notes.iter().skip(self.first) {
            let by = lang.f(
                Msg::HandoverBy,
                &[
                    &n.by_name,
                    text::shift(lang, n.slot.shift),
                    &text::date_time(lang, n.at),
                ],
            );
            lines.push(Line::styled(by, theme.title));
            lines.extend(n.text.lines().map(|l| Line::raw(l.to_string())));
            lines.push(Line::raw(""));
        }
        let block = popup_block(lang.t(Msg::HandoverListTitle), theme);
        frame.render_widget(Clear, area);
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            area,
        );
    }
}
