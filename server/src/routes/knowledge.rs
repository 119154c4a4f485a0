//! `POST /api/v1/triage` (a suggestion of type, domain and pole for a description) and the imports of
//! activity lists: `POST /api/v1/imports?fichier=NOM` (the file as the body; the dry run's report),
//! `POST /api/v1/imports/{id}/lancer` (starts the import) and `GET /api/v1/imports/{id}` (report, progress).

use super::api::ApiError;
use super::input::{Administration, Body, Caller, InArea, Params, PathId, Queues};
use crate::state::AppState;
use app::domain::ids::ImportId;
use app::domain::import::Column;
use app::error::AppError;
use app::i18n::{fill, t};
use app::imports::file::MAX_FILE_BYTES;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;
use std::collections::BTreeMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/triage", post(triage))
        .route("/imports", post(check_import).layer(DefaultBodyLimit::max(MAX_FILE_BYTES + 1024)))
        .route("/imports/{id}", get(import_status))
        .route("/imports/{id}/lancer", post(start_import))
}

#[derive(Deserialize)]
struct TriageRequest {
    description: String,
}

/// `{"type", "domain", "pole", "confidence", "reasons", "details": {"type"|"domain"|"pole": {"label",
/// "confidence", "words"}}}`: a suggestion for the desk, never applied by itself.
async fn triage(InArea(caller, _): InArea<Queues>, Body(request): Body<TriageRequest>) -> Result<Response, ApiError> {
    let mut conn = caller.conn;
    let suggestion = app::triage::service::suggest(&mut conn, &request.description).await?;
    let round = |value: f64| (value * 1000.0).round() / 1000.0;
    Ok(Json(json!({
        "type": suggestion.kind.label,
        "domain": suggestion.domain.label,
        "pole": suggestion.pole.label,
        "confidence": round(suggestion.confidence),
        "reasons": suggestion.reasons,
        "details": {
            "type": {"label": suggestion.kind.label, "confidence": round(suggestion.kind.confidence), "words": suggestion.kind.words},
            "domain": {"label": suggestion.domain.label, "confidence": round(suggestion.domain.confidence), "words": suggestion.domain.words},
            "pole": {"label": suggestion.pole.label, "confidence": round(suggestion.pole.confidence), "words": suggestion.pole.words},
        },
    }))
    .into_response())
}

#[derive(Deserialize)]
struct UploadQuery {
    fichier: Option<String>,
    /// Columns mapped by hand: `colonnes=type:Nature,site:Agence`.
    colonnes: Option<String>,
}

/// Reads `colonne:en-tête` pairs, separated by commas.
fn explicit_mapping(text: Option<&str>) -> Result<BTreeMap<Column, String>, AppError> {
    let mut mapping = BTreeMap::new();
    for pair in text.unwrap_or("").split(',').map(str::trim).filter(|pair| !pair.is_empty()) {
        let (column, header) = pair.split_once(':').ok_or_else(|| {
            AppError::validation("colonnes", fill(t().phrases.import_columns_pair, &[("pair", &pair)]))
        })?;
        let column = Column::from_code(column.trim()).ok_or_else(|| {
            AppError::validation("colonnes", fill(t().phrases.import_column_unknown, &[("column", &column.trim())]))
        })?;
        mapping.insert(column, header.trim().to_owned());
    }
    Ok(mapping)
}

/// The dry run: the file is checked and stored, no ticket is written. 201 with the report.
async fn check_import(
    InArea(caller, _): InArea<Administration>,
    Params(query): Params<UploadQuery>,
    content: Bytes,
) -> Result<Response, ApiError> {
    let Caller { user, mut conn, now } = caller;
    let mapping = explicit_mapping(query.colonnes.as_deref())?;
    let name = query.fichier.unwrap_or_default();
    let report = app::imports::service::check_upload(&mut conn, &user, &name, &content, mapping, now).await?;
    Ok((StatusCode::CREATED, Json(report)).into_response())
}

async fn import_status(InArea(caller, _): InArea<Administration>, PathId(id): PathId) -> Result<Response, ApiError> {
    let Caller { user, mut conn, .. } = caller;
    Ok(Json(app::imports::service::status(&mut conn, &user, ImportId(id)).await?).into_response())
}

/// Starts a clean check's import in the background: 202, then follow `GET /api/v1/imports/{id}`.
async fn start_import(
    State(state): State<AppState>,
    InArea(caller, _): InArea<Administration>,
    PathId(id): PathId,
) -> Result<Response, ApiError> {
    let Caller { user, mut conn, now } = caller;
    let report = app::imports::service::start(&mut conn, &user, ImportId(id), now).await?;
    app::imports::service::spawn_run(state.pool.clone(), state.clock.clone(), ImportId(id));
    Ok((StatusCode::ACCEPTED, Json(report)).into_response())
}
