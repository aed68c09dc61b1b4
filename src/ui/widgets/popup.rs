//! The frame every popup and form shares: a border and a bold title.

use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};

use crate::ui::theme::Theme;

/// A bordered block titled ` title `.
pub fn popup_block(title: impl std::fmt::Display, theme: &Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Line::styled(format!(" {title} "), theme.title))
}
