//! `?`: every key that works on the current screen and everywhere, from the keymap.

use std::cell::Cell;

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
    /// How far it can scroll, as last drawn (so ↑ after many ↓ moves at once).
    max_scroll: Cell<u16>,
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
    // The key column is as wide as its widest keys ("q Ctrl-C/Ctrl-Q"), so none runs
    // into its label.
    let width = grouped
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0)
        .max(10);
    grouped
        .into_iter()
        .map(|(keys, b)| {
            Line::from(vec![
                Span::styled(format!("  {keys:<width$} "), theme.key),
                Span::raw(lang.t(b.label)),
            ])
        })
        .collect()
}

impl Help {
    pub fn new(context: Context) -> Help {
        Help {
            context,
            scroll: 0,
            max_scroll: Cell::new(u16::MAX),
        }
    }

    pub fn up(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll.get()).saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.scroll = self.scroll.saturating_add(1).min(self.max_scroll.get());
    }

    /// Every key that works in the context the help was opened from, in two groups (this
    /// screen or form / everywhere), side by side when there is room. Longer than the
    /// popup, it scrolls with ↑/↓ and says so on its last row.
    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let mut here = vec![Line::styled(lang.t(Msg::HelpHere), theme.title)];
        here.extend(lines_for(keymap::bindings(self.context), lang, theme));
        let mut everywhere = vec![Line::styled(lang.t(Msg::HelpEverywhere), theme.title)];
        everywhere.extend(lines_for(keymap::global(self.context), lang, theme));
        let block = popup_block(lang.t(Msg::HelpTitle), theme);
        frame.render_widget(Clear, area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [body, close] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
        let side_by_side = inner.width >= 70;
        let content = if side_by_side {
            here.len().max(everywhere.len())
        } else {
            here.len() + 1 + everywhere.len()
        };
        let max_scroll = content.saturating_sub(body.height as usize) as u16;
        self.max_scroll.set(max_scroll);
        let scroll = self.scroll.min(max_scroll);
        if side_by_side {
            // The global keys are few and short: the screen's get the wider column.
            let [left, right] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(30)]).areas(body);
            frame.render_widget(Paragraph::new(here).scroll((scroll, 0)), left);
            frame.render_widget(Paragraph::new(everywhere).scroll((scroll, 0)), right);
        } else {
            here.push(Line::raw(""));
            here.extend(everywhere);
            frame.render_widget(Paragraph::new(here).scroll((scroll, 0)), body);
        }
        let mut footer = vec![Span::styled(lang.t(Msg::HelpClose), theme.dim)];
        if max_scroll > 0 {
            let arrows = match (scroll > 0, scroll < max_scroll) {
                (true, true) => "▲▼",
                (true, false) => "▲",
                _ => "▼",
            };
            footer.push(Span::styled(
                format!(" · {} {arrows}", lang.t(Msg::HelpScroll)),
                theme.key,
            ));
        }
        frame.render_widget(Paragraph::new(Line::from(footer)), close);
    }
}
