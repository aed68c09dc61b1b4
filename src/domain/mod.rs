//! The facility's vocabulary as plain types and rules: no I/O, no clock reads.

pub mod audit;
pub mod client;
pub mod client_facts;
pub mod dates;
pub mod draft;
pub mod duplicates;
pub mod handover;
pub mod names;
pub mod nik;
pub mod reasons;
pub mod refusal;
pub mod regency;
pub mod roll_call;
pub mod shift;
pub mod staff;
pub mod status;
pub mod today;

pub use client::{
    BirthDate, Client, ClientId, ClientRow, Education, Origin, ReferralSource, Religion, Sex,
    Stage, Stay,
};
pub use client_facts::ClientFacts;
pub use draft::{ClientDraft, Field, FieldProblem, Problem};
pub use nik::{KkNumber, Nik, NikError, NikMismatch};
pub use refusal::Refusal;
pub use staff::{Facility, Role, Staff};
pub use status::{ExitReason, Status, StatusChange, StatusDetail};
