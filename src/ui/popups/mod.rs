//! What can sit on top of a screen; the top one gets keys first.

pub mod client_form;
pub mod confirm;
pub mod date_range;
pub mod duplicates;
pub mod export_form;
pub mod handover_editor;
pub mod handover_list;
pub mod help;
pub mod mark_form;
pub mod people;
pub mod shift_times_form;
pub mod staff_form;
pub mod status_form;

use client_form::ClientForm;
use confirm::Confirm;
use date_range::DateRange;
use duplicates::Duplicates;
use export_form::ExportForm;

use handover_editor::HandoverEditor;
use handover_list::HandoverList;
use help::Help;
use mark_form::MarkForm;
use people::People;
use shift_times_form::ShiftTimesForm;
use staff_form::StaffForm;
use status_form::StatusForm;

use super::widgets::form_fields::Fields;

/// One popup on the stack.
pub enum Popup {
    ClientForm(Box<ClientForm>),
    StatusForm(Box<StatusForm>),
    StaffForm(Box<StaffForm>),
    DateRange(DateRange),
    Duplicates(Box<Duplicates>),
    Confirm(Confirm),
    Help(Help),
    MarkForm(Box<MarkForm>),
    ExportForm(Box<ExportForm>),
    HandoverEditor(Box<HandoverEditor>),
    HandoverList(HandoverList),
    People(People),
    ShiftTimesForm(Box<ShiftTimesForm>),
}

impl Popup {
    /// The fields of a form popup, for the keys every form shares.
    pub fn fields(&mut self) -> Option<&mut Fields> {
        match self {
            Popup::ClientForm(f) => Some(&mut f.fields),
            Popup::StatusForm(f) => Some(&mut f.fields),
            Popup::StaffForm(f) => Some(&mut f.fields),
            Popup::DateRange(f) => Some(&mut f.fields),
            Popup::MarkForm(f) => Some(&mut f.fields),
            Popup::ExportForm(f) => Some(&mut f.fields),
            Popup::ShiftTimesForm(f) => Some(&mut f.fields),

            Popup::Duplicates(_) | Popup::Confirm(_) | Popup::Help(_) => None,
            Popup::HandoverEditor(_) | Popup::HandoverList(_) | Popup::People(_) => None,
        }
    }

    /// True for a form of a single field (a mark's note), where Enter saves.
    pub fn is_one_field_form(&self) -> bool {
        match self {
            Popup::MarkForm(f) => f.fields.visible_count() == 1,
            _ => false,
        }
    }

    /// True for a form holding input that was not saved.
    pub fn is_dirty(&self) -> bool {
        match self {
            Popup::ClientForm(f) => f.is_dirty(),
            Popup::StatusForm(f) => f.is_dirty(),
            Popup::StaffForm(f) => f.is_dirty(),
            Popup::MarkForm(f) => f.is_dirty(),
            Popup::HandoverEditor(e) => e.is_dirty(),
            _ => false,
        }
    }

    /// After a value changed: let the form show or hide dependent fields.
    pub fn changed(&mut self) {
        match self {
            Popup::StatusForm(f) => f.update_visibility(),
            Popup::ExportForm(f) => f.changed(),

            _ => {}
        }
    }
}
