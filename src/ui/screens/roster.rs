//! Klien: the resident roster. Search, filters by status and stage, sorting, and a table
//! that builds only the rows on screen, so 10,000 residents scroll as smoothly as 100.

use std::cmp::Ordering;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell as TableCell, Paragraph, Row, Table, TableState};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use compact_str::CompactString;

use crate::domain::names::{display_name, fold};
use crate::domain::{BirthDate, ClientId, ClientRow, Stage, Status};
use crate::ui::action::Action;
use crate::ui::search::{Keys, Search, haystack, narrows, rank};
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::scroll::Scroll;
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
///
/// Built for 100,000 rows as well as 100. The sort order is kept and only redone when the
/// sort or the rows change. What the filters and the search read of each row is kept
/// apart from the rows, small and in one piece, so a key typed reads a few megabytes
/// front to back rather than every row; the search text is made only when a search
/// starts. A query typed on looks only among the rows the shorter one matched, and
/// deleting goes back to what an earlier query found.
pub struct Roster {
    rows: Vec<ClientRow>,
    /// Status and stage per row, same order as `rows`, for the filters.
    facets: Vec<(Status, Stage)>,
    /// Search text per row (see [`haystack`]), same order as `rows`; made when first
    /// searched.
    keys: Option<Keys>,
    /// The name each row sorts by (see [`sort_name`]), same order as `rows`.
    names: Vec<CompactString>,
    /// Every row (index into `rows`) in the current sort order, filters not applied.
    order: Vec<usize>,
    /// Indices into `rows`, filtered and sorted.
    view: Vec<usize>,
    selected: usize,
    scroll: Scroll,
    pub search: Input,
    pub searching: bool,
    /// Reused for every search (its matcher is made once).
    matcher: Search,
    /// The searches that led to the current one, each a folded query that the next one
    /// extends, with the rows it matched (index into `rows`, in that order) and their
    /// scores.
    searches: Vec<(String, Vec<(u32, u32)>)>,
    status_filter: Option<Status>,
    stage_filter: Option<Stage>,
    show_exited: bool,
    sort: SortBy,
    descending: bool,
    today: NaiveDate,
    /// Rows not exited, for the count line.
    in_residence: usize,
}

impl Roster {
    pub fn new(today: NaiveDate) -> Roster {
        Roster {
            rows: Vec::new(),
            facets: Vec::new(),
            keys: None,
            names: Vec::new(),
            order: Vec::new(),
            view: Vec::new(),
            selected: 0,
            scroll: Scroll::default(),
            search: Input::default(),
            searching: false,
            matcher: Search::empty(),
            searches: Vec::new(),
            status_filter: None,
            stage_filter: None,
            show_exited: false,
            sort: SortBy::Name,
            descending: false,
            today,
            in_residence: 0,
        }
    }

    /// Replaces all rows (after loading), keeping the selection on the same resident.
    pub fn set_rows(&mut self, rows: Vec<ClientRow>) {
        let keep = self.selected_id();
        self.facets = rows.iter().map(|r| (r.status, r.stage)).collect();
        self.names = rows.iter().map(sort_name).collect();
        self.rows = rows;
        self.keys = None;
        if !self.search.value().is_empty() {
            self.make_keys();
        }
        self.in_residence = self
            .rows
            .iter()
            .filter(|r| r.status != Status::Exited)
            .count();
        self.resort();
        let keep = keep.and_then(|id| self.rows.iter().position(|r| r.id == id));
        self.refresh(keep);
    }

    /// Puts one changed or new row in place; with `select` the selection moves to it,
    /// otherwise it stays on the row it was on. Filters stay as they are.
    pub fn upsert(&mut self, row: ClientRow, select: bool) {
        let id = row.id;
        let exited = usize::from(row.status == Status::Exited);
        let facets = (row.status, row.stage);
        let i = match self.rows.iter().position(|r| r.id == id) {
            Some(i) => {
                let was_exited = usize::from(self.rows[i].status == Status::Exited);
                self.in_residence = self.in_residence + was_exited - exited;
                if let Some(keys) = &mut self.keys {
                    keys.set(i, &haystack(&row));
                }
                self.facets[i] = facets;
                self.names[i] = sort_name(&row);
                self.rows[i] = row;
                if let Some(at) = self.order.iter().position(|&j| j == i) {
                    self.order.remove(at);
                }
                i
            }
            None => {
                self.in_residence += 1 - exited;
                if let Some(keys) = &mut self.keys {
                    keys.push(&haystack(&row));
                }
                self.facets.push(facets);
                self.names.push(sort_name(&row));
                self.rows.push(row);
                self.rows.len() - 1
            }
        };
        // The sort order stays sorted: the row goes back in where it now belongs.
        let at = self
            .order
            .partition_point(|&j| self.compare(j, i) == Ordering::Less);
        self.order.insert(at, i);
        let keep = if select {
            Some(i)
        } else {
            self.view.get(self.selected).copied()
        };
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

    /// Position in the view of the first row on screen at the last draw.
    pub fn offset(&self) -> usize {
        self.scroll.offset()
    }

    /// Which rows (by their status and stage) the filters let through.
    fn filter(&self) -> impl Fn(&(Status, Stage)) -> bool + use<> {
        let (status, stage, exited) = (self.status_filter, self.stage_filter, self.show_exited);
        move |&(row_status, row_stage)| {
            let status_ok = match status {
                Some(s) => row_status == s,
                None => exited || row_status != Status::Exited,
            };
            status_ok && stage.is_none_or(|s| row_stage == s)
        }
    }

    /// Compares rows `a` and `b` (indices into `rows`) by the current sort.
    fn compare(&self, a: usize, b: usize) -> Ordering {
        let (ra, rb) = (&self.rows[a], &self.rows[b]);
        let by = match self.sort {
            SortBy::Name => self.names[a].cmp(&self.names[b]),
            SortBy::RegNo => ra.reg_no.cmp(&rb.reg_no),
            SortBy::Age => age_key(ra.birth, self.today).cmp(&age_key(rb.birth, self.today)),
            SortBy::Origin => text::origin_short(Lang::Id, ra.origin)
                .cmp(&text::origin_short(Lang::Id, rb.origin)),
            SortBy::Admitted => ra.admitted.cmp(&rb.admitted),
            SortBy::Stage => ra.stage.cmp(&rb.stage),
            SortBy::Status => ra.status.cmp(&rb.status),
            SortBy::Room => (&ra.room, &ra.bed).cmp(&(&rb.room, &rb.bed)),
        };
        let by = if self.descending { by.reverse() } else { by };
        by.then_with(|| ra.reg_no.cmp(&rb.reg_no))
    }

    /// Sorts every row by the current sort, once per change of sort or of all rows.
    fn resort(&mut self) {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_unstable_by(|&a, &b| self.compare(a, b));
        self.order = order;
    }

    /// The search text of every row, made when a search first needs it (at 10,000
    /// residents this takes longer than drawing the first frame would).
    fn make_keys(&mut self) {
        if self.keys.is_none() {
            let mut keys = Keys::default();
            for row in &self.rows {
                keys.push(&haystack(row));
            }
            self.keys = Some(keys);
        }
    }

    /// Recomputes the view from rows, search, filters and sort; selects `keep` (an index
    /// into `rows`) if it is in view, else the first row.
    fn refresh(&mut self, keep: Option<usize>) {
        self.searches.clear();
        self.research(keep);
    }

    /// As `refresh`, after only the search text changed.
    fn research(&mut self, keep: Option<usize>) {
        let query = fold(self.search.value());
        let shows = self.filter();
        if !self.matcher.set_folded(&query) {
            self.searches.clear();
            let facets = &self.facets;
            self.view = self
                .order
                .iter()
                .copied()
                .filter(|&i| shows(&facets[i]))
                .collect();
        } else {
            self.make_keys();
            while self
                .searches
                .last()
                .is_some_and(|(q, _)| !narrows(q, &query))
            {
                self.searches.pop();
            }
            if self.searches.last().is_none_or(|(q, _)| *q != query) {
                let matched = self.matches(&query);
                self.searches.push((query, matched));
            }
            // Best score first; among equal scores the sort order.
            let (_, matched) = self.searches.last().expect("just pushed");
            let mut score_of = vec![NO_MATCH; self.rows.len()];
            for &(i, score) in matched {
                score_of[i as usize] = score;
            }
            let in_order: Vec<(u32, usize)> = self
                .order
                .iter()
                .filter(|&&i| score_of[i] != NO_MATCH)
                .map(|&i| (score_of[i], i))
                .collect();
            self.view = rank(&in_order);
        }
        self.selected = keep
            .and_then(|k| self.view.iter().position(|&i| i == k))
            .unwrap_or(0);
    }

    /// The rows the filters let through that match `query` (folded), with their scores:
    /// among the last search's matches when `query` only extends it, else among all rows.
    fn matches(&mut self, query: &str) -> Vec<(u32, u32)> {
        let keys = self.keys.as_ref().expect("made before searching");
        let shows = self.filter();
        let facets = &self.facets;
        let among: Option<&[(u32, u32)]> = match self.searches.last() {
            Some((shorter, among)) if narrows(shorter, query) => Some(among),
            _ => None,
        };
        let search = &mut self.matcher;
        match among {
            Some(among) => among
                .iter()
                .filter_map(|&(i, _)| search.score_key(keys, i as usize).map(|s| (i, s)))
                .collect(),
            None => (0..facets.len())
                .filter(|&i| shows(&facets[i]))
                .filter_map(|i| search.score_key(keys, i).map(|s| (i as u32, s)))
                .collect(),
        }
    }

    /// A key typed while the search line has focus (text, not a bound action).
    pub fn type_in_search(&mut self, key: KeyEvent) {
        if self.search.handle_event(&Event::Key(key)).is_some() {
            self.research(None);
        }
    }

    /// Applies an action; returns what the app should do next.
    pub fn apply(&mut self, action: Action) -> RosterOutcome {
        if let Some(to) = self.scroll.step(&action, self.selected, self.view.len()) {
            self.selected = to;
            return RosterOutcome::None;
        }
        let id = self.selected_id();
        let kept = self.view.get(self.selected).copied();
        match action {
            Action::Search => {
                self.searching = true;
                // Now rather than on the first letter, which should come back at once.
                self.make_keys();
            }
            Action::SearchDone => self.searching = false,
            Action::SearchClear => {
                self.searching = false;
                self.search.reset();
                self.refresh(kept);
            }
            Action::ClearFilters => {
                self.search.reset();
                self.status_filter = None;
                self.stage_filter = None;
                self.show_exited = false;
                self.refresh(kept);
            }
            Action::ToggleExited => {
                self.show_exited = !self.show_exited;
                if !self.show_exited && self.status_filter == Some(Status::Exited) {
                    self.status_filter = None;
                }
                self.refresh(kept);
            }
            Action::CycleStatusFilter => {
                let choices: Vec<Status> = Status::ALL
                    .into_iter()
                    .filter(|s| self.show_exited || *s != Status::Exited)
                    .collect();
                self.status_filter = cycle(self.status_filter, &choices);
                self.refresh(kept);
            }
            Action::CycleStageFilter => {
                self.stage_filter = cycle(self.stage_filter, &Stage::ALL);
                self.refresh(kept);
            }
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.descending = false;
                self.resort();
                self.refresh(kept);
            }
            Action::ReverseSort => {
                self.descending = !self.descending;
                self.resort();
                self.refresh(kept);
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
        let offset = self.scroll.place(page, self.selected, self.view.len());
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
            self.in_residence
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

/// A score no match has, marking rows a search did not match.
const NO_MATCH: u32 = u32::MAX;

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
pub fn sort_name(row: &ClientRow) -> CompactString {
    let name = if row.name.trim().is_empty() {
        &row.nickname
    } else {
        &row.name
    };
    name.trim().to_lowercase().into()
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
            Column::RegNo => row.reg_no.to_string(),
            Column::Name => display_name(&row.name, &row.nickname),
            Column::Nickname => row.nickname.to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    /// `n` rows made from the demo's, each with a name of two of theirs.
    fn rows(n: usize) -> Vec<ClientRow> {
        let demo = crate::demo::generate(crate::demo::SEED, today(), 40, "kepala").clients;
        let len = demo.len();
        (0..n)
            .map(|k| {
                let mut row = demo[k % len].row();
                row.id = ClientId(k as u64 + 1);
                row.reg_no = format!("{}/{k:05}", 2000 + k % 27).into();
                row.name = format!(
                    "{} {}",
                    demo[k % len].details.name,
                    demo[(k / len) % len].details.name
                )
                .into();
                row
            })
            .collect()
    }

    /// What the view should be: residents not exited that match, best score first, then
    /// by name and registration number. `texts` are the rows' search texts.
    fn expected(rows: &[ClientRow], texts: &[String], query: &str) -> Vec<ClientId> {
        let mut search = Search::new(query);
        let mut found: Vec<(u32, CompactString, &str, ClientId)> = rows
            .iter()
            .zip(texts)
            .filter(|(r, _)| r.status != Status::Exited)
            .filter_map(|(r, text)| {
                let score = match &mut search {
                    Some(s) => s.score(text)?,
                    None => 0,
                };
                Some((u32::MAX - score, sort_name(r), r.reg_no.as_str(), r.id))
            })
            .collect();
        found.sort();
        found.into_iter().map(|f| f.3).collect()
    }

    fn type_key(roster: &mut Roster, code: KeyCode) {
        roster.type_in_search(KeyEvent::new(code, KeyModifiers::NONE));
    }

    /// Types `keys` into the search of 21,000 rows and checks after each key that the
    /// roster shows what a plain scan of every row finds; returns the roster and the rows.
    fn types_like_a_plain_scan(keys: &str) -> (Roster, Vec<ClientRow>) {
        let rows = rows(21_000);
        let texts: Vec<String> = rows.iter().map(haystack).collect();
        let mut roster = Roster::new(today());
        roster.set_rows(rows.clone());
        roster.apply(Action::Search);
        let mut typed = String::new();
        for c in keys.chars() {
            if c == BACKSPACE {
                typed.pop();
                type_key(&mut roster, KeyCode::Backspace);
            } else {
                typed.push(c);
                type_key(&mut roster, KeyCode::Char(c));
            }
            let got: Vec<ClientId> = roster.visible().map(|r| r.id).collect();
            assert_eq!(got, expected(&rows, &texts, &typed), "after {typed:?}");
        }
        (roster, rows)
    }

    /// Stands for a Backspace in the keys given to [`types_like_a_plain_scan`].
    const BACKSPACE: char = '\x08';

    #[test]
    fn a_search_over_many_rows_finds_what_a_plain_scan_finds() {
        types_like_a_plain_scan("su a\x08\x08r\x08\x08\x08");
    }

    #[test]
    fn a_number_search_over_many_rows_finds_what_a_plain_scan_finds() {
        // A registration number typed in, deleted back to its year, a letter after the
        // year (no longer a number), and the serial alone.
        let (mut roster, rows) =
            types_like_a_plain_scan("2010/0001\x08\x08\x08\x08\x08a\x08\x08\x08\x08\x08\x080001");
        // A whole registration number finds that resident first.
        for _ in 0..4 {
            type_key(&mut roster, KeyCode::Backspace);
        }
        let target = rows[1000..]
            .iter()
            .find(|r| r.status != Status::Exited)
            .expect("a resident in residence");
        for c in target.reg_no.chars() {
            type_key(&mut roster, KeyCode::Char(c));
        }
        assert_eq!(roster.visible().next().map(|r| r.id), Some(target.id));
    }
}
