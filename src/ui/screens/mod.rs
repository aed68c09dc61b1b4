//! The screens: one file each, with their state, key handling and drawing.

pub mod audit;
pub mod audit_words;
pub mod detail;
pub mod roll_call;
pub mod roster;
pub mod setup;
pub mod staff;
pub mod today;
