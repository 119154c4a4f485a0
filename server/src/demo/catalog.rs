//! Requests made from the catalog in the demo: through the real service, so the portal shows the most used
//! entries first and the managers of the demo find requests waiting for their approval.

use app::auth::db::load_current_user;
use app::db::schema::users;
use app::domain::catalog::FieldKind;
use app::domain::ids::UserId;
use app::error::{AppError, AppResult};
use app::referential::service::catalog_entry;
use app::tickets::requests::submit_catalog_request;
use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::BTreeMap;

/// (requester, catalog entry, what they typed in the free-text fields). Entries needing an approval stay
/// waiting for the requester's manager (Philippe Roche for Camille Martin, Sophie Delmas for the head office).
const REQUESTS: &[(&str, &str, &str)] = &[
    ("employe@immo9.fr", "RESEAU_VPN", "Le mercredi, à partir du mois prochain."),
    ("julie.perrin@immo9.fr", "COMPTE_DOSSIER_PARTAGE", "Dossier Ventes 2027 du programme Les Terrasses."),
    ("lucas.bernard@immo9.fr", "POSTE_SECOND_ECRAN", "Pour comparer les plans de lots."),
    ("emma.petit@immo9.fr", "POSTE_SECOND_ECRAN", "Bureau des ventes, poste de l'accueil."),
    ("hugo.robert@immo9.fr", "COMPTE_MOT_DE_PASSE", "Mot de passe expiré pendant les congés."),
    ("lea.richard@immo9.fr", "IMPRESSION_TONER", "Copieur du premier étage."),
    ("louis.durand@immo9.fr", "IMPRESSION_TONER", "Toner noir pour le traceur du chantier."),
    ("chloe.moreau@immo9.fr", "INFRA_RESTAURER_FICHIER", "Tableau des réservations écrasé hier soir."),
];

/// A valid answer for each required field, and the free text where text is asked.
fn answers(
    fields: &[app::domain::catalog::FormField],
    person: UserId,
    site: i64,
    text: &str,
    now: DateTime<Utc>,
) -> BTreeMap<String, String> {
    let in_a_week = (now + TimeDelta::days(7)).date_naive().to_string();
    fields
        .iter()
        .filter(|field| field.required)
        .map(|field| {
            let value = match field.kind {
                FieldKind::Choice => <[String]>::first(&field.choices).cloned().unwrap_or_default(),
                FieldKind::Date => in_a_week.clone(),
                FieldKind::Person => person.0.to_string(),
                FieldKind::Site => site.to_string(),
                FieldKind::Text | FieldKind::LongText => text.to_owned(),
                // The demo's requests carry no files: a required file field is not part of its catalog.
                FieldKind::File => String::new(),
            };
            (field.key.clone(), value)
        })
        .collect()
}

pub async fn load(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> AppResult<usize> {
    for (login, code, text) in REQUESTS {
        let id: UserId = users::table.filter(users::login.eq(*login)).select(users::id).first(conn).await?;
        let requester = load_current_user(conn, id).await?;
        let entry = catalog_entry(conn, code)
            .await?
            .ok_or_else(|| AppError::internal("a demo catalog entry is missing from the seed"))?;
        let given = answers(&entry.fields, id, requester.site.id.0, text, now);
        submit_catalog_request(conn, &requester, code, &given, now).await?;
    }
    Ok(REQUESTS.len())
}
