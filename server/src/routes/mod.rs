//! Plain axum routes beside the Leptos pages: health probes and the versioned JSON API.

pub mod api;
pub mod health;
