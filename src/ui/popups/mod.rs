//! What can sit on top of a screen; the top one gets keys first.

pub mod client_form;
pub mod confirm;
pub mod duplicates;
pub mod help;
pub mod status_form;

use client_form::ClientForm;
use confirm::Confirm;
use duplicates::Duplicates;
use help::Help;
use status_form::StatusForm;

/// One popup on the stack.
pub enum Popup {
    ClientForm(Box<ClientForm>),
    StatusForm(Box<StatusForm>),
    Duplicates(Box<Duplicates>),
    Confirm(Confirm),
    Help(Help),
}
