//! Klien: the resident roster. Search, filters by status and stage, sorting, and a table
//! that builds only the rows on screen, so 10,000 residents scroll as smoothly as 100.

use std::cell::Cell;
use std::cmp::Ordering;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell as TableCell, Paragraph, Row, Table, TableState};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::domain::names::display_name;
use crate::domain::{BirthDate, ClientId, ClientRow, Stage, Status};
use crate::ui::action::Action;
use crate::ui::search::{Search, haystack};
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::text_field;

/// Columns the roster can sort by, in the order `o` steps through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Name,
    RegNo,
    Age,
    Origin,
    Admitted,
    Stage,
    Status,
    Room,
}

impl SortBy {
    const ORDER: [SortBy; 8] = [
        SortBy::Name,
        SortBy::RegNo,
        SortBy::Age,
        SortBy::Origin,
        SortBy::Admitted,
        SortBy::Stage,
        SortBy::Status,
        SortBy::Room,
    ];

    fn next(self) -> SortBy {
        let i = SortBy::ORDER.iter().position(|s| *s == self).unwrap_or(0);
        SortBy::ORDER[(i + 1) % SortBy::ORDER.len()]
    }

    fn label(self) -> Msg {
        match self {
            SortBy::Name => Msg::ColName,
            SortBy::RegNo => Msg::ColRegNo,
            SortBy::Age => Msg::ColAge,
            SortBy::Origin => Msg::ColOrigin,
            SortBy::Admitted => Msg::ColAdmitted,
            SortBy::Stage => Msg::ColStage,
            SortBy::Status => Msg::ColStatus,
            SortBy::Room => Msg::ColRoom,
        }
    }
}

/// What the roster screen asks the app to do.
pub enum RosterOutcome {
    None,
    Open(ClientId),
    Edit(ClientId),
    ChangeStatus(ClientId),
    New,
}

/// The roster's state: all rows, the filtered and sorted view, selection and scroll.
pub struct Roster {
    rows: Vec<ClientRow>,
    /// Folded search text per row, same order as `rows`.
    keys: Vec<String>,
    /// Indices into `rows`, filtered and sorted.
    view: Vec<usize>,
    selected: usize,
    offset: usize,
    /// Visible body rows at the last draw; paging and scrolling use it.
    page: Cell<usize>,
    pub search: Input,
    pub searching: bool,
    status_filter: Option<Status>,
    stage_filter: Option<Stage>,
    show_exited: bool,
    sort: SortBy,
    descending: bool,
    today: NaiveDate,
}

impl Roster {
    pub fn new(today: NaiveDate) -> Roster {
        Roster {
            rows: Vec::new(),
            keys: Vec::new(),
            view: Vec::new(),
            selected: 0,
            offset: 0,
            page: Cell::new(10),
            search: Input::default(),
            searching: false,
            status_filter: None,
            stage_filter: None,
            show_exited: false,
            sort: SortBy::Name,
            descending: false,
            today,
        }
    }

    /// Replaces all rows (after loading), keeping the selection on the same resident.
    pub fn set_rows(&mut self, rows: Vec<ClientRow>) {
        let keep = self.selected_id();
        self.keys = rows.iter().map(haystack).collect();
        self.rows = rows;
        self.refresh(keep);
    }

    /// Puts one changed or new row in place; with `select` the selection moves to it,
    /// otherwise it stays on the row it was on. Filters stay as they are.
    pub fn upsert(&mut self, row: ClientRow, select: bool) {
        let id = row.id;
        match self.rows.iter().position(|r| r.id == id) {
            Some(i) => {
                self.keys[i] = haystack(&row);
                self.rows[i] = row;
            }
            None => {
                self.keys.push(haystack(&row));
                self.rows.push(row);
            }
        }
        let keep = if select { Some(id) } else { self.selected_id() };
        self.refresh(keep);
    }

    pub fn selected_id(&self) -> Option<ClientId> {
        self.view.get(self.selected).map(|&i| self.rows[i].id)
    }

    pub fn selected_row(&self) -> Option<&ClientRow> {
        self.view.get(self.selected).map(|&i| &self.rows[i])
    }

    /// All rows, for duplicate checks and tests.
    pub fn rows(&self) -> &[ClientRow] {
        &self.rows
    }

    /// Rows in view (after search and filters), in display order.
    pub fn visible(&self) -> impl Iterator<Item = &ClientRow> {
        self.view.iter().map(|&i| &self.rows[i])
    }

    pub fn visible_count(&self) -> usize {
        self.view.len()
    }

    fn shows(&self, row: &ClientRow) -> bool {
        let status_ok = match self.status_filter {
            Some(s) => row.status == s,
            None => self.show_exited || row.status != Status::Exited,
        };
        status_ok && self.stage_filter.is_none_or(|s| row.stage == s)
    }

    fn compare(&self, a: &ClientRow, b: &ClientRow) -> Ordering {
        let name = |r: &ClientRow| sort_name(r);
        let by = match self.sort {
            SortBy::Name => name(a).cmp(&name(b)),
            SortBy::RegNo => a.reg_no.cmp(&b.reg_no),
            SortBy::Age => age_key(a.birth, self.today).cmp(&age_key(b.birth, self.today)),
            SortBy::Origin => {
                text::origin_short(Lang::Id, a.origin).cmp(&text::origin_short(Lang::Id, b.origin))
            }
            SortBy::Admitted => a.admitted.cmp(&b.admitted),
            SortBy::Stage => a.stage.cmp(&b.stage),
            SortBy::Status => a.status.cmp(&b.status),
            SortBy::Room => (&a.room, &a.bed).cmp(&(&b.room, &b.bed)),
        };
        let by = if self.descending { by.reverse() } else { by };
        by.then_with(|| a.reg_no.cmp(&b.reg_no))
    }

    /// Recomputes the view from rows, search, filters and sort; selects `keep` if visible.
    fn refresh(&mut self, keep: Option<ClientId>) {
        let mut search = Search::new(self.search.value());
        let mut scored: Vec<(usize, u32)> = (0..self.rows.len())
            .filter(|&i| self.shows(&self.rows[i]))
            .filter_map(|i| match &mut search {
                Some(s) => s.score(&self.keys[i]).map(|score| (i, score)),
                None => Some((i, 0)),
            })
            .collect();
        if search.is_some() {
            scored.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then_with(|| self.compare(&self.rows[a.0], &self.rows[b.0]))
            });
        } else {
            scored.sort_by(|a, b| self.compare(&self.rows[a.0], &self.rows[b.0]));
        }
        self.view = scored.into_iter().map(|(i, _)| i).collect();
        self.selected = keep
            .and_then(|id| self.view.iter().position(|&i| self.rows[i].id == id))
            .unwrap_or(0);
        self.offset = self.offset.min(self.selected);
        self.scroll_into_view();
    }

    fn scroll_into_view(&mut self) {
        let page = self.page.get().max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        let max_offset = self.view.len().saturating_sub(page);
        self.offset = self.offset.min(max_offset);
    }

    fn move_to(&mut self, index: usize) {
        self.selected = index.min(self.view.len().saturating_sub(1));
        self.scroll_into_view();
    }

    /// A key typed while the search line has focus (text, not a bound action).
    pub fn type_in_search(&mut self, key: KeyEvent) {
        if self.search.handle_event(&Event::Key(key)).is_some() {
            self.refresh(None);
        }
    }

    /// Applies an action; returns what the app should do next.
    pub fn apply(&mut self, action: Action) -> RosterOutcome {
        let page = self.page.get().max(1);
        let id = self.selected_id();
        match action {
            Action::Up => self.move_to(self.selected.saturating_sub(1)),
            Action::Down => self.move_to(self.selected + 1),
            Action::PageUp => self.move_to(self.selected.saturating_sub(page)),
            Action::PageDown => self.move_to(self.selected + page),
            Action::Home => self.move_to(0),
            Action::End => self.move_to(self.view.len().saturating_sub(1)),
            Action::Search => self.searching = true,
            Action::SearchDone => self.searching = false,
            Action::SearchClear => {
                self.searching = false;
                self.search.reset();
                self.refresh(id);
            }
            Action::ClearFilters => {
                self.search.reset();
                self.status_filter = None;
                self.stage_filter = None;
                self.show_exited = false;
                self.refresh(id);
            }
            Action::ToggleExited => {
                self.show_exited = !self.show_exited;
                if !self.show_exited && self.status_filter == Some(Status::Exited) {
                    self.status_filter = None;
                }
                self.refresh(id);
            }
            Action::CycleStatusFilter => {
                let choices: Vec<Status> = Status::ALL
                    .into_iter()
                    .filter(|s| self.show_exited || *s != Status::Exited)
                    .collect();
                self.status_filter = cycle(self.status_filter, &choices);
                self.refresh(id);
            }
            Action::CycleStageFilter => {
                self.stage_filter = cycle(self.stage_filter, &Stage::ALL);
                self.refresh(id);
            }
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.descending = false;
                self.refresh(id);
            }
            Action::ReverseSort => {
                self.descending = !self.descending;
                self.refresh(id);
            }
            Action::Open => return id.map_or(RosterOutcome::None, RosterOutcome::Open),
            Action::Edit => return id.map_or(RosterOutcome::None, RosterOutcome::Edit),
            Action::ChangeStatus => {
                return id.map_or(RosterOutcome::None, RosterOutcome::ChangeStatus);
            }
            Action::New => return RosterOutcome::New,
            _ => {}
        }
        RosterOutcome::None
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let [info, table_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        self.render_info(frame, info, lang, theme);
        let page = table_area.height.saturating_sub(1) as usize;
        self.page.set(page.max(1));
        let columns = columns_for(table_area.width);
        let header = Row::new(columns.iter().map(|c| lang.t(c.title()))).style(theme.table_header);
        if self.view.is_empty() {
            let msg = if self.rows.is_empty() {
                Msg::RosterEmpty
            } else {
                Msg::RosterNoMatch
            };
            let [h, body] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(table_area);
            frame.render_widget(
                Paragraph::new(Line::from(lang.t(msg)).style(theme.dim)),
                body,
            );
            frame.render_widget(
                Table::new([header], columns.iter().map(|c| c.width())).column_spacing(1),
                h,
            );
            return;
        }
        // The offset is kept in range by `scroll_into_view`; clamp again for a new size.
        let offset = self.offset.min(self.view.len().saturating_sub(1));
        let offset = if self.selected >= offset + page.max(1) {
            self.selected + 1 - page.max(1)
        } else {
            offset
        };
        let end = (offset + page).min(self.view.len());
        let rows = self.view[offset..end].iter().map(|&i| {
            let row = &self.rows[i];
            Row::new(columns.iter().map(|c| c.cell(row, lang, self.today)))
        });
        let table = Table::new(rows, columns.iter().map(|c| c.width()))
            .header(header)
            .column_spacing(1)
            .row_highlight_style(theme.selected);
        let mut state = TableState::default().with_selected(Some(self.selected - offset));
        frame.render_stateful_widget(table, table_area, &mut state);
    }

    fn render_info(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let total = if self.show_exited {
            self.rows.len()
        } else {
            self.rows
                .iter()
                .filter(|r| r.status != Status::Exited)
                .count()
        };
        let count = lang.f(
            Msg::RosterCount,
            &[&self.view.len().to_string(), &total.to_string()],
        );
        let status = match self.status_filter {
            Some(s) => text::status(lang, s).to_string(),
            None if self.show_exited => lang.t(Msg::RosterAllIncludingExited).to_string(),
            None => lang.t(Msg::RosterInResidence).to_string(),
        };
        let stage = self
            .stage_filter
            .map_or(lang.t(Msg::RosterAll), |s| text::stage(lang, s));
        let arrow = if self.descending { "▼" } else { "▲" };
        let sort = format!("{}{arrow}", lang.t(self.sort.label()));
        if self.searching || !self.search.value().is_empty() {
            let prompt = lang.t(Msg::RosterSearchPrompt);
            let width = prompt.chars().count() as u16;
            let [p, field, rest] = Layout::horizontal([
                Constraint::Length(width),
                Constraint::Length(area.width.saturating_sub(width).min(30)),
                Constraint::Fill(1),
            ])
            .areas(area);
            frame.render_widget(Span::styled(prompt, theme.title), p);
            text_field::render(frame, field, &self.search, self.searching, theme);
            let after = if self.search.value().is_empty() {
                Span::styled(format!(" {}", lang.t(Msg::RosterSearchHint)), theme.dim)
            } else {
                Span::styled(format!(" {count}"), theme.dim)
            };
            frame.render_widget(Paragraph::new(after), rest);
            return;
        }
        let line = Line::from(vec![
            Span::styled(count, theme.title),
            Span::styled(" · ", theme.dim),
            Span::raw(lang.f(Msg::RosterFilterStatus, &[&status])),
            Span::styled(" · ", theme.dim),
            Span::raw(lang.f(Msg::RosterFilterStage, &[stage])),
            Span::styled(" · ", theme.dim),
            Span::raw(lang.f(Msg::RosterSort, &[&sort])),
        ]);
        frame.render_widget(Paragraph::new(line), area);
    }
}

fn cycle<T: Copy + PartialEq>(current: Option<T>, choices: &[T]) -> Option<T> {
    match current {
        None => choices.first().copied(),
        Some(c) => choices
            .iter()
            .position(|x| *x == c)
            .and_then(|i| choices.get(i + 1))
            .copied(),
    }
}

/// Residents known only by a nickname sort among the others by that nickname.
pub fn sort_name(row: &ClientRow) -> String {
    let name = if row.name.trim().is_empty() {
        &row.nickname
    } else {
        &row.name
    };
    name.trim().to_lowercase()
}

/// Sorts unknown ages last.
fn age_key(birth: BirthDate, today: NaiveDate) -> u32 {
    birth.age_on(today).unwrap_or(u32::MAX)
}

/// `45`, `~45` for an approximate year, `?` when unknown.
pub fn age_text(birth: BirthDate, today: NaiveDate) -> String {
    match (birth, birth.age_on(today)) {
        (BirthDate::ApproxYear(_), Some(a)) => format!("~{a}"),
        (_, Some(a)) => a.to_string(),
        (_, None) => "?".into(),
    }
}

/// The roster's columns; wider terminals get more of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    RegNo,
    Name,
    Nickname,
    Nik,
    Sex,
    Age,
    Origin,
    Admitted,
    Stage,
    Status,
    Room,
    Stays,
}

fn columns_for(width: u16) -> Vec<Column> {
    use Column::*;
    let mut cols = vec![RegNo, Name];
    if width >= 110 {
        cols.push(Nickname);
        cols.push(Nik);
    }
    cols.extend([Sex, Age, Origin, Admitted, Stage, Status, Room]);
    if width >= 130 {
        cols.push(Stays);
    }
    cols
}

impl Column {
    fn title(self) -> Msg {
        match self {
            Column::RegNo => Msg::ColRegNo,
            Column::Name => Msg::ColName,
            Column::Nickname => Msg::ColNickname,
            Column::Nik => Msg::ColNik,
            Column::Sex => Msg::ColSex,
            Column::Age => Msg::ColAge,
            Column::Origin => Msg::ColOrigin,
            Column::Admitted => Msg::ColAdmitted,
            Column::Stage => Msg::ColStage,
            Column::Status => Msg::ColStatus,
            Column::Room => Msg::ColRoom,
            Column::Stays => Msg::ColStays,
        }
    }

    fn width(self) -> Constraint {
        match self {
            Column::RegNo => Constraint::Length(9),
            Column::Name => Constraint::Fill(1),
            Column::Nickname => Constraint::Length(12),
            Column::Nik => Constraint::Length(16),
            Column::Sex => Constraint::Length(3),
            Column::Age => Constraint::Length(4),
            Column::Origin => Constraint::Length(11),
            Column::Admitted => Constraint::Length(8),
            Column::Stage => Constraint::Length(10),
            Column::Status => Constraint::Length(8),
            Column::Room => Constraint::Length(5),
            Column::Stays => Constraint::Length(3),
        }
    }

    fn cell(self, row: &ClientRow, lang: Lang, today: NaiveDate) -> TableCell<'static> {
        let s: String = match self {
            Column::RegNo => row.reg_no.clone(),
            Column::Name => display_name(&row.name, &row.nickname),
            Column::Nickname => row.nickname.clone(),
            Column::Nik => row.nik.as_ref().map_or_else(|| "-".into(), |n| n.masked()),
            Column::Sex => text::sex_short(lang, row.sex).into(),
            Column::Age => age_text(row.birth, today),
            Column::Origin => text::origin_short(lang, row.origin),
            Column::Admitted => text::date_short(row.admitted),
            Column::Stage => text::stage_short(lang, row.stage).into(),
            Column::Status => text::status(lang, row.status).into(),
            Column::Room => room_text(&row.room, &row.bed),
            Column::Stays => row.stays.to_string(),
        };
        TableCell::from(s)
    }
}

/// `A1-3` (room A1, bed 3), or just the room.
pub fn room_text(room: &str, bed: &str) -> String {
    match (room.is_empty(), bed.is_empty()) {
        (true, _) => String::new(),
        (false, true) => room.to_string(),
        (false, false) => format!("{room}-{bed}"),
    }
}
