//! `?`: every key that works on the current screen and everywhere, from the keymap.

use crate::ui::widgets::popup::popup_block;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::ui::keymap::{self, Binding, Context};
use crate::ui::text::{Lang, Msg};
use crate::ui::theme::Theme;

/// The help popup: which context it describes and how far it is scrolled.
pub struct Help {
    pub context: Context,
    pub scroll: u16,
}

/// One line per action label, its keys joined: `↑/k ↓/j  pindah`.
fn lines_for(bindings: &[Binding], lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let mut grouped: Vec<(String, &Binding)> = Vec::new();
    for b in bindings {
        match grouped.iter_mut().find(|(_, g)| g.label == b.label) {
            Some((keys, _)) => {
                if !keys.split(' ').any(|k| k == b.shown) {
                    keys.push(' ');
                    keys.push_str(b.shown);
                }
            }
            None => grouped.push((b.shown.to_string(), b)),
        }
    }
    grouped
        .into_iter()
        .map(|(keys, b)| {
            Line::from(vec![
                Span::styled(format!("  {keys:<14} "), theme.key),
                Span::raw(lang.t(b.label)),
            ])
        })
        .collect()
}

impl Help {
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let mut here = vec![Line::styled(lang.t(Msg::HelpHere), theme.title)];
        here.extend(lines_for(keymap::bindings(self.context), lang, theme));
        let mut everywhere = vec![Line::styled(lang.t(Msg::HelpEverywhere), theme.title)];
        everywhere.extend(lines_for(keymap::global(self.context), lang, theme));
        everywhere.push(Line::raw(""));
        everywhere.push(Line::styled(lang.t(Msg::HelpClose), theme.dim));
        let block = popup_block(lang.t(Msg::HelpTitle), theme);
        frame.render_widget(Clear, area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if inner.width >= 70 {
            let [left, right] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(inner);
            frame.render_widget(Paragraph::new(here).scroll((self.scroll, 0)), left);
            frame.render_widget(Paragraph::new(everywhere), right);
        } else {
            here.push(Line::raw(""));
            here.extend(everywhere);
            frame.render_widget(Paragraph::new(here).scroll((self.scroll, 0)), inner);
        }
    }
}
