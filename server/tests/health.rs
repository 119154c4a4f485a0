//! Liveness and readiness probes, and the start-up path against a database that is empty or unreachable.

mod common;

use common::{TestApp, TestDatabase};
use std::time::Duration;

#[tokio::test]
async fn a_migrated_instance_is_alive_and_ready() {
    let app = TestApp::spawn().await;
    let client = app.client();
    assert_eq!(client.get("/healthz").await.status(), 200);
    let ready = client.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    let body: serde_json::Value = ready.json().await.unwrap();
    assert_eq!(body["migration"], app::db::latest_migration_version());
}

#[tokio::test]
async fn an_unmigrated_database_is_alive_but_not_ready() {
    let app = TestApp::spawn_on(TestDatabase::empty().await).await;
    let client = app.client();
    assert_eq!(client.get("/healthz").await.status(), 200);
    let ready = client.get("/readyz").await;
    assert_eq!(ready.status(), 503);
    let body: serde_json::Value = ready.json().await.unwrap();
    assert_eq!(body["status"], "migrations_pending");
}

#[tokio::test]
async fn migrations_bring_an_empty_database_to_ready_and_are_idempotent() {
    let db = TestDatabase::empty().await;
    let applied = app::db::migrate(&db.url).await.unwrap();
    assert!(!applied.is_empty());
    assert!(app::db::migrate(&db.url).await.unwrap().is_empty(), "a second run applies nothing");
    let app = TestApp::spawn_on(db).await;
    assert_eq!(app.client().get("/readyz").await.status(), 200);
}

#[tokio::test]
async fn an_unreachable_database_gives_a_clear_error_without_the_password() {
    // Port 9 (discard) on loopback: nothing listens there.
    let error = app::db::connect("postgres://immo9:secret@127.0.0.1:9/immo9", 2, Duration::from_secs(2))
        .await
        .err()
        .expect("no database there");
    let message = error.to_string();
    assert!(message.starts_with("base de données injoignable à postgres://immo9:***@127.0.0.1:9/immo9"), "{message}");
    assert!(!message.contains("secret"));
}
