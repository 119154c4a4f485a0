//! The integration-test harness: every test gets its own database, cloned from a migrated template in
//! tens of milliseconds, and its own server instance on a free port, with a client that keeps cookies.
//!
//! The server is the real router (`server::router`), so tests go through the same HTTP surface as browsers
//! and scripts. `IMMO9_TEST_DATABASE_URL` names a server where the tests may create databases;
//! `cargo xtask test` sets it to its own cluster.

#![allow(dead_code)] // each test binary uses a different part of the harness

pub mod ldap;
pub mod smtp;

use app::auth::service::hash_password;
use app::clock::Clock;
use app::db::{DbPool, MIGRATIONS};
use app::directory::db::{NewSite, NewUser};
use app::domain::ids::{SiteId, UserId};
use app::domain::people::{Pole, Role, SiteKind, Typology};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use leptos::prelude::LeptosOptions;
use serde_json::Value;
use server::state::AppState;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::OnceCell;

pub const PASSWORD: &str = "mot de passe de test";

fn admin_url() -> String {
    std::env::var("IMMO9_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

fn url_of(database: &str) -> String {
    let admin = admin_url();
    let (server, query) = admin.split_once('?').map_or((admin.as_str(), String::new()), |(s, q)| (s, format!("?{q}")));
    let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
    format!("{base}/{database}{query}")
}

async fn admin_exec(sql: &str) {
    let mut conn = AsyncPgConnection::establish(&admin_url())
        .await
        .unwrap_or_else(|error| panic!("cannot reach the test database server ({}): {error}", admin_url()));
    diesel::sql_query(sql).execute(&mut conn).await.unwrap_or_else(|error| panic!("{sql}: {error}"));
}

/// The template's name changes with the migrations, so a stale template is never reused.
fn template_name() -> String {
    use diesel::migration::MigrationSource;
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for migration in MigrationSource::<diesel::pg::Pg>::migrations(&MIGRATIONS).unwrap() {
        migration.name().to_string().hash(&mut hasher);
    }
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../migrations")).unwrap() {
        let up = entry.unwrap().path().join("up.sql");
        std::fs::read_to_string(up).unwrap_or_default().hash(&mut hasher);
    }
    format!("immo9_tpl_{:016x}", hasher.finish())
}

static TEMPLATE: OnceCell<String> = OnceCell::const_new();

async fn template() -> &'static str {
    TEMPLATE
        .get_or_init(|| async {
            let name = template_name();
            let mut conn = AsyncPgConnection::establish(&admin_url()).await.expect("test database server");
            // Several test binaries may race to build the same template: one builds, the others wait.
            diesel::sql_query("SELECT pg_advisory_lock(7469312003)").execute(&mut conn).await.unwrap();
            #[derive(diesel::QueryableByName)]
            struct Exists {
                #[diesel(sql_type = diesel::sql_types::Bool)]
                exists: bool,
            }
            let exists = diesel::sql_query("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists")
                .bind::<diesel::sql_types::Text, _>(&name)
                .get_result::<Exists>(&mut conn)
                .await
                .unwrap()
                .exists;
            if !exists {
                let building = format!("{name}_building");
                diesel::sql_query(format!("DROP DATABASE IF EXISTS {building}")).execute(&mut conn).await.unwrap();
                diesel::sql_query(format!("CREATE DATABASE {building}")).execute(&mut conn).await.unwrap();
                app::db::migrate(&url_of(&building)).await.expect("migrations apply to an empty database");
                diesel::sql_query(format!("ALTER DATABASE {building} RENAME TO {name}"))
                    .execute(&mut conn)
                    .await
                    .unwrap();
            }
            diesel::sql_query("SELECT pg_advisory_unlock(7469312003)").execute(&mut conn).await.unwrap();
            name
        })
        .await
}

/// The clock a test server starts with: the real one, or the one `IMMO9_NOW` starts at another instant
/// (`IMMO9_NOW=2026-12-31T23:30:00+01:00 cargo xtask test` runs the suite on New Year's Eve).
pub fn suite_clock() -> Clock {
    Clock::from_setting(std::env::var("IMMO9_NOW").ok().as_deref()).expect("IMMO9_NOW is an RFC 3339 instant")
}

/// The suite's instant, for a scene set before (or apart from) any test server: what a new [`TestApp`]'s
/// clock reads, give or take the seconds the test has run.
pub fn suite_now() -> chrono::DateTime<chrono::Utc> {
    suite_clock().now()
}

/// A database of its own for one test, dropped when the test ends.
pub struct TestDatabase {
    pub name: String,
    pub url: String,
}

impl TestDatabase {
    /// A migrated database (empty of data).
    pub async fn migrated() -> Self {
        let template = template().await;
        Self::create(&format!("TEMPLATE {template}")).await
    }

    /// A database without any table, as a fresh deployment finds it.
    pub async fn empty() -> Self {
        Self::create("").await
    }

    async fn create(options: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let name = format!("immo9_t_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
        admin_exec(&format!("CREATE DATABASE {name} {options}")).await;
        TestDatabase { url: url_of(&name), name }
    }

    pub async fn conn(&self) -> AsyncPgConnection {
        AsyncPgConnection::establish(&self.url).await.expect("test database")
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        // Drop runs outside any async context: a short-lived runtime on its own thread does the clean-up.
        let _ = std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(admin_exec(&sql))
        })
        .join();
    }
}

/// A running server on a fresh database.
pub struct TestApp {
    pub db: TestDatabase,
    pub pool: DbPool,
    /// The server's clock: it runs from the suite's instant ([`suite_clock`]); a test that needs a given
    /// day or hour sets it (`app.clock.set(…)`), and the pages, server functions and API follow.
    pub clock: Clock,
    pub base_url: String,
    /// The site new test accounts work at (absent on an unmigrated database).
    pub site: Option<SiteId>,
    server: tokio::task::JoinHandle<()>,
}

impl TestApp {
    /// A server on a fresh migrated database holding one site.
    pub async fn spawn() -> Self {
        Self::spawn_with_pool(8).await
    }

    /// [`TestApp::spawn`] with `pool_size` connections, to make requests wait for one.
    pub async fn spawn_with_pool(pool_size: usize) -> Self {
        Self::spawn_with(pool_size, app::domain::attachment::DEFAULT_LIMITS).await
    }

    /// [`TestApp::spawn`] with other attachment limits than the defaults.
    pub async fn spawn_with_attachment_limits(limits: app::domain::attachment::Limits) -> Self {
        Self::spawn_with(8, limits).await
    }

    async fn spawn_with(pool_size: usize, limits: app::domain::attachment::Limits) -> Self {
        let mut app = Self::spawn_on_with(TestDatabase::migrated().await, pool_size, limits).await;
        let mut conn = app.pool.get().await.unwrap();
        let site = NewSite { code: "SIEGE-TEST", name: "Siège de test", kind: SiteKind::HeadOffice, city: "Bordeaux" }
            .insert(&mut conn)
            .await
            .expect("test site");
        drop(conn);
        app.site = Some(site);
        app
    }

    /// A server on `db` as it is, without migrating it.
    pub async fn spawn_on(db: TestDatabase) -> Self {
        Self::spawn_on_with(db, 8, app::domain::attachment::DEFAULT_LIMITS).await
    }

    async fn spawn_on_with(db: TestDatabase, pool_size: usize, limits: app::domain::attachment::Limits) -> Self {
        let pool = app::db::connect(&db.url, pool_size, Duration::from_secs(5)).await.expect("pool");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let clock = suite_clock();
        let mut state = Self::state(&db.url, &pool, &clock, address);
        state.attachment_limits = limits;
        let router = server::router(state);
        let server = tokio::spawn(async move {
            server::serve(listener, router, std::future::pending()).await.unwrap();
        });
        TestApp { db, pool, clock, base_url: format!("http://{address}"), site: None, server }
    }

    /// The state of a server instance on `pool` (of the database at `url`) listening on `address`.
    pub fn state(url: &str, pool: &DbPool, clock: &Clock, address: std::net::SocketAddr) -> AppState {
        let leptos_options =
            LeptosOptions::builder().output_name("immo9").site_addr(address).site_root("target/site").build();
        AppState {
            leptos_options,
            pool: pool.clone(),
            cookie_secure: false,
            clock: clock.clone(),
            latest_migration: app::db::latest_migration_version(),
            live: server::live::LiveHub::start(url.to_owned()),
            attachment_limits: app::domain::attachment::DEFAULT_LIMITS,
        }
    }

    /// Creates an active account with `roles`, password [`PASSWORD`].
    pub async fn user(&self, login: &str, roles: &[Role], pole: Option<Pole>) -> UserId {
        let mut conn = self.pool.get().await.unwrap();
        NewUser {
            login,
            display_name: &format!("Personne {login}"),
            phone: None,
            password_hash: hash_password(PASSWORD),
            site_id: self.site.expect("TestApp::spawn creates a site"),
            typology: Typology::HeadOffice,
            pole,
            roles,
        }
        .create(&mut conn)
        .await
        .expect("test account")
    }

    /// Runs SQL that sets up a test's scene; a failure names the statement.
    pub async fn exec(&self, sql: &str) {
        let mut conn = self.pool.get().await.unwrap();
        diesel::sql_query(sql).execute(&mut conn).await.unwrap_or_else(|error| panic!("{error}: {sql}"));
    }

    /// The `count` column of `SELECT count(*) AS count …`.
    pub async fn count(&self, sql: &str) -> i64 {
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            count: i64,
        }
        let mut conn = self.pool.get().await.unwrap();
        let rows: Vec<Count> =
            diesel::sql_query(sql).load(&mut conn).await.unwrap_or_else(|error| panic!("{error}: {sql}"));
        rows[0].count
    }

    /// The account `login` as the services see it when they act for a person.
    pub async fn current_user(&self, login: &str) -> app::auth::CurrentUser {
        let mut conn = self.pool.get().await.unwrap();
        app::auth::service::sign_in(&mut conn, attempt(login, PASSWORD), self.clock.now())
            .await
            .expect("test account signs in")
            .0
    }

    /// A client without a session.
    pub fn client(&self) -> Client {
        Client::of(&self.base_url)
    }

    /// Another server instance on the same database, with its own pool and live listener, as a second
    /// machine behind the load balancer would be. Stops when dropped.
    pub async fn another_instance(&self) -> Instance {
        let pool = app::db::connect(&self.db.url, 4, Duration::from_secs(5)).await.expect("pool");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        // The same world, the same time: both instances share the clock.
        let router = server::router(Self::state(&self.db.url, &pool, &self.clock, address));
        let server = tokio::spawn(async move {
            server::serve(listener, router, std::future::pending()).await.unwrap();
        });
        Instance { base_url: format!("http://{address}"), server }
    }

    /// A client signed in through the JSON API.
    pub async fn signed_in(&self, login: &str) -> Client {
        Client::signed_in(&self.base_url, login).await
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// A second server instance on a [`TestApp`]'s database.
pub struct Instance {
    pub base_url: String,
    server: tokio::task::JoinHandle<()>,
}

impl Instance {
    /// A client of this instance signed in through the JSON API.
    pub async fn signed_in(&self, login: &str) -> Client {
        Client::signed_in(&self.base_url, login).await
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.server.abort();
    }
}

#[derive(Clone)]
pub struct Client {
    pub http: reqwest::Client,
    pub base_url: String,
}

impl Client {
    /// A client of the server at `base_url`, without a session.
    pub fn of(base_url: &str) -> Client {
        Client {
            http: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                // A response that never ends must fail its test, not hang the whole run.
                .timeout(Duration::from_secs(60))
                .build()
                .unwrap(),
            base_url: base_url.to_owned(),
        }
    }

    /// A client of the server at `base_url` signed in as `login` (password [`PASSWORD`]).
    pub async fn signed_in(base_url: &str, login: &str) -> Client {
        let client = Client::of(base_url);
        let response = client.sign_in(login, PASSWORD).await;
        assert_eq!(response.status(), 200, "sign in as {login}");
        client
    }

    /// Opens the live event stream (`/api/v1/live`).
    pub async fn live(&self) -> EventStream {
        let response = self.http.get(format!("{}/api/v1/live", self.base_url)).send().await.unwrap();
        assert_eq!(response.status(), 200, "the live stream opens");
        EventStream { response, buffer: String::new() }
    }

    pub async fn sign_in(&self, login: &str, password: &str) -> reqwest::Response {
        self.http
            .post(format!("{}/api/v1/session", self.base_url))
            .json(&serde_json::json!({ "login": login, "password": password }))
            .send()
            .await
            .unwrap()
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(format!("{}{path}", self.base_url)).send().await.unwrap()
    }

    /// A JSON API `GET`: the status and the decoded body.
    pub async fn get_json(&self, path: &str) -> (u16, Value) {
        Self::answer(self.http.get(format!("{}{path}", self.base_url))).await
    }

    /// A JSON API `POST` of `body`: the status and the decoded body.
    pub async fn post_json(&self, path: &str, body: impl serde::Serialize) -> (u16, Value) {
        Self::answer(self.http.post(format!("{}{path}", self.base_url)).json(&body)).await
    }

    /// Applies a workflow action through `POST /api/v1/tickets/{reference}/transitions`, with the version the
    /// ticket has now (0 when this client may not see it) and the action's `extra` fields: the status and the
    /// ticket (or the error).
    pub async fn act(&self, reference: &str, action: &str, extra: Value) -> (u16, Value) {
        let (_, ticket) = self.get_json(&format!("/api/v1/tickets/{reference}")).await;
        let version = serde_json::from_value::<app::tickets::TicketDetail>(ticket).map_or(0, |t| t.summary.version);
        let mut body = serde_json::json!({ "action": action, "version": version });
        body.as_object_mut().unwrap().extend(extra.as_object().cloned().unwrap_or_default());
        self.post_json(&format!("/api/v1/tickets/{reference}/transitions"), body).await
    }

    /// `GET /api/v1/tickets/{reference}`, decoded into the wire type the pages read.
    pub async fn ticket(&self, reference: &str) -> app::tickets::TicketDetail {
        let (status, body) = self.get_json(&format!("/api/v1/tickets/{reference}")).await;
        assert_eq!(status, 200, "{reference}: {body}");
        serde_json::from_value(body).unwrap_or_else(|error| panic!("{reference}: not a ticket ({error})"))
    }

    /// A raw `POST` of `bytes` (a file upload): the status and the decoded body.
    pub async fn post_bytes(&self, path: &str, bytes: Vec<u8>) -> (u16, Value) {
        Self::answer(
            self.http
                .post(format!("{}{path}", self.base_url))
                .header("Content-Type", "application/octet-stream")
                .body(bytes),
        )
        .await
    }

    /// Loads a page as a browser does (asking for HTML, which is what makes redirects real 302s).
    pub async fn page(&self, path: &str) -> reqwest::Response {
        self.http.get(format!("{}{path}", self.base_url)).header("Accept", "text/html").send().await.unwrap()
    }

    /// Calls a server function declared with `input = Json`.
    pub async fn server_fn_json(&self, path: &str, body: &Value) -> (u16, Value) {
        Self::answer(self.server_fn_request(path).json(body)).await
    }

    /// Calls a server function the way an `<ActionForm>` does: a URL-encoded POST.
    pub async fn server_fn(&self, path: &str, form: &[(&str, &str)]) -> (u16, Value) {
        Self::answer(self.server_fn_request(path).form(form)).await
    }

    fn server_fn_request(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.post(format!("{}{path}", self.base_url)).header("Accept", "application/json")
    }

    /// The status and the decoded body (or the raw text when it is not JSON).
    async fn answer(request: reqwest::RequestBuilder) -> (u16, Value) {
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let body = response.text().await.unwrap();
        (status, serde_json::from_str(&body).unwrap_or(Value::String(body)))
    }
}

/// The URL path of a server function.
pub fn server_fn_path<F: leptos::server_fn::ServerFn>() -> &'static str {
    F::PATH
}

/// A sign-in attempt from nowhere in particular (no address), as the services take it.
pub fn attempt<'a>(login: &'a str, password: &'a str) -> app::auth::service::SignInAttempt<'a> {
    app::auth::service::SignInAttempt { login, password, user_agent: None, address: None }
}

/// An instant written as RFC 3339 (`2026-11-10T09:00:00Z`).
pub fn instant(text: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&chrono::Utc)
}

/// An instant written as people in Bordeaux read it, `2026-11-23 19:00` (Paris time).
pub fn paris_time(text: &str) -> chrono::DateTime<chrono::Utc> {
    let (date, time) = text.split_once(' ').unwrap();
    app::domain::calendar::paris(date.parse().unwrap(), chrono::NaiveTime::parse_from_str(time, "%H:%M").unwrap())
}

/// The `code` of a JSON API error body.
pub fn error_code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or_default()
}

/// A Server-Sent Events stream read event by event.
pub struct EventStream {
    response: reqwest::Response,
    buffer: String,
}

impl EventStream {
    /// The next named event (`event`, `data`), skipping comments and keep-alives; `None` when nothing
    /// arrives within `within`.
    pub async fn next_event(&mut self, within: Duration) -> Option<(String, String)> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let field = |name: &str| {
                    block.lines().find_map(|line| line.strip_prefix(name)).map(|value| value.trim_start().to_owned())
                };
                if let Some(event) = field("event:") {
                    return Some((event, field("data:").unwrap_or_default()));
                }
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk()).await.ok()?.ok()??;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
}
