//! The state shared by every request of one server instance.

use crate::live::LiveHub;
use app::clock::Clock;
use app::db::DbPool;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: DbPool,
    pub cookie_secure: bool,
    /// The instance's one clock, shared by its routes, its pages, its server functions and its jobs.
    pub clock: Clock,
    /// The newest embedded migration: `/readyz` answers 200 only once the database has it.
    pub latest_migration: String,
    /// Ticket changes heard from the database, for the live event streams.
    pub live: LiveHub,
    /// How large an attachment, and a ticket's attachments together, may be.
    pub attachment_limits: app::domain::attachment::Limits,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
