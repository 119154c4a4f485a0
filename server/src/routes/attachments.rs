//! Attachments over HTTP: `POST /api/v1/tickets/{reference}/attachments` and
//! `POST /api/v1/articles/{id}/attachments` (multipart, each `file` part a file; `internal=true` for the
//! desk's own), `GET /api/v1/attachments/{id}` (the bytes, or `?variante=apercu|vignette`). The caller is
//! known before the body is read; the files are spooled to disk as they arrive, refused past their limit,
//! and stored in one transaction only once complete, so an interrupted upload leaves nothing.

use super::api::ApiError;
use super::edge::{accepts_html, refusal_page};
use super::input::{Caller, Params, PathId, Reference};
use crate::state::AppState;
use app::attachments::spool::{SpoolError, Spooled, Spooler};
use app::attachments::{Attachment, Variant, store};
use app::db::DbConn;
use app::domain::attachment::{Limits, content_disposition};
use app::domain::ids::{ArticleId, AttachmentId};
use app::error::AppError;
use app::i18n::{fill, t};
use axum::body::Body;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

/// Files one request may carry.
const MAX_FILES: usize = 20;
/// Room for a request's multipart framing and its small text parts, beside its files.
const FRAMING_BYTES: u64 = 64 * 1024;
/// The longest text part read (`internal`, `retour`).
const MAX_TEXT_PART: usize = 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/tickets/{reference}/attachments", post(attach_to_ticket).layer(DefaultBodyLimit::disable()))
        .route("/articles/{id}/attachments", post(attach_to_article).layer(DefaultBodyLimit::disable()))
        .route("/attachments/{id}", get(download))
}

/// What a multipart upload carried.
struct Upload {
    files: Vec<Spooled>,
    internal: bool,
    /// The page a form posted without the WASM goes back to (a path of this site).
    back_to: Option<String>,
}

fn not_multipart() -> AppError {
    AppError::validation("file", t().attachments.not_multipart)
}

/// Refuses at once a request that says it is larger than any upload may be: nothing of it is read.
fn check_declared_length(headers: &HeaderMap, limits: Limits) -> Result<(), AppError> {
    let declared =
        headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    let most = limits.per_ticket.max(limits.per_file).saturating_add(FRAMING_BYTES);
    match declared {
        Some(length) if length > most => Err(AppError::FileTooLarge { max_bytes: limits.per_file }),
        _ => Ok(()),
    }
}

/// Reads the parts: each `file` spooled under the per-file limit, the text parts bounded.
async fn read_upload(multipart: Result<Multipart, MultipartRejection>, limits: Limits) -> Result<Upload, AppError> {
    let mut multipart = multipart.map_err(|_| not_multipart())?;
    let mut upload = Upload { files: Vec::new(), internal: false, back_to: None };
    let interrupted = |_| AppError::validation("file", t().attachments.interrupted);
    while let Some(mut field) = multipart.next_field().await.map_err(|_| not_multipart())? {
        match field.name().unwrap_or_default() {
            "file" => {
                if upload.files.len() == MAX_FILES {
                    return Err(AppError::validation(
                        "file",
                        fill(t().attachments.too_many_files, &[("max", &MAX_FILES)]),
                    ));
                }
                let name = field.file_name().unwrap_or_default().to_owned();
                let mut spooler = Spooler::new(limits.per_file).await.map_err(spool_error)?;
                while let Some(chunk) = field.chunk().await.map_err(interrupted)? {
                    spooler.write(&chunk).await.map_err(spool_error)?;
                }
                let spooled = spooler.finish(&name).await.map_err(spool_error)?;
                if spooled.size == 0 {
                    // A file input left empty in a form posted without the WASM sends an empty part.
                    if name.is_empty() {
                        continue;
                    }
                    return Err(AppError::validation(
                        "file",
                        fill(t().attachments.file_empty, &[("name", &spooled.name)]),
                    ));
                }
                upload.files.push(spooled);
            }
            "internal" => upload.internal = matches!(text_part(&mut field).await?.as_str(), "true" | "1" | "on"),
            "retour" => {
                let path = text_part(&mut field).await?;
                let own_path = path.starts_with('/') && !path.starts_with("//") && !path.contains(['\\', '\r', '\n']);
                upload.back_to = own_path.then_some(path);
            }
            // Parts this endpoint does not know are read and forgotten, within the same bound.
            _ => {
                text_part(&mut field).await?;
            }
        }
    }
    if upload.files.is_empty() {
        return Err(AppError::validation("file", t().attachments.file_missing));
    }
    Ok(upload)
}

async fn text_part(field: &mut axum::extract::multipart::Field<'_>) -> Result<String, AppError> {
    let mut text = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|_| not_multipart())? {
        text.extend_from_slice(&chunk);
        if text.len() > MAX_TEXT_PART {
            return Err(AppError::validation(field.name().unwrap_or("file").to_owned(), t().attachments.not_multipart));
        }
    }
    String::from_utf8(text).map(|text| text.trim().to_owned()).map_err(|_| not_multipart())
}

fn spool_error(error: SpoolError) -> AppError {
    match error {
        SpoolError::TooLarge { limit } => AppError::FileTooLarge { max_bytes: limit },
        SpoolError::Io(error) => {
            tracing::error!(%error, "spooling an upload");
            AppError::Internal
        }
    }
}

/// 201 with the attachment (an array when several files were sent), or back to the page of a form posted
/// without the WASM.
fn created(added: Vec<Attachment>, back_to: Option<String>) -> Response {
    if let Some(path) = back_to {
        return Redirect::to(&path).into_response();
    }
    match <[Attachment; 1]>::try_from(added) {
        Ok([one]) => (StatusCode::CREATED, Json(one)).into_response(),
        Err(several) => (StatusCode::CREATED, Json(several)).into_response(),
    }
}

/// A refusal in the caller's format: a person's browser posting the page's form gets a French page.
fn refused(headers: &HeaderMap, error: AppError) -> Response {
    if accepts_html(headers) { refusal_page(error) } else { ApiError(error).into_response() }
}

/// Makes the renditions of what was just stored, after the answer: the person does not wait for them.
fn make_renditions_soon(state: &AppState) {
    let pool = state.pool.clone();
    tokio::spawn(async move {
        let made = match pool.get().await {
            Ok(mut conn) => app::attachments::renditions::make_pending(&mut conn, 20).await,
            Err(error) => Err(AppError::from(error)),
        };
        if let Err(error) = made {
            tracing::warn!(?error, "renditions left to the periodic job");
        }
    });
}

/// Reads the upload, then stores it with `store` on a connection taken only once the files are complete,
/// and answers 201 (or the refusal in the caller's format).
async fn receive(
    state: &AppState,
    headers: &HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
    store: impl AsyncFnOnce(&mut DbConn, &Upload) -> Result<Vec<Attachment>, AppError>,
) -> Response {
    let limits = state.attachment_limits;
    let stored = async {
        check_declared_length(headers, limits)?;
        let upload = read_upload(multipart, limits).await?;
        let mut conn = state.pool.get().await?;
        let added = store(&mut conn, &upload).await?;
        Ok::<_, AppError>((added, upload.back_to))
    };
    match stored.await {
        Ok((added, back_to)) => {
            make_renditions_soon(state);
            created(added, back_to)
        }
        Err(error) => refused(headers, error),
    }
}

async fn attach_to_ticket(
    State(state): State<AppState>,
    caller: Caller,
    Reference(reference): Reference,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let Caller { user, conn, now } = caller;
    // The connection goes back to the pool while the file arrives (a phone on 4G takes its time).
    drop(conn);
    let limits = state.attachment_limits;
    receive(&state, &headers, multipart, async |conn, upload| {
        app::tickets::attachments::attach(conn, &user, &reference, &upload.files, upload.internal, limits, now).await
    })
    .await
}

async fn attach_to_article(
    State(state): State<AppState>,
    caller: Caller,
    PathId(id): PathId,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let Caller { user, conn, now } = caller;
    drop(conn);
    let limits = state.attachment_limits;
    receive(&state, &headers, multipart, async |conn, upload| {
        app::knowledge::service::attach(conn, &user, ArticleId(id), &upload.files, limits, now).await
    })
    .await
}

#[derive(Deserialize)]
struct DownloadQuery {
    variante: Option<String>,
}

/// Served so that no browser ever runs what a file holds: the type read from its bytes (HTML and SVG as
/// plain bytes), `nosniff` (the edge), a download unless it is a picture of a safe type, and a sandbox.
async fn download(
    State(state): State<AppState>,
    caller: Caller,
    PathId(id): PathId,
    Params(query): Params<DownloadQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Caller { user, mut conn, .. } = caller;
    let variant = Variant::from_query(query.variante.as_deref())
        .ok_or_else(|| AppError::validation("variante", t().attachments.variant_invalid))?;
    let stored = app::tickets::attachments::open(&mut conn, &user, AttachmentId(id)).await?;
    let etag = format!("\"{}{}\"", stored.sha256, variant.rendition_code().unwrap_or_default().to_lowercase());
    let mut response = if headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
        StatusCode::NOT_MODIFIED.into_response()
    } else if variant == Variant::Original {
        drop(conn);
        let disposition = content_disposition(stored.file_type.is_inline_image(), &stored.name);
        let mut response =
            Body::from_stream(chunks(state.pool.clone(), stored.sha256.clone(), stored.chunk_count)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(stored.file_type.served_as()));
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(stored.size.max(0) as u64));
        headers.insert(header::CONTENT_DISPOSITION, header_value(&disposition));
        response
    } else {
        let (content_type, data) = store::rendition(&mut conn, &stored.sha256, variant)
            .await?
            .ok_or_else(|| AppError::not_found(t().attachments.preview_pending))?;
        let disposition = content_disposition(true, &stored.name);
        let mut response = data.into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, header_value(&content_type));
        headers.insert(header::CONTENT_DISPOSITION, header_value(&disposition));
        response
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, header_value(&etag));
    // Asked again each time (a ticket's visibility may change), answered 304 while the file is the same.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
    headers.insert("cross-origin-resource-policy", HeaderValue::from_static("same-origin"));
    Ok(response)
}

/// Values built from checked text (`content_disposition` percent-encodes the name): never invalid, but
/// answered empty rather than failing if they were.
fn header_value(text: &str) -> HeaderValue {
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The stored chunks in order, each read with a connection taken for that read only, so a slow download
/// holds none of the pool. The content of a hash never changes, so the reads need no common snapshot.
fn chunks(
    pool: app::db::DbPool,
    sha256: String,
    count: i32,
) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    futures_util::stream::unfold(0_i32, move |seq| {
        let pool = pool.clone();
        let sha256 = sha256.clone();
        async move {
            if seq >= count {
                return None;
            }
            let read = async {
                let mut conn = pool.get().await.map_err(std::io::Error::other)?;
                store::chunk(&mut conn, &sha256, seq)
                    .await
                    .map_err(std::io::Error::other)?
                    .ok_or_else(|| std::io::Error::other("missing chunk"))
            };
            Some((read.await, seq + 1))
        }
    })
}
