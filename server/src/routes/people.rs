//! `/api/v1/directory`, `/api/v1/accounts`, `/api/v1/sessions` and the password endpoints: the company
//! directory's settings and sync, local accounts, a person's own sessions and password, for scripts and
//! other systems, on the same services as the pages.

use super::api::ApiError;
use super::input::{Administration, Body, Caller, InArea, Params, PathId};
use crate::state::AppState;
use app::auth::service::session_token;
use app::directory::{DirectorySettingsInput, NewAccount, accounts, db, settings, sync};
use app::domain::ids::UserId;
use app::error::AppError;
use app::i18n::t;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/directory", get(show_directory).put(save_directory))
        .route("/directory/sync", post(sync_directory))
        .route("/accounts", post(create_account).get(find_accounts))
        .route("/accounts/{id}/sessions", delete(end_account_sessions))
        .route("/sessions", get(my_sessions))
        .route("/sessions/{id}", delete(end_my_session))
        .route("/password", post(change_password))
        .route("/password-reset", post(request_reset))
}

type Admin = InArea<Administration>;

/// `GET /api/v1/directory`: the settings (never the bind password) and the last runs.
async fn show_directory(InArea(caller, _): Admin) -> Result<Response, ApiError> {
    let mut conn = caller.conn;
    Ok(Json(settings::page(&mut conn).await?).into_response())
}

/// `PUT /api/v1/directory`: saves the settings; 422 with every wrong field.
async fn save_directory(
    InArea(caller, _): Admin,
    Body(input): Body<DirectorySettingsInput>,
) -> Result<Response, ApiError> {
    let mut conn = caller.conn;
    Ok(Json(settings::save(&mut conn, caller.user.id, &input, caller.now).await?).into_response())
}

/// `POST /api/v1/directory/sync`: runs a sync now; `{"created", "updated", "deactivated", "unchanged",
/// "errors"}`. 503 when the directory does not answer, 409 while another sync runs.
async fn sync_directory(InArea(caller, _): Admin) -> Result<Response, ApiError> {
    let mut conn = caller.conn;
    Ok(Json(sync::run_now(&mut conn, caller.user.id, caller.now).await?).into_response())
}

/// `POST /api/v1/accounts`: creates a local account (201); the person is mailed a link to choose a password.
async fn create_account(InArea(caller, _): Admin, Body(new): Body<NewAccount>) -> Result<Response, ApiError> {
    let mut conn = caller.conn;
    let row = accounts::create_local(&mut conn, caller.user.id, &new, caller.now).await?;
    let location = format!("/api/v1/accounts?login={}", row.login);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(row)).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountQuery {
    login: Option<String>,
}

/// `GET /api/v1/accounts?login=`: the account with this login (or every account), with its manager.
async fn find_accounts(InArea(caller, _): Admin, Params(query): Params<AccountQuery>) -> Result<Response, ApiError> {
    let mut conn = caller.conn;
    let rows = match query.login.as_deref().map(str::trim).filter(|login| !login.is_empty()) {
        Some(login) => db::accounts_by_login(&mut conn, login).await?,
        None => db::list_accounts(&mut conn).await?,
    };
    Ok(Json(rows).into_response())
}

/// `DELETE /api/v1/accounts/{id}/sessions`: ends every session of an account; `{"ended": n}`.
async fn end_account_sessions(InArea(caller, _): Admin, PathId(id): PathId) -> Result<Response, ApiError> {
    let mut conn = caller.conn;
    let ended = accounts::end_all_sessions(&mut conn, caller.user.id, UserId(id)).await?;
    Ok(Json(serde_json::json!({ "ended": ended })).into_response())
}

/// `GET /api/v1/sessions`: the caller's open sessions.
async fn my_sessions(caller: Caller, headers: HeaderMap) -> Result<Response, ApiError> {
    let Caller { user, mut conn, now } = caller;
    Ok(Json(accounts::sessions_of(&mut conn, user.id, session_token(&headers), now).await?).into_response())
}

/// `DELETE /api/v1/sessions/{id}`: ends one of the caller's sessions (another person's is 404).
async fn end_my_session(caller: Caller, PathId(id): PathId) -> Result<Response, ApiError> {
    let Caller { user, mut conn, .. } = caller;
    accounts::end_own_session(&mut conn, user.id, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PasswordChange {
    current: String,
    password: String,
}

/// `POST /api/v1/password` `{"current", "password"}`: changes the caller's password (204); their other
/// sessions end.
async fn change_password(
    caller: Caller,
    headers: HeaderMap,
    Body(change): Body<PasswordChange>,
) -> Result<Response, ApiError> {
    let Caller { user, mut conn, .. } = caller;
    let token = session_token(&headers);
    accounts::change_password(&mut conn, user.id, token, &change.current, &change.password, &change.password).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResetRequest {
    login: String,
}

/// `POST /api/v1/password-reset` `{"login"}`: 202 whatever the login, so nothing tells which exist.
async fn request_reset(State(state): State<AppState>, Body(request): Body<ResetRequest>) -> Result<Response, ApiError> {
    let mut conn = state.pool.get().await.map_err(AppError::from)?;
    accounts::request_reset(&mut conn, &request.login, state.clock.now()).await?;
    Ok((StatusCode::ACCEPTED, Json(serde_json::json!({ "message": t().people.forgot_sent }))).into_response())
}
