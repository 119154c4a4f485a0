//! The versioned JSON API (`/api/v1`) for scripts and other systems. It calls the same services as the
//! server functions; errors are `{"error": {"code", "message", "field"?}}` with the matching status.

use crate::state::AppState;
use app::auth::cookie::{cleared_cookie, session_cookie};
use app::auth::{CurrentUser, service};
use app::error::AppError;
use app::i18n::{fill, t};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/session", post(open_session).get(show_session).delete(close_session))
        .route("/openapi.json", axum::routing::get(|| async { Json(super::openapi::document()) }))
        .merge(super::tickets::router())
        .merge(super::catalog::router())
        .merge(super::sla::router())
        .merge(super::capacity::router())
        .merge(super::live::router())
        .merge(super::knowledge::router())
        .merge(super::kpis::router())
        .fallback(|| async { ApiError(AppError::not_found(t().phrases.missing_api_route)) })
}

/// An [`AppError`] answered as JSON with its status.
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(error: E) -> Self {
        ApiError(error.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0.status(), Json(self.0.to_json())).into_response()
    }
}

/// The signed-in caller of an API route; answers 401 by itself when there is none.
pub struct ApiUser(pub CurrentUser);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let mut conn = state.pool.get().await.map_err(AppError::from)?;
        let user = service::user_from_headers(&mut conn, &parts.headers, state.clock.now()).await?;
        user.map(ApiUser).ok_or(ApiError(AppError::Unauthenticated))
    }
}

/// A JSON body that could not be read is the caller's mistake: 422 with the reason, as JSON.
pub fn body<T>(payload: Result<Json<T>, JsonRejection>) -> Result<T, ApiError> {
    payload.map(|Json(value)| value).map_err(|rejection| {
        ApiError(AppError::validation("body", fill(t().phrases.body_invalid, &[("detail", &rejection.body_text())])))
    })
}

#[derive(Deserialize)]
struct Credentials {
    login: String,
    password: String,
}

/// `POST /api/v1/session` `{"login","password"}`: signs in and sets the same cookie as the login page.
async fn open_session(
    State(state): State<AppState>,
    headers: HeaderMap,
    payload: Result<Json<Credentials>, JsonRejection>,
) -> Result<Response, ApiError> {
    let credentials = body(payload)?;
    let user_agent = headers.get(header::USER_AGENT).and_then(|value| value.to_str().ok());
    let mut conn = state.pool.get().await.map_err(AppError::from)?;
    let (user, token) =
        service::sign_in(&mut conn, &credentials.login, &credentials.password, user_agent, state.clock.now()).await?;
    tracing::info!(user = %user.id, "signed in through the API");
    let cookie = session_cookie(token.as_str(), service::SESSION_LIFETIME.num_seconds(), state.cookie_secure);
    Ok(([(header::SET_COOKIE, cookie)], Json(serde_json::json!({ "user": user }))).into_response())
}

/// `GET /api/v1/session`: who the caller is.
async fn show_session(ApiUser(user): ApiUser) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "user": user }))
}

/// `DELETE /api/v1/session`: signs out (idempotent).
async fn close_session(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    if let Some(token) = service::session_token(&headers) {
        let mut conn = state.pool.get().await.map_err(AppError::from)?;
        service::sign_out(&mut conn, token).await?;
    }
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cleared_cookie(state.cookie_secure))]).into_response())
}
