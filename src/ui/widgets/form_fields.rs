//! A column of labelled fields (text or choice) with errors and warnings next to them,
//! each wrapped to the width it has, scrolled to keep the focused field in view: the body
//! of every form.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::choice::Choice;
use super::text_field;
use crate::ui::theme::Theme;

/// What a field holds.
#[derive(Clone)]
pub enum Value {
    Text(Input),
    /// A choice among fixed labels (already in the user's language).
    Choice(Choice, Vec<String>),
}

/// One field of a form.
pub struct FieldState {
    pub label: String,
    /// Shown under the form while the field has focus.
    pub hint: Option<String>,
    pub value: Value,
    pub error: Option<String>,
    /// One warning a line (`\n` between them); each is wrapped to the field's width.
    pub warning: Option<String>,
    /// Hidden fields are skipped (e.g. "expected back" unless the status is izin).
    pub visible: bool,
}

impl FieldState {
    pub fn text(
        label: impl Into<String>,
        value: impl Into<String>,
        hint: Option<String>,
    ) -> FieldState {
        FieldState::new(label, Value::Text(Input::new(value.into())), hint)
    }

    pub fn choice(
        label: impl Into<String>,
        labels: Vec<String>,
        index: usize,
        hint: Option<String>,
    ) -> FieldState {
        let len = labels.len();
        FieldState::new(label, Value::Choice(Choice::new(index, len), labels), hint)
    }

    fn new(label: impl Into<String>, value: Value, hint: Option<String>) -> FieldState {
        FieldState {
            label: label.into(),
            hint,
            value,
            error: None,
            warning: None,
            visible: true,
        }
    }

    /// The typed text, or the chosen label.
    pub fn shown(&self) -> &str {
        match &self.value {
            Value::Text(input) => input.value(),
            Value::Choice(c, labels) => labels.get(c.index).map_or("", String::as_str),
        }
    }

    /// Puts `shown` in the field: the text itself, or the choice with that label (a label
    /// not in the list leaves a choice as it was).
    pub fn set_shown(&mut self, shown: &str) {
        match &mut self.value {
            Value::Text(input) => *input = Input::new(shown.to_string()),
            Value::Choice(c, labels) => {
                if let Some(i) = labels.iter().position(|l| l == shown) {
                    c.index = i;
                    c.clear_typed();
                }
            }
        }
    }
}

/// What a row of the form shows: a field, or one line of its error or warning.
/// A mark's line says whether it is the first of its mark (the one with the sign).
enum Row {
    Field,
    Error(String, bool),
    Warning(String, bool),
}

/// Breaks `text` into lines of at most `width` characters, at spaces where it can.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word = word.to_string();
        loop {
            let len = line.chars().count();
            let wlen = word.chars().count();
            let need = if len == 0 { wlen } else { len + 1 + wlen };
            if need <= width {
                if len > 0 {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if len > 0 {
                out.push(std::mem::take(&mut line));
                continue;
            }
            // A word longer than the line: cut it.
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            out.push(head);
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

/// The fields of a form and which one has focus.
pub struct Fields {
    pub items: Vec<FieldState>,
    pub focus: usize,
    scroll: Cell<usize>,
}

impl Fields {
    pub fn new(items: Vec<FieldState>) -> Fields {
        Fields {
            items,
            focus: 0,
            scroll: Cell::new(0),
        }
    }

    /// The text of field `i` (trimmed), or "" for a choice.
    pub fn text(&self, i: usize) -> &str {
        match &self.items[i].value {
            Value::Text(input) => input.value().trim(),
            Value::Choice(..) => "",
        }
    }

    /// The chosen index of field `i`, or 0 for text.
    pub fn choice(&self, i: usize) -> usize {
        match &self.items[i].value {
            Value::Choice(c, _) => c.index,
            Value::Text(_) => 0,
        }
    }

    /// Everything entered, to tell whether the form holds unsaved input.
    pub fn snapshot(&self) -> Vec<String> {
        self.items.iter().map(|f| f.shown().to_string()).collect()
    }

    fn step(&mut self, forward: bool) {
        let n = self.items.len();
        let mut i = self.focus;
        for _ in 0..n {
            i = if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            if self.items[i].visible {
                break;
            }
        }
        if let Value::Choice(c, _) = &mut self.items[self.focus].value {
            c.clear_typed();
        }
        self.focus = i;
    }

    pub fn next(&mut self) {
        self.step(true);
    }

    pub fn prev(&mut self) {
        self.step(false);
    }

    /// How many fields are shown.
    pub fn visible_count(&self) -> usize {
        self.items.iter().filter(|f| f.visible).count()
    }

    /// True when focus is on the last visible field.
    pub fn on_last(&self) -> bool {
        self.items.iter().rposition(|f| f.visible) == Some(self.focus)
    }

    /// Moves focus to the first field with an error, if any.
    pub fn focus_first_error(&mut self) {
        if let Some(i) = self
            .items
            .iter()
            .position(|f| f.visible && f.error.is_some())
        {
            self.focus = i;
        }
    }

    pub fn clear_marks(&mut self) {
        for f in &mut self.items {
            f.error = None;
            f.warning = None;
        }
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|f| f.visible && f.error.is_some())
            .count()
    }

    /// ←/→: a choice steps; a text field moves its cursor.
    pub fn left_right(&mut self, key: KeyEvent) {
        match &mut self.items[self.focus].value {
            Value::Choice(c, _) if key.code == KeyCode::Left => c.prev(),
            Value::Choice(c, _) => c.next(),
            Value::Text(input) => {
                input.handle_event(&Event::Key(key));
            }
        }
    }

    /// A key no binding claimed: typed into the focused field. Returns true if it changed.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        match &mut self.items[self.focus].value {
            Value::Text(input) => input.handle_event(&Event::Key(key)).is_some(),
            Value::Choice(c, labels) => match key.code {
                KeyCode::Char(ch) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    c.type_char(ch, labels);
                    true
                }
                KeyCode::Backspace => c.backspace(labels),
                _ => false,
            },
        }
    }

    /// The width of the label column.
    fn label_width(&self) -> u16 {
        self.items
            .iter()
            .map(|f| f.label.chars().count())
            .max()
            .unwrap_or(0)
            .min(24) as u16
            + 3
    }

    /// Every row the fields take at `width`: each visible field, then its error and
    /// warning lines, wrapped to the width left of the label.
    fn rows(&self, width: u16) -> Vec<(usize, Row)> {
        let text_w = width.saturating_sub(self.label_width()).saturating_sub(2) as usize;
        let mut rows = Vec::new();
        for (i, f) in self.items.iter().enumerate().filter(|(_, f)| f.visible) {
            rows.push((i, Row::Field));
            for e in f.error.iter().flat_map(|e| e.lines()) {
                let lines = wrap(e, text_w).into_iter().enumerate();
                rows.extend(lines.map(|(n, l)| (i, Row::Error(l, n == 0))));
            }
            for w in f.warning.iter().flat_map(|w| w.lines()) {
                let lines = wrap(w, text_w).into_iter().enumerate();
                rows.extend(lines.map(|(n, l)| (i, Row::Warning(l, n == 0))));
            }
        }
        rows
    }

    /// How many rows the fields need at `width` to show without scrolling.
    pub fn height(&self, width: u16) -> u16 {
        self.rows(width).len() as u16
    }

    /// Draws the fields in `area`, the focused one with its marks in view; ▲/▼ at the
    /// right edge say there is more above or below. Only an `active` form (the one getting
    /// keys) places the terminal cursor.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme, active: bool) {
        let label_w = self.label_width();
        let rows = self.rows(area.width);
        let height = area.height as usize;
        let first = rows.iter().position(|l| l.0 == self.focus).unwrap_or(0);
        let last = rows.iter().rposition(|l| l.0 == self.focus).unwrap_or(0);
        let mut scroll = self.scroll.get();
        if first < scroll {
            scroll = first;
        } else if last >= scroll + height {
            // The field itself first, then as many of its marks as fit.
            scroll = (last + 1).saturating_sub(height.max(1)).min(first);
        }
        scroll = scroll.min(rows.len().saturating_sub(height));
        self.scroll.set(scroll);
        let value_x = area.x + label_w.min(area.width);
        let value_w = area.width.saturating_sub(label_w);
        for (n, (i, row)) in rows.iter().enumerate().skip(scroll).take(height) {
            let y = area.y + (n - scroll) as u16;
            let f = &self.items[*i];
            let focused = *i == self.focus && active;
            // A wrapped mark's later lines are indented under its first.
            let sign = |s: &'static str, first: bool| if first { s } else { "  " };
            match row {
                Row::Field => {
                    let mark = if f.error.is_some() { "⚠ " } else { "  " };
                    let style = if focused {
                        theme.focused_label
                    } else {
                        theme.label
                    };
                    let label = Line::from(vec![
                        Span::styled(mark, theme.error),
                        Span::styled(f.label.clone(), style),
                    ]);
                    frame.render_widget(
                        Paragraph::new(label),
                        Rect::new(area.x, y, label_w.min(area.width), 1),
                    );
                    let value_area = Rect::new(value_x, y, value_w, 1);
                    match &f.value {
                        Value::Text(input) => {
                            text_field::render(frame, value_area, input, focused, theme)
                        }
                        Value::Choice(c, labels) if focused => {
                            // What was typed shows beside the value; typed text that
                            // matches no value is marked ✗ and changed nothing.
                            let mut spans =
                                vec![Span::styled(format!("◀ {} ▶", f.shown()), theme.input)];
                            if c.unmatched(labels) {
                                let s = format!("  \"{}\" ✗ ←/→", c.typed());
                                spans.push(Span::styled(s, theme.error));
                            } else if !c.typed().is_empty() {
                                spans.push(Span::styled(format!("  \"{}\"", c.typed()), theme.dim));
                            }
                            frame.render_widget(Paragraph::new(Line::from(spans)), value_area);
                        }
                        Value::Choice(..) => {
                            frame.render_widget(Paragraph::new(f.shown()), value_area)
                        }
                    }
                }
                Row::Error(line, first) => {
                    let s = format!("{}{line}", sign("⚠ ", *first));
                    frame.render_widget(
                        Paragraph::new(s).style(theme.error),
                        Rect::new(value_x, y, value_w, 1),
                    );
                }
                Row::Warning(line, first) => {
                    let s = format!("{}{line}", sign("! ", *first));
                    frame.render_widget(
                        Paragraph::new(s).style(theme.warning),
                        Rect::new(value_x, y, value_w, 1),
                    );
                }
            }
        }
        if rows.len() > height && area.width > 0 && height > 0 {
            let x = area.x + area.width - 1;
            if scroll > 0 {
                frame.render_widget(
                    Paragraph::new("▲").style(theme.dim),
                    Rect::new(x, area.y, 1, 1),
                );
            }
            if scroll + height < rows.len() {
                let y = area.y + area.height - 1;
                frame.render_widget(Paragraph::new("▼").style(theme.dim), Rect::new(x, y, 1, 1));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_only_long_words() {
        assert_eq!(
            wrap("NIK menyebut lahir 17 Mei 1980", 14),
            vec!["NIK menyebut", "lahir 17 Mei", "1980"]
        );
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 10), vec![""]);
    }
}
