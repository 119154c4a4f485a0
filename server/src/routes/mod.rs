//! Plain axum routes beside the Leptos pages: health probes and the versioned JSON API.

pub mod api;
pub mod catalog;
pub mod health;
pub mod openapi;
pub mod server_fn_status;
pub mod tickets;
