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
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    let db = TestDatabase::migrated().await;
    let mut conn = db.conn().await;
    let DemoOutcome::Loaded { sites, accounts, tickets } = load_if_empty(&mut conn, common::suite_now()).await.unwrap()
    else {
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
    assert_eq!(load_if_empty(&mut conn, common::suite_now()).await.unwrap(), DemoOutcome::SkippedDatabaseNotEmpty);
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

    // Steering: the Libourne outage shows to the agency's employee only; Qualité has surveys to read.
    let banners = |login: &'static str| {
        let app = &app;
        async move {
            let client = app.client();
            client.sign_in(login, DEMO_PASSWORD).await;
            let path = <app::campaigns::api::LiveBanners as leptos::server_fn::ServerFn>::PATH;
            let (_, banners) = client.server_fn_json(path, &serde_json::json!({})).await;
            banners.as_array().unwrap().iter().map(|b| b["title"].as_str().unwrap().to_owned()).collect::<Vec<_>>()
        }
    };
    assert!(banners("employe@immo9.fr").await.contains(&"Coupure réseau à l'agence de Libourne".to_owned()));
    assert!(!banners("julie.perrin@immo9.fr").await.contains(&"Coupure réseau à l'agence de Libourne".to_owned()));
    let quality = app.client();
    quality.sign_in("qualite@immo9.fr", DEMO_PASSWORD).await;
    let path = <app::surveys::api::LoadSatisfaction as leptos::server_fn::ServerFn>::PATH;
    let (_, satisfaction) = quality.server_fn_json(path, &serde_json::json!({})).await;
    assert!(satisfaction["answered_30_days"].as_i64().unwrap() >= 3, "{satisfaction}");
    assert!(!satisfaction["follow_ups"].as_array().unwrap().is_empty(), "{satisfaction}");
}

#[tokio::test]
async fn a_database_with_accounts_is_left_untouched() {
    let app = TestApp::spawn().await;
    app.user("vrai.compte@immo9.fr", &[], None).await;
    let mut conn = app.db.conn().await;
    assert_eq!(load_if_empty(&mut conn, common::suite_now()).await.unwrap(), DemoOutcome::SkippedDatabaseNotEmpty);
    let response = app.client().sign_in("admin@immo9.fr", DEMO_PASSWORD).await;
    assert_eq!(response.status(), 401, "no demo account was added beside real ones");
}

#[derive(diesel::QueryableByName)]
struct VolumeRow {
    #[diesel(sql_type = BigInt)]
    tickets: i64,
    #[diesel(sql_type = BigInt)]
    open: i64,
    #[diesel(sql_type = BigInt)]
    open_without_clock: i64,
    #[diesel(sql_type = BigInt)]
    without_history: i64,
    #[diesel(sql_type = BigInt)]
    qualified: i64,
}

async fn count_tickets(conn: &mut diesel_async::AsyncPgConnection) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        count: i64,
    }
    diesel::sql_query("SELECT count(*) AS count FROM tickets").get_result::<Count>(conn).await.unwrap().count
}

/// `server seed-volume`: a desk's years of tickets added to the demo, the backlog with its clocks, every
/// ticket with its history; on a database without the demo, a French error and nothing written.
#[tokio::test]
async fn the_volume_seed_adds_a_coherent_desk_to_the_demo() {
    use server::demo::volume::{OPEN_SHARE, VolumeReport, seed};

    let empty = TestDatabase::migrated().await;
    let mut conn = empty.conn().await;
    let error = seed(&mut conn, 100, common::suite_now(), |_| {}).await.unwrap_err();
    assert_eq!(error.code(), "validation");
    assert!(error.message().contains("chargez d'abord la démonstration"), "{}", error.message());
    assert_eq!(count_tickets(&mut conn).await, 0, "nothing was written");

    let db = TestDatabase::migrated().await;
    let mut conn = db.conn().await;
    load_if_empty(&mut conn, common::suite_now()).await.unwrap();
    let before = count_tickets(&mut conn).await;
    let mut batches = Vec::new();
    let report = seed(&mut conn, 2_000, common::suite_now(), |stored| batches.push(stored)).await.unwrap();
    assert_eq!(report, VolumeReport { closed: 1_970, open: 30 });
    assert_eq!(batches, [500, 1_000, 1_500, 2_000]);
    assert_eq!(((2_000.0 * OPEN_SHARE) as usize), report.open);
    let row: VolumeRow = diesel::sql_query(
        "SELECT count(*) AS tickets, \
                count(*) FILTER (WHERE status NOT IN ('CLOS', 'ANNULE', 'REFUSE')) AS open, \
                count(*) FILTER (WHERE status IN ('NOUVEAU', 'EN_COURS') AND NOT EXISTS \
                    (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = t.id AND c.stopped_at IS NULL)) AS open_without_clock, \
                count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM ticket_history h WHERE h.ticket_id = t.id)) AS without_history, \
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ticket_qualification q WHERE q.ticket_id = t.id)) AS qualified \
         FROM tickets t WHERE source_ref LIKE 'volume:%'",
    )
    .get_result(&mut conn)
    .await
    .unwrap();
    assert_eq!((row.tickets, row.open, row.open_without_clock, row.without_history), (2_000, 30, 0, 0));
    assert!((1_200..1_600).contains(&row.qualified), "about seven in ten are qualified: {}", row.qualified);
    assert_eq!(count_tickets(&mut conn).await, before + 2_000);
}

/// The demo desk reads like a working day, whatever the day: at the first start the jobs find no reminder
/// to catch up and no escalation late, and on a Wednesday morning the open tickets show every SLA band.
#[tokio::test]
async fn the_demo_desk_starts_as_a_working_day_not_a_backlog_in_meltdown() {
    use app::domain::sla::{Band, Measure};
    use app::domain::workflow::StatusGroup;
    let now = common::suite_now();
    let db = TestDatabase::migrated().await;
    let mut conn = db.conn().await;
    load_if_empty(&mut conn, now).await.unwrap();
    let jobs = app::tickets::service::run_lifecycle_jobs(&mut conn, now).await.unwrap();
    assert_eq!((jobs.reminders, jobs.auto_resolved), (0, 0), "no requester is reminded at the first start");
    let escalations = app::sla::clocks::run_escalations(&mut conn, now + chrono::TimeDelta::minutes(1)).await.unwrap();
    assert_eq!(escalations.late, 0, "no escalation is late at the first start: {escalations:?}");

    let wednesday = common::paris_time("2026-12-02 11:00");
    let db = TestDatabase::migrated().await;
    let mut conn = db.conn().await;
    load_if_empty(&mut conn, wednesday).await.unwrap();
    use app::db::schema::tickets;
    use diesel::{QueryDsl, TextExpressionMethods};
    let open: Vec<(i64, app::domain::workflow::Status)> = tickets::table
        .filter(tickets::source_ref.like("demo:A%"))
        .select((tickets::id, tickets::status))
        .load(&mut conn)
        .await
        .unwrap();
    let mut bands = std::collections::BTreeSet::new();
    let open =
        open.into_iter().filter(|(_, status)| !matches!(status.group(), StatusGroup::Resolved | StatusGroup::Closed));
    for (id, _) in open {
        for clock in app::sla::clocks::clocks_of(&mut conn, id, wednesday).await.unwrap() {
            if clock.measure != Measure::PoleHandling && clock.stopped.is_none() && !clock.paused {
                bands.insert(format!("{:?}", clock.band));
            }
        }
    }
    let expected: std::collections::BTreeSet<String> = Band::ALL.iter().map(|band| format!("{band:?}")).collect();
    assert_eq!(bands, expected, "the open tickets of a Wednesday morning show every band");
}
