//! Local accounts and access: an administrator creates an account and the person chooses a password through
//! a one-time link (48 h, single use) sent by mail; "mot de passe oublié" sends the same kind of link without
//! saying whether the address exists; a person changes their own password and sees and ends their
//! sessions; an administrator ends all of someone's sessions. Directory accounts keep the directory's
//! password: no link is ever made for them.

use super::db::{NewUser, account};
use super::sync::NO_LOCAL_PASSWORD;
use super::{AccountRow, NewAccount, OpenSession};
use crate::auth::service::{SessionToken, hash_password, token_hash, verify_password};
use crate::db::schema::{password_links, sessions, sites, users};
use crate::db::{audit, audit_by, lower};
use crate::domain::catalog::fold_for_search;
use crate::domain::directory::AccountSource;
use crate::domain::ids::{SiteId, UserId};
use crate::domain::password;
use crate::domain::people::{Role, Roles};
use crate::error::{AppError, AppResult, FieldMessage};
use crate::i18n::people::password_problem;
use crate::i18n::{fill, t};
use crate::notifications::{Event, Mail, notify_with_mail};
use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

/// How long a one-time link lasts.
pub const LINK_LIFETIME: TimeDelta = TimeDelta::hours(48);
/// A forgotten-password link is sent at most once in this time per account: asking again and again
/// must not flood someone's mailbox.
const RESET_INTERVAL: TimeDelta = TimeDelta::minutes(5);

/// Why a link was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Creation,
    Reset,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::Creation => "CREATION",
            Purpose::Reset => "OUBLI",
        }
    }
}

/// An e-mail address as a login: one `@`, a dotted domain, nothing blank or invisible.
fn is_address(login: &str) -> bool {
    let Some((local, domain)) = login.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && login.len() <= 254
        && !login.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The site an administrator or a file names: its number or its name (case and accents aside).
async fn site_named(conn: &mut AsyncPgConnection, site: &str) -> AppResult<Option<SiteId>> {
    let site = site.trim();
    if let Ok(id) = site.parse::<i64>() {
        let found: Option<SiteId> = sites::table.find(SiteId(id)).select(sites::id).first(conn).await.optional()?;
        return Ok(found);
    }
    let all: Vec<(SiteId, String)> = sites::table.select((sites::id, sites::name)).load(conn).await?;
    let wanted = fold_for_search(site);
    Ok(all.into_iter().find(|(_, name)| fold_for_search(name).trim() == wanted.trim()).map(|(id, _)| id))
}

/// Creates a local account and mails the person their link to choose a password, in one transaction:
/// there is no account without its link, nor a link without its account.
pub async fn create_local(
    conn: &mut AsyncPgConnection,
    admin: UserId,
    new: &NewAccount,
    now: DateTime<Utc>,
) -> AppResult<AccountRow> {
    let people = &t().people;
    let login = new.login.trim().to_lowercase();
    let mut errors = Vec::new();
    let mut problem =
        |field: &str, message: &str| errors.push(FieldMessage { field: field.into(), message: message.into() });
    if !is_address(&login) {
        problem("login", people.account_login_invalid);
    }
    let name = new.display_name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        problem("display_name", people.account_name_missing);
    }
    let roles = Roles::new(new.roles.iter().copied());
    if roles.has_any(&[Role::Agent, Role::Supervisor]) && new.pole.is_none() {
        problem("pole", t().account_agent_needs_pole);
    }
    let site = site_named(conn, &new.site).await?;
    if site.is_none() {
        problem("site", people.account_site_unknown);
    }
    let manager = match new.manager.as_deref().map(str::trim).filter(|manager| !manager.is_empty()) {
        Some(manager) => {
            let found = super::db::find_active_by_login(conn, manager).await?;
            if found.is_none() {
                problem("manager", people.account_manager_unknown_login);
            }
            found
        }
        None => None,
    };
    if !errors.is_empty() {
        return Err(AppError::InvalidForm { errors });
    }
    let site = site.expect("checked above");
    conn.transaction(async |conn| {
        let roles: Vec<Role> = roles.iter().collect();
        let id = NewUser {
            login: &login,
            display_name: name,
            phone: None,
            password_hash: NO_LOCAL_PASSWORD.to_owned(),
            site_id: site,
            typology: new.typology,
            pole: new.pole,
            roles: &roles,
        }
        .create(conn)
        .await?;
        diesel::update(users::table.find(id)).set(users::manager_id.eq(manager)).execute(conn).await?;
        let row = account(conn, id).await?;
        audit(conn, admin, "compte", id.to_string(), "creation", serde_json::json!({ "apres": row })).await?;
        send_link(conn, id, &login, Purpose::Creation, now).await?;
        Ok(row)
    })
    .await
}

/// Makes a link (replacing the person's unused ones) and writes its mail to the outbox.
async fn send_link(
    conn: &mut AsyncPgConnection,
    user: UserId,
    login: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let people = &t().people;
    let token = SessionToken::generate();
    diesel::delete(
        password_links::table.filter(password_links::user_id.eq(user)).filter(password_links::used_at.is_null()),
    )
    .execute(conn)
    .await?;
    diesel::insert_into(password_links::table)
        .values((
            password_links::token_hash.eq(token_hash(token.as_str())),
            password_links::user_id.eq(user),
            password_links::purpose.eq(purpose.code()),
            password_links::created_at.eq(now),
            password_links::expires_at.eq(now + LINK_LIFETIME),
        ))
        .execute(conn)
        .await?;
    let (subject, body) = match purpose {
        Purpose::Creation => (people.link_mail_subject_creation, people.link_mail_creation),
        Purpose::Reset => (people.link_mail_subject_reset, people.link_mail_reset),
    };
    let event = Event {
        ticket: None,
        key: format!("compte:{user}:lien:{}", now.timestamp_micros()),
        actor: crate::auth::Actor::System,
        at: now,
    };
    let link = format!("/mot-de-passe/{}", token.as_str());
    notify_with_mail(conn, &event, user, people.link_notification, &link, |name| Mail {
        subject: subject.to_owned(),
        body: format!("{name},\n\n{}", fill(body, &[("login", &login)])),
    })
    .await?;
    Ok(())
}

/// "Mot de passe oublié": sends a link to an active local account with this login, and answers the same
/// whatever the login (nothing tells whether an address has an account).
pub async fn request_reset(conn: &mut AsyncPgConnection, login: &str, now: DateTime<Utc>) -> AppResult<()> {
    let login = login.trim();
    if login.is_empty() || login.len() > 320 {
        return Err(AppError::validation("login", t().login_missing));
    }
    conn.transaction(async |conn| {
        let account: Option<(UserId, String, AccountSource, bool)> = users::table
            .filter(lower(users::login).eq(lower(login)))
            .select((users::id, users::login, users::source, users::active))
            .for_update()
            .first(conn)
            .await
            .optional()?;
        let Some((id, login, AccountSource::Local, true)) = account else { return Ok(()) };
        let recent: bool = diesel::select(diesel::dsl::exists(
            password_links::table
                .filter(password_links::user_id.eq(id))
                .filter(password_links::created_at.gt(now - RESET_INTERVAL)),
        ))
        .get_result(conn)
        .await?;
        if recent {
            return Ok(());
        }
        send_link(conn, id, &login, Purpose::Reset, now).await?;
        audit_by(conn, None, "compte", id.to_string(), "lien_mot_de_passe", serde_json::json!({ "motif": "oubli" }))
            .await?;
        Ok(())
    })
    .await
}

/// The login a live link is for, to greet the person on the page; `None` for a link used, expired or
/// unknown.
pub async fn link_login(conn: &mut AsyncPgConnection, token: &str, now: DateTime<Utc>) -> AppResult<Option<String>> {
    Ok(password_links::table
        .inner_join(users::table)
        .filter(password_links::token_hash.eq(token_hash(token)))
        .filter(password_links::used_at.is_null())
        .filter(password_links::expires_at.gt(now))
        .filter(users::active.eq(true))
        .select(users::login)
        .first(conn)
        .await
        .optional()?)
}

/// The password checked against the policy and typed twice alike, or the field-by-field problems.
fn check_new_password(password: &str, confirm: &str, login: &str, name: &str) -> AppResult<()> {
    if let Err(problem) = password::check(password, login, name) {
        return Err(AppError::validation("password", password_problem(problem)));
    }
    if password != confirm {
        return Err(AppError::validation("confirm", t().people.passwords_differ));
    }
    Ok(())
}

async fn hashed(password: &str) -> AppResult<String> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|_| AppError::internal("password hashing task failed"))
}

/// Sets the password of a link's account, once: the link is used, the person's other links and sessions
/// end (whoever had the old password is out).
pub async fn set_password_with_link(
    conn: &mut AsyncPgConnection,
    token: &str,
    password: &str,
    confirm: &str,
    now: DateTime<Utc>,
) -> AppResult<String> {
    let invalid = || AppError::conflict(t().people.link_invalid);
    let owner: Option<(UserId, String, String)> = password_links::table
        .inner_join(users::table)
        .filter(password_links::token_hash.eq(token_hash(token)))
        .filter(password_links::used_at.is_null())
        .filter(password_links::expires_at.gt(now))
        .filter(users::active.eq(true))
        .select((users::id, users::login, users::display_name))
        .first(conn)
        .await
        .optional()?;
    let (user, login, name) = owner.ok_or_else(invalid)?;
    check_new_password(password, confirm, &login, &name)?;
    let hash = hashed(password).await?;
    conn.transaction(async |conn| {
        // Used once: the row is taken under lock, so two tabs sending the form cannot both use it.
        let used = diesel::update(
            password_links::table
                .filter(password_links::token_hash.eq(token_hash(token)))
                .filter(password_links::used_at.is_null())
                .filter(password_links::expires_at.gt(now)),
        )
        .set(password_links::used_at.eq(now))
        .execute(conn)
        .await?;
        if used != 1 {
            return Err(invalid());
        }
        diesel::update(users::table.find(user))
            .set((users::password_hash.eq(&hash), users::updated_at.eq(diesel::dsl::now)))
            .execute(conn)
            .await?;
        diesel::delete(
            password_links::table.filter(password_links::user_id.eq(user)).filter(password_links::used_at.is_null()),
        )
        .execute(conn)
        .await?;
        diesel::delete(sessions::table.filter(sessions::user_id.eq(user))).execute(conn).await?;
        audit_by(conn, Some(user), "compte", user.to_string(), "mot_de_passe", serde_json::json!({ "par": "lien" }))
            .await?;
        Ok(login)
    })
    .await
}

/// A signed-in person changes their own password: the current one is required, the new one meets the
/// policy; their other sessions end. Directory accounts change theirs in the directory.
pub async fn change_password(
    conn: &mut AsyncPgConnection,
    user: UserId,
    current_session: Option<&str>,
    current: &str,
    new: &str,
    confirm: &str,
) -> AppResult<()> {
    let (login, name, hash, source): (String, String, String, AccountSource) = users::table
        .find(user)
        .select((users::login, users::display_name, users::password_hash, users::source))
        .first(conn)
        .await?;
    if source == AccountSource::Directory {
        return Err(AppError::conflict(t().people.me_directory_password));
    }
    let typed = current.to_owned();
    let matches = tokio::task::spawn_blocking(move || verify_password(&typed, &hash))
        .await
        .map_err(|_| AppError::internal("password verification task failed"))?;
    if !matches {
        return Err(AppError::validation("current", t().people.me_current_wrong));
    }
    check_new_password(new, confirm, &login, &name)?;
    let hash = hashed(new).await?;
    let keep = current_session.map(token_hash).unwrap_or_default();
    conn.transaction(async |conn| {
        diesel::update(users::table.find(user))
            .set((users::password_hash.eq(&hash), users::updated_at.eq(diesel::dsl::now)))
            .execute(conn)
            .await?;
        diesel::delete(sessions::table.filter(sessions::user_id.eq(user)).filter(sessions::token_hash.ne(&keep)))
            .execute(conn)
            .await?;
        audit(conn, user, "compte", user.to_string(), "mot_de_passe", serde_json::json!({ "par": "la personne" }))
            .await?;
        Ok(())
    })
    .await
}

/// The live sessions of a person, the most recently used first.
pub async fn sessions_of(
    conn: &mut AsyncPgConnection,
    user: UserId,
    current_session: Option<&str>,
    now: DateTime<Utc>,
) -> AppResult<Vec<OpenSession>> {
    let current = current_session.map(token_hash);
    type Columns = (i64, Vec<u8>, Option<String>, Option<String>, DateTime<Utc>, DateTime<Utc>);
    let rows: Vec<Columns> = sessions::table
        .filter(sessions::user_id.eq(user))
        .filter(sessions::expires_at.gt(now))
        .select((
            sessions::id,
            sessions::token_hash,
            sessions::user_agent,
            sessions::address,
            sessions::created_at,
            sessions::last_seen_at,
        ))
        .order(sessions::last_seen_at.desc())
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, hash, user_agent, address, created_at, last_seen_at)| OpenSession {
            id,
            current: current.as_ref() == Some(&hash),
            user_agent,
            address,
            created_at,
            last_seen_at,
        })
        .collect())
}

/// Ends one of the person's own sessions (another person's number is "not found", never a hint).
pub async fn end_own_session(conn: &mut AsyncPgConnection, user: UserId, session: i64) -> AppResult<()> {
    let ended = diesel::delete(sessions::table.filter(sessions::id.eq(session)).filter(sessions::user_id.eq(user)))
        .execute(conn)
        .await?;
    if ended == 0 {
        return Err(AppError::not_found(session.to_string()));
    }
    Ok(())
}

/// Ends every session of the person but the current one.
pub async fn end_other_sessions(
    conn: &mut AsyncPgConnection,
    user: UserId,
    current_session: Option<&str>,
) -> AppResult<usize> {
    let keep = current_session.map(token_hash).unwrap_or_default();
    Ok(diesel::delete(sessions::table.filter(sessions::user_id.eq(user)).filter(sessions::token_hash.ne(keep)))
        .execute(conn)
        .await?)
}

/// An administrator ends every session of an account (audited).
pub async fn end_all_sessions(conn: &mut AsyncPgConnection, admin: UserId, target: UserId) -> AppResult<usize> {
    conn.transaction(async |conn| {
        account(conn, target).await?;
        let ended = diesel::delete(sessions::table.filter(sessions::user_id.eq(target))).execute(conn).await?;
        audit(conn, admin, "compte", target.to_string(), "fin_des_sessions", serde_json::json!({ "sessions": ended }))
            .await?;
        Ok(ended)
    })
    .await
}
