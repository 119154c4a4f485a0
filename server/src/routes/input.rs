//! The JSON API's input layer: what a handler receives, already checked. Who calls comes first (401
//! before anything else of the request is read, 403 for an area the caller may not open), then the path,
//! the query and the body, each refused as the documented JSON error (`{"error": {"code", "message",
//! "field"?}}`) rather than axum's plain-text rejections.

use super::api::ApiError;
use super::edge::{bounded_body, nul_in_json};
use crate::state::AppState;
use app::auth::CurrentUser;
use app::auth::service::{check_area, user_from_headers};
use app::db::DbConn;
use app::domain::access::Area;
use app::domain::ticket::TicketRef;
use app::error::AppError;
use app::i18n::{fill, t};
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::header;
use axum::http::request::Parts;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use std::marker::PhantomData;

/// The signed-in caller, with the connection that found them (the handler's for the rest of the request)
/// and the request's one instant from the instance's clock. Answers 401 by itself.
pub struct Caller {
    pub user: CurrentUser,
    pub conn: DbConn,
    pub now: DateTime<Utc>,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let now = state.clock.now();
        let mut conn = state.pool.get().await.map_err(AppError::from)?;
        let user = user_from_headers(&mut conn, &parts.headers, now).await?.ok_or(AppError::Unauthenticated)?;
        Ok(Caller { user, conn, now })
    }
}

/// An area of the product, as a type, for [`InArea`].
pub trait AreaGate {
    const AREA: Area;
}

macro_rules! area_gates {
    ($($gate:ident),+) => {
        $(
            #[doc = concat!("The `", stringify!($gate), "` area, for [`InArea`].")]
            pub struct $gate;
            impl AreaGate for $gate {
                const AREA: Area = Area::$gate;
            }
        )+
    };
}

area_gates!(Queues, Steering, SlaMatrix, Administration);

/// A [`Caller`] who may open the area `A`: 401 without a session, 403 without the role.
pub struct InArea<A: AreaGate>(pub Caller, pub PhantomData<A>);

impl<A: AreaGate> FromRequestParts<AppState> for InArea<A> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let caller = Caller::from_request_parts(parts, state).await?;
        check_area(&caller.user, A::AREA)?;
        Ok(InArea(caller, PhantomData))
    }
}

/// The ticket a path names (`/tickets/{reference}`): a reference that cannot exist is 404, like an unknown
/// one, so the answer never tells which is which.
pub struct Reference(pub TicketRef);

impl FromRequestParts<AppState> for Reference {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Path(text) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found(t().phrases.missing_api_route))?;
        text.parse().map(Reference).map_err(|_| ApiError(AppError::not_found(text)))
    }
}

/// The numeric id a path names (`/imports/{id}`): one that is not a number cannot exist, so it is 404.
pub struct PathId(pub i64);

impl FromRequestParts<AppState> for PathId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Path(text) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found(t().phrases.missing_api_route))?;
        text.trim().parse().map(PathId).map_err(|_| ApiError(AppError::not_found(text)))
    }
}

/// A query string read into `T`; a malformed one is 422 on `query` with the reason.
pub struct Params<T>(pub T);

impl<T: DeserializeOwned + Send> FromRequestParts<AppState> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Query(value) = Query::<T>::from_request_parts(parts, state).await.map_err(|rejection| {
            AppError::validation("query", fill(t().phrases.query_invalid, &[("detail", &rejection.body_text())]))
        })?;
        Ok(Params(value))
    }
}

/// A JSON body read into `T`: beyond [`MAX_BODY_BYTES`](super::edge::MAX_BODY_BYTES) it is 413, a NUL in
/// any of its text 422 on that field, and anything else unreadable the caller's mistake: 422 on `body` with
/// the reason. Read after the caller extractors, so an anonymous caller learns nothing from its body.
pub struct Body<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, _state: &AppState) -> Result<Self, Self::Rejection> {
        let invalid = |detail: &dyn std::fmt::Display| {
            ApiError(AppError::validation("body", fill(t().phrases.body_invalid, &[("detail", &detail)])))
        };
        let (parts, body) = request.into_parts();
        let content_type = parts.headers.get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok());
        if !content_type.is_some_and(|value| value.starts_with("application/json")) {
            return Err(invalid(&"Content-Type: application/json"));
        }
        let bytes = bounded_body(&parts.headers, body).await?;
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|error| invalid(&error))?;
        if let Some(field) = nul_in_json(&value, "body") {
            return Err(ApiError(AppError::validation(field, t().err_nul)));
        }
        serde_json::from_value(value).map(Body).map_err(|error| invalid(&error))
    }
}
