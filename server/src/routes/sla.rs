//! `/api/v1/calendars/holidays` and `/api/v1/sla/preview`: the public holidays of a year, and the deadlines
//! the SLA engine would set, so administrators can check a policy before tickets meet it.

use super::api::ApiError;
use super::input::{Administration, Body, Caller, InArea, Params};
use crate::state::AppState;
use app::domain::calendar::{FIRST_YEAR, LAST_YEAR};
use app::error::AppError;
use app::sla::{PreviewRequest, holidays_of, service};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

pub fn router() -> Router<AppState> {
    Router::new().route("/calendars/holidays", get(holidays)).route("/sla/preview", post(preview))
}

#[derive(Deserialize)]
struct YearQuery {
    year: Option<String>,
}

/// `GET /api/v1/calendars/holidays?year=YYYY`: `{"year", "holidays": [{"date", "code", "name"}]}`.
async fn holidays(_: Caller, Params(query): Params<YearQuery>) -> Result<Response, ApiError> {
    let year = query
        .year
        .as_deref()
        .and_then(|year| year.trim().parse::<i32>().ok())
        .ok_or_else(|| AppError::validation("year", app::i18n::year_out_of_range(FIRST_YEAR, LAST_YEAR)))?;
    Ok(Json(json!({ "year": year, "holidays": holidays_of(year)? })).into_response())
}

/// `POST /api/v1/sla/preview` `{"site", "type", "priority", "start", "catalog"?}`: the deadlines and the
/// instants each escalation threshold would fire at. Administrators only.
async fn preview(
    InArea(caller, _): InArea<Administration>,
    Body(request): Body<PreviewRequest>,
) -> Result<Response, ApiError> {
    let mut conn = caller.conn;
    Ok(Json(service::preview(&mut conn, &request).await?).into_response())
}
