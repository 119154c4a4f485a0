//! The pure domain: types and rules shared by the server and the WASM client, with no I/O.
//!
//! Everything here compiles for `wasm32-unknown-unknown` and is unit-tested natively. Database mappings for
//! these types are generated only under the `ssr` feature (see [`code_enum!`](crate::code_enum) and
//! [`id_newtype!`](crate::id_newtype)).

pub mod access;
pub mod attachment;
pub mod backlog;
pub mod board;
pub mod calendar;
pub mod campaign;
pub mod capacity;
pub mod catalog;
pub mod codes;
pub mod directory;
pub mod ids;
pub mod import;
pub mod kpi;
pub mod password;
pub mod people;
pub mod qualification;
pub mod sla;
pub mod survey;
pub mod throttle;
pub mod ticket;
pub mod triage;
pub mod workflow;
