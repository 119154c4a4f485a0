//! Signing in and out, and resolving a session token to a person. Shared by the server functions and the
//! JSON API so the rules exist once.

use super::CurrentUser;
use super::cookie::token_from_cookie_header;
use crate::auth::db::load_current_user;
use crate::db::lower;
use crate::db::schema::{sessions, sign_in_failures, users};
use crate::domain::access::Area;
use crate::domain::ids::UserId;
use crate::domain::throttle::{SignInThrottle, retry_after_seconds};
use crate::error::{AppError, AppResult};
use crate::i18n::t;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// How long a session lasts: a working day with overtime, then sign in again.
pub const SESSION_LIFETIME: chrono::TimeDelta = chrono::TimeDelta::hours(12);

/// The secret the browser holds. Only its SHA-256 is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl SessionToken {
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        SessionToken(URL_SAFE_NO_PAD.encode(bytes))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(***)")
    }
}

pub fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Hashes a password with Argon2id and the crate's default cost (19 MiB, 2 passes: OWASP's minimum).
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("Argon2 default parameters are valid")
        .to_string()
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash to verify against when the login is unknown, so that the answer takes as long as for a real
/// account and does not reveal which addresses exist.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password that matches no account"))
}

/// What a person (or a script) sends to sign in, and where it comes from.
#[derive(Debug, Clone, Copy)]
pub struct SignInAttempt<'a> {
    pub login: &'a str,
    pub password: &'a str,
    pub user_agent: Option<&'a str>,
    /// The client's address as the edge read it, for the per-address throttle; none when unknown.
    pub address: Option<std::net::IpAddr>,
}

/// Checks the credentials and opens a session. An unknown login costs the same password check as a known
/// one, and both count as failures for the throttle ([`SignInThrottle`]): while the login or the address
/// has too many recent failures, the attempt is refused with 429 before the password is even looked at,
/// so guessing goes no faster with the right password in the list. A success forgets the login's
/// failures (not the address's: one's own account must not clear a guessing address).
pub async fn sign_in(
    conn: &mut AsyncPgConnection,
    attempt: SignInAttempt<'_>,
    now: DateTime<Utc>,
) -> AppResult<(CurrentUser, SessionToken)> {
    let login = attempt.login.trim();
    if login.is_empty() {
        return Err(AppError::validation("login", t().login_missing));
    }
    if attempt.password.is_empty() {
        return Err(AppError::validation("password", t().password_missing));
    }
    // One attempt at a time per login (a transaction-scoped advisory lock on its hash): parallel guesses
    // queue, so each one sees the failures before it and no burst slips past the limit. A refusal is the
    // transaction's `Ok(Err(…))`: the failure it counted is committed with it.
    conn.transaction(async |conn| {
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext($1))")
            .bind::<diesel::sql_types::Text, _>(format!("connexion:{}", login.to_lowercase()))
            .execute(conn)
            .await?;
        let throttle = SignInThrottle::default();
        let counted = FailureKey::of(login, attempt.address);
        let (account_failures, address_failures) = counted.recent(conn, throttle.forget_before(now)).await?;
        if let Some(wait) = throttle.wait(&account_failures, &address_failures, now) {
            tracing::warn!(address = ?attempt.address, "sign-in refused: too many failures");
            return Ok(Err(AppError::TooManyAttempts { retry_after_seconds: retry_after_seconds(wait) }));
        }
        let Some((account, password_matches)) = check_password(conn, login, attempt.password).await? else {
            return Ok(Err(AppError::DirectoryUnavailable));
        };
        let (id, active) = match account {
            Some(account) if password_matches => account,
            None if password_matches => {
                // The directory knows this person, with this password, but no sync has created their account.
                return Ok(Err(AppError::conflict(t().people.directory_person_not_synced)));
            }
            _ => {
                counted.record(conn, &throttle, (account_failures, address_failures), now).await?;
                return Ok(Err(AppError::InvalidCredentials));
            }
        };
        counted.forget_login(conn).await?;
        if !active {
            return Ok(Err(AppError::AccountDisabled));
        }
        let token = SessionToken::generate();
        diesel::delete(sessions::table.filter(sessions::expires_at.le(now))).execute(conn).await?;
        diesel::insert_into(sessions::table)
            .values((
                sessions::token_hash.eq(token_hash(token.as_str())),
                sessions::user_id.eq(id),
                sessions::created_at.eq(now),
                sessions::last_seen_at.eq(now),
                sessions::expires_at.eq(now + SESSION_LIFETIME),
                sessions::user_agent.eq(attempt.user_agent.map(|ua| ua.chars().take(300).collect::<String>())),
                sessions::address.eq(attempt.address.map(|address| address.to_string())),
            ))
            .execute(conn)
            .await?;
        let user = load_current_user(conn, id).await?;
        Ok::<_, AppError>(Ok((user, token)))
    })
    .await?
}

/// Checks a password against the account `login` names (its address or, for a directory account, its
/// account name): the argon2 hash of a local account, or a bind as the person for a directory account. An
/// unknown login costs a hash check against a decoy, then, when a directory is configured, a look in it:
/// `(None, true)` is a person the directory knows, with this password, who has no account yet. `None` when
/// the directory does not answer (nothing is counted against the person then).
async fn check_password(
    conn: &mut AsyncPgConnection,
    login: &str,
    password: &str,
) -> AppResult<Option<(Option<(UserId, bool)>, bool)>> {
    use crate::auth::ldap::{DirectoryError, configured};
    use crate::domain::directory::{AccountSource, same_dn};
    let account: Option<(UserId, String, String, bool, AccountSource, Option<String>)> = users::table
        .filter(
            lower(users::login)
                .eq(lower(login))
                .or(crate::db::lower_nullable(users::account_name).eq(lower(login).nullable())),
        )
        .select((users::id, users::login, users::password_hash, users::active, users::source, users::directory_dn))
        // The address first: an account name equal to someone else's address must not shadow it.
        .order((lower(users::login).eq(lower(login)).desc(), users::id.asc()))
        .first(conn)
        .await
        .optional()?;
    let in_directory = |entry: &crate::domain::directory::DirectoryEntry, login: &str, dn: &Option<String>| {
        dn.as_deref().is_some_and(|dn| same_dn(dn, &entry.dn))
            || entry.mail.as_deref().is_some_and(|mail| mail.eq_ignore_ascii_case(login))
    };
    match account {
        Some((id, login_of_account, _, active, AccountSource::Directory, dn)) => {
            let Some(directory) = configured(conn).await? else { return Ok(Some((Some((id, active)), false))) };
            match directory.connection.authenticate(login, password).await {
                Ok(Some(entry)) => Ok(Some((Some((id, active)), in_directory(&entry, &login_of_account, &dn)))),
                Ok(None) => Ok(Some((Some((id, active)), false))),
                Err(DirectoryError::Unreachable(reason)) => {
                    tracing::warn!(%reason, "sign-in: the company directory does not answer");
                    Ok(None)
                }
                Err(error) => Err(error.into()),
            }
        }
        account => {
            let stored_hash = account.as_ref().map_or_else(|| decoy_hash().to_owned(), |(_, _, hash, ..)| hash.clone());
            let typed = password.to_owned();
            let matches = tokio::task::spawn_blocking(move || verify_password(&typed, &stored_hash))
                .await
                .map_err(|_| AppError::internal("password verification task failed"))?;
            if let Some((id, _, _, active, ..)) = account {
                return Ok(Some((Some((id, active)), matches)));
            }
            let Some(directory) = configured(conn).await? else { return Ok(Some((None, false))) };
            match directory.connection.authenticate(login, password).await {
                Ok(found) => Ok(Some((None, found.is_some()))),
                Err(DirectoryError::Unreachable(_)) => Ok(None),
                Err(error) => Err(error.into()),
            }
        }
    }
}

/// The two counters a sign-in failure goes to: the login as typed (lower-cased, known or not) and the
/// address.
struct FailureKey {
    login: String,
    address: Option<String>,
}

impl FailureKey {
    fn of(login: &str, address: Option<std::net::IpAddr>) -> FailureKey {
        FailureKey { login: login.to_lowercase().chars().take(320).collect(), address: address.map(|a| a.to_string()) }
    }

    /// The failures of the login, and of the address, since `since`.
    async fn recent(
        &self,
        conn: &mut AsyncPgConnection,
        since: DateTime<Utc>,
    ) -> AppResult<(Vec<DateTime<Utc>>, Vec<DateTime<Utc>>)> {
        let account = sign_in_failures::table
            .filter(sign_in_failures::login.eq(&self.login).and(sign_in_failures::at.gt(since)))
            .select(sign_in_failures::at)
            .load(conn)
            .await?;
        let address = match &self.address {
            Some(address) => {
                sign_in_failures::table
                    .filter(sign_in_failures::address.eq(address).and(sign_in_failures::at.gt(since)))
                    .select(sign_in_failures::at)
                    .load(conn)
                    .await?
            }
            None => Vec::new(),
        };
        Ok((account, address))
    }

    /// Counts one more failure, forgets those no window sees any more, and audits the failure that starts a
    /// wait (one line per wait, not one per refused attempt).
    async fn record(
        &self,
        conn: &mut AsyncPgConnection,
        throttle: &SignInThrottle,
        (mut account, mut address): (Vec<DateTime<Utc>>, Vec<DateTime<Utc>>),
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        account.push(now);
        if self.address.is_some() {
            address.push(now);
        }
        let wait = throttle.wait(&account, &address, now);
        conn.transaction(async |conn| {
            diesel::delete(sign_in_failures::table.filter(sign_in_failures::at.le(throttle.forget_before(now))))
                .execute(conn)
                .await?;
            diesel::insert_into(sign_in_failures::table)
                .values((
                    sign_in_failures::login.eq(&self.login),
                    sign_in_failures::address.eq(&self.address),
                    sign_in_failures::at.eq(now),
                ))
                .execute(conn)
                .await?;
            if let Some(wait) = wait {
                let detail = serde_json::json!({
                    "adresse": self.address,
                    "echecs_identifiant": account.len(),
                    "echecs_adresse": address.len(),
                    "jusqu_a": now + wait,
                });
                crate::db::audit_by(conn, None, "connexion", self.login.clone(), "BLOCAGE", detail).await?;
            }
            Ok::<_, diesel::result::Error>(())
        })
        .await?;
        Ok(())
    }

    /// A success: the login starts afresh.
    async fn forget_login(&self, conn: &mut AsyncPgConnection) -> AppResult<()> {
        diesel::delete(sign_in_failures::table.filter(sign_in_failures::login.eq(&self.login))).execute(conn).await?;
        Ok(())
    }
}

/// Ends the session behind `token`; unknown tokens are ignored (signing out twice is not an error).
pub async fn sign_out(conn: &mut AsyncPgConnection, token: &str) -> AppResult<()> {
    diesel::delete(sessions::table.filter(sessions::token_hash.eq(token_hash(token)))).execute(conn).await?;
    Ok(())
}

/// The person behind a session token, if the session is live and the account active.
pub async fn user_for_token(
    conn: &mut AsyncPgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<CurrentUser>> {
    let session: Option<(UserId, DateTime<Utc>)> = sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(token_hash(token)))
        .filter(sessions::expires_at.gt(now))
        .filter(users::active.eq(true))
        .select((sessions::user_id, sessions::last_seen_at))
        .first(conn)
        .await
        .optional()?;
    let Some((id, last_seen)) = session else { return Ok(None) };
    // Recording every request would turn each page view into a write; once a minute is enough to know
    // who is around. (A clock set back below the last use, in a test, counts as a new use.)
    if (now - last_seen).abs() > chrono::TimeDelta::minutes(1) {
        diesel::update(sessions::table.filter(sessions::token_hash.eq(token_hash(token))))
            .set(sessions::last_seen_at.eq(now))
            .execute(conn)
            .await?;
    }
    Ok(Some(load_current_user(conn, id).await?))
}

/// The person signed in on a request with these headers, if any.
pub async fn user_from_headers(
    conn: &mut AsyncPgConnection,
    headers: &http::HeaderMap,
    now: DateTime<Utc>,
) -> AppResult<Option<CurrentUser>> {
    match session_token(headers) {
        Some(token) => user_for_token(conn, token, now).await,
        None => Ok(None),
    }
}

pub fn session_token(headers: &http::HeaderMap) -> Option<&str> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(token_from_cookie_header)
}

/// Refuses with 403 unless `user` may open `area`.
pub fn check_area(user: &CurrentUser, area: Area) -> AppResult<()> {
    if user.can_open(area) { Ok(()) } else { Err(AppError::Forbidden) }
}

/// The person behind the headers of a page request, with a connection of its own that is given back
/// before the page renders: rendering then never holds a connection it waits on.
pub async fn resolve_visitor(
    pool: &crate::db::DbPool,
    headers: &http::HeaderMap,
    now: DateTime<Utc>,
) -> super::Visitor {
    if session_token(headers).is_none() {
        return Ok(None);
    }
    let mut conn = pool.get().await?;
    user_from_headers(&mut conn, headers, now).await
}

/// The [`super::Visitor`] the page middleware resolved for the request being rendered. While the routes are
/// listed at start-up, the app renders once for no request: nobody is looking, which is no error.
pub fn visitor_of_request() -> super::Visitor {
    if leptos_router::RouteList::is_generating() {
        return Ok(None);
    }
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<super::ResolvedVisitor>().cloned())
        .map(|resolved| resolved.0)
        .unwrap_or_else(|| Err(AppError::internal("page rendered without its resolved visitor")))
}

/// The headers of the current request, from the Leptos context.
///
/// Read it, like every context value, before a server function's first `.await`: while the server renders
/// a page, a resource's fetcher resumed after waiting (for a pooled connection, say) can run outside the
/// reactive owner, where context is unreachable. Reading it late made pages fail now and then with an
/// internal error, which the browser then failed to hydrate.
pub fn request_headers() -> AppResult<http::HeaderMap> {
    leptos::prelude::use_context::<http::request::Parts>()
        .map(|parts| parts.headers)
        .ok_or_else(|| AppError::internal("no request Parts in context"))
}

/// What a server function works with once it knows who calls: the person, a connection, and the
/// request's instant from the application's clock (one instant for the whole request).
pub struct SignedIn {
    pub user: CurrentUser,
    pub conn: crate::db::DbConn,
    pub now: DateTime<Utc>,
}

/// For server functions: the signed-in person of the current request (or 401), a connection and the instant.
/// The server's edge has usually resolved the session already (it refuses anonymous calls before reading
/// their body): that answer is used, so the session is read once per request.
pub async fn signed_in() -> AppResult<SignedIn> {
    let ctx = crate::context::ServerContext::current()?;
    let parts = leptos::prelude::use_context::<http::request::Parts>()
        .ok_or_else(|| AppError::internal("no request Parts in context"))?;
    let now = ctx.clock.now();
    let mut conn = ctx.conn().await?;
    let user = match parts.extensions.get::<super::ResolvedVisitor>() {
        Some(super::ResolvedVisitor(visitor)) => visitor.clone()?,
        None => user_from_headers(&mut conn, &parts.headers, now).await?,
    };
    Ok(SignedIn { user: user.ok_or(AppError::Unauthenticated)?, conn, now })
}

/// For server functions of an area: [`signed_in`], checked against the area. 401 without a session, 403
/// without the role.
pub async fn authorize(area: Area) -> AppResult<SignedIn> {
    let caller = signed_in().await?;
    check_area(&caller.user, area)?;
    Ok(caller)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_only_against_its_own_hash() {
        let hash = hash_password("demo");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("demo", &hash));
        assert!(!verify_password("Demo", &hash));
        assert!(!verify_password("demo", "not a hash"));
        assert_ne!(hash, hash_password("demo"), "each hash has its own salt");
    }

    #[test]
    fn tokens_are_random_and_never_printed() {
        let (a, b) = (SessionToken::generate(), SessionToken::generate());
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 43);
        assert_eq!(format!("{a:?}"), "SessionToken(***)");
        assert_eq!(token_hash(a.as_str()).len(), 32);
    }

    #[test]
    fn the_session_cookie_is_read_from_any_cookie_header() {
        let mut headers = http::HeaderMap::new();
        headers.append(http::header::COOKIE, "theme=dark".parse().unwrap());
        headers.append(http::header::COOKIE, "immo9_session=tok".parse().unwrap());
        assert_eq!(session_token(&headers), Some("tok"));
        assert_eq!(session_token(&http::HeaderMap::new()), None);
    }
}
