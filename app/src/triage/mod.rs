//! Triage suggestions for free-text tickets: the model (`domain::triage`) fed with the referential's own
//! vocabulary and with what qualified tickets taught, kept in PostgreSQL; a suggestion for the agent who
//! qualifies, and for scripts through `POST /api/v1/triage`.

pub mod api;
pub mod panel;
#[cfg(feature = "ssr")]
pub mod service;
