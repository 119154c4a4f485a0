//! Queries on accounts, sites and poles. Writes that change an account also write the audit trail, in the
//! same transaction.

use super::{AccountProfile, AccountRow, PoleTeam, SiteDraft, SiteRow, TeamMember};
use crate::auth::db::roles_of;
use crate::db::audit;
use crate::db::schema::{poles, sites, user_roles, users};
use crate::domain::directory::AccountSource;
use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::{Pole, Role, Roles, SiteKind, Typology};
use crate::error::{AppError, AppResult};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

#[derive(Insertable)]
#[diesel(table_name = sites)]
pub struct NewSite<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub kind: SiteKind,
    pub city: &'a str,
}

impl NewSite<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<SiteId> {
        diesel::insert_into(sites::table).values(self).returning(sites::id).get_result(conn).await
    }
}

/// A new account. `password_hash` comes from [`crate::auth::service::hash_password`].
pub struct NewUser<'a> {
    pub login: &'a str,
    pub display_name: &'a str,
    pub phone: Option<&'a str>,
    pub password_hash: String,
    pub site_id: SiteId,
    pub typology: Typology,
    pub pole: Option<Pole>,
    pub roles: &'a [Role],
}

impl NewUser<'_> {
    /// Inserts the account and its roles atomically.
    pub async fn create(&self, conn: &mut AsyncPgConnection) -> AppResult<UserId> {
        conn.transaction(async |conn| {
            let id: UserId = diesel::insert_into(users::table)
                .values((
                    users::login.eq(self.login.trim()),
                    users::display_name.eq(self.display_name.trim()),
                    users::phone.eq(self.phone),
                    users::password_hash.eq(&self.password_hash),
                    users::site_id.eq(self.site_id),
                    users::typology.eq(self.typology),
                    users::pole.eq(self.pole),
                ))
                .returning(users::id)
                .get_result(conn)
                .await
                .map_err(|error| {
                    if crate::db::is_unique_violation(&error) {
                        AppError::conflict(crate::i18n::fill(
                            crate::i18n::t().phrases.account_exists,
                            &[("login", &self.login)],
                        ))
                    } else {
                        error.into()
                    }
                })?;
            let roles = Roles::new(self.roles.iter().copied());
            let rows: Vec<_> =
                roles.iter().map(|role| (user_roles::user_id.eq(id), user_roles::role.eq(role))).collect();
            diesel::insert_into(user_roles::table).values(rows).execute(conn).await?;
            Ok(id)
        })
        .await
    }
}

/// The active account with this login (case-insensitive).
pub async fn find_active_by_login(conn: &mut AsyncPgConnection, login: &str) -> QueryResult<Option<UserId>> {
    users::table
        .filter(crate::db::lower(users::login).eq(crate::db::lower(login.trim())))
        .filter(users::active.eq(true))
        .select(users::id)
        .first(conn)
        .await
        .optional()
}

/// Every active person with their login, by name: the desk picks requesters from it.
pub async fn active_people(conn: &mut AsyncPgConnection) -> QueryResult<Vec<(super::Person, String)>> {
    let rows: Vec<(UserId, String, String)> = users::table
        .filter(users::active.eq(true))
        .select((users::id, users::display_name, users::login))
        .order(users::display_name.asc())
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(|(id, name, login)| (super::Person { id, name }, login)).collect())
}

pub async fn count_users(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
    users::table.count().get_result(conn).await
}

type AccountColumns =
    (UserId, String, String, String, Option<Pole>, bool, SiteId, Typology, Option<UserId>, AccountSource, bool);

#[allow(clippy::type_complexity)] // the column tuple mirrors AccountColumns
fn account_columns() -> (
    users::id,
    users::login,
    users::display_name,
    sites::name,
    users::pole,
    users::active,
    users::site_id,
    users::typology,
    users::manager_id,
    users::source,
    users::roles_pinned,
) {
    (
        users::id,
        users::login,
        users::display_name,
        sites::name,
        users::pole,
        users::active,
        users::site_id,
        users::typology,
        users::manager_id,
        users::source,
        users::roles_pinned,
    )
}

async fn with_roles(conn: &mut AsyncPgConnection, rows: Vec<AccountColumns>) -> QueryResult<Vec<AccountRow>> {
    let ids: Vec<UserId> = rows.iter().map(|row| row.0).collect();
    let mut roles = roles_of(conn, &ids).await?;
    let managers: Vec<UserId> = rows.iter().filter_map(|row| row.8).collect();
    let manager_logins: HashMap<UserId, String> = users::table
        .filter(users::id.eq_any(&managers))
        .select((users::id, users::login))
        .load::<(UserId, String)>(conn)
        .await?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                login,
                display_name,
                site_name,
                pole,
                active,
                site_id,
                typology,
                manager_id,
                source,
                roles_pinned,
            )| AccountRow {
                id,
                login,
                display_name,
                site_name,
                roles: roles.remove(&id).unwrap_or_default(),
                pole,
                active,
                site_id,
                typology,
                manager_login: manager_id.and_then(|manager| manager_logins.get(&manager).cloned()),
                manager_id,
                source,
                roles_pinned,
            },
        )
        .collect())
}

pub async fn list_accounts(conn: &mut AsyncPgConnection) -> QueryResult<Vec<AccountRow>> {
    let rows = users::table
        .inner_join(sites::table)
        .select(account_columns())
        .order((users::display_name.asc(), users::id.asc()))
        .load(conn)
        .await?;
    with_roles(conn, rows).await
}

/// Switches an account on or off. Switching off also ends its open sessions at once.
pub async fn set_active(
    conn: &mut AsyncPgConnection,
    actor: UserId,
    target: UserId,
    active: bool,
) -> AppResult<AccountRow> {
    use crate::db::schema::sessions;
    conn.transaction(async |conn| {
        let previous: bool = users::table
            .filter(users::id.eq(target))
            .select(users::active)
            .for_update()
            .first(conn)
            .await
            .optional()?
            .ok_or_else(|| {
                AppError::not_found(crate::i18n::fill(crate::i18n::t().phrases.missing_account, &[("id", &target)]))
            })?;
        if previous != active {
            // By hand: the directory sync never switches back on an account an administrator switched off.
            diesel::update(users::table.filter(users::id.eq(target)))
                .set((
                    users::active.eq(active),
                    users::deactivated_by_admin.eq(!active),
                    users::updated_at.eq(diesel::dsl::now),
                ))
                .execute(conn)
                .await?;
            if !active {
                diesel::delete(sessions::table.filter(sessions::user_id.eq(target))).execute(conn).await?;
            }
            let action = if active { "reactivation" } else { "desactivation" };
            let detail = serde_json::json!({ "active": { "avant": previous, "apres": active } });
            audit(conn, actor, "compte", target.to_string(), action, detail).await?;
        }
        let row = users::table
            .inner_join(sites::table)
            .filter(users::id.eq(target))
            .select(account_columns())
            .first(conn)
            .await?;
        Ok(with_roles(conn, vec![row]).await?.remove(0))
    })
    .await
}

pub async fn list_sites(conn: &mut AsyncPgConnection) -> QueryResult<Vec<SiteRow>> {
    let rows: Vec<(SiteId, String, String, SiteKind, String)> = sites::table
        .select((sites::id, sites::code, sites::name, sites::kind, sites::city))
        .order((sites::kind.desc(), sites::name.asc()))
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(|(id, code, name, kind, city)| SiteRow { id, code, name, kind, city }).collect())
}

#[derive(Queryable)]
struct MemberRow {
    id: UserId,
    display_name: String,
    login: String,
    phone: Option<String>,
    pole: Option<Pole>,
    site_name: String,
}

/// Every pole in its fixed order, with its active members sorted by name.
pub async fn list_teams(conn: &mut AsyncPgConnection) -> QueryResult<Vec<PoleTeam>> {
    let pole_rows: Vec<(Pole, String, String)> =
        poles::table.select((poles::code, poles::name, poles::mission)).order(poles::position.asc()).load(conn).await?;
    let members: Vec<MemberRow> = users::table
        .inner_join(sites::table)
        .filter(users::active.eq(true))
        .filter(users::pole.is_not_null())
        .select((users::id, users::display_name, users::login, users::phone, users::pole, sites::name))
        .order(users::display_name.asc())
        .load(conn)
        .await?;
    let ids: Vec<UserId> = members.iter().map(|member| member.id).collect();
    let mut roles = roles_of(conn, &ids).await?;
    let mut by_pole: HashMap<Pole, Vec<TeamMember>> = HashMap::new();
    for member in members {
        let Some(pole) = member.pole else { continue };
        by_pole.entry(pole).or_default().push(TeamMember {
            roles: roles.remove(&member.id).unwrap_or_default(),
            id: member.id,
            display_name: member.display_name,
            login: member.login,
            phone: member.phone,
            site_name: member.site_name,
        });
    }
    Ok(pole_rows
        .into_iter()
        .map(|(pole, name, mission)| PoleTeam {
            pole,
            name,
            mission,
            members: by_pole.remove(&pole).unwrap_or_default(),
        })
        .collect())
}

/// Changes where a person works, their typology, pole, roles and manager. An agent belongs to a pole; an
/// administrator cannot take their own administration right away (the desk would lose its way back in).
pub async fn update_profile(
    conn: &mut AsyncPgConnection,
    actor: UserId,
    profile: &AccountProfile,
) -> AppResult<AccountRow> {
    let t = crate::i18n::t();
    let roles = Roles::new(profile.roles.iter().copied());
    if roles.has_any(&[Role::Agent, Role::Supervisor]) && profile.pole.is_none() {
        return Err(AppError::validation("pole", t.account_agent_needs_pole));
    }
    if profile.manager == Some(profile.id) {
        return Err(AppError::validation("manager", t.account_manager_self));
    }
    if profile.id == actor && !roles.has(Role::Admin) {
        return Err(AppError::conflict(t.account_cannot_drop_own_admin));
    }
    conn.transaction(async |conn| {
        let before = users::table
            .inner_join(sites::table)
            .filter(users::id.eq(profile.id))
            .select(account_columns())
            .for_update()
            .first::<AccountColumns>(conn)
            .await
            .optional()?
            .ok_or_else(|| {
                AppError::not_found(crate::i18n::fill(crate::i18n::t().phrases.missing_account, &[("id", &profile.id)]))
            })?;
        let before = with_roles(conn, vec![before]).await?.remove(0);
        if let Some(manager) = profile.manager {
            let exists: bool = diesel::select(diesel::dsl::exists(
                users::table.filter(users::id.eq(manager)).filter(users::active.eq(true)),
            ))
            .get_result(conn)
            .await?;
            if !exists {
                return Err(AppError::validation("manager", t.account_manager_unknown));
            }
        }
        let site_exists: bool = diesel::select(diesel::dsl::exists(sites::table.filter(sites::id.eq(profile.site))))
            .get_result(conn)
            .await?;
        if !site_exists {
            return Err(AppError::validation("site", t.ticket_site_missing));
        }
        // Roles or pole changed by hand stay so: the directory sync no longer derives them from groups.
        let pinned = before.roles_pinned || before.roles != roles || before.pole != profile.pole;
        diesel::update(users::table.find(profile.id))
            .set((
                users::roles_pinned.eq(pinned),
                users::site_id.eq(profile.site),
                users::typology.eq(profile.typology),
                users::pole.eq(profile.pole),
                users::manager_id.eq(profile.manager),
                users::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
            .await?;
        diesel::delete(user_roles::table.filter(user_roles::user_id.eq(profile.id))).execute(conn).await?;
        let rows: Vec<_> =
            roles.iter().map(|role| (user_roles::user_id.eq(profile.id), user_roles::role.eq(role))).collect();
        diesel::insert_into(user_roles::table).values(rows).execute(conn).await?;
        let after = users::table
            .inner_join(sites::table)
            .filter(users::id.eq(profile.id))
            .select(account_columns())
            .first::<AccountColumns>(conn)
            .await?;
        let after = with_roles(conn, vec![after]).await?.remove(0);
        let detail = serde_json::json!({ "avant": before, "apres": after });
        audit(conn, actor, "compte", profile.id.to_string(), "modification", detail).await?;
        Ok(after)
    })
    .await
}

/// Creates a site (no id) or changes one.
pub async fn save_site(conn: &mut AsyncPgConnection, actor: UserId, site: &SiteDraft) -> AppResult<SiteId> {
    let t = crate::i18n::t();
    let code = site.code.trim();
    let valid_code = (2..=32).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if !valid_code {
        return Err(AppError::validation("code", t.site_code_invalid));
    }
    if site.name.trim().is_empty() || site.name.trim().chars().count() > 120 {
        return Err(AppError::validation("name", t.ref_label_invalid));
    }
    conn.transaction(async |conn| {
        let values = (
            sites::code.eq(code),
            sites::name.eq(site.name.trim()),
            sites::kind.eq(site.kind),
            sites::city.eq(site.city.trim()),
        );
        // Two columns are unique: say which one the site collides on.
        let duplicate = |error: diesel::result::Error| match crate::db::violated_constraint(&error) {
            Some(constraint) if constraint.contains("name") => AppError::conflict(t.site_name_taken),
            Some(_) => AppError::conflict(t.ref_code_taken),
            None => error.into(),
        };
        let (id, before) = match site.id {
            None => {
                let id = diesel::insert_into(sites::table)
                    .values(values)
                    .returning(sites::id)
                    .get_result(conn)
                    .await
                    .map_err(duplicate)?;
                (id, None)
            }
            Some(id) => {
                let before: (SiteId, String, String, SiteKind, String) = sites::table
                    .find(id)
                    .select((sites::id, sites::code, sites::name, sites::kind, sites::city))
                    .for_update()
                    .first(conn)
                    .await
                    .optional()?
                    .ok_or_else(|| {
                        AppError::not_found(crate::i18n::fill(crate::i18n::t().phrases.missing_site, &[("id", &id)]))
                    })?;
                diesel::update(sites::table.find(id)).set(values).execute(conn).await.map_err(duplicate)?;
                let (_, code, name, kind, city) = before;
                (id, Some(SiteDraft { id: Some(id), code, name, kind, city }))
            }
        };
        let after = SiteDraft { id: Some(id), code: code.to_owned(), ..site.clone() };
        let action = if before.is_some() { "modification" } else { "creation" };
        audit(conn, actor, "site", id.to_string(), action, serde_json::json!({ "avant": before, "apres": after }))
            .await?;
        Ok(id)
    })
    .await
}

/// Every site by name.
pub async fn site_names(conn: &mut AsyncPgConnection) -> AppResult<Vec<super::SiteName>> {
    let rows: Vec<(SiteId, String)> =
        sites::table.select((sites::id, sites::name)).order(sites::name.asc()).load(conn).await?;
    Ok(rows.into_iter().map(|(id, name)| super::SiteName { id, name }).collect())
}

/// The accounts whose login is `login` (case aside): none or one.
pub async fn accounts_by_login(conn: &mut AsyncPgConnection, login: &str) -> QueryResult<Vec<AccountRow>> {
    let rows = users::table
        .inner_join(sites::table)
        .filter(crate::db::lower(users::login).eq(crate::db::lower(login.trim())))
        .select(account_columns())
        .load(conn)
        .await?;
    with_roles(conn, rows).await
}

/// One account as administrators see it.
pub async fn account(conn: &mut AsyncPgConnection, id: UserId) -> AppResult<AccountRow> {
    let row = users::table
        .inner_join(sites::table)
        .filter(users::id.eq(id))
        .select(account_columns())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| {
            AppError::not_found(crate::i18n::fill(crate::i18n::t().phrases.missing_account, &[("id", &id)]))
        })?;
    Ok(with_roles(conn, vec![row]).await?.remove(0))
}
