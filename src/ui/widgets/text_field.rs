//! One line of editable text (a `tui_input::Input`), scrolled so the cursor stays visible.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Paragraph;
use tui_input::Input;

use crate::ui::theme::Theme;

/// Draws `input` in `area`; with `focused`, places the terminal cursor at its cursor.
pub fn render(frame: &mut Frame, area: Rect, input: &Input, focused: bool, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = area.width.saturating_sub(1) as usize;
    let scroll = input.visual_scroll(width);
    let style = if focused { theme.input } else { theme.label };
    frame.render_widget(
        Paragraph::new(input.value())
            .style(style)
            .scroll((0, scroll as u16)),
        area,
    );
    if focused {
        let x = (input.visual_cursor().saturating_sub(scroll)) as u16;
        frame.set_cursor_position(Position::new(area.x + x.min(area.width - 1), area.y));
    }
}
