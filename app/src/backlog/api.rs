//! Server function of the backlog page.

use super::PoleBacklog;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::domain::access::Area,
};

/// Every pole's backlog, assessed now.
#[server(endpoint = "charge_des_poles")]
pub async fn load_backlog() -> Result<Vec<PoleBacklog>, AppError> {
    let SignedIn { mut conn, now, .. } = authorize(Area::Steering).await?;
    super::service::overview(&mut conn, now).await
}
