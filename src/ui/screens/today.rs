//! Hari ini: the shift at a glance. Who is here against capacity, this shift's roll-call
//! progress, the last handover note, and what is due. Every number and every due item
//! opens what is behind it. The panels take what the terminal gives: the headcount is as
//! wide as its longest line, the handover note and due list grow with the height.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::domain::names::display_name;
use crate::domain::shift::ShiftSlot;
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
    /// The shift and date the view was last loaded for, by the app's clock: a minute
    /// tick reloads the view once when either moves on.
    pub loaded_for: Option<(ShiftSlot, chrono::NaiveDate)>,
}

/// The top row (headcount and last handover) is at least this tall: the headcount's
/// seven lines and its border. It grows when a long note needs it (see `top_height`).
const TOP_MIN: u16 = 9;

const GROUPS: [Group; 6] = [
    Group::InResidence,
    Group::Present,
    Group::Leave,
    Group::Sick,
    Group::Referred,
    Group::Absconded,
];

fn group_label(g: Group) -> Msg {
    match g {
        Group::InResidence => Msg::TodayInResidence,
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
        Due::RollCallOpen { .. } => None,
    }
}

impl TodayScreen {
    pub fn new(view: TodayView, online: Vec<String>) -> TodayScreen {
        TodayScreen {
            view,
            online,
            selected: 0,
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
            if same > MAX_SINGLE {
                let ids = run.iter().filter_map(due_client).collect();
                out.push(Entry::Many(due_kind_label(lang, &run[0]), ids));
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
            Action::NewHandover => return TodayOutcome::NewHandover,
            Action::HandoverList => return TodayOutcome::Handovers,
            Action::ShiftTimes => return TodayOutcome::ShiftTimes,
            Action::Open => {
                return match entries.get(self.selected.min(last)) {
                    Some(Entry::Group(g)) => TodayOutcome::People(
                        lang.t(group_label(*g)).to_string(),
                        self.view.headcount.of(*g).to_vec(),
                    ),
                    Some(Entry::RollCall) => TodayOutcome::OpenRollCall,
                    Some(Entry::Due(Due::RollCallOpen { .. })) => TodayOutcome::OpenRollCall,
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
        let v = &self.view;
        let [info, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let shift = lang.f(
            Msg::TodayShift,
            &[
                text::shift(lang, v.slot.shift),
                &v.shift_start.format("%H:%M").to_string(),
                &v.shift_end.format("%H:%M").to_string(),
            ],
        );
        let online = lang.f(Msg::TodayOnline, &[&self.online.join(", ")]);
        let line = Line::from(vec![
            Span::styled(text::date_with_day(lang, v.now.date()), theme.title),
            Span::styled(" · ", theme.dim),
            Span::raw(shift),
            Span::styled(" · ", theme.dim),
            Span::styled(online, theme.dim),
        ]);
        frame.render_widget(Paragraph::new(line), info);
        let entries = self.entries(lang);
        let selected = self.selected.min(entries.len().saturating_sub(1));

        // Headcount: the groups and the roll call line are the first entries. The label
        // column is as wide as the longest label in this language.
        let indent = |g: Group| if g == Group::InResidence { 0 } else { 2 };
        let label_width = GROUPS
            .iter()
            .map(|g| indent(*g) + Line::raw(lang.t(group_label(*g))).width())
            .max()
            .unwrap_or(0);
        let mut lines: Vec<Line> = GROUPS
            .iter()
            .map(|g| {
                let n = v.headcount.of(*g).len();
                let label = lang.t(group_label(*g));
                let pad = " ".repeat(label_width - indent(*g) - Line::raw(label).width());
                let lead = " ".repeat(indent(*g));
                let text = if *g == Group::InResidence {
                    format!("{label}{pad}{n:>5} / {}", v.headcount.capacity)
                } else {
                    format!("{lead}{label}{pad}{n:>5}")
                };
                let style = if *g == Group::Absconded && n > 0 {
                    theme.error
                } else {
                    ratatui::style::Style::new()
                };
                Line::styled(text, style)
            })
            .collect();
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
        let title = lang.t(Msg::TodayHeadcount);
        let content = lines
            .iter()
            .map(Line::width)
            .chain([Line::raw(title).width()])
            .max()
            .unwrap_or(0);
        // Content and border; never more than half the screen.
        let width = u16::try_from(content + 2)
            .unwrap_or(u16::MAX)
            .min(body.width / 2);
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
            .title(lang.t(Msg::TodayHeadcount));
        let mut state =
            ListState::default().with_selected((selected < items.len()).then_some(selected));
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
        let note = fit(note, inner.width, inner.height);
        frame.render_widget(
            Paragraph::new(note).block(block).wrap(Wrap { trim: false }),
            handover,
        );

        // The due list: entries after the headcount ones.
        let mut due_items: Vec<ListItem> = entries[first_due..]
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
            let mut sel = selected.checked_sub(first_due);
            // More than fit: a window that keeps the selection in view, and a last line
            // that says how many are not shown.
            let rows = usize::from(block.inner(due).height);
            let count = due_items.len();
            if count > rows && rows > 0 {
                let cap = rows - 1;
                let at = sel.unwrap_or(0);
                let offset = if at >= cap { at + 1 - cap } else { 0 };
                due_items = due_items.into_iter().skip(offset).take(cap).collect();
                let more = lang.f(Msg::TodayDueMore, &[&(count - cap).to_string()]);
                due_items.push(ListItem::new(Line::styled(more, theme.dim)));
                sel = sel.map(|s| s - offset);
            }
            let mut state = ListState::default().with_selected(sel);
            frame.render_stateful_widget(
                List::new(due_items)
                    .block(block)
                    .highlight_style(theme.selected),
                due,
                &mut state,
            );
        }
    }

    /// The last handover note: who, the shift it belongs to, the time written, then its
    /// text line by line.
    fn note_lines(&self, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        let Some(n) = &self.view.last_handover else {
            return vec![Line::styled(
                lang.t(Msg::TodayNoHandover).to_string(),
                theme.dim,
            )];
        };
        let by = lang.f(
            Msg::HandoverBy,
            &[
                &n.by_name,
                text::shift(lang, n.slot.shift),
                &text::date(lang, n.slot.date),
                &n.at.format("%H:%M").to_string(),
            ],
        );
        let mut lines = vec![Line::styled(by, theme.dim)];
        lines.extend(n.text.lines().map(|l| Line::raw(l.to_string())));
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

/// The kind of a due item without a resident: the label of a collapsed line.
fn due_kind_label(lang: Lang, d: &Due) -> String {
    let strip = |m: Msg| {
        lang.t(m)
            .replace(": {}", "")
            .replace(" {}", "")
            .replace("{}", "")
    };
    match d {
        Due::AbscondedNotBack { .. } => lang.t(Msg::StatusAbsconded).to_string(),
        Due::LeaveOverdue { .. } => strip(Msg::DueLeave),
        Due::NoAssessment { .. } => strip(Msg::DueAssessment),
        Due::NoNik { .. } => strip(Msg::DueNoNik),
        Due::RollCallOpen { .. } => String::new(),
    }
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
/// the last row shown ends in "…".
fn fit(lines: Vec<Line<'static>>, width: u16, height: u16) -> Vec<Line<'static>> {
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
        with.push(Line::raw("…"));
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
            with.push(Line::styled(format!("{}…", cut.trim_end()), style));
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
        kept.push(Line::styled(format!("{}…", cut.trim_end()), style));
        break;
    }
    kept
}
