//! mentas: daily records of a social-rehabilitation facility, in the terminal.
//!
//! Layers, lowest first (nothing imports from a layer above it): `domain` (plain types and
//! rules) and `demo` (generated fictional data), `protocol` (the request and reply types),
//! `store` (sled), `service` (commands and queries), `client` (the one interface the TUI
//! uses), `ui` (the terminal).

pub mod allocator;
pub mod cli;
pub mod client;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod export;
pub mod launch;
pub mod protocol;
pub mod server;
pub mod service;
pub mod store;
pub mod ui;
