//! The queue boards under a desk's years of tickets: what loading a pole's board costs on the server, the
//! plan PostgreSQL follows for it, and how long a change takes to reach 200 connected boards.
//!
//! `cargo xtask db start`, then:
//! `IMMO9_TEST_DATABASE_URL=$(cargo xtask db url | sed 's#/immo9$#/postgres#') cargo bench -p server --bench boards`
//! Options (environment): BENCH_TICKETS (default 100000), BENCH_LOADS (board loads per pole, default 200),
//! BENCH_BOARDS (connected boards, default 200), BENCH_CHANGES (changes sent, default 50).
//! It builds a fresh database (migrated, the demo, then `demo::volume`, as `server seed-volume` does),
//! measures on loopback, prints the figures and asserts nothing about time.

#[path = "../tests/common/mod.rs"]
mod common;

use app::domain::board::BoardScope;
use app::domain::people::Pole;
use common::{TestApp, TestDatabase};
use diesel_async::RunQueryDsl;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|value| value.parse().ok()).unwrap_or(default)
}

/// The `q`-quantile of `runs` (nearest rank).
fn quantile(runs: &mut [Duration], q: f64) -> Duration {
    runs.sort();
    let rank = ((q * runs.len() as f64).ceil() as usize).clamp(1, runs.len());
    runs[rank - 1]
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn summary(label: &str, runs: &mut [Duration]) {
    println!(
        "{label}: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms over {} runs",
        ms(quantile(runs, 0.5)),
        ms(quantile(runs, 0.9)),
        ms(quantile(runs, 0.99)),
        ms(quantile(runs, 1.0)),
        runs.len()
    );
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let tickets = env_number("BENCH_TICKETS", 100_000);
        let loads = env_number("BENCH_LOADS", 200).max(1);
        let boards = env_number("BENCH_BOARDS", 200).max(1);
        let changes = env_number("BENCH_CHANGES", 50).max(1);

        let app = TestApp::spawn_on(TestDatabase::migrated().await).await;
        let mut conn = app.pool.get().await.unwrap();
        let started = Instant::now();
        server::demo::load_if_empty(&mut conn, app.clock.now()).await.expect("demo data");
        let demo = started.elapsed();
        let started = Instant::now();
        let report = server::demo::volume::seed(&mut conn, tickets, app.clock.now(), |_| {}).await.expect("volume");
        let seeding = started.elapsed();
        diesel::sql_query("ANALYZE").execute(&mut conn).await.unwrap();
        println!(
            "database: demo in {:.1} s, then {} tickets ({} closed, {} open) in {:.1} s ({:.0} tickets/s)",
            demo.as_secs_f64(),
            report.closed + report.open,
            report.closed,
            report.open,
            seeding.as_secs_f64(),
            (report.closed + report.open) as f64 / seeding.as_secs_f64()
        );

        // The server's cost of a pole's board: the service call a server function makes, without HTTP.
        let agent = app::auth::service::sign_in(
            &mut conn,
            app::auth::service::SignInAttempt {
                login: "n1@immo9.fr",
                password: server::demo::DEMO_PASSWORD,
                user_agent: None,
                address: None,
            },
            app.clock.now(),
        )
        .await
        .expect("the demo's N1 agent signs in")
        .0;
        for pole in [Pole::Front, Pole::Back, Pole::Expert, Pole::Atelier] {
            let mut runs = Vec::with_capacity(loads);
            let mut held = 0;
            let mut size = 0;
            for _ in 0..loads {
                let started = Instant::now();
                let board = app::boards::service::load(&mut conn, &agent, BoardScope::Pole(pole), app.clock.now())
                    .await
                    .unwrap();
                runs.push(started.elapsed());
                held = board.tickets.len();
                size = serde_json::to_vec(&board).unwrap().len();
            }
            summary(&format!("board load, {pole} ({held} open tickets, {} KiB of JSON)", size / 1024), &mut runs);
        }
        let plan = app::boards::service::explain_pole_board(&mut conn, Pole::Front, false).await.unwrap();
        println!("EXPLAIN (ANALYZE, BUFFERS) of the Front Office's board query:\n{plan}");

        // The same through HTTP (the server function, JSON and loopback included).
        let client = common::Client::of(&app.base_url);
        assert_eq!(client.sign_in("n1@immo9.fr", server::demo::DEMO_PASSWORD).await.status(), 200);
        let mut runs = Vec::with_capacity(loads);
        for _ in 0..loads {
            let started = Instant::now();
            let (status, _) = client.server_fn_json("/api/tableau", &json!({ "scope": { "Pole": "FRONT" } })).await;
            runs.push(started.elapsed());
            assert_eq!(status, 200);
        }
        summary("board load through HTTP, FRONT", &mut runs);

        // 200 boards listening; each change is committed, then timed until every board has heard it.
        let received: Arc<Mutex<HashMap<i64, Vec<Instant>>>> = Arc::default();
        let mut readers = Vec::with_capacity(boards);
        for _ in 0..boards {
            let mut stream = client.live().await;
            let received = Arc::clone(&received);
            readers.push(tokio::spawn(async move {
                while let Some((event, data)) = stream.next_event(Duration::from_secs(30)).await {
                    if event != "ticket" {
                        continue;
                    }
                    let at = Instant::now();
                    let change: Value = serde_json::from_str(&data).unwrap();
                    let version = change["version"].as_i64().unwrap();
                    received.lock().await.entry(version).or_default().push(at);
                }
            }));
        }
        // Every stream is open once it has had its first resync; give them a moment to be listening.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let id: i64 = {
            use app::db::schema::tickets;
            use diesel::{ExpressionMethods, QueryDsl};
            tickets::table.filter(tickets::status.eq("NOUVEAU")).select(tickets::id).first(&mut conn).await.unwrap()
        };
        let mut sent: Vec<(i64, Instant)> = Vec::with_capacity(changes);
        for _ in 0..changes {
            // Timed from before the statement: the figure includes its round trip and the commit.
            let before = Instant::now();
            let version: i32 = diesel::sql_query(
                "UPDATE tickets SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version",
            )
            .bind::<diesel::sql_types::BigInt, _>(id)
            .get_result::<Version>(&mut conn)
            .await
            .unwrap()
            .version;
            sent.push((i64::from(version), before));
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
        let received = received.lock().await;
        let mut latencies = Vec::with_capacity(changes * boards);
        let mut missing = 0;
        for (version, at) in &sent {
            let heard = received.get(version).map_or(&[][..], Vec::as_slice);
            missing += boards.saturating_sub(heard.len());
            latencies.extend(heard.iter().map(|heard| heard.saturating_duration_since(*at)));
        }
        summary(&format!("change → {boards} boards ({changes} changes, {missing} deliveries missing)"), &mut latencies);
        for reader in readers {
            reader.abort();
        }
    });
}

#[derive(diesel::QueryableByName)]
struct Version {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    version: i32,
}
