//! The resident form: every field of DOMAIN.md, for a new resident (`n`) or an edit (`e`).
//! Problems are shown next to their field and nothing typed is lost.

use crate::ui::widgets::popup::popup_block;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Clear, Paragraph};

use crate::domain::dates::{format_input, parse_date};
use crate::domain::regency::EAST_JAVA;
use crate::domain::{
    BirthDate, Client, ClientDraft, ClientId, Education, Field, FieldProblem, KkNumber, Nik,
    NikMismatch, Origin, Problem, ReferralSource, Religion, Sex, Stage,
};
use crate::ui::text::{self, Lang, Msg};
use crate::ui::theme::Theme;
use crate::ui::widgets::form_fields::{FieldState, Fields};

/// New resident, or an edit of a stored one at a known revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormMode {
    New,
    Edit {
        id: ClientId,
        base_revision: u64,
        name: String,
    },
}

/// The resident form's state.
pub struct ClientForm {
    pub mode: FormMode,
    pub fields: Fields,
    lang: Lang,
    today: NaiveDate,
    initial: Vec<String>,
    /// Warnings the user has seen; saving again with the same warnings accepts them.
    shown_warnings: Vec<NikMismatch>,
    /// A line for the whole form: what is wrong or what to do next.
    pub message: Option<String>,
    /// After a conflict: the version someone else saved meanwhile.
    theirs: Option<Box<Client>>,
}

fn origins() -> Vec<Origin> {
    let mut v = vec![Origin::Unknown];
    v.extend(EAST_JAVA.iter().map(|(c, _)| Origin::Regency(*c)));
    v.push(Origin::OutsideEastJava);
    v
}

fn index_of<T: PartialEq>(all: &[T], v: &T) -> usize {
    all.iter().position(|x| x == v).unwrap_or(0)
}

fn field_index(f: Field) -> usize {
    index_of(&Field::ALL, &f)
}

fn birth_text(b: BirthDate) -> String {
    match b {
        BirthDate::Exact(d) => format_input(d),
        BirthDate::ApproxYear(y) => y.to_string(),
        BirthDate::Unknown => String::new(),
    }
}

/// Reads the birth field: a date, a rough year (`1975`, `~1975`, `±1975`), or unknown.
fn parse_birth(raw: &str) -> Result<BirthDate, Problem> {
    let t = raw.trim().trim_start_matches(['~', '±']).trim();
    if t.is_empty() || t == "?" || t == "-" {
        return Ok(BirthDate::Unknown);
    }
    if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
        return t
            .parse()
            .map(BirthDate::ApproxYear)
            .map_err(|_| Problem::BirthYear);
    }
    parse_date(t).map(BirthDate::Exact).map_err(Problem::Date)
}

impl ClientForm {
    /// An empty form for a new resident admitted today.
    pub fn new_client(lang: Lang, today: NaiveDate) -> ClientForm {
        ClientForm::build(FormMode::New, &ClientDraft::new(today), lang, today)
    }

    /// A form holding a stored resident's details.
    pub fn edit(client: &Client, lang: Lang, today: NaiveDate) -> ClientForm {
        let mode = FormMode::Edit {
            id: client.id,
            base_revision: client.revision,
            name: client.details.display_name(),
        };
        ClientForm::build(mode, &client.details, lang, today)
    }

    fn build(mode: FormMode, d: &ClientDraft, lang: Lang, today: NaiveDate) -> ClientForm {
        let labels = |items: Vec<String>| items;
        let hint = |m: Msg| Some(lang.t(m).to_string());
        let choice_hint = hint(Msg::HintChoice);
        let items = Field::ALL
            .iter()
            .map(|f| {
                let label = lang.t(field_label(*f));
                match f {
                    Field::Name => FieldState::text(label, &d.name, None),
                    Field::Nickname => FieldState::text(label, &d.nickname, None),
                    Field::Nik => FieldState::text(
                        label,
                        d.nik.as_ref().map_or("", |n| n.as_str()),
                        hint(Msg::HintNumber),
                    ),
                    Field::Kk => FieldState::text(
                        label,
                        d.kk.as_ref().map_or("", |k| k.as_str()),
                        hint(Msg::HintNumber),
                    ),
                    Field::Sex => FieldState::choice(
                        label,
                        labels(
                            Sex::ALL
                                .iter()
                                .map(|s| text::sex(lang, *s).to_string())
                                .collect(),
                        ),
                        index_of(&Sex::ALL, &d.sex),
                        choice_hint.clone(),
                    ),
                    Field::BirthPlace => FieldState::text(label, &d.birth_place, None),
                    Field::BirthDate => {
                        FieldState::text(label, birth_text(d.birth), hint(Msg::HintBirth))
                    }
                    Field::Religion => FieldState::choice(
                        label,
                        Religion::ALL
                            .iter()
                            .map(|r| text::religion(lang, *r).to_string())
                            .collect(),
                        index_of(&Religion::ALL, &d.religion),
                        choice_hint.clone(),
                    ),
                    Field::Education => FieldState::choice(
                        label,
                        Education::ALL
                            .iter()
                            .map(|e| text::education(lang, *e).to_string())
                            .collect(),
                        index_of(&Education::ALL, &d.education),
                        choice_hint.clone(),
                    ),
                    Field::Origin => FieldState::choice(
                        label,
                        origins()
                            .into_iter()
                            .map(|o| text::origin(lang, o))
                            .collect(),
                        index_of(&origins(), &d.origin),
                        choice_hint.clone(),
                    ),
                    Field::FamilyContact => FieldState::text(label, &d.family_contact, None),
                    Field::Admitted => {
                        FieldState::text(label, format_input(d.admitted), hint(Msg::HintDate))
                    }
                    Field::Referral => FieldState::choice(
                        label,
                        ReferralSource::ALL
                            .iter()
                            .map(|r| text::referral(lang, *r).to_string())
                            .collect(),
                        index_of(&ReferralSource::ALL, &d.referral),
                        choice_hint.clone(),
                    ),
                    Field::Room => FieldState::text(label, &d.room, None),
                    Field::Bed => FieldState::text(label, &d.bed, None),
                    Field::Stage => FieldState::choice(
                        label,
                        Stage::ALL
                            .iter()
                            .map(|s| format!("{}. {}", s.number(), text::stage(lang, *s)))
                            .collect(),
                        index_of(&Stage::ALL, &d.stage),
                        choice_hint.clone(),
                    ),
                    Field::Notes => FieldState::text(label, &d.notes, None),
                }
            })
            .collect();
        let fields = Fields::new(items);
        let initial = fields.snapshot();
        ClientForm {
            mode,
            fields,
            lang,
            today,
            initial,
            shown_warnings: Vec::new(),
            message: None,
            theirs: None,
        }
    }

    /// True if anything was typed since the form opened.
    pub fn is_dirty(&self) -> bool {
        self.fields.snapshot() != self.initial
    }

    /// The record being edited, if any.
    pub fn editing(&self) -> Option<ClientId> {
        match self.mode {
            FormMode::Edit { id, .. } => Some(id),
            FormMode::New => None,
        }
    }

    /// Reads the fields into a draft, or every problem found (typing and rules alike).
    fn read(&self) -> Result<ClientDraft, Vec<FieldProblem>> {
        let f = &self.fields;
        let text = |field| f.text(field_index(field)).to_string();
        let choice = |field| f.choice(field_index(field));
        let mut problems = Vec::new();
        let mut bad = |field, problem| problems.push(FieldProblem { field, problem });
        let number = |raw: String| (!raw.is_empty()).then_some(raw);
        let nik = match number(text(Field::Nik)).map(|r| Nik::parse(&r)).transpose() {
            Ok(n) => n,
            Err(e) => {
                bad(Field::Nik, Problem::Number(e));
                None
            }
        };
        let kk = match number(text(Field::Kk))
            .map(|r| KkNumber::parse(&r))
            .transpose()
        {
            Ok(k) => k,
            Err(e) => {
                bad(Field::Kk, Problem::Number(e));
                None
            }
        };
        let birth = parse_birth(&text(Field::BirthDate)).unwrap_or_else(|p| {
            bad(Field::BirthDate, p);
            BirthDate::Unknown
        });
        let admitted = parse_date(&text(Field::Admitted)).unwrap_or_else(|e| {
            bad(Field::Admitted, Problem::Date(e));
            self.today
        });
        let draft = ClientDraft {
            name: text(Field::Name),
            nickname: text(Field::Nickname),
            nik,
            kk,
            sex: Sex::ALL[choice(Field::Sex)],
            birth_place: text(Field::BirthPlace),
            birth,
            religion: Religion::ALL[choice(Field::Religion)],
            education: Education::ALL[choice(Field::Education)],
            origin: origins()[choice(Field::Origin)],
            family_contact: text(Field::FamilyContact),
            admitted,
            referral: ReferralSource::ALL[choice(Field::Referral)],
            room: text(Field::Room),
            bed: text(Field::Bed),
            stage: Stage::ALL[choice(Field::Stage)],
            notes: text(Field::Notes),
        };
        let already: Vec<Field> = problems.iter().map(|p| p.field).collect();
        problems.extend(
            draft
                .validate(self.today)
                .into_iter()
                .filter(|p| !already.contains(&p.field)),
        );
        if problems.is_empty() {
            Ok(draft)
        } else {
            Err(problems)
        }
    }

    /// Someone else saved this resident meanwhile: keep everything typed, mark each field
    /// where their version differs, and make the next save go over their revision.
    pub fn show_conflict(&mut self, current: &Client, message: String) {
        if let FormMode::Edit { base_revision, .. } = &mut self.mode {
            *base_revision = current.revision;
        }
        let theirs = ClientForm::edit(current, self.lang, self.today)
            .fields
            .snapshot();
        let mine = self.fields.snapshot();
        self.fields.clear_marks();
        for (i, (m, t)) in mine.iter().zip(&theirs).enumerate() {
            if m != t {
                let shown = if t.is_empty() { "—" } else { t.as_str() };
                self.fields.items[i].warning = Some(self.lang.f(Msg::TheirVersion, &[shown]));
            }
        }
        if let Some(i) = self.fields.items.iter().position(|f| f.warning.is_some()) {
            self.fields.focus = i;
        }
        self.theirs = Some(Box::new(current.clone()));
        self.message = Some(message);
    }

    /// After a conflict: replaces the form with the other version. False if there is none.
    pub fn take_theirs(&mut self) -> bool {
        match self.theirs.take() {
            Some(theirs) => {
                *self = ClientForm::edit(&theirs, self.lang, self.today);
                true
            }
            None => false,
        }
    }

    /// Shows problems next to their fields and focuses the first.
    pub fn show_problems(&mut self, problems: &[FieldProblem]) {
        for p in problems {
            let field = &mut self.fields.items[field_index(p.field)];
            field.error = Some(text::problem(self.lang, &p.problem));
        }
        self.fields.focus_first_error();
        let n = self.fields.error_count().to_string();
        self.message = Some(self.lang.f(Msg::FormFixErrors, &[&n]));
    }

    /// Save was pressed: the draft if it may be sent, otherwise problems or warnings are
    /// now shown and `None` is returned. Warnings pass on the second press.
    pub fn submit(&mut self) -> Option<ClientDraft> {
        self.fields.clear_marks();
        self.message = None;
        let draft = match self.read() {
            Ok(d) => d,
            Err(problems) => {
                self.show_problems(&problems);
                return None;
            }
        };
        let warnings = draft
            .nik
            .as_ref()
            .map(|n| n.mismatches(&draft.birth, draft.sex))
            .unwrap_or_default();
        if warnings.is_empty() || warnings == self.shown_warnings {
            return Some(draft);
        }
        let nik = draft
            .nik
            .as_ref()
            .map(|n| n.birth_parts())
            .unwrap_or_default();
        let words: Vec<String> = warnings
            .iter()
            .map(|w| match w {
                NikMismatch::BirthDate => self.lang.f(
                    Msg::WarnNikBirthDate,
                    &[&format!("{:02}-{:02}-..{:02}", nik.0, nik.1, nik.2)],
                ),
                NikMismatch::BirthYear => self
                    .lang
                    .f(Msg::WarnNikBirthYear, &[&format!("..{:02}", nik.2)]),
                NikMismatch::Sex => {
                    let other = draft.nik.as_ref().map_or(draft.sex, |n| n.sex());
                    self.lang.f(
                        Msg::WarnNikSex,
                        &[&text::sex(self.lang, other).to_lowercase()],
                    )
                }
            })
            .collect();
        self.fields.items[field_index(Field::Nik)].warning = Some(words.join("; "));
        self.fields.focus = field_index(Field::Nik);
        self.shown_warnings = warnings;
        self.message = Some(self.lang.t(Msg::FormWarningsAccept).to_string());
        None
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme, active: bool) {
        let title = match &self.mode {
            FormMode::New => self.lang.t(Msg::FormNewTitle).to_string(),
            FormMode::Edit { name, .. } => self.lang.f(Msg::FormEditTitle, &[name]),
        };
        let dirty = if self.is_dirty() {
            format!(" · {}", self.lang.t(Msg::FormUnsaved))
        } else {
            String::new()
        };
        let block = popup_block(format!("{title}{dirty}"), theme);
        frame.render_widget(Clear, area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let message_rows = if self.theirs.is_some() { 2 } else { 1 };
        let [body, hint, message] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(message_rows),
        ])
        .areas(inner);
        self.fields.render(frame, body, theme, active);
        let focused = &self.fields.items[self.fields.focus];
        if let Some(h) = &focused.hint {
            frame.render_widget(Paragraph::new(h.as_str()).style(theme.dim), hint);
        }
        if let Some(m) = &self.message {
            let style = if self.fields.error_count() > 0 {
                theme.error
            } else {
                theme.warning
            };
            let wrap = ratatui::widgets::Wrap { trim: true };
            frame.render_widget(Paragraph::new(m.as_str()).style(style).wrap(wrap), message);
        }
    }
}

/// The label of a resident field.
pub fn field_label(f: Field) -> Msg {
    match f {
        Field::Name => Msg::FieldName,
        Field::Nickname => Msg::FieldNickname,
        Field::Nik => Msg::FieldNik,
        Field::Kk => Msg::FieldKk,
        Field::Sex => Msg::FieldSex,
        Field::BirthPlace => Msg::FieldBirthPlace,
        Field::BirthDate => Msg::FieldBirthDate,
        Field::Religion => Msg::FieldReligion,
        Field::Education => Msg::FieldEducation,
        Field::Origin => Msg::FieldOrigin,
        Field::FamilyContact => Msg::FieldFamilyContact,
        Field::Admitted => Msg::FieldAdmitted,
        Field::Referral => Msg::FieldReferral,
        Field::Room => Msg::FieldRoom,
        Field::Bed => Msg::FieldBed,
        Field::Stage => Msg::FieldStage,
        Field::Notes => Msg::FieldNotes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birth_accepts_dates_years_and_unknown() {
        assert_eq!(parse_birth(""), Ok(BirthDate::Unknown));
        assert_eq!(parse_birth("?"), Ok(BirthDate::Unknown));
        assert_eq!(parse_birth("1975"), Ok(BirthDate::ApproxYear(1975)));
        assert_eq!(parse_birth("±1975"), Ok(BirthDate::ApproxYear(1975)));
        assert_eq!(
            parse_birth("17-05-1980"),
            Ok(BirthDate::Exact(
                NaiveDate::from_ymd_opt(1980, 5, 17).unwrap()
            ))
        );
        assert!(matches!(parse_birth("17-5"), Err(Problem::Date(_))));
    }
}
