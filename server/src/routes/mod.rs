//! Plain axum routes beside the Leptos pages (health probes, the versioned JSON API) and the layers around
//! them.

pub mod api;
pub mod attachments;
pub mod capacity;
pub mod catalog;
pub mod edge;
pub mod health;
pub mod input;
pub mod knowledge;
pub mod kpis;
pub mod live;
pub mod openapi;
pub mod people;
pub mod server_fn_status;
pub mod sla;
pub mod tickets;
pub mod visitor;
