//! Server function of the SLA matrix page.

use super::PoleCapacity;
use crate::domain::people::Pole;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {crate::auth::service::authorize, crate::domain::access::Area};

/// A pole's capacity inputs measured now; the page computes the matrix from them.
#[server(endpoint = "capacite_du_pole")]
pub async fn load_capacity(pole: Pole) -> Result<PoleCapacity, AppError> {
    let (_, mut conn) = authorize(Area::SlaMatrix).await?;
    super::service::pole_capacity(&mut conn, pole, chrono::Utc::now()).await
}
