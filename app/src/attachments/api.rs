//! The attachments' server function: the size a file may have, for the picker to say and check before
//! sending. Uploads and downloads stream through the JSON API (`server/src/routes/attachments.rs`).

use crate::error::AppError;
use leptos::prelude::*;

/// The largest file accepted, in bytes.
#[server(endpoint = "pieces_jointes_taille")]
pub async fn attachment_limit() -> Result<u64, AppError> {
    // The context is read before the first await (see ARCHITECTURE.md).
    let context = crate::context::ServerContext::current()?;
    crate::auth::service::signed_in().await?;
    Ok(context.attachment_limits.per_file)
}
