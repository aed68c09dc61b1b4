//! Export roll calls to a spreadsheet: format (XLSX, or CSV with `;` or `,`), shift, date
//! range and file name.

use crate::ui::widgets::popup::popup_block;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

use crate::client::export::ExportSpec;
use crate::domain::dates::{format_input, parse_date};
use crate::domain::shift::Shift;
use crate::export::{Delimiter, Format};
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::form_fields::{FieldState, Fields};

const FORMAT: usize = 0;
const SHIFT: usize = 1;
const FROM: usize = 2;
const TO: usize = 3;
const FILE: usize = 4;

/// The formats in the order the form offers them.
const FORMATS: [Format; 3] = [
    Format::Xlsx,
    Format::Csv(Delimiter::Semicolon),
    Format::Csv(Delimiter::Comma),
];

/// The export form.
pub struct ExportForm {
    pub fields: Fields,
    lang: Lang,
}

/// What to export where.
pub struct ExportRequest {
    /// The format (with the CSV separator) and the shift: one value, passed on whole to
    /// [`crate::client::export::roll_calls_to_file`].
    pub format: ExportSpec,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub path: std::path::PathBuf,
}

impl ExportForm {
    /// Defaults: XLSX, the given date and shift (every shift if none), a file in the
    /// home directory.
    pub fn new(date: NaiveDate, shift: Option<Shift>, lang: Lang) -> ExportForm {
        let home = std::env::var_os("HOME")
            .map_or_else(|| std::path::PathBuf::from("."), std::path::PathBuf::from);
        let file = home.join(format!("apel-{}.xlsx", date.format("%Y-%m-%d")));
        let formats = FORMATS
            .iter()
            .map(|f| match f {
                Format::Xlsx => "XLSX".to_string(),
                Format::Csv(Delimiter::Semicolon) => lang.t(Msg::ExportCsvSemicolon).into(),
                Format::Csv(Delimiter::Comma) => lang.t(Msg::ExportCsvComma).into(),
            })
            .collect();
        let mut shifts = vec![lang.t(Msg::ExportAllShifts).to_string()];
        shifts.extend(Shift::ALL.map(|s| text::shift(lang, s).to_string()));
        let items = vec![
            FieldState::choice(
                lang.t(Msg::ExportFormat),
                formats,
                0,
                Some(lang.t(Msg::ExportFormatHint).into()),
            ),
            FieldState::choice(
                lang.t(Msg::ExportShift),
                shifts,
                shift
                    .and_then(|s| Shift::ALL.iter().position(|a| *a == s))
                    .map_or(0, |i| i + 1),
                Some(lang.t(Msg::HintChoice).into()),
            ),
            FieldState::text(
                lang.t(Msg::ExportFrom),
                format_input(date),
                Some(lang.t(Msg::HintDate).into()),
            ),
            FieldState::text(
                lang.t(Msg::ExportTo),
                format_input(date),
                Some(lang.t(Msg::HintDate).into()),
            ),
            FieldState::text(lang.t(Msg::ExportFile), file.display().to_string(), None),
        ];
        ExportForm {
            fields: Fields::new(items),
            lang,
        }
    }

    fn format(&self) -> Format {
        FORMATS[self.fields.choice(FORMAT).min(FORMATS.len() - 1)]
    }

    fn shift(&self) -> Option<Shift> {
        self.fields
            .choice(SHIFT)
            .checked_sub(1)
            .and_then(|i| Shift::ALL.get(i).copied())
    }

    /// Keeps the file's extension in step with the chosen format.
    pub fn changed(&mut self) {
        let ext = self.format().extension();
        let path = std::path::PathBuf::from(self.fields.text(FILE));
        let wanted = path.with_extension(ext);
        if path.extension().is_some_and(|e| e == "xlsx" || e == "csv") && wanted != path {
            self.fields.items[FILE] = FieldState::text(
                self.lang.t(Msg::ExportFile),
                wanted.display().to_string(),
                None,
            );
        }
    }

    pub fn submit(&mut self) -> Option<ExportRequest> {
        self.fields.clear_marks();
        let lang = self.lang;
        let mut date = |i: usize| match parse_date(self.fields.text(i)) {
            Ok(d) => Some(d),
            Err(e) => {
                self.fields.items[i].error = Some(text::date_error(lang, e));
                None
            }
        };
        let (from, to) = (date(FROM), date(TO));
        let path = self.fields.text(FILE).to_string();
        if path.is_empty() {
            self.fields.items[FILE].error = Some(lang.t(Msg::ProblemRequired).into());
        }
        self.fields.focus_first_error();
        Some(ExportRequest {
            format: ExportSpec {
                format: self.format(),
                shift: self.shift(),
            },
            from: from?,
            to: to?,
            path: path.into(),
        })
        .filter(|_| self.fields.error_count() == 0)
    }

    /// Rows the form needs at `width`: its fields with their messages, and the border.
    pub fn height(&self, width: u16) -> u16 {
        self.fields
            .height(width.saturating_sub(2))
            .saturating_add(2)
    }

    /// Draws the form in `area`, made taller downward if `area` is shorter than the form
    /// needs, never past the last two lines of the screen (notice and footer); the fields
    /// scroll if even that is short.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme, active: bool) {
        let screen = frame.area();
        let floor = screen.bottom().saturating_sub(2).max(area.bottom());
        let area = Rect {
            height: self.height(area.width).max(area.height).min(floor - area.y),
            ..area
        };
        let block = popup_block(self.lang.t(Msg::ExportTitle), theme);
        frame.render_widget(Clear, area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        self.fields.render(frame, inner, theme, active);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn right(form: &mut ExportForm) {
        form.fields
            .left_right(KeyEvent::new(KeyCode::Right, KeyModifiers::NONE));
        form.changed();
    }

    /// The form drawn in the popup area the app gives it (76×6, centred in the body of an
    /// 80×24 screen), as text.
    fn screen(form: &ExportForm) -> String {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|frame| {
                form.render(frame, Rect::new(2, 9, 76, 6), &Theme::mono(), true);
            })
            .unwrap();
        let buffer = terminal.backend().buffer().clone();
        (0..24)
            .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn every_shift_by_default_and_one_on_request() {
        let mut form = ExportForm::new(day(), None, Lang::Id);
        let req = form.submit().unwrap();
        assert_eq!(req.format.shift, None, "semua");
        assert_eq!(req.format.format, Format::Xlsx);
        form.fields.next();
        right(&mut form);
        assert_eq!(form.fields.items[SHIFT].shown(), "pagi");
        right(&mut form);
        right(&mut form);
        assert_eq!(form.fields.items[SHIFT].shown(), "malam");
        let req = form.submit().unwrap();
        assert_eq!(req.format.shift, Some(Shift::Night));
        assert_eq!((req.from, req.to), (day(), day()));
    }

    #[test]
    fn from_a_roll_call_the_form_is_set_to_its_date_and_shift() {
        let mut form = ExportForm::new(day(), Some(Shift::Afternoon), Lang::Id);
        assert_eq!(form.fields.items[SHIFT].shown(), "siang");
        let req = form.submit().unwrap();
        assert_eq!(req.format.shift, Some(Shift::Afternoon));
        assert_eq!((req.from, req.to), (day(), day()));
    }

    #[test]
    fn csv_is_offered_with_semicolons_first_and_the_file_follows() {
        let mut form = ExportForm::new(day(), None, Lang::Id);
        right(&mut form);
        assert_eq!(
            form.fields.items[FORMAT].shown(),
            "CSV, pemisah titik koma (;)"
        );
        assert!(form.fields.text(FILE).ends_with("apel-2026-11-28.csv"));
        let req = form.submit().unwrap();
        assert_eq!(req.format.format, Format::Csv(Delimiter::Semicolon));
        assert!(req.path.ends_with("apel-2026-11-28.csv"));
        right(&mut form);
        assert_eq!(
            form.submit().unwrap().format.format,
            Format::Csv(Delimiter::Comma)
        );
        right(&mut form);
        assert!(form.fields.text(FILE).ends_with("apel-2026-11-28.xlsx"));
    }

    #[test]
    fn every_field_is_in_view_at_80_by_24() {
        let form = ExportForm::new(day(), None, Lang::En);
        let text = screen(&form);
        for label in [
            "Format",
            "Shift",
            "From",
            "To",
            "File",
            "apel-2026-11-28.xlsx",
        ] {
            assert!(text.contains(label), "{label} missing:\n{text}");
        }
        let shift_row = text.lines().find(|l| l.contains("Shift")).unwrap();
        assert!(shift_row.contains("all"), "{shift_row}");
        // The border closes below the last field, above the notice and footer lines.
        let file_row = text.lines().position(|l| l.contains("File")).unwrap();
        assert!(text.lines().nth(file_row + 1).unwrap().contains('─'));
        assert!(file_row + 1 < 22);
    }
}
