//! Asks for a date range (from, to; either may be empty), e.g. for the audit trail.

use crate::ui::widgets::popup::popup_block;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

use crate::domain::dates::{format_input, parse_date};
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::form_fields::{FieldState, Fields};

/// The range form.
pub struct DateRange {
    pub fields: Fields,
    lang: Lang,
}

impl DateRange {
    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>, lang: Lang) -> DateRange {
        let hint = Some(lang.t(Msg::HintDate).to_string());
        let items = vec![
            FieldState::text(
                lang.t(Msg::RangeFrom),
                from.map(format_input).unwrap_or_default(),
                hint.clone(),
            ),
            FieldState::text(
                lang.t(Msg::RangeTo),
                to.map(format_input).unwrap_or_default(),
                hint,
            ),
        ];
        DateRange {
            fields: Fields::new(items),
            lang,
        }
    }

    /// The range, or `None` with problems shown. Empty fields mean open-ended.
    pub fn submit(&mut self) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
        self.fields.clear_marks();
        let mut read = |i: usize| -> Result<Option<NaiveDate>, ()> {
            let raw = self.fields.text(i).to_string();
            if raw.is_empty() {
                return Ok(None);
            }
            parse_date(&raw).map(Some).map_err(|e| {
                self.fields.items[i].error = Some(text::date_error(self.lang, e));
            })
        };
        let (from, to) = (read(0), read(1));
        self.fields.focus_first_error();
        Some((from.ok()?, to.ok()?))
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let block = popup_block(self.lang.t(Msg::RangeTitle), theme);
        frame.render_widget(Clear, area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        self.fields.render(frame, inner, theme, true);
    }
}
