//! Server function of the SLA matrix page.

use super::PoleCapacity;
use crate::domain::ids::UserId;
use crate::domain::people::Pole;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::domain::access::Area,
};

/// Sets an agent's own working week, or (`week: None`) hands them back to their site's calendar.
#[server(endpoint = "horaires_agent", input = Json)]
pub async fn save_agent_week(agent: UserId, week: Option<Vec<String>>) -> Result<(), AppError> {
    let SignedIn { user: editor, mut conn, .. } = authorize(Area::SlaMatrix).await?;
    super::service::save_agent_week(&mut conn, &editor, agent, week).await
}

/// A pole's capacity inputs measured now; the page computes the matrix from them.
#[server(endpoint = "capacite_du_pole")]
pub async fn load_capacity(pole: Pole) -> Result<PoleCapacity, AppError> {
    let SignedIn { mut conn, now, .. } = authorize(Area::SlaMatrix).await?;
    super::service::pole_capacity(&mut conn, pole, now).await
}
