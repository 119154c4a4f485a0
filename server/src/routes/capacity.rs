//! `GET /api/v1/sla/matrix?pole=CODE` (the matrix of a pole with the inputs it was computed from) and
//! `POST /api/v1/capacity/what-if` (the capacity model on any figures), for Qualité and supervisors.

use super::api::ApiError;
use super::input::{Body, InArea, Params, SlaMatrix};
use crate::state::AppState;
use app::capacity::{WhatIfRequest, service, what_if};
use app::domain::capacity::{HourOfWeek, WhatIf, matrix};
use app::domain::people::Pole;
use app::error::AppError;
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
    InArea(caller, _): InArea<SlaMatrix>,
    Params(query): Params<MatrixQuery>,
) -> Result<Response, ApiError> {
    let mut conn = caller.conn;
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
    let capacity = service::pole_capacity(&mut conn, pole, caller.now).await?;
    let computed = matrix(&capacity.inputs, &WhatIf { slot, ..WhatIf::default() });
    let slot = json!({
        "weekday": computed.slot.weekday(), "hour": computed.slot.hour(),
        "label": app::i18n::slot_label(computed.slot),
    });
    Ok(Json(json!({ "pole": pole, "slot": slot, "matrix": computed, "inputs": capacity })).into_response())
}

async fn capacity_what_if(_: InArea<SlaMatrix>, Body(request): Body<WhatIfRequest>) -> Result<Response, ApiError> {
    Ok(Json(what_if(&request)?).into_response())
}
