//! Server function of triage: the suggestion the qualification panel shows beside a ticket.

use crate::domain::ticket::TicketRef;
use crate::domain::triage::Suggestion;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::domain::access::Area,
};

/// What the model suggests for a ticket's description (none when it knows none of its words).
#[server(endpoint = "triage_ticket", input = Json)]
pub async fn suggest_for_ticket(reference: TicketRef) -> Result<Option<Suggestion>, AppError> {
    let SignedIn { mut conn, .. } = authorize(Area::Queues).await?;
    super::service::suggest_for_ticket(&mut conn, &reference).await
}
