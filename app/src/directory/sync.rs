//! The directory sync: reads the people of the company directory, plans with
//! [`crate::domain::directory::plan_sync`] and applies the plan in one transaction with its audit lines and
//! its run record, so a failed run leaves nothing half-written. Hourly (the job claims its hour, so with
//! several instances one runs it) and on demand.

use super::SyncReport;
use crate::auth::db::roles_of;
use crate::auth::ldap::{Configured, configured};
use crate::db::schema::{audit_log, directory_sync_runs, sessions, sites, user_roles, users};
use crate::domain::directory::{
    AccountSource, Departure, KnownAccount, KnownSite, SyncPlan, SyncedProfile, normalise_dn, plan_sync,
};
use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::{Pole, SiteKind, Typology};
use crate::error::{AppError, AppResult};
use crate::i18n::people::sync_problem;
use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

/// The advisory-lock key of a sync in progress (one at a time, whatever the instance).
const SYNC_LOCK: i64 = 0x1309_0020;
/// What a directory account has instead of a password hash: never an argon2 hash, so never matched.
pub const NO_LOCAL_PASSWORD: &str = "!annuaire";

/// What started a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The hourly job, for the hour starting at this instant.
    Hourly(DateTime<Utc>),
    /// An administrator.
    Manual(UserId),
}

impl Trigger {
    fn code(self) -> &'static str {
        match self {
            Trigger::Hourly(_) => "HORAIRE",
            Trigger::Manual(_) => "MANUEL",
        }
    }

    fn slot(self) -> Option<DateTime<Utc>> {
        match self {
            Trigger::Hourly(slot) => Some(slot),
            Trigger::Manual(_) => None,
        }
    }

    fn actor(self) -> Option<UserId> {
        match self {
            Trigger::Hourly(_) => None,
            Trigger::Manual(admin) => Some(admin),
        }
    }
}

/// Runs a sync now for an administrator.
pub async fn run_now(conn: &mut AsyncPgConnection, admin: UserId, now: DateTime<Utc>) -> AppResult<SyncReport> {
    let directory =
        configured(conn).await?.ok_or_else(|| AppError::conflict(crate::i18n::t().people.directory_not_set))?;
    match run(conn, &directory, Trigger::Manual(admin), now).await? {
        Some(report) => Ok(report),
        None => Err(AppError::conflict(crate::i18n::t().people.directory_sync_busy)),
    }
}

/// The hourly sync, for the job: runs once per hour across every instance, when a directory is configured
/// with its hourly sync on. Answers the run's report, if this call ran it.
pub async fn run_hourly(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> AppResult<Option<SyncReport>> {
    let Some(directory) = configured(conn).await? else { return Ok(None) };
    if !directory.sync_enabled {
        return Ok(None);
    }
    let slot = now.duration_trunc(TimeDelta::hours(1)).map_err(|_| AppError::internal("hour of the sync"))?;
    let claimed: bool =
        diesel::select(diesel::dsl::exists(directory_sync_runs::table.filter(directory_sync_runs::slot.eq(slot))))
            .get_result(conn)
            .await?;
    if claimed {
        return Ok(None);
    }
    run(conn, &directory, Trigger::Hourly(slot), now).await
}

/// Reads the directory (outside any transaction: it may take seconds), then plans and applies in one
/// transaction holding the sync lock. `None` when another sync holds the lock or already claimed the hour.
/// A directory that cannot be read is recorded as a failed run, then answered as the error.
pub async fn run(
    conn: &mut AsyncPgConnection,
    directory: &Configured,
    trigger: Trigger,
    now: DateTime<Utc>,
) -> AppResult<Option<SyncReport>> {
    let started = now;
    let entries = match directory.connection.read_people().await {
        Ok(entries) => entries,
        Err(error) => {
            let reason = error.to_string();
            let outcome: AppError = error.into();
            insert_run(conn, trigger, started, Some(&reason)).await?;
            return Err(outcome);
        }
    };
    conn.transaction(async |conn| {
        let locked: bool = diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>(&format!(
            "pg_try_advisory_xact_lock({SYNC_LOCK})"
        )))
        .get_result(conn)
        .await?;
        if !locked {
            return Ok(None);
        }
        let Some(run_id) = insert_run(conn, trigger, started, None).await? else { return Ok(None) };
        let accounts = known_accounts(conn).await?;
        let sites = known_sites(conn).await?;
        let plan = plan_sync(&entries, &accounts, &sites, &directory.rules);
        apply(conn, &plan, &accounts, run_id, trigger.actor()).await?;
        let counts = plan.counts();
        let problems: Vec<String> = plan.problems.iter().map(sync_problem).collect();
        diesel::update(directory_sync_runs::table.find(run_id))
            .set((
                directory_sync_runs::finished_at.eq(Some(started)),
                directory_sync_runs::created.eq(counts.created as i32),
                directory_sync_runs::updated.eq(counts.updated as i32),
                directory_sync_runs::deactivated.eq(counts.deactivated as i32),
                directory_sync_runs::unchanged.eq(counts.unchanged as i32),
                directory_sync_runs::problems.eq(serde_json::to_value(&plan.problems).unwrap_or_default()),
            ))
            .execute(conn)
            .await?;
        tracing::info!(run = run_id, ?counts, problems = problems.len(), "directory sync");
        Ok(Some(SyncReport {
            run: run_id,
            created: counts.created,
            updated: counts.updated,
            deactivated: counts.deactivated,
            unchanged: counts.unchanged,
            errors: problems,
        }))
    })
    .await
}

/// The run's row (finished at once, with its reason, for a run that failed); for the hourly job, its
/// hour's: `None` if another instance took it first.
async fn insert_run(
    conn: &mut AsyncPgConnection,
    trigger: Trigger,
    started: DateTime<Utc>,
    failure: Option<&str>,
) -> QueryResult<Option<i64>> {
    diesel::insert_into(directory_sync_runs::table)
        .values((
            directory_sync_runs::trigger.eq(trigger.code()),
            directory_sync_runs::slot.eq(trigger.slot()),
            directory_sync_runs::actor_id.eq(trigger.actor()),
            directory_sync_runs::started_at.eq(started),
            directory_sync_runs::finished_at.eq(failure.map(|_| started)),
            directory_sync_runs::failure.eq(failure.map(|reason| reason.chars().take(500).collect::<String>())),
        ))
        .on_conflict_do_nothing()
        .returning(directory_sync_runs::id)
        .get_result(conn)
        .await
        .optional()
}

#[derive(Queryable)]
struct AccountRow {
    id: UserId,
    login: String,
    source: AccountSource,
    directory_dn: Option<String>,
    account_name: Option<String>,
    display_name: String,
    phone: Option<String>,
    title: Option<String>,
    site_id: SiteId,
    typology: Typology,
    pole: Option<Pole>,
    manager_id: Option<UserId>,
    active: bool,
    deactivated_by_admin: bool,
    roles_pinned: bool,
}

/// Every account, as the plan compares them (the manager named by its DN).
async fn known_accounts(conn: &mut AsyncPgConnection) -> QueryResult<Vec<KnownAccount>> {
    let rows: Vec<AccountRow> = users::table
        .select((
            users::id,
            users::login,
            users::source,
            users::directory_dn,
            users::account_name,
            users::display_name,
            users::phone,
            users::title,
            users::site_id,
            users::typology,
            users::pole,
            users::manager_id,
            users::active,
            users::deactivated_by_admin,
            users::roles_pinned,
        ))
        .order(users::id.asc())
        .load(conn)
        .await?;
    let ids: Vec<UserId> = rows.iter().map(|row| row.id).collect();
    let mut roles = roles_of(conn, &ids).await?;
    let dn_of: HashMap<UserId, String> =
        rows.iter().filter_map(|row| row.directory_dn.clone().map(|dn| (row.id, dn))).collect();
    Ok(rows
        .into_iter()
        .map(|row| KnownAccount {
            id: row.id,
            login: row.login.clone(),
            source: row.source,
            profile: SyncedProfile {
                login: row.login,
                account_name: row.account_name,
                display_name: row.display_name,
                phone: row.phone,
                title: row.title,
                site: Some(row.site_id),
                typology: Some(row.typology),
                roles: roles.remove(&row.id).unwrap_or_default(),
                pole: row.pole,
                manager_dn: row.manager_id.and_then(|manager| dn_of.get(&manager).cloned()),
            },
            directory_dn: row.directory_dn,
            active: row.active,
            deactivated_by_admin: row.deactivated_by_admin,
            roles_pinned: row.roles_pinned,
        })
        .collect())
}

async fn known_sites(conn: &mut AsyncPgConnection) -> QueryResult<Vec<KnownSite>> {
    let rows: Vec<(SiteId, String, SiteKind)> =
        sites::table.select((sites::id, sites::name, sites::kind)).order(sites::id.asc()).load(conn).await?;
    Ok(rows.into_iter().map(|(id, name, kind)| KnownSite { id, name, kind }).collect())
}

/// The values of one `audit_log` row, inserted in bulk.
type AuditLine = (
    diesel::dsl::Eq<audit_log::actor_id, Option<UserId>>,
    diesel::dsl::Eq<audit_log::entity, &'static str>,
    diesel::dsl::Eq<audit_log::entity_id, String>,
    diesel::dsl::Eq<audit_log::action, String>,
    diesel::dsl::Eq<audit_log::detail, serde_json::Value>,
);

/// The audit line of one change, naming the run.
fn audit_line(actor: Option<UserId>, account: UserId, action: &str, run: i64, detail: serde_json::Value) -> AuditLine {
    let mut detail = detail;
    detail["synchronisation"] = serde_json::json!(run);
    (
        audit_log::actor_id.eq(actor),
        audit_log::entity.eq("compte"),
        audit_log::entity_id.eq(account.to_string()),
        audit_log::action.eq(format!("annuaire:{action}")),
        audit_log::detail.eq(detail),
    )
}

fn profile_json(profile: &SyncedProfile) -> serde_json::Value {
    serde_json::json!({
        "login": profile.login,
        "identifiant_annuaire": profile.account_name,
        "nom": profile.display_name,
        "telephone": profile.phone,
        "fonction": profile.title,
        "site": profile.site,
        "typologie": profile.typology,
        "roles": profile.roles,
        "pole": profile.pole,
        "responsable": profile.manager_dn,
    })
}

/// Writes the plan: creations in bulk, then updates, managers (once every DN has an id), departures, and
/// one audit line per change.
async fn apply(
    conn: &mut AsyncPgConnection,
    plan: &SyncPlan,
    accounts: &[KnownAccount],
    run: i64,
    actor: Option<UserId>,
) -> AppResult<()> {
    let mut id_of_dn: HashMap<String, UserId> = accounts
        .iter()
        .filter_map(|account| account.directory_dn.as_ref().map(|dn| (normalise_dn(dn), account.id)))
        .collect();
    let mut audit = Vec::new();

    for chunk in plan.creations.chunks(1000) {
        let rows: Vec<_> = chunk
            .iter()
            .filter_map(|creation| {
                let profile = &creation.profile;
                Some((
                    users::login.eq(profile.login.clone()),
                    users::display_name.eq(profile.display_name.clone()),
                    users::phone.eq(profile.phone.clone()),
                    users::title.eq(profile.title.clone()),
                    users::password_hash.eq(NO_LOCAL_PASSWORD),
                    users::site_id.eq(profile.site?),
                    users::typology.eq(profile.typology?),
                    users::pole.eq(profile.pole),
                    users::source.eq(AccountSource::Directory),
                    users::directory_dn.eq(Some(creation.dn.clone())),
                    users::account_name.eq(profile.account_name.clone()),
                ))
            })
            .collect();
        let created: Vec<(UserId, Option<String>)> = diesel::insert_into(users::table)
            .values(rows)
            .returning((users::id, users::directory_dn))
            .get_results(conn)
            .await?;
        let by_dn: HashMap<String, UserId> =
            created.into_iter().filter_map(|(id, dn)| dn.map(|dn| (normalise_dn(&dn), id))).collect();
        let mut roles = Vec::new();
        for creation in chunk {
            let Some(&id) = by_dn.get(&normalise_dn(&creation.dn)) else { continue };
            id_of_dn.insert(normalise_dn(&creation.dn), id);
            roles.extend(
                creation.profile.roles.iter().map(|role| (user_roles::user_id.eq(id), user_roles::role.eq(role))),
            );
            audit.push(audit_line(
                actor,
                id,
                "creation",
                run,
                serde_json::json!({ "apres": profile_json(&creation.profile) }),
            ));
        }
        diesel::insert_into(user_roles::table).values(roles).execute(conn).await?;
    }

    for update in &plan.updates {
        let after = &update.after;
        diesel::update(users::table.find(update.id))
            .set((
                users::login.eq(&after.login),
                users::display_name.eq(&after.display_name),
                users::phone.eq(&after.phone),
                users::title.eq(&after.title),
                users::account_name.eq(&after.account_name),
                users::directory_dn.eq(Some(&update.dn)),
                users::pole.eq(after.pole),
                // Switched back on only when the plan says so; never switched off here.
                users::active.eq(users::active.or(update.reactivate.into_sql::<diesel::sql_types::Bool>())),
                users::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
            .await?;
        if let (Some(site), Some(typology)) = (after.site, after.typology) {
            diesel::update(users::table.find(update.id))
                .set((users::site_id.eq(site), users::typology.eq(typology)))
                .execute(conn)
                .await?;
        }
        if after.roles != update.before.roles {
            diesel::delete(user_roles::table.filter(user_roles::user_id.eq(update.id))).execute(conn).await?;
            let rows: Vec<_> =
                after.roles.iter().map(|role| (user_roles::user_id.eq(update.id), user_roles::role.eq(role))).collect();
            diesel::insert_into(user_roles::table).values(rows).execute(conn).await?;
        }
        let action = if update.reactivate { "reactivation" } else { "modification" };
        let detail = serde_json::json!({ "avant": profile_json(&update.before), "apres": profile_json(after) });
        audit.push(audit_line(actor, update.id, action, run, detail));
    }

    // Managers last: a manager created by this run has an id only now.
    let manager_changes = plan
        .creations
        .iter()
        .filter(|creation| creation.profile.manager_dn.is_some())
        .map(|creation| (&creation.dn, &creation.profile.manager_dn, None))
        .chain(
            plan.updates.iter().map(|update| (&update.dn, &update.after.manager_dn, Some(&update.before.manager_dn))),
        )
        .filter(|(_, after, before)| {
            before.is_none_or(|before| before.as_deref().map(normalise_dn) != after.as_deref().map(normalise_dn))
        });
    for (dn, manager_dn, _) in manager_changes {
        let Some(&id) = id_of_dn.get(&normalise_dn(dn)) else { continue };
        let manager = manager_dn.as_deref().and_then(|manager| id_of_dn.get(&normalise_dn(manager)).copied());
        diesel::update(users::table.find(id)).set(users::manager_id.eq(manager)).execute(conn).await?;
    }

    for &(id, departure) in &plan.deactivations {
        diesel::update(users::table.find(id))
            .set((users::active.eq(false), users::updated_at.eq(diesel::dsl::now)))
            .execute(conn)
            .await?;
        diesel::delete(sessions::table.filter(sessions::user_id.eq(id))).execute(conn).await?;
        let reason = match departure {
            Departure::Gone => "absent de l'annuaire",
            Departure::Disabled => "désactivé dans l'annuaire",
        };
        audit.push(audit_line(actor, id, "desactivation", run, serde_json::json!({ "motif": reason })));
    }

    for chunk in audit.chunks(1000) {
        diesel::insert_into(audit_log::table).values(chunk.to_vec()).execute(conn).await?;
    }
    Ok(())
}
