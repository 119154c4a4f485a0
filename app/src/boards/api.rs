//! Server functions of the queue boards. Thin: every one checks that the person may use the queues, then
//! calls the boards' service, which goes through the lifecycle's own checks for actions.

use super::{Board, BoardActionRequest, Caller, SavedView};
use crate::domain::board::{BoardScope, BoardTicket};
use crate::domain::calendar::BusinessCalendar;
use crate::domain::ids::TicketId;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::domain::access::Area,
};

/// One ticket as a board shows it, with the calendar its countdown counts in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketUpdate {
    pub ticket: BoardTicket,
    pub calendars: HashMap<String, BusinessCalendar>,
}

/// Every open ticket of a board, with what its countdowns need.
#[server(endpoint = "tableau", input = Json)]
pub async fn load_board(scope: BoardScope) -> Result<Board, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Queues).await?;
    super::service::load(&mut conn, &user, scope, now).await
}

/// One ticket, after a live change: none when it is no longer open.
#[server(endpoint = "tableau_ticket", input = Json)]
pub async fn fetch_board_ticket(id: TicketId) -> Result<Option<TicketUpdate>, AppError> {
    let SignedIn { mut conn, .. } = authorize(Area::Queues).await?;
    let Some(ticket) = super::service::ticket(&mut conn, id).await? else { return Ok(None) };
    let calendars = super::service::calendars_of(&mut conn, &ticket).await?;
    Ok(Some(TicketUpdate { ticket, calendars }))
}

/// Takes, assigns, escalates or re-prioritises a ticket from a board; answers the ticket as it now is.
#[server(endpoint = "tableau_action", input = Json)]
pub async fn act_on_board(request: BoardActionRequest) -> Result<Option<BoardTicket>, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Queues).await?;
    super::service::act(&mut conn, &user, request, now).await
}

/// The views the person saved.
#[server(endpoint = "vues", input = Json)]
pub async fn saved_views() -> Result<Vec<SavedView>, AppError> {
    let SignedIn { user, mut conn, .. } = authorize(Area::Queues).await?;
    Ok(super::service::saved_views(&mut conn, user.id).await?)
}

/// Saves the board's current view under a name (the same name replaces it).
#[server(endpoint = "vues_enregistrer", input = Json)]
pub async fn save_view(name: String, query: String) -> Result<SavedView, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Queues).await?;
    super::service::save_view(&mut conn, &user, &name, &query, now).await
}

/// Deletes one of the person's saved views.
#[server(endpoint = "vues_supprimer", input = Json)]
pub async fn delete_view(id: i64) -> Result<(), AppError> {
    let SignedIn { user, mut conn, .. } = authorize(Area::Queues).await?;
    super::service::delete_view(&mut conn, user.id, id).await
}

/// The people matching what the desk typed (name, e-mail or phone), with their open tickets.
#[server(endpoint = "appelants", input = Json)]
pub async fn find_callers(search: String) -> Result<Vec<Caller>, AppError> {
    let SignedIn { mut conn, .. } = authorize(Area::Queues).await?;
    super::service::callers(&mut conn, &search).await
}
