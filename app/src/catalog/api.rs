//! Server functions of the portal's catalog, for everyone signed in: the entries, one entry's form, the
//! choices its fields offer, and the request made from it.

use crate::directory::Person;
use crate::domain::ids::SiteId;
use crate::domain::ticket::TicketRef;
use crate::error::AppError;
use crate::referential::CatalogEntry;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(feature = "ssr")]
use {
    crate::auth::service::{SignedIn, signed_in},
    crate::referential::service,
};

/// The active catalog entries, with how often each was used.
#[server(endpoint = "catalogue")]
pub async fn catalog_entries() -> Result<Vec<CatalogEntry>, AppError> {
    let SignedIn { mut conn, .. } = signed_in().await?;
    service::catalog(&mut conn, false).await
}

/// One active entry, with its form.
#[server(endpoint = "catalogue_entree")]
pub async fn get_catalog_entry(code: String) -> Result<CatalogEntry, AppError> {
    let SignedIn { mut conn, .. } = signed_in().await?;
    service::catalog_entry(&mut conn, &code)
        .await?
        .filter(|entry| entry.active)
        .ok_or_else(|| AppError::not_found(format!("{} {code}", crate::i18n::t().catalog_entry_word)))
}

/// Makes a request from a catalog entry; answers are keyed by the form's field keys.
#[server(endpoint = "catalogue_demande", input = Json)]
pub async fn submit_catalog_request(code: String, answers: BTreeMap<String, String>) -> Result<TicketRef, AppError> {
    let SignedIn { user, mut conn, now } = signed_in().await?;
    crate::tickets::requests::submit_catalog_request(&mut conn, &user, &code, &answers, now).await
}

/// The people and sites a form's "person" and "site" fields offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormChoices {
    pub people: Vec<Person>,
    pub sites: Vec<(SiteId, String)>,
}

#[server(endpoint = "catalogue_choix")]
pub async fn load_form_choices() -> Result<FormChoices, AppError> {
    let SignedIn { mut conn, .. } = signed_in().await?;
    let people = crate::directory::db::active_people(&mut conn).await?.into_iter().map(|(person, _)| person).collect();
    let sites =
        crate::directory::db::list_sites(&mut conn).await?.into_iter().map(|site| (site.id, site.name)).collect();
    Ok(FormChoices { people, sites })
}
