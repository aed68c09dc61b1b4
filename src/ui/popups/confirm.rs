//! A yes/no question over everything else (discard input? quit anyway?).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::ui::text::{Lang, Msg};
use crate::ui::theme::Theme;

/// What a "yes" does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnYes {
    /// Close the form underneath without saving.
    DiscardForm,
    /// Leave mentas.
    Quit,
}

/// A question waiting for y or n.
pub struct Confirm {
    pub question: Msg,
    pub on_yes: OnYes,
}

impl Confirm {
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let width = area.width.min(60);
        let height = area.height.min(5);
        let popup = Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        );
        frame.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.warning);
        let text = Paragraph::new(lang.t(self.question))
            .style(theme.title)
            .wrap(Wrap { trim: true })
            .block(block);
        frame.render_widget(text, popup);
    }
}
