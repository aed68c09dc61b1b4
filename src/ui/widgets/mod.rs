//! Small drawing pieces shared by screens and popups.

pub mod choice;
pub mod form_fields;
pub mod popup;
pub mod scroll;
pub mod text_field;
