//! Server functions of the referential: reading it is for the desk (qualification) and administrators;
//! every edit is for administrators.
//! Structured inputs travel as JSON.

use super::{CatalogEntry, Category, EnvironmentItem, Referential, TypologyRule, WorkflowDelays};
use crate::domain::ids::{CatalogEntryId, CategoryId, EnvironmentId};
use crate::domain::qualification::{Impact, QualificationRules, Urgency};
use crate::domain::ticket::Priority;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize, signed_in},
    crate::domain::access::Area,
    crate::domain::workflow::is_staff,
    crate::referential::service,
};

/// The referential: for the desk (qualification) and administrators.
#[server(endpoint = "referentiel")]
pub async fn load_referential() -> Result<Referential, AppError> {
    let SignedIn { user, mut conn, .. } = signed_in().await?;
    if !is_staff(&user.roles) {
        return Err(AppError::Forbidden);
    }
    service::load(&mut conn).await
}

/// Every catalog entry, inactive ones included, for administrators.
#[server(endpoint = "admin_catalogue")]
pub async fn admin_catalog() -> Result<Vec<CatalogEntry>, AppError> {
    let SignedIn { mut conn, .. } = authorize(Area::Administration).await?;
    service::catalog(&mut conn, true).await
}

#[server(endpoint = "admin_catalogue_enregistrer", input = Json)]
pub async fn save_catalog_entry(entry: CatalogEntry) -> Result<CatalogEntryId, AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    service::save_catalog_entry(&mut conn, admin.id, &entry).await
}

#[server(endpoint = "admin_matrice", input = Json)]
pub async fn set_matrix_cell(impact: Impact, urgency: Urgency, priority: Priority) -> Result<(), AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    service::set_matrix_cell(&mut conn, admin.id, impact, urgency, priority).await
}

#[server(endpoint = "admin_regles", input = Json)]
pub async fn set_rules(rules: QualificationRules) -> Result<(), AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    service::set_rules(&mut conn, admin.id, rules).await
}

#[server(endpoint = "admin_typologie", input = Json)]
pub async fn save_typology(rule: TypologyRule) -> Result<(), AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    service::save_typology(&mut conn, admin.id, &rule).await
}

#[server(endpoint = "admin_categorie", input = Json)]
pub async fn save_category(category: Category) -> Result<CategoryId, AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    service::save_category(&mut conn, admin.id, &category).await
}

#[server(endpoint = "admin_environnement", input = Json)]
pub async fn save_environment_item(item: EnvironmentItem) -> Result<EnvironmentId, AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    service::save_environment_item(&mut conn, admin.id, &item).await
}

#[server(endpoint = "admin_delais", input = Json)]
pub async fn set_workflow_delays(delays: WorkflowDelays) -> Result<(), AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    service::set_workflow_delays(&mut conn, admin.id, delays).await
}
