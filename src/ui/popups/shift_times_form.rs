//! The head changes when the pagi, siang and malam shifts start.

use crate::ui::widgets::popup::popup_block;
use chrono::NaiveTime;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Clear;

use crate::domain::shift::{Shift, ShiftTimes};
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::form_fields::{FieldState, Fields};

/// The three start times being edited.
pub struct ShiftTimesForm {
    pub fields: Fields,
    lang: Lang,
    /// Times that move the current shift, asked about once: a second Ctrl-S with the
    /// same times saves them.
    pub confirming: Option<ShiftTimes>,
    /// The question (or problem) shown in the bottom border.
    pub message: Option<String>,
}

impl ShiftTimesForm {
    pub fn new(times: ShiftTimes, lang: Lang) -> ShiftTimesForm {
        let hint = Some(lang.t(Msg::HintTime).to_string());
        let field = |s: Shift, t: NaiveTime| {
            FieldState::text(
                lang.f(Msg::ShiftStarts, &[text::shift(lang, s)]),
                t.format("%H:%M").to_string(),
                hint.clone(),
            )
        };
        let items = vec![
            field(Shift::Morning, times.morning),
            field(Shift::Afternoon, times.afternoon),
            field(Shift::Night, times.night),
        ];
        ShiftTimesForm {
            fields: Fields::new(items),
            lang,
            confirming: None,
            message: None,
        }
    }

    /// The new times, or `None` with the problem shown.
    pub fn submit(&mut self) -> Option<ShiftTimes> {
        self.fields.clear_marks();
        let mut read = |i: usize| match NaiveTime::parse_from_str(self.fields.text(i), "%H:%M") {
            Ok(t) => Some(t),
            Err(_) => {
                self.fields.items[i].error = Some(self.lang.t(Msg::HintTime).into());
                None
            }
        };
        let (morning, afternoon, night) = (read(0), read(1), read(2));
        let times = ShiftTimes {
            morning: morning?,
            afternoon: afternoon?,
            night: night?,
        };
        if !times.is_valid() {
            self.fields.items[1].error = Some(self.lang.t(Msg::WrongShiftOrder).into());
            self.fields.focus_first_error();
            return None;
        }
        Some(times)
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme, active: bool) {
        let mut block = popup_block(self.lang.t(Msg::ShiftTimesTitle), theme);
        if let Some(m) = &self.message {
            block = block.title_bottom(Line::styled(format!(" {m} "), theme.warning));
        }
        frame.render_widget(Clear, area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        self.fields.render(frame, inner, theme, active);
    }
}
