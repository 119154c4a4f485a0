//! Gives failed server functions the HTTP status of their `AppError` (401, 403, 409, 422…).
//!
//! server_fn 0.8.13 answers every server-function error with 500 and the JSON-encoded error in the body; it
//! has no hook for the status. This layer reads that body back (it is small) and sets the status the error
//! names, so proxies, logs and scripts see a 403 as a 403. Successful responses pass through untouched.

use app::error::AppError;
use axum::body::Body;
use axum::http::{Response, StatusCode, header};

/// The largest error body worth decoding; an error is a few hundred bytes (`AppError` shortens the
/// framework's messages, which quote the input).
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn with_error_status(response: Response<Body>) -> Response<Body> {
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"));
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR || !is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_ERROR_BODY).await {
        Ok(bytes) => bytes,
        Err(_) => {
            tracing::error!("a server-function error too large to decode");
            return Response::from_parts(parts, Body::empty());
        }
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status();
        if let Some(seconds) = error.retry_after() {
            parts.headers.insert(header::RETRY_AFTER, seconds.into());
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
