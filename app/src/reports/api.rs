//! Server functions of the monthly report (steering area; Qualité and administrators record actions and
//! send the report, checked by the service).

use super::{ActionDraft, ActionStatus, MonthlyReport};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::domain::access::Area,
};

/// The report of `month` (`AAAA-MM`; empty: last month).
#[server(endpoint = "rapport_mensuel", input = Json)]
pub async fn load_monthly_report(month: String) -> Result<MonthlyReport, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Steering).await?;
    let month = match month.trim() {
        "" => super::service::last_month(now),
        text => crate::kpis::query::parse_month("mois", text)?,
    };
    super::service::report(&mut conn, month, super::service::may_edit(&user)).await
}

#[server(endpoint = "rapport_action", input = Json)]
pub async fn record_improvement_action(draft: ActionDraft) -> Result<i64, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Steering).await?;
    super::service::record_action(&mut conn, &user, draft, now).await
}

#[server(endpoint = "rapport_action_statut", input = Json)]
pub async fn set_improvement_action_status(id: i64, status: ActionStatus) -> Result<(), AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Steering).await?;
    super::service::set_action_status(&mut conn, &user, id, status, now).await
}

/// Sends the report of `month` (`AAAA-MM`) to the managers; answers how many were told.
#[server(endpoint = "rapport_envoyer", input = Json)]
pub async fn send_monthly_report(month: String) -> Result<i32, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Steering).await?;
    let month = crate::kpis::query::parse_month("mois", &month)?;
    super::service::send(&mut conn, Some(&user), month, now).await
}
