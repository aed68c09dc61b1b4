//! Hari ini: the shift at a glance. Who is here against capacity, this shift's roll-call
//! progress, the last handover note, and what is due. Every number and every due item
//! opens what is behind it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::domain::names::display_name;
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
    pub online: Vec<String>,
    selected: usize,
}

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
        let [info, top, due] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(9),
            Constraint::Fill(1),
        ])
        .areas(area);
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
        let [counts, handover] =
            Layout::horizontal([Constraint::Length(34), Constraint::Fill(1)]).areas(top);
        let entries = self.entries(lang);
        let selected = self.selected.min(entries.len().saturating_sub(1));

        // Headcount: the groups and the roll call line are the first entries.
        let mut items: Vec<ListItem> = GROUPS
            .iter()
            .map(|g| {
                let n = v.headcount.of(*g).len();
                let label = lang.t(group_label(*g));
                let text = if *g == Group::InResidence {
                    format!("{label:<16}{n:>4} / {}", v.headcount.capacity)
                } else {
                    format!("  {label:<14}{n:>4}")
                };
                let style = if *g == Group::Absconded && n > 0 {
                    theme.error
                } else {
                    ratatui::style::Style::new()
                };
                ListItem::new(Line::styled(text, style))
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
        items.push(ListItem::new(Line::styled(roll, roll_style)));
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
        let note = match &v.last_handover {
            Some(n) => vec![
                Line::styled(
                    lang.f(
                        Msg::HandoverBy,
                        &[
                            &n.by_name,
                            text::shift(lang, n.slot.shift),
                            &text::date_time(lang, n.at),
                        ],
                    ),
                    theme.dim,
                ),
                Line::raw(n.text.clone()),
            ],
            None => vec![Line::styled(lang.t(Msg::TodayNoHandover), theme.dim)],
        };
        frame.render_widget(
            Paragraph::new(note).block(block).wrap(Wrap { trim: true }),
            handover,
        );

        // The due list: entries after the headcount ones.
        let first_due = GROUPS.len() + 1;
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
