//! The resident form: every field of DOMAIN.md, for a new resident (`n`), an edit (`e`),
//! or a person found again at intake. Problems are shown next to their field, a conflict
//! with someone else's save is merged field by field, and nothing typed is lost.

use crate::ui::widgets::popup::popup_block;
use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Clear, Paragraph};

use crate::domain::dates::{format_input, parse_date};
use crate::domain::regency::EAST_JAVA;
use crate::domain::{
    BirthDate, Client, ClientDraft, ClientId, Education, Field, FieldProblem, KkNumber, Nik,
    NikMismatch, Origin, Problem, ReferralSource, Religion, Sex, Stage, Status,
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
    /// A person found again at intake (opened from the duplicate list): their record with
    /// what the intake form held. `new_stay`: they had exited, so saving starts a new stay.
    Returning {
        id: ClientId,
        base_revision: u64,
        name: String,
        new_stay: bool,
    },
}

/// A field where what was typed at intake and what is on record disagree: the value the
/// field does not hold now, and whether that one is the typed one.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Alternative {
    other: String,
    other_is_typed: bool,
}

/// The resident form's state.
pub struct ClientForm {
    pub mode: FormMode,
    pub fields: Fields,
    lang: Lang,
    today: NaiveDate,
    /// What the fields held when the form opened (for an edit: the stored version the
    /// form was loaded from, the base of a three-way merge after a conflict).
    initial: Vec<String>,
    /// The stored record the form was loaded from, to say what else changed in a conflict.
    loaded: Option<Box<Client>>,
    /// A new resident's sex starts unset ("— pilih —", the first label) and must be chosen.
    sex_unset_first: bool,
    /// Per field: the other value to choose from (a returning person's form).
    alternatives: Vec<Option<Alternative>>,
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

    /// The record of a person found again at intake, carrying what the intake form `typed`
    /// held: for a new stay its admission, referral, room, bed and stage; newer notes and
    /// family contact; anything the record lacks. Where both hold a different value the
    /// field keeps the recorded one and the typed one is marked, to be chosen with Ctrl-T.
    pub fn returning(existing: &Client, typed: &ClientForm, today: NaiveDate) -> ClientForm {
        let lang = typed.lang;
        let new_stay = existing.status() == Status::Exited;
        let mut form = ClientForm::edit(existing, lang, today);
        form.mode = FormMode::Returning {
            id: existing.id,
            base_revision: existing.revision,
            name: existing.details.display_name(),
            new_stay,
        };
        let fresh = ClientForm::new_client(lang, today).fields.snapshot();
        let typed = typed.fields.snapshot();
        let stored = form.fields.snapshot();
        for (i, field) in Field::ALL.iter().enumerate() {
            let (t, e, blank) = (typed[i].trim(), stored[i].trim(), fresh[i].trim());
            let this_stay = matches!(
                field,
                Field::Admitted | Field::Referral | Field::Room | Field::Bed | Field::Stage
            );
            let newer = matches!(field, Field::Notes | Field::FamilyContact);
            // A rough birth year that the recorded date already holds says nothing new.
            let vaguer = *field == Field::BirthDate
                && t.len() == 4
                && e.ends_with(t.trim_start_matches(['~', '±']));
            if new_stay && this_stay {
                form.fields.items[i].set_shown(t);
            } else if t == e || t.is_empty() || t == blank || vaguer {
                // Nothing typed, or nothing new.
            } else if e.is_empty() || e == blank || (new_stay && newer) {
                form.fields.items[i].set_shown(t);
            } else {
                form.alternatives[i] = Some(Alternative {
                    other: t.to_string(),
                    other_is_typed: true,
                });
            }
        }
        form.mark_alternatives();
        if let Some(i) = form.alternatives.iter().position(Option::is_some) {
            form.fields.focus = i;
            form.message = Some(lang.t(Msg::ReturningChoose).to_string());
        }
        form
    }

    /// True if the form holds values the user must choose between before saving.
    pub fn has_choices(&self) -> bool {
        self.alternatives.iter().any(Option::is_some)
    }

    /// Shows each field's other value next to it.
    fn mark_alternatives(&mut self) {
        for (item, alt) in self.fields.items.iter_mut().zip(&self.alternatives) {
            if let Some(alt) = alt {
                let msg = if alt.other_is_typed {
                    Msg::ReturningTyped
                } else {
                    Msg::ReturningStored
                };
                let shown = if alt.other.is_empty() {
                    "—"
                } else {
                    alt.other.as_str()
                };
                item.warning = Some(self.lang.f(msg, &[shown]));
            }
        }
    }

    /// The new stay was started; saving again only updates the record.
    pub fn stay_started(&mut self, revision: u64) {
        if let FormMode::Returning {
            base_revision,
            new_stay,
            ..
        } = &mut self.mode
        {
            *base_revision = revision;
            *new_stay = false;
        }
    }

    /// A form holding a stored resident's details.
    pub fn edit(client: &Client, lang: Lang, today: NaiveDate) -> ClientForm {
        let mode = FormMode::Edit {
            id: client.id,
            base_revision: client.revision,
            name: client.details.display_name(),
        };
        let mut form = ClientForm::build(mode, &client.details, lang, today);
        form.loaded = Some(Box::new(client.clone()));
        form
    }

    fn build(mode: FormMode, d: &ClientDraft, lang: Lang, today: NaiveDate) -> ClientForm {
        let labels = |items: Vec<String>| items;
        let hint = |m: Msg| Some(lang.t(m).to_string());
        let choice_hint = hint(Msg::HintChoice);
        let sex_unset_first = mode == FormMode::New;
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
                    Field::Sex if sex_unset_first => FieldState::choice(
                        label,
                        labels(
                            std::iter::once(lang.t(Msg::ChoiceUnset).to_string())
                                .chain(Sex::ALL.iter().map(|s| text::sex(lang, *s).to_string()))
                                .collect(),
                        ),
                        0,
                        choice_hint.clone(),
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
            alternatives: vec![None; fields.items.len()],
            fields,
            lang,
            today,
            initial,
            loaded: None,
            sex_unset_first,
            shown_warnings: Vec::new(),
            message: None,
            theirs: None,
        }
    }

    /// True if anything was typed since the form opened.
    /// A returning person's new stay is unsaved input too.
    pub fn is_dirty(&self) -> bool {
        self.fields.snapshot() != self.initial
            || matches!(self.mode, FormMode::Returning { new_stay: true, .. })
    }

    /// The record being edited, if any.
    pub fn editing(&self) -> Option<ClientId> {
        match self.mode {
            FormMode::Edit { id, .. } | FormMode::Returning { id, .. } => Some(id),
            FormMode::New => None,
        }
    }

    /// The chosen sex, or `None` while a new resident's is still "— pilih —".
    fn sex(&self) -> Option<Sex> {
        let i = self.fields.choice(field_index(Field::Sex));
        if self.sex_unset_first {
            i.checked_sub(1).map(|i| Sex::ALL[i])
        } else {
            Some(Sex::ALL[i])
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
            // Unset is refused in `submit`; the other checks still run meanwhile.
            sex: self.sex().unwrap_or(Sex::Male),
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

    /// Someone else (`by`) saved this resident meanwhile: a three-way merge of the version
    /// the form was loaded from, theirs, and what was typed. A field only they changed
    /// takes their value; a field only this user changed keeps the input; a field both
    /// changed keeps the input with theirs shown next to it. Each field they changed is
    /// marked, a change outside the form (a status) is said in the message, and the next
    /// save goes over their revision.
    pub fn show_conflict(&mut self, current: &Client, by: &str, message: String) {
        if let FormMode::Edit { base_revision, .. } | FormMode::Returning { base_revision, .. } =
            &mut self.mode
        {
            *base_revision = current.revision;
        }
        let lang = self.lang;
        let theirs_form = ClientForm::edit(current, lang, self.today);
        let theirs = theirs_form.fields.snapshot();
        let mine = self.fields.snapshot();
        let base = std::mem::replace(&mut self.initial, theirs.clone());
        self.fields.clear_marks();
        self.mark_alternatives();
        let shown = |s: &str| {
            if s.is_empty() {
                "—".to_string()
            } else {
                s.to_string()
            }
        };
        let mut first = None;
        for (i, ((b, t), m)) in base.iter().zip(&theirs).zip(&mine).enumerate() {
            if b == t || m == t {
                continue; // They did not change it, or both made the same change.
            }
            let item = &mut self.fields.items[i];
            item.warning = Some(if m == b {
                item.value = theirs_form.fields.items[i].value.clone();
                lang.f(Msg::ConflictTheirsTaken, &[by, &shown(b)])
            } else {
                lang.f(Msg::ConflictBothChanged, &[by, &shown(t)])
            });
            first.get_or_insert(i);
        }
        let mut lines = vec![message];
        let before = self.loaded.as_ref().map(|c| (c.status(), c.stays.len()));
        match before {
            Some((status, _)) if status != current.status() => lines.push(lang.f(
                Msg::ConflictStatusChanged,
                &[
                    by,
                    text::status(lang, status),
                    text::status(lang, current.status()),
                ],
            )),
            Some((_, stays)) if stays != current.stays.len() => {
                lines.push(lang.f(Msg::ConflictNewStay, &[by]))
            }
            _ if first.is_none() => lines.push(lang.f(Msg::ConflictNoField, &[by])),
            _ => {}
        }
        if let Some(i) = first {
            self.fields.focus = i;
        }
        self.loaded = Some(Box::new(current.clone()));
        self.theirs = Some(Box::new(current.clone()));
        self.message = Some(lines.join("\n"));
    }

    /// Ctrl-T. After a conflict: replaces the form with the other version. On a returning
    /// person's field with two values: puts the other one in. What was done, if anything.
    pub fn take_theirs(&mut self) -> Option<Msg> {
        if let Some(theirs) = self.theirs.take() {
            *self = ClientForm::edit(&theirs, self.lang, self.today);
            return Some(Msg::TookTheirs);
        }
        let i = self.fields.focus;
        let alt = self.alternatives[i].as_mut()?;
        let now = self.fields.items[i].shown().to_string();
        self.fields.items[i].set_shown(&alt.other);
        alt.other = now;
        alt.other_is_typed = !alt.other_is_typed;
        self.mark_alternatives();
        Some(Msg::ReturningSwapped)
    }

    /// Shows problems next to their fields and focuses the first.
    pub fn show_problems(&mut self, problems: &[FieldProblem]) {
        for p in problems {
            let field = &mut self.fields.items[field_index(p.field)];
            field.error = Some(text::problem(self.lang, &p.problem));
        }
        if self.sex().is_none() {
            let field = &mut self.fields.items[field_index(Field::Sex)];
            field.error = Some(self.lang.t(Msg::ProblemChoose).to_string());
        }
        self.fields.focus_first_error();
        let n = self.fields.error_count();
        self.message = Some(match n {
            1 => self.lang.t(Msg::FormFixOne).to_string(),
            _ => self.lang.f(Msg::FormFixErrors, &[&n.to_string()]),
        });
    }

    /// Save was pressed: the draft if it may be sent, otherwise problems or warnings are
    /// now shown and `None` is returned. Warnings pass on the second press.
    pub fn submit(&mut self) -> Option<ClientDraft> {
        self.fields.clear_marks();
        self.mark_alternatives();
        self.message = None;
        let draft = match self.read() {
            Ok(d) if self.sex().is_some() => d,
            Ok(_) => {
                self.show_problems(&[]);
                return None;
            }
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
        let lines: Vec<String> = warnings
            .iter()
            .map(|w| nik_warning(self.lang, &draft, *w, self.today))
            .collect();
        self.fields.items[field_index(Field::Nik)].warning = Some(lines.join("\n"));
        self.fields.focus = field_index(Field::Nik);
        self.shown_warnings = warnings;
        self.message = Some(self.lang.t(Msg::FormWarningsAccept).to_string());
        None
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme, active: bool) {
        let title = match &self.mode {
            FormMode::New => self.lang.t(Msg::FormNewTitle).to_string(),
            FormMode::Returning {
                name,
                new_stay: true,
                ..
            } => self.lang.f(Msg::FormReadmitTitle, &[name]),
            FormMode::Edit { name, .. } | FormMode::Returning { name, .. } => {
                self.lang.f(Msg::FormEditTitle, &[name])
            }
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
        // The hint and the message take rows only when there is one: every other row is
        // for the fields, which scroll to keep the focused one in view.
        let wrap = ratatui::widgets::Wrap { trim: true };
        let message_par = self.message.as_deref().map(|m| {
            let style = if self.fields.error_count() > 0 {
                theme.error
            } else {
                theme.warning
            };
            Paragraph::new(m).style(style).wrap(wrap)
        });
        let message_rows = message_par
            .as_ref()
            .map_or(0, |p| p.line_count(inner.width) as u16)
            .min(inner.height / 3);
        let focused = &self.fields.items[self.fields.focus];
        let hint_rows = u16::from(focused.hint.is_some());
        let [body, hint, message] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(hint_rows),
            Constraint::Length(message_rows),
        ])
        .areas(inner);
        self.fields.render(frame, body, theme, active);
        if let Some(h) = &focused.hint {
            frame.render_widget(Paragraph::new(h.as_str()).style(theme.dim), hint);
        }
        if let Some(p) = message_par {
            frame.render_widget(p, message);
        }
    }
}

/// One NIK warning in words, its dates written as everywhere else (`17 Mei 1980`).
fn nik_warning(lang: Lang, draft: &ClientDraft, w: NikMismatch, today: NaiveDate) -> String {
    let Some(nik) = draft.nik.as_ref() else {
        return String::new();
    };
    let (day, month, yy) = nik.birth_parts();
    // The NIK holds two digits of the year: the century nearest the entered birth year
    // (or, with none, the latest not after today).
    let near = match draft.birth {
        BirthDate::Exact(d) => d.year(),
        BirthDate::ApproxYear(y) => y,
        BirthDate::Unknown => today.year(),
    };
    let year = [-100, 0, 100]
        .iter()
        .map(|c| (near / 100) * 100 + c + yy as i32)
        .filter(|y| *y <= today.year())
        .min_by_key(|y| (y - near).abs())
        .unwrap_or(yy as i32);
    match w {
        NikMismatch::BirthDate => {
            let said = NaiveDate::from_ymd_opt(year, month, day)
                .map(|d| text::date(lang, d))
                .unwrap_or_else(|| format!("{day:02}-{month:02}-{year}"));
            lang.f(Msg::WarnNikBirthDate, &[&said])
        }
        NikMismatch::BirthYear => lang.f(Msg::WarnNikBirthYear, &[&year.to_string()]),
        NikMismatch::Sex => lang.f(
            Msg::WarnNikSex,
            &[&text::sex(lang, nik.sex()).to_lowercase()],
        ),
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
