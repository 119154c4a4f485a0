//! `GET /api/v1/sla/matrix?pole=CODE` (the matrix of a pole with the inputs it was computed from) and
//! `POST /api/v1/capacity/what-if` (the capacity model on any figures), for Qualité and supervisors.

use super::api::{ApiError, ApiUser, body};
use crate::state::AppState;
use app::auth::service::check_area;
use app::capacity::{WhatIfRequest, service, what_if};
use app::domain::access::Area;
use app::domain::capacity::{HourOfWeek, WhatIf, matrix};
use app::domain::people::Pole;
use app::error::AppError;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

pub fn router() -> Router<AppState> {
    Router::new().route("/sla/matrix", get(sla_matrix)).route("/capacity/what-if", post(capacity_what_if))
}

#[derive(Deserialize)]
struct MatrixQuery {
    pole: Option<String>,
    /// 0 (Monday) to 6, with `hour`: the slot to compute; now (or the peak) by default.
    weekday: Option<String>,
    hour: Option<String>,
}

/// `{"pole", "slot": {"weekday", "hour", "label"}, "matrix": {...}, "inputs": {...}}`.
async fn sla_matrix(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Query(query): Query<MatrixQuery>,
) -> Result<Response, ApiError> {
    check_area(&user, Area::SlaMatrix)?;
    let t = app::i18n::t();
    let pole = query
        .pole
        .as_deref()
        .and_then(Pole::from_code)
        .ok_or_else(|| AppError::validation("pole", t.capacity_pole_not_modelled))?;
    let number = |text: &str| text.trim().parse::<u8>().ok();
    let slot = match (query.weekday.as_deref(), query.hour.as_deref()) {
        (None, None) => None,
        (Some(weekday), Some(hour)) => Some(
            number(weekday)
                .zip(number(hour))
                .and_then(|(weekday, hour)| HourOfWeek::new(weekday, hour))
                .ok_or_else(|| AppError::validation("hour", t.capacity_bad_slot))?,
        ),
        _ => return Err(AppError::validation("hour", t.capacity_bad_slot).into()),
    };
    let mut conn = state.pool.get().await.map_err(AppError::from)?;
    let capacity = service::pole_capacity(&mut conn, pole, state.clock.now()).await?;
    let computed = matrix(&capacity.inputs, &WhatIf { slot, ..WhatIf::default() });
    let slot = json!({
        "weekday": computed.slot.weekday(), "hour": computed.slot.hour(),
        "label": app::i18n::slot_label(computed.slot),
    });
    Ok(Json(json!({ "pole": pole, "slot": slot, "matrix": computed, "inputs": capacity })).into_response())
}

async fn capacity_what_if(
    ApiUser(user): ApiUser,
    payload: Result<Json<WhatIfRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    check_area(&user, Area::SlaMatrix)?;
    let request = body(payload)?;
    Ok(Json(what_if(&request)?).into_response())
}
