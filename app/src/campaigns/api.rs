//! Server functions of campaigns: the banners of the signed-in person (everyone), the history (steering
//! area), publishing and withdrawing (Qualité and administrators, checked by the service).

use super::{Banner, BannerForm, CampaignsPage};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::domain::access::Area,
};

/// The banners showing now to the signed-in person; none for a visitor.
#[server(endpoint = "bandeaux", input = Json)]
pub async fn live_banners() -> Result<Vec<Banner>, AppError> {
    let SignedIn { user, mut conn, now } = match authorize(Area::Home).await {
        Ok(signed_in) => signed_in,
        Err(AppError::Unauthenticated) => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    super::service::live_banners(&mut conn, &user, now).await
}

#[server(endpoint = "campagnes", input = Json)]
pub async fn load_campaigns() -> Result<CampaignsPage, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Steering).await?;
    super::service::page(&mut conn, &user, now).await
}

#[server(endpoint = "campagnes_publier", input = Json)]
pub async fn publish_banner(form: BannerForm) -> Result<i64, AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Steering).await?;
    super::service::publish(&mut conn, &user, form, now).await
}

#[server(endpoint = "campagnes_retirer", input = Json)]
pub async fn withdraw_banner(id: i64) -> Result<(), AppError> {
    let SignedIn { user, mut conn, now } = authorize(Area::Steering).await?;
    super::service::withdraw(&mut conn, &user, id, now).await
}
