//! A mark that needs more than one key: kabur (when last seen, and a note), or a note for
//! any mark (why sakit, where dirujuk).

use crate::ui::widgets::popup::popup_block;
use chrono::{NaiveDateTime, NaiveTime};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

use crate::domain::ClientId;
use crate::domain::dates::parse_date;
use crate::domain::roll_call::Presence;
use crate::ui::text::{Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::form_fields::{FieldState, Fields};

const LAST_SEEN: usize = 0;
const NOTE: usize = 1;

/// The mark being completed.
pub struct MarkForm {
    pub client: ClientId,
    pub presence: Presence,
    pub title: String,
    pub fields: Fields,
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
        MarkForm::build(
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
        MarkForm::build(
            client,
            presence,
            lang.f(Msg::RollNoteTitle, &[name]),
            None,
            note,
            lang,
        )
    }

    fn build(
        client: ClientId,
        presence: Presence,
        title: String,
        last_seen: Option<NaiveDateTime>,
        note: String,
        lang: Lang,
    ) -> MarkForm {
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
        items[LAST_SEEN].visible = presence == Presence::Absconded;
        let mut fields = Fields::new(items);
        fields.focus = if presence == Presence::Absconded {
            LAST_SEEN
        } else {
            NOTE
        };
        MarkForm {
            client,
            presence,
            title,
            fields,
            lang,
        }
    }

    /// (note, last seen) or `None` with the problem shown.
    pub fn submit(&mut self) -> Option<(String, Option<NaiveDateTime>)> {
        self.fields.clear_marks();
        let note = self.fields.text(NOTE).to_string();
        if self.presence != Presence::Absconded {
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

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme, active: bool) {
        let block = popup_block(&self.title, theme);
        frame.render_widget(Clear, area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        self.fields.render(frame, inner, theme, active);
    }
}
