//! Database access for the server: the connection pool, the embedded migrations, the schema.
//!
//! diesel-async on tokio-postgres: pure Rust (no libpq), async like axum, and its connections can LISTEN
//! (`AsyncPgConnection::notifications_stream`), which the live boards will need. See ARCHITECTURE.md.

pub mod schema;

use diesel::prelude::*;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::AsyncDieselConnectionManager;
use diesel_async::pooled_connection::deadpool::{Object, Pool};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use std::time::Duration;

diesel::define_sql_function! {
    /// PostgreSQL's `lower(text)`: logins compare case-insensitively, as the unique index does.
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

diesel::define_sql_function! {
    /// `lower(text)` of a column that may be NULL (an account name, a DN).
    #[sql_name = "lower"]
    fn lower_nullable(text: diesel::sql_types::Nullable<diesel::sql_types::Text>) -> diesel::sql_types::Nullable<diesel::sql_types::Text>;
}

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations");

/// Serialises migrations when several server instances start together (an arbitrary, fixed key).
const MIGRATION_LOCK_KEY: i64 = 7_469_312_001;

pub type DbPool = Pool<AsyncPgConnection>;
pub type DbConn = Object<AsyncPgConnection>;

/// Why the database could not be used at start-up, in words an operator can act on.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("base de données injoignable à {url} : {reason}")]
    Unreachable { url: String, reason: String },
    #[error("échec des migrations de la base : {0}")]
    Migration(String),
    #[error("configuration du pool de connexions invalide : {0}")]
    Pool(String),
}

/// A unique constraint refused the write: the caller says which duplicate it was, in words.
pub fn is_unique_violation(error: &diesel::result::Error) -> bool {
    matches!(error, diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _))
}

/// Appends one line to the audit trail: who changed what (`entity`, `entity_id`), how, with the details
/// (usually `{"avant", "apres"}`). Call it inside the transaction of the change it records.
pub async fn audit(
    conn: &mut AsyncPgConnection,
    actor: crate::domain::ids::UserId,
    entity: &str,
    entity_id: String,
    action: &str,
    detail: serde_json::Value,
) -> QueryResult<()> {
    audit_by(conn, Some(actor), entity, entity_id, action, detail).await
}

/// [`audit`] for what nobody signed in did (a sign-in refused for too many failures): no actor.
pub async fn audit_by(
    conn: &mut AsyncPgConnection,
    actor: Option<crate::domain::ids::UserId>,
    entity: &str,
    entity_id: String,
    action: &str,
    detail: serde_json::Value,
) -> QueryResult<()> {
    use schema::audit_log;
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::actor_id.eq(actor),
            audit_log::entity.eq(entity),
            audit_log::entity_id.eq(entity_id),
            audit_log::action.eq(action),
            audit_log::detail.eq(detail),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

/// The unique constraint a write collided with (`sites_name_key`), for saying which value is taken.
pub fn violated_constraint(error: &diesel::result::Error) -> Option<String> {
    match error {
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, info) => {
            Some(info.constraint_name().unwrap_or_default().to_owned())
        }
        _ => None,
    }
}

/// Hides the password of a connection URL so it can be logged.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Connects once (within `timeout`) to prove the database answers, then builds the pool.
pub async fn connect(url: &str, max_size: usize, timeout: Duration) -> Result<DbPool, StartupError> {
    let unreachable = |reason: String| StartupError::Unreachable { url: redact_url(url), reason };
    match tokio::time::timeout(timeout, AsyncPgConnection::establish(url)).await {
        Err(_) => return Err(unreachable(format!("pas de réponse en {} s", timeout.as_secs()))),
        Ok(Err(error)) => return Err(unreachable(error.to_string())),
        Ok(Ok(_probe)) => {}
    }
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(url);
    Pool::builder(manager)
        .max_size(max_size)
        .wait_timeout(Some(Duration::from_secs(5)))
        .create_timeout(Some(timeout))
        .runtime(deadpool_runtime())
        .build()
        .map_err(|error| StartupError::Pool(error.to_string()))
}

fn deadpool_runtime() -> deadpool::Runtime {
    deadpool::Runtime::Tokio1
}

/// Applies the pending embedded migrations, one instance at a time. Returns the versions applied.
pub async fn migrate(url: &str) -> Result<Vec<String>, StartupError> {
    let url = url.to_owned();
    tokio::task::spawn_blocking(move || {
        let failed = |error: &dyn std::fmt::Display| StartupError::Migration(error.to_string());
        let mut conn = <AsyncConnectionWrapper<AsyncPgConnection> as diesel::Connection>::establish(&url)
            .map_err(|error| StartupError::Unreachable { url: redact_url(&url), reason: error.to_string() })?;
        diesel::RunQueryDsl::execute(
            diesel::sql_query(format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")),
            &mut conn,
        )
        .map_err(|e| failed(&e))?;
        let applied = conn
            .run_pending_migrations(MIGRATIONS)
            .map(|versions| versions.iter().map(ToString::to_string).collect::<Vec<_>>())
            .map_err(|e| failed(&*e));
        diesel::RunQueryDsl::execute(
            diesel::sql_query(format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")),
            &mut conn,
        )
        .map_err(|e| failed(&e))?;
        applied
    })
    .await
    .map_err(|error| StartupError::Migration(error.to_string()))?
}

/// The version of the newest embedded migration: the database is ready when it has been applied.
pub fn latest_migration_version() -> String {
    use diesel::migration::MigrationSource;
    let migrations = <EmbeddedMigrations as MigrationSource<diesel::pg::Pg>>::migrations(&MIGRATIONS)
        .expect("embedded migrations are readable");
    migrations.iter().map(|m| m.name().version().to_string()).max().unwrap_or_default()
}

/// True when the database answers and holds the newest migration.
pub async fn is_ready(conn: &mut AsyncPgConnection, latest_version: &str) -> bool {
    #[derive(QueryableByName)]
    struct Applied {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        applied: bool,
    }
    diesel::sql_query("SELECT EXISTS (SELECT 1 FROM __diesel_schema_migrations WHERE version = $1) AS applied")
        .bind::<diesel::sql_types::Text, _>(latest_version)
        .get_result::<Applied>(conn)
        .await
        .map(|row| row.applied)
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_the_logs() {
        let cases = [
            ("postgres://immo9:s3cret@db:5432/immo9", "postgres://immo9:***@db:5432/immo9"),
            ("postgres://postgres@127.0.0.1:5432/immo9", "postgres://postgres@127.0.0.1:5432/immo9"),
            ("postgres:///immo9?host=/run/pg", "postgres:///immo9?host=/run/pg"),
        ];
        for (url, expected) in cases {
            assert_eq!(redact_url(url), expected);
        }
    }

    #[test]
    fn the_latest_migration_is_known() {
        assert!(!latest_migration_version().is_empty());
    }
}
