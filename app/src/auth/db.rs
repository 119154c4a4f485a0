//! The queries behind a session: the person an account is, with their roles and site.

use super::{CurrentUser, SiteRef};
use crate::db::schema::{sites, user_roles, users};
use crate::domain::ids::{SiteId, UserId};
use crate::domain::people::{Pole, Role, Roles, SiteKind, Typology};
use crate::error::AppResult;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

/// The roles of each of `ids`, every set including the implied requester role.
pub async fn roles_of(conn: &mut AsyncPgConnection, ids: &[UserId]) -> QueryResult<HashMap<UserId, Roles>> {
    let rows: Vec<(UserId, Role)> = user_roles::table
        .filter(user_roles::user_id.eq_any(ids))
        .select((user_roles::user_id, user_roles::role))
        .load(conn)
        .await?;
    let mut grouped: HashMap<UserId, Vec<Role>> = ids.iter().map(|id| (*id, Vec::new())).collect();
    for (id, role) in rows {
        grouped.entry(id).or_default().push(role);
    }
    Ok(grouped.into_iter().map(|(id, roles)| (id, Roles::new(roles))).collect())
}

/// The signed-in view of one active account.
pub async fn load_current_user(conn: &mut AsyncPgConnection, id: UserId) -> AppResult<CurrentUser> {
    let profile: ProfileRow = users::table
        .inner_join(sites::table)
        .filter(users::id.eq(id))
        .select((users::login, users::display_name, users::pole, users::typology, sites::id, sites::name, sites::kind))
        .first(conn)
        .await?;
    let roles = roles_of(conn, &[id]).await?.remove(&id).unwrap_or_default();
    Ok(CurrentUser {
        id,
        login: profile.login,
        display_name: profile.display_name,
        roles,
        pole: profile.pole,
        typology: profile.typology,
        site: SiteRef { id: profile.site_id, name: profile.site_name, kind: profile.site_kind },
    })
}

#[derive(Queryable)]
struct ProfileRow {
    login: String,
    display_name: String,
    pole: Option<Pole>,
    typology: Typology,
    site_id: SiteId,
    site_name: String,
    site_kind: SiteKind,
}
