//! Hari ini: the shift at a glance. Who is registered against capacity, counted two ways
//! side by side (by status, and by this shift's roll-call marks), the roll-call progress,
//! the notes of the last handover, and what is due. Every number and every due item
//! opens what is behind it. The panels take what the terminal gives: the headcount is as
//! wide as its longest line, the handover note and due list grow with the height.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::domain::handover::HandoverNote;
use crate::domain::names::display_name;
use crate::domain::shift::{Shift, ShiftSlot};
use crate::domain::today::{Due, Group};
use crate::domain::{ClientId, ClientRow};
use crate::protocol::TodayView;
use crate::ui::action::Action;
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;

/// Due items of one kind past this many are shown as one line that opens the list.
const MAX_SINGLE: usize = 3;
/// A last backup older than this is shown as a warning.
const BACKUP_STALE_HOURS: i64 = 48;

/// What the Hari ini screen asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum TodayOutcome {
    None,
    /// Show these residents under this title.
    People(String, Vec<ClientId>),
    OpenClient(ClientId),
    OpenRollCall,
    /// The roll call of an earlier shift (one left unfinished).
    OpenRollCallOf(ShiftSlot),
    NewHandover,
    Handovers,
    ShiftTimes,
}

/// One selectable line.
#[derive(Debug, Clone, PartialEq)]
enum Entry {
    Group(Group),
    RollCall,
    Due(Due),
    /// Several due items of one kind, collapsed.
    Many(String, Vec<ClientId>),
}

/// The Hari ini state: the view from the server and who is online.
pub struct TodayScreen {
    pub view: TodayView,
    /// Display names of the staff logged in now.
    pub online: Vec<String>,
    selected: usize,
    /// Which number of a headcount row is chosen: by status, or by roll-call mark.
    column: Column,
    /// The shift and date the view was last loaded for, by the app's clock: a minute
    /// tick reloads the view once when either moves on.
    pub loaded_for: Option<(ShiftSlot, chrono::NaiveDate)>,
}

/// The two numbers of a headcount row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// By the residents' status.
    Status,
    /// By this shift's roll-call marks.
    Marks,
}

/// The top row (headcount and last handover) is at least this tall: the headcount's
/// column heads, seven rows, the roll-call line and its border. It grows when a long
/// note needs it (see `top_height`).
const TOP_MIN: u16 = 11;

/// The headcount rows. `Unmarked` has a number only in the roll-call column.
const GROUPS: [Group; 7] = [
    Group::InResidence,
    Group::Present,
    Group::Leave,
    Group::Sick,
    Group::Referred,
    Group::Absconded,
    Group::Unmarked,
];

fn group_label(g: Group) -> Msg {
    match g {
        Group::InResidence => Msg::TodayRegistered,
        Group::Present => Msg::TodayPresent,
        Group::Leave => Msg::StatusLeave,
        Group::Sick => Msg::StatusSick,
        Group::Referred => Msg::StatusReferred,
        Group::Absconded => Msg::StatusAbsconded,
        Group::Unmarked => Msg::TodayUnmarked,
    }
}

fn due_client(d: &Due) -> Option<ClientId> {
    match d {
        Due::LeaveOverdue { client, .. }
        | Due::AbscondedNotBack { client, .. }
        | Due::NoAssessment { client, .. }
        | Due::NoNik { client } => Some(*client),
        Due::RollCallOpen { .. } | Due::RollCallUnfinished { .. } => None,
    }
}

/// Low-priority items ("·"): many of one kind collapse into one line. Kabur and overdue
/// izin ("!") are always listed one by one, each with its time.
fn collapsible(d: &Due) -> bool {
    matches!(d, Due::NoAssessment { .. } | Due::NoNik { .. })
}

/// `Sab 28 Nov`: a date near now, without its year.
fn day_month(lang: Lang, d: chrono::NaiveDate) -> String {
    let full = text::date_with_day(lang, d);
    let year = format!(" {}", chrono::Datelike::year(&d));
    full.strip_suffix(&year)
        .map_or(full.clone(), str::to_string)
}

impl TodayScreen {
    pub fn new(view: TodayView, online: Vec<String>) -> TodayScreen {
        TodayScreen {
            view,
            online,
            selected: 0,
            column: Column::Status,
            loaded_for: None,
        }
    }

    /// New data, keeping the selection where it was.
    pub fn set(&mut self, view: TodayView, online: Vec<String>) {
        self.view = view;
        self.online = online;
    }

    /// The due list as lines: single items, or one line per kind when there are many.
    fn due_entries(&self, lang: Lang) -> Vec<Entry> {
        let kind = |d: &Due| std::mem::discriminant(d);
        let mut out = Vec::new();
        let mut i = 0;
        let due = &self.view.due;
        while i < due.len() {
            let same = due[i..]
                .iter()
                .take_while(|d| kind(d) == kind(&due[i]))
                .count();
            let run = &due[i..i + same];
            if same > MAX_SINGLE && collapsible(&run[0]) {
                let ids = run.iter().filter_map(due_client).collect();
                out.push(Entry::Many(due_kind_label(lang, run), ids));
            } else {
                out.extend(run.iter().cloned().map(Entry::Due));
            }
            i += same;
        }
        out
    }

    fn entries(&self, lang: Lang) -> Vec<Entry> {
        let mut out: Vec<Entry> = GROUPS.iter().map(|g| Entry::Group(*g)).collect();
        out.push(Entry::RollCall);
        out.extend(self.due_entries(lang));
        out
    }

    pub fn apply(&mut self, action: Action, lang: Lang) -> TodayOutcome {
        let entries = self.entries(lang);
        let last = entries.len().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Home => self.selected = 0,
            Action::End => self.selected = last,
            Action::ChoicePrev => self.column = Column::Status,
            Action::ChoiceNext => self.column = Column::Marks,
            Action::NewHandover => return TodayOutcome::NewHandover,
            Action::HandoverList => return TodayOutcome::Handovers,
            Action::ShiftTimes => return TodayOutcome::ShiftTimes,
            Action::Open => {
                return match entries.get(self.selected.min(last)) {
                    Some(Entry::Group(g)) => {
                        let (title, ids) = self.group_list(*g, lang);
                        TodayOutcome::People(title, ids)
                    }
                    Some(Entry::RollCall) => TodayOutcome::OpenRollCall,
                    Some(Entry::Due(Due::RollCallOpen { .. })) => TodayOutcome::OpenRollCall,
                    Some(Entry::Due(Due::RollCallUnfinished { slot, .. })) => {
                        TodayOutcome::OpenRollCallOf(*slot)
                    }
                    Some(Entry::Due(d)) => {
                        due_client(d).map_or(TodayOutcome::None, TodayOutcome::OpenClient)
                    }
                    Some(Entry::Many(label, ids)) => {
                        TodayOutcome::People(label.clone(), ids.clone())
                    }
                    None => TodayOutcome::None,
                };
            }
            _ => {}
        }
        TodayOutcome::None
    }

    /// The column chosen in the headcount rows.
    pub fn column(&self) -> Column {
        self.column
    }

    /// The title and residents behind a headcount number in the chosen column. The
    /// "belum diabsen" row has its number only in the roll-call column.
    fn group_list(&self, g: Group, lang: Lang) -> (String, Vec<ClientId>) {
        let h = &self.view.headcount;
        if self.column == Column::Status && g != Group::Unmarked {
            return (lang.t(group_label(g)).to_string(), h.of(g).to_vec());
        }
        let title = lang.f(
            Msg::TodayMarksTitle,
            &[
                text::shift(lang, self.view.slot.shift),
                &self.mark_label(g, lang),
            ],
        );
        (title, h.marked_as(g).to_vec())
    }

    /// A row's word for the roll-call column: "hadir" where the status says "aktif".
    fn mark_label(&self, g: Group, lang: Lang) -> String {
        match g {
            Group::Present => lang.t(Msg::PresencePresent).to_string(),
            Group::InResidence => lang.t(Msg::TodayOnRollCall).to_string(),
            g => lang.t(group_label(g)).to_string(),
        }
    }

    /// After Esc from a resident opened from a due item: the selection goes back to
    /// that item (single, or the collapsed line holding them).
    pub fn select_client(&mut self, id: ClientId, lang: Lang) {
        let found = self.entries(lang).iter().position(|e| match e {
            Entry::Due(d) => due_client(d) == Some(id),
            Entry::Many(_, ids) => ids.contains(&id),
            _ => false,
        });
        if let Some(i) = found {
            self.selected = i;
        }
    }

    /// After Esc from a resident opened from a list: the selection goes back to the
    /// number or line that opened the list titled `title`.
    pub fn select_list(&mut self, title: &str, lang: Lang) {
        let entries = self.entries(lang);
        for (i, e) in entries.iter().enumerate() {
            match e {
                Entry::Many(label, _) if label == title => {
                    self.selected = i;
                    return;
                }
                Entry::Group(g) => {
                    for column in [Column::Status, Column::Marks] {
                        let was = self.column;
                        self.column = column;
                        if self.group_list(*g, lang).0 == title {
                            self.selected = i;
                            return;
                        }
                        self.column = was;
                    }
                }
                _ => {}
            }
        }
    }

    /// Draws the screen; `rows` names residents by id. The head (`head`) also sees when
    /// the last backup was made.
    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        lang: Lang,
        theme: &Theme,
        rows: &dyn Fn(ClientId) -> Option<ClientRow>,
        head: bool,
    ) {
        let [info, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        frame.render_widget(
            Paragraph::new(self.info_line(lang, theme, info.width)),
            info,
        );
        let entries = self.entries(lang);
        let selected = self.selected.min(entries.len().saturating_sub(1));

        let lines = self.count_lines(lang, theme, selected);
        let title = lang.t(Msg::TodayHeadcount);
        let content = lines
            .iter()
            .map(Line::width)
            .chain([Line::raw(title).width()])
            .max()
            .unwrap_or(0);
        // Content and border; the handover panel keeps at least 34 columns (or half).
        let width = u16::try_from(content + 2)
            .unwrap_or(u16::MAX)
            .min(body.width.saturating_sub(34).max(body.width / 2));
        let more = lang.t(Msg::TodayNoteMore);
        let note = self.note_lines(lang, theme);
        let note_rows = Paragraph::new(note.clone())
            .wrap(Wrap { trim: false })
            .line_count(body.width.saturating_sub(width + 2));
        let first_due = GROUPS.len() + 1;
        let due_rows = (entries.len() - first_due).max(1);
        let [top, due] = Layout::vertical([
            Constraint::Length(top_height(body.height, note_rows, due_rows)),
            Constraint::Fill(1),
        ])
        .areas(body);
        let [counts, handover] =
            Layout::horizontal([Constraint::Length(width), Constraint::Fill(1)]).areas(top);
        let items: Vec<ListItem> = lines.into_iter().map(ListItem::new).collect();
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border)
            .title(title);
        // The first line heads the columns; entries start below it.
        let mut state =
            ListState::default().with_selected((selected < first_due).then_some(selected + 1));
        frame.render_stateful_widget(
            List::new(items)
                .block(block)
                .highlight_style(theme.selected),
            counts,
            &mut state,
        );

        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border)
            .title(lang.t(Msg::TodayHandover));
        let inner = block.inner(handover);
        let note = fit(note, inner.width, inner.height, more);
        frame.render_widget(
            Paragraph::new(note).block(block).wrap(Wrap { trim: false }),
            handover,
        );

        // The due list: entries after the headcount ones.
        let due_items: Vec<ListItem> = entries[first_due..]
            .iter()
            .map(|e| ListItem::new(Line::raw(self.entry_text(e, lang, rows))))
            .collect();
        let title = lang.f(Msg::TodayDue, &[&(entries.len() - first_due).to_string()]);
        let mut block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border)
            .title(title);
        // The head's reminder sits in the border: it costs the due list no line.
        if head {
            block = block.title_bottom(self.backup_line(lang, theme).right_aligned());
        }
        if due_items.is_empty() {
            frame.render_widget(
                Paragraph::new(lang.t(Msg::TodayNothingDue))
                    .style(theme.ok)
                    .block(block),
                due,
            );
        } else {
            let sel = selected.checked_sub(first_due);
            let count = due_items.len();
            let rows = usize::from(block.inner(due).height);
            // More than fit: a window that keeps the selection in view, with a line on
            // each side that has hidden items saying how many and where.
            let w = window(count, rows, sel.unwrap_or(0));
            let mut shown: Vec<ListItem> = Vec::new();
            if w.offset > 0 {
                let up = lang.f(Msg::TodayDueAbove, &[&w.offset.to_string()]);
                shown.push(ListItem::new(Line::styled(up, theme.dim)));
            }
            shown.extend(due_items.into_iter().skip(w.offset).take(w.shown));
            let below = count - w.offset - w.shown;
            if below > 0 {
                let down = lang.f(Msg::TodayDueBelow, &[&below.to_string()]);
                shown.push(ListItem::new(Line::styled(down, theme.dim)));
            }
            let sel = sel.map(|s| s - w.offset + usize::from(w.offset > 0));
            let mut state = ListState::default().with_selected(sel);
            frame.render_stateful_widget(
                List::new(shown)
                    .block(block)
                    .highlight_style(theme.selected),
                due,
                &mut state,
            );
        }
    }

    /// "Sab 28 Nov 2026 · piket siang (14:00–21:00) · masuk: …", the date being the
    /// shift's (a night shift names both days), the names fitted to `width` with "+N"
    /// for those left out.
    fn info_line(&self, lang: Lang, theme: &Theme, width: u16) -> Line<'static> {
        let v = &self.view;
        let shift = lang.f(
            Msg::TodayShift,
            &[
                text::shift(lang, v.slot.shift),
                &v.shift_start.format("%H:%M").to_string(),
                &v.shift_end.format("%H:%M").to_string(),
            ],
        );
        let date = if v.shift_end.date() > v.slot.date && v.slot.shift == Shift::Night {
            lang.f(
                Msg::TodayNightDates,
                &[
                    &day_month(lang, v.slot.date),
                    &day_month(lang, v.shift_end.date()),
                    &chrono::Datelike::year(&v.shift_end.date()).to_string(),
                ],
            )
        } else {
            text::date_with_day(lang, v.slot.date)
        };
        let sep = " · ";
        let used = Line::raw(format!("{date}{sep}{shift}{sep}")).width();
        let online = fit_names(lang, &self.online, usize::from(width).saturating_sub(used));
        Line::from(vec![
            Span::styled(date, theme.title),
            Span::styled(sep, theme.dim),
            Span::raw(shift),
            Span::styled(sep, theme.dim),
            Span::styled(online, theme.dim),
        ])
    }

    /// The headcount table: column heads, a row per group with its number by status and
    /// by roll-call mark (the chosen one marked on the selected row), and the roll-call
    /// line. The first row counts the registered against capacity.
    fn count_lines(&self, lang: Lang, theme: &Theme, selected: usize) -> Vec<Line<'static>> {
        let v = &self.view;
        let h = &v.headcount;
        let indent = |g: Group| if g == Group::InResidence { 0 } else { 2 };
        let label_width = GROUPS
            .iter()
            .map(|g| indent(*g) + Line::raw(lang.t(group_label(*g))).width())
            .max()
            .unwrap_or(0);
        let status_text = |g: Group| match g {
            Group::Unmarked => String::new(),
            Group::InResidence => format!("{} / {}", h.of(g).len(), h.capacity),
            g => h.of(g).len().to_string(),
        };
        let head_status = lang.t(Msg::TodayColStatus);
        let head_marks = lang.t(Msg::TodayColMarks);
        let status_width = GROUPS
            .iter()
            .map(|g| status_text(*g).chars().count())
            .chain([Line::raw(head_status).width()])
            .max()
            .unwrap_or(0);
        let marks_width = GROUPS
            .iter()
            .map(|g| h.marked_as(*g).len().to_string().len())
            .chain([Line::raw(head_marks).width()])
            .max()
            .unwrap_or(0);
        let mut lines = vec![Line::styled(
            format!(
                "{:label_width$} {head_status:>status_width$}  {head_marks:>marks_width$}",
                ""
            ),
            theme.dim,
        )];
        for (i, g) in GROUPS.iter().enumerate() {
            let label = lang.t(group_label(*g));
            let pad = " ".repeat(label_width - indent(*g) - Line::raw(label).width());
            let lead = " ".repeat(indent(*g));
            let n_status = status_text(*g);
            let n_marks = h.marked_as(*g).len().to_string();
            let row_style = match g {
                Group::Absconded if !h.of(*g).is_empty() || n_marks != "0" => theme.error,
                Group::Unmarked if n_marks != "0" => theme.warning,
                _ => Style::new(),
            };
            // The chosen number of the selected row stands out within the highlight.
            let chosen = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
            let on = |c: Column| {
                let column = if *g == Group::Unmarked {
                    Column::Marks
                } else {
                    self.column
                };
                if i == selected && column == c {
                    chosen
                } else {
                    Style::new()
                }
            };
            lines.push(
                Line::from(vec![
                    Span::raw(format!("{lead}{label}{pad} ")),
                    Span::styled(format!("{n_status:>status_width$}"), on(Column::Status)),
                    Span::raw("  "),
                    Span::styled(format!("{n_marks:>marks_width$}"), on(Column::Marks)),
                ])
                .style(row_style),
            );
        }
        let roll = lang.f(
            Msg::TodayRollCall,
            &[
                text::shift(lang, v.slot.shift),
                &v.marked.to_string(),
                &v.total.to_string(),
            ],
        );
        let roll_style = if v.marked < v.total {
            theme.warning
        } else {
            theme.ok
        };
        lines.push(Line::styled(roll, roll_style));
        lines
    }

    /// Every note of the last shift with notes, newest first, each headed by who wrote
    /// it, the shift it belongs to and the time written, then its text line by line.
    fn note_lines(&self, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        let notes: Vec<&HandoverNote> = self.view.handovers.iter().collect();
        if notes.is_empty() {
            return vec![Line::styled(
                lang.t(Msg::TodayNoHandover).to_string(),
                theme.dim,
            )];
        }
        let mut lines = Vec::new();
        for n in notes {
            let by = lang.f(
                Msg::HandoverBy,
                &[
                    &n.by_name,
                    text::shift(lang, n.slot.shift),
                    &text::date(lang, n.slot.date),
                    &n.at.format("%H:%M").to_string(),
                ],
            );
            lines.push(Line::styled(by, theme.dim));
            lines.extend(n.text.lines().map(|l| Line::raw(l.to_string())));
        }
        lines
    }

    /// "Cadangan terakhir: 28 Nov 2026 02:00", as a warning when it is old or never was.
    fn backup_line(&self, lang: Lang, theme: &Theme) -> Line<'static> {
        let v = &self.view;
        match v.last_backup {
            Some(at) => {
                let when = text::date_time(lang, at);
                if (v.now - at).num_hours() >= BACKUP_STALE_HOURS {
                    Line::styled(lang.f(Msg::TodayBackupOld, &[&when]), theme.warning)
                } else {
                    Line::styled(lang.f(Msg::TodayLastBackup, &[&when]), theme.dim)
                }
            }
            None => Line::styled(lang.t(Msg::TodayNoBackup).to_string(), theme.warning),
        }
    }

    fn entry_text(
        &self,
        e: &Entry,
        lang: Lang,
        rows: &dyn Fn(ClientId) -> Option<ClientRow>,
    ) -> String {
        let who = |id: ClientId| {
            rows(id).map_or_else(
                || format!("#{}", id.0),
                |r| format!("{} ({})", display_name(&r.name, &r.nickname), r.reg_no),
            )
        };
        match e {
            Entry::Due(Due::AbscondedNotBack { client, since }) => {
                format!(
                    "! {}",
                    lang.f(
                        Msg::DueAbsconded,
                        &[&text::date_time(lang, *since), &who(*client)]
                    )
                )
            }
            Entry::Due(Due::LeaveOverdue { client, expected }) => {
                format!(
                    "! {}",
                    lang.f(
                        Msg::DueLeave,
                        &[&text::date(lang, *expected), &who(*client)]
                    )
                )
            }
            Entry::Due(Due::RollCallOpen {
                slot,
                marked,
                total,
            }) => format!(
                "· {}",
                lang.f(
                    Msg::DueRollCall,
                    &[
                        text::shift(lang, slot.shift),
                        &marked.to_string(),
                        &total.to_string()
                    ]
                )
            ),
            Entry::Due(Due::RollCallUnfinished { slot, unmarked }) => format!(
                "! {}",
                lang.f(
                    Msg::DueRollCallUnfinished,
                    &[
                        text::shift(lang, slot.shift),
                        &day_month(lang, slot.date),
                        &unmarked.to_string()
                    ]
                )
            ),
            Entry::Due(Due::NoAssessment { client, days }) => {
                format!(
                    "· {}",
                    lang.f(Msg::DueAssessment, &[&days.to_string(), &who(*client)])
                )
            }
            Entry::Due(Due::NoNik { client }) => {
                format!("· {}", lang.f(Msg::DueNoNik, &[&who(*client)]))
            }
            Entry::Many(label, ids) => format!(
                "· {}",
                lang.f(Msg::DueMany, &[&ids.len().to_string(), label])
            ),
            Entry::Group(_) | Entry::RollCall => String::new(),
        }
    }
}

/// The label of a collapsed line of low-priority items of one kind: for assessments, the
/// fewest days any of them has waited ("belum asesmen ≥ 7 hari").
fn due_kind_label(lang: Lang, run: &[Due]) -> String {
    match &run[0] {
        Due::NoAssessment { .. } => {
            let days = run
                .iter()
                .filter_map(|d| match d {
                    Due::NoAssessment { days, .. } => Some(*days),
                    _ => None,
                })
                .min()
                .unwrap_or(0);
            lang.f(Msg::DueAssessmentMany, &[&days.to_string()])
        }
        Due::NoNik { .. } => lang.t(Msg::DueNoNikMany).to_string(),
        _ => String::new(),
    }
}

/// Which due items show when `count` lines share `rows` rows with the selection at `at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Window {
    /// Items hidden above (a "↑ n lagi" line when more than none).
    offset: usize,
    /// Items shown; the rest are below (a "↓ n lagi" line when more than none).
    shown: usize,
}

/// The window of due items: all when they fit; else the selection stays in view and each
/// side with hidden items gives up one row to say how many.
fn window(count: usize, rows: usize, at: usize) -> Window {
    if count <= rows || rows == 0 {
        return Window {
            offset: 0,
            shown: count,
        };
    }
    let at = at.min(count - 1);
    // At the top: only the line below.
    let top = rows - 1;
    if at < top || rows < 3 {
        let offset = if at < top { 0 } else { at + 1 - top.max(1) };
        let shown = top.max(1).min(count - offset);
        return Window { offset, shown };
    }
    // At the bottom: only the line above.
    let last = count - (rows - 1);
    if at >= last {
        return Window {
            offset: last,
            shown: rows - 1,
        };
    }
    // In between: lines above and below, the selection at the bottom of the window.
    let shown = rows - 2;
    let offset = (at + 1 - shown).min(last - 1);
    Window { offset, shown }
}

/// "masuk: a, b +2": as many names as fit in `width` columns, the number of the rest
/// after them; a first name too long for the space is cut with "…".
fn fit_names(lang: Lang, names: &[String], width: usize) -> String {
    let full = lang.f(Msg::TodayOnline, &[&names.join(", ")]);
    let fits = |t: &str| Line::raw(t).width() <= width;
    if fits(&full) || names.is_empty() {
        return full;
    }
    for k in (1..names.len()).rev() {
        let rest = (names.len() - k).to_string();
        let t = lang.f(
            Msg::TodayOnline,
            &[&lang.f(Msg::TodayOnlineMore, &[&names[..k].join(", "), &rest])],
        );
        if fits(&t) {
            return t;
        }
    }
    let mut cut: String = full.chars().take(width.saturating_sub(1)).collect();
    while !cut.is_empty() && !fits(&format!("{cut}…")) {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}

/// The height of the top row (headcount and last handover) in a body of `height` rows
/// (the info line included) when the note takes `note_rows` rows and the due list has
/// `due_rows` lines. At least [`TOP_MIN`]; more when the note needs it and the due list
/// keeps its lines; when both need more than there is, the note gets two fifths.
fn top_height(height: u16, note_rows: usize, due_rows: usize) -> u16 {
    let rows = |n: usize| u16::try_from(n + 2).unwrap_or(u16::MAX);
    let (note, due) = (rows(note_rows), rows(due_rows));
    let want = if note.saturating_add(due) <= height {
        note
    } else {
        note.min((height / 5 * 2).max(height.saturating_sub(due)))
    };
    TOP_MIN.max(want)
}

/// `lines` cut to `height` rows of `width` (as wrapped): what does not fit is dropped and
/// the last row shown ends in "…" and `more` (which says how to read the rest).
fn fit(lines: Vec<Line<'static>>, width: u16, height: u16, more: &str) -> Vec<Line<'static>> {
    let rows = |l: &[Line<'static>]| {
        Paragraph::new(l.to_vec())
            .wrap(Wrap { trim: false })
            .line_count(width)
    };
    let height = usize::from(height);
    if width == 0 || height == 0 || rows(&lines) <= height {
        return lines;
    }
    let mut kept: Vec<Line<'static>> = Vec::new();
    for line in lines {
        let mut with = kept.clone();
        with.push(line.clone());
        with.push(Line::raw(format!("…{more}")));
        if rows(&with) <= height {
            kept.push(line);
            continue;
        }
        // The longest start of this line that fits with the ellipsis after it.
        let text: Vec<char> = line.to_string().chars().collect();
        let style = line.style;
        let fits = |n: usize| {
            let mut with = kept.clone();
            let cut: String = text[..n].iter().collect();
            with.push(Line::styled(format!("{}…{more}", cut.trim_end()), style));
            rows(&with) <= height
        };
        let (mut lo, mut hi) = (0, text.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if fits(mid) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        let cut: String = text[..lo].iter().collect();
        kept.push(Line::styled(format!("{}…{more}", cut.trim_end()), style));
        break;
    }
    kept
}
