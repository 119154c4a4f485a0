//! `/api/v1/catalog`: the request catalog (entries with their domain code and form), and requests made
//! from it, on the same service as the portal.

use super::api::ApiError;
use super::input::{Body, Caller};
use crate::state::AppState;
use app::referential::service;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use std::collections::BTreeMap;

pub fn router() -> Router<AppState> {
    Router::new().route("/catalog", get(list)).route("/catalog/{code}/requests", post(submit))
}

/// `GET /api/v1/catalog`: the active entries, with their form and how often each was used.
async fn list(caller: Caller) -> Result<Response, ApiError> {
    let mut conn = caller.conn;
    Ok(Json(service::catalog(&mut conn, false).await?).into_response())
}

#[derive(Deserialize)]
struct RequestBody {
    #[serde(default)]
    answers: BTreeMap<String, String>,
}

/// `POST /api/v1/catalog/{code}/requests` `{"answers": {key: value}}`: 201 with the ticket, 422 with every
/// wrong field in `error.errors`.
async fn submit(
    caller: Caller,
    Path(code): Path<String>,
    Body(request): Body<RequestBody>,
) -> Result<Response, ApiError> {
    let Caller { user, mut conn, now } = caller;
    let reference =
        app::tickets::requests::submit_catalog_request(&mut conn, &user, &code, &request.answers, now).await?;
    let detail = app::tickets::service::detail(&mut conn, &user, &reference, now).await?;
    Ok((StatusCode::CREATED, Json(detail)).into_response())
}
