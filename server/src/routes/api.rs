//! The versioned JSON API (`/api/v1`) for scripts and other systems. It calls the same services as the
//! server functions; errors are `{"error": {"code", "message", "field"?}}` with the matching status.

use super::input::{Body, Caller};
use crate::state::AppState;
use app::auth::ClientAddress;
use app::auth::cookie::{cleared_cookie, session_cookie};
use app::auth::service;
use app::error::AppError;
use app::i18n::t;
use axum::Extension;
use axum::extract::State;
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
        .merge(super::attachments::router())
        .merge(super::catalog::router())
        .merge(super::sla::router())
        .merge(super::capacity::router())
        .merge(super::live::router())
        .merge(super::knowledge::router())
        .merge(super::kpis::router())
        .merge(super::people::router())
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
        let mut response = (self.0.status(), Json(self.0.to_json())).into_response();
        if let Some(seconds) = self.0.retry_after() {
            response.headers_mut().insert(header::RETRY_AFTER, seconds.into());
        }
        response
    }
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
    address: Option<Extension<ClientAddress>>,
    Body(credentials): Body<Credentials>,
) -> Result<Response, ApiError> {
    let attempt = service::SignInAttempt {
        login: &credentials.login,
        password: &credentials.password,
        user_agent: headers.get(header::USER_AGENT).and_then(|value| value.to_str().ok()),
        address: address.map(|Extension(ClientAddress(address))| address),
    };
    let mut conn = state.pool.get().await.map_err(AppError::from)?;
    let (user, token) = service::sign_in(&mut conn, attempt, state.clock.now()).await?;
    tracing::info!(user = %user.id, "signed in through the API");
    let cookie = session_cookie(token.as_str(), service::SESSION_LIFETIME.num_seconds(), state.cookie_secure);
    Ok(([(header::SET_COOKIE, cookie)], Json(serde_json::json!({ "user": user }))).into_response())
}

/// `GET /api/v1/session`: who the caller is.
async fn show_session(caller: Caller) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "user": caller.user }))
}

/// `DELETE /api/v1/session`: signs out (idempotent).
async fn close_session(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    if let Some(token) = service::session_token(&headers) {
        let mut conn = state.pool.get().await.map_err(AppError::from)?;
        service::sign_out(&mut conn, token).await?;
    }
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cleared_cookie(state.cookie_secure))]).into_response())
}
