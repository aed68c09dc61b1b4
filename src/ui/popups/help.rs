//! `?`: every key that works on the current screen and everywhere, from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::ui::keymap::{self, Binding, Context};
use crate::ui::text::{Lang, Msg};
use crate::ui::theme::Theme;

/// The help popup: which context it describes and how far it is scrolled.
pub struct Help {
    pub context: Context,
    pub scroll: u16,
}

fn lines_for<'a>(bindings: &'a [Binding], lang: Lang, theme: &Theme, out: &mut Vec<Line<'a>>) {
    let mut seen: Vec<(&str, Msg)> = Vec::new();
    for b in bindings {
        // Up and Down share a label; list each key once with its own name.
        if seen.contains(&(b.shown, b.label)) {
            continue;
        }
        seen.push((b.shown, b.label));
        out.push(Line::from(vec![
            Span::styled(format!("  {:<14}", b.shown), theme.key),
            Span::raw(lang.t(b.label)),
        ]));
    }
}

impl Help {
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let mut lines = vec![Line::styled(lang.t(Msg::HelpHere), theme.title)];
        lines_for(keymap::bindings(self.context), lang, theme, &mut lines);
        lines.push(Line::raw(""));
        lines.push(Line::styled(lang.t(Msg::HelpEverywhere), theme.title));
        lines_for(keymap::global(self.context), lang, theme, &mut lines);
        lines.push(Line::raw(""));
        lines.push(Line::styled(lang.t(Msg::HelpClose), theme.dim));
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border)
            .title(Line::styled(
                format!(" {} ", lang.t(Msg::HelpTitle)),
                theme.title,
            ));
        frame.render_widget(Clear, area);
        frame.render_widget(
            Paragraph::new(lines).block(block).scroll((self.scroll, 0)),
            area,
        );
    }
}
