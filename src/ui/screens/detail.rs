//! One resident in full: who they are and their status with who changed the record last
//! at the top, every field with the whole NIK, the stays, and the status history (newest
//! first, each change with who recorded it by name; the last one made today a supervisor
//! may undo). Two columns on a wide terminal; long values wrap under their column; ▼/▲
//! say there is more below or above. A refresh keeps the scroll position, except that a
//! new status change is brought into view.

use std::cell::Cell;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::client::room_and_bed;
use crate::domain::{BirthDate, StatusChange, StatusDetail};
use crate::protocol::ClientView;
use crate::ui::action::Action;
use crate::ui::popups::confirm::OnYes;
use crate::ui::staff_names::StaffNames;
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;

/// From this width the fields and the stays and history stand side by side.
const TWO_COLUMNS: u16 = 110;
/// From this width (in one column) the identity and placement fields go two to a line.
const PAIRED_FIELDS: u16 = 76;

/// The detail screen's state.
pub struct Detail {
    pub view: ClientView,
    scroll: u16,
    /// Lines that did not fit at the last draw; limits scrolling.
    overflow: Cell<u16>,
    page: Cell<u16>,
    /// Whether it has been drawn (until then nobody knows whether it scrolls).
    drawn: Cell<bool>,
    /// The row the status history starts at, at the last draw.
    history_row: Cell<u16>,
}

impl Detail {
    pub fn new(view: ClientView) -> Detail {
        Detail {
            view,
            scroll: 0,
            overflow: Cell::new(0),
            page: Cell::new(10),
            drawn: Cell::new(false),
            history_row: Cell::new(0),
        }
    }

    /// The same resident as now stored (another session changed them, or a save here):
    /// the scroll position stays where the user left it, unless the status history grew
    /// and its newest entry would be above the view: then the history comes into view.
    pub fn refresh(&mut self, view: ClientView) {
        if view.client.history.len() != self.view.client.history.len() {
            self.scroll = self.scroll.min(self.history_row.get());
        }
        self.view = view;
    }

    /// Whether everything showed at the last draw (so the footer offers no scroll keys).
    pub fn fits(&self) -> bool {
        self.drawn.get() && self.overflow.get() == 0
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

    /// The name line, and who changed the record last: beside it when both fit in
    /// `width`, else on the line below.
    fn header(
        &self,
        lang: Lang,
        width: usize,
        theme: &Theme,
        names: &StaffNames,
    ) -> Vec<Line<'static>> {
        let c = &self.view.client;
        let d = &c.details;
        let nickname = if d.name.trim().is_empty() || d.nickname.is_empty() {
            String::new()
        } else {
            format!("  \"{}\"", d.nickname)
        };
        let name = format!("{}{nickname}", d.display_name());
        let facts = format!(
            "   {} · {} · {}",
            c.reg_no,
            text::status(lang, c.status()),
            text::stage(lang, d.stage)
        );
        let changed = lang.f(
            Msg::DetailLastChanged,
            &[
                names.full(&c.changed_by),
                &text::date_time(lang, c.changed_at),
            ],
        );
        let used = Span::raw(name.as_str()).width() + Span::raw(facts.as_str()).width();
        let room = width.saturating_sub(used);
        let changed_width = Span::raw(changed.as_str()).width();
        let mut first = vec![
            Span::styled(name, theme.title),
            Span::styled(facts, theme.dim),
        ];
        if changed_width + 3 <= room {
            first.push(Span::raw(" ".repeat(room - changed_width)));
            first.push(Span::styled(changed, theme.dim));
            vec![Line::from(first)]
        } else {
            vec![Line::from(first), Line::styled(changed, theme.dim)]
        }
    }

    /// Identity and placement: as one list of fields in `width`, or two to a line.
    fn fields(
        &self,
        lang: Lang,
        today: NaiveDate,
        width: usize,
        theme: &Theme,
    ) -> Vec<Line<'static>> {
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
        let none = || lang.t(Msg::None_).to_string();
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
        let identity = [
            (
                Msg::FieldNik,
                d.nik.as_ref().map_or_else(none, |n| n.as_str().to_string()),
            ),
            (
                Msg::FieldKk,
                d.kk.as_ref().map_or_else(none, |k| k.as_str().to_string()),
            ),
            (Msg::FieldSex, text::sex(lang, d.sex).to_string()),
            (Msg::FieldBirthPlace, or_unknown(&d.birth_place)),
            (Msg::FieldBirthDate, birth),
            (
                Msg::FieldReligion,
                text::religion(lang, d.religion).to_string(),
            ),
            (
                Msg::FieldEducation,
                text::education(lang, d.education).to_string(),
            ),
            (Msg::FieldOrigin, text::origin(lang, d.origin)),
            (Msg::FieldFamilyContact, or_unknown(&d.family_contact)),
        ];
        let placement = [
            (
                Msg::FieldStage,
                format!("{}. {}", d.stage.number(), text::stage(lang, d.stage)),
            ),
            (Msg::FieldRoom, or_dash(room_and_bed(&d.room, &d.bed))),
            (
                Msg::FieldReferral,
                text::referral(lang, d.referral).to_string(),
            ),
        ];
        let paired = width >= usize::from(PAIRED_FIELDS) && width < usize::from(TWO_COLUMNS) - 3;
        let half = width / 2;
        let column = if paired { half - 1 } else { width };
        // One label width for every field, so the values line up in each column.
        let label_width = identity
            .iter()
            .chain(&placement)
            .map(|(m, _)| Span::raw(lang.t(*m)).width())
            .chain([Span::raw(lang.t(Msg::FieldNotes)).width()])
            .max()
            .unwrap_or(0)
            .min(column * 2 / 5);
        let list = |items: &[(Msg, String)]| -> Vec<Line<'static>> {
            let items: Vec<(&str, String)> =
                items.iter().map(|(m, v)| (lang.t(*m), v.clone())).collect();
            if paired {
                let split = items.len().div_ceil(2);
                beside(
                    field_list(&items[..split], label_width, half - 1, theme),
                    half,
                    field_list(&items[split..], label_width, width - half, theme),
                )
            } else {
                field_list(&items, label_width, width, theme)
            }
        };
        let mut out = vec![section(lang, Msg::DetailIdentity, theme)];
        out.extend(list(&identity));
        out.push(section(lang, Msg::DetailPlacement, theme));
        out.extend(list(&placement));
        out.extend(field_list(
            &[(lang.t(Msg::FieldNotes), or_dash(d.notes.clone()))],
            label_width,
            width,
            theme,
        ));
        out
    }

    /// The stays, then the status history, newest first. Also says at which of its
    /// lines the history starts.
    fn stays_and_history(
        &self,
        lang: Lang,
        today: NaiveDate,
        width: usize,
        theme: &Theme,
        names: &StaffNames,
    ) -> (Vec<Line<'static>>, usize) {
        let c = &self.view.client;
        let mut out = vec![section(lang, Msg::DetailStays, theme)];
        if c.stays.is_empty() {
            out.push(Line::styled(
                format!("  {}", lang.t(Msg::DetailNoStays)),
                theme.dim,
            ));
        }
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
            let text = format!("{line} · {}", text::referral(lang, s.referral));
            out.extend(hanging(2, &text, width, Style::default()));
        }
        let history_at = out.len();
        out.push(section(lang, Msg::DetailHistory, theme));
        if self.undoable(today).is_some() {
            out.extend(hanging(2, lang.t(Msg::DetailUndoHint), width, theme.dim));
        }
        for h in c.history.iter().rev() {
            out.extend(history_entry(h, lang, width, theme, names));
        }
        (out, history_at)
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        lang: Lang,
        today: NaiveDate,
        theme: &Theme,
        names: &StaffNames,
    ) {
        let width = usize::from(area.width);
        let mut lines = self.header(lang, width, theme, names);
        let history_row;
        if area.width >= TWO_COLUMNS {
            let half = (width - 3) / 2;
            let left = self.fields(lang, today, half, theme);
            let (right, at) = self.stays_and_history(lang, today, width - half - 3, theme, names);
            history_row = lines.len() + at;
            lines.extend(beside(left, half + 3, right));
        } else {
            let fields = self.fields(lang, today, width, theme);
            let (rest, at) = self.stays_and_history(lang, today, width, theme, names);
            lines.extend(fields);
            history_row = lines.len() + at;
            lines.extend(rest);
        }
        self.history_row
            .set(u16::try_from(history_row).unwrap_or(u16::MAX));
        let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        self.drawn.set(true);
        if total <= area.height {
            self.overflow.set(0);
            self.page.set(area.height);
            frame.render_widget(Paragraph::new(lines), area);
            return;
        }
        // The last row says that there is more, and where.
        let view = area.height.saturating_sub(1);
        self.overflow.set(total - view);
        self.page.set(view.max(1));
        let scroll = self.scroll.min(self.overflow.get());
        let content = Rect {
            height: view,
            ..area
        };
        frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), content);
        let mut marks = Vec::new();
        if scroll < self.overflow.get() {
            marks.push(lang.t(Msg::DetailMore));
        }
        if scroll > 0 {
            marks.push(lang.t(Msg::DetailMoreAbove));
        }
        let marker = Rect {
            y: area.y + view,
            height: area.height - view,
            ..area
        };
        frame.render_widget(
            Paragraph::new(Line::styled(marks.join("   "), theme.dim)),
            marker,
        );
    }
}

/// A section heading.
fn section(lang: Lang, m: Msg, theme: &Theme) -> Line<'static> {
    Line::styled(lang.t(m).to_string(), theme.table_header)
}

/// "—" for an empty value.
fn or_dash(s: String) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        s
    }
}

/// Fields as `  Label      value` in `width` columns, labels `label_width` wide (cut
/// with "…" beyond), each value wrapped under its own column.
fn field_list(
    items: &[(&str, String)],
    label_width: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let indent = 2 + label_width + 2;
    let mut out = Vec::new();
    for (label, value) in items {
        let label = super::roster::fit(label, label_width);
        let pad = label_width.saturating_sub(Span::raw(label.as_str()).width());
        let mut rows = wrap(value, width.saturating_sub(indent)).into_iter();
        let first = rows.next().unwrap_or_default();
        out.push(Line::from(vec![
            Span::styled(format!("  {label}{}  ", " ".repeat(pad)), theme.dim),
            Span::raw(first),
        ]));
        out.extend(rows.map(|r| Line::raw(format!("{}{r}", " ".repeat(indent)))));
    }
    out
}

/// One status change: its date, the status and what it carries, the note, and who
/// recorded it when (on the same line if it fits, else below), all wrapped under the
/// status column.
fn history_entry(
    h: &StatusChange,
    lang: Lang,
    width: usize,
    theme: &Theme,
    names: &StaffNames,
) -> Vec<Line<'static>> {
    let extra = match &h.detail {
        StatusDetail::Leave { expected_return } => format!(
            " · {}",
            lang.f(
                Msg::DetailExpectedBack,
                &[&text::date(lang, *expected_return)]
            )
        ),
        StatusDetail::Referred { to } => format!(" · {}", lang.f(Msg::DetailReferredTo, &[to])),
        StatusDetail::Absconded { last_seen } => format!(
            " · {}",
            lang.f(Msg::DetailLastSeen, &[&text::date_time(lang, *last_seen)])
        ),
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
    let date = format!("  {:<12} ", text::date(lang, h.date));
    let indent = Span::raw(date.as_str()).width();
    let status = text::status(lang, h.detail.status()).to_string();
    let by = lang.f(
        Msg::DetailRecordedBy,
        &[
            &text::date_time(lang, h.recorded_at),
            names.full(&h.recorded_by),
        ],
    );
    let rest = format!("{extra}{note}");
    let body = format!("{status}{rest}");
    let room = width.saturating_sub(indent);
    let one_line = Span::raw(body.as_str()).width() + 3 + Span::raw(by.as_str()).width();
    if one_line <= room {
        return vec![Line::from(vec![
            Span::raw(date),
            Span::styled(status, theme.title),
            Span::raw(rest),
            Span::styled(format!(" · {by}"), theme.dim),
        ])];
    }
    let mut rows = wrap(&body, room).into_iter();
    let first = rows.next().unwrap_or_default();
    // The status word starts the first row; it keeps its emphasis.
    let (head, tail) = match first.strip_prefix(status.as_str()) {
        Some(tail) => (status.clone(), tail.to_string()),
        None => (String::new(), first),
    };
    let pad = " ".repeat(indent);
    let mut out = vec![Line::from(vec![
        Span::raw(date),
        Span::styled(head, theme.title),
        Span::raw(tail),
    ])];
    out.extend(rows.map(|r| Line::raw(format!("{pad}{r}"))));
    out.extend(
        wrap(&by, room)
            .into_iter()
            .map(|r| Line::styled(format!("{pad}{r}"), theme.dim)),
    );
    out
}

/// `text` wrapped to `width` with every row after the first indented by `indent`, and
/// the first by `indent` too.
fn hanging(indent: usize, text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    let pad = " ".repeat(indent);
    wrap(text, width.saturating_sub(indent))
        .into_iter()
        .map(|r| Line::styled(format!("{pad}{r}"), style))
        .collect()
}

/// `text` in rows of at most `width` columns, broken between words where it can (and
/// inside a word longer than a row), at its own line breaks too. Empty text is one
/// empty row.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut rows = Vec::new();
    for paragraph in text.split('\n') {
        let mut row = String::new();
        let mut used = 0;
        for word in paragraph.split(' ') {
            let w = Span::raw(word).width();
            let gap = usize::from(!row.is_empty());
            if used + gap + w <= width {
                if gap == 1 {
                    row.push(' ');
                }
                row.push_str(word);
                used += gap + w;
                continue;
            }
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
                used = 0;
            }
            // A word longer than a row is cut where the row ends.
            let mut buf = [0u8; 4];
            for ch in word.chars() {
                let cw = Span::raw(&*ch.encode_utf8(&mut buf)).width();
                if used + cw > width && !row.is_empty() {
                    rows.push(std::mem::take(&mut row));
                    used = 0;
                }
                row.push(ch);
                used += cw;
            }
        }
        rows.push(row);
    }
    rows
}

/// Two columns of lines side by side: `left` padded to `left_width`, then `right`.
fn beside(
    left: Vec<Line<'static>>,
    left_width: usize,
    right: Vec<Line<'static>>,
) -> Vec<Line<'static>> {
    let rows = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    (0..rows)
        .map(|_| {
            let l = left.next().unwrap_or_default();
            let pad = left_width.saturating_sub(l.width());
            let mut spans = l.spans;
            spans.push(Span::raw(" ".repeat(pad)));
            if let Some(r) = right.next() {
                spans.extend(r.spans);
            }
            Line::from(spans)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn long_text_wraps_between_words_and_cuts_only_words_longer_than_a_row() {
        assert_eq!(
            wrap("suka menyendiri di kamar", 10),
            ["suka", "menyendiri", "di kamar"]
        );
        assert_eq!(wrap("abcdefghijkl", 5), ["abcde", "fghij", "kl"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("a\nb", 5), ["a", "b"]);
    }
}
