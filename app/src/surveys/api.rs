//! Server functions of the satisfaction page (steering area; Qualité and administrators change things,
//! checked by the service).

use super::SatisfactionPage;
use crate::domain::survey::SurveyPolicy;
use crate::domain::ticket::TicketRef;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::domain::access::Area,
};

#[server(endpoint = "satisfaction", input = Json)]
pub async fn load_satisfaction() -> Result<SatisfactionPage, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Steering).await?;
    super::service::page(&mut conn, &user, now).await
}

#[server(endpoint = "satisfaction_regles", input = Json)]
pub async fn save_survey_policy(policy: SurveyPolicy) -> Result<SurveyPolicy, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Steering).await?;
    super::service::save_policy(&mut conn, &user, policy, now).await
}

#[server(endpoint = "satisfaction_suivi", input = Json)]
pub async fn handle_follow_up(reference: TicketRef, note: String) -> Result<(), AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Steering).await?;
    super::service::handle(&mut conn, &user, &reference, &note, now).await
}
