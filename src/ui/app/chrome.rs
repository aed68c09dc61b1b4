//! Drawing the frame around the screens: header, tabs, notice line, footer, popups, and
//! the "enlarge the window" message.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{App, MIN_HEIGHT, MIN_WIDTH, Screen};
use crate::ui::action::Action;
use crate::ui::keymap;
use crate::ui::popups::Popup;
use crate::ui::text::{self, Msg};

impl App {
    /// Draws everything. Never panics, whatever the size.
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            self.render_too_small(frame, area);
            return;
        }
        let [header, tabs, body, notice, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        self.render_header(frame, header);
        self.render_tabs(frame, tabs);
        let today = self.today();
        match &self.screen {
            Screen::Setup(s) => s.render(frame, body, self.lang, &self.theme),
            Screen::NoAccount => self.render_no_account(frame, body),
            Screen::Roster => self.roster.render(frame, body, self.lang, &self.theme),
            Screen::Detail(d) => d.render(frame, body, self.lang, today, &self.theme, &self.names),
            Screen::Staff(s) => s.render(frame, body, self.lang, &self.theme),
            Screen::Today(t) => {
                let rows = |id| self.roster.rows().iter().find(|r| r.id == id).cloned();
                let head = self.role() == Some(crate::domain::Role::Head);
                t.render(frame, body, self.lang, &self.theme, &rows, head)
            }
            Screen::RollCall(r) => r.render(
                frame,
                body,
                self.roster.rows(),
                self.clock.now(),
                self.lang,
                &self.theme,
                &self.names,
            ),
            Screen::Audit(a) => {
                let label = |r: &crate::domain::audit::RecordRef| self.record_label(r);
                a.render(frame, body, self.lang, &self.theme, &self.names, &label)
            }
        }
        for (i, popup) in self.popups.iter().enumerate() {
            let active = i + 1 == self.popups.len();
            let (lang, theme) = (self.lang, &self.theme);
            match popup {
                Popup::ClientForm(f) => f.render(frame, body, theme, active),
                Popup::StatusForm(f) => {
                    f.render(frame, centered(body, 72, f.height()), theme, active)
                }
                Popup::StaffForm(f) => f.render(frame, centered(body, 64, 10), theme, active),
                Popup::DateRange(f) => f.render(frame, centered(body, 50, 4), theme),
                Popup::MarkForm(f) => f.render(
                    frame,
                    centered(body, 66, f.height(body.width.min(66))),
                    theme,
                    active,
                ),
                Popup::ExportForm(f) => f.render(
                    frame,
                    centered(body, 76, f.height(body.width.min(76))),
                    theme,
                    active,
                ),
                Popup::ShiftTimesForm(f) => f.render(frame, centered(body, 76, 6), theme, active),
                Popup::HandoverEditor(e) => e.render(frame, centered(body, 76, body.height), theme),
                Popup::HandoverList(l) => {
                    l.render(frame, centered(body, 76, body.height), lang, theme)
                }
                Popup::People(p) => {
                    p.render(frame, centered(body, 64, body.height), lang, today, theme)
                }
                Popup::Duplicates(d) => d.render(frame, body, lang, today, theme),
                Popup::Confirm(c) => c.render(frame, body, lang, theme),
                Popup::Help(h) => h.render(frame, centered(body, 78, body.height), lang, theme),
            }
        }
        // The last thing that happened; while offline, that the server is away.
        // "Your input is safe" only when there is input.
        let input_open = matches!(self.screen, Screen::Setup(_))
            || self.popups.iter().any(|p| {
                matches!(
                    p,
                    Popup::ClientForm(_)
                        | Popup::StatusForm(_)
                        | Popup::StaffForm(_)
                        | Popup::MarkForm(_)
                        | Popup::ShiftTimesForm(_)
                        | Popup::HandoverEditor(_)
                )
            });
        let offline_msg = if input_open {
            Msg::Offline
        } else {
            Msg::OfflineNoInput
        };
        let offline = self
            .offline
            .as_ref()
            .map(|why| self.lang.f(offline_msg, &[why]));
        match (&self.notice, offline) {
            (Some(n), _) => {
                let style = if n.error {
                    self.theme.error
                } else {
                    self.theme.ok
                };
                frame.render_widget(Paragraph::new(n.text.as_str()).style(style), notice);
            }
            (None, Some(text)) => {
                frame.render_widget(Paragraph::new(text).style(self.theme.error), notice);
            }
            (None, None) => {}
        }
        self.render_footer(frame, footer);
    }

    /// Why this user has nothing to do here, and who can change that: a disabled account
    /// is enabled again, a missing one added; an OS user without a name (`uid:1234`) first
    /// needs a login name from the administrator.
    fn render_no_account(&self, frame: &mut Frame, area: Rect) {
        let (lang, user) = (self.lang, self.session.username.as_str());
        let heads = self.session.heads.join(", ");
        let (title, hint) = if self.session.disabled {
            (
                lang.f(Msg::NoAccountDisabled, &[user]),
                lang.f(Msg::NoAccountDisabledHint, &[&heads, user]),
            )
        } else if crate::server::is_nameless(user) {
            (
                lang.f(Msg::NoAccountNoName, &[user]),
                lang.f(Msg::NoAccountNoNameHint, &[&heads]),
            )
        } else {
            (
                lang.f(Msg::NoAccount, &[user]),
                lang.f(Msg::NoAccountHint, &[&heads, user]),
            )
        };
        let lines = vec![
            Line::styled(title, self.theme.title),
            Line::raw(""),
            Line::raw(hint),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
    }

    fn render_too_small(&self, frame: &mut Frame, area: Rect) {
        let hint = self.lang.f(
            Msg::TooSmallHint,
            &[&MIN_WIDTH.to_string(), &MIN_HEIGHT.to_string()],
        );
        let lines = vec![
            Line::styled(self.lang.t(Msg::TooSmall), self.theme.title),
            Line::raw(hint),
            Line::raw(format!("({}×{})", area.width, area.height)),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
    }

    fn render_header(&self, frame: &mut Frame, area: Rect) {
        let lang = self.lang;
        let now = self.clock.now();
        let facility = self
            .session
            .facility
            .as_ref()
            .map_or("", |f| f.name.as_str());
        let who = match &self.session.me {
            Some(me) => format!("{} ({})", me.display_name, text::role(lang, me.role)),
            None => self.session.username.clone(),
        };
        let right = format!(
            "{} {} WIB · {who} ",
            text::date_with_day(lang, now.date()),
            now.format("%H:%M")
        );
        let left_room = (area.width as usize).saturating_sub(right.chars().count() + 1);
        let mut left = format!(" mentas · {facility}");
        if left.chars().count() > left_room {
            left = left
                .chars()
                .take(left_room.saturating_sub(1))
                .collect::<String>()
                + "…";
        }
        let pad =
            (area.width as usize).saturating_sub(left.chars().count() + right.chars().count());
        let line = format!("{left}{}{right}", " ".repeat(pad));
        frame.render_widget(Paragraph::new(line).style(self.theme.header), area);
    }

    /// The screens this user can reach, numbered as the keys that open them: 1–5, or on
    /// Apel (where digits jump to row numbers) F5–F9.
    fn render_tabs(&self, frame: &mut Frame, area: Rect) {
        // Without an account there is no screen to go to.
        if matches!(self.screen, Screen::NoAccount) {
            return;
        }
        let fkeys = matches!(self.screen, Screen::RollCall(_));
        let mut tabs = vec![
            (Msg::TabToday, matches!(self.screen, Screen::Today(_))),
            (
                Msg::TabRoster,
                matches!(self.screen, Screen::Roster | Screen::Detail(_)),
            ),
            (Msg::TabRollCall, matches!(self.screen, Screen::RollCall(_))),
        ];
        if self.role() == Some(crate::domain::Role::Head) {
            tabs.push((Msg::TabStaff, matches!(self.screen, Screen::Staff(_))));
            tabs.push((Msg::TabAudit, matches!(self.screen, Screen::Audit(_))));
        }
        let mut spans = vec![Span::raw(" ")];
        for (i, (msg, active)) in tabs.into_iter().enumerate() {
            let style = if active {
                self.theme.tab_active
            } else {
                self.theme.tab
            };
            let key = if fkeys {
                format!("F{}", i + 5)
            } else {
                (i + 1).to_string()
            };
            spans.push(Span::styled(format!(" {key} {} ", self.lang.t(msg)), style));
            spans.push(Span::raw(" "));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    /// The keys that work here, from the keymap: this context's on the left, as many as
    /// fit, and the global ones always on the right. When some do not fit, the help key
    /// ends the left side as "… ? semua tombol" instead of standing among the global ones.
    fn render_footer(&self, frame: &mut Frame, area: Rect) {
        let ctx = self.context();
        let mut left = Vec::new();
        let mut right = Vec::new();
        let mut used = 0;
        let width = |bs: &[&keymap::Binding]| bs.iter().map(|b| self.key_width(b)).sum::<usize>();
        let mine: Vec<_> = keymap::bindings(ctx).iter().filter(|b| b.footer).collect();
        let mut global: Vec<_> = keymap::global(ctx).iter().filter(|b| b.footer).collect();
        let help = global
            .iter()
            .find(|b| b.action == Action::Help)
            .map(|b| b.shown);
        let mut more = None;
        if let Some(help) = help
            && width(&mine) + width(&global) > area.width as usize
        {
            global.retain(|b| b.action != Action::Help);
            let text = self.lang.f(Msg::FooterMore, &[help]);
            more = Some(text);
        }
        let more_width = more.as_ref().map_or(0, |t| t.chars().count() + 2);
        let room = (area.width as usize).saturating_sub(width(&global) + more_width);
        for b in mine {
            if used + self.key_width(b) > room {
                break;
            }
            used += self.key_width(b);
            self.key_spans(b, &mut left);
        }
        if let Some(text) = more {
            used += more_width;
            left.push(Span::styled(format!("{text}  "), self.theme.dim));
        }
        let room = room + more_width;
        for b in global {
            self.key_spans(b, &mut right);
        }
        left.push(Span::raw(" ".repeat(room.saturating_sub(used))));
        left.extend(right);
        frame.render_widget(Paragraph::new(Line::from(left)), area);
    }

    fn key_width(&self, b: &keymap::Binding) -> usize {
        b.shown.chars().count() + self.lang.t(b.label).chars().count() + 3
    }

    fn key_spans(&self, b: &keymap::Binding, out: &mut Vec<Span<'static>>) {
        out.push(Span::styled(b.shown, self.theme.key));
        out.push(Span::raw(format!(" {}  ", self.lang.t(b.label))));
    }
}

/// A rectangle of at most `w`×`h` in the middle of `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
