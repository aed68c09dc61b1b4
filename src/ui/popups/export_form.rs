//! Export roll calls to a spreadsheet: format, date range and file name.

use crate::ui::widgets::popup::popup_block;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

use crate::domain::dates::{format_input, parse_date};
use crate::export::Format;
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::form_fields::{FieldState, Fields};

const FORMAT: usize = 0;
const FROM: usize = 1;
const TO: usize = 2;
const FILE: usize = 3;

/// The export form.
pub struct ExportForm {
    pub fields: Fields,
    lang: Lang,
}

/// What to export where.
pub struct ExportRequest {
    pub format: Format,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub path: std::path::PathBuf,
}

impl ExportForm {
    /// Defaults: XLSX, the given date, a file in the home directory.
    pub fn new(date: NaiveDate, lang: Lang) -> ExportForm {
        let home = std::env::var_os("HOME")
            .map_or_else(|| std::path::PathBuf::from("."), std::path::PathBuf::from);
        let file = home.join(format!("apel-{}.xlsx", date.format("%Y-%m-%d")));
        let items = vec![
            FieldState::choice(
                lang.t(Msg::ExportFormat),
                vec!["XLSX".into(), "CSV".into()],
                0,
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

    /// Keeps the file's extension in step with the chosen format.
    pub fn changed(&mut self) {
        let ext = if self.fields.choice(FORMAT) == 0 {
            "xlsx"
        } else {
            "csv"
        };
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
        let format = if self.fields.choice(FORMAT) == 0 {
            Format::Xlsx
        } else {
            Format::Csv
        };
        Some(ExportRequest {
            format,
            from: from?,
            to: to?,
            path: path.into(),
        })
        .filter(|_| self.fields.error_count() == 0)
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme, active: bool) {
        let block = popup_block(self.lang.t(Msg::ExportTitle), theme);
        frame.render_widget(Clear, area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        self.fields.render(frame, inner, theme, active);
    }
}
