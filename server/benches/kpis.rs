//! The KPI report on a desk's years of tickets: what `kpis::service::report` (the facts of two periods read
//! and counted) costs for a month, a month of one pole, and a year.
//!
//! `cargo xtask db start`, then:
//! `IMMO9_TEST_DATABASE_URL=$(cargo xtask db url | sed 's#/immo9$#/postgres#') cargo bench -p server --bench kpis`
//! Options (environment): BENCH_TICKETS (default 100000), BENCH_RUNS (default 20). Builds a fresh database
//! (the demo, then `demo::volume`, as `server seed-volume` does, plus stopped clocks for every resolved
//! ticket), prints the figures, asserts nothing.

#[path = "../tests/common/mod.rs"]
mod common;

use app::domain::kpi::{KpiFilter, Period};
use app::domain::people::Pole;
use chrono::{TimeDelta, Utc};
use common::{TestApp, TestDatabase};
use diesel_async::RunQueryDsl;
use std::time::{Duration, Instant};

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|value| value.parse().ok()).unwrap_or(default)
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let tickets = env_number("BENCH_TICKETS", 100_000);
        let runs = env_number("BENCH_RUNS", 20).max(1);
        let app = TestApp::spawn_on(TestDatabase::migrated().await).await;
        let mut conn = app.pool.get().await.unwrap();
        server::demo::load_if_empty(&mut conn).await.expect("demo data");
        let now = Utc::now();
        let report = server::demo::volume::seed(&mut conn, tickets, now, |_| {}).await.expect("volume");
        // The volume seed gives clocks to open tickets only: every resolved one gets its two stopped clocks
        // here (one in five late), so the report counts business minutes as it would on a real desk.
        for measure in ["PRISE_EN_CHARGE", "RESOLUTION"] {
            let stop = if measure == "RESOLUTION" {
                "resolved_at"
            } else {
                "LEAST(resolved_at, registered_at + interval '20 minutes' * (1 + id % 7))"
            };
            diesel::sql_query(format!(
                "INSERT INTO ticket_clocks (ticket_id, measure, cycle, pole, calendar_code, priority, target_minutes, \
                 started_at, stopped_at, breached) \
                 SELECT id, '{measure}', 1, pole, 'SIEGE', priority, 60, registered_at, {stop}, id % 5 = 0 \
                 FROM tickets WHERE resolved_at IS NOT NULL ON CONFLICT DO NOTHING"
            ))
            .execute(&mut conn)
            .await
            .unwrap();
        }
        diesel::sql_query("ANALYZE").execute(&mut conn).await.unwrap();
        println!("base : la démo puis {} tickets ({} ouverts)", report.closed + report.open, report.open);

        let month = Period { from: now - TimeDelta::days(30), to: now };
        let year = Period { from: now - TimeDelta::days(365), to: now };
        let front = KpiFilter { pole: Some(Pole::Front), ..KpiFilter::default() };
        for (label, filter, period) in
            [("30 jours", KpiFilter::default(), month), ("30 jours, Front Office", front, month), ("365 jours", KpiFilter::default(), year)]
        {
            let mut times = Vec::with_capacity(runs);
            let mut facts = 0;
            for _ in 0..runs {
                let started = Instant::now();
                let report = app::kpis::service::report(&mut conn, &filter, period).await.unwrap();
                times.push(started.elapsed());
                facts = report.lines.len();
            }
            let read = app::kpis::service::facts(&mut conn, period.previous().from, period.to).await.unwrap().len();
            times.sort();
            println!(
                "rapport {label} ({facts} indicateurs, {read} tickets lus) : médiane {:.1} ms, 90 % {:.1} ms, max {:.1} ms sur {runs} essais",
                ms(times[times.len() / 2]),
                ms(times[(times.len() * 9).div_ceil(10) - 1]),
                ms(times[times.len() - 1])
            );
        }
    });
}
