//! What the server hands every server function through Leptos context: the pool, the clock and the cookie
//! policy. Never a global: tests build their own.

use crate::clock::Clock;
use crate::db::{DbConn, DbPool};
use crate::error::{AppError, AppResult};

#[derive(Clone)]
pub struct ServerContext {
    pub pool: DbPool,
    /// Mark the session cookie `Secure` (on when served over HTTPS).
    pub cookie_secure: bool,
    /// The instance's one clock: every instant a server function takes comes from it.
    pub clock: Clock,
    /// How large attachments may be (`IMMO9_ATTACHMENT_MAX_MB`, `IMMO9_TICKET_ATTACHMENTS_MAX_MB`).
    pub attachment_limits: crate::domain::attachment::Limits,
}

impl ServerContext {
    /// The context of the current request; its absence is a wiring bug, reported as an internal error.
    pub fn current() -> AppResult<Self> {
        leptos::prelude::use_context::<Self>()
            .ok_or_else(|| AppError::internal("ServerContext missing from the Leptos context"))
    }

    pub async fn conn(&self) -> AppResult<DbConn> {
        Ok(self.pool.get().await?)
    }
}
