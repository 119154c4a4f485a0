//! The directory's settings: checked field by field, stored (the bind password kept when not sent again,
//! never answered back), audited without the password; and the page's view with the last sync runs.

use super::{DirectoryPage, DirectorySettingsInput, DirectorySettingsShown, SyncRun};
use crate::auth::ldap::{check_ca_file, settings};
use crate::db::audit;
use crate::db::schema::{directory_settings, directory_sync_runs};
use crate::domain::directory::{Attributes, GroupRules, SettingsProblem, SyncProblem};
use crate::domain::ids::UserId;
use crate::error::{AppError, AppResult, FieldMessage};
use crate::i18n::people::{settings_problem, sync_problem};
use crate::i18n::t;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

/// The settings as answered: without the password.
pub async fn shown(conn: &mut AsyncPgConnection) -> AppResult<Option<DirectorySettingsShown>> {
    let Some(row) = settings(conn).await? else { return Ok(None) };
    Ok(Some(DirectorySettingsShown {
        group_roles: row.group_roles(),
        group_typologies: row.group_typologies(),
        attributes: row.attributes(),
        profile: row.profile,
        bind_password_set: !row.bind_password.is_empty(),
        url: row.url,
        starttls: row.starttls,
        ca_file: row.ca_file,
        bind_dn: row.bind_dn,
        base_dn: row.base_dn,
        group_base_dn: row.group_base_dn,
        sync_enabled: row.sync_enabled,
        updated_at: row.updated_at,
    }))
}

/// The page: the settings and the twenty last runs.
pub async fn page(conn: &mut AsyncPgConnection) -> AppResult<DirectoryPage> {
    type RunColumns = (i64, String, DateTime<Utc>, i32, i32, i32, i32, serde_json::Value, Option<String>);
    let rows: Vec<RunColumns> = directory_sync_runs::table
        .select((
            directory_sync_runs::id,
            directory_sync_runs::trigger,
            directory_sync_runs::started_at,
            directory_sync_runs::created,
            directory_sync_runs::updated,
            directory_sync_runs::deactivated,
            directory_sync_runs::unchanged,
            directory_sync_runs::problems,
            directory_sync_runs::failure,
        ))
        .order(directory_sync_runs::id.desc())
        .limit(20)
        .load(conn)
        .await?;
    let runs = rows
        .into_iter()
        .map(|(id, trigger, started_at, created, updated, deactivated, unchanged, problems, failure)| SyncRun {
            id,
            hourly: trigger == "HORAIRE",
            started_at,
            created,
            updated,
            deactivated,
            unchanged,
            errors: serde_json::from_value::<Vec<SyncProblem>>(problems)
                .unwrap_or_default()
                .iter()
                .map(sync_problem)
                .collect(),
            failure,
        })
        .collect();
    Ok(DirectoryPage { settings: shown(conn).await?, runs })
}

fn trimmed(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|value| !value.is_empty()).map(str::to_owned)
}

/// Every problem of the settings, each beside its field.
fn check(input: &DirectorySettingsInput, password_stored: bool) -> Vec<FieldMessage> {
    let people = &t().people;
    let mut problems = Vec::new();
    let mut problem = |field: &str, message: String| problems.push(FieldMessage { field: field.into(), message });
    let url_ok = url::Url::parse(input.url.trim())
        .ok()
        .is_some_and(|url| matches!(url.scheme(), "ldap" | "ldaps") && url.host_str().is_some_and(|h| !h.is_empty()));
    if !url_ok {
        problem("url", people.directory_url_invalid.into());
    }
    for (field, value) in [("bind_dn", &input.bind_dn), ("base_dn", &input.base_dn)] {
        if value.trim().is_empty() || value.len() > 1000 {
            problem(field, people.directory_required.into());
        }
    }
    let password_sent = input.bind_password.as_deref().is_some_and(|password| !password.is_empty());
    if !password_sent && !password_stored {
        problem("bind_password", people.directory_password_required.into());
    }
    if let Err(error) = Attributes::for_profile(input.profile, &input.attributes) {
        problem("attributes", settings_problem(&error));
    }
    if let Err(error) = GroupRules::parse(&input.group_roles, &input.group_typologies) {
        let field = match error {
            SettingsProblem::UnknownTypology { .. } => "group_typologies",
            _ => "group_roles",
        };
        problem(field, settings_problem(&error));
    }
    if check_ca_file(trimmed(&input.ca_file).as_deref()).is_err() {
        problem("ca_file", people.directory_ca_file_unreadable.into());
    }
    problems
}

/// Saves the settings (audited, the password never in the trail). An empty or absent password keeps the
/// stored one.
pub async fn save(
    conn: &mut AsyncPgConnection,
    admin: UserId,
    input: &DirectorySettingsInput,
    now: DateTime<Utc>,
) -> AppResult<DirectorySettingsShown> {
    conn.transaction(async |conn| {
        let before = settings(conn).await?;
        let errors = check(input, before.as_ref().is_some_and(|row| !row.bind_password.is_empty()));
        if !errors.is_empty() {
            return Err(AppError::InvalidForm { errors });
        }
        let password = match input.bind_password.as_deref().filter(|password| !password.is_empty()) {
            Some(password) => password.to_owned(),
            None => before.as_ref().map(|row| row.bind_password.clone()).unwrap_or_default(),
        };
        let values = (
            directory_settings::id.eq(1i16),
            directory_settings::url.eq(input.url.trim()),
            directory_settings::starttls.eq(input.starttls),
            directory_settings::ca_file.eq(trimmed(&input.ca_file)),
            directory_settings::bind_dn.eq(input.bind_dn.trim()),
            directory_settings::bind_password.eq(&password),
            directory_settings::base_dn.eq(input.base_dn.trim()),
            directory_settings::group_base_dn.eq(trimmed(&input.group_base_dn)),
            directory_settings::profile.eq(input.profile),
            directory_settings::group_roles.eq(serde_json::to_value(&input.group_roles).unwrap_or_default()),
            directory_settings::group_typologies.eq(serde_json::to_value(&input.group_typologies).unwrap_or_default()),
            directory_settings::attributes.eq(serde_json::to_value(&input.attributes).unwrap_or_default()),
            directory_settings::sync_enabled.eq(input.sync_enabled),
            directory_settings::updated_at.eq(now),
            directory_settings::updated_by.eq(Some(admin)),
        );
        diesel::insert_into(directory_settings::table)
            .values(values.clone())
            .on_conflict(directory_settings::id)
            .do_update()
            .set(values)
            .execute(conn)
            .await?;
        let mut after = serde_json::to_value(input).unwrap_or_default();
        after["bind_password"] = serde_json::Value::Null;
        after["mot_de_passe_change"] = serde_json::json!(input.bind_password.as_deref().is_some_and(|p| !p.is_empty()));
        let before = before.map(|row| {
            serde_json::json!({
                "url": row.url, "starttls": row.starttls, "ca_file": row.ca_file, "bind_dn": row.bind_dn,
                "base_dn": row.base_dn, "group_base_dn": row.group_base_dn, "profile": row.profile,
                "group_roles": row.group_roles, "group_typologies": row.group_typologies,
                "attributes": row.attributes, "sync_enabled": row.sync_enabled,
            })
        });
        audit(
            conn,
            admin,
            "annuaire",
            "1".into(),
            "configuration",
            serde_json::json!({ "avant": before, "apres": after }),
        )
        .await?;
        shown(conn).await?.ok_or_else(|| AppError::internal("directory settings vanished after saving"))
    })
    .await
}
