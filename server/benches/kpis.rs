//! The KPI page on a desk's years of tickets: what `kpis::service::page` (the facts of two periods read and
//! counted, the steps of the period, the domain × site grid) costs for a month, a month of one pole, and a
//! year; and the XLSX export of a table.
//!
//! `cargo xtask db start`, then:
//! `IMMO9_TEST_DATABASE_URL=$(cargo xtask db url | sed 's#/immo9$#/postgres#') cargo bench -p server --bench kpis`
//! Options (environment): BENCH_TICKETS (default 100000), BENCH_RUNS (default 20). Builds a fresh database
//! (the demo, then `demo::volume`, as `server seed-volume` does, plus stopped clocks for every resolved
//! ticket), prints the figures, asserts nothing.

#[path = "../tests/common/mod.rs"]
mod common;

use app::kpis::export::ExportFormat;
use app::kpis::query::KpiQuery;
use app::kpis::sheets::{SheetKind, sheet};
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
        server::demo::load_if_empty(&mut conn, Utc::now()).await.expect("demo data");
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

        // What the KPI page asks for: the report of two periods, its steps, its domain × site grid, the sites.
        let today = app::kpis::query::paris_day(now);
        let days_back = |days: i64| Some((today - TimeDelta::days(days)).to_string());
        let month = KpiQuery::default();
        let front = KpiQuery { pole: Some("FRONT".into()), ..KpiQuery::default() };
        let year = KpiQuery { from: days_back(364), ..KpiQuery::default() };
        for (label, query) in [("30 jours", &month), ("30 jours, Front Office", &front), ("365 jours", &year)] {
            let mut times = Vec::with_capacity(runs);
            let mut shape = (0, 0, 0);
            for _ in 0..runs {
                let started = Instant::now();
                let page = app::kpis::service::page(&mut conn, query, now).await.unwrap();
                times.push(started.elapsed());
                shape = (page.report.lines.len(), page.steps.len(), page.grid.len());
            }
            let period = query.period(now).unwrap();
            let read = app::kpis::service::facts(&mut conn, period.previous().from, period.to).await.unwrap().len();
            times.sort();
            println!(
                "page des indicateurs {label} ({} indicateurs, {} pas, {} cases domaine × site, {read} tickets lus) : \
                 médiane {:.1} ms, 90 % {:.1} ms, max {:.1} ms sur {runs} essais",
                shape.0,
                shape.1,
                shape.2,
                ms(times[times.len() / 2]),
                ms(times[(times.len() * 9).div_ceil(10) - 1]),
                ms(times[times.len() - 1])
            );
        }
        // The export of the largest table behind a chart, as the page's XLSX link asks for it.
        let page = app::kpis::service::page(&mut conn, &year, now).await.unwrap();
        let started = Instant::now();
        let bytes = app::kpis::export::write(&sheet(&page, SheetKind::Evolution), ExportFormat::Xlsx).unwrap();
        println!(
            "export XLSX du tableau « Évolution » sur 365 jours : {:.1} ms, {} octets",
            ms(started.elapsed()),
            bytes.len()
        );
    });
}
