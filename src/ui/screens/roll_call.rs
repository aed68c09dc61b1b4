//! Apel: one shift's roll call. One key marks a row and moves to the next; Space/Enter
//! cycles the row's mark in place; residents on izin, sakit or dirujuk come pre-marked
//! from their status; typing a row number or part of a name jumps there. Every mark is
//! saved as it is made. The header says, by the clock at each draw, whether the roll call
//! is running, in its grace period for late marks, or closed.

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell as TableCell, Paragraph, Row, Table, TableState};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::domain::client::find_row;
use crate::domain::client::room_and_bed;
use crate::domain::names::{display_name, fold};
use crate::domain::roll_call::{Phase, Presence, RollCall, RollCallRow};
use crate::domain::shift::ShiftTimes;
use crate::domain::{ClientId, ClientRow, Status};
use crate::ui::action::Action;
use crate::ui::screens::roster::fit;
use crate::ui::search::{Keys, Search};
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::scroll::Scroll;
use crate::ui::widgets::text_field;

/// What the roll call asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum RollOutcome {
    None,
    /// Save this mark; with `advance` the selection then moves on, else it stays.
    Mark {
        client: ClientId,
        presence: Presence,
        advance: bool,
    },
    /// Kabur needs the time last seen and a note first.
    AskAbsconded(ClientId),
    /// "Back?" is asked of someone on izin: the app tells the screen until when
    /// ([`RollCallScreen::leave_until`]) so the question can say it.
    AskedReturn(ClientId),
    /// A note for this resident's mark: the one just marked, else the selected one.
    AskNote(ClientId),
    /// Ask which date and shift to open.
    GoTo,
    /// Mark these (the unmarked ones) hadir.
    AllPresent(Vec<ClientId>),
    /// Show the shift before or after this one.
    PrevShift,
    NextShift,
    Export,
}

/// A question waiting for y/n.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Question {
    /// A mark that would record a return: hadir for someone kabur, izin or dirujuk, or
    /// any mark for someone kabur.
    Return {
        client: ClientId,
        presence: Presence,
        /// Move on after the mark (a mark key), or stay on the row (Space/Enter).
        advance: bool,
        /// Where they are said to be: kabur, izin or dirujuk.
        away: Presence,
        /// The end of an izin, once the app has looked it up.
        until: Option<NaiveDate>,
    },
    /// `H`: mark these (the unmarked ones) hadir.
    AllPresent(Vec<ClientId>),
}

/// The roll call screen's state.
pub struct RollCallScreen {
    pub roll: RollCall,
    /// The facility's shift times, to tell at each draw where the roll call stands.
    shifts: ShiftTimes,
    /// Indices into `roll.rows` shown (all, or only the unmarked).
    view: Vec<usize>,
    /// What a name jump searches, per row of `roll.rows`: name, nickname, reg. no, folded.
    /// Made at the first jump, not for every roll call opened.
    keys: Option<Keys>,
    selected: usize,
    scroll: Scroll,
    pub unmarked_only: bool,
    /// Rows marked (made or implied), and how many of each presence, in the order of
    /// `Presence::ALL`: counted when the rows change, not on every frame.
    marked: usize,
    counts: [usize; Presence::ALL.len()],
    /// Row number typed so far (1-based, as shown in the No column).
    digits: String,
    /// The name being typed after `/`, while jumping.
    pub jump: Option<Input>,
    /// "Catat … sudah kembali? y/n" before a mark records a return, or "Tandai N …
    /// hadir? y/n" before `H`.
    question: Option<Question>,
    /// The resident marked by the last key, while no other key has been pressed: `c`
    /// then notes their mark even though the selection has moved on.
    just_marked: Option<ClientId>,
    /// The row being cycled in place: kept in the unmarked-only view although marked.
    pinned: Option<ClientId>,
}

impl RollCallScreen {
    pub fn new(roll: RollCall, shifts: ShiftTimes) -> RollCallScreen {
        let mut screen = RollCallScreen {
            roll,
            shifts,
            view: Vec::new(),
            keys: None,
            selected: 0,
            scroll: Scroll::default(),
            unmarked_only: false,
            marked: 0,
            counts: [0; Presence::ALL.len()],
            digits: String::new(),
            jump: None,
            question: None,
            just_marked: None,
            pinned: None,
        };
        screen.refresh(None);
        // Start on the first row still to be marked.
        let open = screen.roll.rows.iter().position(|r| r.presence().is_none());
        screen.selected = open.unwrap_or(0);
        screen
    }

    pub fn selected_row(&self) -> Option<&RollCallRow> {
        self.view.get(self.selected).map(|&i| &self.roll.rows[i])
    }

    /// Position in the view of the first row on screen at the last draw.
    pub fn offset(&self) -> usize {
        self.scroll.offset()
    }

    fn selected_id(&self) -> Option<ClientId> {
        self.selected_row().map(|r| r.client)
    }

    /// Where the roll call stands at `now`.
    pub fn phase(&self, now: NaiveDateTime) -> Phase {
        Phase::of(&self.shifts, self.roll.slot, now)
    }

    /// A new version of the same or another roll call; the selection stays on the same
    /// resident when they are still shown.
    pub fn set_roll(&mut self, roll: RollCall) {
        let keep = self.selected_id();
        self.roll = roll;
        self.keys = None;
        self.refresh(keep);
    }

    /// One saved row replaces its old version. With `advance` the selection moves on to
    /// the next row still to be marked (skipping rows a status or a colleague has marked),
    /// or to the next row when none is left below (as when correcting an ended roll call);
    /// without, it stays where it is, and a row cycled in place stays in view.
    pub fn saved(&mut self, row: RollCallRow, advance: bool) {
        let id = row.client;
        if let Some(i) = self.roll.rows.iter().position(|r| r.client == id) {
            self.roll.rows[i] = row;
        }
        self.just_marked = Some(id);
        if !advance {
            let selected = self.selected_id();
            if selected == Some(id) {
                self.pinned = Some(id);
            }
            self.refresh(selected);
            return;
        }
        let next = self
            .view
            .get(self.selected + 1)
            .map(|&i| self.roll.rows[i].client);
        // In the unmarked-only view the marked row leaves; the one after it takes its place.
        self.refresh(if self.unmarked_only { next } else { Some(id) });
        if !self.unmarked_only {
            let after = self.selected + 1;
            let open = self.view.get(after..).and_then(|below| {
                below
                    .iter()
                    .position(|&i| self.roll.rows[i].presence().is_none())
            });
            self.move_to(open.map_or(after, |p| after + p));
        }
    }

    fn refresh(&mut self, keep: Option<ClientId>) {
        self.counts = [0; Presence::ALL.len()];
        self.marked = 0;
        for p in self.roll.rows.iter().filter_map(RollCallRow::presence) {
            self.marked += 1;
            if let Some(i) = Presence::ALL.iter().position(|q| *q == p) {
                self.counts[i] += 1;
            }
        }
        let only = self.unmarked_only;
        let pinned = self.pinned;
        self.view = (0..self.roll.rows.len())
            .filter(|&i| {
                let r = &self.roll.rows[i];
                !only || r.presence().is_none() || pinned == Some(r.client)
            })
            .collect();
        self.selected = keep
            .and_then(|id| {
                self.view
                    .iter()
                    .position(|&i| self.roll.rows[i].client == id)
            })
            .unwrap_or(self.selected)
            .min(self.view.len().saturating_sub(1));
    }

    fn move_to(&mut self, index: usize) {
        self.selected = index.min(self.view.len().saturating_sub(1));
    }

    /// A digit typed: jumps to that row number (digits typed in a row build the number).
    pub fn digit(&mut self, d: u8) {
        self.digits.push(char::from(b'0' + d));
        let mut n: usize = self.digits.parse().unwrap_or(0);
        if n == 0 || n > self.roll.rows.len() {
            self.digits = char::from(b'0' + d).to_string();
            n = usize::from(d);
        }
        if n == 0 {
            self.digits.clear();
            return;
        }
        if self.unmarked_only {
            self.unmarked_only = false;
            self.refresh(None);
        }
        self.move_to(n - 1);
    }

    /// A key typed into the name jump: the selection follows the best match among the
    /// names in `residents` (the roster's rows, in id order).
    pub fn type_jump(&mut self, key: KeyEvent, residents: &[ClientRow]) {
        let Some(input) = &mut self.jump else { return };
        input.handle_event(&Event::Key(key));
        let Some(mut search) = Search::new(input.value()) else {
            return;
        };
        let keys = self
            .keys
            .get_or_insert_with(|| jump_keys(&self.roll, residents));
        let best = self
            .view
            .iter()
            .enumerate()
            .filter_map(|(pos, &i)| search.score_key(keys, i).map(|s| (s, pos)))
            .max_by_key(|(s, pos)| (*s, std::cmp::Reverse(*pos)));
        if let Some((_, pos)) = best {
            self.selected = pos;
        }
    }

    /// True while a question waits for y/n (Esc then only cancels it).
    pub fn asking(&self) -> bool {
        self.question.is_some()
    }

    /// The date the izin of the resident being asked about ends, for the question.
    pub fn leave_until(&mut self, client: ClientId, date: NaiveDate) {
        if let Some(Question::Return {
            client: asked,
            until,
            ..
        }) = &mut self.question
            && *asked == client
        {
            *until = Some(date);
        }
    }

    pub fn apply(&mut self, action: Action) -> RollOutcome {
        if !matches!(action, Action::Digit(_)) {
            self.digits.clear();
        }
        // Only the very next key may note the mark just made.
        let just_marked = self.just_marked.take();
        if action != Action::CycleMark {
            self.pinned = None;
        }
        // A pending question takes the next key: y goes ahead, anything else cancels.
        if let Some(question) = self.question.take() {
            return match (action, question) {
                (
                    Action::Yes,
                    Question::Return {
                        client,
                        presence,
                        advance,
                        ..
                    },
                ) => RollOutcome::Mark {
                    client,
                    presence,
                    advance,
                },
                (Action::Yes, Question::AllPresent(clients)) => RollOutcome::AllPresent(clients),
                _ => RollOutcome::None,
            };
        }
        if let Some(to) = self.scroll.step(&action, self.selected, self.view.len()) {
            self.selected = to;
            return RollOutcome::None;
        }
        let id = self.selected_id();
        match action {
            Action::Digit(d) => self.digit(d),
            // A name jump always starts afresh: a row number half typed is dropped.
            Action::Search => {
                self.digits.clear();
                self.jump = Some(Input::default());
            }
            Action::SearchDone | Action::SearchClear => self.jump = None,
            Action::MarkPresent => return self.present(true),
            Action::MarkLeave => return self.mark(Presence::Leave, true),
            Action::MarkSick => return self.mark(Presence::Sick, true),
            Action::MarkReferred => return self.mark(Presence::Referred, true),
            Action::MarkAbsconded => {
                return id.map_or(RollOutcome::None, RollOutcome::AskAbsconded);
            }
            Action::CycleMark => {
                let Some(row) = self.selected_row() else {
                    return RollOutcome::None;
                };
                let (client, next) = (
                    row.client,
                    row.presence().map_or(Presence::Present, Presence::next),
                );
                if next == Presence::Present {
                    return self.present(false);
                }
                self.pinned = Some(client);
                return RollOutcome::Mark {
                    client,
                    presence: next,
                    advance: false,
                };
            }
            Action::AllPresent => {
                let unmarked: Vec<ClientId> = self
                    .roll
                    .rows
                    .iter()
                    .filter(|r| r.presence().is_none())
                    .map(|r| r.client)
                    .collect();
                // One slip must not mark fifty rows: ask first.
                if !unmarked.is_empty() {
                    self.question = Some(Question::AllPresent(unmarked));
                }
            }
            Action::ToggleUnmarked => self.toggle_unmarked(),
            Action::Note => {
                return just_marked
                    .or(id)
                    .map_or(RollOutcome::None, RollOutcome::AskNote);
            }
            Action::AskRange => return RollOutcome::GoTo,
            Action::PrevShift => return RollOutcome::PrevShift,
            Action::NextShift => return RollOutcome::NextShift,
            Action::Export => return RollOutcome::Export,
            _ => {}
        }
        RollOutcome::None
    }

    /// `u`: only the unmarked rows, or all again. Switching on from a marked row lands
    /// on the first unmarked row at or after it (else the last one before it).
    fn toggle_unmarked(&mut self) {
        let at = self.view.get(self.selected).copied().unwrap_or(0);
        self.unmarked_only = !self.unmarked_only;
        self.refresh(None);
        let pos = self
            .view
            .iter()
            .position(|&i| i >= at)
            .unwrap_or(self.view.len().saturating_sub(1));
        self.move_to(pos);
    }

    /// Whether the selected row's resident is kabur, or away on izin or dirujuk (and not
    /// already marked hadir), by the roll call's own record.
    fn away(row: &RollCallRow) -> Option<Presence> {
        if row.presence() == Some(Presence::Absconded) || row.implied == Some(Presence::Absconded) {
            return Some(Presence::Absconded);
        }
        let back = row
            .mark
            .as_ref()
            .is_some_and(|m| m.presence == Presence::Present);
        match row.implied {
            Some(p @ (Presence::Leave | Presence::Referred)) if !back => Some(p),
            _ => None,
        }
    }

    /// Izin, sakit or dirujuk for the selected row; for someone kabur that means they
    /// are back, so it asks first (y/n), as hadir does.
    fn mark(&mut self, presence: Presence, advance: bool) -> RollOutcome {
        let Some(row) = self.selected_row() else {
            return RollOutcome::None;
        };
        let client = row.client;
        if Self::away(row) == Some(Presence::Absconded) {
            return self.ask_return(client, presence, advance, Presence::Absconded);
        }
        RollOutcome::Mark {
            client,
            presence,
            advance,
        }
    }

    /// A hadir mark for the selected row. A mark that would record a return asks first
    /// (y/n): for someone kabur, izin or dirujuk, so no key ends a leave by the way.
    fn present(&mut self, advance: bool) -> RollOutcome {
        let Some(row) = self.selected_row() else {
            return RollOutcome::None;
        };
        let client = row.client;
        let away = Self::away(row);
        if !advance {
            self.pinned = Some(client);
        }
        match away {
            Some(away) => self.ask_return(client, Presence::Present, advance, away),
            None => RollOutcome::Mark {
                client,
                presence: Presence::Present,
                advance,
            },
        }
    }

    fn ask_return(
        &mut self,
        client: ClientId,
        presence: Presence,
        advance: bool,
        away: Presence,
    ) -> RollOutcome {
        self.question = Some(Question::Return {
            client,
            presence,
            advance,
            away,
            until: None,
        });
        if away == Presence::Leave {
            RollOutcome::AskedReturn(client)
        } else {
            RollOutcome::None
        }
    }

    /// Draws the roll call at `now`; names and rooms come from `residents` (in id order).
    #[allow(clippy::too_many_arguments)]
    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        residents: &[ClientRow],
        now: NaiveDateTime,
        lang: Lang,
        theme: &Theme,
        names: &crate::ui::staff_names::StaffNames,
    ) {
        // Title and state share the first line when they fit; the state gets its own
        // line otherwise (a long "ended, open until" in a narrow terminal).
        let mut title = self.title_line(lang, theme);
        let mut state = self.state_line(now, lang, theme);
        let modes = self.mode_spans(lang, theme);
        let modes_width: usize = modes.iter().map(Span::width).sum();
        let width = area.width as usize;
        let one_line = title.width() + 3 + state.width() + modes_width <= width;
        // On two lines the modes follow the state, or the title when the state is long
        // ("closed: 55 unmarked…").
        if one_line || state.width() + modes_width <= width {
            state.spans.extend(modes);
        } else {
            title.spans.extend(modes);
        }
        let head_lines = if one_line { 1 } else { 2 };
        let [head, counts, table] = Layout::vertical([
            Constraint::Length(head_lines),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let head_text = if one_line {
            title.spans.push(Span::styled(" · ", theme.dim));
            title.spans.extend(state.spans);
            vec![title]
        } else {
            vec![title, state]
        };
        frame.render_widget(Paragraph::new(head_text), head);
        self.render_counts(frame, counts, residents, lang, theme);
        let page = table.height.saturating_sub(1) as usize;
        let header = Row::new([
            lang.t(Msg::RollColNo),
            lang.t(Msg::ColRoom),
            lang.t(Msg::ColName),
            lang.t(Msg::ColStatus),
            lang.t(Msg::RollColMark),
            lang.t(Msg::RollColNote),
            lang.t(Msg::RollColBy),
        ])
        .style(theme.table_header);
        // Keep the selection on screen; the view only moves when it must, and then jumps.
        let offset = self.scroll.place(page, self.selected, self.view.len());
        let end = (offset + page).min(self.view.len());
        let widths = column_widths(
            table.width,
            self.view[offset..end].iter().map(|&i| {
                find_row(residents, self.roll.rows[i].client)
                    .map_or(0, |c| display_name(&c.name, &c.nickname).chars().count())
            }),
            lang,
        );
        let note_width = widths[5];
        let rows = self.view[offset..end].iter().map(|&i| {
            let r = &self.roll.rows[i];
            let c = find_row(residents, r.client);
            let (mark, style) = match (&r.mark, r.implied) {
                (Some(m), _) => (
                    text::presence(lang, m.presence).to_string(),
                    presence_style(m.presence, theme),
                ),
                (None, Some(p)) => (
                    format!("{} {}", text::presence(lang, p), lang.t(Msg::RollImplied)),
                    theme.dim,
                ),
                (None, None) => ("—".to_string(), theme.dim),
            };
            Row::new([
                TableCell::from(format!("{:>3}", i + 1)),
                TableCell::from(c.map_or_else(String::new, |c| room_and_bed(&c.room, &c.bed))),
                TableCell::from(c.map_or_else(String::new, |c| display_name(&c.name, &c.nickname))),
                // The status on the roll call's date: a past roll call shows it as it was.
                TableCell::from(
                    r.status
                        .or(c.map(|c| c.status))
                        .map_or("", |s| text::status(lang, s)),
                ),
                TableCell::from(Span::styled(mark, style)),
                TableCell::from(fit(
                    r.mark.as_ref().map_or("", |m| m.note.as_str()),
                    usize::from(note_width),
                )),
                // Who marked, by name, as much of it as the column holds.
                TableCell::from(
                    r.mark
                        .as_ref()
                        .map_or_else(String::new, |m| names.short(&m.by, usize::from(widths[6]))),
                ),
            ])
        });
        let widget = Table::new(rows, widths.map(Constraint::Length))
            .header(header)
            .column_spacing(1)
            .row_highlight_style(theme.selected);
        let selected = (!self.view.is_empty()).then(|| self.selected - offset);
        frame.render_stateful_widget(
            widget,
            table,
            &mut TableState::default().with_selected(selected),
        );
    }

    fn title_line(&self, lang: Lang, theme: &Theme) -> Line<'static> {
        let slot = self.roll.slot;
        let title = lang.f(
            Msg::RollTitle,
            &[
                text::shift(lang, slot.shift),
                &text::date_with_day(lang, slot.date),
            ],
        );
        let progress = lang.f(
            Msg::RollProgress,
            &[&self.marked.to_string(), &self.roll.rows.len().to_string()],
        );
        Line::from(vec![
            Span::styled(title, theme.title),
            Span::styled(" · ", theme.dim),
            Span::raw(progress),
        ])
    }

    /// Where the roll call stands by the clock.
    fn state_line(&self, now: NaiveDateTime, lang: Lang, theme: &Theme) -> Line<'static> {
        let (state, style) = match self.phase(now) {
            Phase::NotStarted => (lang.t(Msg::RollNotStarted).to_string(), theme.dim),
            Phase::Running => (lang.t(Msg::RollRunning).to_string(), theme.ok),
            Phase::Grace { ended, until } => (
                lang.f(
                    Msg::RollGrace,
                    &[
                        &ended.format("%H:%M").to_string(),
                        &until.format("%H:%M").to_string(),
                    ],
                ),
                theme.warning,
            ),
            // Closed with rows nobody marked says how many; all marked, it is finished.
            Phase::Closed => {
                let unmarked = self.roll.rows.len() - self.marked;
                let state = if unmarked > 0 {
                    lang.f(Msg::RollClosedUnmarked, &[&unmarked.to_string()])
                } else {
                    lang.t(Msg::RollClosed).to_string()
                };
                (state, theme.warning)
            }
        };
        Line::from(Span::styled(state, style))
    }

    /// The view's modes (unmarked only, a row number being typed), each after " · ".
    fn mode_spans(&self, lang: Lang, theme: &Theme) -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        if self.unmarked_only {
            spans.push(Span::styled(" · ", theme.dim));
            spans.push(Span::styled(lang.t(Msg::RollUnmarkedOnly), theme.title));
        }
        if !self.digits.is_empty() {
            spans.push(Span::styled(" · ", theme.dim));
            spans.push(Span::styled(
                lang.f(Msg::RollRow, &[&self.digits]),
                theme.title,
            ));
        }
        spans
    }

    /// How many of each mark; or the name being typed after `/`; or the "back?" question.
    fn render_counts(
        &self,
        frame: &mut Frame,
        area: Rect,
        residents: &[ClientRow],
        lang: Lang,
        theme: &Theme,
    ) {
        if let Some(question) = &self.question {
            let name = |client| {
                find_row(residents, client)
                    .map(|c| display_name(&c.name, &c.nickname))
                    .unwrap_or_default()
            };
            let question = match question {
                Question::Return {
                    client,
                    away: Presence::Absconded,
                    ..
                } => lang.f(Msg::RollConfirmReturn, &[&name(*client)]),
                Question::Return {
                    client,
                    until: Some(until),
                    ..
                } => lang.f(
                    Msg::RollConfirmLeaveUntil,
                    &[&name(*client), &text::date(lang, *until)],
                ),
                Question::Return { client, away, .. } => lang.f(
                    Msg::RollConfirmAway,
                    &[&name(*client), text::presence(lang, *away)],
                ),
                Question::AllPresent(clients) => {
                    lang.f(Msg::RollConfirmAllPresent, &[&clients.len().to_string()])
                }
            };
            frame.render_widget(Paragraph::new(question).style(theme.title), area);
            return;
        }
        if let Some(input) = &self.jump {
            let prompt = lang.t(Msg::RollJump);
            let w = prompt.chars().count() as u16;
            let [p, field] =
                Layout::horizontal([Constraint::Length(w), Constraint::Fill(1)]).areas(area);
            frame.render_widget(Span::styled(prompt, theme.title), p);
            text_field::render(frame, field, input, true, theme);
            return;
        }
        // Whole items only: one that would be cut at the edge is left off instead.
        let unmarked = self.roll.rows.len() - self.marked;
        let mut items: Vec<(String, Style)> = Presence::ALL
            .into_iter()
            .zip(self.counts)
            .map(|(p, count)| (format!("{} {count}", text::presence(lang, p)), Style::new()))
            .collect();
        items.push((
            format!("{} {unmarked}", lang.t(Msg::TodayUnmarked)),
            theme.warning,
        ));
        let mut spans = Vec::new();
        let mut used = 0;
        for (item, style) in items {
            let sep = if spans.is_empty() { 0 } else { 3 };
            let w = item.chars().count() + sep;
            if used + w > area.width as usize {
                continue;
            }
            used += w;
            if sep > 0 {
                spans.push(Span::styled(" · ", theme.dim));
            }
            spans.push(Span::styled(item, style));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }
}

/// The widths of the columns No, Kamar, Nama, Status, Tanda, Catatan, Oleh in a table
/// `width` wide, given the widths of the names on screen: Status and Tanda fit their
/// longest text in this language; the name gets what its longest needs (at most two
/// thirds of what the name and the note share) and the note all the rest.
fn column_widths(width: u16, names: impl Iterator<Item = usize>, lang: Lang) -> [u16; 7] {
    let longest =
        |texts: &mut dyn Iterator<Item = &str>| texts.map(|t| t.chars().count()).max().unwrap_or(0);
    let status_width = longest(&mut Status::ALL.iter().map(|s| text::status(lang, *s)))
        .max(lang.t(Msg::ColStatus).chars().count());
    // Wide enough for the longest mark with its "(status)" hint.
    let mark_width = longest(&mut Presence::ALL.iter().map(|p| text::presence(lang, *p)))
        + 1
        + lang.t(Msg::RollImplied).chars().count();
    let fixed = [3, 5, status_width, mark_width, 8];
    let shared = (width as usize).saturating_sub(fixed.iter().sum::<usize>() + 6);
    let header = lang.t(Msg::ColName).chars().count();
    let name = names.max().unwrap_or(0).max(header).min(shared * 2 / 3);
    let note = shared - name;
    let w = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    [3, 5, w(name), w(status_width), w(mark_width), w(note), 8]
}

/// The folded text a name jump looks for in each row: name, nickname, reg. no.
fn jump_keys(roll: &RollCall, residents: &[ClientRow]) -> Keys {
    let mut keys = Keys::default();
    for row in &roll.rows {
        let key = find_row(residents, row.client)
            .map(|c| fold(&format!("{} {} {}", c.name, c.nickname, c.reg_no)));
        keys.push(&key.unwrap_or_default());
    }
    keys
}

/// Marks that need attention stand out; hadir stays plain.
fn presence_style(p: Presence, theme: &Theme) -> Style {
    match p {
        Presence::Present => Style::new(),
        Presence::Absconded => theme.error,
        Presence::Leave | Presence::Sick | Presence::Referred => theme.warning,
    }
}
