//! Audit (kepala only): who (by name) changed what and when, filtered by staff member,
//! date range and record (a resident, or a kind: staff accounts, facility settings), each
//! entry summed up in the user's words; Enter shows every field before and after.
//! Reloaded as changes come in, selection kept.

use crate::ui::widgets::popup::popup_block;
use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Row, Table, TableState, Wrap};

use crate::domain::audit::{AuditAction, AuditEntry, RecordRef};
use crate::protocol::{AuditFilter, RecordKind};
use crate::ui::action::Action;
use crate::ui::screens::audit_words;
use crate::ui::screens::roster::fit;
use crate::ui::staff_names::StaffNames;
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;

/// How many of the newest entries one screen loads.
pub const AUDIT_LIMIT: u32 = 1000;

/// What the audit screen asks the app to do.
pub enum AuditOutcome {
    None,
    /// The filter changed: load again.
    Reload,
    /// Ask for a date range.
    AskRange,
}

/// The audit screen's state.
pub struct AuditScreen {
    pub entries: Vec<AuditEntry>,
    pub filter: AuditFilter,
    /// Staff user names to step through with `f`.
    pub staff: Vec<String>,
    selected: usize,
    /// The entry whose changes are shown in full, if any.
    pub open: bool,
    /// The day the screen was opened: times of this year are shown without the year.
    today: NaiveDate,
}

impl AuditScreen {
    pub fn new(filter: AuditFilter, staff: Vec<String>, today: NaiveDate) -> AuditScreen {
        AuditScreen {
            entries: Vec::new(),
            filter,
            staff,
            selected: 0,
            open: false,
            today,
        }
    }

    pub fn set_entries(&mut self, entries: Vec<AuditEntry>) {
        self.entries = entries;
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
    }

    pub fn apply(&mut self, action: Action) -> AuditOutcome {
        let last = self.entries.len().saturating_sub(1);
        if self.open {
            if matches!(action, Action::Back | Action::Open) {
                self.open = false;
            }
            return AuditOutcome::None;
        }
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::PageDown => self.selected = (self.selected + 10).min(last),
            Action::Home => self.selected = 0,
            Action::End => self.selected = last,
            Action::Open if !self.entries.is_empty() => self.open = true,
            Action::CycleStatusFilter => {
                let next = match &self.filter.by {
                    None => self.staff.first().cloned(),
                    Some(by) => self.staff.iter().skip_while(|u| *u != by).nth(1).cloned(),
                };
                self.filter.by = next;
                self.selected = 0;
                return AuditOutcome::Reload;
            }
            Action::ClearFilters => {
                self.filter = AuditFilter {
                    limit: AUDIT_LIMIT,
                    ..AuditFilter::default()
                };
                self.selected = 0;
                return AuditOutcome::Reload;
            }
            Action::AskRange => return AuditOutcome::AskRange,
            Action::PickRecord => {
                self.next_record_filter();
                return AuditOutcome::Reload;
            }
            Action::ClearRecord if self.filter.record.is_some() || self.filter.kind.is_some() => {
                self.filter.record = None;
                self.filter.kind = None;
                self.selected = 0;
                return AuditOutcome::Reload;
            }
            _ => {}
        }
        AuditOutcome::None
    }

    /// `r`: the resident of the selected entry, then every staff account, then the
    /// facility's settings, then every record again.
    fn next_record_filter(&mut self) {
        let resident = self
            .entries
            .get(self.selected)
            .map(|e| e.record.clone())
            .filter(|r| matches!(r, RecordRef::Client(_)));
        let (record, kind) = match (&self.filter.record, self.filter.kind) {
            (None, None) => match resident {
                Some(r) => (Some(r), None),
                None => (None, Some(RecordKind::Staff)),
            },
            (Some(_), _) => (None, Some(RecordKind::Staff)),
            (None, Some(RecordKind::Staff)) => (None, Some(RecordKind::Facility)),
            (None, Some(_)) => (None, None),
        };
        self.filter.record = record;
        self.filter.kind = kind;
        self.selected = 0;
    }

    /// New entries after a change elsewhere: the selection stays on the entry it was on
    /// (found again among the new ones), or at the same row if that one is gone.
    pub fn refresh_entries(&mut self, entries: Vec<AuditEntry>) {
        let was = self.entries.get(self.selected).cloned();
        self.entries = entries;
        if let Some(i) = was.and_then(|w| self.entries.iter().position(|e| *e == w)) {
            self.selected = i;
        }
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
    }

    /// Sets the date range and asks for a reload.
    pub fn set_range(&mut self, from: Option<NaiveDate>, to: Option<NaiveDate>) {
        self.filter.from = from;
        self.filter.to = to;
        self.selected = 0;
    }

    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        lang: Lang,
        theme: &Theme,
        names: &StaffNames,
        label: &dyn Fn(&RecordRef) -> String,
    ) {
        let [info, table] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        frame.render_widget(
            Paragraph::new(self.info_line(info.width, lang, theme, names, label)),
            info,
        );
        let header = Row::new([
            lang.t(Msg::AuditColWhen),
            lang.t(Msg::AuditColBy),
            lang.t(Msg::AuditColRecord),
            lang.t(Msg::AuditColAction),
            lang.t(Msg::AuditColFields),
        ])
        .style(theme.table_header);
        let page = table.height.saturating_sub(1) as usize;
        let offset = (self.selected + 1).saturating_sub(page.max(1));
        let visible = || self.entries.iter().skip(offset).take(page);
        // "28 Nov 21:05" this year, "28 Nov 2025 21:05" before; the name, the record and
        // the summary share what the time and the action leave.
        let year = self.today.year();
        let when_of = |e: &AuditEntry| {
            let at = text::date_time(lang, e.at);
            if e.at.year() == year {
                at.replacen(&format!(" {year}"), "", 1)
            } else {
                at
            }
        };
        let width_of = |s: &str| u16::try_from(Span::raw(s).width()).unwrap_or(u16::MAX);
        let when = visible().map(|e| width_of(&when_of(e))).max().unwrap_or(12);
        let action = visible()
            .map(|e| width_of(lang.t(action_msg(e.action))))
            .max()
            .unwrap_or(6)
            .clamp(6, 14);
        let rest = table.width.saturating_sub(when + action + 4);
        let by = (rest / 5).clamp(8, 20);
        // Half each for the record and the summary, but the summary keeps room for a
        // mark's "pagi 28 Nov: hadir → sakit" where it can.
        let shared = rest.saturating_sub(by);
        let record = (shared / 2).min(shared.saturating_sub(26)).clamp(10, 32);
        let fields = rest.saturating_sub(by + record) as usize;
        let rows = visible().map(|e| {
            Row::new([
                when_of(e),
                names.short(&e.by, by.into()),
                fit(&label(&e.record), record.into()),
                fit(lang.t(action_msg(e.action)), action.into()),
                fit(&audit_words::summary(lang, names, e), fields),
            ])
        });
        let widths = [
            Constraint::Length(when),
            Constraint::Length(by),
            Constraint::Length(record),
            Constraint::Length(action),
            Constraint::Fill(1),
        ];
        let widget = Table::new(rows, widths)
            .header(header)
            .column_spacing(1)
            .row_highlight_style(theme.selected);
        let mut state = TableState::default()
            .with_selected((!self.entries.is_empty()).then(|| self.selected - offset));
        frame.render_stateful_widget(widget, table, &mut state);
        if self.open
            && let Some(e) = self.entries.get(self.selected)
        {
            render_entry(frame, area, e, lang, theme, names, label);
        }
    }

    /// "12 perubahan · oleh: Budiman Santoso · tanggal: semua · data: …", the record
    /// part cut with "…" to what is left of `width`.
    fn info_line(
        &self,
        width: u16,
        lang: Lang,
        theme: &Theme,
        names: &StaffNames,
        label: &dyn Fn(&RecordRef) -> String,
    ) -> Line<'static> {
        let any = lang.t(Msg::RosterAll);
        let by = self.filter.by.as_deref().map_or(any, |u| names.full(u));
        let range = match (self.filter.from, self.filter.to) {
            (None, None) => any.to_string(),
            (from, to) => format!(
                "{} – {}",
                from.map_or("…".into(), |d| text::date(lang, d)),
                to.map_or("…".into(), |d| text::date(lang, d))
            ),
        };
        let record = match (&self.filter.record, self.filter.kind) {
            (Some(r), _) => lang.f(Msg::AuditRecordClear, &[&label(r)]),
            (None, Some(kind)) => lang.f(Msg::AuditRecordClear, &[lang.t(kind_msg(kind))]),
            (None, None) => any.to_string(),
        };
        let n = self.entries.len();
        let count_msg = if n == 1 {
            Msg::AuditCountOne
        } else {
            Msg::AuditCount
        };
        let count = lang.f(count_msg, &[&n.to_string()]);
        let by = lang.f(Msg::AuditFilterBy, &[by]);
        let range = lang.f(Msg::AuditFilterRange, &[&range]);
        let used = [&count, &by, &range]
            .iter()
            .map(|s| Span::raw(s.as_str()).width() + 3)
            .sum::<usize>();
        let record = fit(
            &lang.f(Msg::AuditFilterRecord, &[&record]),
            usize::from(width).saturating_sub(used),
        );
        Line::from(vec![
            Span::styled(count, theme.title),
            Span::styled(" · ", theme.dim),
            Span::raw(by),
            Span::styled(" · ", theme.dim),
            Span::raw(range),
            Span::styled(" · ", theme.dim),
            Span::raw(record),
        ])
    }
}

/// One entry in full: when, who (by name), what, the record, and every field before and
/// after under its label, values as the UI shows them.
fn render_entry(
    frame: &mut Frame,
    area: Rect,
    e: &AuditEntry,
    lang: Lang,
    theme: &Theme,
    names: &StaffNames,
    label: &dyn Fn(&RecordRef) -> String,
) {
    let labels: Vec<String> = e
        .changes
        .iter()
        .map(|c| audit_words::field_label(lang, &e.record, &c.field))
        .collect();
    let pad = labels
        .iter()
        .map(|l| Span::raw(l.as_str()).width())
        .max()
        .unwrap_or(0)
        .min(26);
    let mut lines = vec![
        Line::styled(
            format!(
                "{} · {} · {}",
                text::date_time(lang, e.at),
                names.full(&e.by),
                lang.t(action_msg(e.action))
            ),
            theme.title,
        ),
        Line::raw(label(&e.record)),
        Line::raw(audit_words::summary(lang, names, e)),
        Line::raw(""),
    ];
    let dash = |v: String| if v.is_empty() { "—".to_string() } else { v };
    for (c, l) in e.changes.iter().zip(labels) {
        let before = audit_words::value(lang, names, &c.field, &c.before);
        let after = audit_words::value(lang, names, &c.field, &c.after);
        lines.push(Line::from(vec![
            Span::styled(format!("{:<pad$} ", fit(&l, pad)), theme.dim),
            Span::raw(dash(before)),
            Span::styled(" → ", theme.dim),
            Span::raw(dash(after)),
        ]));
    }
    let block = popup_block(lang.t(Msg::AuditEntryTitle), theme);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn kind_msg(kind: RecordKind) -> Msg {
    match kind {
        RecordKind::Client => Msg::TabRoster,
        RecordKind::Staff => Msg::AuditKindStaff,
        RecordKind::Facility => Msg::AuditKindFacility,
        RecordKind::RollCall => Msg::TabRollCall,
        RecordKind::Handover => Msg::TodayHandover,
    }
}

fn action_msg(a: AuditAction) -> Msg {
    match a {
        AuditAction::Created => Msg::AuditCreated,
        AuditAction::Updated => Msg::AuditUpdated,
        AuditAction::StatusChanged => Msg::AuditStatus,
        AuditAction::Readmitted => Msg::AuditReadmitted,
        AuditAction::SetUp => Msg::AuditSetUp,
        AuditAction::DemoLoaded => Msg::AuditDemo,
        AuditAction::RollCallMarked => Msg::AuditMarked,
        AuditAction::RollCallCorrected => Msg::AuditCorrected,
        AuditAction::HandoverAdded => Msg::AuditHandover,
        AuditAction::BackedUp => Msg::AuditBackup,
        AuditAction::StatusUndone => Msg::AuditUndone,
    }
}
