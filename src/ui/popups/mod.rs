//! What can sit on top of a screen; the top one gets keys first.

pub mod client_form;
pub mod confirm;
pub mod date_range;
pub mod duplicates;
pub mod help;
pub mod staff_form;
pub mod status_form;

use client_form::ClientForm;
use confirm::Confirm;
use date_range::DateRange;
use duplicates::Duplicates;
use help::Help;
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
}

impl Popup {
    /// The fields of a form popup, for the keys every form shares.
    pub fn fields(&mut self) -> Option<&mut Fields> {
        match self {
            Popup::ClientForm(f) => Some(&mut f.fields),
            Popup::StatusForm(f) => Some(&mut f.fields),
            Popup::StaffForm(f) => Some(&mut f.fields),
            Popup::DateRange(f) => Some(&mut f.fields),
            Popup::Duplicates(_) | Popup::Confirm(_) | Popup::Help(_) => None,
        }
    }

    /// True for a form holding input that was not saved.
    pub fn is_dirty(&self) -> bool {
        match self {
            Popup::ClientForm(f) => f.is_dirty(),
            Popup::StatusForm(f) => f.is_dirty(),
            Popup::StaffForm(f) => f.is_dirty(),
            _ => false,
        }
    }

    /// After a value changed: let the form show or hide dependent fields.
    pub fn changed(&mut self) {
        if let Popup::StatusForm(f) = self {
            f.update_visibility();
        }
    }
}
