//! Apel: one shift's roll call. One key marks a row and moves to the next; residents on
//! izin, sakit or dirujuk come pre-marked from their status; typing a row number or part
//! of a name jumps there. Every mark is saved as it is made.

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell as TableCell, Paragraph, Row, Table, TableState};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::domain::client::find_row;
use crate::domain::names::{display_name, fold};
use crate::domain::roll_call::{Presence, RollCall, RollCallRow};
use crate::domain::{ClientId, ClientRow};
use crate::ui::action::Action;
use crate::ui::screens::roster::room_text;
use crate::ui::search::{Keys, Search};
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::scroll::Scroll;
use crate::ui::widgets::text_field;

/// What the roll call asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum RollOutcome {
    None,
    /// Save this mark (then the selection moves on).
    Mark(ClientId, Presence),
    /// Kabur needs the time last seen and a note first.
    AskAbsconded(ClientId),
    /// A note for the selected resident's mark.
    AskNote(ClientId),
    /// Mark these (the unmarked ones) hadir.
    AllPresent(Vec<ClientId>),
    /// Show the shift before or after this one.
    PrevShift,
    NextShift,
    Export,
}

/// The roll call screen's state.
pub struct RollCallScreen {
    pub roll: RollCall,
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
}

impl RollCallScreen {
    pub fn new(roll: RollCall) -> RollCallScreen {
        let mut screen = RollCallScreen {
            roll,
            view: Vec::new(),
            keys: None,
            selected: 0,
            scroll: Scroll::default(),
            unmarked_only: false,
            marked: 0,
            counts: [0; Presence::ALL.len()],
            digits: String::new(),
            jump: None,
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

    /// A new version of the same or another roll call; the selection stays on the same
    /// resident when they are still shown.
    pub fn set_roll(&mut self, roll: RollCall) {
        let keep = self.selected_id();
        self.roll = roll;
        self.keys = None;
        self.refresh(keep);
    }

    /// One saved row replaces its old version; the selection moves on to the next row
    /// still to be marked (skipping rows a status or a colleague has marked), or to the
    /// next row when none is left below (as when correcting an ended roll call).
    pub fn saved(&mut self, row: RollCallRow) {
        let id = row.client;
        if let Some(i) = self.roll.rows.iter().position(|r| r.client == id) {
            self.roll.rows[i] = row;
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
        self.view = (0..self.roll.rows.len())
            .filter(|&i| !only || self.roll.rows[i].presence().is_none())
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

    pub fn apply(&mut self, action: Action) -> RollOutcome {
        if !matches!(action, Action::Digit(_)) {
            self.digits.clear();
        }
        if let Some(to) = self.scroll.step(&action, self.selected, self.view.len()) {
            self.selected = to;
            return RollOutcome::None;
        }
        let id = self.selected_id();
        let mark = |p: Presence| id.map_or(RollOutcome::None, |id| RollOutcome::Mark(id, p));
        match action {
            Action::Digit(d) => self.digit(d),
            Action::Search => self.jump = Some(Input::default()),
            Action::SearchDone | Action::SearchClear => self.jump = None,
            Action::MarkPresent => return mark(Presence::Present),
            Action::MarkLeave => return mark(Presence::Leave),
            Action::MarkSick => return mark(Presence::Sick),
            Action::MarkReferred => return mark(Presence::Referred),
            Action::MarkAbsconded => {
                return id.map_or(RollOutcome::None, RollOutcome::AskAbsconded);
            }
            Action::CycleMark => {
                let next = match self.selected_row().and_then(RollCallRow::presence) {
                    None => Presence::Present,
                    Some(p) => p.next(),
                };
                return match next {
                    Presence::Absconded => id.map_or(RollOutcome::None, RollOutcome::AskAbsconded),
                    p => mark(p),
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
                if !unmarked.is_empty() {
                    return RollOutcome::AllPresent(unmarked);
                }
            }
            Action::ToggleUnmarked => {
                self.unmarked_only = !self.unmarked_only;
                self.refresh(id);
            }
            Action::Note => return id.map_or(RollOutcome::None, RollOutcome::AskNote),
            Action::PrevShift => return RollOutcome::PrevShift,
            Action::NextShift => return RollOutcome::NextShift,
            Action::Export => return RollOutcome::Export,
            _ => {}
        }
        RollOutcome::None
    }

    /// Draws the roll call; names and rooms come from `residents` (in id order).
    pub fn render(
        &self,
        frame: &mut Frame,
        area: Rect,
        residents: &[ClientRow],
        lang: Lang,
        theme: &Theme,
    ) {
        let [title, counts, table] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        self.render_title(frame, title, lang, theme);
        self.render_counts(frame, counts, lang, theme);
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
                TableCell::from(c.map_or_else(String::new, |c| room_text(&c.room, &c.bed))),
                TableCell::from(c.map_or_else(String::new, |c| display_name(&c.name, &c.nickname))),
                TableCell::from(c.map_or("", |c| text::status(lang, c.status))),
                TableCell::from(Span::styled(mark, style)),
                TableCell::from(r.mark.as_ref().map_or("", |m| m.note.as_str()).to_string()),
                TableCell::from(r.mark.as_ref().map_or("", |m| m.by.as_str()).to_string()),
            ])
        });
        let widths = [
            Constraint::Length(3),
            Constraint::Length(5),
            Constraint::Fill(3),
            Constraint::Length(8),
            Constraint::Length(14),
            Constraint::Fill(2),
            Constraint::Length(8),
        ];
        let widget = Table::new(rows, widths)
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

    fn render_title(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
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
        let mut spans = vec![
            Span::styled(title, theme.title),
            Span::styled(" · ", theme.dim),
            Span::raw(progress),
        ];
        if self.roll.closed {
            spans.push(Span::styled(" · ", theme.dim));
            spans.push(Span::styled(lang.t(Msg::RollClosed), theme.warning));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn render_counts(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        if let Some(input) = &self.jump {
            let prompt = lang.t(Msg::RollJump);
            let w = prompt.chars().count() as u16;
            let [p, field] =
                Layout::horizontal([Constraint::Length(w), Constraint::Fill(1)]).areas(area);
            frame.render_widget(Span::styled(prompt, theme.title), p);
            text_field::render(frame, field, input, true, theme);
            return;
        }
        let mut spans = Vec::new();
        for (p, count) in Presence::ALL.into_iter().zip(self.counts) {
            spans.push(Span::raw(format!("{} {count}", text::presence(lang, p))));
            spans.push(Span::styled(" · ", theme.dim));
        }
        let unmarked = self.roll.rows.len() - self.marked;
        spans.push(Span::styled(
            format!("{} {unmarked}", lang.t(Msg::TodayUnmarked)),
            theme.warning,
        ));
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
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }
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
