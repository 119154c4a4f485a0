//! `/api/v1/tickets`: the ticket use cases for scripts and other systems, on the same service as the pages.
//! Each handler reads top to bottom: who calls (and their connection), the ticket, the body, one service
//! call, the ticket as it now is.

use super::api::ApiError;
use super::input::{Body, Caller, Params, Reference};
use crate::state::AppState;
use app::auth::CurrentUser;
use app::db::DbConn;
use app::domain::ids::{SiteId, UserId};
use app::domain::ticket::TicketRef;
use app::domain::workflow::StatusGroup;
use app::error::{AppError, optional_code};
use app::i18n::t;
use app::tickets::service::{self, Actor};
use app::tickets::{LinkKind, RegistrationForm, TicketFilter, TransitionRequest};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
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

/// The ticket as the caller now sees it, with `status`: every write answers with the result of the write.
async fn ticket_response(
    conn: &mut DbConn,
    user: &CurrentUser,
    reference: &TicketRef,
    status: StatusCode,
    now: DateTime<Utc>,
) -> Result<Response, ApiError> {
    Ok((status, Json(service::detail(conn, user, reference, now).await?)).into_response())
}

/// `POST /api/v1/tickets`: registers an activity; 201 with the ticket and its `Location`.
async fn create(caller: Caller, Body(form): Body<RegistrationForm>) -> Result<Response, ApiError> {
    let Caller { user, mut conn, now } = caller;
    let new_ticket = form.read(&mut conn).await?;
    let reference = service::register(&mut conn, Actor::Person(&user), new_ticket, now).await?;
    let detail = service::detail(&mut conn, &user, &reference, now).await?;
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
async fn list(caller: Caller, Params(query): Params<ListQuery>) -> Result<Response, ApiError> {
    let Caller { user, mut conn, .. } = caller;
    let filter = TicketFilter {
        kind: optional_code("type", query.kind.as_deref())?,
        group: optional_code::<StatusGroup>("status_group", query.status_group.as_deref())?,
        pole: optional_code("pole", query.pole.as_deref())?,
        assignee: query.assignee.map(UserId),
        requester: query.requester.map(UserId),
        site: query.site.map(SiteId),
        priority: optional_code("priority", query.priority.as_deref())?,
        page: query.page,
        per_page: query.per_page,
    };
    Ok(Json(service::list(&mut conn, &user, &filter).await?).into_response())
}

async fn show(caller: Caller, Reference(reference): Reference) -> Result<Response, ApiError> {
    let Caller { user, mut conn, now } = caller;
    ticket_response(&mut conn, &user, &reference, StatusCode::OK, now).await
}

/// `POST /api/v1/tickets/{id}/transitions` `{"action", "version", ...}`: 200 with the updated ticket.
async fn transition(
    caller: Caller,
    Reference(reference): Reference,
    Body(request): Body<TransitionRequest>,
) -> Result<Response, ApiError> {
    let Caller { user, mut conn, now } = caller;
    service::transition(&mut conn, Actor::Person(&user), &reference, request, now).await?;
    ticket_response(&mut conn, &user, &reference, StatusCode::OK, now).await
}

#[derive(Deserialize)]
struct CommentBody {
    body: String,
    #[serde(default)]
    internal: bool,
}

async fn comment(
    caller: Caller,
    Reference(reference): Reference,
    Body(input): Body<CommentBody>,
) -> Result<Response, ApiError> {
    let Caller { user, mut conn, now } = caller;
    service::comment(&mut conn, &user, &reference, &input.body, input.internal, now).await?;
    ticket_response(&mut conn, &user, &reference, StatusCode::CREATED, now).await
}

#[derive(Deserialize)]
struct EffortBody {
    minutes: i32,
    note: Option<String>,
}

async fn effort(
    caller: Caller,
    Reference(reference): Reference,
    Body(input): Body<EffortBody>,
) -> Result<Response, ApiError> {
    let Caller { user, mut conn, now } = caller;
    service::log_effort(&mut conn, &user, &reference, input.minutes, input.note.as_deref(), now).await?;
    ticket_response(&mut conn, &user, &reference, StatusCode::CREATED, now).await
}

#[derive(Deserialize)]
struct LinkBody {
    kind: LinkKind,
    target: TicketRef,
}

async fn link(
    caller: Caller,
    Reference(reference): Reference,
    Body(input): Body<LinkBody>,
) -> Result<Response, ApiError> {
    let Caller { user, mut conn, now } = caller;
    service::link(&mut conn, &user, &reference, input.kind, &input.target, now).await?;
    ticket_response(&mut conn, &user, &reference, StatusCode::CREATED, now).await
}

async fn history(caller: Caller, Reference(reference): Reference) -> Result<Response, ApiError> {
    let Caller { user, mut conn, now } = caller;
    Ok(Json(service::history(&mut conn, &user, &reference, now).await?).into_response())
}

#[derive(Deserialize)]
struct PeriodQuery {
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
}

/// `GET /api/v1/effort?from=YYYY-MM-DD&to=YYYY-MM-DD`: minutes per pole and per agent, `to` included; days
/// are the desk's, in Paris time (effort logged at 00:30 on the 1st belongs to the 1st, not to the 31st).
async fn effort_report(caller: Caller, Params(period): Params<PeriodQuery>) -> Result<Response, ApiError> {
    let Caller { user, mut conn, .. } = caller;
    let start = |date: chrono::NaiveDate| app::domain::calendar::paris(date, chrono::NaiveTime::MIN);
    let Some(after_to) = period.to.succ_opt() else {
        return Err(ApiError(AppError::validation("to", t().phrases.date_out_of_range)));
    };
    Ok(Json(service::effort_report(&mut conn, &user, start(period.from), start(after_to)).await?).into_response())
}
