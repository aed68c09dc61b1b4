//! Klien: the resident roster. Search, filters by status and stage, sorting, and a table
//! that builds only the rows on screen, so 10,000 residents scroll as smoothly as 100.

use std::cmp::Ordering;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell as TableCell, Paragraph, Row, Table, TableState, Wrap};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use compact_str::CompactString;

use crate::domain::client::room_and_bed;
use crate::domain::names::{display_name, fold, fold_query};
use crate::domain::{BirthDate, ClientId, ClientRow, Origin, Sex, Stage, Status, regency};
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
    /// Exited residents the search matches that are hidden (`x` shows them).
    hidden_exited: usize,
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
            hidden_exited: 0,
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

    /// Which rows a search looks among: those the filters let through and, while exited
    /// residents are hidden only because `x` is off, those too, so that the search can
    /// say how many of them match (see `hidden_exited`).
    fn searched(&self) -> impl Fn(&(Status, Stage)) -> bool + use<> {
        let shows = self.filter();
        let widen = self.status_filter.is_none() && !self.show_exited;
        let stage = self.stage_filter;
        move |facets| {
            shows(facets)
                || (widen && facets.0 == Status::Exited && stage.is_none_or(|s| facets.1 == s))
        }
    }

    /// True when a filter is on: a status, a stage, or the exited shown (`c` clears them).
    pub fn filtered(&self) -> bool {
        self.status_filter.is_some() || self.stage_filter.is_some() || self.show_exited
    }

    /// Exited residents the search matches that are hidden; `x` shows them.
    pub fn hidden_exited(&self) -> usize {
        self.hidden_exited
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
        // Unknown ages and origins ("?") come last whichever way the sort goes.
        let unknown = |r: &ClientRow| match self.sort {
            SortBy::Age => r.birth.age_on(self.today).is_none(),
            SortBy::Origin => r.origin == Origin::Unknown,
            _ => false,
        };
        unknown(ra)
            .cmp(&unknown(rb))
            .then(by)
            .then_with(|| ra.reg_no.cmp(&rb.reg_no))
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
        let query = fold_query(self.search.value());
        let shows = self.filter();
        self.hidden_exited = 0;
        if !self.matcher.set_folded(&query) {
            self.searches.clear();
            let facets = &self.facets;
            self.view = self
                .order
                .iter()
                .copied()
                .filter(|&i| shows(&facets[i]))
                .collect();
            if self.view.is_empty() {
                // Nobody shown: say whether exited residents would be.
                let searched = self.searched();
                self.hidden_exited = facets.iter().filter(|f| searched(f) && !shows(f)).count();
            }
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
            // Best score first; among equal scores the sort order. The exited residents
            // matched only to be counted stay out of the view.
            let (_, matched) = self.searches.last().expect("just pushed");
            let mut score_of = vec![NO_MATCH; self.rows.len()];
            for &(i, score) in matched {
                score_of[i as usize] = score;
            }
            let facets = &self.facets;
            let mut hidden = 0;
            let in_order: Vec<(u32, usize)> = self
                .order
                .iter()
                .filter(|&&i| score_of[i] != NO_MATCH)
                .filter(|&&i| {
                    let show = shows(&facets[i]);
                    hidden += usize::from(!show);
                    show
                })
                .map(|&i| (score_of[i], i))
                .collect();
            self.hidden_exited = hidden;
            self.view = rank(&in_order);
        }
        self.selected = keep
            .and_then(|k| self.view.iter().position(|&i| i == k))
            .unwrap_or(0);
    }

    /// The rows searched (see [`Roster::searched`]) that match `query` (folded), with
    /// their scores: among the last search's matches when `query` only extends it, else
    /// among all rows.
    fn matches(&mut self, query: &str) -> Vec<(u32, u32)> {
        let keys = self.keys.as_ref().expect("made before searching");
        let shows = self.searched();
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
            Action::CycleStatusFilter | Action::CycleStatusFilterBack => {
                let choices: Vec<Status> = Status::ALL
                    .into_iter()
                    .filter(|s| self.show_exited || *s != Status::Exited)
                    .collect();
                let back = action == Action::CycleStatusFilterBack;
                self.status_filter = cycle(self.status_filter, &choices, back);
                self.refresh(kept);
            }
            Action::CycleStageFilter | Action::CycleStageFilterBack => {
                let back = action == Action::CycleStageFilterBack;
                self.stage_filter = cycle(self.stage_filter, &Stage::ALL, back);
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
        let columns = columns_for(table_area.width, lang);
        let widths: Vec<Constraint> = columns
            .cols
            .iter()
            .map(|&(_, w)| Constraint::Length(w))
            .collect();
        // The sorted column is marked in its header too: the arrow where it fits, and
        // underlined always.
        let arrow = if self.descending { "▼" } else { "▲" };
        let sorted = self.sort.label();
        let header = Row::new(columns.cols.iter().map(|&(c, w)| {
            let title = lang.t(c.title());
            if c.title() != sorted {
                return TableCell::from(title);
            }
            let marked = if width_of(title) < w {
                format!("{title}{arrow}")
            } else {
                title.to_string()
            };
            TableCell::from(marked).style(Style::default().add_modifier(Modifier::UNDERLINED))
        }))
        .style(theme.table_header);
        if self.view.is_empty() {
            // Worded from what is on: a search, filters, or both; or only exited match.
            let searched = !self.search.value().is_empty();
            let filters = self.status_filter.is_some() || self.stage_filter.is_some();
            let said = if self.rows.is_empty() {
                lang.t(Msg::RosterEmpty).to_string()
            } else if self.hidden_exited > 0 {
                let n = self.hidden_exited.to_string();
                lang.f(Msg::RosterOnlyExitedMatch, &[&n, self.exited_key()])
            } else {
                let msg = match (searched, filters || self.show_exited) {
                    (true, true) => Msg::RosterNoMatch,
                    (true, false) => Msg::RosterNoMatchSearch,
                    (false, _) => Msg::RosterNoMatchFilters,
                };
                lang.t(msg).to_string()
            };
            let [h, body] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(table_area);
            frame.render_widget(
                Paragraph::new(Line::from(said).style(theme.dim)).wrap(Wrap { trim: true }),
                body,
            );
            frame.render_widget(Table::new([header], widths).column_spacing(1), h);
            return;
        }
        let offset = self.scroll.place(page, self.selected, self.view.len());
        let end = (offset + page).min(self.view.len());
        let rows = self.view[offset..end].iter().map(|&i| {
            let row = &self.rows[i];
            Row::new(
                columns
                    .cols
                    .iter()
                    .map(|&(c, w)| c.cell(row, lang, self.today, w, &columns)),
            )
        });
        let table = Table::new(rows, widths)
            .header(header)
            .column_spacing(1)
            .row_highlight_style(theme.selected);
        let mut state = TableState::default().with_selected(Some(self.selected - offset));
        frame.render_stateful_widget(table, table_area, &mut state);
    }

    /// The key that shows exited residents now: `x`, or Ctrl-X while typing a search.
    fn exited_key(&self) -> &'static str {
        if self.searching { "Ctrl-X" } else { "x" }
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
            let width = width_of(prompt);
            // The field grows with the query (up to 30), leaving the rest of the line to
            // what the search found.
            let value = self.search.value();
            let field_width = if value.is_empty() {
                30
            } else {
                (width_of(value) + 2).clamp(12, 30)
            };
            let [p, field, rest] = Layout::horizontal([
                Constraint::Length(width),
                Constraint::Length(area.width.saturating_sub(width).min(field_width)),
                Constraint::Fill(1),
            ])
            .areas(area);
            frame.render_widget(Span::styled(prompt, theme.title), p);
            text_field::render(frame, field, &self.search, self.searching, theme);
            if value.is_empty() {
                let hint = format!(" {}", lang.t(Msg::RosterSearchHint));
                frame.render_widget(Paragraph::new(Span::styled(hint, theme.dim)), rest);
                return;
            }
            let mut spans = vec![Span::styled(format!(" {count}"), theme.dim)];
            if self.hidden_exited > 0 {
                // Exited residents match but are hidden: say so, and how to see them.
                let n = self.hidden_exited.to_string();
                let key = self.exited_key();
                let room = usize::from(rest.width).saturating_sub(count.chars().count() + 4);
                let notes = [
                    Msg::RosterExitedMatches,
                    Msg::RosterExitedMatchesShort,
                    Msg::RosterExitedMatchesTiny,
                ]
                .map(|m| lang.f(m, &[&n, key]));
                let fits = |note: &&String| Span::raw(note.as_str()).width() <= room;
                let [.., tiny] = &notes;
                let note = notes.iter().find(fits).unwrap_or(tiny).clone();
                spans.push(Span::styled(" · ", theme.dim));
                spans.push(Span::styled(note, theme.warning));
            }
            // Filters stay in sight while searching: a forgotten one looks like "no
            // such person".
            if self.status_filter.is_some() {
                spans.push(Span::styled(" · ", theme.dim));
                let words = lang.f(Msg::RosterFilterStatus, &[&status]);
                spans.push(Span::styled(words, theme.warning));
            }
            if self.stage_filter.is_some() {
                spans.push(Span::styled(" · ", theme.dim));
                spans.push(Span::styled(
                    lang.f(Msg::RosterFilterStage, &[stage]),
                    theme.warning,
                ));
            }
            frame.render_widget(Paragraph::new(Line::from(spans)), rest);
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

/// The filter after `current` (`None` is "all", before the first choice), or before it
/// with `back`; both ways round back to "all".
fn cycle<T: Copy + PartialEq>(current: Option<T>, choices: &[T], back: bool) -> Option<T> {
    let at = current.and_then(|c| choices.iter().position(|x| *x == c));
    let next = match (at, back) {
        (None, false) => Some(0),
        (None, true) => choices.len().checked_sub(1),
        (Some(i), false) => Some(i + 1),
        (Some(i), true) => i.checked_sub(1),
    };
    next.and_then(|i| choices.get(i)).copied()
}

/// Residents known only by a nickname sort among the others by that nickname; Muhammad
/// in any spelling sorts as the "M." it is shown as (`names::sort_key`).
pub fn sort_name(row: &ClientRow) -> CompactString {
    let name = if row.name.trim().is_empty() {
        &row.nickname
    } else {
        &row.name
    };
    crate::domain::names::sort_key(name).into()
}

/// An age to sort by; approximate ages by their value (unknown ones are put last by
/// [`Roster::compare`]).
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

/// The table at one width: each column with its width, and whether dates show the whole
/// year (`28 Nov 2026`) or its last two digits (`28 Nov 26`).
struct Columns {
    cols: Vec<(Column, u16)>,
    long_dates: bool,
    /// Stages by their whole names ("Intervensi", "Intervention") rather than short.
    long_stages: bool,
    /// Cities as "Kota Pasuruan" rather than "Kt Pasuruan".
    long_origins: bool,
}

/// The name is the column people read: what is left after the others is its, and the
/// wider forms and extra columns come only while it keeps at least this much.
const NAME_ROOM: i32 = 20;

/// The columns at `width`: at 80 the nine that matter, each as narrow as its longest
/// value in `lang` allows, the name getting the rest. Wider terminals first widen the
/// origin (whole regency names), then show the whole year, then add the masked NIK,
/// the nickname, whole stage names, the number of stays and "Kota" written out.
fn columns_for(width: u16, lang: Lang) -> Columns {
    use Column::*;
    let mut cols: Vec<(Column, u16)> = [RegNo, Name, Sex, Age, Origin, Admitted, Stage, Status]
        .into_iter()
        .chain([Room])
        .map(|c| (c, c.min_width(lang)))
        .collect();
    let name_room = |cols: &[(Column, u16)]| {
        let others: i32 = cols
            .iter()
            .filter(|(c, _)| *c != Name)
            .map(|&(_, w)| i32::from(w) + 1)
            .sum();
        i32::from(width) - others
    };
    let set = |cols: &mut Vec<(Column, u16)>, col: Column, w: u16| {
        if let Some(c) = cols.iter_mut().find(|c| c.0 == col) {
            c.1 = w;
        }
    };
    let mut wider = cols.clone();
    set(&mut wider, Origin, origin_width(lang));
    if name_room(&wider) >= NAME_ROOM {
        cols = wider;
    }
    let mut long_dates = false;
    let mut wider = cols.clone();
    set(&mut wider, Admitted, date_width(lang, true));
    if name_room(&wider) >= NAME_ROOM {
        cols = wider;
        long_dates = true;
    }
    let add = |cols: &mut Vec<(Column, u16)>, extra: Column, after: Option<Column>| {
        let mut wider = cols.clone();
        let at = after
            .and_then(|a| wider.iter().position(|c| c.0 == a))
            .map_or(wider.len(), |i| i + 1);
        wider.insert(at, (extra, extra.min_width(lang)));
        if name_room(&wider) >= NAME_ROOM {
            *cols = wider;
        }
    };
    add(&mut cols, Nik, Some(Name));
    add(&mut cols, Nickname, Some(Name));
    let mut long_stages = false;
    let mut wider = cols.clone();
    set(&mut wider, Stage, stage_width(lang));
    if name_room(&wider) >= NAME_ROOM {
        cols = wider;
        long_stages = true;
    }
    add(&mut cols, Stays, None);
    let mut long_origins = false;
    let mut wider = cols.clone();
    set(&mut wider, Origin, long_origin_width(lang));
    if long_dates && name_room(&wider) >= NAME_ROOM {
        cols = wider;
        long_origins = true;
    }
    let name = u16::try_from(name_room(&cols).max(0)).unwrap_or(0);
    set(&mut cols, Name, name);
    Columns {
        cols,
        long_dates,
        long_stages,
        long_origins,
    }
}

/// The widest whole stage name in `lang`.
fn stage_width(lang: Lang) -> u16 {
    widest(
        lang.t(Msg::ColStage),
        Stage::ALL.map(|s| text::stage(lang, s)),
    )
}

/// An origin for the table: `Pasuruan` for the regency, `Kt Pasuruan` for the city, or
/// `Kota Pasuruan` where there is room (`long`).
fn origin_text(lang: Lang, o: Origin, long: bool) -> String {
    match (o, long) {
        (Origin::Regency(code), true) => match regency::name(code) {
            Some(n) => n.strip_prefix("Kab. ").unwrap_or(n).to_string(),
            None => code.to_string(),
        },
        _ => text::origin_short(lang, o),
    }
}

/// The widest origin written out (`Kota Probolinggo`).
fn long_origin_width(lang: Lang) -> u16 {
    let names: Vec<String> = regency::EAST_JAVA
        .iter()
        .map(|&(code, _)| Origin::Regency(code))
        .chain([Origin::OutsideEastJava])
        .map(|o| origin_text(lang, o, true))
        .collect();
    widest(lang.t(Msg::ColOrigin), names.iter().map(String::as_str))
}

/// Columns `text` takes on screen.
fn width_of(text: &str) -> u16 {
    u16::try_from(Span::raw(text).width()).unwrap_or(u16::MAX)
}

/// The widest of `texts`, at least `title`.
fn widest<'a>(title: &str, texts: impl IntoIterator<Item = &'a str>) -> u16 {
    texts
        .into_iter()
        .map(width_of)
        .fold(width_of(title), u16::max)
}

/// Origins at 80 columns: most regencies whole, "Kt Probolinggo" cut.
const ORIGIN_NARROW: u16 = 11;

/// The widest origin in `lang`: every regency of East Java whole, and "outside".
fn origin_width(lang: Lang) -> u16 {
    let names: Vec<String> = regency::EAST_JAVA
        .iter()
        .map(|&(code, _)| Origin::Regency(code))
        .chain([Origin::OutsideEastJava])
        .map(|o| text::origin_short(lang, o))
        .collect();
    widest(lang.t(Msg::ColOrigin), names.iter().map(String::as_str))
}

/// The widest admission date in `lang` (a day of two digits).
fn date_width(lang: Lang, long: bool) -> u16 {
    let d = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
    widest(
        lang.t(Msg::ColAdmitted),
        [date_text(lang, d, long).as_str()],
    )
}

/// A date as every screen writes it (`1 Agu 2026`), or with the year's last two digits
/// (`1 Agu 26`) where a table has no room for more.
pub fn date_text(lang: Lang, d: NaiveDate, long: bool) -> String {
    let whole = text::date(lang, d);
    match whole.rsplit_once(' ') {
        Some((day_month, year)) if !long && year.len() == 4 => {
            format!("{day_month} {}", &year[2..])
        }
        _ => whole,
    }
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

    /// The narrowest the column is drawn in `lang`: its title and its usual values whole.
    fn min_width(self, lang: Lang) -> u16 {
        let title = lang.t(self.title());
        match self {
            Column::RegNo => widest(title, ["2026/0042"]),
            Column::Name => width_of(title),
            Column::Nickname => widest(title, []).max(12),
            Column::Nik => widest(title, ["3514••••••••0003"]),
            Column::Sex => widest(
                title,
                [Sex::Male, Sex::Female].map(|s| text::sex_short(lang, s)),
            ),
            Column::Age => widest(title, ["~45"]),
            Column::Origin => widest(title, []).max(ORIGIN_NARROW),
            Column::Admitted => date_width(lang, false),
            Column::Stage => widest(title, Stage::ALL.map(|s| text::stage_short(lang, s))),
            Column::Status => widest(title, Status::ALL.map(|s| text::status(lang, s))),
            Column::Room => widest(title, ["A1-10"]),
            Column::Stays => widest(title, ["9"]),
        }
    }

    /// The cell of `row`, fitted to `width` (a text cut short ends in "…").
    fn cell(
        self,
        row: &ClientRow,
        lang: Lang,
        today: NaiveDate,
        width: u16,
        columns: &Columns,
    ) -> TableCell<'static> {
        let long_dates = columns.long_dates;
        let width = usize::from(width);
        let s: String = match self {
            Column::RegNo => row.reg_no.to_string(),
            Column::Name if !row.name.trim().is_empty() => {
                return TableCell::from(fit_name(row.name.trim(), width));
            }
            Column::Name => display_name(&row.name, &row.nickname),
            Column::Nickname => row.nickname.to_string(),
            Column::Nik => row.nik.as_ref().map_or_else(|| "-".into(), |n| n.masked()),
            Column::Sex => text::sex_short(lang, row.sex).into(),
            Column::Age => age_text(row.birth, today),
            Column::Origin => origin_text(lang, row.origin, columns.long_origins),
            Column::Admitted => {
                let date = fit(&date_text(lang, row.admitted, long_dates), width);
                return TableCell::from(Line::from(date).alignment(Alignment::Right));
            }
            Column::Stage if columns.long_stages => text::stage(lang, row.stage).into(),
            Column::Stage => text::stage_short(lang, row.stage).into(),
            Column::Status => text::status(lang, row.status).into(),
            Column::Room => room_and_bed(&row.room, &row.bed),
            Column::Stays => row.stays.to_string(),
        };
        TableCell::from(fit(&s, width))
    }
}

/// `text` in `width` columns: whole if it fits, else cut and ended with "…".
pub fn fit(text: &str, width: usize) -> String {
    if Span::raw(text).width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let w = Span::raw(&*c.encode_utf8(&mut buf)).width();
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    let mut out = out.trim_end().to_string();
    if width > 0 {
        out.push('…');
    }
    out
}

/// A name in `width` columns: whole if it fits; else with its middle words as initials
/// ("Siti N. Rahayu") and a leading Muhammad as "M." ("M. Masykuri"), as such names are
/// commonly shortened, keeping the name a person is called by; else cut with "…".
pub fn fit_name(name: &str, width: usize) -> String {
    if Span::raw(name).width() <= width {
        return name.to_string();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut short: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    let last = words.len().saturating_sub(1);
    let muhammad = last > 0 && fold(words[0]) == fold("Muhammad");
    for i in (1..last).chain(muhammad.then_some(0)) {
        if let Some(first) = words[i].chars().next() {
            short[i] = format!("{first}.");
        }
        let shortened = short.join(" ");
        if Span::raw(&*shortened).width() <= width {
            return shortened;
        }
    }
    fit(name, width)
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

    /// How many exited residents match `query` (none for no query).
    fn exited_matches(rows: &[ClientRow], texts: &[String], query: &str) -> usize {
        let Some(mut search) = Search::new(query) else {
            return 0;
        };
        rows.iter()
            .zip(texts)
            .filter(|(r, t)| r.status == Status::Exited && search.score(t).is_some())
            .count()
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
            assert_eq!(
                roster.hidden_exited(),
                exited_matches(&rows, &texts, &typed),
                "exited matches after {typed:?}"
            );
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
    fn a_name_typed_in_an_old_spelling_finds_what_a_plain_scan_finds() {
        // Letters that fold with the next one (ch, kh, iy, oe) typed, deleted, retyped.
        types_like_a_plain_scan(
            "moch\x08\x08\x08\x08achmad riy\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08soek",
        );
    }

    #[test]
    fn long_names_shorten_as_people_write_them_then_end_in_an_ellipsis() {
        assert_eq!(fit_name("Muhamad Maskuri", 15), "Muhamad Maskuri");
        assert_eq!(fit_name("Muhammad Masykuri", 15), "M. Masykuri");
        assert_eq!(fit_name("Mochamad Syaifudin", 15), "M. Syaifudin");
        assert_eq!(fit_name("Muhammad Afandi Slamet", 15), "M. A. Slamet");
        assert_eq!(fit_name("Siti Nurhayati Rahayu", 15), "Siti N. Rahayu");
        // The name a person is called by is not shortened; the rest is cut.
        assert_eq!(fit_name("Bambang Abdullah", 15), "Bambang Abdull…");
        assert_eq!(fit("Kt Probolinggo", 11), "Kt Proboli…");
        assert_eq!(fit("Sidoarjo", 11), "Sidoarjo");
        assert_eq!(fit("Kt Batu Malang", 8), "Kt Batu…");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn dates_read_as_on_every_screen_with_a_short_year_where_narrow() {
        let d = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
        assert_eq!(date_text(Lang::Id, d, true), "1 Agu 2026");
        assert_eq!(date_text(Lang::Id, d, false), "1 Agu 26");
        assert_eq!(date_text(Lang::En, d, false), "1 Aug 26");
    }

    #[test]
    fn the_name_gets_the_spare_width_and_the_table_fits() {
        for lang in [Lang::Id, Lang::En] {
            for width in [80, 90, 100, 120, 140, 200] {
                let columns = columns_for(width, lang);
                let total: u16 = columns.cols.iter().map(|&(_, w)| w + 1).sum::<u16>() - 1;
                assert_eq!(total, width, "{lang:?} at {width}");
                let name = columns.cols.iter().find(|c| c.0 == Column::Name).unwrap().1;
                assert!(name >= 14, "{lang:?} at {width}: name {name}");
            }
        }
        let at = |w| columns_for(w, Lang::Id);
        let width_of_col = |c: &Columns, col| c.cols.iter().find(|x| x.0 == col).map(|x| x.1);
        assert_eq!(width_of_col(&at(80), Column::Origin), Some(11));
        // At 100 the origins are whole, "Kota" written out ("Kota Probolinggo").
        assert_eq!(width_of_col(&at(100), Column::Origin), Some(16));
        assert!(!at(80).long_dates && at(100).long_dates);
        assert!(!at(80).long_stages && !at(80).long_origins);
        assert_eq!(width_of_col(&at(100), Column::Nik), None);
        // At 120 the masked NIK and whole stage names, in both languages.
        for lang in [Lang::Id, Lang::En] {
            let c = columns_for(120, lang);
            assert!(width_of_col(&c, Column::Nik).is_some(), "{lang:?}");
            assert!(c.long_stages, "{lang:?}");
        }
    }

    #[test]
    fn filters_step_both_ways_round_to_all() {
        let choices = [1, 2, 3];
        assert_eq!(cycle(None, &choices, false), Some(1));
        assert_eq!(cycle(Some(3), &choices, false), None);
        assert_eq!(cycle(None, &choices, true), Some(3));
        assert_eq!(cycle(Some(2), &choices, true), Some(1));
        assert_eq!(cycle(Some(1), &choices, true), None);
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
