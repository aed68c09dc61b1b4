//! The roll call's small forms: a mark that needs more than one key (kabur: when last
//! seen, and a note), a note for any mark (why sakit, where dirujuk), and which roll call
//! to open (a date and a shift).

use crate::ui::widgets::popup::popup_block;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Paragraph};

use crate::domain::ClientId;
use crate::domain::dates::{format_input, parse_date};
use crate::domain::roll_call::{Phase, Presence};
use crate::domain::shift::{Shift, ShiftSlot, ShiftTimes};
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::form_fields::{FieldState, Fields};

/// Mark forms: last seen (kabur only), then the note.
const LAST_SEEN: usize = 0;
const NOTE: usize = 1;
/// The go-to form: the date, then the shift.
const DATE: usize = 0;
const SHIFT: usize = 1;

/// What the form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A mark for `client` with its note (and for kabur, when last seen).
    Mark {
        client: ClientId,
        presence: Presence,
    },
    /// Which roll call to open.
    GoTo,
}

/// The form being filled in.
pub struct MarkForm {
    pub purpose: Purpose,
    pub title: String,
    pub fields: Fields,
    /// What the fields held when the form opened, to tell typed input from defaults.
    initial: Vec<String>,
    lang: Lang,
}

/// `28-11-2026 21:15` (time optional).
fn parse_date_time(raw: &str) -> Option<NaiveDateTime> {
    let mut parts = raw.split_whitespace();
    let date = parse_date(parts.next()?).ok()?;
    let time = match parts.next() {
        Some(t) => NaiveTime::parse_from_str(t, "%H:%M").ok()?,
        None => NaiveTime::MIN,
    };
    parts.next().is_none().then(|| date.and_time(time))
}

impl MarkForm {
    /// For kabur: last seen (default now) and a note.
    pub fn absconded(client: ClientId, name: &str, now: NaiveDateTime, lang: Lang) -> MarkForm {
        MarkForm::mark(
            client,
            Presence::Absconded,
            lang.f(Msg::RollKaburTitle, &[name]),
            Some(now),
            String::new(),
            lang,
        )
    }

    /// A note for the mark the resident has (or hadir if none yet).
    pub fn note(
        client: ClientId,
        presence: Presence,
        name: &str,
        note: String,
        lang: Lang,
    ) -> MarkForm {
        MarkForm::mark(
            client,
            presence,
            lang.f(Msg::RollNoteTitle, &[name]),
            None,
            note,
            lang,
        )
    }

    /// Which roll call to open, starting from the one on screen.
    pub fn go_to(from: ShiftSlot, lang: Lang) -> MarkForm {
        let shifts: Vec<String> = Shift::ALL
            .iter()
            .map(|s| text::shift(lang, *s).to_string())
            .collect();
        let index = Shift::ALL.iter().position(|s| *s == from.shift);
        let items = vec![
            FieldState::text(
                lang.t(Msg::RollGoToDate),
                format_input(from.date),
                Some(lang.t(Msg::HintDate).into()),
            ),
            FieldState::choice(lang.t(Msg::RollGoToShift), shifts, index.unwrap_or(0), None),
        ];
        MarkForm::with(
            Purpose::GoTo,
            lang.t(Msg::RollGoToTitle).into(),
            items,
            lang,
        )
    }

    /// Kabur (last seen shown, focused first) or a note (only the note shown).
    fn mark(
        client: ClientId,
        presence: Presence,
        title: String,
        last_seen: Option<NaiveDateTime>,
        note: String,
        lang: Lang,
    ) -> MarkForm {
        let asks_last_seen = last_seen.is_some();
        let seen = last_seen
            .map(|t| t.format("%d-%m-%Y %H:%M").to_string())
            .unwrap_or_default();
        let mut items = vec![
            FieldState::text(
                lang.t(Msg::RollLastSeen),
                seen,
                Some(lang.t(Msg::HintDateTime).into()),
            ),
            FieldState::text(lang.t(Msg::RollColNote), note, None),
        ];
        items[LAST_SEEN].visible = asks_last_seen;
        let purpose = Purpose::Mark { client, presence };
        let mut form = MarkForm::with(purpose, title, items, lang);
        form.fields.focus = if asks_last_seen { LAST_SEEN } else { NOTE };
        form
    }

    fn with(purpose: Purpose, title: String, items: Vec<FieldState>, lang: Lang) -> MarkForm {
        let fields = Fields::new(items);
        MarkForm {
            purpose,
            title,
            initial: fields.snapshot(),
            fields,
            lang,
        }
    }

    /// True once something was typed into a mark's fields (Esc then asks first). Going
    /// to another roll call holds nothing worth keeping.
    pub fn is_dirty(&self) -> bool {
        matches!(self.purpose, Purpose::Mark { .. }) && self.fields.snapshot() != self.initial
    }

    /// (note, last seen) or `None` with the problem shown. Last seen is asked (and
    /// required) only by the kabur form.
    pub fn submit(&mut self) -> Option<(String, Option<NaiveDateTime>)> {
        self.fields.clear_marks();
        let note = self.fields.text(NOTE).to_string();
        if !self.fields.items[LAST_SEEN].visible {
            return Some((note, None));
        }
        match parse_date_time(self.fields.text(LAST_SEEN)) {
            Some(t) => Some((note, Some(t))),
            None => {
                self.fields.items[LAST_SEEN].error =
                    Some(self.lang.t(Msg::ProblemDateTimeFormat).into());
                self.fields.focus = LAST_SEEN;
                None
            }
        }
    }

    /// The roll call chosen, or `None` with the problem next to the date (everything
    /// typed stays): not a date, a shift that has not started at `now`, or a date before
    /// `first`, the first day anyone was in residence.
    pub fn submit_go_to(
        &mut self,
        now: NaiveDateTime,
        shifts: &ShiftTimes,
        first: Option<NaiveDate>,
    ) -> Option<ShiftSlot> {
        self.fields.clear_marks();
        let lang = self.lang;
        let shift = Shift::ALL[self.fields.choice(SHIFT).min(Shift::ALL.len() - 1)];
        let problem = match parse_date(self.fields.text(DATE)) {
            Err(e) => Err(text::date_error(lang, e)),
            Ok(date) if date > now.date() => Err(lang.t(Msg::RollGoToFuture).to_string()),
            Ok(date) if first.is_some_and(|f| date < f) => Err(lang.f(
                Msg::RollGoToBeforeFirst,
                &[&text::date(lang, first.unwrap_or(date))],
            )),
            Ok(date) => {
                let slot = ShiftSlot { date, shift };
                match Phase::of(shifts, slot, now) {
                    Phase::NotStarted => {
                        Err(lang.f(Msg::RollGoToNotStarted, &[text::shift(lang, shift)]))
                    }
                    _ => Ok(slot),
                }
            }
        };
        match problem {
            Ok(slot) => Some(slot),
            Err(message) => {
                self.fields.items[DATE].error = Some(message);
                self.fields.focus = DATE;
                None
            }
        }
    }

    /// Rows the popup needs at `width`: its border, the fields with their messages, and the
    /// focused field's hint.
    pub fn height(&self, width: u16) -> u16 {
        let hint = u16::from(self.hint().is_some());
        self.fields
            .height(width.saturating_sub(2))
            .saturating_add(hint + 2)
    }

    fn hint(&self) -> Option<&str> {
        self.fields
            .items
            .get(self.fields.focus)
            .and_then(|f| f.hint.as_deref())
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme, active: bool) {
        let block = popup_block(&self.title, theme);
        frame.render_widget(Clear, area);
        let mut inner = block.inner(area);
        frame.render_widget(block, area);
        if let Some(hint) = self.hint()
            && inner.height > 1
        {
            inner.height -= 1;
            let line = Rect::new(inner.x, inner.y + inner.height, inner.width, 1);
            frame.render_widget(Paragraph::new(format!("  {hint}")).style(theme.dim), line);
        }
        self.fields.render(frame, inner, theme, active);
    }
}
