//! The demo data: complete, loaded once, never into a database that already has accounts.

mod common;

use common::{TestApp, TestDatabase};
use diesel::sql_types::{BigInt, Double, Nullable};
use diesel_async::RunQueryDsl;
use server::demo::{ACCOUNTS, DEMO_PASSWORD, DemoOutcome, load_if_empty};

#[derive(diesel::QueryableByName)]
struct HistoryRow {
    #[diesel(sql_type = BigInt)]
    history: i64,
    #[diesel(sql_type = BigInt)]
    closed: i64,
    #[diesel(sql_type = Nullable<Double>)]
    weeks: Option<f64>,
}

#[tokio::test]
async fn the_demo_loads_into_an_empty_database_once_and_every_account_signs_in() {
    let db = TestDatabase::migrated().await;
    let mut conn = db.conn().await;
    let DemoOutcome::Loaded { sites, accounts, tickets } = load_if_empty(&mut conn).await.unwrap() else {
        panic!("the demo loads into an empty database");
    };
    assert_eq!((sites, accounts), (15, ACCOUNTS.len()));
    // The sample week (68 activities and catalog requests) after six weeks of closed history.
    let (history, closed, weeks): (i64, i64, Option<f64>) = diesel::sql_query(
        "SELECT count(*) AS history, count(*) FILTER (WHERE status = 'CLOS') AS closed, \
                (extract(epoch FROM max(registered_at) - min(registered_at)) / 604800)::float8 AS weeks \
         FROM tickets WHERE source_ref LIKE 'demo:historique:%'",
    )
    .get_result::<HistoryRow>(&mut conn)
    .await
    .map(|row| (row.history, row.closed, row.weeks))
    .unwrap();
    assert_eq!(tickets as i64, 68 + history);
    assert!(history > 1_000, "{history} tickets of history");
    assert_eq!(closed, history, "the history is closed");
    assert!(weeks.is_some_and(|weeks| (5.5..6.0).contains(&weeks)), "{weeks:?}");
    assert_eq!(load_if_empty(&mut conn).await.unwrap(), DemoOutcome::SkippedDatabaseNotEmpty);
    drop(conn);

    let app = TestApp::spawn_on(db).await;
    for account in ACCOUNTS {
        let response = app.client().sign_in(account.login, DEMO_PASSWORD).await;
        assert_eq!(response.status(), 200, "{}", account.login);
    }

    // The demo's managers find requests waiting for them; the portal knows which entries are used most.
    let manager = app.client();
    manager.sign_in("manager@immo9.fr", DEMO_PASSWORD).await;
    let path = <app::tickets::api::PendingApprovals as leptos::server_fn::ServerFn>::PATH;
    let (status, pending) = manager.server_fn(path, &[]).await;
    assert_eq!(status, 200);
    assert_eq!(pending.as_array().map(Vec::len), Some(1), "{pending}");
    let catalog: serde_json::Value = manager.get("/api/v1/catalog").await.json().await.unwrap();
    let uses = |code: &str| catalog.as_array().unwrap().iter().find(|e| e["code"] == code).unwrap()["usage"].as_i64();
    assert_eq!(
        (uses("POSTE_SECOND_ECRAN"), uses("RESEAU_VPN"), uses("TELEPHONIE_SMARTPHONE")),
        (Some(2), Some(1), Some(0))
    );
}

#[tokio::test]
async fn a_database_with_accounts_is_left_untouched() {
    let app = TestApp::spawn().await;
    app.user("vrai.compte@immo9.fr", &[], None).await;
    let mut conn = app.db.conn().await;
    assert_eq!(load_if_empty(&mut conn).await.unwrap(), DemoOutcome::SkippedDatabaseNotEmpty);
    let response = app.client().sign_in("admin@immo9.fr", DEMO_PASSWORD).await;
    assert_eq!(response.status(), 401, "no demo account was added beside real ones");
}
