//! One resident in full: every field with the whole NIK, the stays, the status history
//! (whose last change made today a supervisor may undo), and who changed the record last.
//! A refresh keeps the scroll position.

use std::cell::Cell;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::domain::{BirthDate, StatusDetail};
use crate::protocol::ClientView;
use crate::ui::action::Action;
use crate::ui::popups::confirm::OnYes;
use crate::ui::screens::roster::room_text;
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;

/// The detail screen's state.
pub struct Detail {
    pub view: ClientView,
    scroll: u16,
    /// Lines that did not fit at the last draw; limits scrolling.
    overflow: Cell<u16>,
    page: Cell<u16>,
}

impl Detail {
    pub fn new(view: ClientView) -> Detail {
        Detail {
            view,
            scroll: 0,
            overflow: Cell::new(0),
            page: Cell::new(10),
        }
    }

    /// The same resident as now stored (another session changed them, or a save here):
    /// the scroll position stays where the user left it.
    pub fn refresh(&mut self, view: ClientView) {
        self.view = view;
    }

    /// The last status change if it may be undone today: its index in the history.
    /// Not the status a stay began with (admission, readmission); the server checks the
    /// role and the day again.
    pub fn undoable(&self, today: NaiveDate) -> Option<usize> {
        let history = &self.view.client.history;
        let last = history.len().checked_sub(1).filter(|&i| i > 0)?;
        let undone = &history[last];
        let readmission = undone.detail == StatusDetail::Active
            && history[last - 1].detail.status() == crate::domain::Status::Exited;
        (!readmission && undone.recorded_at.date() == today).then_some(last)
    }

    /// "Undo the last change of NAME: STATUS (DATE)? The status goes back to STATUS."
    pub fn undo_question(&self, lang: Lang, today: NaiveDate) -> Option<OnYes> {
        let index = self.undoable(today)?;
        let c = &self.view.client;
        let undone = &c.history[index];
        let back = c.history[index - 1].detail.status();
        Some(OnYes::UndoStatus {
            id: c.id,
            base_revision: c.revision,
            index: u32::try_from(index).ok()?,
            words: [
                c.details.display_name(),
                text::status(lang, undone.detail.status()).to_string(),
                text::date(lang, undone.date),
                text::status(lang, back).to_string(),
            ],
        })
    }

    pub fn apply(&mut self, action: Action) {
        let max = self.overflow.get();
        let page = self.page.get().max(1);
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => self.scroll + 1,
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll + page,
            Action::Home => 0,
            Action::End => max,
            _ => self.scroll,
        }
        .min(max);
    }

    fn lines(&self, lang: Lang, today: NaiveDate, theme: &Theme) -> Vec<Line<'static>> {
        let c = &self.view.client;
        let d = &c.details;
        let unknown = || lang.t(Msg::Unknown).to_string();
        let or_unknown = |s: &str| {
            if s.trim().is_empty() {
                unknown()
            } else {
                s.to_string()
            }
        };
        let field = |label: Msg, value: String| {
            Line::from(vec![
                Span::styled(format!("  {:<20}", lang.t(label)), theme.dim),
                Span::raw(value),
            ])
        };
        let section = |m: Msg| Line::styled(lang.t(m).to_string(), theme.table_header);
        let mut out = Vec::new();
        let nickname = if d.name.trim().is_empty() || d.nickname.is_empty() {
            String::new()
        } else {
            format!("  \"{}\"", d.nickname)
        };
        out.push(Line::from(vec![
            Span::styled(format!("{}{nickname}", d.display_name()), theme.title),
            Span::styled(
                format!(
                    "   {} · {} · {}",
                    c.reg_no,
                    text::status(lang, c.status()),
                    text::stage(lang, d.stage)
                ),
                theme.dim,
            ),
        ]));
        out.push(Line::raw(""));
        out.push(section(Msg::DetailIdentity));
        let nik = match &d.nik {
            Some(n) => n.as_str().to_string(),
            None => lang.t(Msg::None_).to_string(),
        };
        out.push(field(Msg::FieldNik, nik));
        out.push(field(
            Msg::FieldKk,
            d.kk.as_ref().map_or_else(
                || lang.t(Msg::None_).to_string(),
                |k| k.as_str().to_string(),
            ),
        ));
        out.push(field(Msg::FieldSex, text::sex(lang, d.sex).to_string()));
        out.push(field(Msg::FieldBirthPlace, or_unknown(&d.birth_place)));
        let age = |a: u32, m: Msg| lang.f(m, &[&a.to_string()]);
        let birth = match (d.birth, d.birth.age_on(today)) {
            (BirthDate::Exact(b), Some(a)) => {
                format!("{} ({})", text::date(lang, b), age(a, Msg::DetailAge))
            }
            (BirthDate::ApproxYear(y), Some(a)) => {
                format!("±{y} ({})", age(a, Msg::DetailAgeApprox))
            }
            _ => unknown(),
        };
        out.push(field(Msg::FieldBirthDate, birth));
        out.push(field(
            Msg::FieldReligion,
            text::religion(lang, d.religion).to_string(),
        ));
        out.push(field(
            Msg::FieldEducation,
            text::education(lang, d.education).to_string(),
        ));
        out.push(field(Msg::FieldOrigin, text::origin(lang, d.origin)));
        out.push(field(
            Msg::FieldFamilyContact,
            or_unknown(&d.family_contact),
        ));
        out.push(Line::raw(""));
        out.push(section(Msg::DetailPlacement));
        out.push(field(
            Msg::FieldStage,
            format!("{}. {}", d.stage.number(), text::stage(lang, d.stage)),
        ));
        out.push(field(Msg::FieldRoom, room_text(&d.room, &d.bed)));
        out.push(field(
            Msg::FieldReferral,
            text::referral(lang, d.referral).to_string(),
        ));
        out.push(field(Msg::FieldNotes, d.notes.clone()));
        out.push(Line::raw(""));
        out.push(section(Msg::DetailStays));
        for (i, s) in c.stays.iter().enumerate() {
            let end = s.exited.unwrap_or(today);
            let to = s.exited.map_or_else(
                || lang.t(Msg::DetailStayOpen).to_string(),
                |e| text::date(lang, e),
            );
            let days = lang.f(
                Msg::DetailDays,
                &[&(end - s.admitted).num_days().to_string()],
            );
            let line = lang.f(
                Msg::DetailStayLine,
                &[
                    &(i + 1).to_string(),
                    &text::date(lang, s.admitted),
                    &to,
                    &days,
                ],
            );
            out.push(Line::raw(format!(
                "  {line} · {}",
                text::referral(lang, s.referral)
            )));
        }
        out.push(Line::raw(""));
        out.push(section(Msg::DetailHistory));
        if self.undoable(today).is_some() {
            out.push(Line::styled(
                format!("  {}", lang.t(Msg::DetailUndoHint)),
                theme.dim,
            ));
        }
        for h in c.history.iter().rev() {
            let extra = match &h.detail {
                StatusDetail::Leave { expected_return } => {
                    format!(
                        " · {}",
                        lang.f(
                            Msg::DetailExpectedBack,
                            &[&text::date(lang, *expected_return)]
                        )
                    )
                }
                StatusDetail::Referred { to } => {
                    format!(" · {}", lang.f(Msg::DetailReferredTo, &[to]))
                }
                StatusDetail::Absconded { last_seen } => {
                    format!(
                        " · {}",
                        lang.f(Msg::DetailLastSeen, &[&text::date_time(lang, *last_seen)])
                    )
                }
                StatusDetail::Exited {
                    reason,
                    destination,
                } => {
                    let dest = if destination.is_empty() {
                        String::new()
                    } else {
                        format!(", {destination}")
                    };
                    format!(" · {}{dest}", text::exit_reason(lang, *reason))
                }
                StatusDetail::Active | StatusDetail::Sick => String::new(),
            };
            let note = if h.note.is_empty() {
                String::new()
            } else {
                format!(" — {}", h.note)
            };
            out.push(Line::from(vec![
                Span::raw(format!("  {:<12} ", text::date(lang, h.date))),
                Span::styled(
                    text::status(lang, h.detail.status()).to_string(),
                    theme.title,
                ),
                Span::raw(format!("{extra}{note}")),
            ]));
            let by = lang.f(
                Msg::DetailRecordedBy,
                &[&text::date_time(lang, h.recorded_at), &h.recorded_by],
            );
            out.push(Line::styled(format!("               {by}"), theme.dim));
        }
        out.push(Line::raw(""));
        let changed = lang.f(
            Msg::DetailLastChanged,
            &[
                &self.view.changed_by_name,
                &text::date_time(lang, c.changed_at),
            ],
        );
        out.push(Line::styled(changed, theme.dim));
        out
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        lang: Lang,
        today: NaiveDate,
        theme: &Theme,
    ) {
        let lines = self.lines(lang, today, theme);
        let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
        let total = paragraph.line_count(area.width) as u16;
        self.overflow.set(total.saturating_sub(area.height));
        self.page.set(area.height);
        frame.render_widget(
            paragraph.scroll((self.scroll.min(self.overflow.get()), 0)),
            area,
        );
    }
}
