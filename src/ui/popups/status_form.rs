//! The status change form (`s`): the new status, from which date, the facts that belong to
//! it (expected return, referred to, last seen, exit reason) and a note.

use crate::ui::widgets::popup::popup_block;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Clear, Paragraph};

use crate::domain::dates::{DateError, format_input, parse_date};
use crate::domain::{ClientId, ClientRow, ExitReason, Status, StatusDetail};
use crate::protocol::StatusInput;
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::form_fields::{FieldState, Fields};

const STATUS: usize = 0;
const DATE: usize = 1;
const RETURN: usize = 2;
const REFERRED_TO: usize = 3;
const LAST_SEEN: usize = 4;
const REASON: usize = 5;
const DESTINATION: usize = 6;
const NOTE: usize = 7;

/// The status form's state.
pub struct StatusForm {
    pub id: ClientId,
    pub base_revision: u64,
    pub name: String,
    current: Status,
    pub fields: Fields,
    lang: Lang,
    initial: Vec<String>,
    pub message: Option<String>,
    /// The user said yes to "exit this resident?": the next save sends the exit.
    pub exit_confirmed: bool,
}

fn parse_date_time(raw: &str) -> Result<NaiveDateTime, DateError> {
    let mut parts = raw.split_whitespace();
    let date = parse_date(parts.next().unwrap_or(""))?;
    let time = match parts.next() {
        Some(t) => NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| DateError::Format)?,
        None => NaiveTime::MIN,
    };
    if parts.next().is_some() {
        return Err(DateError::Format);
    }
    Ok(date.and_time(time))
}

impl StatusForm {
    pub fn new(row: &ClientRow, lang: Lang, now: NaiveDateTime) -> StatusForm {
        let today = now.date();
        let statuses = Status::ALL
            .iter()
            .map(|s| text::status(lang, *s).to_string())
            .collect();
        // Suggest the most common next step: back to aktif, or izin from aktif.
        let suggested = if row.status == Status::Active {
            Status::Leave
        } else {
            Status::Active
        };
        let t = |m| lang.t(m);
        let hint = |m| Some(lang.t(m).to_string());
        let items = vec![
            FieldState::choice(
                t(Msg::StatusFieldStatus),
                statuses,
                suggested as usize,
                hint(Msg::HintChoice),
            ),
            FieldState::text(
                t(Msg::StatusFieldDate),
                format_input(today),
                hint(Msg::HintDate),
            ),
            FieldState::text(t(Msg::StatusFieldReturn), "", hint(Msg::HintDate)),
            FieldState::text(t(Msg::StatusFieldReferredTo), "", None),
            FieldState::text(
                t(Msg::StatusFieldLastSeen),
                now.format("%d-%m-%Y %H:%M").to_string(),
                hint(Msg::HintDateTime),
            ),
            FieldState::choice(
                t(Msg::StatusFieldReason),
                ExitReason::ALL
                    .iter()
                    .map(|r| text::exit_reason(lang, *r).to_string())
                    .collect(),
                0,
                hint(Msg::HintChoice),
            ),
            FieldState::text(t(Msg::StatusFieldDestination), "", None),
            FieldState::text(t(Msg::StatusFieldNote), "", None),
        ];
        let mut form = StatusForm {
            id: row.id,
            base_revision: row.revision,
            name: crate::domain::names::display_name(&row.name, &row.nickname),
            current: row.status,
            fields: Fields::new(items),
            lang,
            initial: Vec::new(),
            message: None,
            exit_confirmed: false,
        };
        form.update_visibility();
        form.initial = form.fields.snapshot();
        form
    }

    pub fn is_dirty(&self) -> bool {
        self.fields.snapshot() != self.initial
    }

    fn status(&self) -> Status {
        Status::ALL[self.fields.choice(STATUS)]
    }

    /// Shows only the fields the chosen status needs.
    pub fn update_visibility(&mut self) {
        let s = self.status();
        let show = [
            (RETURN, s == Status::Leave),
            (REFERRED_TO, s == Status::Referred),
            (LAST_SEEN, s == Status::Absconded),
            (REASON, s == Status::Exited),
            (DESTINATION, s == Status::Exited),
        ];
        for (i, visible) in show {
            self.fields.items[i].visible = visible;
        }
    }

    /// Save pressed: the change to send, or `None` with the problems shown.
    pub fn submit(&mut self) -> Option<StatusInput> {
        self.fields.clear_marks();
        self.message = None;
        let lang = self.lang;
        let mut errors: Vec<(usize, String)> = Vec::new();
        let status = self.status();
        if status == self.current {
            errors.push((STATUS, lang.t(Msg::StatusSame).into()));
        }
        // A required date left empty is "required", not "write it like …".
        let mut date_field = |i: usize| -> Option<NaiveDate> {
            let raw = self.fields.text(i);
            if raw.trim().is_empty() {
                errors.push((i, lang.t(Msg::ProblemRequired).into()));
                return None;
            }
            parse_date(raw)
                .map_err(|e| errors.push((i, text::date_error(lang, e))))
                .ok()
        };
        let date = date_field(DATE);
        let detail = match status {
            Status::Active => Some(StatusDetail::Active),
            Status::Sick => Some(StatusDetail::Sick),
            Status::Leave => date_field(RETURN).map(|d| StatusDetail::Leave { expected_return: d }),
            Status::Referred => {
                let to = self.fields.text(REFERRED_TO).to_string();
                if to.is_empty() {
                    errors.push((REFERRED_TO, lang.t(Msg::ProblemRequired).into()));
                }
                Some(StatusDetail::Referred { to })
            }
            Status::Absconded => match parse_date_time(self.fields.text(LAST_SEEN)) {
                Ok(t) => Some(StatusDetail::Absconded { last_seen: t }),
                Err(_) if self.fields.text(LAST_SEEN).trim().is_empty() => {
                    errors.push((LAST_SEEN, lang.t(Msg::ProblemRequired).into()));
                    None
                }
                Err(_) => {
                    errors.push((LAST_SEEN, lang.t(Msg::ProblemDateTimeFormat).into()));
                    None
                }
            },
            Status::Exited => Some(StatusDetail::Exited {
                reason: ExitReason::ALL[self.fields.choice(REASON)],
                destination: self.fields.text(DESTINATION).to_string(),
            }),
        };
        if !errors.is_empty() {
            for (i, e) in errors {
                self.fields.items[i].error = Some(e);
            }
            self.fields.focus_first_error();
            return None;
        }
        Some(StatusInput {
            detail: detail?,
            date: date?,
            note: self.fields.text(NOTE).to_string(),
        })
    }

    /// Rows the popup needs: current status, visible fields with their marks, hint,
    /// message, borders.
    pub fn height(&self) -> u16 {
        let marks = |f: &crate::ui::widgets::form_fields::FieldState| {
            1 + u16::from(f.error.is_some()) + u16::from(f.warning.is_some())
        };
        let fields: u16 = self
            .fields
            .items
            .iter()
            .filter(|f| f.visible)
            .map(marks)
            .sum();
        fields + 2 + 2 + 2
    }

    /// A refusal from the service about the date, shown next to the date field.
    pub fn show_date_problem(&mut self, text: String) {
        self.fields.items[DATE].error = Some(text);
        self.fields.focus = DATE;
    }

    /// The field a service refusal (`WrongState` reason `code`) is about, if one.
    fn field_of(&self, code: &str) -> Option<usize> {
        use crate::domain::reasons::*;
        match code {
            LEAVE_RETURN_BEFORE_DATE => Some(RETURN),
            LAST_SEEN_IN_FUTURE => Some(LAST_SEEN),
            NOTE_TOO_LONG => Some(NOTE),
            TEXT_TOO_LONG if self.status() == Status::Referred => Some(REFERRED_TO),
            TEXT_TOO_LONG if self.status() == Status::Exited => Some(DESTINATION),
            DATE_IN_FUTURE | DATE_BEFORE_ADMISSION | DATE_BEFORE_LAST_CHANGE => Some(DATE),
            _ => None,
        }
    }

    /// Shows a service refusal next to the field it is about (focused), or at the
    /// bottom of the form if it is about none.
    pub fn show_refusal(&mut self, code: &str, text: String) {
        match self.field_of(code) {
            Some(i) => {
                self.fields.items[i].error = Some(text);
                self.fields.focus = i;
            }
            None => self.message = Some(text),
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme, active: bool) {
        let lang = self.lang;
        let title = lang.f(Msg::StatusTitle, &[&self.name]);
        let block = popup_block(title, theme);
        frame.render_widget(Clear, area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [now, body, hint, message] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        let now_text = lang.f(Msg::StatusNow, &[text::status(lang, self.current)]);
        frame.render_widget(Paragraph::new(now_text).style(theme.dim), now);
        self.fields.render(frame, body, theme, active);
        if let Some(h) = &self.fields.items[self.fields.focus].hint {
            frame.render_widget(Paragraph::new(h.as_str()).style(theme.dim), hint);
        }
        if let Some(m) = &self.message {
            frame.render_widget(Paragraph::new(m.as_str()).style(theme.error), message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_seen_takes_a_date_and_optional_time() {
        let t = parse_date_time("27-11-2026 21:15").unwrap();
        assert_eq!(t.format("%Y-%m-%d %H:%M").to_string(), "2026-11-27 21:15");
        assert!(parse_date_time("27-11-2026").is_ok());
        assert!(parse_date_time("27-11-2026 25:00").is_err());
        assert!(parse_date_time("kemarin").is_err());
    }
}
