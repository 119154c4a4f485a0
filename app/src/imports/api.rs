//! Server functions of the import page (the file itself is uploaded to `POST /api/v1/imports`, which takes
//! raw bytes): mapping columns by hand, starting the import, following its progress. Administrators only.

use super::ImportCheck;
use crate::domain::ids::ImportId;
use crate::domain::import::Column;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use std::collections::BTreeMap;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::context::ServerContext,
    crate::domain::access::Area,
};

/// Checks the stored file again with the columns the person mapped.
#[server(endpoint = "import_colonnes", input = Json)]
pub async fn remap_import(id: ImportId, mapping: BTreeMap<Column, String>) -> Result<ImportCheck, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Administration).await?;
    super::service::remap(&mut conn, &user, id, mapping, now).await
}

/// Starts a checked import in the background; answers at once, the page then follows its progress.
#[server(endpoint = "import_lancer", input = Json)]
pub async fn start_import(id: ImportId) -> Result<ImportCheck, AppError> {
    let context = ServerContext::current()?;
    let SignedIn { user, mut conn, now } = authorize(Area::Administration).await?;
    let check = super::service::start(&mut conn, &user, id, now).await?;
    super::service::spawn_run(context.pool, context.clock, id);
    Ok(check)
}

/// The report and progress of an import.
#[server(endpoint = "import_suivi", input = Json)]
pub async fn import_status(id: ImportId) -> Result<ImportCheck, AppError> {
    let SignedIn { user, mut conn, .. } = authorize(Area::Administration).await?;
    super::service::status(&mut conn, &user, id).await
}
