//! `/api/v1/tickets`: the ticket use cases for scripts and other systems, on the same service as the pages.

use super::api::{ApiError, ApiUser, body};
use crate::state::AppState;
use app::domain::ticket::TicketRef;
use app::domain::workflow::StatusGroup;
use app::error::AppError;
use app::i18n::{fill, t};
use app::tickets::service::{self, Actor};
use app::tickets::{LinkKind, NewTicket, TicketFilter, TransitionRequest};
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/tickets", post(create).get(list))
        .route("/tickets/{reference}", get(show))
        .route("/tickets/{reference}/transitions", post(transition))
        .route("/tickets/{reference}/comments", post(comment))
        .route("/tickets/{reference}/effort", post(effort))
        .route("/tickets/{reference}/links", post(link))
        .route("/tickets/{reference}/history", get(history))
        .route("/effort", get(effort_report))
}

async fn connection(state: &AppState) -> Result<app::db::DbConn, ApiError> {
    Ok(state.pool.get().await.map_err(AppError::from)?)
}

/// The ticket as the caller now sees it, with `status`: every write answers with the result of the write.
async fn ticket_response(
    conn: &mut app::db::DbConn,
    user: &app::auth::CurrentUser,
    reference: &TicketRef,
    status: StatusCode,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Response, ApiError> {
    Ok((status, Json(service::detail(conn, user, reference, now).await?)).into_response())
}

fn parse_reference(text: &str) -> Result<TicketRef, ApiError> {
    text.parse().map_err(|_| ApiError(AppError::not_found(text.to_owned())))
}

fn code<T: std::str::FromStr>(field: &str, value: Option<&str>) -> Result<Option<T>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(text) => text
            .parse()
            .map(Some)
            .map_err(|_| ApiError(AppError::validation(field, fill(t().phrases.value_invalid, &[("text", &text)])))),
    }
}

#[derive(Deserialize)]
struct CreateBody {
    #[serde(rename = "type")]
    kind: String,
    title: String,
    #[serde(default)]
    description: String,
    channel: Option<String>,
    priority: Option<String>,
    domain: Option<String>,
    /// The requester's login (e-mail address), for the desk registering on someone's behalf.
    requester: Option<String>,
    pole: Option<String>,
    solved_now: Option<String>,
    source_ref: Option<String>,
}

/// `POST /api/v1/tickets`: registers an activity; 201 with the ticket and its `Location`.
async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    payload: Result<Json<CreateBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let input = body(payload)?;
    let mut conn = connection(&state).await?;
    let requester = match input.requester.as_deref().map(str::trim).filter(|login| !login.is_empty()) {
        None => None,
        Some(login) => Some(
            app::directory::db::find_active_by_login(&mut conn, login)
                .await
                .map_err(AppError::from)?
                .ok_or_else(|| AppError::validation("requester", app::i18n::t().ticket_requester_unknown))?,
        ),
    };
    let new_ticket = NewTicket {
        kind: code("type", Some(&input.kind))?,
        title: input.title,
        description: input.description,
        channel: code("channel", input.channel.as_deref())?,
        priority: code("priority", input.priority.as_deref())?,
        domain: code("domain", input.domain.as_deref())?,
        requester,
        site: None,
        pole: code("pole", input.pole.as_deref())?,
        solved_now: input.solved_now,
        source_ref: input.source_ref,
    };
    let reference = service::register(&mut conn, Actor::Person(&user), new_ticket, state.clock.now()).await?;
    let detail = service::detail(&mut conn, &user, &reference, state.clock.now()).await?;
    let location = format!("/api/v1/tickets/{reference}");
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(detail)).into_response())
}

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(rename = "type")]
    kind: Option<String>,
    status_group: Option<String>,
    pole: Option<String>,
    assignee: Option<i64>,
    requester: Option<i64>,
    site: Option<i64>,
    priority: Option<String>,
    page: Option<i64>,
    per_page: Option<i64>,
}

/// `GET /api/v1/tickets`: the tickets the caller may see, filtered and paged.
async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|rejection| {
        ApiError(AppError::validation("query", fill(t().phrases.query_invalid, &[("detail", &rejection.body_text())])))
    })?;
    let filter = TicketFilter {
        kind: code("type", query.kind.as_deref())?,
        group: code::<StatusGroup>("status_group", query.status_group.as_deref())?,
        pole: code("pole", query.pole.as_deref())?,
        assignee: query.assignee.map(app::domain::ids::UserId),
        requester: query.requester.map(app::domain::ids::UserId),
        site: query.site.map(app::domain::ids::SiteId),
        priority: code("priority", query.priority.as_deref())?,
        page: query.page,
        per_page: query.per_page,
    };
    let mut conn = connection(&state).await?;
    Ok(Json(service::list(&mut conn, &user, &filter).await?).into_response())
}

async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(reference): Path<String>,
) -> Result<Response, ApiError> {
    let reference = parse_reference(&reference)?;
    let mut conn = connection(&state).await?;
    ticket_response(&mut conn, &user, &reference, StatusCode::OK, state.clock.now()).await
}

/// `POST /api/v1/tickets/{id}/transitions` `{"action", "version", ...}`: 200 with the updated ticket.
async fn transition(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(reference): Path<String>,
    payload: Result<Json<TransitionRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let reference = parse_reference(&reference)?;
    let request = body(payload)?;
    let mut conn = connection(&state).await?;
    service::transition(&mut conn, Actor::Person(&user), &reference, request, state.clock.now()).await?;
    ticket_response(&mut conn, &user, &reference, StatusCode::OK, state.clock.now()).await
}

#[derive(Deserialize)]
struct CommentBody {
    body: String,
    #[serde(default)]
    internal: bool,
}

async fn comment(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(reference): Path<String>,
    payload: Result<Json<CommentBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let reference = parse_reference(&reference)?;
    let input = body(payload)?;
    let mut conn = connection(&state).await?;
    service::comment(&mut conn, &user, &reference, &input.body, input.internal, state.clock.now()).await?;
    ticket_response(&mut conn, &user, &reference, StatusCode::CREATED, state.clock.now()).await
}

#[derive(Deserialize)]
struct EffortBody {
    minutes: i32,
    note: Option<String>,
}

async fn effort(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(reference): Path<String>,
    payload: Result<Json<EffortBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let reference = parse_reference(&reference)?;
    let input = body(payload)?;
    let mut conn = connection(&state).await?;
    service::log_effort(&mut conn, &user, &reference, input.minutes, input.note.as_deref(), state.clock.now()).await?;
    ticket_response(&mut conn, &user, &reference, StatusCode::CREATED, state.clock.now()).await
}

#[derive(Deserialize)]
struct LinkBody {
    kind: LinkKind,
    target: TicketRef,
}

async fn link(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(reference): Path<String>,
    payload: Result<Json<LinkBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let reference = parse_reference(&reference)?;
    let input = body(payload)?;
    let mut conn = connection(&state).await?;
    service::link(&mut conn, &user, &reference, input.kind, &input.target, state.clock.now()).await?;
    ticket_response(&mut conn, &user, &reference, StatusCode::CREATED, state.clock.now()).await
}

async fn history(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(reference): Path<String>,
) -> Result<Response, ApiError> {
    let reference = parse_reference(&reference)?;
    let mut conn = connection(&state).await?;
    Ok(Json(service::history(&mut conn, &user, &reference, state.clock.now()).await?).into_response())
}

#[derive(Deserialize)]
struct PeriodQuery {
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
}

/// `GET /api/v1/effort?from=YYYY-MM-DD&to=YYYY-MM-DD`: minutes per pole and per agent, `to` included; days
/// are the desk's, in Paris time (effort logged at 00:30 on the 1st belongs to the 1st, not to the 31st).
async fn effort_report(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    query: Result<Query<PeriodQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(period) = query.map_err(|rejection| {
        ApiError(AppError::validation("query", fill(t().phrases.period_invalid, &[("detail", &rejection.body_text())])))
    })?;
    let start = |date: chrono::NaiveDate| Some(app::domain::calendar::paris(date, chrono::NaiveTime::MIN));
    let (Some(from), Some(to)) = (start(period.from), period.to.succ_opt().and_then(start)) else {
        return Err(ApiError(AppError::validation("to", t().phrases.date_out_of_range)));
    };
    let mut conn = connection(&state).await?;
    Ok(Json(service::effort_report(&mut conn, &user, from, to).await?).into_response())
}
