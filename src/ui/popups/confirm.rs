//! A yes/no question over everything else (discard input? quit anyway?).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
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
    /// The question and its options ("y = ya   n = tidak"), which the catalogue writes
    /// after two spaces at the end of each question.
    fn parts(&self, lang: Lang) -> (String, Option<String>) {
        let words = self.on_yes.words();
        let full = lang.f(self.question, &words);
        match full.find("  y = ") {
            Some(at) => (
                full[..at].trim_end().to_string(),
                Some(full[at..].trim().to_string()),
            ),
            None => (full, None),
        }
    }

    /// The options on a line of their own, under the question: a narrow terminal wraps
    /// the question, never an option in the middle.
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let (question, options) = self.parts(lang);
        let width = area.width.min(64);
        let inner = usize::from(width.saturating_sub(2)).max(1);
        // Words wrap before the edge: a line more than the characters alone would need.
        let question_lines = question.chars().count().div_ceil(inner) + 1;
        let option_lines = if options.is_some() { 2 } else { 0 };
        let wanted = u16::try_from(question_lines + option_lines + 2).unwrap_or(u16::MAX);
        let height = area.height.min(wanted);
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
        let mut lines = vec![Line::from(question)];
        if let Some(options) = options {
            lines.push(Line::default());
            lines.push(Line::from(options));
        }
        let text = Paragraph::new(lines)
            .style(theme.title)
            .wrap(Wrap { trim: true })
            .block(block);
        frame.render_widget(text, popup);
    }
}
