//! A column of labelled fields (text or choice) with errors and warnings next to them,
//! scrolled to keep the focused field in view: the body of every form.

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
                _ => false,
            },
        }
    }

    /// Draws the fields in `area`, the focused one in view. Only an `active` form (the one
    /// getting keys) places the terminal cursor.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme, active: bool) {
        let label_w = self
            .items
            .iter()
            .map(|f| f.label.chars().count())
            .max()
            .unwrap_or(0)
            .min(24) as u16
            + 3;
        // Lay out lines: each visible field, then its error and warning lines.
        let mut lines: Vec<(usize, u8)> = Vec::new();
        for (i, f) in self.items.iter().enumerate().filter(|(_, f)| f.visible) {
            lines.push((i, 0));
            if f.error.is_some() {
                lines.push((i, 1));
            }
            if f.warning.is_some() {
                lines.push((i, 2));
            }
        }
        let height = area.height as usize;
        let first = lines.iter().position(|l| l.0 == self.focus).unwrap_or(0);
        let last = lines.iter().rposition(|l| l.0 == self.focus).unwrap_or(0);
        let mut scroll = self.scroll.get();
        if first < scroll {
            scroll = first;
        } else if last >= scroll + height {
            scroll = last + 1 - height.max(1);
        }
        scroll = scroll.min(lines.len().saturating_sub(height));
        self.scroll.set(scroll);
        let value_x = area.x + label_w.min(area.width);
        let value_w = area.width.saturating_sub(label_w);
        for (row, (i, kind)) in lines.iter().skip(scroll).take(height).enumerate() {
            let y = area.y + row as u16;
            let f = &self.items[*i];
            let focused = *i == self.focus && active;
            match kind {
                0 => {
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
                        Value::Choice(..) if focused => {
                            let s = format!("◀ {} ▶", f.shown());
                            frame.render_widget(Paragraph::new(s).style(theme.input), value_area);
                        }
                        Value::Choice(..) => {
                            frame.render_widget(Paragraph::new(f.shown()), value_area)
                        }
                    }
                }
                1 => {
                    let s = format!("⚠ {}", f.error.as_deref().unwrap_or(""));
                    frame.render_widget(
                        Paragraph::new(s).style(theme.error),
                        Rect::new(value_x, y, value_w, 1),
                    );
                }
                _ => {
                    let s = format!("! {}", f.warning.as_deref().unwrap_or(""));
                    frame.render_widget(
                        Paragraph::new(s).style(theme.warning),
                        Rect::new(value_x, y, value_w, 1),
                    );
                }
            }
        }
    }
}
