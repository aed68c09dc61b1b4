//! Earlier handover notes, newest first, each headed by the shift it belongs to (date and
//! shift) with its author and when it was written. ↑↓ move a note, PgUp/PgDn a day,
//! Home/End to the newest or oldest; moving past the last loaded note loads older ones.

use crate::ui::widgets::popup::popup_block;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::domain::handover::HandoverNote;
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;

/// Fetches notes older than a note id (`None`: the newest), at most `limit` (0: all).
pub type Older<'a> = dyn FnMut(Option<u64>, u32) -> Vec<HandoverNote> + 'a;

/// The notes loaded so far and the scroll position (in notes).
pub struct HandoverList {
    pub notes: Vec<HandoverNote>,
    /// The note at the top of the view.
    pub first: usize,
    /// False once the server returned fewer than asked: nothing older.
    pub more: bool,
}

impl HandoverList {
    /// One note newer.
    pub fn up(&mut self) {
        self.first = self.first.saturating_sub(1);
    }

    /// One note older, loading the next page when at the last one loaded.
    pub fn down(&mut self, older: &mut Older<'_>, page: u32) {
        if self.first + 1 >= self.notes.len() {
            self.load(older, page);
        }
        self.first = (self.first + 1).min(self.notes.len().saturating_sub(1));
    }

    /// To the first note of the day before (by the shift's date), loading as needed.
    pub fn older_day(&mut self, older: &mut Older<'_>, page: u32) {
        let Some(day) = self.notes.get(self.first).map(|n| n.slot.date) else {
            return;
        };
        loop {
            if let Some(i) = self.notes[self.first..]
                .iter()
                .position(|n| n.slot.date < day)
            {
                self.first += i;
                return;
            }
            if !self.more || !self.load(older, page) {
                // Nothing older: the day's notes are the last.
                return;
            }
        }
    }

    /// To the first note of this day, or if already there, of the day after.
    pub fn newer_day(&mut self) {
        let Some(day) = self.notes.get(self.first).map(|n| n.slot.date) else {
            return;
        };
        let start = |list: &HandoverList, day| {
            list.notes
                .iter()
                .position(|n| n.slot.date == day)
                .unwrap_or(0)
        };
        let top = start(self, day);
        if top < self.first {
            self.first = top;
            return;
        }
        if let Some(newer) = self.notes[..self.first]
            .iter()
            .rev()
            .map(|n| n.slot.date)
            .find(|d| *d > day)
        {
            self.first = start(self, newer);
        }
    }

    /// To the oldest note, loading every one not yet loaded.
    pub fn oldest(&mut self, older: &mut Older<'_>) {
        if self.more {
            self.load(older, 0);
        }
        self.first = self.notes.len().saturating_sub(1);
    }

    /// Loads the notes older than the last one loaded; false if there were none.
    fn load(&mut self, older: &mut Older<'_>, limit: u32) -> bool {
        if !self.more {
            return false;
        }
        let before = self.notes.last().map(|n| n.id);
        let got = older(before, limit);
        self.more = limit != 0 && got.len() == limit as usize;
        let any = !got.is_empty();
        self.notes.extend(got);
        any
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let mut lines = Vec::new();
        for n in self.notes.iter().skip(self.first) {
            let head = lang.f(
                Msg::HandoverNoteHead,
                &[
                    text::shift(lang, n.slot.shift),
                    &text::date_with_day(lang, n.slot.date),
                ],
            );
            let by = lang.f(
                Msg::HandoverWritten,
                &[&n.by_name, &text::date_time(lang, n.at)],
            );
            lines.push(Line::styled(head, theme.title));
            lines.push(Line::styled(by, theme.dim));
            lines.extend(n.text.lines().map(|l| Line::raw(l.to_string())));
            lines.push(Line::raw(""));
        }
        let count = format!("{}{}", self.notes.len(), if self.more { "+" } else { "" });
        let position = lang.f(
            Msg::HandoverListPos,
            &[&(self.first + 1).min(self.notes.len()).to_string(), &count],
        );
        let title = format!("{} · {position}", lang.t(Msg::HandoverListTitle));
        let block = popup_block(title, theme);
        frame.render_widget(Clear, area);
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            area,
        );
    }
}
