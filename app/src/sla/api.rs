//! Server functions of the service-levels administration: read the policies and calendars, change them.

use super::{CalendarDraft, PolicyDraft, ServiceLevels};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, authorize},
    crate::domain::access::Area,
    crate::sla::service,
};

/// The policies, the calendars and the holidays of this year.
#[server(endpoint = "niveaux_de_service")]
pub async fn load_service_levels() -> Result<ServiceLevels, AppError> {
    use chrono::Datelike;
    let SignedIn { mut conn, now, .. } = authorize(Area::Administration).await?;
    let year = now.with_timezone(&chrono_tz::Europe::Paris).year();
    service::service_levels(&mut conn, year).await
}

#[server(endpoint = "admin_politique_sla", input = Json)]
pub async fn save_policy(policy: PolicyDraft) -> Result<(), AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    service::save_policy(&mut conn, admin.id, &policy).await
}

#[server(endpoint = "admin_calendrier", input = Json)]
pub async fn save_calendar(calendar: CalendarDraft) -> Result<(), AppError> {
    let SignedIn { user: admin, mut conn, .. } = authorize(Area::Administration).await?;
    service::save_calendar(&mut conn, admin.id, &calendar).await
}
