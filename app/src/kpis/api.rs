//! Server function of the KPI page: Qualité, supervisors and administrators (the steering area).

use super::KpiPage;
use super::query::KpiQuery;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::domain::access::Area,
};

/// The KPIs, their breakdowns and the site names for `query`; a bad field is a validation error naming it.
#[server(endpoint = "indicateurs", input = Json)]
pub async fn load_kpi_page(query: KpiQuery) -> Result<KpiPage, AppError> {
    let SignedIn { mut conn, now, .. } = authorize(Area::Steering).await?;
    super::service::page(&mut conn, &query, now).await
}
