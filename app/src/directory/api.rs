//! Server functions of the directory: accounts and sites for administrators, poles and teams for the desk.

use super::{AccountProfile, AccountRow, PoleTeam, SiteDraft, SiteRow};
use crate::domain::ids::SiteId;
use crate::domain::ids::UserId;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::directory::db,
    crate::domain::access::Area,
};

#[server(endpoint = "comptes")]
pub async fn list_accounts() -> Result<Vec<AccountRow>, AppError> {
    let SignedIn { mut conn, .. } = authorize(Area::Administration).await?;
    Ok(db::list_accounts(&mut conn).await?)
}

/// Switches an account on or off (its sessions end at once when switched off). Administrators cannot
/// switch themselves off: the desk would lose its last way back in.
#[server(endpoint = "comptes_activation")]
pub async fn set_account_active(user_id: UserId, active: bool) -> Result<AccountRow, AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    if user_id == admin.id && !active {
        return Err(AppError::conflict(crate::i18n::t().account_cannot_disable_self));
    }
    let row = db::set_active(&mut conn, admin.id, user_id, active).await?;
    tracing::info!(admin = %admin.id, account = %user_id, active, "account activation changed");
    Ok(row)
}

#[server(endpoint = "sites")]
pub async fn list_sites() -> Result<Vec<SiteRow>, AppError> {
    let SignedIn { mut conn, .. } = authorize(Area::Administration).await?;
    Ok(db::list_sites(&mut conn).await?)
}

#[server(endpoint = "equipes")]
pub async fn list_teams() -> Result<Vec<PoleTeam>, AppError> {
    let SignedIn { mut conn, .. } = authorize(Area::Teams).await?;
    Ok(db::list_teams(&mut conn).await?)
}

/// Changes an account's site, typology, pole, roles and manager (audited).
#[server(endpoint = "comptes_profil", input = Json)]
pub async fn update_account(profile: AccountProfile) -> Result<AccountRow, AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    db::update_profile(&mut conn, admin.id, &profile).await
}

/// Creates or changes a site (audited).
#[server(endpoint = "sites_enregistrer", input = Json)]
pub async fn save_site(site: SiteDraft) -> Result<SiteId, AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    db::save_site(&mut conn, admin.id, &site).await
}
