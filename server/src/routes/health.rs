//! `/healthz`: the process answers, with the instant its clock reads (so an operator, or a browser test,
//! sees the time the product works at). `/readyz`: the database answers and holds the newest migration, so
//! a load balancer sends traffic only to instances that can serve it.

use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};
use std::time::Duration;

pub fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(healthz)).route("/readyz", get(readyz))
}

async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    (StatusCode::OK, Json(json!({ "status": "ok", "now": state.clock.now() })))
}

async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let check = async {
        let mut conn = state.pool.get().await.ok()?;
        Some(app::db::is_ready(&mut conn, &state.latest_migration).await)
    };
    match tokio::time::timeout(Duration::from_secs(2), check).await {
        Ok(Some(true)) => (StatusCode::OK, Json(json!({ "status": "ready", "migration": state.latest_migration }))),
        Ok(Some(false)) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "migrations_pending", "expected_migration": state.latest_migration })),
        ),
        Ok(None) | Err(_) => (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "database_unreachable" }))),
    }
}
