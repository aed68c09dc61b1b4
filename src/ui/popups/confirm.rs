//! A yes/no question over everything else (discard input? quit anyway?).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::domain::ClientId;
use crate::ui::text::{Lang, Msg};
use crate::ui::theme::Theme;

/// What a "yes" does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnYes {
    /// Close the form underneath without saving.
    DiscardForm,
    /// Leave mentas.
    Quit,
    /// Save the status form underneath: the exit (keluar) of the resident named.
    SaveExit { name: String },
    /// Undo a resident's last status change; `words` fill the question.
    UndoStatus {
        id: ClientId,
        base_revision: u64,
        index: u32,
        words: [String; 4],
    },
    /// Ask the server of another version to exit, so this version starts one.
    RestartServer,
}

impl OnYes {
    /// What fills the question's `{}`s.
    fn words(&self) -> Vec<&str> {
        match self {
            OnYes::SaveExit { name } => vec![name.as_str()],
            OnYes::UndoStatus { words, .. } => words.iter().map(String::as_str).collect(),
            OnYes::DiscardForm | OnYes::Quit | OnYes::RestartServer => Vec::new(),
        }
    }
}

/// A question waiting for y or n.
pub struct Confirm {
    pub question: Msg,
    pub on_yes: OnYes,
}

impl Confirm {
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let width = area.width.min(60);
        let height = area.height.min(6);
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
        let words = self.on_yes.words();
        let text = Paragraph::new(lang.f(self.question, &words))
            .style(theme.title)
            .wrap(Wrap { trim: true })
            .block(block);
        frame.render_widget(text, popup);
    }
}
