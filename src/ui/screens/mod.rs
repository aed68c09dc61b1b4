//! The screens: one file each, with their state, key handling and drawing.

pub mod audit;
pub mod detail;
pub mod roster;
pub mod setup;
pub mod staff;
